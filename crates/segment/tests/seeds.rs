//! Snapshot tests of the units of the five seed articles in `fixtures/seeds/`.
//!
//! Each snapshot lists every unit as `index kind [parent] «speaker» | text`,
//! clauses indented under their sentence. Reviewed by reading: the headline is
//! a headline, datelines (`موسكو-سانا`), credits (`المصدر: وكالة سانا`,
//! `| الوطن – وكالات`) and furniture (caption, tag line, related articles,
//! donation appeal, Telegram link, comment box) are not sentences, and quoted
//! sentences keep their speaker.

use isnad_segment::{UnitKind, segment};
use std::fmt::Write;
use std::path::Path;

fn render(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/seeds")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = String::new();
    for u in segment(&text) {
        let indent = if u.kind == UnitKind::Clause {
            "    "
        } else {
            ""
        };
        let parent = u.parent.map(|p| format!(" [{p}]")).unwrap_or_default();
        let speaker = u
            .speaker
            .as_deref()
            .map(|s| format!(" «{s}»"))
            .unwrap_or_default();
        let body = text[u.span.clone()].replace('\n', " ");
        writeln!(
            out,
            "{indent}{} {}{parent}{speaker} | {body}",
            u.index,
            u.kind.as_str()
        )
        .unwrap();
    }
    out
}

#[test]
fn alwatan_units() {
    insta::assert_snapshot!(render("alwatan/000_fb876d6af2ea0503.txt"));
}

#[test]
fn enabbaladi_units() {
    insta::assert_snapshot!(render("enabbaladi/001_64472d528037be5b.txt"));
}

#[test]
fn unknown_a_units() {
    insta::assert_snapshot!(render("unknown-a/002_abae2015c6ea9c25.txt"));
}

#[test]
fn sana_units() {
    insta::assert_snapshot!(render("sana/003_424fbe4dbe17e1ac.txt"));
}

#[test]
fn unknown_b_units() {
    insta::assert_snapshot!(render("unknown-b/004_de031abb77a1a437.txt"));
}

#[test]
fn segment_fixtures_units() {
    // The hand-written fixtures of fixtures/segment/ (see its README).
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/segment");
    for name in ["appendix-a.txt", "wire-story.txt", "latin.txt"] {
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        let mut out = String::new();
        for u in segment(&text) {
            let speaker = u
                .speaker
                .as_deref()
                .map(|s| format!(" «{s}»"))
                .unwrap_or_default();
            writeln!(
                out,
                "{} {}{speaker} | {}",
                u.index,
                u.kind.as_str(),
                &text[u.span.clone()]
            )
            .unwrap();
        }
        insta::assert_snapshot!(name, out);
    }
}
