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

use crate::text::{fold_into, is_closer, is_space, trim_range, word_count, word_spans};
use std::ops::Range;

/// Sentences with more words than this are split into clauses.
pub const CLAUSE_MIN_WORDS: usize = 30;
/// No clause has fewer words than this.
pub const CLAUSE_MIN_PART: usize = 5;

/// Reporting verbs after `و`/`ف` (folded: alef without hamza, no diacritics).
const REPORTING: &[&str] = &[
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
];

/// Circumstantial participles that open a new claim.
const PARTICIPLES: &[&str] = &[
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
];

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

/// Clause spans (relative to `sentence`) of a long sentence; empty when the
/// sentence is short or has no cue that leaves two clauses of a useful size.
pub(crate) fn clauses(sentence: &str) -> Vec<Range<usize>> {
    let words: Vec<Range<usize>> = word_spans(sentence).collect();
    if words.len() <= CLAUSE_MIN_WORDS {
        return Vec::new();
    }
    let mut cuts: Vec<usize> = Vec::new();
    let mut w = String::new();
    let mut next = String::new();
    for (k, span) in words.iter().enumerate() {
        if k == 0 {
            continue;
        }
        let gap = &sentence[words[k - 1].end..span.start];
        let semicolon = gap.contains(['؛', ';']);
        let comma = gap.contains(['،', ',']);
        let closer = gap.chars().any(is_closer);
        if semicolon {
            cuts.push(span.start);
            continue;
        }
        if !comma && !closer {
            continue;
        }
        fold_into(&sentence[span.clone()], &mut w);
        let cue = if comma {
            let verb = w
                .strip_prefix('و')
                .or_else(|| w.strip_prefix('ف'))
                .is_some_and(|rest| REPORTING.contains(&rest));
            let connective = CONNECTIVES.iter().any(|&(first, second)| {
                first == w
                    && second.is_none_or(|s| {
                        words.get(k + 1).is_some_and(|n| {
                            fold_into(&sentence[n.clone()], &mut next);
                            next == s
                        })
                    })
            });
            verb || connective || PARTICIPLES.contains(&w.as_str())
        } else {
            PARTICIPLES.contains(&w.as_str())
        };
        if cue {
            cuts.push(span.start);
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
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(pieces.len());
    for p in pieces {
        let short = |r: &Range<usize>| word_count(&sentence[r.clone()]) < CLAUSE_MIN_PART;
        match merged.last_mut() {
            // A short clause joins the one before; a short first clause takes the next.
            Some(last) if short(last) || short(&p) => last.end = p.end,
            _ => merged.push(p),
        }
    }
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

/// Moves a cut back over an opening guillemet glued to the cue word, so the
/// quote mark stays with the clause it opens.
fn clause_start(sentence: &str, cut: usize) -> usize {
    match sentence[..cut].chars().next_back() {
        Some('«') => cut - '«'.len_utf8(),
        _ => cut,
    }
}
