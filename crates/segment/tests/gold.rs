//! Boundary F1 on the gold segmentation sets in `../shared/data/segmentation/`
//! stays above floors set a little below the measured figures (see
//! `isnad-eval segmentation`). Skips with a reason when the data is absent.
#![allow(clippy::print_stderr)]

use isnad_segment::eval::{boundary_scores, is_punctuated};
use std::path::Path;

/// (file, CoNLL-U?, floor on all lines, floor on punctuated lines)
/// Measured (release, `isnad-eval segmentation`): News Commentary 0.9954 /
/// 0.9984, TED 0.9351 / 0.9820, UD-PUD 0.9980 / 0.9985.
const SETS: &[(&str, bool, f64, f64)] = &[
    ("news-commentary-v15.dev.ar", false, 0.990, 0.995),
    ("iwsltt2017.ar", false, 0.925, 0.970),
    ("ar_pud-ud-test.conllu", true, 0.990, 0.990),
];

#[test]
fn boundary_f1_on_gold_sets() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/segmentation");
    if !dir.is_dir() {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    }
    for &(file, conllu, floor_all, floor_punct) in SETS {
        let path = dir.join(file);
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("skipped: {} is absent", path.display());
            continue;
        };
        let gold: Vec<&str> = if conllu {
            text.lines()
                .filter_map(|l| l.strip_prefix("# text = "))
                .collect()
        } else {
            text.lines().collect()
        };
        let all = boundary_scores(&gold);
        let punctuated: Vec<&str> = gold.iter().copied().filter(|s| is_punctuated(s)).collect();
        let punct = boundary_scores(&punctuated);
        eprintln!(
            "{file}: F1 {:.4} (all lines), {:.4} (punctuated lines)",
            all.f1(),
            punct.f1()
        );
        assert!(
            all.sentences > 500,
            "{file}: only {} sentences read",
            all.sentences
        );
        assert!(
            all.f1() >= floor_all,
            "{file}: F1 {:.4} below floor {floor_all}",
            all.f1()
        );
        assert!(
            punct.f1() >= floor_punct,
            "{file}: F1 {:.4} below floor {floor_punct}",
            punct.f1()
        );
    }
}
