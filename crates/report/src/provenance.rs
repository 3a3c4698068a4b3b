//! Provenance: who carried a statement first, and whether later outlets credited it.
//!
//! Text reuse alone does not say *why* two outlets carry the same sentence.
//! A reader needs to tell apart four cases that peer tools conflate (passim
//! infers a "source" by date only, churnalism measures overlap only):
//!
//! - `credited`: the later article credits the earlier outlet, or the agency
//!   that outlet is (`sana`, `was` = SPA), in a dateline (`موسكو-سانا`), a
//!   credit line (`المصدر: وكالة سانا`, `| الوطن – وكالات`), a wire signature
//!   (`(أ ف ب)`) or an in-text attribution that governs the unit
//!   (`وحسب «سانا»`). A generic `وكالات` credit counts as crediting an outlet
//!   that is an agency, and nothing else.
//! - `common_source`: both units credit the same named source, or the later
//!   unit's outlet *is* the source the earlier unit credits (both trace back
//!   to one wire).
//! - `shared_quote`: both units quote (in quotation marks, or as reported
//!   speech `وأكد المقداد أن …`) the same speaker; two outlets quoting a
//!   minister are not copying each other.
//! - `uncredited`: none of the above.
//!
//! The order of these checks is the order above: an explicit credit is the
//! strongest evidence, a shared quote the weakest explanation.
//!
//! **Direction** comes from dates: each unit of a statement carried by two or
//! more outlets gets an `appearance` — `first` (earliest by date, and by time
//! of day when both dates carry one), `later`, `same_day` (same day as the
//! first and no time to order them: an explicit tie), or `undated`. A unit is
//! classified against the units of *other* outlets that are not later than
//! it (ties count both ways; an undated unit is compared with every other
//! outlet's unit), and `provenance_from` names the unit that decided the class.
//!
//! **Scope of an in-text attribution**: it governs its own sentence (and that
//! sentence's clauses) and the following units of the same paragraph (no line
//! break in between), until another in-text attribution starts. Datelines,
//! credit lines and parenthesised wire signatures govern the whole article.
//!
//! The source table is [`SourceTable`]: the built-in agencies plus entries a
//! user supplies ([`load_sources`], `isnad compare --agencies FILE`).

use crate::model::{Report, Status, UnitEntry};
use isnad_segment::attribution::{Frame, in_text_attributions, same_speaker, speaker_frame};
pub use isnad_segment::attribution::{Source, SourceTable};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};
use std::sync::Arc;

/// Where an article credits a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CreditVia {
    /// A dateline: `موسكو-سانا`, `الرياض (واس) -`.
    Dateline,
    /// A credit or byline: `المصدر: وكالة سانا`, `| الوطن – وكالات`.
    CreditLine,
    /// A wire signature in parentheses inside the text: `(أ ف ب)`.
    Parenthetical,
    /// An attribution inside a sentence: `وحسب «سانا»`, `نقلت وكالة … عن`.
    InText,
    /// A byline field of the input record (`author`, `byline`, `credit`,
    /// `dateline`, e.g. SaudiNewsNet's `author: "الرياض - واس"`).
    Byline,
}

/// One credit an article gives.
#[derive(Debug, Clone, Serialize)]
pub struct Credit {
    /// Source id from the table (`sana`, `spa`, `agencies`, …); `null` for a
    /// credit line naming no known source (its text is in `name`).
    pub source: Option<String>,
    /// The credit as written in the article.
    pub name: String,
    /// Where the credit was found.
    pub via: CreditVia,
    /// Id of the unit holding the credit; absent for a `byline` field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// For `in_text` credits, the statement units it governs (see the module doc).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub governs: Vec<String>,
}

/// An article's dateline.
#[derive(Debug, Clone, Serialize)]
pub struct Dateline {
    /// The dateline as written (`موسكو-سانا`).
    pub text: String,
    /// The place before the agency, when there is one (`موسكو`).
    pub place: Option<String>,
    /// Source ids named in it.
    pub sources: Vec<String>,
    /// Id of the dateline unit.
    pub unit: String,
}

/// Provenance figures over the whole report.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ProvenanceSummary {
    /// Per outlet, sorted by name.
    pub outlets: Vec<OutletCredit>,
    /// Per ordered pair of outlets (`from` carried it no later than `to`), sorted.
    pub pairs: Vec<ProvenancePair>,
}

/// How much of one outlet's reused text it credited.
#[derive(Debug, Clone, Default, Serialize)]
pub struct OutletCredit {
    /// Outlet id.
    pub outlet: String,
    /// The source this outlet is (`was` → `spa`), if it is one.
    pub source: Option<String>,
    /// Units in cross-outlet statements where this outlet was first (here and
    /// below, a clause counts only when its sentence is not itself counted).
    pub first: usize,
    /// Units classified against an earlier or same-day unit of another outlet.
    pub reused: usize,
    /// Of `reused`: `credited`.
    pub credited: usize,
    /// Of `reused`: `common_source`.
    pub common_source: usize,
    /// Of `reused`: `shared_quote`.
    pub shared_quote: usize,
    /// Of `reused`: `uncredited`.
    pub uncredited: usize,
    /// `(credited + common_source) / reused`; `null` when nothing was reused.
    pub credited_share: Option<f64>,
}

/// Direction counts for units `to` carried after (or on the same day as) `from`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ProvenancePair {
    /// The outlet of the earlier unit (`provenance_from`).
    pub from: String,
    /// The outlet of the classified unit.
    pub to: String,
    /// Units of `to` classified against a unit of `from`.
    pub units: usize,
    /// Of those, `credited`.
    pub credited: usize,
    /// Of those, `common_source`.
    pub common_source: usize,
    /// Of those, `shared_quote`.
    pub shared_quote: usize,
    /// Of those, `uncredited`.
    pub uncredited: usize,
    /// Of those, units dated after `from`'s unit.
    pub later: usize,
    /// Of those, units on the same day (no order known).
    pub same_day: usize,
    /// Of those, units whose article (or `from`'s) has no date.
    pub undated: usize,
}

/// Why a source file could not be read.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct SourceFileError {
    /// 1-based line (1 for JSON errors without a line).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Merges a user's source file into `table`; returns how many entries it had.
///
/// Two formats: JSON when the text starts with `{` — an object of
/// `id → ["name", …]` or `id → {"name": "…", "names": [...], "outlets": [...]}`
/// — and otherwise TSV: one source per line, `id<TAB>name variant<TAB>…`,
/// where a field `outlet:ID` declares an outlet id that *is* this source and
/// `name:TEXT` sets the display name; empty lines and `#` comments are skipped.
/// An id already in the table gains the new names.
pub fn load_sources(text: &str, table: &mut SourceTable) -> Result<usize, SourceFileError> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('{') {
        return load_json(trimmed, table);
    }
    let mut n = 0;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_start_matches('\u{feff}').trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let mut fields = line.split('\t').map(str::trim);
        let id = fields.next().unwrap_or_default();
        if id.is_empty() {
            return Err(SourceFileError {
                line: i + 1,
                message: "empty source id (expected `id<TAB>name<TAB>…`)".into(),
            });
        }
        let (mut names, mut outlets, mut display) = (Vec::new(), Vec::new(), None);
        for f in fields.filter(|f| !f.is_empty()) {
            if let Some(o) = f.strip_prefix("outlet:") {
                outlets.push(o.trim());
            } else if let Some(d) = f.strip_prefix("name:") {
                display = Some(d.trim());
            } else {
                names.push(f);
            }
        }
        if names.is_empty() && outlets.is_empty() {
            return Err(SourceFileError {
                line: i + 1,
                message: format!("source {id:?} has no name variant and no outlet"),
            });
        }
        table.add(id, display, &names, &outlets);
        n += 1;
    }
    Ok(n)
}

fn load_json(text: &str, table: &mut SourceTable) -> Result<usize, SourceFileError> {
    let err = |e: serde_json::Error| SourceFileError {
        line: e.line().max(1),
        message: e.to_string(),
    };
    let value: BTreeMap<String, serde_json::Value> = serde_json::from_str(text).map_err(err)?;
    let strings = |v: Option<&serde_json::Value>, id: &str, field: &str| {
        let mut out = Vec::new();
        match v {
            None => {}
            Some(serde_json::Value::Array(a)) => {
                for x in a {
                    match x.as_str() {
                        Some(s) => out.push(s.to_string()),
                        None => {
                            return Err(SourceFileError {
                                line: 1,
                                message: format!("source {id:?}: {field} must be strings"),
                            });
                        }
                    }
                }
            }
            Some(_) => {
                return Err(SourceFileError {
                    line: 1,
                    message: format!("source {id:?}: {field} must be a list of strings"),
                });
            }
        }
        Ok(out)
    };
    for (id, v) in &value {
        let (name, names, outlets) = match v {
            serde_json::Value::Array(_) => (None, strings(Some(v), id, "names")?, Vec::new()),
            serde_json::Value::Object(o) => (
                o.get("name").and_then(|n| n.as_str()),
                strings(o.get("names"), id, "names")?,
                strings(o.get("outlets"), id, "outlets")?,
            ),
            _ => {
                return Err(SourceFileError {
                    line: 1,
                    message: format!(
                        "source {id:?}: expected a list of names or an object with names/outlets"
                    ),
                });
            }
        };
        table.add(id, name, &names, &outlets);
    }
    Ok(value.len())
}

/// Per-unit facts gathered before classification.
struct UnitFacts {
    /// Source ids the unit is credited to (article credits + governing in-text ones).
    credited: BTreeSet<String>,
    /// Quoted speaker or reported-speech speaker.
    speaker: Option<String>,
}

/// Fills the provenance fields of `report`: article `credits` and `dateline`,
/// unit `credited_to`, `reported_speaker`, `appearance`, `provenance`,
/// `provenance_from`, and `summary.provenance`.
pub fn annotate(report: &mut Report, table: &SourceTable) {
    // Articles' units are contiguous: find each article's range, gather the
    // facts of all articles in parallel (read-only), then write them back.
    let mut ranges: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
    let mut start = 0;
    while start < report.units.len() {
        let ai = report.units[start].article_index;
        let end = start
            + report.units[start..]
                .iter()
                .position(|u| u.article_index != ai)
                .unwrap_or(report.units.len() - start);
        ranges.push((ai, start..end));
        start = end;
    }
    let per_article: Vec<ArticleFacts> = ranges
        .par_iter()
        .map(|(ai, range)| article_facts(report, *ai, range.clone(), table))
        .collect();
    let mut facts: Vec<UnitFacts> = Vec::with_capacity(report.units.len());
    for ((ai, range), f) in ranges.into_iter().zip(per_article) {
        for (unit, r) in report.units[range].iter_mut().zip(f.reported) {
            unit.reported_speaker = r;
        }
        facts.extend(f.units);
        let a = &mut report.articles[ai];
        a.credits = f.credits;
        a.dateline = f.dateline;
    }

    let generic: BTreeSet<&str> = table
        .sources()
        .iter()
        .filter(|s| s.generic)
        .map(|s| s.id.as_str())
        .collect();
    let outlet_source: BTreeMap<String, Option<String>> = report
        .summary
        .outlets
        .iter()
        .map(|o| {
            (
                o.outlet.clone(),
                table.source_of_outlet(&o.outlet).map(str::to_string),
            )
        })
        .collect();
    let source_of =
        |outlet: &str| -> Option<&str> { outlet_source.get(outlet).and_then(|s| s.as_deref()) };

    for st in &report.statements {
        if st.outlets.len() < 2 {
            continue;
        }
        let us = &st.unit_indices;
        let key = |ui: usize| -> Option<(i32, Option<u32>)> {
            let a = &report.articles[report.units[ui].article_index];
            a.day.map(|d| (d, a.date.as_deref().and_then(time_of_day)))
        };
        let first = us
            .iter()
            .copied()
            .filter_map(|ui| key(ui).map(|k| (k.0, k.1.unwrap_or(0), ui)))
            .min()
            .map(|(_, _, ui)| ui);
        // `not_later(v, u)`: v appeared no later than u (ties count).
        let not_later = |v: usize, u: usize| -> bool {
            match (key(v), key(u)) {
                (_, None) => true,
                (None, Some(_)) => false,
                (Some((dv, tv)), Some((du, tu))) => {
                    dv < du || (dv == du && !matches!((tv, tu), (Some(a), Some(b)) if a > b))
                }
            }
        };
        let mut results: Vec<(usize, &'static str, Option<&'static str>, Option<usize>)> =
            Vec::with_capacity(us.len());
        for &u in us {
            let appearance = match (first, key(u)) {
                (Some(f), _) if f == u => "first",
                (_, None) => "undated",
                (Some(f), Some((du, tu))) => {
                    let (df, tf) = key(f).unwrap_or((du, None));
                    if du > df || matches!((tf, tu), (Some(a), Some(b)) if b > a) {
                        "later"
                    } else {
                        "same_day"
                    }
                }
                (None, Some(_)) => "undated",
            };
            if appearance == "first" {
                results.push((u, appearance, None, None));
                continue;
            }
            let uo = &*report.units[u].outlet;
            let mut cands: Vec<usize> = us
                .iter()
                .copied()
                .filter(|&v| v != u && &*report.units[v].outlet != uo && not_later(v, u))
                .collect();
            cands.sort_by_key(|&v| (key(v).is_none(), key(v), v));
            let fu = &facts[u];
            let credits_outlet = |v: usize| -> bool {
                let vo = &*report.units[v].outlet;
                let vs = source_of(vo);
                fu.credited.contains(vo)
                    || vs.is_some_and(|s| fu.credited.contains(s))
                    || (vs.is_some() && fu.credited.iter().any(|c| generic.contains(c.as_str())))
            };
            let common = |v: usize| -> bool {
                let fv = &facts[v];
                fu.credited
                    .iter()
                    .any(|c| !generic.contains(c.as_str()) && fv.credited.contains(c))
                    || source_of(uo).is_some_and(|s| fv.credited.contains(s))
            };
            let quote = |v: usize| -> bool {
                match (&fu.speaker, &facts[v].speaker) {
                    (Some(a), Some(b)) => same_speaker(a, b),
                    _ => false,
                }
            };
            let class = if let Some(&v) = cands.iter().find(|&&v| credits_outlet(v)) {
                Some(("credited", v))
            } else if let Some(&v) = cands.iter().find(|&&v| common(v)) {
                Some(("common_source", v))
            } else if let Some(&v) = cands.iter().find(|&&v| quote(v)) {
                Some(("shared_quote", v))
            } else {
                cands.first().map(|&v| ("uncredited", v))
            };
            results.push((u, appearance, class.map(|c| c.0), class.map(|c| c.1)));
        }
        // Written after the loop: the closures above borrow `report` immutably.
        let ids: Vec<Option<Arc<str>>> = results
            .iter()
            .map(|r| r.3.map(|v| report.units[v].id.clone()))
            .collect();
        for ((u, appearance, class, _), from) in results.into_iter().zip(ids) {
            let unit = &mut report.units[u];
            unit.appearance = Some(appearance);
            unit.provenance = class;
            unit.provenance_from = from;
        }
    }

    for (u, f) in report.units.iter_mut().zip(facts) {
        u.credited_to = f.credited.into_iter().collect();
    }
    report.summary.provenance = Some(summarize(report, &outlet_source));
}

/// Seconds since midnight of an ISO date-time (`2015-07-21 10:22:01`,
/// `2015-07-21T10:22`), when the date carries a time.
fn time_of_day(date: &str) -> Option<u32> {
    let t = date.get(11..)?;
    if !matches!(date.as_bytes().get(10), Some(b'T' | b't' | b' ')) {
        return None;
    }
    let num = |s: Option<&str>| -> Option<u32> {
        let s = s?;
        (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
    };
    let h = num(t.get(0..2))?;
    if t.as_bytes().get(2) != Some(&b':') {
        return None;
    }
    let m = num(t.get(3..5))?;
    let s = if t.as_bytes().get(5) == Some(&b':') {
        num(t.get(6..8)).unwrap_or(0)
    } else {
        0
    };
    (h < 24 && m < 60 && s < 61).then_some(h * 3600 + m * 60 + s)
}

/// What [`article_facts`] finds in one article.
struct ArticleFacts {
    /// Per unit of the article, in order.
    units: Vec<UnitFacts>,
    /// Per unit: the speaker of reported speech, when not quoted.
    reported: Vec<Option<String>>,
    credits: Vec<Credit>,
    dateline: Option<Dateline>,
}

/// Credits, dateline and speakers of one article's units (`range` in `report.units`).
fn article_facts(
    report: &Report,
    ai: usize,
    range: std::ops::Range<usize>,
    table: &SourceTable,
) -> ArticleFacts {
    let text = &*report.articles[ai].text;
    let mut article_credits: Vec<Credit> = Vec::new();
    let mut dateline: Option<Dateline> = None;
    // Per unit: in-text sources governing it, and its speaker.
    let n = range.len();
    let mut governing: Vec<Vec<String>> = vec![Vec::new(); n];
    let mut speakers: Vec<Option<String>> = vec![None; n];
    let mut reported: Vec<Option<String>> = vec![None; n];
    let mut in_text: Vec<Credit> = Vec::new();
    let mut current: Option<(usize, usize)> = None; // (index into in_text, paragraph)
    let mut paragraph = 0usize;
    let mut prev_end: Option<usize> = None;
    let mut last_speaker: Option<String> = None;
    let index_of: BTreeMap<&str, usize> = report.units[range.clone()]
        .iter()
        .enumerate()
        .map(|(k, u)| (&*u.id, k))
        .collect();

    for (k, u) in report.units[range.clone()].iter().enumerate() {
        if u.kind == "clause" {
            // Clauses share their sentence's credits and speaker.
            if let Some(&p) = u.parent.as_ref().and_then(|p| index_of.get(&**p)) {
                governing[k] = governing[p].clone();
                speakers[k] = u.speaker.clone().or_else(|| speakers[p].clone());
                reported[k] = reported[p].clone();
                if let Some((ci, _)) = current.filter(|_| !governing[k].is_empty()) {
                    in_text[ci].governs.push(u.id.to_string());
                }
            }
            continue;
        }
        if prev_end.is_some_and(|pe| {
            text.get(pe..u.start)
                .is_some_and(|gap| gap.contains(['\n', '\r', '\u{2029}', '\u{2028}']))
        }) {
            paragraph += 1;
        }
        prev_end = Some(u.end);
        let kind = if k <= 1 && trailing_source_line(table, text, u) {
            // `بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس`: a dateline line
            // ending with the agency, which the segmenter may take for a headline.
            "dateline"
        } else {
            u.kind
        };
        match kind {
            "dateline" => {
                let mentions = table.find(&u.text);
                for m in &mentions {
                    article_credits.push(Credit {
                        source: Some(m.source.clone()),
                        name: u.text[m.span.clone()].to_string(),
                        via: CreditVia::Dateline,
                        unit: Some(u.id.to_string()),
                        governs: Vec::new(),
                    });
                }
                if dateline.is_none() {
                    let place_end = mentions.first().map_or(u.text.len(), |m| m.span.start);
                    let place = u.text[..place_end]
                        .trim_matches(|c: char| {
                            c.is_whitespace()
                                || matches!(c, '-' | '–' | '—' | '(' | ')' | ':' | '،' | ',' | 'ـ')
                        })
                        .to_string();
                    dateline = Some(Dateline {
                        text: u.text.to_string(),
                        place: (!place.is_empty()).then_some(place),
                        sources: mentions.iter().map(|m| m.source.clone()).collect(),
                        unit: u.id.to_string(),
                    });
                }
            }
            "credit" => {
                let mentions = table.find(&u.text);
                if mentions.is_empty() {
                    article_credits.push(Credit {
                        source: None,
                        name: u.text.trim().to_string(),
                        via: CreditVia::CreditLine,
                        unit: Some(u.id.to_string()),
                        governs: Vec::new(),
                    });
                }
                for m in mentions {
                    article_credits.push(Credit {
                        name: u.text[m.span.clone()].to_string(),
                        source: Some(m.source),
                        via: CreditVia::CreditLine,
                        unit: Some(u.id.to_string()),
                        governs: Vec::new(),
                    });
                }
            }
            "furniture" => {}
            _ => {
                let found = in_text_attributions(table, &u.text);
                let mut cued: Vec<String> = Vec::new();
                for a in found {
                    if a.parenthetical {
                        article_credits.push(Credit {
                            name: u.text[a.span.clone()].to_string(),
                            source: Some(a.source),
                            via: CreditVia::Parenthetical,
                            unit: Some(u.id.to_string()),
                            governs: Vec::new(),
                        });
                    } else {
                        if !cued.contains(&a.source) {
                            cued.push(a.source.clone());
                        }
                        current = Some((in_text.len(), paragraph));
                        in_text.push(Credit {
                            name: u.text[a.span.clone()].to_string(),
                            source: Some(a.source),
                            via: CreditVia::InText,
                            unit: Some(u.id.to_string()),
                            governs: Vec::new(),
                        });
                    }
                }
                if cued.is_empty() {
                    if current.is_some_and(|(_, p)| p != paragraph) {
                        current = None;
                    }
                    if let Some((ci, _)) = current {
                        // Every credit found in the governing unit applies.
                        let gov_unit = in_text[ci].unit.clone();
                        cued = in_text
                            .iter()
                            .filter(|c| c.unit == gov_unit)
                            .filter_map(|c| c.source.clone())
                            .collect();
                    }
                }
                if !cued.is_empty() {
                    let gov_unit = current.and_then(|(ci, _)| in_text[ci].unit.clone());
                    for c in in_text
                        .iter_mut()
                        .filter(|c| c.unit.is_some() && c.unit == gov_unit)
                    {
                        c.governs.push(u.id.to_string());
                    }
                }
                governing[k] = cued;
                let speaker = u.speaker.clone().or_else(|| {
                    let r = match speaker_frame(&u.text)? {
                        Frame::Named(name) => Some(name),
                        Frame::Continuing => last_speaker.clone(),
                    };
                    reported[k] = r.clone();
                    r
                });
                if speaker.is_some() {
                    last_speaker = speaker.clone();
                }
                speakers[k] = speaker;
            }
        }
    }

    // Byline fields of the input record (`author: "الرياض - واس"`).
    for field in BYLINE_FIELDS {
        let Some(value) = report.articles[ai]
            .extra
            .get(*field)
            .and_then(|v| v.as_str())
        else {
            continue;
        };
        for m in table.find(value) {
            article_credits.push(Credit {
                name: value[m.span.clone()].to_string(),
                source: Some(m.source),
                via: CreditVia::Byline,
                unit: None,
                governs: Vec::new(),
            });
        }
    }
    let article_sources: BTreeSet<String> = article_credits
        .iter()
        .filter_map(|c| c.source.clone())
        .collect();
    let units = governing
        .into_iter()
        .zip(speakers)
        .map(|(governing, speaker)| {
            let mut credited = article_sources.clone();
            credited.extend(governing);
            UnitFacts { credited, speaker }
        })
        .collect();
    article_credits.extend(in_text);
    ArticleFacts {
        units,
        reported,
        credits: article_credits,
        dateline,
    }
}

/// Input fields read as bylines (kept by the readers in `extra`).
const BYLINE_FIELDS: &[&str] = &["author", "byline", "credit", "credits", "dateline"];

/// Whether `u` is a short line of its own that ends with a source name and no
/// sentence punctuation (`جدة 25 شوال 1436 هـ … م واس`): a dateline in the
/// shape of a title.
fn trailing_source_line(table: &SourceTable, text: &str, u: &UnitEntry) -> bool {
    if !matches!(u.kind, "headline" | "sentence") {
        return false;
    }
    let own_line = text.get(u.end..).is_some_and(|rest| {
        rest.trim_start_matches([' ', '\t']).is_empty()
            || rest
                .trim_start_matches([' ', '\t'])
                .starts_with(['\n', '\r'])
    });
    let body = u
        .text
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '-' | '–' | '—'));
    if !own_line
        || body.split_whitespace().count() > 16
        || body.contains(['.', '؟', '?', '!', '«', '»', '"', '“', '”'])
    {
        return false;
    }
    table
        .find(body)
        .last()
        .is_some_and(|m| m.span.end == body.len())
}

fn summarize(
    report: &Report,
    outlet_source: &BTreeMap<String, Option<String>>,
) -> ProvenanceSummary {
    let mut outlets: BTreeMap<&str, OutletCredit> = BTreeMap::new();
    let mut pairs: BTreeMap<(&str, &str), ProvenancePair> = BTreeMap::new();
    for o in &report.summary.outlets {
        outlets.insert(
            &o.outlet,
            OutletCredit {
                outlet: o.outlet.clone(),
                source: outlet_source.get(&o.outlet).cloned().flatten(),
                ..Default::default()
            },
        );
    }
    let unit_by_id: BTreeMap<&str, &UnitEntry> = report
        .units
        .iter()
        .filter(|u| u.appearance.is_some())
        .map(|u| (&*u.id, u))
        .collect();
    // A clause counts only when its sentence is not itself in a cross-outlet
    // statement, so one reused sentence is not counted once per clause too.
    let counted = |u: &&UnitEntry| {
        u.appearance.is_some()
            && u.parent
                .as_deref()
                .is_none_or(|p| !unit_by_id.contains_key(p))
    };
    for u in report.units.iter().filter(counted) {
        let Some(e) = outlets.get_mut(&*u.outlet) else {
            continue;
        };
        if u.appearance == Some("first") {
            e.first += 1;
        }
        let (Some(class), Some(from)) = (u.provenance, u.provenance_from.as_deref()) else {
            continue;
        };
        e.reused += 1;
        let from_unit = unit_by_id.get(from).copied();
        let from_outlet = from_unit.map_or("", |f| &*f.outlet);
        let p = pairs
            .entry((from_outlet, &*u.outlet))
            .or_insert_with(|| ProvenancePair {
                from: from_outlet.to_string(),
                to: u.outlet.to_string(),
                ..Default::default()
            });
        p.units += 1;
        match class {
            "credited" => {
                e.credited += 1;
                p.credited += 1;
            }
            "common_source" => {
                e.common_source += 1;
                p.common_source += 1;
            }
            "shared_quote" => {
                e.shared_quote += 1;
                p.shared_quote += 1;
            }
            _ => {
                e.uncredited += 1;
                p.uncredited += 1;
            }
        }
        let dated = |x: &UnitEntry| report.articles[x.article_index].day;
        match (from_unit.and_then(dated), dated(u)) {
            (Some(a), Some(b)) if a < b => p.later += 1,
            (Some(_), Some(_)) => {
                // Same day: ordered only when both carry a time.
                let t = |x: &UnitEntry| {
                    report.articles[x.article_index]
                        .date
                        .as_deref()
                        .and_then(time_of_day)
                };
                match (from_unit.and_then(t), t(u)) {
                    (Some(a), Some(b)) if a < b => p.later += 1,
                    _ => p.same_day += 1,
                }
            }
            _ => p.undated += 1,
        }
    }
    for e in outlets.values_mut() {
        e.credited_share =
            (e.reused > 0).then(|| (e.credited + e.common_source) as f64 / e.reused as f64);
    }
    ProvenanceSummary {
        outlets: outlets.into_values().collect(),
        pairs: pairs.into_values().collect(),
    }
}

/// Articles whose credits the text report lists (large runs: see JSON).
const MAX_CREDIT_LINES: usize = 50;

/// Writes the provenance sections of the text report: credits and datelines
/// per article, credit shares per outlet, direction counts per pair.
pub(crate) fn write_text(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let with_credits: Vec<_> = report
        .articles
        .iter()
        .filter(|a| a.status == Status::Used && (!a.credits.is_empty() || a.dateline.is_some()))
        .collect();
    if !with_credits.is_empty() {
        heading(out, "Credits and datelines")?;
        let total = with_credits.len();
        for a in with_credits.into_iter().take(MAX_CREDIT_LINES) {
            let mut parts: Vec<String> = Vec::new();
            if let Some(d) = &a.dateline {
                parts.push(format!("dateline “{}”", d.text.trim()));
            }
            for c in &a.credits {
                let via = match c.via {
                    CreditVia::Dateline => continue,
                    CreditVia::Byline => "byline",
                    CreditVia::CreditLine => "credit line",
                    CreditVia::Parenthetical => "signature",
                    CreditVia::InText => "in text",
                };
                let who = c.source.clone().unwrap_or_else(|| format!("“{}”", c.name));
                let scope = if c.via == CreditVia::InText {
                    match c.governs.len() {
                        1 => ", 1 unit".to_string(),
                        n => format!(", {n} units"),
                    }
                } else {
                    String::new()
                };
                parts.push(format!("{who} ({via}{scope})"));
            }
            writeln!(out, "{} [{}]: {}", a.id, a.outlet, parts.join("; "))?;
        }
        if total > MAX_CREDIT_LINES {
            writeln!(
                out,
                "… and {} more articles with credits (every credit is in --format json)",
                total - MAX_CREDIT_LINES
            )?;
        }
    }
    let Some(p) = &report.summary.provenance else {
        return Ok(());
    };
    if p.outlets.iter().all(|o| o.reused == 0 && o.first == 0) {
        return Ok(());
    }
    heading(
        out,
        "Credit for reused statements (units of statements carried by 2+ outlets)",
    )?;
    let width = p
        .outlets
        .iter()
        .map(|o| o.outlet.chars().count())
        .max()
        .unwrap_or(6)
        .max(6);
    writeln!(
        out,
        "{:<width$}  {:>6} {:>7} {:>9} {:>7} {:>7} {:>11}  credited",
        "outlet", "first", "reused", "credited", "common", "quote", "uncredited"
    )?;
    for o in &p.outlets {
        let share = o
            .credited_share
            .map_or_else(|| "–".to_string(), |s| format!("{:.0}%", s * 100.0));
        writeln!(
            out,
            "{:<width$}  {:>6} {:>7} {:>9} {:>7} {:>7} {:>11}  {share}",
            o.outlet, o.first, o.reused, o.credited, o.common_source, o.shared_quote, o.uncredited
        )?;
    }
    if !p.pairs.is_empty() {
        heading(
            out,
            "Direction (from → to: units of `to` after or on the same day as `from`)",
        )?;
        for q in &p.pairs {
            writeln!(
                out,
                "{} → {}: {} unit(s) (credited {}, common source {}, shared quote {}, uncredited {}; later {}, same day {}, undated {})",
                q.from,
                q.to,
                q.units,
                q.credited,
                q.common_source,
                q.shared_quote,
                q.uncredited,
                q.later,
                q.same_day,
                q.undated
            )?;
        }
    }
    Ok(())
}

fn heading(out: &mut dyn Write, title: &str) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "{title}")?;
    writeln!(out, "{}", "─".repeat(title.chars().count()))
}
