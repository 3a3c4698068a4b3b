//! From input articles to a [`Report`]: segment, match, group, assemble.
//!
//! This is the only place that calls the pipeline libraries. The CLI hands in
//! articles it has read (or could not read: those arrive as
//! [`Content::Skipped`] and stay in the report), and gets back plain data that
//! every renderer shares.

use crate::model::{
    ArticleEntry, MatchEntry, OptionsEcho, OutletEntry, OutletPair, Report, Span, StatementEntry,
    Status, Summary, UnitEntry, UnitText,
};
use crate::tiers::{tier_strength, tier_strongest};
use isnad_score::{MatchOptions, Progress, Tier, UnitRef};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

/// An article as the reader of the input found it.
#[derive(Debug, Clone, Default)]
pub struct InputArticle {
    /// Unique id within the run.
    pub id: String,
    /// Where it was read from (file path, `-` for stdin).
    pub path: String,
    /// 1-based line within `path` for JSONL/CSV records.
    pub line: Option<u64>,
    /// Outlet id; empty when the input could not say (only for skipped articles).
    pub outlet: String,
    /// ISO date, when known.
    pub date: Option<String>,
    /// Title, when supplied.
    pub title: Option<String>,
    /// URL, when supplied.
    pub url: Option<String>,
    /// Fields isnad does not interpret, kept as given.
    pub extra: BTreeMap<String, serde_json::Value>,
    /// The text, or why there is none.
    pub content: Content,
}

/// The text of an input article, or the reason it could not be used.
#[derive(Debug, Clone)]
pub enum Content {
    /// The article text as published.
    Text(String),
    /// The article was not usable; the reason names file and line where it can.
    Skipped(String),
}

impl Default for Content {
    fn default() -> Self {
        Content::Skipped(String::new())
    }
}

/// What to compare and what to keep.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Passed to the matcher: same-outlet repeats, date window.
    pub matching: MatchOptions,
    /// Keep only matches at least this strong (see [`crate::tier_strength`]).
    pub min_tier: Option<Tier>,
    /// Keep only matches with at least this score.
    pub min_score: f32,
    /// Agencies and outlets that articles credit (built-in table plus `--agencies`).
    pub sources: isnad_segment::attribution::SourceTable,
}

/// Why a report could not be built.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// Two input articles have the same id; both places are named.
    #[error("duplicate article id {id:?}: {first} and {second}")]
    DuplicateId {
        /// The id.
        id: String,
        /// Where it first occurred.
        first: String,
        /// Where it occurred again.
        second: String,
    },
}

fn place(a: &InputArticle) -> String {
    match a.line {
        Some(l) => format!("{}:{}", a.path, l),
        None => a.path.clone(),
    }
}

/// Days since 1970-01-01 of an ISO date (`YYYY-MM-DD`, anything after the day ignored).
pub fn parse_day(date: &str) -> Option<i32> {
    let b = date.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    if b.len() > 10 && !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i32> {
        let s = date.get(r)?;
        if !s.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        s.parse().ok()
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let month_len = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&m) || d < 1 || d > month_len[(m - 1) as usize] {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Segments, matches and groups the articles into a [`Report`].
///
/// Runs on the current rayon pool (use `ThreadPool::install` to bound it).
/// The output does not depend on the number of threads.
pub fn build(
    input: Vec<InputArticle>,
    options: &Options,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<Report, BuildError> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, a) in input.iter().enumerate() {
        if let Some(&j) = seen.get(a.id.as_str()) {
            return Err(BuildError::DuplicateId {
                id: a.id.clone(),
                first: place(&input[j]),
                second: place(a),
            });
        }
        seen.insert(&a.id, i);
    }
    drop(seen);

    let mut articles: Vec<ArticleEntry> = input.into_iter().map(article_entry).collect();

    let total = articles.len() as u64;
    let done = std::sync::atomic::AtomicU64::new(0);
    progress(Progress {
        stage: "segmenting",
        done: 0,
        total,
    });
    let segmented: Vec<Vec<isnad_segment::Unit>> = articles
        .par_iter()
        .map(|a| {
            let units = if a.status == Status::Used {
                isnad_segment::segment(&a.text)
            } else {
                Vec::new()
            };
            let d = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            if d.is_multiple_of(256) || d == total {
                progress(Progress {
                    stage: "segmenting",
                    done: d,
                    total,
                });
            }
            units
        })
        .collect();

    let outlets: Vec<String> = articles
        .iter()
        .filter(|a| a.status == Status::Used)
        .map(|a| a.outlet.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let source_of = |o: &str| outlets.binary_search_by(|x| x.as_str().cmp(o)).unwrap_or(0) as u32;

    // The matcher sees only statement units (`refs`), mapped back to report
    // units by `ref_unit`. The report's units are built after matching: a
    // `UnitEntry` is several times the size of the segmenter's `Unit`, and
    // the matcher's working set is the peak of the run, so holding only the
    // segmenter's units through it keeps them off that peak (SaudiNewsNet:
    // peak at the end of `expand` 910 -> 775 MiB with the shared ids). A
    // unit is kept when its span is a range of its article's text (the
    // check of `UnitText::new`); `n_kept` counts them, so `ref_unit` names
    // the index each statement unit gets below.
    let n_refs: usize = segmented
        .iter()
        .flatten()
        .filter(|u| u.kind.is_statement())
        .count();
    let mut ref_unit: Vec<usize> = Vec::with_capacity(n_refs);
    // (article, position in its segmented units) of each statement unit.
    let mut ref_seg: Vec<(usize, usize)> = Vec::with_capacity(n_refs);
    let mut n_kept = 0usize;
    // Index of each article's first unit in the report's units.
    let mut first_unit: Vec<usize> = Vec::with_capacity(articles.len());
    for (ai, (article, segs)) in articles.iter_mut().zip(&segmented).enumerate() {
        first_unit.push(n_kept);
        article.units = segs.len();
        // Text without sentence ends, cut into pieces by the segmenter.
        if let Some(cut) = isnad_segment::cut_summary(&article.text, segs) {
            article.warnings.push(cut);
        }
        for (k, u) in segs.iter().enumerate() {
            if article.text.get(u.span.clone()).is_none() {
                continue;
            }
            if u.kind.is_statement() {
                ref_unit.push(n_kept);
                ref_seg.push((ai, k));
                article.statement_units += 1;
            }
            n_kept += 1;
        }
    }

    let refs: Vec<UnitRef<'_>> = ref_seg
        .iter()
        .map(|&(ai, k)| {
            let a = &articles[ai];
            UnitRef {
                text: &a.text[segmented[ai][k].span.clone()],
                source: source_of(&a.outlet),
                day: a.day,
            }
        })
        .collect();

    // The matcher skips the work that can only find tiers the report drops.
    let matching = MatchOptions {
        min_tier: options.min_tier.or(options.matching.min_tier),
        ..options.matching.clone()
    };
    let (mut found, matching) = isnad_score::find_matches_with_stats(&refs, &matching, progress);
    found.retain(|m| {
        let ((aa, ka), (ab, kb)) = (ref_seg[m.a], ref_seg[m.b]);
        let (ua, ub) = (&segmented[aa][ka], &segmented[ab][kb]);
        // A clause matching its own sentence is the segmenter's structure, not reuse.
        let nested = aa == ab && (ua.parent == Some(ub.index) || ub.parent == Some(ua.index));
        !nested
            && m.score >= options.min_score
            && options
                .min_tier
                .is_none_or(|t| tier_strength(m.tier) >= tier_strength(t))
    });
    for m in &mut found {
        if m.a > m.b {
            std::mem::swap(&mut m.a, &mut m.b);
            std::mem::swap(&mut m.spans_a, &mut m.spans_b);
        }
    }
    found.sort_by_key(|x| (x.a, x.b));
    found.dedup_by(|x, y| (x.a, x.b) == (y.a, y.b));

    progress(Progress {
        stage: "statements",
        done: 0,
        total: 1,
    });
    // The statements (over the matches) and the report's units (over the
    // articles) are independent: built side by side, and the units of a
    // batch of articles in parallel. Batches bound the memory of units
    // built but not yet moved into `units` (sized up front: grown by
    // doubling, the largest vector of the report would hold up to twice
    // its size).
    const ARTICLE_BATCH: usize = 1024;
    let (groups, mut units) = rayon::join(
        || isnad_score::group_statements(&refs, &found),
        || {
            let mut units: Vec<UnitEntry> = Vec::with_capacity(n_kept);
            for start in (0..articles.len()).step_by(ARTICLE_BATCH) {
                let end = (start + ARTICLE_BATCH).min(articles.len());
                let batch: Vec<Vec<UnitEntry>> = (start..end)
                    .into_par_iter()
                    .map(|ai| article_units(ai, &articles[ai], &segmented[ai], first_unit[ai]))
                    .collect();
                for article in batch {
                    units.extend(article);
                }
            }
            units
        },
    );
    drop(refs);
    drop(ref_seg);
    drop(segmented);
    debug_assert_eq!(units.len(), n_kept);

    // Statement order: more outlets first, then earlier first appearance, then input order.
    let date_key = |ui: usize| {
        let a = &articles[units[ui].article_index];
        // Dates with a time order within a day; unparseable dates count as undated.
        (a.day.is_none(), a.day, a.day.and(a.date.clone()), ui)
    };
    let mut groups: Vec<(Vec<usize>, BTreeSet<&str>)> = groups
        .into_iter()
        .map(|g| {
            let mut us: Vec<usize> = g.units.iter().map(|&r| ref_unit[r]).collect();
            us.sort_by_key(|&ui| date_key(ui));
            let outs: BTreeSet<&str> = us.iter().map(|&ui| &*units[ui].outlet).collect();
            (us, outs)
        })
        .collect();
    groups.sort_by_cached_key(|(us, outs)| (std::cmp::Reverse(outs.len()), date_key(us[0])));
    let groups: Vec<Vec<usize>> = groups.into_iter().map(|(us, _)| us).collect();

    // Each unit's statement (an index of `groups`), if any.
    let mut statement_of_unit: Vec<Option<usize>> = vec![None; units.len()];
    for (si, us) in groups.iter().enumerate() {
        for &ui in us {
            statement_of_unit[ui] = Some(si);
        }
    }

    let statement_ids: Vec<Arc<str>> = (1..=groups.len())
        .map(|n| Arc::from(format!("s{n}")))
        .collect();
    // Statement grouping is finer than connected components: a match whose
    // two units ended up in different statements belongs to neither.
    let statement_of_match =
        |ai: usize, bi: usize| match (statement_of_unit[ai], statement_of_unit[bi]) {
            (Some(sa), Some(sb)) if sa == sb => Some(sa),
            _ => None,
        };
    let mut statement_matches: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    let mut unit_tier: Vec<Option<Tier>> = vec![None; units.len()];
    let match_tier: Vec<Tier> = found.iter().map(|m| m.tier).collect();
    for (mi, m) in found.iter().enumerate() {
        let (ai, bi) = (ref_unit[m.a], ref_unit[m.b]);
        if let Some(si) = statement_of_match(ai, bi) {
            statement_matches[si].push(mi);
        }
        for ui in [ai, bi] {
            unit_tier[ui] = Some(unit_tier[ui].map_or(m.tier, |t| tier_strongest(t, m.tier)));
        }
    }
    // The entries themselves, in parallel and in order.
    let spans = |v: Vec<std::ops::Range<usize>>, text: &str| -> Vec<Span> {
        v.into_iter()
            .filter(|r| r.start < r.end && text.get(r.clone()).is_some())
            .map(|r| [r.start, r.end])
            .collect()
    };
    let matches: Vec<MatchEntry> = found
        .into_par_iter()
        .map(|m| {
            let (ai, bi) = (ref_unit[m.a], ref_unit[m.b]);
            MatchEntry {
                a: units[ai].id.clone(),
                b: units[bi].id.clone(),
                tier: m.tier.as_str(),
                score: m.score,
                spans_a: spans(m.spans_a, &units[ai].text),
                spans_b: spans(m.spans_b, &units[bi].text),
                components: m.components,
                statement: statement_of_match(ai, bi).map(|si| statement_ids[si].clone()),
                a_index: ai,
                b_index: bi,
            }
        })
        .collect();

    let mut statements = Vec::with_capacity(groups.len());
    for ((si, us), id) in groups.into_iter().enumerate().zip(statement_ids) {
        let mut outs: Vec<Arc<str>> = Vec::new();
        for &ui in &us {
            if !outs.contains(&units[ui].outlet) {
                outs.push(units[ui].outlet.clone());
            }
        }
        let first = us
            .first()
            .copied()
            .filter(|&ui| articles[units[ui].article_index].day.is_some());
        let first_is_tie = first.is_some_and(|f| {
            let day = articles[units[f].article_index].day;
            us.iter().any(|&ui| {
                units[ui].outlet != units[f].outlet && articles[units[ui].article_index].day == day
            })
        });
        let mut tiers: BTreeMap<&'static str, usize> = BTreeMap::new();
        let mut strongest: Option<Tier> = None;
        for &mi in &statement_matches[si] {
            let t = match_tier[mi];
            *tiers.entry(t.as_str()).or_default() += 1;
            strongest = Some(strongest.map_or(t, |s| tier_strongest(s, t)));
        }
        for &ui in &us {
            units[ui].statement = Some(id.clone());
            units[ui].statement_index = Some(si);
            units[ui].tier = unit_tier[ui].map(Tier::as_str);
        }
        statements.push(StatementEntry {
            id,
            units: us.iter().map(|&ui| units[ui].id.clone()).collect(),
            outlets: outs,
            first_unit: first.map(|f| units[f].id.clone()),
            first_outlet: first.map(|f| units[f].outlet.clone()),
            first_date: first.and_then(|f| articles[units[f].article_index].date.clone()),
            first_is_tie,
            tier: strongest.map_or("", |t| t.as_str()),
            tiers,
            matches: statement_matches[si].len(),
            unit_indices: us,
            match_indices: std::mem::take(&mut statement_matches[si]),
        });
    }

    for st in &statements {
        if st.outlets.len() >= 2 {
            for &ui in &st.unit_indices {
                articles[units[ui].article_index].shared_units += 1;
            }
        }
    }
    for a in &mut articles {
        a.shared_share =
            (a.statement_units > 0).then(|| a.shared_units as f64 / a.statement_units as f64);
    }

    let mut summary = summarize(&articles, &units, &matches, &statements, &outlets, options);
    summary.matching = matching;
    let mut report = Report {
        articles,
        units,
        matches,
        statements,
        summary,
    };
    progress(Progress {
        stage: "provenance",
        done: 0,
        total: 1,
    });
    crate::provenance::annotate(&mut report, &options.sources);
    Ok(report)
}

/// The report's units of article `ai` (those whose span is a range of its
/// text), the first of them at index `first` of the report's units: clause
/// parents are resolved to report indices within the article.
fn article_units(
    ai: usize,
    article: &ArticleEntry,
    segs: &[isnad_segment::Unit],
    first: usize,
) -> Vec<UnitEntry> {
    // One copy of the article's id and outlet, shared by its units.
    let (article_id, outlet): (Arc<str>, Arc<str>) = (
        Arc::from(article.id.as_str()),
        Arc::from(article.outlet.as_str()),
    );
    let mut units = Vec::with_capacity(segs.len());
    for u in segs {
        let Some(text) = UnitText::new(article.text.clone(), u.span.clone()) else {
            continue;
        };
        units.push(UnitEntry {
            id: Arc::from(format!("{}#{}", article.id, u.index)),
            article: article_id.clone(),
            outlet: outlet.clone(),
            index: u.index,
            kind: u.kind.as_str(),
            start: u.span.start,
            end: u.span.end,
            text,
            parent: u.parent.map(|p| Arc::from(format!("{}#{}", article.id, p))),
            speaker: u.speaker.clone(),
            cut: u.cut,
            statement: None,
            tier: None,
            credited_to: Vec::new(),
            reported_speaker: None,
            appearance: None,
            provenance: None,
            provenance_from: None,
            article_index: ai,
            // The segmenter's index for now; resolved to a report index below.
            parent_index: u.parent,
            statement_index: None,
        });
    }
    let by_index: HashMap<usize, usize> = units
        .iter()
        .enumerate()
        .map(|(k, u)| (u.index, first + k))
        .collect();
    for u in &mut units {
        u.parent_index = u.parent_index.and_then(|p| by_index.get(&p).copied());
    }
    units
}

fn article_entry(a: InputArticle) -> ArticleEntry {
    let mut warnings = Vec::new();
    let day = match a.date.as_deref() {
        None => None,
        Some(d) => {
            let day = parse_day(d);
            if day.is_none() {
                warnings.push(format!(
                    "date {d:?} is not an ISO date (YYYY-MM-DD); treated as undated"
                ));
            }
            day
        }
    };
    let (status, reason, text) = match a.content {
        Content::Text(t) => (Status::Used, None, Arc::<str>::from(t)),
        Content::Skipped(r) => (Status::Skipped, Some(r), Arc::<str>::from("")),
    };
    ArticleEntry {
        id: a.id,
        path: a.path,
        line: a.line,
        outlet: a.outlet,
        date: a.date,
        title: a.title,
        url: a.url,
        status,
        reason,
        warnings,
        bytes: text.len(),
        units: 0,
        statement_units: 0,
        shared_units: 0,
        shared_share: None,
        extra: a.extra,
        credits: Vec::new(),
        dateline: None,
        text,
        day,
    }
}

fn summarize(
    articles: &[ArticleEntry],
    units: &[UnitEntry],
    matches: &[MatchEntry],
    statements: &[StatementEntry],
    outlets: &[String],
    options: &Options,
) -> Summary {
    let mut per_outlet: BTreeMap<&str, OutletEntry> = outlets
        .iter()
        .map(|o| {
            (
                o.as_str(),
                OutletEntry {
                    outlet: o.clone(),
                    articles: 0,
                    statement_units: 0,
                    shared_units: 0,
                    statements: 0,
                    first: 0,
                },
            )
        })
        .collect();
    for a in articles.iter().filter(|a| a.status == Status::Used) {
        if let Some(e) = per_outlet.get_mut(a.outlet.as_str()) {
            e.articles += 1;
            e.statement_units += a.statement_units;
            e.shared_units += a.shared_units;
        }
    }
    let mut pairs: BTreeMap<(&str, &str), OutletPair> = BTreeMap::new();
    for st in statements.iter().filter(|s| s.outlets.len() >= 2) {
        // Earliest day per outlet within the statement.
        let mut first_day: BTreeMap<&str, Option<i32>> = BTreeMap::new();
        for &ui in &st.unit_indices {
            let u = &units[ui];
            let day = articles[u.article_index].day;
            let e = first_day.entry(&*u.outlet).or_insert(day);
            *e = match (*e, day) {
                (Some(x), Some(y)) => Some(x.min(y)),
                (x, y) => x.or(y),
            };
        }
        for o in first_day.keys() {
            if let Some(e) = per_outlet.get_mut(o) {
                e.statements += 1;
                if st.first_outlet.as_deref() == Some(o) && !st.first_is_tie {
                    e.first += 1;
                }
            }
        }
        let names: Vec<&str> = first_day.keys().copied().collect();
        for (i, &x) in names.iter().enumerate() {
            for &y in &names[i + 1..] {
                let p = pairs.entry((x, y)).or_insert_with(|| OutletPair {
                    a: x.to_string(),
                    b: y.to_string(),
                    statements: 0,
                    a_first: 0,
                    b_first: 0,
                    same_day: 0,
                    undated: 0,
                });
                p.statements += 1;
                match (first_day[x], first_day[y]) {
                    (Some(dx), Some(dy)) if dx < dy => p.a_first += 1,
                    (Some(dx), Some(dy)) if dx > dy => p.b_first += 1,
                    (Some(_), Some(_)) => p.same_day += 1,
                    _ => p.undated += 1,
                }
            }
        }
    }
    let mut matches_by_tier: BTreeMap<String, usize> = BTreeMap::new();
    for m in matches {
        *matches_by_tier.entry(m.tier.to_string()).or_default() += 1;
    }
    let used = articles.iter().filter(|a| a.status == Status::Used).count();
    Summary {
        articles: articles.len(),
        articles_used: used,
        articles_skipped: articles.len() - used,
        units: units.len(),
        statement_units: articles.iter().map(|a| a.statement_units).sum(),
        matches: matches.len(),
        matches_by_tier,
        statements: statements.len(),
        cross_outlet_statements: statements.iter().filter(|s| s.outlets.len() >= 2).count(),
        outlets: per_outlet.into_values().collect(),
        outlet_pairs: pairs.into_values().collect(),
        provenance: None,
        options: OptionsEcho {
            same_outlet: options.matching.same_source,
            within_days: options.matching.within_days,
            min_tier: options.min_tier.map(|t| t.as_str().to_string()),
            min_score: options.min_score,
            passages: options.matching.passages,
        },
        matching: isnad_score::MatchStats::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_become_days_since_epoch() {
        assert_eq!(parse_day("1970-01-01"), Some(0));
        assert_eq!(parse_day("2021-02-18"), Some(18676));
        assert_eq!(parse_day("2015-07-21 10:22:01"), Some(16637));
        assert_eq!(parse_day("2024-02-29"), Some(19782));
        assert_eq!(parse_day("2023-02-29"), None);
        assert_eq!(parse_day("18/02/2021"), None);
        assert_eq!(parse_day("2021-02-18x"), None);
    }

    fn article(id: &str, outlet: &str, date: &str, text: &str) -> InputArticle {
        InputArticle {
            id: id.into(),
            path: format!("{id}.txt"),
            outlet: outlet.into(),
            date: Some(date.into()),
            content: Content::Text(text.into()),
            ..Default::default()
        }
    }

    #[test]
    fn duplicate_ids_name_both_places() {
        let a = article("x", "o1", "2021-01-01", "نص.");
        let mut b = article("x", "o2", "2021-01-01", "نص.");
        b.path = "other.jsonl".into();
        b.line = Some(3);
        let err = build(vec![a, b], &Options::default(), &|_| {}).unwrap_err();
        assert_eq!(
            err.to_string(),
            "duplicate article id \"x\": x.txt and other.jsonl:3"
        );
    }

    #[test]
    fn a_copied_sentence_becomes_a_statement_dated_by_its_first_outlet() {
        let s = "أكد الرئيسان خلال اتصال هاتفي دعمهما غير المشروط للإجراءات التي تتخذها سورية لحماية سيادتها.";
        let a = article(
            "a",
            "sana",
            "2021-02-17",
            &format!("{s} وقال مصدر إن الطقس حار جدا اليوم في دمشق."),
        );
        let b = article(
            "b",
            "alwatan",
            "2021-02-18",
            &format!("في خبر آخر تماما عن كرة القدم والملاعب. {s}"),
        );
        let r = build(vec![b, a], &Options::default(), &|_| {}).unwrap();
        let st = &r.statements[0];
        assert_eq!(st.outlets, vec![Arc::from("sana"), Arc::from("alwatan")]);
        assert_eq!(st.first_outlet.as_deref(), Some("sana"));
        assert!(!st.first_is_tie);
        assert_eq!(r.summary.cross_outlet_statements, r.statements.len());
        let pair = &r.summary.outlet_pairs[0];
        assert_eq!((pair.a.as_str(), pair.b.as_str()), ("alwatan", "sana"));
        assert_eq!((pair.a_first, pair.b_first), (0, 1));
        for u in &r.units {
            let a = &r.articles[u.article_index];
            assert_eq!(&a.text[u.start..u.end], u.text);
        }
    }

    #[test]
    fn skipped_articles_stay_in_the_report() {
        let a = article("a", "sana", "2021-02-17", "جملة أولى.");
        let b = InputArticle {
            id: "bad.jsonl:2".into(),
            path: "bad.jsonl".into(),
            line: Some(2),
            content: Content::Skipped("bad.jsonl:2: invalid JSON".into()),
            ..Default::default()
        };
        let r = build(vec![a, b], &Options::default(), &|_| {}).unwrap();
        assert_eq!(r.articles.len(), 2);
        assert_eq!(r.articles[1].status, Status::Skipped);
        assert_eq!(r.summary.articles_skipped, 1);
    }

    /// With same-outlet matching on, the matcher pairs a clause with the
    /// sentence it is cut from; the report drops those pairs (and keeps the
    /// clause's match with another article). The units are built after
    /// matching, so the filter reads the segmenter's units.
    #[test]
    fn a_clause_never_matches_its_own_sentence() {
        let s = "أكد وزير الخارجية خلال مؤتمر صحفي عقده اليوم في العاصمة دمشق مع نظيره الروسي \
                 أن الحكومة ماضية في تنفيذ الاتفاقات الموقعة بين البلدين في المجالات الاقتصادية \
                 والتجارية؛ وأضاف أن اللجنة المشتركة ستجتمع الشهر المقبل لبحث مشاريع الطاقة \
                 والكهرباء وإعادة الإعمار في المحافظات المتضررة.";
        let clause = "وأضاف أن اللجنة المشتركة ستجتمع الشهر المقبل لبحث مشاريع الطاقة \
                      والكهرباء وإعادة الإعمار في المحافظات المتضررة.";
        let input = vec![
            article("a", "sana", "2021-02-17", s),
            article("b", "sana", "2021-02-18", clause),
        ];
        let matching = MatchOptions {
            same_source: true,
            ..Default::default()
        };
        // Not vacuous: the segmenter cuts the sentence, and the matcher pairs a clause with it.
        let units = isnad_segment::segment(s);
        assert!(
            units
                .iter()
                .any(|u| u.kind == isnad_segment::UnitKind::Clause)
        );
        let statement_units: Vec<&isnad_segment::Unit> =
            units.iter().filter(|u| u.kind.is_statement()).collect();
        let refs: Vec<UnitRef<'_>> = statement_units
            .iter()
            .map(|u| UnitRef {
                text: &s[u.span.clone()],
                source: 0,
                day: None,
            })
            .collect();
        assert!(isnad_score::find_matches(&refs, &matching).iter().any(|m| {
            let (ua, ub) = (statement_units[m.a], statement_units[m.b]);
            ua.parent == Some(ub.index) || ub.parent == Some(ua.index)
        }));

        let options = Options {
            matching,
            ..Default::default()
        };
        let r = build(input, &options, &|_| {}).unwrap();
        assert!(!r.matches.is_empty());
        for m in &r.matches {
            let (ua, ub) = (&r.units[m.a_index], &r.units[m.b_index]);
            assert_ne!(ua.parent.as_deref(), Some(&*ub.id), "{m:?}");
            assert_ne!(ub.parent.as_deref(), Some(&*ua.id), "{m:?}");
        }
        // The clause of `a` still matches `b`'s copy of it.
        assert!(r.matches.iter().any(|m| {
            let (ua, ub) = (&r.units[m.a_index], &r.units[m.b_index]);
            ua.kind == "clause" && &*ub.article == "b"
        }));
    }
}
