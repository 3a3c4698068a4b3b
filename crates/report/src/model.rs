//! The report as plain data.
//!
//! Every renderer (text, JSON, JSONL, CSV, and later HTML and provenance) reads
//! these types and nothing else, so what a user sees in one format is exactly
//! what another format says. Cross-references are by string id (`alwatan/000`,
//! `alwatan/000#4`, `s1`) so the JSON stands on its own; the `*_index` fields
//! the renderers use to avoid lookups are not serialized.
//!
//! A large run holds hundreds of thousands of units and matches, and each
//! names its article, outlet, units and statement. Those ids are built once
//! and shared (`Arc<str>`: a unit's id, its article's id and outlet, a
//! statement's id), and names from a fixed set (kinds, tiers, appearance,
//! provenance classes) are `&'static str`, so a cross-reference costs a
//! pointer, not a copy of the string. They serialize as the same strings.

use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;
use std::ops::{Deref, Range};
use std::sync::Arc;

/// A byte range `[start, end)`; serialized as a two-element array.
pub type Span = [usize; 2];

/// The whole result of one `isnad compare` run.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Every input article, used or skipped, in input order.
    pub articles: Vec<ArticleEntry>,
    /// Every unit of every used article (all kinds, not only statements), article by article.
    pub units: Vec<UnitEntry>,
    /// Scored pairs of statement units, ordered by unit position.
    pub matches: Vec<MatchEntry>,
    /// Groups of matched units that carry one claim; `s1` is the most widely carried.
    pub statements: Vec<StatementEntry>,
    /// Counts, per-outlet figures and the outlet × outlet table.
    pub summary: Summary,
}

/// Whether an input article went into the comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Read, segmented and compared.
    Used,
    /// Not compared; `reason` says why.
    Skipped,
}

/// One input article.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleEntry {
    /// Id from the input (JSONL/CSV `id`, manifest `id`, or the file path without `.txt`).
    pub id: String,
    /// File the article was read from (`-` for stdin).
    pub path: String,
    /// 1-based line (JSONL) or record line (CSV) within `path`; absent for whole-file articles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// Outlet id (folder name, manifest/JSONL `outlet`, or passim `series`).
    pub outlet: String,
    /// Publication date as given (ISO `YYYY-MM-DD`, optionally with a time).
    pub date: Option<String>,
    /// Title, when supplied apart from the text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// URL, when supplied.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// `used` or `skipped`.
    pub status: Status,
    /// Why the article was skipped (with file and line); absent when used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Problems that did not stop the article from being used (e.g. an unreadable date).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// Length of the text in bytes (0 when skipped).
    pub bytes: usize,
    /// Number of units of all kinds.
    pub units: usize,
    /// Number of statement units (headline, sentence, quote continuation, clause).
    pub statement_units: usize,
    /// Statement units that belong to a statement also carried by another outlet.
    pub shared_units: usize,
    /// `shared_units / statement_units`, or `null` when there are no statement units.
    pub shared_share: Option<f64>,
    /// Input fields isnad does not interpret, kept as given.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, serde_json::Value>,
    /// Sources the article credits: dateline, credit line, `(أ ف ب)` signature, in-text attribution (see `provenance`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub credits: Vec<crate::provenance::Credit>,
    /// The article's dateline (`موسكو-سانا`), when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline: Option<crate::provenance::Dateline>,
    /// The article text (not serialized: units carry the text that matters),
    /// shared with the [`UnitText`] of its units.
    #[serde(skip)]
    pub text: Arc<str>,
    /// Publication day (days since 1970-01-01) parsed from `date`.
    #[serde(skip)]
    pub day: Option<i32>,
}

/// One unit of one article.
#[derive(Debug, Clone, Serialize)]
pub struct UnitEntry {
    /// `<article id>#<index>`; shared with the matches and the statement naming the unit.
    pub id: Arc<str>,
    /// Id of the article the unit belongs to (shared by the article's units).
    pub article: Arc<str>,
    /// Outlet of that article (shared by the article's units).
    pub outlet: Arc<str>,
    /// Position in the article's unit list.
    pub index: usize,
    /// `headline`, `sentence`, `quote_continuation`, `clause`, `dateline`, `credit` or `furniture`.
    pub kind: &'static str,
    /// Byte offset of the unit in the article text.
    pub start: usize,
    /// Byte offset just past the unit in the article text.
    pub end: usize,
    /// The unit's text, exactly as in the article (`text[start..end]`).
    pub text: UnitText,
    /// For clause units, the id of the sentence they are part of.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<Arc<str>>,
    /// Who is quoted, when the segmenter found a named speaker.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// The unit is a piece of an over-long run of text without a sentence
    /// end, cut by the segmenter at [`isnad_segment::LONG_UNIT_MAX_WORDS`]
    /// words or [`isnad_segment::LONG_UNIT_MAX_BYTES`] bytes (see
    /// [`isnad_segment::Unit::cut`]): compared like a sentence, but not a
    /// sentence the article wrote. Serialized only when true, so a report
    /// without cut units reads as before.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub cut: bool,
    /// The statement this unit belongs to, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statement: Option<Arc<str>>,
    /// The strongest tier among this unit's matches, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier: Option<&'static str>,
    /// Source ids this unit is credited to: its article's credits plus in-text attributions governing it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub credited_to: Vec<String>,
    /// Speaker of reported speech (`وأكد المقداد أن …`; `وأضاف` continues the last speaker) when not quoted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reported_speaker: Option<String>,
    /// In a statement of 2+ outlets: `first`, `later`, `same_day` (tie with the first) or `undated`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub appearance: Option<&'static str>,
    /// Against earlier/same-day units of other outlets: `credited`, `common_source`, `shared_quote` or `uncredited`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provenance: Option<&'static str>,
    /// The unit of another outlet that decided `provenance`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provenance_from: Option<Arc<str>>,
    /// Index into [`Report::articles`].
    #[serde(skip)]
    pub article_index: usize,
    /// Index into [`Report::units`] of `parent`.
    #[serde(skip)]
    pub parent_index: Option<usize>,
    /// Index into [`Report::statements`] of `statement`.
    #[serde(skip)]
    pub statement_index: Option<usize>,
}

/// A unit's text: a span of its article's text, which it shares.
///
/// A report holds every unit of every article; a copy of each unit's text
/// would hold the corpus twice (about 110 MB more on SaudiNewsNet). It reads
/// as a `&str` (`Deref`) and serializes as a string.
#[derive(Clone)]
pub struct UnitText {
    article: Arc<str>,
    span: Range<usize>,
}

impl UnitText {
    /// The text of `span` in `article`, or `None` when `span` is not a
    /// range of `article` on character boundaries.
    pub fn new(article: Arc<str>, span: Range<usize>) -> Option<Self> {
        article.get(span.clone())?;
        Some(UnitText { article, span })
    }

    /// A text of its own (for units built outside an article).
    pub fn owned(text: &str) -> Self {
        UnitText {
            span: 0..text.len(),
            article: Arc::from(text),
        }
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.article[self.span.clone()]
    }
}

impl Deref for UnitText {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for UnitText {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for UnitText {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for UnitText {}

impl PartialEq<str> for UnitText {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for UnitText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<UnitText> for &str {
    fn eq(&self, other: &UnitText) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<UnitText> for str {
    fn eq(&self, other: &UnitText) -> bool {
        self == other.as_str()
    }
}

impl fmt::Debug for UnitText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for UnitText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for UnitText {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// One scored pair of units.
#[derive(Debug, Clone, Serialize)]
pub struct MatchEntry {
    /// Id of the first unit (the earlier one in input order).
    pub a: Arc<str>,
    /// Id of the second unit.
    pub b: Arc<str>,
    /// How the statement was reused: `verbatim`, `near_duplicate`, `partial`, `paraphrase`, `conflicting`.
    pub tier: &'static str,
    /// Similarity in [0, 1].
    pub score: f32,
    /// Shared passages as byte ranges into unit `a`'s text (not the article's).
    pub spans_a: Vec<Span>,
    /// Shared passages as byte ranges into unit `b`'s text.
    pub spans_b: Vec<Span>,
    /// Named score components from the scorer, for explanations.
    pub components: isnad_score::Components,
    /// The statement holding both units; `null` when statement grouping put
    /// them in different statements (the match links two statements).
    pub statement: Option<Arc<str>>,
    /// Index into [`Report::units`] of unit `a`.
    #[serde(skip)]
    pub a_index: usize,
    /// Index into [`Report::units`] of unit `b`.
    #[serde(skip)]
    pub b_index: usize,
}

/// One statement: units from one or more outlets that carry the same claim.
#[derive(Debug, Clone, Serialize)]
pub struct StatementEntry {
    /// `s1`, `s2`, …: more outlets first, then earlier first appearance.
    pub id: Arc<str>,
    /// Unit ids, in date order (undated last), ties in input order.
    pub units: Vec<Arc<str>>,
    /// Distinct outlets, in order of their first appearance (date order, undated last).
    pub outlets: Vec<Arc<str>>,
    /// The earliest dated unit; `null` when no unit is dated.
    pub first_unit: Option<Arc<str>>,
    /// Outlet of `first_unit`.
    pub first_outlet: Option<Arc<str>>,
    /// Date of `first_unit`.
    pub first_date: Option<String>,
    /// Whether another outlet has a unit on the same day as `first_unit` (so "first" is a tie).
    pub first_is_tie: bool,
    /// The strongest tier among the statement's matches (empty when it has none).
    pub tier: &'static str,
    /// Number of matches per tier.
    pub tiers: BTreeMap<&'static str, usize>,
    /// Number of matches inside the statement.
    pub matches: usize,
    /// Indices into [`Report::units`], in the order of `units`.
    #[serde(skip)]
    pub unit_indices: Vec<usize>,
    /// Indices into [`Report::matches`].
    #[serde(skip)]
    pub match_indices: Vec<usize>,
}

/// Counts and tables over the whole run.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// Input articles (used + skipped).
    pub articles: usize,
    /// Articles compared.
    pub articles_used: usize,
    /// Articles skipped (see each article's `reason`).
    pub articles_skipped: usize,
    /// Units of all kinds.
    pub units: usize,
    /// Statement units (the ones compared).
    pub statement_units: usize,
    /// Matches kept after the tier/score filters.
    pub matches: usize,
    /// Matches per tier.
    pub matches_by_tier: BTreeMap<String, usize>,
    /// All statements.
    pub statements: usize,
    /// Statements carried by two or more outlets.
    pub cross_outlet_statements: usize,
    /// Per outlet, sorted by name.
    pub outlets: Vec<OutletEntry>,
    /// Per pair of outlets that share at least one statement, sorted by name.
    pub outlet_pairs: Vec<OutletPair>,
    /// Credit shares per outlet and direction counts per pair (see `provenance`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provenance: Option<crate::provenance::ProvenanceSummary>,
    /// The options the report was built with.
    pub options: OptionsEcho,
    /// The matcher's own counts (candidate pairs, capped probes, …): for
    /// `isnad compare --stats`, not part of the report's formats.
    #[serde(skip)]
    pub matching: isnad_score::MatchStats,
}

/// Figures for one outlet.
#[derive(Debug, Clone, Serialize)]
pub struct OutletEntry {
    /// Outlet id.
    pub outlet: String,
    /// Articles used from this outlet.
    pub articles: usize,
    /// Statement units of those articles.
    pub statement_units: usize,
    /// Of those, units in a statement another outlet also carries.
    pub shared_units: usize,
    /// Cross-outlet statements this outlet carries.
    pub statements: usize,
    /// Of those, statements where this outlet is first by date (ties excluded).
    pub first: usize,
}

/// Shared statements between two outlets, with direction by date.
#[derive(Debug, Clone, Serialize)]
pub struct OutletPair {
    /// The outlet whose name sorts first.
    pub a: String,
    /// The other outlet.
    pub b: String,
    /// Statements both carry.
    pub statements: usize,
    /// Of those, statements `a` carried on an earlier day than `b`.
    pub a_first: usize,
    /// Statements `b` carried on an earlier day than `a`.
    pub b_first: usize,
    /// Statements both carried first on the same day.
    pub same_day: usize,
    /// Statements where either side has no date.
    pub undated: usize,
}

/// The options of the run, echoed so a report file explains itself.
#[derive(Debug, Clone, Serialize)]
pub struct OptionsEcho {
    /// Same-outlet repeats were included.
    pub same_outlet: bool,
    /// Date window in days, if any.
    pub within_days: Option<u32>,
    /// Weakest tier kept, if limited.
    pub min_tier: Option<String>,
    /// Lowest score kept.
    pub min_score: f32,
    /// Passage-only matches were accepted (`--passages`).
    pub passages: bool,
}
