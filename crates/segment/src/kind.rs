//! What a unit is: dateline, credit, page furniture — or a statement.
//!
//! Identical wire boilerplate (`دمشق - سانا`, `المصدر: وكالة سانا`, "follow us
//! on Telegram") would otherwise look like copied statements between every
//! pair of outlets. The cues are generic — the shape of a dateline, credit
//! keywords, calls to action, caption and tag markers, link-only and very
//! short verbless lines — not the strings of particular pages.

use crate::agency::{agency_at, find_agencies};
use crate::text::{is_alnum, is_alpha};

use crate::boundary::is_terminator;
use crate::dates::is_date_word;
use crate::places::place_before;
use crate::text::{
    PrefixCues, fold, fold_into, has_letter, is_closer, is_space, word_count, word_spans,
};

/// Characters used as the dash of a dateline (`موسكو-سانا`, `دمشق – سانا`).
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‒' | '―' | '−')
}

/// If `s` (a block, or the rest of one) starts with a dateline, its length in
/// bytes, including the dash or colon that ends it.
///
/// Recognised shapes, each with a known agency (see [`crate::agency`]):
/// `موسكو-سانا`, `دمشق - سانا:`, `الرياض (واس) -`, `(رويترز) -`,
/// `واشنطن، 12 يناير (رويترز) -`, `MOSCOW (Reuters) -`, and a place and
/// full date before the agency (`بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015
/// م واس`, see [`place_date_agency_len`]).
pub(crate) fn dateline_len(s: &str) -> Option<usize> {
    if s.starts_with('|') {
        return None; // `| الوطن – وكالات` is a credit
    }
    if let Some(n) = place_date_agency_len(s) {
        return Some(n);
    }
    // Only the first few words can be a place and date.
    let mut words = 0usize;
    let mut in_word = false;
    for (i, c) in s.char_indices().take(80) {
        if c == '(' {
            // `PLACE (AGENCY) -` or `(AGENCY) -`, also `(وكالة X)`.
            let inner_end = i + 1 + s[i + 1..].find(')')?;
            let inner = &s[i + 1..inner_end];
            if inner.len() > 80 {
                return None;
            }
            let mentions = find_agencies(inner);
            let named: usize = mentions
                .iter()
                .map(|m| word_count(&inner[m.span.clone()]))
                .sum();
            if mentions.is_empty() || word_count(inner) > named + 1 {
                return None;
            }
            let end = inner_end + 1;
            let dash = trailing_dash(&s[end..]);
            if words > 0 && dash == 0 && !s[end..].trim().is_empty() {
                return None;
            }
            return Some(end + dash);
        }
        if is_dash(c) || (c == 'ـ' && !in_word) {
            // `PLACE - AGENCY` / `PLACE-AGENCY`
            if words == 0 || words > 3 {
                return None;
            }
            let after = i + c.len_utf8();
            let after = after + s[after..].len()
                - s[after..]
                    .trim_start_matches(|c| c == 'ـ' || is_dash(c))
                    .len();
            let Some(m) = agency_at(s, after) else {
                // `لندن ــ` / `واشنطن، العاصمة —`: a known place and a dash.
                return (place_before(s, i) == Some(0)).then(|| i + trailing_dash(&s[i..]));
            };
            let gap = &s[after..m.span.start];
            if !gap.chars().all(is_space) {
                return None;
            }
            let end = m.span.end;
            let rest = &s[end..];
            // The agency must end the dateline: end of text, a colon/dash, or a space.
            match rest.chars().next() {
                None => return Some(end),
                Some(c) if c == ':' || is_space(c) || is_dash(c) => {}
                _ => return None,
            }
            return Some(end + trailing_dash(rest));
        }
        if c == ':' && place_before(s, i) == Some(0) {
            // `بيروت: …`
            return Some(i + trailing_dash(&s[i..]));
        }
        if is_terminator(c) || c == ':' || c == '«' || c == '"' || c == '“' || c == '”' {
            return None;
        }
        let word_char = is_alnum(c);
        if word_char && !in_word {
            words += 1;
            if words > 6 {
                return None;
            }
        }
        in_word = word_char || (in_word && c == 'ـ');
    }
    None
}

/// Words of a place before the date in [`place_date_agency_len`].
const DATELINE_PLACE_WORDS: usize = 3;
/// Date words and numbers between the place and the agency.
const DATELINE_DATE_WORDS: usize = 14;

/// A dateline written as place, date and agency without a dash (SPA's
/// `بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس`): up to three words of
/// a place (any words without digits, since the towns that date copy are too
/// many to list), then only numbers and date words ([`is_date_word`]), at
/// least one of each (`فرانس 24/ أ ف ب` is a credit), then a known agency that ends the text or is
/// followed by a space, colon or dash. The length runs to the end of the
/// agency and any dash or colon after it.
fn place_date_agency_len(s: &str) -> Option<usize> {
    // Only the start of the text can hold it. A sentence fails at its fourth
    // word at the latest (neither a number nor a date word), so the cost is
    // a few words per block; the first words are not even folded.
    let head = &s[..s.floor_char_boundary(200)];
    // A number is required: ASCII, Arabic-Indic (D9 A0–A9) or Persian (DB B0–B9) digits.
    let digit = |w: &[u8]| {
        w[0].is_ascii_digit()
            || (w[0] == 0xD9 && (0xA0..=0xA9).contains(&w[1]))
            || (w[0] == 0xDB && (0xB0..=0xB9).contains(&w[1]))
    };
    if !head.as_bytes().windows(2).any(digit) && !head.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut folded = String::new();
    let mut places = 0;
    let mut dates = 0;
    let mut numbers = 0;
    let mut prev_end = 0;
    for span in word_spans(head) {
        // Between words only spaces and date punctuation (`،` `/` `-`).
        let gap = &head[prev_end..span.start];
        if !gap
            .chars()
            .all(|c| is_space(c) || matches!(c, '،' | ',' | '/' | '-' | '–'))
        {
            return None;
        }
        prev_end = span.end;
        let word = &head[span.clone()];
        let has_digit = word.bytes().any(|b| b.is_ascii_digit())
            || word
                .chars()
                .any(|c| matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}'));
        if numbers > 0 && dates > numbers && !has_digit {
            let window = &s[..s.floor_char_boundary(span.start + 80)];
            if let Some(m) = agency_at(window, span.start).filter(|m| m.span.start == span.start) {
                let end = m.span.end;
                let rest = &s[end..];
                return match rest.chars().next() {
                    None => Some(end),
                    Some(c) if c == ':' || is_space(c) || is_dash(c) => {
                        Some(end + trailing_dash(rest))
                    }
                    _ => None,
                };
            }
        }
        if has_digit {
            numbers += 1;
            dates += 1;
        } else if dates == 0 && places < DATELINE_PLACE_WORDS {
            places += 1;
        } else {
            fold_into(word, &mut folded);
            if !is_date_word(&folded) {
                return None;
            }
            dates += 1;
        }
        if dates > DATELINE_DATE_WORDS {
            return None;
        }
    }
    None
}

/// Length of the `:` / dash (with spaces) that closes a dateline.
fn trailing_dash(s: &str) -> usize {
    let t = s.trim_start_matches(is_space);
    let t2 = t.trim_start_matches(|c: char| c == ':' || c == 'ـ' || is_dash(c));
    if t2.len() == t.len() {
        return 0;
    }
    s.len() - t2.len()
}

/// Cues that start a credit or byline, folded (alef without hamza).
static CREDIT_START: PrefixCues = PrefixCues::new(&[
    "المصدر",
    "مصدر",
    "المصادر",
    "بقلم",
    "كتب",
    "كتبت",
    "كتبه",
    "اعداد",
    "ترجمة",
    "تحرير",
    "تقرير",
    "تغطية",
    "نقلا عن",
    "عن وكالة",
    "خاص",
    "المراسل",
    "مراسل",
    "source",
    "sources",
    "by",
    "reporting by",
    "writing by",
    "editing by",
    "additional reporting",
    "credit",
    "via",
    "copyright",
]);

/// Longest credit line, in words.
pub(crate) const CREDIT_MAX_WORDS: usize = 12;
/// Longest unit that [`is_furniture`] judges by its cues, in words.
pub(crate) const FURNITURE_MAX_WORDS: usize = 20;

/// Whether a unit is a credit line: `المصدر: وكالة سانا`, `| الوطن – وكالات`,
/// `بقلم: فلان`, `Reporting by …`, or a short line naming only agencies.
/// `words` is the unit's [`word_count`], or any cap of it above this
/// function's word limit.
pub(crate) fn is_credit(unit: &str, words: usize) -> bool {
    if words == 0 || words > CREDIT_MAX_WORDS || ends_with_sentence_stop(unit) && words > 4 {
        return false;
    }
    let body = unit.trim_start_matches(|c: char| {
        is_space(c) || matches!(c, '|' | '/' | '(' | '[') || is_dash(c)
    });
    if unit.starts_with('|') && words <= 6 {
        return true;
    }
    let folded = fold(&body[..body.floor_char_boundary(64)]);
    let folded = folded.as_str();
    for cue in CREDIT_START.candidates(folded) {
        if starts_with_word(folded, cue) {
            let short_cue = matches!(
                *cue,
                "كتب" | "كتبت" | "كتبه" | "by" | "via" | "خاص" | "مراسل" | "المراسل"
            );
            let after = &folded[cue.len()..];
            let has_colon = after.trim_start().starts_with(':');
            return if short_cue {
                words <= 6 && (has_colon || words <= 4)
            } else {
                has_colon || words <= 8
            };
        }
    }
    if words <= 6 && !ends_with_sentence_stop(unit) {
        let mentions = find_agencies(unit);
        if !mentions.is_empty() {
            let named: usize = mentions
                .iter()
                .map(|m| word_count(&unit[m.span.clone()]))
                .sum();
            return words.saturating_sub(named) <= 2;
        }
    }
    false
}

/// Calls to action, navigation, captions, tag lines, comment-box and share
/// labels — page furniture when a (short) unit starts with them. Folded.
static FURNITURE_START: PrefixCues = PrefixCues::new(&[
    // follow / subscribe / donate / read more
    "تابعونا",
    "تابعنا",
    "تابعوا",
    "لمتابعة",
    "للمتابعة",
    "تابع اخبار",
    "تابعوا اخبار",
    "اشترك",
    "اشتركوا",
    "للاشتراك",
    "انضم",
    "انضموا",
    "ادعم",
    "ادعمنا",
    "ادعموا",
    "تبرع",
    "تبرعوا",
    "للتبرع",
    "اضغط",
    "انقر",
    "اقرا ايضا",
    "اقرا المزيد",
    "اقرا كذلك",
    "للمزيد",
    "لمزيد من",
    "شاهد ايضا",
    "شاهد الفيديو",
    "شاهد:",
    "شارك",
    "شاركوا",
    "مشاركة",
    "شارك هذا",
    "حمل تطبيق",
    "نسخ الرابط",
    "طباعة",
    // related content and ads
    "مقالات متعلقة",
    "مقالات ذات صلة",
    "اخبار ذات صلة",
    "مواضيع ذات صلة",
    "ذات صلة",
    "اخبار متعلقة",
    "الاكثر قراءة",
    "الاكثر مشاهدة",
    "الاكثر تداولا",
    "اعلان",
    "محتوى مدعوم",
    // comment box
    "تعليقك",
    "اضف تعليق",
    "اضف تعليقا",
    "اترك تعليقا",
    "اترك ردا",
    "التعليقات",
    "لا توجد تعليقات",
    "الاسم",
    "البريد الالكتروني",
    "ارسال التعليق",
    // tags and captions
    "الوسوم",
    "وسوم",
    "كلمات مفتاحية",
    "الكلمات المفتاحية",
    "الكلمات الدلالية",
    "tag icon",
    "tags",
    "tag:",
    "camera icon",
    "صورة:",
    "الصورة:",
    "(صورة",
    "صورة ارشيفية",
    "صورة من",
    "تصوير",
    "(تصوير",
    "photo:",
    "(photo",
    "photo by",
    "image:",
    "file photo",
    "©",
    // Latin calls to action
    "follow us",
    "follow",
    "subscribe",
    "sign up",
    "donate",
    "support us",
    "share",
    "tweet",
    "click here",
    "read more",
    "read also",
    "related",
    "advertisement",
    "leave a comment",
    "comments",
    "newsletter",
]);

/// Whether a unit is page furniture by its own content.
/// `words` is the unit's [`word_count`], or any cap of it above this
/// function's word limit.
pub(crate) fn is_furniture(unit: &str, words: usize) -> bool {
    if !has_letter(unit) {
        return true; // `×`, `***`, a lone number or date
    }
    if words > FURNITURE_MAX_WORDS {
        return false; // every cue below is for short lines
    }
    let maybe_link =
        memchr::memchr2(b'/', b'@', unit.as_bytes()).is_some() || unit.contains("www.");
    let links = if maybe_link {
        unit.split(is_space).filter(|t| is_link(t)).count()
    } else {
        0
    };
    if links > 0 && words <= links + 1 {
        return true; // link-only line (or `المزيد: URL`)
    }
    let sentence_like = ends_with_sentence_stop(unit) && words > 8;
    if (words <= 16 || links > 0) && !sentence_like {
        let body = unit.trim_start_matches(|c: char| !is_alnum(c) && !matches!(c, '(' | '©'));
        let folded = fold(&body[..body.floor_char_boundary(64)]);
        for cue in FURNITURE_START.candidates(&folded) {
            if starts_with_word(&folded, cue) {
                return true;
            }
        }
    }
    // Very short lines without a verb-like word: section labels, site names.
    words <= 2 && !ends_with_sentence_stop(unit) && !unit.split(is_space).any(is_verb_like)
}

/// Whether `s` starts with `cue` followed by a word boundary. A change of
/// script counts as a boundary (`camera iconوزير` — icon labels glued to the
/// caption by scraping).
fn starts_with_word(s: &str, cue: &str) -> bool {
    if !s.starts_with(cue) {
        return false;
    }
    let last = cue.chars().next_back();
    match (last, s[cue.len()..].chars().next()) {
        (_, None) => true,
        (Some(l), Some(c)) => !is_alnum(l) || !is_alnum(c) || l.is_ascii() != c.is_ascii(),
        (None, Some(_)) => true,
    }
}

fn is_link(t: &str) -> bool {
    t.contains("://")
        || t.starts_with("www.")
        || t.contains(".com")
        || t.contains(".net")
        || t.contains(".org")
        || (t.contains('@') && t.contains('.'))
}

/// Whether a unit ends like a sentence: a terminator other than an ellipsis,
/// possibly followed by closing quotes or brackets.
pub(crate) fn ends_with_sentence_stop(unit: &str) -> bool {
    let t = unit.trim_end_matches(|c: char| is_closer(c) || is_space(c));
    match t.chars().next_back() {
        Some('.') => !t.ends_with(".."),
        Some(c) => is_terminator(c) && c != '…',
        None => false,
    }
}

/// Whether the unit ends with any terminator (an ellipsis included).
pub(crate) fn ends_with_terminator(unit: &str) -> bool {
    let t = unit.trim_end_matches(|c: char| is_closer(c) || is_space(c));
    t.chars().next_back().is_some_and(is_terminator)
}

/// A rough verb test for very short lines: Arabic imperfect prefixes
/// (`يـ تـ نـ`, after `و`/`ف`/`س`) on a word of four letters or more, a few
/// frequent perfect verbs, or a Latin word ending like a verb.
fn is_verb_like(token: &str) -> bool {
    let w: String = token.chars().filter(|&c| is_alpha(c)).collect();
    let w = fold(&w);
    let stem = w
        .strip_prefix('و')
        .or_else(|| w.strip_prefix('ف'))
        .unwrap_or(&w);
    let stem = stem
        .strip_prefix('س')
        .filter(|s| s.starts_with(['ي', 'ت', 'ن']))
        .unwrap_or(stem);
    if stem.chars().count() >= 4 && stem.starts_with(['ي', 'ت', 'ن']) {
        return true;
    }
    const PERFECT: &[&str] = &[
        "قال",
        "قالت",
        "اكد",
        "اكدت",
        "اعلن",
        "اعلنت",
        "بحث",
        "وصل",
        "غادر",
        "التقى",
        "التقي",
        "استقبل",
        "دعا",
        "بدا",
        "انتهى",
        "انتهي",
        "قتل",
        "اصيب",
        "فاز",
        "خسر",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "says",
        "said",
    ];
    PERFECT.contains(&stem)
}

/// Function words that cannot end a title: a place after them is part of the
/// sentence (`اجتمعوا في لندن ــ …`), not a dateline.
const NOT_TITLE_END: &[&str] = &[
    "في", "من", "الي", "إلى", "عن", "علي", "على", "مع", "قرب", "نحو", "حول", "و", "او", "ثم",
    "بين", "لدي", "عند", "داخل", "خارج", "the", "in", "at", "from", "to", "of", "and",
];

/// A title run into its dateline inside one block (`غضب كرة القدم باريس ــ من
/// كان …`, as when a headline line lost its line break): the offset where the
/// dateline starts. The place must be known and followed by a spaced dash,
/// the title before it must have two to twenty-five words and not end with a
/// function word.
pub(crate) fn title_dateline_split(unit: &str) -> Option<usize> {
    // Only the first spaced dash of the unit, within its first thirty words.
    let head = &unit[..unit.floor_char_boundary(600)];
    // Every dash below has a `-` or an E2 or D9 80 (tatweel) byte: a SIMD
    // search rules out most units before the substring searches.
    let maybe = memchr::memchr2(b'-', 0xE2, head.as_bytes()).is_some() || head.contains('ـ');
    if !maybe || !["ــ", " —", " –", " - "].iter().any(|d| head.contains(d)) {
        return None;
    }
    let pos = unit
        .match_indices(' ')
        .take(30)
        .map(|(p, _)| p)
        .find(|&p| {
            let after = &unit[p + 1..];
            after.starts_with("ــ") || after.starts_with(['—', '–']) || after.starts_with("- ")
        })?;
    let start = place_before(unit, pos)?;
    let title = unit[..start].trim_end();
    let words = word_count(title);
    if !(2..=25).contains(&words) || title.ends_with([':', '،', ',']) || ends_with_terminator(title)
    {
        return None;
    }
    let last = title.rsplit(is_space).next().unwrap_or("");
    if NOT_TITLE_END.contains(&fold(last).as_str()) {
        return None;
    }
    Some(start)
}
