//! Sentence units of news articles, located exactly in the original text.
//!
//! Everything isnad reports is about *statements*, so the unit must be right:
//! a sentence of a news article with its byte span into the original text,
//! and page furniture, datelines and credit lines recognised for what they are.
//!
//! The core types:
//! - [`Unit`]: one unit of an article — its [`UnitKind`], its byte `span`
//!   (`&text[unit.span.clone()]` is always the unit's text), and for clause
//!   units the index of the parent sentence.
//! - [`segment`]: `&str` → `Vec<Unit>`.
//! - [`normalize`]: the light form and the match key used for comparison.
//!
//! ```
//! let text = "قال د. أحمد إن الاجتماع انتهى. وأضاف أن الجولة المقبلة في أيار.";
//! let units = isnad_segment::segment(text);
//! let sentences: Vec<&str> = units.iter().map(|u| &text[u.span.clone()]).collect();
//! assert_eq!(sentences.len(), 2);
//! ```

pub mod agency;
pub mod attribution;
mod boundary;
mod clause;
mod dates;
pub mod eval;
mod kind;
mod long;
pub mod normalize;
mod places;
mod quote;
mod split;
mod text;

pub use clause::{CLAUSE_MIN_PART, CLAUSE_MIN_WORDS};
pub use long::{LONG_UNIT_MAX_BYTES, LONG_UNIT_MAX_WORDS};
pub use split::segment;
pub use text::word_spans;

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// What a unit is, so reports can tell statements from page furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// The article's title line at the top of the text.
    Headline,
    /// A sentence: a statement the article makes.
    Sentence,
    /// A sentence that continues a quotation opened in an earlier sentence.
    QuoteContinuation,
    /// A clause inside a long sentence, matched on its own; `parent` names the sentence.
    Clause,
    /// A dateline such as `موسكو-سانا`.
    Dateline,
    /// A credit or byline such as `المصدر: وكالة سانا` or `| الوطن – وكالات`.
    Credit,
    /// Page furniture: captions, tag lines, calls to action, link-only lines.
    Furniture,
}

impl UnitKind {
    /// Whether units of this kind carry statements that can repeat between outlets.
    pub fn is_statement(self) -> bool {
        matches!(
            self,
            UnitKind::Headline
                | UnitKind::Sentence
                | UnitKind::QuoteContinuation
                | UnitKind::Clause
        )
    }

    /// The snake_case name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Headline => "headline",
            UnitKind::Sentence => "sentence",
            UnitKind::QuoteContinuation => "quote_continuation",
            UnitKind::Clause => "clause",
            UnitKind::Dateline => "dateline",
            UnitKind::Credit => "credit",
            UnitKind::Furniture => "furniture",
        }
    }
}

/// One unit of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    /// Position of the unit in the article's unit list.
    pub index: usize,
    /// What the unit is.
    pub kind: UnitKind,
    /// Byte span into the original text; always on char boundaries.
    pub span: Range<usize>,
    /// For [`UnitKind::Clause`] units, the index of the sentence they belong to.
    pub parent: Option<usize>,
    /// Who is quoted, when the unit is inside a quotation whose speaker is named.
    pub speaker: Option<String>,
    /// The unit is a piece of a longer run of text without a sentence end
    /// (a table or list dumped on one line), cut at
    /// [`LONG_UNIT_MAX_WORDS`] words or [`LONG_UNIT_MAX_BYTES`] bytes: it
    /// keeps its kind and is compared, but it is not a sentence the article
    /// wrote. See [`cut_summary`] for a one-line account of an article's cuts.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cut: bool,
}

impl Unit {
    /// The unit's text, borrowed from the article text it was cut from.
    pub fn text<'t>(&self, article_text: &'t str) -> &'t str {
        &article_text[self.span.clone()]
    }
}

/// A one-line account of the cuts in an article's `units` (see
/// [`Unit::cut`]), for a warning: how many pieces, how many words of text
/// without a sentence end they came from (counted as the cutter counts them:
/// whitespace-separated tokens, and every Han, kana or CJK punctuation
/// character as one word), and the byte span of that text; `None` when no
/// unit was cut. `text` is the article text.
///
/// ```
/// let text = "w ".repeat(2_500);
/// let units = isnad_segment::segment(&text);
/// let summary = isnad_segment::cut_summary(&text, &units).unwrap();
/// assert_eq!(
///     summary,
///     "2,500 words without a sentence end (bytes 0..4,999) were cut into 3 pieces of at most 1,000 words"
/// );
/// ```
pub fn cut_summary(text: &str, units: &[Unit]) -> Option<String> {
    let mut pieces = units.iter().filter(|u| u.cut);
    let first = pieces.next()?;
    // Words as the cutter counts them (a CJK character is a word), so the
    // count agrees with the pieces' bound.
    let (mut n, mut words) = (1usize, long::cut_word_count(first.text(text)));
    let (start, mut end) = (first.span.start, first.span.end);
    for u in pieces {
        n += 1;
        words += long::cut_word_count(u.text(text));
        end = end.max(u.span.end);
    }
    Some(format!(
        "{} words without a sentence end (bytes {}..{}) were cut into {n} pieces of at most {} words",
        thousands(words),
        thousands(start),
        thousands(end),
        thousands(LONG_UNIT_MAX_WORDS)
    ))
}

/// `1234567` as `1,234,567`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// An article as isnad reads it: metadata a user supplies plus the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Unique id of the article within a run.
    pub id: String,
    /// The outlet that published it (e.g. `sana`, `alwatan`).
    pub outlet: String,
    /// Publication date in ISO form (`YYYY-MM-DD`, optionally with a time), when known.
    pub date: Option<String>,
    /// The title, when supplied apart from the text.
    pub title: Option<String>,
    /// The article text as published; every unit span points into it.
    pub text: String,
}

impl Article {
    /// Splits the article's text into units (see [`segment`]).
    pub fn units(&self) -> Vec<Unit> {
        segment(&self.text)
    }
}
