//! Over-long units: a run of text without a sentence end, cut into pieces.
//!
//! A line with no sentence punctuation — a table or a list dumped as one
//! line, a transcript without full stops, 200,000 words of a scraped page —
//! would otherwise be one "sentence" unit: not a statement anyone repeats,
//! and a match on it would highlight megabytes. So a sentence-level unit of
//! more than [`LONG_UNIT_MAX_WORDS`] words, or more than
//! [`LONG_UNIT_MAX_BYTES`] bytes, is cut into pieces no larger than that, and
//! each piece is marked [`crate::Unit::cut`]. A piece keeps the kind its text
//! gets (a sentence, usually), so it is still compared: two outlets that
//! dumped the same table still match, piece by piece.
//!
//! **The bound comes from real news.** Over the 96,406 sentence-level units
//! of the first 10,000 SaudiNewsNet articles, the longest has 558 words, the
//! 99.99th percentile 352 and the 99.9th 209; the longest has 5,566 bytes
//! (words: whitespace tokens of the `text` of every non-clause unit of
//! `isnad compare -f json` on those articles). 1,000 words is almost twice the
//! longest real sentence, so no sentence of real news is cut, while a run-on
//! dump becomes pieces a reader can still look at. The byte bound (64 KiB,
//! about twelve times the longest real unit) only matters for text with few
//! spaces, such as a base64 blob pasted into a page.
//!
//! **Where a piece ends**: at the best break in the second half of the
//! piece's room — the last line break (a soft-wrapped line kept inside the
//! block), else the last clause mark (`، ؛ ; : ,`, the CJK `， 、 ； ：`, an
//! ellipsis), else the last word boundary. Only a single "word" longer than
//! the byte bound is cut inside, at a character boundary. Pieces therefore
//! have between half the bound and the bound, but for the last one, and they
//! are spans of the original text: offsets stay exact.
//!
//! **Words** here are whitespace-separated tokens, except that every Han,
//! kana or CJK-punctuation character counts as one: Chinese and Japanese
//! put no spaces between words, and a page of them would otherwise be one
//! "word" that only the byte bound could cut. [`WordCounter`] is that rule,
//! and both the cutter and [`crate::cut_summary`] (the "N words" of the
//! warning) count with it, so the warning reports the words the cutter saw.

use crate::text::{is_block_break, is_cjk, is_space};

/// Sentence-level units with more words than this are cut into pieces.
pub const LONG_UNIT_MAX_WORDS: usize = 1_000;
/// Sentence-level units with more bytes than this are cut into pieces.
pub const LONG_UNIT_MAX_BYTES: usize = 64 * 1024;

/// Marks after which a piece may end when no line break is at hand. The
/// ASCII ones only before whitespace (`2,254` and `10:30` stay whole).
#[inline]
fn is_clause_mark(c: char) -> bool {
    matches!(
        c,
        '،' | '؛' | '…' | '，' | '、' | '；' | '：' | ',' | ';' | ':'
    )
}

/// Counts words the way the cutter does, one character at a time: a
/// whitespace-separated token is a word, and so is every CJK character
/// ([`is_cjk`]), which also ends the token before it.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct WordCounter {
    /// Words started so far.
    pub(crate) words: usize,
    /// The last character was part of a (non-CJK) token.
    pub(crate) in_word: bool,
}

impl WordCounter {
    /// Takes in `c`; returns whether a word starts at it.
    #[inline]
    pub(crate) fn push(&mut self, c: char) -> bool {
        if is_space(c) {
            self.in_word = false;
            false
        } else if is_cjk(c) {
            self.in_word = false;
            self.words += 1;
            true
        } else {
            let starts = !self.in_word;
            self.in_word = true;
            self.words += usize::from(starts);
            starts
        }
    }
}

/// The number of words in `s` as the cutter counts them ([`WordCounter`]).
pub(crate) fn cut_word_count(s: &str) -> usize {
    let mut counter = WordCounter::default();
    for c in s.chars() {
        counter.push(c);
    }
    counter.words
}

/// Where to cut `unit` (a sentence-level unit's text): the offsets, relative
/// to `unit`, at which a piece ends and the next begins; empty when the unit
/// is within both bounds.
pub(crate) fn long_unit_cuts(unit: &str) -> Vec<usize> {
    // N whitespace tokens take at least 2N - 1 bytes (a CJK character,
    // counted as a token of its own, takes 3): a unit this short is within
    // both bounds without a look at its words.
    if unit.len() <= 2 * LONG_UNIT_MAX_WORDS && unit.len() <= LONG_UNIT_MAX_BYTES {
        return Vec::new();
    }
    let mut cuts = Vec::new();
    let mut start = 0;
    while let Some(cut) = piece_end(unit, start) {
        cuts.push(cut);
        // The next piece starts after the whitespace at the cut.
        start = cut + unit[cut..].len() - unit[cut..].trim_start_matches(is_space).len();
        if start >= unit.len() {
            cuts.pop();
            break;
        }
    }
    cuts
}

/// The end of the piece that starts at `start`, or `None` when the rest of
/// `unit` fits in one piece.
fn piece_end(unit: &str, start: usize) -> Option<usize> {
    const HALF_WORDS: usize = LONG_UNIT_MAX_WORDS / 2;
    const HALF_BYTES: usize = LONG_UNIT_MAX_BYTES / 2;
    let rest = &unit[start..];
    let mut counter = WordCounter::default();
    // The latest break of each class in the second half of the piece.
    let (mut line, mut clause, mut word) = (None, None, None);
    let mut chars = rest.char_indices().peekable();
    while let Some((off, c)) = chars.next() {
        let pos = start + off;
        let second_half = counter.words >= HALF_WORDS || off >= HALF_BYTES;
        let was_in_word = counter.in_word;
        let starts = counter.push(c);
        if is_space(c) {
            if was_in_word && second_half {
                word = Some(pos);
            }
            if is_block_break(c) && second_half {
                line = Some(pos);
            }
        } else if is_cjk(c) {
            if second_half && was_in_word {
                word = Some(pos);
            }
            if second_half && is_clause_mark(c) {
                clause = Some(pos + c.len_utf8());
            }
            // A CJK character is a word of its own: a boundary after it.
            if counter.words >= HALF_WORDS {
                word = Some(pos + c.len_utf8());
            }
        } else if second_half
            && is_clause_mark(c)
            && (!c.is_ascii() || chars.peek().is_some_and(|&(_, n)| is_space(n)))
        {
            clause = Some(pos + c.len_utf8());
        }
        // Word `LONG_UNIT_MAX_WORDS + 1` starts here.
        let over = starts && counter.words > LONG_UNIT_MAX_WORDS;
        if over || off >= LONG_UNIT_MAX_BYTES {
            // Word `LONG_UNIT_MAX_WORDS + 1` starts here (or the byte bound
            // is reached): end the piece at the best break before `pos`.
            let best = line.or(clause).or(word).filter(|&b| b > start && b <= pos);
            return Some(best.unwrap_or(pos));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut start = 0;
        for c in long_unit_cuts(text) {
            out.push(text[start..c].trim());
            start = c;
        }
        out.push(text[start..].trim());
        out
    }

    fn words(s: &str) -> usize {
        s.split_whitespace().count()
    }

    #[test]
    fn short_units_are_not_cut() {
        let s = "word ".repeat(LONG_UNIT_MAX_WORDS);
        assert!(long_unit_cuts(s.trim()).is_empty());
    }

    #[test]
    fn a_long_run_is_cut_at_word_boundaries_into_bounded_pieces() {
        let s = (0..2_500)
            .map(|i| format!("w{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        let p = pieces(&s);
        assert_eq!(
            p.len(),
            3,
            "{:?}",
            p.iter().map(|x| words(x)).collect::<Vec<_>>()
        );
        assert!(p.iter().all(|x| words(x) <= LONG_UNIT_MAX_WORDS));
        assert_eq!(p.iter().map(|x| words(x)).sum::<usize>(), 2_500);
        assert!(p[0].ends_with("w999") && p[1].starts_with("w1000"));
    }

    #[test]
    fn a_clause_mark_wins_over_a_plain_word_boundary() {
        let mut s = String::new();
        for i in 0..1_500 {
            s.push_str(&format!("w{i}"));
            s.push_str(if i == 800 { "، " } else { " " });
        }
        let p = pieces(&s);
        assert!(p[0].ends_with("w800،"), "{}", &p[0][p[0].len() - 20..]);
        // Not in the first half of the room: the word boundary is taken.
        let mut s = String::new();
        for i in 0..1_500 {
            s.push_str(&format!("w{i}"));
            s.push_str(if i == 100 { ", " } else { " " });
        }
        assert!(pieces(&s)[0].ends_with("w999"));
    }

    #[test]
    fn numbers_are_not_cut_at_their_comma() {
        let s = "2,254 ".repeat(1_500);
        let p = pieces(&s);
        assert!(p.iter().all(|x| x.ends_with("2,254")), "{p:?}");
    }

    #[test]
    fn cjk_characters_count_as_words_and_a_blob_is_cut_by_bytes() {
        let s = "中".repeat(2_500);
        let cuts = long_unit_cuts(&s);
        assert_eq!(cuts, [3 * 1_000, 3 * 2_000]);
        let blob = "A".repeat(LONG_UNIT_MAX_BYTES * 2 + 10);
        let cuts = long_unit_cuts(&blob);
        assert_eq!(cuts, [LONG_UNIT_MAX_BYTES, 2 * LONG_UNIT_MAX_BYTES]);
    }
}
