//! `isnad segment`, `isnad score`, `isnad explain`, `--help`, exit codes and pipes.

mod common;

use common::{isnad, root, run};
use serde_json::Value;
use std::io::Read;

const SANA: &str = "fixtures/seeds/sana/003_424fbe4dbe17e1ac.txt";

#[test]
fn segment_jsonl_units_slice_the_file_and_lines_leave_out_clauses() {
    let (code, jsonl, _) = run(&["segment", SANA, "--format", "jsonl"]);
    assert_eq!(code, 0);
    let text = std::fs::read_to_string(root().join(SANA)).unwrap();
    let units: Vec<Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!units.is_empty());
    for (i, u) in units.iter().enumerate() {
        assert_eq!(u["id"], i);
        let (s, e) = (
            u["start"].as_u64().unwrap() as usize,
            u["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], u["text"].as_str().unwrap());
        assert!(u.get("parent").is_some());
        if u["kind"] == "clause" {
            assert!(u["parent"].is_u64());
        }
    }
    let (code, lines, _) = run(&["segment", SANA]);
    assert_eq!(code, 0);
    let expected: Vec<String> = units
        .iter()
        .filter(|u| u["kind"] != "clause")
        .map(|u| u["text"].as_str().unwrap().replace(['\n', '\r'], " "))
        .collect();
    assert_eq!(lines.lines().collect::<Vec<_>>(), expected);
}

#[test]
fn segment_reads_stdin() {
    let out = isnad(&["segment", "-"])
        .write_stdin("قال الوزير إن الاجتماع انتهى. وأضاف أن الجولة المقبلة في أيار.")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 2);
}

#[test]
fn segment_jsonl_marks_pieces_of_text_cut_for_length() {
    let dump: String = (0..2_500).map(|i| format!("w{} ", i % 50)).collect();
    let out = isnad(&["segment", "-f", "jsonl"])
        .write_stdin(format!("{dump}\nقال الوزير إن الاجتماع انتهى."))
        .output()
        .unwrap();
    assert!(out.status.success());
    let units: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let cut: Vec<bool> = units.iter().map(|u| u["cut"] == true).collect();
    assert_eq!(cut, [true, true, true, false]);
    assert!(units[3].get("cut").is_none());
}

/// Chinese and Japanese have no spaces: every Han or kana character is a
/// token, so a sentence with two words changed still matches, and unrelated
/// sentences do not.
#[test]
fn cjk_pairs_score_by_their_characters() {
    let zh = "中国外交部发言人今天表示，双方将继续举行会谈。";
    let ja = "首相は来週、米国を訪問して大統領と会談する予定だと述べた。";
    let pairs = [
        (zh, zh),
        (zh, "东京股市周一收盘上涨，投资者关注央行政策。"),
        (zh, "中国外交部发言人周二表示，双方将继续举行谈判。"),
        (ja, "東京の株価は円安を受けて大幅に上昇した。"),
        (
            ja,
            "首相は来月、中国を訪問して主席と会談する予定だと述べた。",
        ),
    ];
    let input: String = pairs.iter().map(|(a, b)| format!("{a}\t{b}\n")).collect();
    let out = isnad(&["score", "--pairs", "-"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<(f64, &str)> = stdout
        .lines()
        .map(|l| {
            let (score, tier) = l.split_once('\t').unwrap();
            (score.parse().unwrap(), tier)
        })
        .collect();
    assert_eq!(rows[0], (1.0, "verbatim"));
    for unrelated in [1, 3] {
        assert_eq!(rows[unrelated].1, "none", "{stdout}");
        assert!(rows[unrelated].0 < 0.2, "{stdout}");
    }
    // Two of twenty characters changed: still the same statement.
    for edited in [2, 4] {
        assert_ne!(rows[edited].1, "none", "{stdout}");
        assert!(rows[edited].0 > 0.7, "{stdout}");
    }
}

#[test]
fn segment_invalid_utf8_is_an_error_with_the_byte_offset() {
    let (code, stdout, stderr) = run(&[
        "segment",
        "fixtures/inputs/bad-folder/enabbaladi/latin1.txt",
    ]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert_eq!(
        stderr.trim(),
        "isnad: error: fixtures/inputs/bad-folder/enabbaladi/latin1.txt:1: not valid UTF-8 (byte offset 6)"
    );
}

#[test]
fn score_prints_one_score_and_tier_per_pair_in_order() {
    let s = "أكد الرئيسان خلال اتصال هاتفي دعمهما غير المشروط للإجراءات التي تتخذها سورية";
    let input = format!("{s}\t{s}\n{s}\tانخفضت أسعار النفط في الأسواق العالمية اليوم\n");
    let out = isnad(&["score", "--pairs", "-"])
        .write_stdin(input.clone())
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<Vec<&str>> = stdout.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0], vec!["1.0000", "verbatim"]);
    assert_eq!(lines[1][1], "none");
    let score: f64 = lines[1][0].parse().unwrap();
    assert!((0.0..=1.0).contains(&score));

    let out = isnad(&["score", "--pairs", "-", "--format", "jsonl"])
        .write_stdin(input)
        .output()
        .unwrap();
    let first: Value = serde_json::from_str(
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(first["tier"], "verbatim");
    assert_eq!(first["line"], 1);
    assert!(
        first["components"]
            .as_object()
            .is_some_and(|c| !c.is_empty())
    );
    assert_eq!(first["shared_a"], s);
}

#[test]
fn score_rejects_a_line_without_a_tab_naming_it() {
    let out = isnad(&["score", "--pairs", "-"])
        .write_stdin("a\tb\nno tab here\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap().trim(),
        "isnad: error: <stdin>:2: no tab; expected text_a<TAB>text_b"
    );
}

#[test]
fn explain_shows_tier_components_and_shared_text() {
    let s = "أكد الرئيسان خلال اتصال هاتفي دعمهما غير المشروط للإجراءات التي تتخذها سورية";
    let (code, stdout, _) = run(&["explain", s, s]);
    assert_eq!(code, 0);
    assert!(
        stdout.starts_with("tier:  verbatim\nscore: 1.0000\n"),
        "{stdout}"
    );
    assert!(stdout.contains("components:"));
    assert!(stdout.contains(&format!("\u{2068}{s}\u{2069}")));
    let (code, stdout, _) = run(&["explain", s, "انخفضت أسعار النفط في الأسواق العالمية اليوم"]);
    assert_eq!(code, 0);
    assert!(
        stdout.starts_with("tier:  none (not the same statement)"),
        "{stdout}"
    );
    let (_, json, _) = run(&["explain", s, s, "--format", "json"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["tier"], "verbatim");
}

#[test]
fn every_subcommand_has_help_with_an_example() {
    for sub in ["compare", "segment", "score", "explain"] {
        let (code, stdout, _) = run(&[sub, "--help"]);
        assert_eq!(code, 0, "{sub}");
        assert!(stdout.contains("Example"), "{sub} --help has an example");
    }
    let (code, stdout, _) = run(&["--help"]);
    assert_eq!(code, 0);
    for sub in ["compare", "segment", "score", "explain"] {
        assert!(stdout.contains(sub));
    }
}

#[test]
fn a_closed_output_pipe_is_not_an_error() {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("isnad"))
        .current_dir(root())
        .args([
            "compare",
            "fixtures/inputs/saudinewsnet-sample.jsonl",
            "--format",
            "json",
            "--quiet",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "exit {status:?}, stderr: {stderr}");
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn compare_stats_prints_each_stage_and_the_matcher_counts() {
    let (code, out, err) = run(&[
        "compare",
        "-q",
        "--stats",
        "-f",
        "json",
        "fixtures/inputs/saudinewsnet-sample.jsonl",
    ]);
    assert_eq!(code, 0, "{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    let stages: Vec<&str> = err
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    for stage in ["reading", "segmenting", "features", "statements", "total"] {
        assert!(stages.contains(&stage), "no {stage} row in:\n{err}");
    }
    // The counts line agrees with the report.
    let matches = report["summary"]["matches"].as_u64().unwrap();
    assert!(matches > 0);
    assert!(err.contains(&format!("report matches {matches}")), "{err}");
    // Without --stats, nothing of it.
    let (_, _, quiet) = run(&["compare", "-q", "fixtures/inputs/saudinewsnet-sample.jsonl"]);
    assert!(!quiet.contains("cpu s"), "{quiet}");
}
