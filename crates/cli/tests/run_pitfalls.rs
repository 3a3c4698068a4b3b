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
        "isnad: warning: a00: date \"01/03/2017\" is not an ISO date (YYYY-MM-DD); treated as undated"
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

#[test]
fn zero_threads_is_a_usage_error() {
    for args in [
        ["--threads", "0", "compare", SEEDS],
        ["compare", SEEDS, "-j", "0"],
    ] {
        let (code, stdout, stderr) = run(&args);
        assert_eq!((code, stdout.as_str()), (2, ""), "{stderr}");
        assert!(
            stderr.starts_with("error: invalid value '0' for '--threads <N>': must be at least 1"),
            "{stderr}"
        );
    }
    let (code, _, stderr) = run(&["compare", SEEDS, "-j", "1"]);
    assert_eq!(code, 0, "{stderr}");
}
