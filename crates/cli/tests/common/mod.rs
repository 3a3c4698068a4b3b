//! Helpers shared by the CLI tests: run `isnad` from the repository root so
//! paths in the output are the short, stable `fixtures/...` ones.

#![allow(dead_code)]

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// The repository root (two levels above this crate).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `isnad` with the given arguments, run from the repository root, quiet
/// about colors (tests never run on a terminal, but be explicit).
pub fn isnad(args: &[&str]) -> Command {
    let mut cmd = Command::cargo_bin("isnad").expect("binary builds");
    cmd.current_dir(root()).args(args).env_remove("NO_COLOR");
    cmd
}

/// Runs `isnad` and returns (exit code, stdout, stderr).
pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = isnad(args).output().expect("isnad runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    )
}

/// Runs `isnad … --format json` and parses the report.
pub fn json_report(args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json", "--quiet"]);
    let (code, stdout, stderr) = run(&all);
    assert!(code == 0 || code == 1, "unexpected exit {code}: {stderr}");
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("report is not JSON ({e}): {stdout}"))
}

/// The article of the report with this id.
pub fn article<'r>(report: &'r serde_json::Value, id: &str) -> &'r serde_json::Value {
    report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id)
        .unwrap_or_else(|| panic!("no article {id} in {:#}", report["articles"]))
}

/// Slices `text` by a `[start, end]` JSON span, failing the test when the
/// span is out of bounds or not on character boundaries.
pub fn slice<'t>(text: &'t str, span: &serde_json::Value) -> &'t str {
    let (s, e) = (
        span[0].as_u64().unwrap() as usize,
        span[1].as_u64().unwrap() as usize,
    );
    text.get(s..e).unwrap_or_else(|| {
        panic!(
            "span {s}..{e} does not slice a text of {} bytes on char boundaries",
            text.len()
        )
    })
}
