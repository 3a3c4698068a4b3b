//! Property tests: any input — random bytes decoded lossily, mixed scripts,
//! bidi marks, quotes and terminators — never panics, and the units obey the
//! span invariants.

use isnad_segment::normalize::{light, match_key};
use isnad_segment::{UnitKind, segment};
use proptest::prelude::*;

/// Text built from the characters the rules care about.
fn tricky_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "قال",
        "د.",
        "أ.د.",
        "ص.ب",
        "2023م.",
        " م.",
        "3.5",
        "1.6.2023",
        "10:30",
        "https://x.com/a.b",
        "a@b.co",
        "Mr.",
        "U.S.",
        "e.g.",
        "etc.",
        ".",
        "..",
        "...",
        "…",
        "؟",
        "!",
        "?",
        "؟!",
        "«",
        "»",
        "“",
        "”",
        "\"",
        "'",
        "(",
        ")",
        "،",
        "؛",
        ":",
        "-",
        "ــ",
        "–",
        "—",
        "|",
        "•",
        "1.",
        "2)",
        "\n",
        "\r\n",
        "\u{2029}",
        " ",
        "  ",
        "\u{200F}",
        "\u{200E}",
        "\u{200C}",
        "\u{061C}",
        "\u{202B}",
        "\u{FEFF}",
        "\u{00A0}",
        "موسكو-سانا",
        "(رويترز) -",
        "لندن ــ",
        "المصدر: وكالة سانا",
        "تابعونا",
        "tag icon",
        "وأضاف",
        "، وأضاف",
        "مشيراً إلى",
        "، مشيراً إلى أن",
        "؛ إضافة",
        "ﻻ",
        "ﺃ",
        "َ",
        "ّ",
        "ـ",
        "٣٫٥٪",
        "۱۲",
        "Ω",
        "中文。",
        "🙂",
        "word",
        "Lavrov said: \"",
        "وقال الوزير: «",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

fn check(text: &str) {
    let units = segment(text);
    let mut prev_end = 0;
    let mut last_sentence: Option<usize> = None;
    for (i, u) in units.iter().enumerate() {
        assert_eq!(u.index, i);
        assert!(u.span.start < u.span.end, "empty span {:?}", u.span);
        assert!(u.span.end <= text.len());
        assert!(text.is_char_boundary(u.span.start) && text.is_char_boundary(u.span.end));
        let t = &text[u.span.clone()];
        assert_eq!(t, t.trim(), "span not trimmed: {t:?}");
        if u.kind == UnitKind::Clause {
            let p = u.parent.expect("clause without parent");
            assert_eq!(Some(p), last_sentence, "clause must follow its sentence");
            let parent = &units[p];
            assert!(parent.span.start <= u.span.start && u.span.end <= parent.span.end);
        } else {
            assert!(u.parent.is_none());
            assert!(
                u.span.start >= prev_end,
                "sentence-level units overlap or are out of order"
            );
            prev_end = u.span.end;
            last_sentence = Some(i);
        }
    }
    // Deterministic.
    assert_eq!(units, segment(text));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn random_bytes_decoded_lossily(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        check(&text);
        let _ = match_key(&text);
        let _ = light(&text);
    }

    #[test]
    fn any_unicode_string(text in "\\PC{0,300}") {
        check(&text);
        prop_assert_eq!(match_key(&match_key(&text)), match_key(&text));
    }

    #[test]
    fn mixed_scripts_and_marks(text in tricky_text()) {
        check(&text);
        let key = match_key(&text);
        prop_assert_eq!(key.trim(), key.as_str());
        prop_assert!(!key.contains("  "));
    }
}
