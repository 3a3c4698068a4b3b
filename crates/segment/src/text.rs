//! Character classes and small text helpers shared by the segmenter's rules.

use std::ops::Range;

/// Whitespace, including no-break and exotic spaces.
#[inline]
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Invisible format characters (ZWSP, ZWNJ, ZWJ, LRM/RLM, ALM, bidi
/// embeddings and isolates, BOM, soft hyphen) that can sit between a full stop
/// and the next word without being seen.
#[inline]
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{061C}' | '\u{FEFF}' | '\u{00AD}')
}

/// Closing quotes and brackets that belong to the sentence they follow
/// (`مثمرة.»`, `مسبقة."`, `(انظر الجدول.)`).
#[inline]
pub(crate) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '»' | '”' | '"' | '’' | '\'' | ')' | ']' | '}' | '›' | '〉' | '」' | '』'
    )
}

/// Characters that separate blocks (paragraphs): every line break is a hard
/// boundary, because scraped news puts one paragraph per line.
#[inline]
pub(crate) fn is_block_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{2029}' | '\u{2028}' | '\u{000B}' | '\u{000C}' | '\u{0085}'
    )
}

/// `range` shrunk to exclude surrounding whitespace and invisible characters.
pub(crate) fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let trimmed_start = s.trim_start_matches(|c: char| is_space(c) || is_invisible(c));
    let start = range.start + (s.len() - trimmed_start.len());
    let trimmed = trimmed_start.trim_end_matches(|c: char| is_space(c) || is_invisible(c));
    start..start + trimmed.len()
}

/// Whether a character counts towards a word.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

/// Whitespace-delimited tokens that contain at least one letter or digit.
pub(crate) fn word_count(s: &str) -> usize {
    s.split(is_space)
        .filter(|t| t.chars().any(char::is_alphanumeric))
        .count()
}

/// Whether `s` has at least one letter (any script).
pub(crate) fn has_letter(s: &str) -> bool {
    s.chars().any(char::is_alphabetic)
}

/// Strips Arabic diacritics and tatweel and folds alef variants, for comparing
/// a word against the rule lexicons (which are written without them).
pub(crate) fn fold_into(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        match c {
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => {}
            'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
            'ى' => out.push('ي'),
            c if c.is_ascii_uppercase() => out.push(c.to_ascii_lowercase()),
            c => out.push(c),
        }
    }
}

/// The folded form of `word` as a new string (see [`fold_into`]).
pub(crate) fn fold(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    fold_into(word, &mut s);
    s
}

/// Word spans (runs of [`is_word_char`]) relative to `s`.
pub(crate) fn word_spans(s: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut iter = s.char_indices().peekable();
    std::iter::from_fn(move || {
        let start = loop {
            let (i, c) = iter.next()?;
            if is_word_char(c) {
                break i;
            }
        };
        let mut end = s.len();
        while let Some(&(i, c)) = iter.peek() {
            if !is_word_char(c) {
                end = i;
                break;
            }
            iter.next();
        }
        Some(start..end)
    })
}
