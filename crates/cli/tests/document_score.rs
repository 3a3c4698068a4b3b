//! `isnad score` and `isnad explain` on multi-sentence texts: the document
//! score (how much of the shorter text the other reuses), not the sentence
//! pair score of two whole paragraphs.

mod common;

use common::{isnad, run};
use serde_json::Value;

const SOURCE: &str = "بحث وزير الخارجية والمغتربين مع نظيره الروسي اليوم في موسكو تطورات الأوضاع في المنطقة. \
    وأكد الجانبان ضرورة الالتزام بوقف إطلاق النار ودعم مسار أستانا للتسوية السياسية. \
    وأشار الوزير إلى أن الجولة المقبلة من المحادثات ستعقد في منتصف الشهر القادم.";
const TWO: &str = "بحث وزير الخارجية والمغتربين مع نظيره الروسي اليوم في موسكو تطورات الأوضاع في المنطقة. \
    وأكد الجانبان ضرورة الالتزام بوقف إطلاق النار ودعم مسار أستانا للتسوية السياسية. \
    من جهة أخرى افتتح محافظ المدينة معرضاً للكتاب يضم أكثر من مئتي دار نشر عربية.";
const ONE: &str = "بحث وزير الخارجية والمغتربين مع نظيره الروسي اليوم في موسكو تطورات الأوضاع في المنطقة. \
    وارتفعت أسعار الخضار في الأسواق المحلية بسبب موجة الحر التي تضرب البلاد منذ أسبوع. \
    من جهة أخرى افتتح محافظ المدينة معرضاً للكتاب يضم أكثر من مئتي دار نشر عربية.";
const NONE: &str = "فاز المنتخب الوطني لكرة القدم على نظيره الأردني بهدفين مقابل هدف في المباراة الودية. \
    وارتفعت أسعار الخضار في الأسواق المحلية بسبب موجة الحر التي تضرب البلاد منذ أسبوع. \
    من جهة أخرى افتتح محافظ المدينة معرضاً للكتاب يضم أكثر من مئتي دار نشر عربية.";

#[test]
fn multi_sentence_lines_are_ranked_by_how_much_they_reuse() {
    let input = format!("{NONE}\t{SOURCE}\n{TWO}\t{SOURCE}\n{ONE}\t{SOURCE}\n");
    let out = isnad(&["score", "--pairs", "-"])
        .write_stdin(input.clone())
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<(f64, String)> = stdout
        .lines()
        .map(|l| {
            let (s, t) = l.split_once('\t').unwrap();
            (s.parse().unwrap(), t.to_string())
        })
        .collect();
    assert_eq!(rows.len(), 3, "{stdout}");
    let (none, two, one) = (&rows[0], &rows[1], &rows[2]);
    assert!(two.0 > one.0 && one.0 > none.0, "{stdout}");
    assert_eq!(none.0, 0.0);
    assert_eq!(none.1, "none");
    assert_eq!(two.1, "verbatim");

    let out = isnad(&["score", "--pairs", "-", "--format", "jsonl"])
        .write_stdin(input)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let second: Value = serde_json::from_str(stdout.lines().nth(1).unwrap()).unwrap();
    assert_eq!(second["components"]["units_a"], 3.0);
    assert_eq!(second["components"]["matched_units_a"], 2.0);
    // The shared text is the two copied sentences, taken from the input.
    let shared = second["shared_a"].as_str().unwrap();
    assert!(shared.contains("تطورات الأوضاع في المنطقة"), "{shared}");
    assert!(shared.contains("للتسوية السياسية"), "{shared}");
    assert!(!shared.contains("معرضاً للكتاب"), "{shared}");
}

#[test]
fn explain_says_when_texts_are_compared_as_documents() {
    let (code, stdout, _) = run(&["explain", ONE, SOURCE]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("compared as documents: A has 3 sentence unit(s), B has 3"),
        "{stdout}"
    );
    assert!(stdout.contains("tier:  verbatim"), "{stdout}");
    // A sentence pair is explained as before.
    let s = "أكد الرئيسان خلال اتصال هاتفي دعمهما غير المشروط للإجراءات التي تتخذها سورية";
    let (_, stdout, _) = run(&["explain", s, s]);
    assert!(!stdout.contains("compared as documents"), "{stdout}");
}
