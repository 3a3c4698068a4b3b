//! Character classes and small text helpers shared by the segmenter's rules.

use std::ops::Range;

/// Whitespace, including no-break and exotic spaces.
#[inline]
pub(crate) fn is_space(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_whitespace() || c == '\u{0B}',
        // The Arabic block has no spaces: skip the Unicode table.
        0x0600..=0x06FF => false,
        _ => c.is_whitespace(),
    }
}

/// `char::is_alphanumeric` and `char::is_alphabetic` for the Arabic block
/// U+0600–U+06FF as bitmasks (generated from the standard library; the test
/// `arabic_tables_match_std` keeps them equal). The standard lookup for
/// non-ASCII letters is a table search, and these predicates run on every
/// character of a corpus.
const ARABIC_ALNUM: [u64; 4] = [
    0xffffffff07ff0000,
    0xffffc3fffeffffff,
    0xffffffffffffffff,
    0x9fffe1fe1fefffff,
];
const ARABIC_ALPHA: [u64; 4] = [
    0xffffffff07ff0000,
    0xffffc000feffffff,
    0xffffffffffffffff,
    0x9c00e1fe1fefffff,
];

#[inline]
fn arabic_bit(table: &[u64; 4], u: u32) -> bool {
    let i = u - 0x0600;
    table[(i / 64) as usize] >> (i % 64) & 1 == 1
}

/// Same as `char::is_alphanumeric`, fast for ASCII and Arabic.
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        u @ 0x0600..=0x06FF => arabic_bit(&ARABIC_ALNUM, u),
        _ => c.is_alphanumeric(),
    }
}

/// Same as `char::is_alphabetic`, fast for ASCII and Arabic.
#[inline]
pub(crate) fn is_alpha(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        u @ 0x0600..=0x06FF => arabic_bit(&ARABIC_ALPHA, u),
        _ => c.is_alphabetic(),
    }
}

/// Invisible format characters (ZWSP, ZWNJ, ZWJ, LRM/RLM, ALM, bidi
/// embeddings and isolates, BOM, soft hyphen) that can sit between a full stop
/// and the next word without being seen.
#[inline]
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{061C}' | '\u{FEFF}' | '\u{00AD}')
}

/// Closing quotes and brackets that belong to the sentence they follow
/// (`مثمرة.»`, `مسبقة."`, `(انظر الجدول.)`, `（後日発表する。）`).
#[inline]
pub(crate) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '»' | '”' | '"' | '’' | '\'' | ')' | ']' | '}' | '›' | '〉' | '」' | '』'
    ) || (c >= '\u{3000}' && is_cjk_closer(c))
}

/// The CJK closing brackets and the fullwidth and halfwidth closers.
#[inline]
fn is_cjk_closer(c: char) -> bool {
    matches!(
        c,
        '》' | '】' | '〕' | '〗' | '〙' | '〛' | '）' | '］' | '｝' | '＂' | '＇' | '｣'
    )
}

/// Line-break characters. Each one can end a block (paragraph), because
/// scraped news puts one paragraph per line; the segmenter keeps `\n`, `\r`
/// and U+2028 inside a block when they are a soft wrap inside a sentence
/// (`split::soft_wrap`), the others always end it.
#[inline]
pub(crate) fn is_block_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{2029}' | '\u{2028}' | '\u{000B}' | '\u{000C}' | '\u{0085}'
    )
}

/// Whether `c` is a word of its own: CJK ideographs, kana, and the CJK
/// symbols and punctuation block (Chinese and Japanese put no spaces
/// between words; used by the long-unit cuts and the match key).
#[inline]
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{30FF}'   // CJK symbols and punctuation, hiragana, katakana
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}' // CJK compatibility ideographs
        | '\u{FF00}'..='\u{FFEF}' // halfwidth and fullwidth forms
        | '\u{20000}'..='\u{2FA1F}') // extensions B–F, compatibility supplement
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
    is_alnum(c) || matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

/// Bytes that can end a token: ASCII whitespace, and the lead bytes of the
/// non-ASCII spaces (U+0085 and U+00A0 are C2 .., U+1680 is E1 .., U+2000–U+205F
/// are E2 .., U+3000 is E3 ..).
const TOKEN_END: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0x09;
    while b <= 0x0D {
        t[b] = true;
        b += 1;
    }
    t[0x20] = true;
    t[0xC2] = true;
    t[0xE1] = true;
    t[0xE2] = true;
    t[0xE3] = true;
    t
};

/// Whitespace-delimited tokens that contain at least one letter or digit.
///
/// Runs once per unit over every byte of a corpus; see [`word_count_upto`]
/// for how it skips most bytes unread. (A branch-free per-byte count was
/// measured slower: counted tokens are skipped by a tight byte loop.)
pub(crate) fn word_count(s: &str) -> usize {
    word_count_upto(s, usize::MAX)
}

/// [`word_count`], but stops counting at `limit`: `min(word_count(s), limit)`,
/// for callers that only compare the count with a small threshold. It reads
/// characters only until a token's first letter or digit, then skips the rest
/// of the token by bytes ([`TOKEN_END`]) to the next possible space, so it
/// stops early without reading the rest of the text.
pub(crate) fn word_count_upto(s: &str, limit: usize) -> usize {
    if limit == 0 {
        return 0;
    }
    let bytes = s.as_bytes();
    let len = bytes.len();
    let mut count = 0;
    let mut i = 0;
    while i < len {
        // Between tokens, or in a token without a letter or digit so far:
        // the two look the same, a letter or digit starts a counted token.
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            if !b.is_ascii_alphanumeric() {
                continue;
            }
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            if !is_alnum(c) {
                continue;
            }
        }
        count += 1;
        if count >= limit {
            break;
        }
        // Skip to the end of the counted token.
        while i < len {
            while i < len && !TOKEN_END[bytes[i] as usize] {
                i += 1;
            }
            if i >= len || bytes[i] < 0x80 {
                break;
            }
            let c = s[i..].chars().next().unwrap_or(' ');
            if is_space(c) {
                break;
            }
            i += c.len_utf8();
        }
    }
    count
}

/// Whether `s` has at least one letter (any script).
pub(crate) fn has_letter(s: &str) -> bool {
    s.chars().any(is_alpha)
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

/// Byte ranges of the words of `s`: maximal runs of letters and digits,
/// with Arabic diacritics and tatweel inside a word (`كَتَبَ` is one word).
pub fn word_spans(s: &str) -> impl Iterator<Item = Range<usize>> + '_ {
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

/// A fast, fixed-key hasher (the multiply-rotate scheme of rustc's FxHash)
/// for the rule lexicons: their keys are our own short words, never
/// attacker-chosen, so SipHash's flood resistance buys nothing there and its
/// cost showed in profiles. Lookups only: no iteration order leaks out.
#[derive(Default, Clone, Copy)]
pub(crate) struct FastHash;

/// The hasher of [`FastHash`].
pub(crate) struct FastHasher(u64);

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        let rest = chunks.remainder();
        let mut last = [0u8; 8];
        last[..rest.len()].copy_from_slice(rest);
        self.add(u64::from_le_bytes(last) ^ ((rest.len() as u64) << 59));
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

impl std::hash::BuildHasher for FastHash {
    type Hasher = FastHasher;

    #[inline]
    fn build_hasher(&self) -> FastHasher {
        FastHasher(0)
    }
}

/// A hash set with [`FastHash`].
pub(crate) type FastSet<T> = std::collections::HashSet<T, FastHash>;
/// A hash map with [`FastHash`].
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, FastHash>;

/// A fixed word list with fast membership (hashed on first use): the rule
/// lexicons are checked against many words of every article.
pub(crate) struct WordSet {
    words: &'static [&'static str],
    set: std::sync::OnceLock<FastSet<&'static str>>,
}

impl WordSet {
    pub(crate) const fn new(words: &'static [&'static str]) -> Self {
        WordSet {
            words,
            set: std::sync::OnceLock::new(),
        }
    }

    #[inline]
    pub(crate) fn contains(&self, w: &str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(w)
    }
}

/// Prefix cues grouped by their first character, so a unit is compared only
/// with the cues that can match it.
pub(crate) struct PrefixCues {
    cues: &'static [&'static str],
    by_first: std::sync::OnceLock<FastMap<char, Vec<&'static str>>>,
}

impl PrefixCues {
    pub(crate) const fn new(cues: &'static [&'static str]) -> Self {
        PrefixCues {
            cues,
            by_first: std::sync::OnceLock::new(),
        }
    }

    /// The cues that `s` could start with (same first character).
    pub(crate) fn candidates(&self, s: &str) -> &[&'static str] {
        let map = self.by_first.get_or_init(|| {
            let mut m: FastMap<char, Vec<&'static str>> = FastMap::default();
            for cue in self.cues {
                if let Some(c) = cue.chars().next() {
                    m.entry(c).or_default().push(cue);
                }
            }
            m
        });
        s.chars()
            .next()
            .and_then(|c| map.get(&c))
            .map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition [`word_count`] implements with byte skips.
    fn word_count_reference(s: &str) -> usize {
        s.split(char::is_whitespace)
            .filter(|t| t.chars().any(char::is_alphanumeric))
            .count()
    }

    #[test]
    fn word_count_matches_its_definition() {
        for s in [
            "",
            " ",
            "قال د. أحمد إن الاجتماع انتهى.",
            "دمشق - سانا",
            "« » — ، 12 3.5",
            "a\u{00A0}b\u{2009}c\u{3000}d\u{1680}e\u{0085}f\u{202F}g",
            "وقال:«نأمل»،وأضاف",
            "\u{200F}كلمة\u{200B}أخرى",
            "مشيراً  إلى   أن\t\n\u{0B}x",
            "‒ – — ‐",
        ] {
            assert_eq!(word_count(s), word_count_reference(s), "{s:?}");
            let n = word_count(s);
            for limit in [0, 1, 2, 5, usize::MAX] {
                assert_eq!(word_count_upto(s, limit), n.min(limit), "{s:?} {limit}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn word_count_matches_its_definition_on_any_text(s in "\\PC*") {
            proptest::prop_assert_eq!(word_count(&s), word_count_reference(&s));
            proptest::prop_assert_eq!(word_count_upto(&s, usize::MAX), word_count_reference(&s));
        }

        #[test]
        fn word_count_matches_on_spaced_mixed_scripts(
            s in "[ \u{00A0}\u{2000}-\u{200F}\u{3000}\u{0600}-\u{06FF}a-z0-9.,«»“”-]{0,40}"
        ) {
            proptest::prop_assert_eq!(word_count(&s), word_count_reference(&s));
            proptest::prop_assert_eq!(word_count_upto(&s, 3), word_count_reference(&s).min(3));
        }
    }

    #[test]
    fn arabic_tables_match_std() {
        for u in 0x0600..=0x06FF {
            let c = char::from_u32(u).unwrap();
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "U+{u:04X}");
            assert_eq!(is_alpha(c), c.is_alphabetic(), "U+{u:04X}");
        }
        for c in [
            'a', 'Z', '5', ' ', '.', 'é', 'Ω', '中', '\u{00A0}', '\u{2029}',
        ] {
            assert_eq!(is_alnum(c), c.is_alphanumeric());
            assert_eq!(is_alpha(c), c.is_alphabetic());
            assert_eq!(is_space(c), c.is_whitespace());
        }
    }
}
