//! Normalization for matching: the display text is never changed, these
//! functions produce the forms that are compared.
//!
//! Two tiers (see `shared/notes/arabic-processing.md` §2):
//!
//! - [`light`] — for embeddings and character n-grams: NFKC, no invisible or
//!   bidi characters, no diacritics, Quranic marks or tatweel, ASCII digits and
//!   number separators, whitespace collapsed. It keeps the spelling otherwise,
//!   because aggressive folding pushes text away from what models were trained on.
//! - [`match_key`] — for lexical matching and hashing: the light form plus
//!   alef/hamza folding (`أ إ آ ٱ → ا`, `ؤ ئ → ء`), `ى → ي`, `ة → ه`, Persian and
//!   Urdu letters folded to Arabic, punctuation and quotes dropped, Latin/Greek/
//!   Cyrillic lowercased, numbers made canonical (`٣٫٥٪` = `%3.5` = `3.5%`,
//!   `2,254` = `2254`), and every Han or kana character a token of its own
//!   (`双方会谈` → `双 方 会 谈`): Chinese and Japanese put no spaces between
//!   words, so without this a whole clause would be one token, and two
//!   clauses would share a token only when identical. Single characters
//!   over-count shared function characters (`的 是 一 个`): on hand-made
//!   pairs, two different Chinese sentences with the same frame (`他说这是一个…
//!   问题`) score 0.39 (paraphrase), where the English equivalent scores 0.23;
//!   character bigrams, tried instead, lowered that pair only to 0.32 and the
//!   near-duplicates (two characters of twenty changed) from 0.83 to 0.74.
//!   CJK stopwords for the scorer are left to do.
//!
//! Both run on every unit of a corpus, so they make one pass over the text,
//! skip NFKC when the Unicode quick check says the text is already NFKC, take a
//! byte-level fast path for pure ASCII, and have `*_into` variants that reuse a
//! caller's buffer.
//!
//! ```
//! use isnad_segment::normalize::{light, match_key};
//! assert_eq!(light("الاجتمـــاعُ في ١٠:٣٠"), "الاجتماع في 10:30");
//! assert_eq!(match_key("«مسئول» أكّد: نسبة ٣٫٥٪"), "مسءول اكد نسبه 3.5%");
//! assert_eq!(match_key("مسؤول اكد نسبة %3.5"), "مسءول اكد نسبه 3.5%");
//! ```

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// The light form: NFKC, no invisible characters, diacritics or tatweel,
/// ASCII digits and number separators, whitespace collapsed and trimmed.
pub fn light(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    light_into(text, &mut out);
    out
}

/// [`light`] written into `out` (cleared first), so a caller can reuse one buffer.
pub fn light_into(text: &str, out: &mut String) {
    out.clear();
    let mut space = Spacer::default();
    if text.is_ascii() {
        for &b in text.as_bytes() {
            if b.is_ascii_whitespace() || b.is_ascii_control() {
                space.gap();
            } else {
                space.push(out, b as char);
            }
        }
        return;
    }
    light_chars(text, |c| match c {
        Light::Char(c) => space.push(out, c),
        Light::Space => space.gap(),
    });
}

/// The match key: the light form with letter variants folded, punctuation
/// and quotes dropped, lowercase, and numbers canonical. Tokens are separated
/// by single spaces.
pub fn match_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    match_key_into(text, &mut out);
    out
}

/// [`match_key`] written into `out` (cleared first), so a caller can reuse one buffer.
pub fn match_key_into(text: &str, out: &mut String) {
    out.clear();
    let mut key = KeyBuilder::new(out);
    if text.is_ascii() {
        for &b in text.as_bytes() {
            key.feed(b as char);
        }
    } else {
        light_chars(text, |c| match c {
            Light::Char(c) => key.feed(c),
            Light::Space => key.feed(' '),
        });
    }
    key.finish();
}

/// Folds one Arabic, Persian or Urdu letter variant to its match-key letter
/// (rules 7–11 of the notes' table); other characters come back unchanged.
/// Exposed so stemmers and name matchers fold exactly as [`match_key`] does.
pub fn fold_letter(c: char) -> char {
    match c {
        // Alef variants (rule 7).
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' | 'ٵ' => 'ا',
        // Hamza on waw/ya (rule 8): مسئول = مسؤول.
        'ؤ' | 'ئ' => 'ء',
        // Alef maqsura and Persian/Urdu ya (rules 9, 11).
        'ى' | 'ی' | 'ې' | 'ے' | 'ۓ' => 'ي',
        // Ta marbuta and heh variants (rules 10, 11).
        'ة' | 'ہ' | 'ھ' | 'ە' | 'ۀ' | 'ۃ' | 'ۂ' => 'ه',
        'ک' | 'گ' => 'ك',
        'ڤ' => 'ف',
        'پ' => 'ب',
        'چ' => 'ج',
        'ژ' => 'ز',
        _ => c,
    }
}

/// One output element of the light pass.
enum Light {
    Char(char),
    Space,
}

/// Runs NFKC (when needed) and the light rules over `text`, handing each
/// surviving character, or a whitespace marker, to `sink`.
fn light_chars(text: &str, mut sink: impl FnMut(Light)) {
    let mut map = |c: char| {
        if let Some(l) = light_char(c) {
            sink(l)
        }
    };
    if nfkc_quick(text) == IsNormalized::Yes {
        text.chars().for_each(&mut map);
    } else {
        // Isolated harakat forms (U+FE70–U+FE7F) decompose to space + mark,
        // which would split the word they sit in: drop them before NFKC.
        text.chars()
            .filter(|c| !matches!(c, '\u{FE70}'..='\u{FE7F}'))
            .nfkc()
            .for_each(&mut map);
    }
}

/// Canonical combining class and NFKC quick-check value of U+0600–U+06FF,
/// taken from `unicode-normalization` itself on first use.
fn arabic_nfkc_table() -> &'static [(u8, IsNormalized); 256] {
    static TABLE: std::sync::OnceLock<[(u8, IsNormalized); 256]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        std::array::from_fn(|i| {
            let c = char::from_u32(0x0600 + i as u32).unwrap_or('\u{0600}');
            (
                unicode_normalization::char::canonical_combining_class(c),
                is_nfkc_quick(std::iter::once(c)),
            )
        })
    })
}

/// `unicode_normalization::is_nfkc_quick(text.chars())`, step for step (the
/// same canonical-order and quick-check tests), with the two lookups of each
/// Arabic character read from [`arabic_nfkc_table`]: the library's lookups
/// are hash probes, and this check runs over every character of a corpus.
fn nfkc_quick(text: &str) -> IsNormalized {
    let arabic = arabic_nfkc_table();
    let mut last_cc = 0u8;
    let mut result = IsNormalized::Yes;
    for ch in text.chars() {
        if ch <= '\x7f' {
            last_cc = 0;
            continue;
        }
        let (cc, qc) = match ch as u32 {
            u @ 0x0600..=0x06FF => {
                let (cc, ref qc) = arabic[(u - 0x0600) as usize];
                (cc, copy_qc(qc))
            }
            _ => (
                unicode_normalization::char::canonical_combining_class(ch),
                is_nfkc_quick(std::iter::once(ch)),
            ),
        };
        if last_cc > cc && cc != 0 {
            return IsNormalized::No;
        }
        match qc {
            IsNormalized::Yes => {}
            IsNormalized::No => return IsNormalized::No,
            IsNormalized::Maybe => result = IsNormalized::Maybe,
        }
        last_cc = cc;
    }
    result
}

/// `IsNormalized` is not `Copy`.
fn copy_qc(qc: &IsNormalized) -> IsNormalized {
    match qc {
        IsNormalized::Yes => IsNormalized::Yes,
        IsNormalized::No => IsNormalized::No,
        IsNormalized::Maybe => IsNormalized::Maybe,
    }
}

/// The light rules for one (already NFKC) character: `None` drops it.
#[inline]
fn light_char(c: char) -> Option<Light> {
    if c.is_ascii() {
        return Some(if c.is_ascii_whitespace() || c.is_ascii_control() {
            Light::Space
        } else {
            Light::Char(c)
        });
    }
    // Arabic letters, the bulk of the text, pass unchanged.
    if matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}') {
        return Some(Light::Char(c));
    }
    Some(match c {
        // Invisible and bidi format characters (rule 2): deleted, not spaced,
        // so a ZWNJ inside a word does not split it.
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{061C}'
        | '\u{FEFF}'
        | '\u{00AD}'
        | '\u{0600}'..='\u{0605}'
        | '\u{06DD}'
        | '\u{08E2}' => return None,
        // Diacritics, leftover combining hamza/madda, superscript alef (rule 4),
        // Quranic and honorific marks (rule 4b), tatweel (rule 5), high hamza.
        '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{0610}'..='\u{061A}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08E1}'
        | '\u{08E3}'..='\u{08FF}'
        | '\u{0640}'
        | '\u{0674}' => return None,
        // Digits (rule 6).
        '\u{0660}'..='\u{0669}' => Light::Char(char::from(b'0' + (c as u32 - 0x0660) as u8)),
        '\u{06F0}'..='\u{06F9}' => Light::Char(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
        '\u{066B}' => Light::Char('.'),
        '\u{066C}' => Light::Char(','),
        '\u{066A}' => Light::Char('%'),
        '\u{0609}' => Light::Char('‰'),
        c if c.is_whitespace() || c.is_control() => Light::Space,
        c => Light::Char(c),
    })
}

/// Collapses whitespace runs to one space and trims both ends.
#[derive(Default)]
struct Spacer {
    pending: bool,
}

impl Spacer {
    #[inline]
    fn gap(&mut self) {
        self.pending = true;
    }

    #[inline]
    fn push(&mut self, out: &mut String, c: char) {
        if self.pending && !out.is_empty() {
            out.push(' ');
        }
        self.pending = false;
        out.push(c);
    }
}

/// Builds the match key from the light character stream. Numbers need one
/// character of look-ahead (is the `.` after `3` a decimal point?) and the
/// thousands separator three, so a separator after a digit is held back until
/// the digits after it show what it was.
struct KeyBuilder<'a> {
    out: &'a mut String,
    /// A token separator is owed before the next kept character.
    gap: bool,
    /// The last kept character was an ASCII digit.
    after_digit: bool,
    /// A `.` or `,` seen right after a digit, not yet decided.
    held_sep: Option<char>,
    /// Digits seen after a held `,` (to tell `2,254` from `3,5`).
    held_digits: [u8; 4],
    held_len: usize,
    /// A `%` seen before a number (`%3.5`), to be written after it.
    percent_owed: bool,
}

impl<'a> KeyBuilder<'a> {
    fn new(out: &'a mut String) -> Self {
        KeyBuilder {
            out,
            gap: false,
            after_digit: false,
            held_sep: None,
            held_digits: [0; 4],
            held_len: 0,
            percent_owed: false,
        }
    }

    fn feed(&mut self, c: char) {
        if let Some(sep) = self.held_sep {
            if c.is_ascii_digit() {
                if sep == '.' {
                    self.held_sep = None;
                    self.out.push('.');
                    self.out.push(c);
                    return;
                }
                if self.held_len < 4 {
                    self.held_digits[self.held_len] = c as u8;
                    self.held_len += 1;
                    if self.held_len < 4 {
                        return;
                    }
                }
                // Four digits after a comma: not a thousands group; a decimal comma.
                self.release_held(false);
                return;
            }
            // The held separator ends here: decide what it was.
            let thousands = sep == ',' && self.held_len == 3;
            self.release_held(thousands);
        }
        self.feed_plain(c);
    }

    /// Writes a held `,` and the digits after it: dropped as a thousands
    /// separator, or as a decimal point otherwise.
    fn release_held(&mut self, thousands: bool) {
        let sep = self.held_sep.take();
        if self.held_len == 0 {
            // `3.` or `3,` followed by a non-digit: plain punctuation.
            self.end_number();
            self.gap = true;
            return;
        }
        if !thousands && sep.is_some() {
            self.out.push('.');
        }
        for i in 0..self.held_len {
            self.out.push(self.held_digits[i] as char);
        }
        self.held_len = 0;
        self.after_digit = true;
    }

    fn feed_plain(&mut self, c: char) {
        if c.is_ascii_digit() {
            self.emit(c);
            self.after_digit = true;
            return;
        }
        if self.after_digit && (c == '.' || c == ',') {
            self.held_sep = Some(c);
            return;
        }
        if c == '%' || c == '‰' {
            if self.after_digit {
                self.out.push(c);
                self.after_digit = false;
            } else {
                self.percent_owed = true;
                self.gap = true;
            }
            return;
        }
        if c == ' ' && self.after_digit {
            // `3.5 %`: a space between a number and its percent sign is not a gap yet.
            self.end_number_soft();
            return;
        }
        self.end_number();
        let c = fold_letter(c);
        if crate::text::is_alnum(c) {
            // A `%` before a word (not a number) belongs to nothing.
            self.percent_owed = false;
            if c.is_ascii() {
                self.emit(c.to_ascii_lowercase());
            } else if ('\u{0600}'..='\u{06FF}').contains(&c) {
                // (The Arabic block has no case.)
                self.emit(c);
            } else if crate::text::is_cjk(c) {
                // Chinese and Japanese have no spaces between words: each
                // Han or kana character is a token of its own.
                self.gap = true;
                self.emit(c);
                self.gap = true;
            } else if !c.is_uppercase() {
                self.emit(c);
            } else {
                let mut lower = c.to_lowercase();
                if let Some(first) = lower.next() {
                    self.emit(first);
                }
                // The rest of a multi-char lowercase (`İ` → `i` + U+0307):
                // only letters and digits, as a second pass would keep them,
                // so that the key of a key is the key.
                for l in lower.map(fold_letter).filter(|&l| crate::text::is_alnum(l)) {
                    self.out.push(l);
                }
            }
        } else {
            // Punctuation, quotes, symbols, whitespace: token separators.
            self.gap = true;
        }
    }

    /// A space right after a number: owe a gap, but keep `after_digit` so that
    /// a following `%` still attaches to the number.
    fn end_number_soft(&mut self) {
        if self.percent_owed {
            self.out.push('%');
            self.percent_owed = false;
            self.after_digit = false;
        }
        self.gap = true;
    }

    fn end_number(&mut self) {
        if self.after_digit && self.percent_owed {
            self.out.push('%');
            self.percent_owed = false;
        }
        self.after_digit = false;
    }

    #[inline]
    fn emit(&mut self, c: char) {
        if self.gap && !self.out.is_empty() {
            self.out.push(' ');
        }
        self.gap = false;
        self.out.push(c);
    }

    fn finish(mut self) {
        if self.held_sep.is_some() {
            let thousands = self.held_sep == Some(',') && self.held_len == 3;
            self.release_held(thousands);
        }
        self.end_number();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfkc_quick_check_is_the_library_s() {
        for s in [
            "",
            "abc",
            "الاجتماع",
            // shadda (ccc 33) then fatha (30): not in canonical order
            "\u{0634}\u{0651}\u{064E}",
            "\u{0634}\u{064E}\u{0651}",
            "مشيراً أكّد",
            "\u{FEFB}\u{00A0}x",
            "ﻻ",
            "é\u{0301}",
            "\u{0627}\u{0653}",
            "٣٫٥٪",
        ] {
            assert_eq!(nfkc_quick(s), is_nfkc_quick(s.chars()), "{s:?}");
        }
    }

    #[test]
    fn key_of_a_key_is_the_key_for_multi_char_lowercase() {
        // `İ` lowercases to `i` + combining dot above; `ẞ` to `ß`.
        for s in ["İstanbul", "İ", "ΐ", "ẞ", "ǅ", "ﬀ"] {
            let k = match_key(s);
            assert_eq!(match_key(&k), k, "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn nfkc_quick_check_matches_on_any_text(s in "\\PC*") {
            proptest::prop_assert_eq!(nfkc_quick(&s), is_nfkc_quick(s.chars()));
        }

        #[test]
        fn nfkc_quick_check_matches_on_arabic_with_marks(
            s in "[\u{0600}-\u{06FF}\u{0300}-\u{0315}\u{FB50}-\u{FBFF} a]{0,24}"
        ) {
            proptest::prop_assert_eq!(nfkc_quick(&s), is_nfkc_quick(s.chars()));
        }
    }
}
