//! Mistakes in how a run is asked for and where its report goes: an output
//! folder that does not exist (found only after a long analysis), a write
//! error that does not say which file, an output extension that names no
//! format, a corpus whose every article warns, a hint that does not apply,
//! and `--threads 0`. Each is said clearly, early where it can be, and a
//! previous report is never destroyed by a failed run.

mod common;

use common::{isnad, run};
use serde_json::Value;
use std::path::Path;

const FLAT: &str = "fixtures/bad-input/flat";
const SEEDS: &str = "fixtures/seeds";

fn path_str(p: &Path) -> &str {
    p.to_str().expect("temporary paths are UTF-8")
}

/// `isnad` as a plain process, for tests that hand it their own stdout.
fn isnad_process(args: &[&str]) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_isnad"));
    cmd.current_dir(common::root()).args(args);
    cmd
}

/// The files in a folder, sorted (to see that no temporary file is left behind).
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_missing_output_folder_is_an_error_before_the_input_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing");
    let out = missing.join("r.json");
    let expected = format!(
        "isnad: error: cannot write {}: folder {} does not exist\n",
        out.display(),
        missing.display()
    );
    let (code, stdout, stderr) = run(&["compare", SEEDS, "-o", path_str(&out)]);
    assert_eq!((code, stdout.as_str()), (1, ""), "{stderr}");
    assert_eq!(stderr, expected);
    // Checked before reading: a bad input is not even looked at, so the
    // error the user would otherwise meet only after the analysis comes first.
    let (code, _, stderr) = run(&["compare", "no/such/input", "-o", path_str(&out)]);
    assert_eq!(code, 1);
    assert_eq!(stderr, expected);
    // A folder given as the output file.
    let (code, _, stderr) = run(&["compare", "no/such/input", "-o", path_str(dir.path())]);
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        format!(
            "isnad: error: cannot write {}: it is a folder\n",
            dir.path().display()
        )
    );
}

#[test]
fn a_failed_run_keeps_the_previous_report_and_a_good_one_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.json");
    std::fs::write(&out, "previous report").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    // Fails after the output was checked: no article can be used.
    let (code, _, stderr) = run(&[
        "compare",
        "fixtures/bad-input/utf16.jsonl",
        "-o",
        path_str(&out),
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous report");
    assert_eq!(listing(dir.path()), ["report.json"]);

    let (code, _, stderr) = run(&["compare", SEEDS, "-o", path_str(&out)]);
    assert_eq!(code, 0, "{stderr}");
    let report: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(report["summary"]["articles"], 5);
    assert_eq!(listing(dir.path()), ["report.json"]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640, "the report keeps its permissions");
    }
}

#[test]
#[allow(clippy::print_stderr)]
fn write_errors_name_the_file_or_stdout() {
    if !Path::new("/dev/full").exists() {
        eprintln!("skipped: no /dev/full on this system");
        return;
    }
    let (code, _, stderr) = run(&["compare", SEEDS, "-o", "/dev/full"]);
    assert_eq!(code, 1);
    assert!(
        stderr.starts_with("isnad: error: cannot write /dev/full: "),
        "{stderr}"
    );
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = isnad_process(&["compare", SEEDS])
        .stdout(full)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.starts_with("isnad: error: cannot write to stdout: "),
        "{stderr}"
    );
}

#[test]
fn a_closed_stdout_pipe_is_a_quiet_success() {
    // `isnad compare … | head -1`: the reader is gone before the report is
    // written. Like other Unix tools, stop quietly with success.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = isnad_process(&["compare", SEEDS, "--format", "json"])
        .stdout(writer)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(stderr, "");
}

#[test]
fn an_output_extension_that_names_no_format_is_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let xml = dir.path().join("out.xml");
    let (code, _, stderr) = run(&["compare", SEEDS, "-o", path_str(&xml)]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.starts_with(&format!(
            "isnad: warning: {}: `.xml` is not a report format, writing the text report (choose with --format: text, json, jsonl, csv, html)\n",
            xml.display()
        )),
        "{stderr}"
    );
    assert!(
        std::fs::read_to_string(&xml)
            .unwrap()
            .starts_with("isnad: 5 articles")
    );
    // A known extension, an explicit format, or no extension: nothing to warn about.
    for args in [
        vec!["-o", "out.json"],
        vec!["-o", "out.xml", "--format", "text"],
        vec!["-o", "out"],
    ] {
        let seeds = common::root().join(SEEDS);
        let mut all = vec!["compare", path_str(&seeds)];
        all.extend(args.iter().map(|a| a.to_owned()));
        let out = isnad(&all).current_dir(dir.path()).output().unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(
            !stderr.contains("not a report format"),
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn article_warnings_are_capped_on_stderr_and_all_kept_in_the_report() {
    // A corpus dated dd/mm/yyyy: every article warns about its date.
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("dated.jsonl");
    let lines: String = (0..25)
        .map(|i| {
            format!(
                "{{\"id\":\"a{i:02}\",\"outlet\":\"o{}\",\"date\":\"{:02}/03/2017\",\"text\":\"Sentence number {i} of the corpus.\"}}\n",
                i % 3,
                i + 1
            )
        })
        .collect();
    std::fs::write(&corpus, lines).unwrap();
    let report = dir.path().join("report.json");
    let (code, _, stderr) = run(&["compare", path_str(&corpus), "-o", path_str(&report)]);
    assert_eq!(code, 0, "{stderr}");
    let warned: Vec<_> = stderr
        .lines()
        .filter(|l| l.contains("is not an ISO date"))
        .collect();
    assert_eq!(warned.len(), 20, "{stderr}");
    assert_eq!(
        warned[0],
        format!(
            "isnad: warning: {}:1: a00: date \"01/03/2017\" is not an ISO date (YYYY-MM-DD); treated as undated",
            corpus.display()
        )
    );
    assert!(
        stderr.contains(
            "isnad: warning: … and 5 more article warnings (all are listed in the report)\n"
        ),
        "{stderr}"
    );
    let report: Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    let listed = report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["warnings"].as_array().is_some_and(|w| w.len() == 1))
        .count();
    assert_eq!(listed, 25);
    // CSV rows are matches, not articles: point to a format that lists them.
    let (_, _, stderr) = run(&["compare", path_str(&corpus), "--format", "csv"]);
    assert!(
        stderr.contains("… and 5 more article warnings (`--format json` or `text` lists them all)"),
        "{stderr}"
    );
}

#[test]
fn the_one_outlet_hint_is_not_given_under_same_outlet() {
    let (code, _, stderr) = run(&["compare", FLAT, "--same-outlet"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("one outlet"), "{stderr}");
    let (_, _, stderr) = run(&["compare", FLAT]);
    assert!(stderr.contains("are from one outlet (flat)"), "{stderr}");
}

/// `args` (which give `option` the value 0) is a usage error: exit 2,
/// nothing on stdout, and clap's message saying the value must be at least 1.
fn assert_zero_is_a_usage_error(args: &[&str], option: &str) {
    let (code, stdout, stderr) = run(args);
    assert_eq!((code, stdout.as_str()), (2, ""), "{stderr}");
    let message = format!("error: invalid value '0' for '{option}': must be at least 1");
    assert!(stderr.starts_with(&message), "{stderr}");
}

#[test]
fn zero_threads_is_a_usage_error() {
    assert_zero_is_a_usage_error(&["--threads", "0", "compare", SEEDS], "--threads <N>");
    assert_zero_is_a_usage_error(&["compare", SEEDS, "-j", "0"], "--threads <N>");
    let (code, _, stderr) = run(&["compare", SEEDS, "-j", "1"]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn a_zero_posting_cap_is_a_usage_error() {
    assert_zero_is_a_usage_error(
        &["compare", SEEDS, "--posting-cap", "0"],
        "--posting-cap <N>",
    );
    let (code, _, stderr) = run(&["compare", SEEDS, "--posting-cap", "50"]);
    assert_eq!(code, 0, "{stderr}");
}

/// Two outlets with two articles each, in `dir`.
fn small_corpus(dir: &Path) {
    for (outlet, n, text) in [
        (
            "sana",
            1,
            "أكد الرئيسان خلال اتصال هاتفي دعمهما غير المشروط للإجراءات التي تتخذها سورية.",
        ),
        (
            "sana",
            2,
            "وناقش الجانبان سبل تطوير التعاون الاقتصادي والتجاري بين البلدين.",
        ),
        (
            "watan",
            1,
            "أكد الرئيسان خلال اتصال هاتفي دعمهما غير المشروط للإجراءات التي تتخذها سورية.",
        ),
        (
            "watan",
            2,
            "افتتحت البلدية حديقة عامة جديدة في الحي الشرقي بحضور عدد من الأهالي.",
        ),
    ] {
        std::fs::create_dir_all(dir.join(outlet)).unwrap();
        std::fs::write(dir.join(outlet).join(format!("{n}.txt")), text).unwrap();
    }
}

#[test]
fn a_report_written_into_the_input_folder_is_not_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    small_corpus(&corpus);
    // A report beside the outlet folders and one inside an outlet folder.
    for out in [
        corpus.join("report.txt"),
        corpus.join("sana").join("report.txt"),
    ] {
        let args = ["compare", path_str(&corpus), "-o", path_str(&out)];
        let (code, _, first) = run(&args);
        assert_eq!(code, 0, "{first}");
        assert!(first.contains("4 articles (0 skipped)"), "{first}");
        let (code, _, second) = run(&args);
        assert_eq!(code, 0, "{second}");
        assert!(second.contains("4 articles (0 skipped)"), "{second}");
        assert!(
            second.contains(&format!(
                "isnad: warning: {}: not read: it is this run's --output file (an earlier report); write reports outside the input folder\n",
                out.display()
            )),
            "{second}"
        );
        std::fs::remove_file(&out).unwrap();
    }
    // Through another spelling of the same path (`corpus/./report.txt`).
    let out = corpus.join("report.txt");
    run(&["compare", path_str(&corpus), "-o", path_str(&out)]);
    let other = corpus.join(".").join("report.txt");
    let (code, _, stderr) = run(&["compare", path_str(&corpus), "-o", path_str(&other)]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("4 articles (0 skipped)"), "{stderr}");
    assert!(
        stderr.contains("not read: it is this run's --output file"),
        "{stderr}"
    );
    // A JSON report in the folder is not counted among the ignored non-.txt files.
    std::fs::remove_file(&out).unwrap();
    let json = corpus.join("report.json");
    let args = ["compare", path_str(&corpus), "-o", path_str(&json)];
    run(&args);
    let (_, _, stderr) = run(&args);
    assert!(!stderr.contains("ignored 1 file"), "{stderr}");
    assert!(
        stderr.contains("not read: it is this run's --output file"),
        "{stderr}"
    );
}

#[test]
fn temporary_report_files_of_other_runs_are_not_read_and_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    small_corpus(&corpus);
    let stale = corpus.join("sana").join(".report.txt.Ab12Cd.isnad-tmp");
    std::fs::write(&stale, "isnad: 4 articles, half a report").unwrap();
    let out = corpus.join("report.txt");
    let (code, _, stderr) = run(&["compare", path_str(&corpus), "-o", path_str(&out)]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("4 articles (0 skipped)"), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "isnad: warning: {}: not read: 1 isnad temporary report file(s) ({}), left by an interrupted run or being written by another one\n",
            corpus.display(),
            stale.display()
        )),
        "{stderr}"
    );
    // This run's own temporary file (in the same folder) is not mentioned.
    assert_eq!(
        stderr.matches("temporary report file").count(),
        1,
        "{stderr}"
    );
}

#[test]
fn an_output_extension_that_names_another_format_than_the_one_asked_is_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("out.csv");
    let (code, _, stderr) = run(&["compare", SEEDS, "-f", "json", "-o", path_str(&csv)]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.starts_with(&format!(
            "isnad: warning: {}: the extension names the csv format, but --format json is given: writing the json report\n",
            csv.display()
        )),
        "{stderr}"
    );
    // Still a warning: the JSON report is written as asked.
    let report: Value = serde_json::from_str(&std::fs::read_to_string(&csv).unwrap()).unwrap();
    assert_eq!(report["summary"]["articles"], 5);
    // Without --format the extension decides; agreeing names are quiet.
    for args in [
        vec!["-o", "out.csv"],
        vec!["-o", "out.txt", "-f", "text"],
        vec!["-o", "out.ndjson", "-f", "jsonl"],
        vec!["-o", "out.htm", "-f", "html"],
        vec!["-o", "-", "-f", "json"],
    ] {
        let seeds = common::root().join(SEEDS);
        let mut all = vec!["compare", path_str(&seeds)];
        all.extend(args.iter().map(|a| a.to_owned()));
        let out = isnad(&all).current_dir(dir.path()).output().unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("extension"), "{args:?}: {stderr}");
    }
    let csv = std::fs::read_to_string(dir.path().join("out.csv")).unwrap();
    assert!(!csv.starts_with('{'), "{csv}");
}

#[test]
fn a_unit_cut_for_length_is_warned_about_with_file_line_and_length() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("dump.jsonl");
    let dump: String = (0..20_000).map(|i| format!("w{} ", i % 50)).collect();
    let lines = [
        serde_json::json!({"id": "ok", "outlet": "a", "text": "قال الوزير إن الاجتماع انتهى."}),
        serde_json::json!({"id": "dump", "outlet": "b", "text": format!("{dump}\nThe end of the table.")}),
    ];
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    std::fs::write(&corpus, text).unwrap();
    let report = dir.path().join("report.json");
    let (code, _, stderr) = run(&["compare", path_str(&corpus), "-o", path_str(&report)]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(dump.trim_end().len(), 75_999);
    let warned: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("without a sentence end"))
        .collect();
    assert_eq!(
        warned,
        [format!(
            "isnad: warning: {}:2: dump: 20,000 words without a sentence end (bytes 0..75,999) were cut into 20 pieces of at most 1,000 words",
            corpus.display(),
        )]
    );
    let report: Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    let dump_article = common::article(&report, "dump");
    assert_eq!(dump_article["warnings"].as_array().unwrap().len(), 1);
    assert_eq!(dump_article["units"], 21);
}
