//! `--format html`: the report as one self-contained HTML file.
//!
//! Researchers hand this file to editors who will not read JSON, so it has to
//! open from disk with no network, stay safe whatever the articles contain,
//! and stay responsive on a corpus of 30,000 articles. Hence the split:
//!
//! - **Server side (here, through a minijinja template with HTML
//!   autoescaping)**: everything whose size is bounded by the number of
//!   outlets or tiers — the summary, skipped articles, the outlet × outlet
//!   heatmap with direction, and the timeline as SVG.
//! - **Client side (`templates/report.js`)**: everything whose size grows with
//!   the corpus — statements and articles — is embedded once as compact JSON,
//!   gzip-compressed and base64-encoded, in a `<script type="application/gzip">`
//!   data block (the browser inflates it with its built-in
//!   `DecompressionStream`), and rendered page by page, statement details only
//!   when expanded. The script builds the DOM with
//!   `createElement`/`textContent` only, so article text is never parsed as
//!   HTML.
//!
//! Safety does not rest on escaping alone: the page carries a
//! Content-Security-Policy with `default-src 'none'` and the SHA-256 hashes of
//! its one inline script and one inline style, computed here at render time,
//! so even a markup injection could neither run script nor load anything.
//!
//! Offsets: the model's spans are byte ranges into unit texts; JavaScript
//! indexes strings in UTF-16 code units, so spans are converted here (Arabic
//! letters are two bytes in UTF-8 but one UTF-16 unit; emoji are two).
//!
//! Size: on SaudiNewsNet (31k articles, 27k statements) the JSON is 58 MB,
//! almost all of it the text of statement units; gzip brings the file to a
//! fraction of that. Unit texts are deduplicated (verbatim wire copy repeats the same
//! sentence across outlets), at most [`MAX_MATCHES_PER_STATEMENT`] matches per
//! statement are embedded, and whole-article text for the per-article view is
//! limited to [`ARTICLE_TEXT_BUDGET`] bytes, most-reused articles first.

use crate::model::{Report, Status};
use crate::tiers::ALL_TIERS;
use base64::Engine as _;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};

const TEMPLATE: &str = include_str!("../templates/report.html");
const STYLE: &str = include_str!("../templates/report.css");
const SCRIPT: &str = include_str!("../templates/report.js");

/// Bytes of article text embedded for the per-article view (statement units
/// are always embedded). Articles with the most shared units come first.
pub(crate) const ARTICLE_TEXT_BUDGET: usize = 8 << 20;
/// Matches embedded per statement, strongest first; the count of all is kept.
pub(crate) const MAX_MATCHES_PER_STATEMENT: usize = 30;
/// Outlets shown in the heatmap and the timeline, most statements first.
pub(crate) const MAX_CHART_OUTLETS: usize = 40;
/// Skipped articles listed by name (all are counted; the JSON lists all).
pub(crate) const MAX_SKIPPED_LISTED: usize = 500;
/// Width of the timeline's plot area in SVG user units.
const TIMELINE_WIDTH: f64 = 900.0;
/// Most columns (days or groups of days) the timeline draws.
const TIMELINE_MAX_BUCKETS: i64 = 150;
/// A stretch of more days than this without any statement breaks the timeline's axis.
const TIMELINE_GAP_DAYS: i32 = 31;

/// Writes the report as one HTML document.
pub(crate) fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let html = render_html(report).map_err(io::Error::other)?;
    out.write_all(html.as_bytes())
}

/// The HTML document of a report (what `--format html` writes).
pub(crate) fn render_html(report: &Report) -> Result<String, minijinja::Error> {
    let data = embedded_json(report);
    let context = Context {
        title: title(report),
        csp: content_security_policy(),
        style: minijinja::Value::from_safe_string(STYLE.to_string()),
        script: minijinja::Value::from_safe_string(SCRIPT.to_string()),
        data: minijinja::Value::from_safe_string(data),
        summary: summary_view(report),
        heatmap: heatmap_view(report),
        timeline: timeline_view(report),
    };
    let mut env = minijinja::Environment::new();
    // The `.html` name turns on HTML autoescaping for every `{{ … }}`.
    env.add_template("report.html", TEMPLATE)?;
    env.get_template("report.html")?
        .render(minijinja::value::Serde(&context))
}

/// The policy in the page's `<meta http-equiv="Content-Security-Policy">`:
/// nothing may load or run except the page's own inline script and style.
pub(crate) fn content_security_policy() -> String {
    format!(
        "default-src 'none'; script-src '{}'; style-src '{}'; img-src data:; \
         base-uri 'none'; form-action 'none'",
        sha256_source(SCRIPT),
        sha256_source(STYLE)
    )
}

/// A CSP hash source (`sha256-…`) for an inline element's exact content.
fn sha256_source(content: &str) -> String {
    let digest = Sha256::digest(content.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The data block's content: gzip of the JSON, base64-encoded (so it holds
/// only `A–Z a–z 0–9 + / =` and cannot end the element).
///
/// Compression level 4, not the default 6: on SaudiNewsNet's 58 MB of
/// report JSON, level 6 took 2.3 s on one thread (most of writing the
/// page) for 10.0 MB, level 4 0.6 s for 11.0 MB (zlib's figures, measured
/// on the page's own data; level 1 would be 13.0 MB).
fn gzip_base64(json: &str) -> String {
    use flate2::{Compression, write::GzEncoder};
    use std::io::Write as _;
    let mut gz = GzEncoder::new(Vec::new(), Compression::new(4));
    // Writing to a Vec cannot fail.
    let bytes = gz
        .write_all(json.as_bytes())
        .and_then(|()| gz.finish())
        .unwrap_or_default();
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Escapes JSON for a `<script>` element: `<`, `>` and `&` become `\u003c`
/// etc. so `</script>` or `<!--` cannot end or change the element, and U+2028
/// and U+2029 are escaped for old JavaScript parsers. These characters only
/// occur inside JSON strings, where the escapes mean the same.
fn script_safe_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + json.len() / 64);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

fn title(report: &Report) -> String {
    let s = &report.summary;
    format!(
        "isnad report: {} articles, {} outlets, {} statements carried by 2+ outlets",
        s.articles,
        s.outlets.len(),
        s.cross_outlet_statements
    )
}

#[derive(Serialize)]
struct Context {
    title: String,
    csp: String,
    style: minijinja::Value,
    script: minijinja::Value,
    data: minijinja::Value,
    summary: SummaryView,
    heatmap: HeatmapView,
    timeline: TimelineView,
}

// ---------------------------------------------------------------------------
// Summary

#[derive(Serialize)]
struct SummaryView {
    articles: usize,
    articles_used: usize,
    articles_skipped: usize,
    outlets: usize,
    units: usize,
    statement_units: usize,
    matches: usize,
    statements: usize,
    cross_outlet_statements: usize,
    tiers: Vec<TierRow>,
    outlet_rows: Vec<OutletRow>,
    skipped: Vec<SkippedRow>,
    skipped_more: usize,
    options: Vec<(String, String)>,
    /// Per-outlet credit shares, when the report has provenance.
    credits: Vec<CreditRow>,
}

#[derive(Serialize)]
struct CreditRow {
    outlet: String,
    source: String,
    first: usize,
    reused: usize,
    credited: usize,
    common_source: usize,
    shared_quote: usize,
    uncredited: usize,
    credited_pct: String,
}

#[derive(Serialize)]
struct TierRow {
    name: &'static str,
    label: String,
    matches: usize,
    statements: usize,
    /// Bar width in SVG units (0–100) relative to the largest tier.
    bar: f64,
}

#[derive(Serialize)]
struct OutletRow {
    outlet: String,
    articles: usize,
    statement_units: usize,
    shared_units: usize,
    shared_pct: String,
    statements: usize,
    first: usize,
}

#[derive(Serialize)]
struct SkippedRow {
    id: String,
    outlet: String,
    reason: String,
}

/// `near_duplicate` → `near duplicate`.
fn tier_label(name: &str) -> String {
    name.replace('_', " ")
}

fn summary_view(report: &Report) -> SummaryView {
    let s = &report.summary;
    let mut statements_by_tier: BTreeMap<&str, usize> = BTreeMap::new();
    for st in &report.statements {
        *statements_by_tier.entry(st.tier).or_default() += 1;
    }
    let max = s
        .matches_by_tier
        .values()
        .copied()
        .max()
        .unwrap_or(0)
        .max(1);
    let tiers = ALL_TIERS
        .iter()
        .map(|t| {
            let n = s.matches_by_tier.get(t.as_str()).copied().unwrap_or(0);
            TierRow {
                name: t.as_str(),
                label: tier_label(t.as_str()),
                matches: n,
                statements: statements_by_tier.get(t.as_str()).copied().unwrap_or(0),
                bar: (n as f64 * 100.0 / max as f64).round(),
            }
        })
        .collect();
    let outlet_rows = s
        .outlets
        .iter()
        .map(|o| OutletRow {
            outlet: o.outlet.clone(),
            articles: o.articles,
            statement_units: o.statement_units,
            shared_units: o.shared_units,
            shared_pct: if o.statement_units == 0 {
                "–".into()
            } else {
                format!(
                    "{:.0}%",
                    o.shared_units as f64 * 100.0 / o.statement_units as f64
                )
            },
            statements: o.statements,
            first: o.first,
        })
        .collect();
    let skipped_all: Vec<_> = report
        .articles
        .iter()
        .filter(|a| a.status == Status::Skipped)
        .collect();
    let skipped = skipped_all
        .iter()
        .take(MAX_SKIPPED_LISTED)
        .map(|a| SkippedRow {
            id: a.id.clone(),
            outlet: a.outlet.clone(),
            reason: a.reason.clone().unwrap_or_default(),
        })
        .collect();
    let o = &s.options;
    let options = vec![
        (
            "same-outlet repeats".to_string(),
            if o.same_outlet {
                "included"
            } else {
                "excluded"
            }
            .to_string(),
        ),
        (
            "date window".to_string(),
            o.within_days
                .map_or("none".to_string(), |d| format!("{d} days")),
        ),
        (
            "minimum tier".to_string(),
            o.min_tier.as_deref().map_or("any".to_string(), tier_label),
        ),
        ("minimum score".to_string(), format!("{}", o.min_score)),
        (
            "passage-only matches".to_string(),
            if o.passages { "included" } else { "excluded" }.to_string(),
        ),
    ];
    SummaryView {
        articles: s.articles,
        articles_used: s.articles_used,
        articles_skipped: s.articles_skipped,
        outlets: s.outlets.len(),
        units: s.units,
        statement_units: s.statement_units,
        matches: s.matches,
        statements: s.statements,
        cross_outlet_statements: s.cross_outlet_statements,
        tiers,
        outlet_rows,
        skipped,
        skipped_more: skipped_all.len().saturating_sub(MAX_SKIPPED_LISTED),
        options,
        credits: s
            .provenance
            .iter()
            .flat_map(|p| &p.outlets)
            .map(|o| CreditRow {
                outlet: o.outlet.clone(),
                source: o.source.clone().unwrap_or_default(),
                first: o.first,
                reused: o.reused,
                credited: o.credited,
                common_source: o.common_source,
                shared_quote: o.shared_quote,
                uncredited: o.uncredited,
                credited_pct: o
                    .credited_share
                    .map_or("–".into(), |x| format!("{:.0}%", x * 100.0)),
            })
            .collect(),
    }
}

// ---------------------------------------------------------------------------
// Heatmap

#[derive(Serialize)]
struct HeatmapView {
    outlets: Vec<String>,
    rows: Vec<HeatmapRow>,
    omitted: usize,
}

#[derive(Serialize)]
struct HeatmapRow {
    outlet: String,
    cells: Vec<HeatmapCell>,
}

#[derive(Serialize)]
struct HeatmapCell {
    /// The diagonal (same outlet).
    diagonal: bool,
    /// Statements both carry.
    shared: usize,
    /// Of those, statements the row outlet carried on an earlier day.
    first: usize,
    /// Of those, statements the column outlet carried on an earlier day.
    later: usize,
    /// Colour step 0–8 by `shared` relative to the largest cell.
    level: usize,
    /// Row and column outlet, for the click-to-filter data attributes.
    row: String,
    col: String,
    title: String,
}

/// The outlets that carry the most cross-outlet statements, at most
/// [`MAX_CHART_OUTLETS`], in name order; and how many were left out.
fn chart_outlets(report: &Report) -> (Vec<String>, usize) {
    let mut outlets: Vec<(usize, &str)> = report
        .summary
        .outlets
        .iter()
        .map(|o| (o.statements, o.outlet.as_str()))
        .collect();
    outlets.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let omitted = outlets.len().saturating_sub(MAX_CHART_OUTLETS);
    let mut kept: Vec<String> = outlets
        .into_iter()
        .take(MAX_CHART_OUTLETS)
        .map(|(_, o)| o.to_string())
        .collect();
    kept.sort();
    (kept, omitted)
}

fn heatmap_view(report: &Report) -> HeatmapView {
    let (outlets, omitted) = chart_outlets(report);
    let pairs: HashMap<(&str, &str), &crate::model::OutletPair> = report
        .summary
        .outlet_pairs
        .iter()
        .map(|p| ((p.a.as_str(), p.b.as_str()), p))
        .collect();
    let max = report
        .summary
        .outlet_pairs
        .iter()
        .map(|p| p.statements)
        .max()
        .unwrap_or(0)
        .max(1);
    let rows = outlets
        .iter()
        .map(|r| HeatmapRow {
            outlet: r.clone(),
            cells: outlets
                .iter()
                .map(|c| {
                    let (a, b) = if r < c { (r, c) } else { (c, r) };
                    let p = pairs.get(&(a.as_str(), b.as_str()));
                    let (shared, first, later, same_day, undated) = match p {
                        Some(p) if r == a => {
                            (p.statements, p.a_first, p.b_first, p.same_day, p.undated)
                        }
                        Some(p) => (p.statements, p.b_first, p.a_first, p.same_day, p.undated),
                        None => (0, 0, 0, 0, 0),
                    };
                    let level = if shared == 0 {
                        0
                    } else {
                        1 + (shared * 7).div_ceil(max).min(7)
                    };
                    HeatmapCell {
                        diagonal: r == c,
                        shared,
                        first,
                        later,
                        level: level.min(8),
                        row: r.clone(),
                        col: c.clone(),
                        title: format!(
                            "{r} and {c} share {shared} statement(s): {r} first {first}, \
                             {c} first {later}, same day {same_day}, undated {undated}"
                        ),
                    }
                })
                .collect(),
        })
        .collect();
    HeatmapView {
        outlets,
        rows,
        omitted,
    }
}

// ---------------------------------------------------------------------------
// Timeline

#[derive(Serialize)]
struct TimelineView {
    /// False when no statement unit is dated.
    dated: bool,
    width: f64,
    height: f64,
    left: f64,
    rows: Vec<TimelineRow>,
    dots: Vec<TimelineDot>,
    ticks: Vec<TimelineTick>,
    /// Days per column.
    bucket_days: i64,
    /// x of the breaks in the axis where long stretches without statements are left out.
    breaks: Vec<f64>,
    first_date: String,
    last_date: String,
    omitted: usize,
}

#[derive(Serialize)]
struct TimelineRow {
    outlet: String,
    /// `outlet`, shortened to fit the label column.
    label: String,
    y: f64,
}

#[derive(Serialize)]
struct TimelineDot {
    cx: f64,
    cy: f64,
    r: f64,
    /// Share of these statements this outlet carried first (0–4, for colour).
    first_level: usize,
    title: String,
}

#[derive(Serialize)]
struct TimelineTick {
    x: f64,
    label: String,
}

/// ISO date of a day number (days since 1970-01-01); Hinnant's civil_from_days.
fn day_to_iso(z: i32) -> String {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i32::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn timeline_view(report: &Report) -> TimelineView {
    let (mut outlets, omitted) = chart_outlets(report);
    // Outlets that share no statement would be empty rows.
    outlets.retain(|o| {
        report
            .summary
            .outlets
            .iter()
            .any(|x| &x.outlet == o && x.statements > 0)
    });
    let row_of: HashMap<&str, usize> = outlets
        .iter()
        .enumerate()
        .map(|(i, o)| (o.as_str(), i))
        .collect();
    // (row, day) → (statements first seen there that day, of which the outlet was first overall)
    let mut cells: BTreeMap<(usize, i32), (usize, usize)> = BTreeMap::new();
    for st in &report.statements {
        if st.outlets.len() < 2 {
            continue;
        }
        let mut first_day: BTreeMap<&str, i32> = BTreeMap::new();
        for &ui in &st.unit_indices {
            let u = &report.units[ui];
            if let Some(day) = report.articles[u.article_index].day {
                let e = first_day.entry(&*u.outlet).or_insert(day);
                *e = (*e).min(day);
            }
        }
        for (outlet, day) in first_day {
            if let Some(&row) = row_of.get(outlet) {
                let e = cells.entry((row, day)).or_default();
                e.0 += 1;
                if !st.first_is_tie && st.first_outlet.as_deref() == Some(outlet) {
                    e.1 += 1;
                }
            }
        }
    }
    let left = 180.0;
    let row_h = 22.0;
    let height = 30.0 + row_h * outlets.len() as f64;
    let rows = outlets
        .iter()
        .enumerate()
        .map(|(i, o)| TimelineRow {
            label: if o.chars().count() > 22 {
                format!("{}…", o.chars().take(21).collect::<String>())
            } else {
                o.clone()
            },
            outlet: o.clone(),
            y: 20.0 + row_h * i as f64 + row_h / 2.0,
        })
        .collect();
    let (Some(min_day), Some(max_day)) = (
        cells.keys().map(|k| k.1).min(),
        cells.keys().map(|k| k.1).max(),
    ) else {
        return TimelineView {
            dated: false,
            width: left + TIMELINE_WIDTH,
            height,
            left,
            rows,
            dots: Vec::new(),
            ticks: Vec::new(),
            bucket_days: 1,
            breaks: Vec::new(),
            first_date: String::new(),
            last_date: String::new(),
            omitted,
        };
    };
    // The axis skips long stretches without any statement (a corpus of one
    // week next to one from six years earlier): days are grouped into
    // segments split at gaps over TIMELINE_GAP_DAYS, drawn side by side.
    let mut segments: Vec<(i32, i32)> = Vec::new();
    for day in cells
        .keys()
        .map(|k| k.1)
        .collect::<std::collections::BTreeSet<_>>()
    {
        match segments.last_mut() {
            Some(seg) if day - seg.1 <= TIMELINE_GAP_DAYS => seg.1 = day,
            _ => segments.push((day, day)),
        }
    }
    let covered: i64 = segments.iter().map(|s| i64::from(s.1 - s.0) + 1).sum();
    let bucket_days = ((covered + TIMELINE_MAX_BUCKETS - 1) / TIMELINE_MAX_BUCKETS).max(1);
    let seg_buckets: Vec<i64> = segments
        .iter()
        .map(|s| (i64::from(s.1 - s.0) + bucket_days) / bucket_days)
        .collect();
    let total_buckets: i64 = seg_buckets.iter().sum();
    let gap_px = 24.0;
    let col_w = (TIMELINE_WIDTH - gap_px * (segments.len() - 1) as f64) / total_buckets as f64;
    let mut seg_x = Vec::with_capacity(segments.len());
    let mut x = left;
    for &nb in &seg_buckets {
        seg_x.push(x);
        x += col_w * nb as f64 + gap_px;
    }
    let x_of = |seg: usize, b: i64| (seg_x[seg] + col_w * (b as f64 + 0.5)).round_to(1);
    let mut merged: BTreeMap<(usize, usize, i64), (usize, usize)> = BTreeMap::new();
    for (&(row, day), &(n, first)) in &cells {
        let seg = segments.partition_point(|s| s.1 < day);
        let b = i64::from(day - segments[seg].0) / bucket_days;
        let e = merged.entry((row, seg, b)).or_insert((0, 0));
        e.0 += n;
        e.1 += first;
    }
    let max_n = merged.values().map(|v| v.0).max().unwrap_or(1).max(1) as f64;
    let max_r = (col_w / 2.0).clamp(2.5, row_h / 2.0 - 1.0);
    let dots = merged
        .iter()
        .map(|(&(row, seg, b), &(n, first))| {
            let start = segments[seg].0 + (b * bucket_days) as i32;
            let when = if bucket_days == 1 {
                day_to_iso(start)
            } else {
                format!(
                    "{} to {}",
                    day_to_iso(start),
                    day_to_iso(start + bucket_days as i32 - 1)
                )
            };
            TimelineDot {
                cx: x_of(seg, b),
                cy: 20.0 + row_h * row as f64 + row_h / 2.0,
                r: ((n as f64 / max_n).sqrt() * max_r).max(1.5).round_to(1),
                first_level: (first * 4).div_ceil(n).min(4),
                title: format!(
                    "{}, {when}: first carried {n} shared statement(s); {first} before any other outlet",
                    outlets[row]
                ),
            }
        })
        .collect();
    // Ticks: up to 6 over the whole axis, at least the start of each segment
    // wide enough for a label.
    let mut ticks: Vec<TimelineTick> = Vec::new();
    for (seg, &nb) in seg_buckets.iter().enumerate() {
        let width = col_w * nb as f64;
        let n = ((6.0 * width / TIMELINE_WIDTH).round() as i64).clamp(1, nb);
        for i in 0..n {
            let b = if n == 1 { 0 } else { i * (nb - 1) / (n - 1) };
            let x = x_of(seg, b);
            if ticks.last().is_some_and(|t| x - t.x < 80.0) {
                continue;
            }
            ticks.push(TimelineTick {
                x,
                label: day_to_iso(segments[seg].0 + (b * bucket_days) as i32),
            });
        }
    }
    let breaks: Vec<f64> = seg_x
        .iter()
        .skip(1)
        .map(|x| (x - gap_px / 2.0).round_to(1))
        .collect();
    TimelineView {
        dated: true,
        width: left + TIMELINE_WIDTH + 40.0,
        height: height + 20.0,
        left,
        rows,
        dots,
        ticks,
        bucket_days,
        breaks,
        first_date: day_to_iso(min_day),
        last_date: day_to_iso(max_day),
        omitted,
    }
}

trait RoundTo {
    fn round_to(self, digits: i32) -> f64;
}

impl RoundTo for f64 {
    fn round_to(self, digits: i32) -> f64 {
        let f = 10f64.powi(digits);
        (self * f).round() / f
    }
}

// ---------------------------------------------------------------------------
// Embedded data for the script

/// What `report.js` reads. Short keys and tuples keep the file small; the
/// script documents the same layout.
#[derive(Serialize)]
struct Data<'a> {
    /// Outlet names (index = outlet id in the rest of the data).
    outlets: Vec<&'a str>,
    /// Tier names, strongest first (index = tier id).
    tiers: Vec<&'static str>,
    /// Unit kinds (index = kind id).
    kinds: Vec<&'a str>,
    /// Unit appearances (`first`, `later`, `same_day`, `undated`; index = appearance id).
    appearances: Vec<&'a str>,
    /// Unit provenance classes (`credited`, `uncredited`, …; index = provenance id).
    provenances: Vec<&'a str>,
    /// Used articles, in input order.
    articles: Vec<ArticleData<'a>>,
    /// Distinct unit texts.
    texts: Vec<&'a str>,
    /// Units: statement units and the units of embedded articles.
    units: Vec<UnitData>,
    /// Statements, in report order (`s1` first).
    statements: Vec<StatementData<'a>>,
    /// Articles whose text was not embedded (over [`ARTICLE_TEXT_BUDGET`]).
    articles_not_embedded: usize,
    /// Units (ids into `units`) that are pieces of an over-long unit
    /// ([`crate::UnitEntry::cut`]), ascending; absent when there are none,
    /// so that is the usual case (a flag on every unit would cost bytes on
    /// every unit of every report).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    cut: Vec<usize>,
    /// What a cut unit is, for the badge's tooltip; absent with `cut`.
    #[serde(skip_serializing_if = "Option::is_none")]
    cut_note: Option<String>,
}

#[derive(Serialize)]
struct ArticleData<'a> {
    id: &'a str,
    /// Outlet id.
    o: usize,
    /// Date as given.
    d: Option<&'a str>,
    /// Title.
    t: Option<&'a str>,
    /// Statement units.
    n: usize,
    /// Shared statement units.
    s: usize,
    /// Credits the article gives (as written), if any.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    c: Vec<&'a str>,
    /// Unit ids of the article in order; `null` when its text is not embedded.
    u: Option<Vec<usize>>,
}

/// `[article, kind, text, statement|null, tier|null, merged spans as flat
/// UTF-16 offsets, appearance|null, provenance|null]`.
#[derive(Serialize)]
struct UnitData(
    usize,
    usize,
    usize,
    Option<usize>,
    Option<usize>,
    Vec<usize>,
    Option<usize>,
    Option<usize>,
);

#[derive(Serialize)]
struct StatementData<'a> {
    id: &'a str,
    /// Unit ids in date order.
    u: Vec<usize>,
    /// Outlet ids in order of first appearance.
    o: Vec<usize>,
    /// Strongest tier id.
    t: usize,
    /// Bit mask of the tiers of its matches (bit = tier id).
    k: u32,
    /// Bit mask of its units' provenance classes (bit = provenance id).
    p: u32,
    /// First unit id (earliest dated), if any unit is dated.
    f: Option<usize>,
    /// Whether another outlet carried it the same day as the first.
    x: bool,
    /// Embedded matches: `[unit a, unit b, tier, score, spans a, spans b]`, strongest first.
    m: Vec<MatchData>,
    /// Number of matches in the statement (may exceed `m.len()`).
    c: usize,
}

#[derive(Serialize)]
struct MatchData(usize, usize, usize, f64, Vec<usize>, Vec<usize>);

/// Flat `[start, end, start, end, …]` UTF-16 offsets of byte spans into `text`.
/// Span ends that fall inside a character move back to its start; spans out
/// of bounds are clamped to the text.
fn utf16_spans(text: &str, spans: &[crate::model::Span]) -> Vec<usize> {
    let to16 = |byte: usize| -> usize {
        let mut b = byte.min(text.len());
        while !text.is_char_boundary(b) {
            b -= 1;
        }
        text[..b].encode_utf16().count()
    };
    let mut out = Vec::with_capacity(spans.len() * 2);
    for s in spans {
        let (a, b) = (to16(s[0]), to16(s[1]));
        if a < b {
            out.push(a);
            out.push(b);
        }
    }
    out
}

struct DataBuilder<'a> {
    report: &'a Report,
    texts: Vec<&'a str>,
    text_ids: HashMap<&'a str, usize>,
    kinds: Vec<&'a str>,
    appearances: Vec<&'a str>,
    provenances: Vec<&'a str>,
    units: Vec<UnitData>,
    /// Ids (into `units`) of cut units, ascending.
    cut: Vec<usize>,
    unit_ids: HashMap<usize, usize>,
    article_ids: Vec<Option<usize>>,
    outlet_ids: HashMap<&'a str, usize>,
    statement_of_unit: HashMap<usize, usize>,
    spans_of_unit: HashMap<usize, Vec<usize>>,
}

impl<'a> DataBuilder<'a> {
    fn unit(&mut self, ui: usize) -> usize {
        if let Some(&id) = self.unit_ids.get(&ui) {
            return id;
        }
        let u = &self.report.units[ui];
        let text = match self.text_ids.get(u.text.as_str()) {
            Some(&t) => t,
            None => {
                self.texts.push(&u.text);
                self.text_ids.insert(&u.text, self.texts.len() - 1);
                self.texts.len() - 1
            }
        };
        let kind = intern(&mut self.kinds, u.kind);
        let appearance = u.appearance.map(|a| intern(&mut self.appearances, a));
        let provenance = u.provenance.map(|p| intern(&mut self.provenances, p));
        let tier = u
            .tier
            .and_then(|t| ALL_TIERS.iter().position(|x| x.as_str() == t));
        let id = self.units.len();
        if u.cut {
            self.cut.push(self.units.len());
        }
        self.units.push(UnitData(
            self.article_ids[u.article_index].unwrap_or(0),
            kind,
            text,
            self.statement_of_unit.get(&ui).copied(),
            tier,
            self.spans_of_unit.remove(&ui).unwrap_or_default(),
            appearance,
            provenance,
        ));
        self.unit_ids.insert(ui, id);
        id
    }
}

/// The index of `name` in a small string table, added if new.
fn intern<'a>(table: &mut Vec<&'a str>, name: &'a str) -> usize {
    match table.iter().position(|k| *k == name) {
        Some(i) => i,
        None => {
            table.push(name);
            table.len() - 1
        }
    }
}

fn tier_id(name: &str) -> usize {
    ALL_TIERS
        .iter()
        .position(|t| t.as_str() == name)
        .unwrap_or(ALL_TIERS.len() - 1)
}

/// The data the page embeds: script-safe JSON, gzipped, base64.
fn embedded_json(report: &Report) -> String {
    let outlets: Vec<&str> = report
        .summary
        .outlets
        .iter()
        .map(|o| o.outlet.as_str())
        .collect();
    let outlet_ids: HashMap<&str, usize> =
        outlets.iter().enumerate().map(|(i, o)| (*o, i)).collect();

    let mut article_ids = vec![None; report.articles.len()];
    let mut used = Vec::new();
    for (i, a) in report.articles.iter().enumerate() {
        if a.status == Status::Used {
            article_ids[i] = Some(used.len());
            used.push(i);
        }
    }

    let mut statement_of_unit = HashMap::new();
    let mut spans_of_unit = HashMap::new();
    for (si, st) in report.statements.iter().enumerate() {
        for &ui in &st.unit_indices {
            statement_of_unit.insert(ui, si);
        }
        for (ui, spans) in report.statement_spans(st) {
            spans_of_unit.insert(ui, utf16_spans(&report.units[ui].text, &spans));
        }
    }

    let mut b = DataBuilder {
        report,
        texts: Vec::new(),
        text_ids: HashMap::new(),
        kinds: Vec::new(),
        appearances: Vec::new(),
        provenances: Vec::new(),
        units: Vec::new(),
        cut: Vec::new(),
        unit_ids: HashMap::new(),
        article_ids,
        outlet_ids,
        statement_of_unit,
        spans_of_unit,
    };

    let mut statements = Vec::with_capacity(report.statements.len());
    for st in &report.statements {
        let u: Vec<usize> = st.unit_indices.iter().map(|&ui| b.unit(ui)).collect();
        let mut ms: Vec<usize> = st.match_indices.clone();
        ms.sort_by(|&x, &y| {
            let (mx, my) = (&report.matches[x], &report.matches[y]);
            tier_id(mx.tier)
                .cmp(&tier_id(my.tier))
                .then(my.score.total_cmp(&mx.score))
                .then(x.cmp(&y))
        });
        let mut k = 0u32;
        for &mi in &ms {
            k |= 1 << tier_id(report.matches[mi].tier);
        }
        let m = ms
            .iter()
            .take(MAX_MATCHES_PER_STATEMENT)
            .map(|&mi| {
                let mt = &report.matches[mi];
                MatchData(
                    b.unit(mt.a_index),
                    b.unit(mt.b_index),
                    tier_id(mt.tier),
                    (f64::from(mt.score) * 1000.0).round() / 1000.0,
                    utf16_spans(&report.units[mt.a_index].text, &mt.spans_a),
                    utf16_spans(&report.units[mt.b_index].text, &mt.spans_b),
                )
            })
            .collect();
        let mut p = 0u32;
        for &ui in &st.unit_indices {
            if let Some(prov) = report.units[ui].provenance {
                p |= 1 << intern(&mut b.provenances, prov).min(31);
            }
        }
        let first = st
            .first_unit
            .as_deref()
            .and_then(|id| st.units.iter().position(|x| &**x == id))
            .map(|p| u[p]);
        statements.push(StatementData {
            id: &st.id,
            o: st
                .outlets
                .iter()
                .filter_map(|o| b.outlet_ids.get(&**o).copied())
                .collect(),
            u,
            t: tier_id(st.tier),
            k,
            p,
            f: first,
            x: st.first_is_tie,
            m,
            c: st.match_indices.len(),
        });
    }

    // Units of each article, for the per-article view, within the budget.
    let mut units_of_article: Vec<Vec<usize>> = vec![Vec::new(); report.articles.len()];
    for (ui, u) in report.units.iter().enumerate() {
        units_of_article[u.article_index].push(ui);
    }
    let mut order = used.clone();
    order.sort_by(|&x, &y| {
        report.articles[y]
            .shared_units
            .cmp(&report.articles[x].shared_units)
            .then(x.cmp(&y))
    });
    let mut budget = ARTICLE_TEXT_BUDGET;
    let mut embedded = vec![false; report.articles.len()];
    for ai in order {
        let bytes: usize = units_of_article[ai]
            .iter()
            .map(|&ui| report.units[ui].text.len())
            .sum();
        if bytes <= budget {
            budget -= bytes;
            embedded[ai] = true;
        }
    }
    let mut articles = Vec::with_capacity(used.len());
    let mut not_embedded = 0;
    for &ai in &used {
        let a = &report.articles[ai];
        let u = if embedded[ai] {
            Some(units_of_article[ai].iter().map(|&ui| b.unit(ui)).collect())
        } else {
            not_embedded += 1;
            None
        };
        articles.push(ArticleData {
            id: &a.id,
            o: b.outlet_ids.get(a.outlet.as_str()).copied().unwrap_or(0),
            d: a.date.as_deref(),
            t: a.title.as_deref(),
            n: a.statement_units,
            s: a.shared_units,
            c: {
                let mut c: Vec<&str> = a.credits.iter().map(|c| c.name.as_str()).collect();
                c.dedup();
                c
            },
            u,
        });
    }

    let data = Data {
        outlets,
        tiers: ALL_TIERS.iter().map(|t| t.as_str()).collect(),
        kinds: b.kinds,
        appearances: b.appearances,
        provenances: b.provenances,
        articles,
        texts: b.texts,
        units: b.units,
        statements,
        articles_not_embedded: not_embedded,
        cut_note: (!b.cut.is_empty()).then(crate::view::cut_note),
        cut: b.cut,
    };
    // Serializing plain data with string keys cannot fail.
    let json = serde_json::to_string(&data).unwrap_or_else(|_| "{}".into());
    // Escaped as well, so the inflated text is safe to put in a script element too.
    gzip_base64(&script_safe_json(&json))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_spans_become_utf16_offsets() {
        // "سورية" is 5 letters, 10 bytes; the emoji is 4 bytes, 2 UTF-16 units.
        let text = "في سورية 😀 اليوم";
        let start = text.find("سورية").unwrap();
        let spans = utf16_spans(text, &[[start, start + "سورية".len()]]);
        assert_eq!(spans, vec![3, 8]);
        let after = text.find("اليوم").unwrap();
        assert_eq!(
            utf16_spans(text, &[[after, text.len()]]),
            vec![12, 17],
            "the emoji counts as two UTF-16 units"
        );
        // An end inside a letter moves back to the letter's start; empty spans vanish.
        assert_eq!(
            utf16_spans(text, &[[start, start + 1]]),
            Vec::<usize>::new()
        );
        assert_eq!(utf16_spans(text, &[[0, 10_000]]), vec![0, 17]);
    }

    #[test]
    fn script_json_cannot_close_the_element() {
        let json = serde_json::to_string("</script><!-- & \u{2028}").unwrap();
        let safe = script_safe_json(&json);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'));
        assert!(!safe.contains('\u{2028}'));
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, "</script><!-- & \u{2028}");
    }

    #[test]
    fn days_round_trip_to_iso() {
        for d in ["1970-01-01", "2015-08-10", "2024-02-29", "1999-12-31"] {
            assert_eq!(day_to_iso(crate::parse_day(d).unwrap()), d);
        }
    }

    #[test]
    fn the_script_and_style_hashes_are_in_the_policy() {
        let csp = content_security_policy();
        assert!(csp.starts_with("default-src 'none';"));
        assert!(csp.contains(&sha256_source(SCRIPT)));
        assert!(csp.contains(&sha256_source(STYLE)));
        assert!(!SCRIPT.contains("</script") && !STYLE.contains("</style"));
    }
}
