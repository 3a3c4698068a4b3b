//! Table-driven tests of normalization: one case per rule of the notes' table
//! (`shared/notes/arabic-processing.md` §2.2).

use isnad_segment::normalize::{fold_letter, light, light_into, match_key, match_key_into};

/// (rule, input, light form)
const LIGHT: &[(&str, &str, &str)] = &[
    ("1 NFKC composes decomposed hamza", "ا\u{0654}حمد", "أحمد"),
    ("1 NFKC maps presentation forms", "ﺃﻋﻠﻦ ﻻ", "أعلن لا"),
    (
        "1a isolated haraka form leaves no stray space",
        "ش\u{FE7C}د",
        "شد",
    ),
    (
        "2 ZWNJ and RLM deleted, not spaced",
        "مي\u{200C}خواهم\u{200F}",
        "ميخواهم",
    ),
    (
        "2 bidi embeddings and BOM deleted",
        "\u{FEFF}\u{202B}سانا\u{202C}",
        "سانا",
    ),
    (
        "3 exotic spaces become one space",
        "دمشق\u{00A0}\u{2009} سانا",
        "دمشق سانا",
    ),
    ("4 harakat and shadda removed", "أَنَّ الاجْتِمَاعَ", "أن الاجتماع"),
    ("4 superscript alef removed", "هٰذا", "هذا"),
    (
        "4b Quranic marks removed",
        "الرحيم\u{06D6}\u{06DA}",
        "الرحيم",
    ),
    ("5 tatweel removed", "الاجتمـــاع", "الاجتماع"),
    ("6 Arabic-Indic digits", "٢٠٢٣", "2023"),
    ("6 Persian digits", "۱۴۰۲", "1402"),
    ("6 Arabic decimal separator and percent", "٣٫٥٪", "3.5%"),
    ("6 Arabic thousands separator", "٢٬٢٥٤", "2,254"),
    (
        "display letters kept in the light form",
        "مسؤول إلى مدرسة",
        "مسؤول إلى مدرسة",
    ),
    (
        "whitespace collapsed and trimmed",
        "  قال \t\n الوزير  ",
        "قال الوزير",
    ),
    ("ASCII fast path", "  Hello,\tWorld!  ", "Hello, World!"),
];

/// (rule, input, match key)
const KEY: &[(&str, &str, &str)] = &[
    (
        "7 alef variants",
        "أحمد إبراهيم آمال ٱلله",
        "احمد ابراهيم امال الله",
    ),
    ("8 hamza on waw and ya", "مسئول شؤون", "مسءول شءون"),
    ("9 alef maqsura", "الذى فى", "الذي في"),
    ("10 ta marbuta", "مدرسة", "مدرسه"),
    ("11 Persian kaf and ya", "کتاب ایران", "كتاب ايران"),
    (
        "11 Persian gaf, pe, che, ve",
        "گاز پاکستان چین ڤيينا",
        "كاز باكستان جين فيينا",
    ),
    ("11 heh variants", "ھذہ", "هذه"),
    (
        "12 punctuation and quotes dropped",
        "«قال»: “نعم”، (لا)؛ لماذا؟",
        "قال نعم لا لماذا",
    ),
    ("12 dashes separate", "موسكو-سانا", "موسكو سانا"),
    ("13 Latin lowercased", "Reuters SAID", "reuters said"),
    (
        "13 Greek and Cyrillic lowercased",
        "ΑΘΗΝΑ МОСКВА",
        "αθηνα москва",
    ),
    ("numbers: decimal point kept", "3.5 مليار", "3.5 مليار"),
    ("numbers: Arabic decimal equals ASCII", "٣٫٥٪", "3.5%"),
    ("numbers: percent before the number", "%3.5", "3.5%"),
    ("numbers: percent after a space", "3.5 %", "3.5%"),
    (
        "numbers: thousands separator dropped",
        "2,254 ليرة",
        "2254 ليره",
    ),
    ("numbers: several thousands groups", "1,250,000", "1250000"),
    ("numbers: decimal comma", "3,5", "3.5"),
    (
        "numbers: a full stop after a number is punctuation",
        "عام 2023.",
        "عام 2023",
    ),
    ("numbers: dates keep their dots", "1.6.2023", "1.6.2023"),
    ("numbers: times split at the colon", "10:30", "10 30"),
    (
        "diacritics and tatweel gone from the key",
        "أكّد الاجتمـــاعُ",
        "اكد الاجتماع",
    ),
    (
        "invisible characters gone from the key",
        "سا\u{200C}نا",
        "سانا",
    ),
    ("presentation forms folded", "ﺃﻋﻠﻦ", "اعلن"),
    ("empty input", "", ""),
    ("punctuation only", "«…» — !", ""),
];

#[test]
fn light_rules() {
    for (rule, input, want) in LIGHT {
        assert_eq!(light(input), *want, "rule {rule}");
    }
}

#[test]
fn match_key_rules() {
    for (rule, input, want) in KEY {
        assert_eq!(match_key(input), *want, "rule {rule}");
    }
}

#[test]
fn match_key_equates_outlet_spelling_variants() {
    for (a, b) in [
        ("مسئول شئون", "مسؤول شؤون"),
        ("نسبة ٣٫٥٪", "نسبه %3.5"),
        ("أكّد الرئيس", "اكد الرئيس"),
        ("وقال: «إن الحل سياسي».", "وقال إن الحل سياسي"),
        ("فى الذى", "في الذي"),
    ] {
        assert_eq!(match_key(a), match_key(b), "{a} vs {b}");
    }
}

#[test]
fn into_variants_reuse_the_buffer() {
    let mut buf = String::from("old content");
    light_into("الاجتمـــاع", &mut buf);
    assert_eq!(buf, "الاجتماع");
    match_key_into("مدرسة", &mut buf);
    assert_eq!(buf, "مدرسه");
}

#[test]
fn fold_letter_matches_match_key() {
    for c in [
        'أ', 'إ', 'آ', 'ٱ', 'ؤ', 'ئ', 'ى', 'ة', 'ی', 'ک', 'گ', 'ڤ', 'پ', 'چ', 'ھ',
    ] {
        assert_eq!(match_key(&c.to_string()), fold_letter(c).to_string(), "{c}");
    }
    assert_eq!(fold_letter('ب'), 'ب');
}

#[test]
fn match_key_is_idempotent() {
    for (_, input, _) in KEY.iter().chain(LIGHT) {
        let once = match_key(input);
        assert_eq!(match_key(&once), once, "{input}");
    }
}
