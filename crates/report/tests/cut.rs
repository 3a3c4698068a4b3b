//! Units the segmenter cut out of an over-long run of text without a
//! sentence end (`Unit::cut`) are marked in every report format: `"cut":
//! true` on the unit (JSON) and the match side (JSONL), the `a_cut` / `b_cut`
//! columns (CSV), `[cut]` (text) and a `cut` badge (HTML). A report without
//! cut units carries no trace of the mark.

use base64::Engine as _;
use isnad_report::{Content, Format, InputArticle, Options, RenderOptions, Report, build, render};
use serde_json::Value;
mod common;

use common::{fixture, read_jsonl};

/// The articles of `fixtures/report/cut.jsonl`: two outlets carry the same
/// price table dumped on one line (cut into three pieces), a third shares nothing.
fn cut_articles() -> Vec<InputArticle> {
    read_jsonl(&fixture("report/cut.jsonl"))
}

/// Two outlets sharing ordinary sentences only.
fn plain_articles() -> Vec<InputArticle> {
    let s = "أكد الرئيسان خلال اتصال هاتفي دعمهما غير المشروط للإجراءات التي تتخذها سورية.";
    ["sana", "alwatan"]
        .iter()
        .map(|o| InputArticle {
            id: format!("{o}/1"),
            path: format!("{o}/1.txt"),
            outlet: o.to_string(),
            date: Some("2021-02-17".into()),
            content: Content::Text(format!("{s} وقال الوزير إن الجولة المقبلة في أيار.")),
            ..Default::default()
        })
        .collect()
}

fn report(articles: Vec<InputArticle>) -> Report {
    build(articles, &Options::default(), &|_| {}).unwrap()
}

fn rendered(report: &Report, format: Format) -> String {
    let mut out = Vec::new();
    render(report, format, &RenderOptions::default(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// The JSON inside the HTML report's data block (base64 of gzip).
fn html_data(html: &str) -> Value {
    use std::io::Read as _;
    let start = html.find("<script").unwrap();
    let open_end = start + html[start..].find('>').unwrap() + 1;
    let close = open_end + html[open_end..].find("</script>").unwrap();
    let gz = base64::engine::general_purpose::STANDARD
        .decode(&html[open_end..close])
        .unwrap();
    let mut json = String::new();
    flate2::read::GzDecoder::new(&gz[..])
        .read_to_string(&mut json)
        .unwrap();
    serde_json::from_str(&json).unwrap()
}

#[test]
fn cut_units_are_marked_in_the_json_report_and_only_they_are() {
    let r = report(cut_articles());
    let cut: Vec<&str> = r.units.iter().filter(|u| u.cut).map(|u| &*u.id).collect();
    assert_eq!(
        cut.len(),
        6,
        "three pieces in each of two articles: {cut:?}"
    );
    let json: Value = serde_json::from_str(&rendered(&r, Format::Json)).unwrap();
    for u in json["units"].as_array().unwrap() {
        let id = u["id"].as_str().unwrap();
        if cut.contains(&id) {
            assert_eq!(u["cut"], true, "{id}");
            assert!(u["statement"].is_string(), "{id}: the pieces match");
        } else {
            assert!(u.get("cut").is_none(), "{id}");
        }
    }
}

#[test]
fn cut_sides_are_marked_in_jsonl_and_csv() {
    let r = report(cut_articles());
    let is_cut = |id: &str| r.units.iter().any(|u| &*u.id == id && u.cut);
    let mut cut_lines = 0;
    for line in rendered(&r, Format::Jsonl).lines() {
        let l: Value = serde_json::from_str(line).unwrap();
        for side in ["a", "b"] {
            let id = l[side]["unit"].as_str().unwrap();
            if is_cut(id) {
                assert_eq!(l[side]["cut"], true, "{id}");
                cut_lines += 1;
            } else {
                assert!(l[side].get("cut").is_none(), "{id}");
            }
        }
    }
    assert_eq!(cut_lines, 6, "three matches of two cut sides");

    let csv = rendered(&r, Format::Csv);
    let mut rd = csv::Reader::from_reader(csv.as_bytes());
    let headers = rd.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (a_unit, b_unit, a_cut, b_cut) = (col("a_unit"), col("b_unit"), col("a_cut"), col("b_cut"));
    // The new columns come last: every other column keeps its place.
    assert_eq!((a_cut, b_cut), (headers.len() - 2, headers.len() - 1));
    assert_eq!(headers.get(headers.len() - 3), Some("components"));
    let mut rows = 0;
    for row in rd.records() {
        let row = row.unwrap();
        for (unit, flag) in [(a_unit, a_cut), (b_unit, b_cut)] {
            let want = if is_cut(&row[unit]) { "true" } else { "" };
            assert_eq!(&row[flag], want, "{}", &row[unit]);
        }
        rows += 1;
    }
    assert_eq!(rows, r.matches.len());
}

#[test]
fn cut_units_carry_a_visible_mark_in_text_and_html() {
    let r = report(cut_articles());
    let text = rendered(&r, Format::Text);
    // One `[cut]` per cut unit shown in a statement, on its label line.
    let marked: Vec<&str> = text.lines().filter(|l| l.contains(" [cut]")).collect();
    assert_eq!(marked.len(), 6, "{text}");
    assert!(
        marked.iter().all(|l| l.contains(" · sentence [cut]")),
        "{marked:?}"
    );
    assert!(
        text.contains("[cut]: piece of an over-long unit with no sentence end, cut at 1000 words"),
        "{text}"
    );

    let data = html_data(&rendered(&r, Format::Html));
    let cut: Vec<u64> = data["cut"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_u64().unwrap())
        .collect();
    assert_eq!(cut.len(), 6);
    // The listed units are the cut pieces: the long ones.
    for &u in &cut {
        let unit = &data["units"][u as usize];
        let t = data["texts"][unit[2].as_u64().unwrap() as usize]
            .as_str()
            .unwrap();
        assert!(t.split_whitespace().count() > 200, "{t}");
    }
    assert!(
        data["cut_note"]
            .as_str()
            .unwrap()
            .starts_with("piece of an over-long unit with no sentence end")
    );
}

#[test]
fn a_report_without_cut_units_has_no_mark_in_any_format() {
    let r = report(plain_articles());
    assert!(!r.matches.is_empty());
    for format in [Format::Json, Format::Jsonl, Format::Text] {
        let out = rendered(&r, format);
        assert!(
            !out.contains("\"cut\"") && !out.contains("[cut]"),
            "{format:?}"
        );
    }
    let data = html_data(&rendered(&r, Format::Html));
    assert!(data.get("cut").is_none() && data.get("cut_note").is_none());
    // CSV has the columns, empty.
    let csv = rendered(&r, Format::Csv);
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .ends_with(",components,a_cut,b_cut")
    );
    assert!(csv.lines().skip(1).all(|l| l.ends_with(",,")), "{csv}");
}
