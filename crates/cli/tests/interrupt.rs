//! Ctrl-C (SIGINT) or SIGTERM during a run: the hidden temporary report file
//! is removed and the exit status is 130. The run is held in a known state
//! without timing: it reads JSONL from a stdin that the test keeps open, so
//! it blocks in reading after it has created its temporary file.

#![cfg(unix)]

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn temp_files(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".isnad-tmp"))
        .collect()
}

fn interrupted_by(signal: &str) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.json");
    std::fs::write(&out, "the previous report").unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .current_dir(common::root())
        .args(["compare", "-", "-o", out.to_str().unwrap()])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    writeln!(
        stdin,
        r#"{{"id":"a","outlet":"x","text":"قال الوزير إن الاجتماع انتهى."}}"#
    )
    .unwrap();
    stdin.flush().unwrap();
    // The temporary file is created before the input is read; wait for it
    // (polling, with a generous cap that only a broken build reaches).
    let mut waited = 0;
    while temp_files(dir.path()).is_empty() {
        assert!(
            waited < 6_000,
            "no temporary report file appeared in {}",
            dir.path().display()
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
        waited += 1;
    }
    let status = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let output = child.wait_with_output().unwrap();
    drop(stdin);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(130), "{signal}: {stderr}");
    assert!(stderr.ends_with("isnad: interrupted\n"), "{stderr}");
    assert_eq!(temp_files(dir.path()), Vec::<PathBuf>::new(), "{signal}");
    // The previous report is untouched.
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "the previous report"
    );
}

#[test]
fn ctrl_c_removes_the_temporary_report_and_exits_130() {
    interrupted_by("-INT");
}

#[test]
fn sigterm_removes_the_temporary_report_and_exits_130() {
    interrupted_by("-TERM");
}
