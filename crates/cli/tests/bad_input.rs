//! Bad input: every case is accounted for in the report with a reason that
//! names the file (and line, and byte offset), warned about on stderr, and
//! fails the run under `--strict`; untrustworthy runs exit 1.

mod common;

use common::{article, json_report, root, run};
use serde_json::Value;

const FOLDER: &str = "fixtures/inputs/bad-folder";
const JSONL: &str = "fixtures/inputs/bad.jsonl";
const CSV: &str = "fixtures/inputs/bad.csv";

fn reason<'r>(report: &'r Value, id: &str) -> &'r str {
    let a = article(report, id);
    assert_eq!(a["status"], "skipped", "{a:#}");
    a["reason"].as_str().unwrap()
}

#[test]
fn invalid_utf8_names_the_file_and_byte_offset() {
    let report = json_report(&["compare", FOLDER]);
    assert_eq!(
        reason(&report, "enabbaladi/latin1"),
        "fixtures/inputs/bad-folder/enabbaladi/latin1.txt: not valid UTF-8 (byte offset 6)"
    );
    let report = json_report(&["compare", JSONL]);
    let r = reason(&report, "fixtures/inputs/bad.jsonl:10");
    assert!(
        r.starts_with("fixtures/inputs/bad.jsonl:10: not valid UTF-8 (byte offset "),
        "{r}"
    );
    // The offset points at the bad byte in the file.
    let bytes = std::fs::read(root().join(JSONL)).unwrap();
    let offset: usize = r
        .rsplit("offset ")
        .next()
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(std::str::from_utf8(&bytes[offset..offset + 1]).is_err());
}

#[test]
fn empty_whitespace_only_and_binary_files_are_skipped() {
    let report = json_report(&["compare", FOLDER]);
    assert!(reason(&report, "alwatan/empty").ends_with("empty.txt: empty"));
    assert!(reason(&report, "alwatan/blank").ends_with("blank.txt: empty (only whitespace)"));
    assert!(
        reason(&report, "enabbaladi/binary").contains("binary data (NUL byte at byte offset 8)")
    );
    assert_eq!(report["summary"]["articles_used"], 2);
}

#[test]
fn non_text_files_in_a_folder_are_mentioned() {
    let (code, _, stderr) = run(&["compare", FOLDER]);
    assert_eq!(code, 0);
    assert!(
        stderr.contains("ignored 1 file(s) that are not .txt"),
        "{stderr}"
    );
}

#[test]
fn every_malformed_jsonl_line_is_a_skipped_article_naming_its_line() {
    let report = json_report(&["compare", JSONL]);
    let expect = [
        (
            "fixtures/inputs/bad.jsonl:2",
            "fixtures/inputs/bad.jsonl:2: not valid JSON: EOF while parsing a string (column 48)",
        ),
        ("no-text", "fixtures/inputs/bad.jsonl:3: no `text` field"),
        (
            "number-text",
            "fixtures/inputs/bad.jsonl:5: `text` is not a string but a number",
        ),
        (
            "no-outlet",
            "fixtures/inputs/bad.jsonl:6: no `outlet` (or `series`) field",
        ),
        (
            "empty-text",
            "fixtures/inputs/bad.jsonl:7: text is empty (only whitespace)",
        ),
        (
            "fixtures/inputs/bad.jsonl:8",
            "fixtures/inputs/bad.jsonl:8: not a JSON object",
        ),
    ];
    for (id, why) in expect {
        assert_eq!(reason(&report, id), why);
    }
    // The blank line 4 is not an article; the other 9 lines are all accounted for.
    assert_eq!(report["articles"].as_array().unwrap().len(), 9);
    assert_eq!(article(&report, "ok-1")["status"], "used");
    assert_eq!(article(&report, "ok-1")["extra"]["lang"], "ar");
    let series = article(&report, "bad-date");
    assert_eq!(series["outlet"], "alwatan");
    assert_eq!(series["status"], "used");
    assert!(
        series["warnings"][0]
            .as_str()
            .unwrap()
            .contains("not an ISO date")
    );
}

#[test]
fn malformed_csv_rows_are_skipped_naming_their_line() {
    let report = json_report(&["compare", CSV]);
    assert_eq!(
        reason(&report, "fixtures/inputs/bad.csv:5"),
        "fixtures/inputs/bad.csv:5: malformed CSV row: row has 3 fields, the header has 5"
    );
    assert_eq!(
        reason(&report, "c-3"),
        "fixtures/inputs/bad.csv:6: text is empty"
    );
    assert_eq!(article(&report, "c-1")["extra"]["extra_col"], "x");
}

#[test]
fn invalid_utf8_in_a_csv_field_names_row_and_offset() {
    let report = json_report(&[
        "compare",
        "fixtures/inputs/bad-utf8.csv",
        "fixtures/inputs/bad-folder/sana",
    ]);
    assert_eq!(
        reason(&report, "fixtures/inputs/bad-utf8.csv:2"),
        "fixtures/inputs/bad-utf8.csv:2: column `text` is not valid UTF-8 (byte 2 of the field; the row starts at byte offset 20 in the file)"
    );
}

#[test]
fn a_csv_without_a_text_column_is_an_error() {
    let (code, stdout, stderr) = run(&["compare", "fixtures/inputs/no-text-column.csv"]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert_eq!(
        stderr.trim(),
        "isnad: error: fixtures/inputs/no-text-column.csv: the header row has no `text` column (columns: id, outlet, body)"
    );
}

#[test]
fn an_empty_jsonl_file_is_accounted_for() {
    let report = json_report(&[
        "compare",
        "fixtures/inputs/empty.jsonl",
        "fixtures/inputs/bad-folder/sana",
    ]);
    assert_eq!(
        reason(&report, "fixtures/inputs/empty.jsonl"),
        "fixtures/inputs/empty.jsonl: empty: no articles"
    );
}

#[test]
fn articles_over_the_size_limit_are_skipped_and_say_so() {
    let report = json_report(&[
        "compare",
        "fixtures/inputs/saudinewsnet-sample.jsonl",
        FOLDER,
        "--max-article-bytes",
        "2900",
    ]);
    let r = reason(&report, "fixtures/inputs/saudinewsnet-sample.jsonl:3");
    assert!(
        r.contains("over the limit of 2900 bytes per article (--max-article-bytes)"),
        "{r}"
    );
    // Short lines around it are still read.
    assert_eq!(article(&report, "was:1386998")["status"], "used");
    let folder_file = reason(&report, "enabbaladi/latin1");
    assert!(folder_file.contains("UTF-8"));
}

#[test]
fn warnings_go_to_stderr_and_strict_fails_but_still_writes_the_report() {
    let (code, stdout, stderr) = run(&["compare", FOLDER, "--format", "json"]);
    assert_eq!(code, 0);
    assert!(
        stderr.contains(
            "isnad: warning: skipped fixtures/inputs/bad-folder/alwatan/empty.txt: empty"
        )
    );
    serde_json::from_str::<Value>(&stdout).unwrap();

    let (code, stdout, stderr) = run(&["compare", FOLDER, "--format", "json", "--strict"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("isnad: error: 4 article(s) skipped and --strict is set"),
        "{stderr}"
    );
    serde_json::from_str::<Value>(&stdout).unwrap();

    let (code, _, stderr) = run(&["compare", FOLDER, "--quiet"]);
    assert_eq!(code, 0);
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn duplicate_ids_are_an_error_naming_both_places() {
    let (code, stdout, stderr) = run(&[
        "compare",
        "fixtures/inputs/dup-a.jsonl",
        "fixtures/inputs/dup-b.jsonl",
    ]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert_eq!(
        stderr.trim(),
        "isnad: error: duplicate article id \"same\": fixtures/inputs/dup-a.jsonl:1 and fixtures/inputs/dup-b.jsonl:2"
    );
}

#[test]
fn a_missing_path_is_an_error_and_a_bad_flag_a_usage_error() {
    let (code, _, stderr) = run(&["compare", "fixtures/does-not-exist"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("cannot read fixtures/does-not-exist"),
        "{stderr}"
    );
    assert_eq!(run(&["compare", "fixtures/seeds", "--no-such-flag"]).0, 2);
    assert_eq!(run(&["compare"]).0, 2);
    assert_eq!(run(&["compare", "fixtures/seeds", "--format", "xml"]).0, 2);
    assert_eq!(
        run(&["compare", "fixtures/seeds", "--min-score", "1.5"]).0,
        2
    );
}

#[test]
fn bad_input_articles_snapshot() {
    // Reading and skip reasons only: independent of the segmenter and scorer.
    let report = json_report(&["compare", FOLDER, JSONL, CSV, "fixtures/inputs/empty.jsonl"]);
    let lines: Vec<String> = report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            format!(
                "{} [{}] {} {}",
                a["status"].as_str().unwrap(),
                a["outlet"].as_str().unwrap(),
                a["id"].as_str().unwrap(),
                a["reason"].as_str().unwrap_or("")
            )
            .trim_end()
            .to_string()
        })
        .collect();
    insta::assert_snapshot!(lines.join("\n"));
}
