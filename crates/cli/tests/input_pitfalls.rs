//! Input a newcomer or a monitoring desk hands isnad by mistake: files
//! from Windows editors and spreadsheets, a JSON array, CSV with a stray
//! quote, a flat folder, a mistyped folder, padded outlet names, and bad
//! `isnad score --pairs` lines. Each case either reads right or says what is
//! wrong, naming the file and line; nothing vanishes silently.
//! Fixtures: `fixtures/bad-input/` (see its README).

mod common;

use common::{article, json_report, run};
use serde_json::Value;

const DIR: &str = "fixtures/bad-input";

fn statuses(report: &Value) -> Vec<(String, String)> {
    report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["id"].as_str().unwrap().to_string(),
                a["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_byte_order_mark_opens_a_jsonl_file_not_its_first_record() {
    // Saved by a Windows editor: BOM and CRLF line ends.
    let report = json_report(&["compare", &format!("{DIR}/bom.jsonl")]);
    assert_eq!(
        statuses(&report),
        [
            ("bom-1".into(), "used".into()),
            ("bom-2".into(), "used".into())
        ]
    );
    assert_eq!(article(&report, "bom-1")["line"], 1);
    assert_eq!(report["summary"]["cross_outlet_statements"], 1);
}

#[test]
fn a_byte_order_mark_opens_a_jsonl_manifest() {
    let (code, stdout, stderr) = run(&[
        "compare",
        &format!("{DIR}/bom-manifest"),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(article(&report, "sana/a")["outlet"], "SANA");
    assert_eq!(article(&report, "alwatan/b")["date"], "2021-02-18");
}

#[test]
fn a_json_array_or_tsv_file_is_an_error_not_one_plain_text_article() {
    for (file, hint) in [
        ("articles.json", "jq -c '.[]'"),
        ("articles.tsv", "a `.tsv` file"),
    ] {
        let path = format!("{DIR}/{file}");
        let (code, stdout, stderr) = run(&["compare", &path, "--format", "json"]);
        assert_eq!(code, 1, "{file}: {stderr}");
        assert!(stdout.is_empty(), "{file}: {stdout}");
        assert!(
            stderr.starts_with(&format!("isnad: error: {path}: cannot tell how to read")),
            "{stderr}"
        );
        assert!(stderr.contains(hint), "{stderr}");
    }
}

#[test]
fn a_stray_csv_quote_skips_its_row_naming_the_lines_it_took_in() {
    // Row q-1 opens a quote it never closes; the lenient parse would glue row
    // q-2 into q-1's text and q-2 would vanish from the report.
    let path = format!("{DIR}/unbalanced-quote.csv");
    let report = json_report(&["compare", &path]);
    let at = format!("{path}:2");
    assert_eq!(
        statuses(&report),
        [
            (at.clone(), "skipped".into()),
            ("q-3".into(), "used".into())
        ]
    );
    assert_eq!(
        article(&report, &at)["reason"],
        format!(
            "{at}: malformed CSV row (lines 2–3): text after the closing quote of a quoted field: an unbalanced `\"` may have joined the following rows into this one"
        )
    );

    let path = format!("{DIR}/unclosed-quote.csv");
    let report = json_report(&["compare", &path]);
    let at = format!("{path}:3");
    assert_eq!(
        statuses(&report),
        [
            ("u-1".into(), "used".into()),
            (at.clone(), "skipped".into())
        ]
    );
    let reason = article(&report, &at)["reason"].as_str().unwrap();
    assert!(
        reason.contains("(lines 3–4): a quoted field is never closed"),
        "{reason}"
    );
    let (code, _, _) = run(&["compare", &path, "--strict", "--quiet"]);
    assert_eq!(code, 1);
}

#[test]
fn quotes_inside_csv_fields_are_still_fine() {
    let report = json_report(&["compare", &format!("{DIR}/quotes-ok.csv")]);
    assert_eq!(
        statuses(&report),
        [
            ("ok-1".into(), "used".into()),
            ("ok-2".into(), "used".into())
        ]
    );
}

#[test]
fn a_folder_without_txt_files_is_named() {
    let folder = format!("{DIR}/no-txt");
    let (code, _, stderr) = run(&["compare", &folder, &format!("{DIR}/bom.jsonl")]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "isnad: warning: {folder}: no .txt files in this folder; ignored 1 file(s) that are not .txt"
        )),
        "{stderr}"
    );
    // Alone, the error says why nothing was found.
    let (code, _, stderr) = run(&["compare", &folder]);
    assert_eq!(code, 1);
    assert!(
        stderr.starts_with(&format!(
            "isnad: error: no articles found in {folder}\n  {folder}: no .txt files in this folder"
        )),
        "{stderr}"
    );
}

#[test]
fn articles_all_from_one_outlet_get_a_hint() {
    // A flat folder: every file's outlet is the folder name, so a default
    // (cross-outlet) run finds nothing; say why.
    let (code, _, stderr) = run(&["compare", &format!("{DIR}/flat"), "--format", "json"]);
    assert_eq!(code, 0);
    assert!(
        stderr.contains("warning: all 2 readable articles are from one outlet (flat)"),
        "{stderr}"
    );
    let (_, _, stderr) = run(&["compare", &format!("{DIR}/bom.jsonl")]);
    assert!(!stderr.contains("one outlet"), "{stderr}");
}

#[test]
fn outlet_names_padded_with_spaces_are_one_outlet() {
    let path = format!("{DIR}/outlet-spaces.jsonl");
    let report = json_report(&["compare", &path]);
    assert_eq!(article(&report, "s-1")["outlet"], "sana");
    assert_eq!(article(&report, "s-4")["outlet"], "alwatan");
    // `"sana "` and `"sana"` carry the same sentence: not a cross-outlet repeat.
    assert_eq!(report["summary"]["cross_outlet_statements"], 0);
    assert_eq!(
        article(&report, "s-3")["reason"],
        format!("{path}:3: no `outlet` (or `series`) field")
    );
}

#[test]
fn score_names_a_blank_line_and_the_line_of_invalid_utf8() {
    let out = common::isnad(&["score", "--pairs", "-"])
        .write_stdin("a\tb\n\nc\td\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8(out.stderr).unwrap().trim(),
        "isnad: error: <stdin>:2: empty line; expected text_a<TAB>text_b (one pair per line, no blank lines)"
    );

    let out = common::isnad(&["score", "--pairs", "-"])
        .write_stdin(b"a\tb\nc\xff\td\n".to_vec())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap().trim(),
        "isnad: error: <stdin>:2: not valid UTF-8 (byte offset 5)"
    );
}

#[test]
fn a_run_where_no_article_can_be_used_is_an_error() {
    // CSV piped into `-` (which reads JSONL): every line is skipped, and an
    // empty report with exit 0 would pass for a clean run.
    let out = common::isnad(&["compare", "-", "--format", "json"])
        .write_stdin("id,outlet,text\n1,sana,نص\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "isnad: error: none of the 2 article(s) read can be used:\n  -:1: not valid JSON: expected value (column 1)\n  -:2: not valid JSON: trailing characters (column 2)\n"
    );
}

#[test]
fn a_manifest_listing_a_file_twice_with_other_metadata_is_an_error() {
    let (code, stdout, stderr) = run(&["compare", &format!("{DIR}/dup-manifest")]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert_eq!(
        stderr.trim(),
        format!(
            "isnad: error: {DIR}/dup-manifest/manifest.csv:4: manifest lists ./sana/a.txt again with other metadata (first at {DIR}/dup-manifest/manifest.csv:2)"
        )
    );
}

#[test]
fn a_file_named_twice_is_read_once() {
    // Overlapping globs (`*.jsonl data/*.jsonl`) used to fail with
    // `duplicate article id "bom-1": X:1 and X:1`.
    let path = format!("{DIR}/bom.jsonl");
    let again = format!("./{path}");
    let (code, stdout, stderr) = run(&["compare", &path, &again, "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stderr.trim(),
        format!(
            "isnad: warning: {again}: already read (named twice, or inside a folder given too); read once"
        )
    );
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["summary"]["articles"], 2);
}

#[test]
fn utf16_files_are_named_as_utf16_not_as_binary() {
    const WHY: &str = "UTF-16LE text (it starts with a byte-order mark), isnad reads UTF-8: convert it first, e.g. `iconv -f UTF-16 -t UTF-8`";
    let report = json_report(&["compare", &format!("{DIR}/utf16")]);
    assert_eq!(
        article(&report, "sana/notepad")["reason"],
        format!("{DIR}/utf16/sana/notepad.txt: {WHY}")
    );
    // A whole JSONL file in UTF-16 is an error, not one bad line per record.
    let path = format!("{DIR}/utf16.jsonl");
    let (code, _, stderr) = run(&["compare", &path]);
    assert_eq!(code, 1);
    assert_eq!(stderr.trim(), format!("isnad: error: {path}: {WHY}"));
    let (code, _, stderr) = run(&["segment", &format!("{DIR}/utf16/sana/notepad.txt")]);
    assert_eq!(code, 1);
    assert!(stderr.contains(WHY), "{stderr}");
}

#[test]
fn a_field_under_another_case_is_pointed_out() {
    let path = format!("{DIR}/field-case.jsonl");
    let report = json_report(&["compare", &path]);
    assert_eq!(
        article(&report, &format!("{path}:1"))["reason"],
        format!("{path}:1: no `text` field (there is `Text`: field names are lower case)")
    );
    assert_eq!(
        article(&report, "c-2")["reason"],
        format!("{path}:2: no `text` field (there is `TEXT`: field names are lower case)")
    );
    assert_eq!(article(&report, "c-3")["status"], "used");
}

#[test]
fn a_csv_without_an_outlet_column_is_an_error_like_one_without_text() {
    // Every row would be skipped for the same reason; with other inputs the
    // run would otherwise go on without the whole file.
    let path = format!("{DIR}/no-outlet-column.csv");
    let (code, stdout, stderr) = run(&["compare", &path, &format!("{DIR}/bom.jsonl")]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert_eq!(
        stderr.trim(),
        format!(
            "isnad: error: {path}: the header row has no `outlet` or `series` column (columns: id, date, text)"
        )
    );
}

#[test]
fn compare_help_says_which_files_are_read() {
    let (code, stdout, _) = run(&["compare", "--help"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("*.txt         one article"), "{stdout}");
    assert!(
        stdout.contains("other file types\n(.json, .tsv, …) are an error"),
        "{stdout}"
    );
}

#[test]
fn two_folders_of_the_same_layout_do_not_clash() {
    // Daily exports `day1/sana/001.txt`, `day2/sana/001.txt`: the ids
    // relative to each folder are the same, which used to be a "duplicate
    // id" error the user could not fix without renaming files.
    let (day1, day2) = (format!("{DIR}/days/day1"), format!("{DIR}/days/day2"));
    let (code, stdout, stderr) = run(&["compare", &day1, &day2, "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "warning: {day2}: file names also read from another input, so this folder's article ids include its path ({day2}/alwatan/001)"
        )),
        "{stderr}"
    );
    let report: Value = serde_json::from_str(&stdout).unwrap();
    let ids: Vec<_> = statuses(&report).into_iter().map(|(id, _)| id).collect();
    assert_eq!(
        ids,
        [
            "alwatan/001".to_string(),
            "sana/001".to_string(),
            format!("{day2}/alwatan/001"),
            format!("{day2}/sana/001"),
        ]
    );
    assert_eq!(report["summary"]["articles_used"], 4);
    assert_eq!(report["summary"]["cross_outlet_statements"], 2);
}

#[test]
fn a_semicolon_separated_csv_is_read_as_such() {
    // Spreadsheets in locales with a decimal comma save CSV with `;`; read
    // with commas, the header has no `text` column and the file is refused.
    let path = format!("{DIR}/semicolon.csv");
    let (code, stdout, stderr) = run(&["compare", &path, "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stderr.trim(),
        format!(
            "isnad: warning: {path}: the header row has no comma but `;`: read as semicolon-separated"
        )
    );
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        statuses(&report),
        [
            ("sc-1".into(), "used".into()),
            ("sc-2".into(), "used".into())
        ]
    );
    assert_eq!(article(&report, "sc-2")["outlet"], "alwatan");
    assert_eq!(report["summary"]["cross_outlet_statements"], 1);
}

#[test]
fn csv_manifests_name_the_right_line_and_refuse_a_stray_quote() {
    let dir = format!("{DIR}/crlf-manifest");
    let report = json_report(&["compare", &dir]);
    let reason = article(&report, "sana/missing")["reason"].as_str().unwrap();
    assert!(
        reason.contains(&format!(
            "listed in {dir}/manifest.csv:3 but cannot be read"
        )),
        "{reason}"
    );

    let dir = format!("{DIR}/quote-manifest");
    let (code, _, stderr) = run(&["compare", &dir]);
    assert_eq!(code, 1);
    assert_eq!(
        stderr.trim(),
        format!(
            "isnad: error: manifest {dir}/manifest.csv:2: malformed CSV row: a quoted field is never closed: it runs to the end of the file, taking every following row into this one"
        )
    );
}

#[test]
fn absolute_paths_make_ids_with_one_leading_slash() {
    let file = common::root()
        .join(DIR)
        .join("flat/one.txt")
        .canonicalize()
        .unwrap();
    let file = file.to_str().unwrap();
    let report = json_report(&["compare", file, &format!("{DIR}/bom.jsonl")]);
    let expected = file.strip_suffix(".txt").unwrap();
    let a = article(&report, expected);
    assert_eq!(a["path"], file);
    assert!(!a["id"].as_str().unwrap().starts_with("//"));
}

#[test]
fn a_byte_order_mark_inside_joined_jsonl_files_is_not_a_bad_record() {
    let report = json_report(&["compare", &format!("{DIR}/concatenated.jsonl")]);
    assert_eq!(
        statuses(&report),
        [
            ("bom-1".into(), "used".into()),
            ("bom-2".into(), "used".into()),
            ("bom-3".into(), "used".into())
        ]
    );
}

#[test]
fn unit_offsets_count_from_after_a_byte_order_mark() {
    // The README says so: a unit's `start`/`end` slice the article text,
    // which does not include the BOM; a skip's byte offset counts file bytes.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("sana")).unwrap();
    std::fs::create_dir_all(dir.path().join("watan")).unwrap();
    let text = "The minister said the talks ended today. He added more.\n";
    std::fs::write(dir.path().join("sana/a.txt"), format!("\u{FEFF}{text}")).unwrap();
    std::fs::write(dir.path().join("watan/b.txt"), text).unwrap();
    std::fs::write(dir.path().join("watan/c.txt"), b"\xEF\xBB\xBFab\xFFcd").unwrap();
    let root = dir.path().to_str().unwrap();
    let report = json_report(&["compare", root]);
    let unit = report["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["id"] == "sana/a#1")
        .unwrap();
    assert_eq!(unit["text"], "He added more.");
    assert_eq!(
        common::slice(text, &serde_json::json!([unit["start"], unit["end"]])),
        "He added more."
    );
    assert_eq!(
        article(&report, "watan/c")["reason"],
        format!("{root}/watan/c.txt: not valid UTF-8 (byte offset 5)")
    );
}
