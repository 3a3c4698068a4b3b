//! `--format json` writes its lists in parallel: the bytes must be those
//! serde_json's pretty printer writes for the whole report.

use isnad_report::{Content, Format, InputArticle, Options, RenderOptions, Report, build, render};
use std::path::Path;

fn report_of(dir: &str) -> Report {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures")
        .join(dir)
        .join("articles.jsonl");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let articles: Vec<InputArticle> = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            InputArticle {
                id: v["id"].as_str().unwrap().into(),
                path: "articles.jsonl".into(),
                line: Some(i as u64 + 1),
                outlet: v["outlet"].as_str().unwrap().into(),
                date: v["date"].as_str().map(str::to_string),
                content: Content::Text(v["text"].as_str().unwrap().into()),
                ..Default::default()
            }
        })
        .collect();
    build(articles, &Options::default(), &|_| {}).unwrap()
}

fn json(report: &Report) -> String {
    let mut out = Vec::new();
    render(report, Format::Json, &RenderOptions::default(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn json_is_what_serde_json_writes_for_the_whole_report() {
    let report = report_of("provenance");
    assert!(!report.matches.is_empty() && !report.statements.is_empty());
    assert_eq!(
        json(&report),
        serde_json::to_string_pretty(&report).unwrap() + "\n"
    );
}

#[test]
fn json_of_empty_lists_and_many_elements() {
    let mut report = report_of("provenance");
    report.matches.clear();
    report.statements.clear();
    // More units than one parallel window holds, so windows and tasks join.
    let units = report.units.clone();
    while report.units.len() < 40_000 {
        report.units.extend(units.iter().cloned());
    }
    assert_eq!(
        json(&report),
        serde_json::to_string_pretty(&report).unwrap() + "\n"
    );
}
