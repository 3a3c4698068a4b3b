//! Clause units inside long sentences (notes §1.6).
//!
//! Arabic news chains 40–80 words with `،` and `و`, and one sentence often
//! carries several claims: `أكد لافروف دعم بلاده …، مشيراً إلى أهمية …، وأضاف أن …`.
//! Matched as a whole, such a sentence hides a claim that another outlet
//! repeated on its own. So a sentence longer than [`CLAUSE_MIN_WORDS`] words is
//! cut into clauses at:
//! - `؛` (semicolon);
//! - `،` + و/ف + a reporting verb (`، وأضاف`, `، وأشار`, `، فيما أكد` is not
//!   a verb cue but a connective, below);
//! - `،` or a closing quote + a circumstantial participle (`مشيراً إلى`,
//!   `مؤكداً أن`, `موضحاً`, `لافتاً`, `معتبراً`, `مضيفاً` …);
//! - `،` + a contrast or connective (`إلا أن`, `غير أن`, `لكن`, `في حين`,
//!   `بينما`, `فيما`, `كما`, `حيث`).
//!
//! Clauses shorter than [`CLAUSE_MIN_PART`] words are merged into the one
//! before (or after), so a clause is always a claim, never a fragment.

use crate::text::{
    WordSet, fold_into, is_closer, is_space, is_word_char, trim_range, word_count_upto,
};
use std::ops::Range;

/// Sentences with more words than this are split into clauses.
pub const CLAUSE_MIN_WORDS: usize = 30;
/// No clause has fewer words than this.
pub const CLAUSE_MIN_PART: usize = 5;

/// Reporting verbs after `و`/`ف` (folded: alef without hamza, no diacritics).
static REPORTING: WordSet = WordSet::new(&[
    "اضاف",
    "اضافت",
    "تابع",
    "تابعت",
    "اشار",
    "اشارت",
    "اكد",
    "اكدت",
    "اوضح",
    "اوضحت",
    "لفت",
    "لفتت",
    "شدد",
    "شددت",
    "اعتبر",
    "اعتبرت",
    "راي",
    "رات",
    "قال",
    "قالت",
    "كشف",
    "كشفت",
    "اعلن",
    "اعلنت",
    "ذكر",
    "ذكرت",
    "نقل",
    "نقلت",
    "بين",
    "بينت",
    "مضي",
    "مضت",
    "استطرد",
    "استطردت",
    "اردف",
    "اردفت",
    "نوه",
    "نوهت",
    "دعا",
    "دعت",
    "طالب",
    "طالبت",
    "جدد",
    "جددت",
    "اعرب",
    "اعربت",
    "حذر",
    "حذرت",
    "لفت",
]);

/// Circumstantial participles that open a new claim.
static PARTICIPLES: WordSet = WordSet::new(&[
    "مشيرا",
    "مشيره",
    "مشيرة",
    "مؤكدا",
    "مؤكدة",
    "لافتا",
    "لافتة",
    "موضحا",
    "موضحة",
    "معتبرا",
    "معتبرة",
    "مضيفا",
    "مضيفة",
    "منوها",
    "منوهة",
    "مشددا",
    "مشددة",
    "داعيا",
    "داعية",
    "معربا",
    "معربة",
    "محذرا",
    "محذرة",
    "مبينا",
    "مبينة",
    "مجددا",
    "مجددة",
]);

/// Connectives that open a new clause after a comma (first word, optional second).
const CONNECTIVES: &[(&str, Option<&str>)] = &[
    ("الا", Some("ان")),
    ("غير", Some("ان")),
    ("لكن", None),
    ("ولكن", None),
    ("في", Some("حين")),
    ("بينما", None),
    ("فيما", None),
    ("كما", None),
    ("حيث", None),
];

/// Bytes that reveal a clause mark: ASCII `, ; " ' ) ] }`, the second byte
/// of `،` and `؛` (their lead byte D8 also leads half of the Arabic letters),
/// and the lead bytes C2 and E2 of `»` and `” ’ ›`.
const MARK_TRIGGER: [bool; 256] = {
    let mut t = [false; 256];
    let ascii = b",;\"')]}";
    let mut k = 0;
    while k < ascii.len() {
        t[ascii[k] as usize] = true;
        k += 1;
    }
    t[0x8C] = true;
    t[0x9B] = true;
    t[0xC2] = true;
    t[0xE2] = true;
    t
};

/// Clause spans (relative to `sentence`) of a long sentence; empty when the
/// sentence is short or has no cue that leaves two clauses of a useful size.
/// `words` is the sentence's word count (whitespace-separated tokens), or any
/// cap of it above [`CLAUSE_MIN_WORDS`].
pub(crate) fn clauses(sentence: &str, words: usize) -> Vec<Range<usize>> {
    if words <= CLAUSE_MIN_WORDS {
        return Vec::new();
    }
    let mut cuts: Vec<usize> = Vec::new();
    let mut w = String::new();
    let mut next = String::new();
    // Only the word after a comma, semicolon or closing quote can be a cue,
    // so visit those marks (by their UTF-8 bytes) instead of every word.
    let bytes = sentence.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && !MARK_TRIGGER[bytes[i] as usize] {
            i += 1;
        }
        if i >= bytes.len() {
            break;
        }
        // `، ؛` are D8 8C / D8 9B (found by their second byte), `»` is C2 BB,
        // `” ’ ›` are E2 80 9D/99/BA.
        let start = match bytes[i] {
            0x8C | 0x9B => (i > 0 && bytes[i - 1] == 0xD8).then(|| i - 1),
            0xC2 => (bytes.get(i + 1) == Some(&0xBB)).then_some(i),
            0xE2 => (bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(0x9D | 0x99 | 0xBA)))
            .then_some(i),
            _ => Some(i),
        };
        let Some(start) = start else {
            i += 1;
            continue;
        };
        let Some(c) = sentence[start..].chars().next() else {
            break;
        };
        i = start + c.len_utf8();
        let (semicolon, comma) = match c {
            '؛' | ';' => (true, false),
            '،' | ',' => (false, true),
            c if is_closer(c) => (false, false),
            _ => continue,
        };
        // The gap: more punctuation (`”،`), then spaces, then the word.
        let rest = &sentence[i..];
        let word_start = i
            + (rest.len()
                - rest
                    .trim_start_matches(|c: char| {
                        is_space(c) || is_closer(c) || matches!(c, '،' | ',')
                    })
                    .len());
        let Some(word) = next_word(sentence, word_start) else {
            continue;
        };
        if semicolon {
            cuts.push(word.start);
            continue;
        }
        let comma = comma || sentence[i..word.start].contains(['،', ',']);
        fold_into(&sentence[word.clone()], &mut w);
        let cue = if comma {
            let verb = w
                .strip_prefix('و')
                .or_else(|| w.strip_prefix('ف'))
                .is_some_and(|rest| REPORTING.contains(rest));
            let connective = CONNECTIVES.iter().any(|&(first, second)| {
                first == w
                    && second.is_none_or(|s| {
                        let after = word.end
                            + (sentence[word.end..].len()
                                - sentence[word.end..].trim_start_matches(is_space).len());
                        next_word(sentence, after).is_some_and(|n| {
                            fold_into(&sentence[n], &mut next);
                            next == s
                        })
                    })
            });
            verb || connective || PARTICIPLES.contains(&w)
        } else {
            PARTICIPLES.contains(&w)
        };
        if cue && cuts.last() != Some(&word.start) {
            cuts.push(word.start);
        }
    }
    if cuts.is_empty() {
        return Vec::new();
    }
    // Pieces between cuts, then merge the short ones.
    let mut pieces: Vec<Range<usize>> = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for &c in &cuts {
        let c = clause_start(sentence, c);
        if c > start {
            pieces.push(start..c);
            start = c;
        }
    }
    pieces.push(start..sentence.len());
    // Merge short pieces: a short clause joins the one before; a short first
    // clause takes the next.
    let mut merged: Vec<(Range<usize>, usize)> = Vec::with_capacity(pieces.len());
    for p in pieces {
        // Only `< CLAUSE_MIN_PART` is ever asked of these counts.
        let n = word_count_upto(&sentence[p.clone()], CLAUSE_MIN_PART);
        match merged.last_mut() {
            Some((last, m)) if *m < CLAUSE_MIN_PART || n < CLAUSE_MIN_PART => {
                last.end = p.end;
                *m += n;
            }
            _ => merged.push((p, n)),
        }
    }
    let merged: Vec<Range<usize>> = merged.into_iter().map(|(r, _)| r).collect();
    if merged.len() < 2 {
        return Vec::new();
    }
    merged
        .into_iter()
        .map(|r| {
            let r = trim_range(sentence, r);
            let t = sentence[r.clone()]
                .trim_end_matches(|c: char| matches!(c, '،' | ',' | '؛' | ';') || is_space(c));
            r.start..r.start + t.len()
        })
        .filter(|r| !r.is_empty())
        .collect()
}

/// The word (run of word characters) starting exactly at `start`.
fn next_word(s: &str, start: usize) -> Option<Range<usize>> {
    let rest = s.get(start..)?;
    let len = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
    (len > 0).then(|| start..start + len)
}

/// Moves a cut back over an opening guillemet glued to the cue word, so the
/// quote mark stays with the clause it opens.
fn clause_start(sentence: &str, cut: usize) -> usize {
    match sentence[..cut].chars().next_back() {
        Some('«') => cut - '«'.len_utf8(),
        _ => cut,
    }
}
