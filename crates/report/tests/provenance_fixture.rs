//! The provenance fixture set (`fixtures/provenance`): every class and
//! appearance on one small, readable event, with the extra source table.

use isnad_report::provenance::{SourceTable, load_sources};
use isnad_report::{Content, InputArticle, Options, Report, build};
use std::path::Path;

fn fixture(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/provenance")
        .join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn report(with_table: bool) -> Report {
    let articles: Vec<InputArticle> = fixture("articles.jsonl")
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            InputArticle {
                id: v["id"].as_str().unwrap().into(),
                path: "articles.jsonl".into(),
                outlet: v["outlet"].as_str().unwrap().into(),
                date: v["date"].as_str().map(str::to_string),
                content: Content::Text(v["text"].as_str().unwrap().into()),
                ..Default::default()
            }
        })
        .collect();
    let mut sources = SourceTable::builtin();
    if with_table {
        assert_eq!(
            load_sources(&fixture("agencies.tsv"), &mut sources).unwrap(),
            1
        );
    }
    let options = Options {
        sources,
        ..Options::default()
    };
    build(articles, &options, &|_| {}).unwrap()
}

/// (provenance, appearance) of the statement units of `article` containing `needle`.
fn classes(r: &Report, article: &str, needle: &str) -> Vec<(Option<String>, Option<String>)> {
    r.units
        .iter()
        .filter(|u| &*u.article == article && u.kind != "clause" && u.text.contains(needle))
        .map(|u| {
            (
                u.provenance.map(str::to_string),
                u.appearance.map(str::to_string),
            )
        })
        .collect()
}

fn one(p: &str, a: &str) -> Vec<(Option<String>, Option<String>)> {
    vec![(Some(p.to_string()), Some(a.to_string()))]
}

#[test]
fn every_class_on_the_fixture_event() {
    let r = report(true);
    assert_eq!(
        classes(&r, "sana-1", "أكد الرئيسان"),
        [(None, Some("first".to_string()))]
    );
    // Same day, later by time, credit line.
    assert_eq!(
        classes(&r, "tishreen-1", "أكد الرئيسان"),
        one("credited", "later")
    );
    // Generic agencies credit line, and the in-text `وحسب «سانا»`.
    assert_eq!(
        classes(&r, "alwatan-1", "وأشار البيان"),
        one("credited", "later")
    );
    assert_eq!(classes(&r, "alwatan-1", "وحسب"), one("credited", "later"));
    // Lavrov quoted by both; the rest copied without credit.
    assert_eq!(classes(&r, "enab-1", "لافروف"), one("shared_quote", "later"));
    assert_eq!(
        classes(&r, "enab-1", "وناقش الجانبان"),
        one("uncredited", "later")
    );
    // Both credit AFP on the same day.
    assert_eq!(
        classes(&r, "alquds-1", "وأعلنت وزارة الصحة"),
        one("common_source", "same_day")
    );
    assert_eq!(
        classes(&r, "annahar-1", "وأعلنت وزارة الصحة"),
        [(None, Some("first".to_string()))]
    );
    // Undated, credits Enab Baladi once the table knows it.
    assert_eq!(
        classes(&r, "blog-1", "وناقش الجانبان"),
        one("credited", "undated")
    );
    // "The agency said" is not a speaker two outlets share.
    assert_eq!(
        classes(&r, "blog-1", "وذكرت الوكالة"),
        one("uncredited", "undated")
    );

    let without = report(false);
    assert_eq!(
        classes(&without, "blog-1", "وناقش الجانبان"),
        one("uncredited", "undated")
    );

    let p = r.summary.provenance.as_ref().unwrap();
    let alwatan = p.outlets.iter().find(|o| o.outlet == "alwatan").unwrap();
    assert_eq!((alwatan.reused, alwatan.credited), (3, 3));
    let pair = p
        .pairs
        .iter()
        .find(|q| q.from == "annahar" && q.to == "alquds")
        .unwrap();
    assert_eq!((pair.units, pair.common_source, pair.same_day), (2, 2, 2));

    // JSON carries the fields under their documented names.
    let json = serde_json::to_value(&r).unwrap();
    let a = &json["articles"][1];
    assert_eq!(a["credits"][0]["via"], "credit_line");
    assert_eq!(a["credits"][1]["via"], "in_text");
    assert_eq!(json["articles"][0]["dateline"]["place"], "موسكو");
    assert!(
        json["units"]
            .as_array()
            .unwrap()
            .iter()
            .any(|u| u["provenance"] == "common_source")
    );
    assert!(json["summary"]["provenance"]["pairs"].is_array());
}
