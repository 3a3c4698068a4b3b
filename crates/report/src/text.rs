//! `--format text`: the report a person reads in a terminal.
//!
//! Arabic is written right to left, and terminals differ in whether they apply
//! the Unicode bidirectional algorithm. So that a report reads correctly in
//! both kinds, every article text goes on a line of its own (never after an
//! LTR label on the same line), wrapped in FIRST STRONG ISOLATE … POP
//! DIRECTIONAL ISOLATE when it contains right-to-left letters: a bidi-aware
//! terminal then lays out the line by its own first strong letter, and the
//! Latin labels on the lines around it stay left to right. Labels use outlet
//! ids and unit ids, which are ASCII in practice.
//!
//! Shared passages are marked in colour on a terminal, and with `⟦ ⟧`
//! otherwise (these brackets are mirrored by bidi-aware terminals, so they
//! still enclose the right words in RTL text).

use crate::RenderOptions;
use crate::model::{Report, Span, StatementEntry, Status};
use crate::tiers::{parse_tier, tier_strength};
use crate::view::{cut_note, word_coverage};
use std::io::{self, Write};

/// Written after the kind of a unit that is a piece of an over-long unit
/// (`sentence [cut]`, see [`crate::UnitEntry::cut`]).
const CUT_MARK: &str = " [cut]";

const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

struct Style {
    color: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }
    fn tier(&self, tier: &str) -> String {
        self.tier_named(tier, tier)
    }
    /// `text` in the colour of `tier`.
    fn tier_named(&self, tier: &str, text: &str) -> String {
        let code = match tier {
            "verbatim" => "1;31",
            "near_duplicate" => "31",
            "conflicting" => "1;35",
            "partial" => "33",
            _ => "36",
        };
        self.paint(code, text)
    }
}

fn is_rtl(c: char) -> bool {
    matches!(c as u32,
        0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

/// Strips characters that would break the line layout: newlines, tabs, and
/// stray directional controls inside article text.
fn clean(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' => ' ',
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect()
}

/// The unit text with its shared spans marked, isolated when it is RTL.
fn marked(text: &str, spans: &[Span], style: &Style) -> String {
    let whole = word_coverage(text, spans) >= 1.0;
    let mut out = String::new();
    let mut at = 0;
    if !whole {
        for s in spans {
            let (Some(before), Some(inside)) = (text.get(at..s[0]), text.get(s[0]..s[1])) else {
                continue;
            };
            out.push_str(&clean(before));
            if style.color {
                out.push_str(&style.paint("1;4;33", &clean(inside)));
            } else {
                out.push('⟦');
                out.push_str(&clean(inside));
                out.push('⟧');
            }
            at = s[1];
        }
    }
    out.push_str(&clean(text.get(at..).unwrap_or_default()));
    let out = out.trim().to_string();
    if text.chars().any(is_rtl) {
        format!("{FSI}{out}{PDI}")
    } else {
        out
    }
}

/// A text for a terminal line: shared `spans` marked (colour, or `⟦ ⟧`
/// without colour, nothing when they cover the whole text), newlines and
/// stray direction controls removed, and isolated with FSI…PDI when it
/// contains right-to-left letters. Put it on a line of its own.
pub fn terminal_text(text: &str, spans: &[Span], color: bool) -> String {
    marked(text, spans, &Style { color })
}

/// `1 match`, `2 matches`, `1 statement unit`, `0 outlets`.
fn count(n: usize, noun: &str) -> String {
    match (n, noun.ends_with("ch")) {
        (1, _) => format!("1 {noun}"),
        (_, true) => format!("{n} {noun}es"),
        _ => format!("{n} {noun}s"),
    }
}

fn percent(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

fn heading(out: &mut dyn Write, style: &Style, title: &str) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "{}", style.bold(title))?;
    writeln!(out, "{}", "─".repeat(title.chars().count()))
}

fn write_statement(
    out: &mut dyn Write,
    report: &Report,
    st: &StatementEntry,
    folded: &[&str],
    style: &Style,
) -> io::Result<()> {
    let first = match (&st.first_outlet, &st.first_date) {
        (Some(o), Some(d)) if st.first_is_tie => {
            format!("first: {o} {d} (same day as another outlet)")
        }
        (Some(o), Some(d)) => format!("first: {o} {d}"),
        _ => "undated".to_string(),
    };
    let tiers = st
        .tiers
        .iter()
        .map(|(t, n)| format!("{t} ×{n}"))
        .collect::<Vec<_>>()
        .join(", ");
    writeln!(out)?;
    writeln!(
        out,
        "{} · {} outlets: {} · {} · {}",
        style.bold(&st.id),
        st.outlets.len(),
        st.outlets.join(", "),
        style.tier(st.tier),
        first
    )?;
    writeln!(out, "  {}", style.dim(&format!("matches: {tiers}")))?;
    if let Some(n) = st.tiers.get("conflicting") {
        // A changed number or negation is what a fact-checker looks for: never
        // let a stronger tier elsewhere in the statement hide it.
        writeln!(
            out,
            "  {}",
            style.tier_named("conflicting", &format!("changed fact (number, negation or date) in {n} match(es): see units marked conflicting"))
        )?;
    }
    if !folded.is_empty() {
        writeln!(
            out,
            "  {}",
            style.dim(&format!(
                "clauses of these sentences also matched on their own: {}",
                folded.join(", ")
            ))
        )?;
    }
    let spans = report.statement_spans(st);
    // One pass over the statement's matches (a boilerplate statement can have many).
    let strength = |mi: usize| {
        let m = &report.matches[mi];
        (parse_tier(m.tier).map_or(0, tier_strength), m.score)
    };
    let mut best_match: std::collections::HashMap<usize, usize> = Default::default();
    let mut conflict: std::collections::HashMap<usize, usize> = Default::default();
    for &mi in &st.match_indices {
        let m = &report.matches[mi];
        for ui in [m.a_index, m.b_index] {
            if m.tier == "conflicting" {
                conflict.entry(ui).or_insert(mi);
            }
            let e = best_match.entry(ui).or_insert(mi);
            if strength(mi) > strength(*e) {
                *e = mi;
            }
        }
    }
    for &ui in &st.unit_indices {
        let u = &report.units[ui];
        // A clause whose sentence is shown in the same statement repeats it.
        if u.parent_index
            .is_some_and(|p| report.units[p].statement_index == u.statement_index)
        {
            continue;
        }
        let a = report.article_of_unit(ui);
        // The unit's strongest match inside this statement, to say how it was reused.
        let best = best_match.get(&ui).map(|&mi| &report.matches[mi]);
        let mut how = best.map_or(String::new(), |m| {
            format!(" · {} {:.2}", style.tier(m.tier), m.score)
        });
        if let Some(m) = conflict.get(&ui).map(|&mi| &report.matches[mi])
            && best.is_some_and(|b| b.tier != "conflicting")
        {
            let other = if m.a_index == ui { &m.b } else { &m.a };
            how.push_str(&format!(" · {} with {other}", style.tier("conflicting")));
        }
        let unit_spans = spans.get(&ui).map(Vec::as_slice).unwrap_or_default();
        let share = format!(" · shared {}", percent(word_coverage(&u.text, unit_spans)));
        // A piece of text without sentence ends, cut for length: the
        // article's warning says how long the text was.
        let cut = if u.cut { CUT_MARK } else { "" };
        writeln!(
            out,
            "  {} {} · {} · {}{}{}{}",
            style.bold(&u.outlet),
            a.date.as_deref().unwrap_or("undated"),
            style.dim(&u.id),
            u.kind,
            cut,
            how,
            share
        )?;
        writeln!(out, "      {}", marked(&u.text, unit_spans, style))?;
    }
    Ok(())
}

/// Writes the text report.
pub(crate) fn write(
    report: &Report,
    options: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let style = Style {
        color: options.color,
    };
    let s = &report.summary;
    writeln!(
        out,
        "{} {} from {} ({} used, {} skipped) · {} · {} · {} carried by 2+ outlets",
        style.bold("isnad:"),
        count(s.articles, "article"),
        count(s.outlets.len(), "outlet"),
        s.articles_used,
        s.articles_skipped,
        count(s.statement_units, "statement unit"),
        count(s.matches, "match"),
        count(s.cross_outlet_statements, "statement"),
    )?;
    if !s.matches_by_tier.is_empty() {
        let by_tier = s
            .matches_by_tier
            .iter()
            .map(|(t, n)| format!("{} {n}", style.tier(t)))
            .collect::<Vec<_>>()
            .join(" · ");
        writeln!(out, "matches by tier: {by_tier}")?;
    }
    if report
        .units
        .iter()
        .any(|u| u.cut && u.statement_index.is_some())
    {
        // What `[cut]` means, said once above the statements.
        let note = format!("[cut]: {} (see the article's warning)", cut_note());
        writeln!(out, "{}", style.dim(&note))?;
    }

    // Clause-only statements folded into the statement of their sentences.
    let mut folded: Vec<Vec<&str>> = vec![Vec::new(); report.statements.len()];
    let mut shown = vec![true; report.statements.len()];
    for (si, st) in report.statements.iter().enumerate() {
        if let Some(host) = report.folded_into(si) {
            folded[host].push(&st.id);
            shown[si] = false;
        }
    }
    let cross: Vec<(usize, &StatementEntry)> = report
        .statements
        .iter()
        .enumerate()
        .filter(|(si, st)| st.outlets.len() >= 2 && shown[*si])
        .collect();
    heading(
        out,
        &style,
        &match report
            .statements
            .iter()
            .filter(|st| st.outlets.len() >= 2)
            .count()
            - cross.len()
        {
            0 => format!("Statements carried by 2 or more outlets ({})", cross.len()),
            n => format!(
                "Statements carried by 2 or more outlets ({}, and {n} clause-level ones shown with their sentences)",
                cross.len()
            ),
        },
    )?;
    if cross.is_empty() {
        writeln!(out, "none found")?;
    }
    // Statements are rendered on all threads and written in order.
    crate::ordered::write_rendered(out, &cross, |_, (si, st), buf| {
        write_statement(buf, report, st, &folded[*si], &style)
    })?;
    let within: Vec<(usize, &StatementEntry)> = report
        .statements
        .iter()
        .enumerate()
        .filter(|(si, st)| st.outlets.len() < 2 && shown[*si])
        .collect();
    if !within.is_empty() {
        heading(
            out,
            &style,
            &format!("Repeated within one outlet ({})", within.len()),
        )?;
        crate::ordered::write_rendered(out, &within, |_, (si, st), buf| {
            write_statement(buf, report, st, &folded[*si], &style)
        })?;
    }

    write_outlet_table(out, report, &style)?;
    crate::provenance::write_text(report, out)?;
    write_articles(out, report, &style)
}

fn write_outlet_table(out: &mut dyn Write, report: &Report, style: &Style) -> io::Result<()> {
    let s = &report.summary;
    if s.outlets.len() < 2 {
        return Ok(());
    }
    heading(out, style, "Shared statements between outlets")?;
    let names: Vec<&str> = s.outlets.iter().map(|o| o.outlet.as_str()).collect();
    let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
    let count = |x: &str, y: &str| -> usize {
        let (a, b) = if x < y { (x, y) } else { (y, x) };
        s.outlet_pairs
            .iter()
            .find(|p| p.a == a && p.b == b)
            .map_or(0, |p| p.statements)
    };
    let mut header = format!("{:>w$}", "", w = width + 5);
    for i in 0..names.len() {
        header.push_str(&format!("{:>5}", i + 1));
    }
    writeln!(out, "{}", style.dim(&header))?;
    for (i, x) in names.iter().enumerate() {
        let mut row = format!("{:>3}  {:<w$}", i + 1, x, w = width);
        for y in &names {
            if x == y {
                row.push_str(&format!("{:>5}", "·"));
            } else {
                row.push_str(&format!("{:>5}", count(x, y)));
            }
        }
        writeln!(out, "{row}")?;
    }

    if !s.outlet_pairs.is_empty() {
        heading(
            out,
            style,
            "Who carried it first (by date, per pair of outlets)",
        )?;
        for p in &s.outlet_pairs {
            writeln!(
                out,
                "  {} ↔ {}: {} shared · {} first {} · {} first {} · same day {} · undated {}",
                style.bold(&p.a),
                style.bold(&p.b),
                p.statements,
                p.a,
                p.a_first,
                p.b,
                p.b_first,
                p.same_day,
                p.undated
            )?;
        }
    }
    Ok(())
}

fn write_articles(out: &mut dyn Write, report: &Report, style: &Style) -> io::Result<()> {
    heading(
        out,
        style,
        "Articles: share of their statement units found in other outlets",
    )?;
    let used: Vec<_> = report
        .articles
        .iter()
        .filter(|a| a.status == Status::Used)
        .collect();
    let width = used
        .iter()
        .map(|a| a.outlet.chars().count())
        .max()
        .unwrap_or(0);
    for a in &used {
        let share = a
            .shared_share
            .map_or("  -".to_string(), |x| format!("{:>4}", percent(x)));
        writeln!(
            out,
            "  {share}  {:>4}/{:<4} {:<w$}  {:<10}  {}",
            a.shared_units,
            a.statement_units,
            a.outlet,
            a.date.as_deref().unwrap_or("undated"),
            a.id,
            w = width
        )?;
        for w in &a.warnings {
            writeln!(out, "        {}", style.dim(&format!("warning: {w}")))?;
        }
    }
    let skipped: Vec<_> = report
        .articles
        .iter()
        .filter(|a| a.status == Status::Skipped)
        .collect();
    if !skipped.is_empty() {
        heading(out, style, &format!("Skipped articles ({})", skipped.len()))?;
        for a in skipped {
            let reason = clean(a.reason.as_deref().unwrap_or("no reason given"));
            if reason.contains(&a.id) {
                writeln!(out, "  {reason}")?;
            } else {
                writeln!(out, "  {reason} {}", style.dim(&format!("(id {})", a.id)))?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_text_is_isolated_and_latin_is_not() {
        let plain = Style { color: false };
        assert_eq!(
            marked("قال الوزير", &[], &plain),
            "\u{2068}قال الوزير\u{2069}"
        );
        assert_eq!(
            marked("The minister said", &[], &plain),
            "The minister said"
        );
    }

    #[test]
    fn partial_spans_are_bracketed_without_color_and_whole_units_are_not() {
        let plain = Style { color: false };
        assert_eq!(marked("abc def ghi", &[[4, 7]], &plain), "abc ⟦def⟧ ghi");
        assert_eq!(marked(" abc def ", &[[1, 8]], &plain), "abc def");
    }

    #[test]
    fn newlines_and_embedded_direction_controls_do_not_break_lines() {
        assert_eq!(clean("a\nb\u{202E}c"), "a b c");
    }
}
