//! Statement grouping: average linkage, not connected components.

use isnad_score::{
    Match, MatchOptions, Statement, Tier, UnitRef, find_match_set, find_matches, group_match_set,
    group_statements,
};

fn m(a: usize, b: usize, score: f32) -> Match {
    Match {
        a,
        b,
        tier: Tier::Paraphrase,
        score,
        spans_a: vec![],
        spans_b: vec![],
        components: Default::default(),
    }
}

fn unit(source: u32, day: Option<i32>) -> UnitRef<'static> {
    UnitRef {
        text: "",
        source,
        day,
    }
}

fn holding(statements: &[Statement], u: usize) -> Option<&Statement> {
    statements.iter().find(|s| s.units.contains(&u))
}

#[test]
fn a_hub_does_not_chain_two_statements() {
    // 0,1 carry claim X; 2,3 carry claim Y; 4 is a long sentence holding both.
    let units: Vec<UnitRef> = (0..5).map(|s| unit(s, None)).collect();
    let matches = vec![
        m(0, 1, 0.95),
        m(2, 3, 0.95),
        m(0, 4, 0.6),
        m(1, 4, 0.6),
        m(2, 4, 0.6),
        m(3, 4, 0.6),
    ];
    let st = group_statements(&units, &matches);
    let x = holding(&st, 0).expect("X is a statement");
    let y = holding(&st, 2).expect("Y is a statement");
    assert_ne!(x, y, "the hub chained X and Y: {st:?}");
    assert!(x.units.contains(&1) && y.units.contains(&3));
    // connected components would have given one statement of five units
    assert!(st.iter().all(|s| s.units.len() <= 3));
}

#[test]
fn a_star_hub_keeps_only_its_best_partner() {
    // 0 matches 1 and 2, but 1 and 2 (different sources) do not match each other.
    let units: Vec<UnitRef> = (0..3).map(|s| unit(s, None)).collect();
    let st = group_statements(&units, &[m(0, 1, 0.9), m(0, 2, 0.8)]);
    assert_eq!(st.len(), 1);
    assert_eq!(st[0].units, vec![0, 1]);
}

#[test]
fn a_near_clique_merges_completely() {
    // Five outlets carry one wire sentence; one pair was missed by the scorer.
    let units: Vec<UnitRef> = (0..5).map(|s| unit(s, None)).collect();
    let mut matches = Vec::new();
    for a in 0..5 {
        for b in a + 1..5 {
            if (a, b) != (1, 3) {
                matches.push(m(a, b, 0.9));
            }
        }
    }
    let st = group_statements(&units, &matches);
    assert_eq!(st.len(), 1);
    assert_eq!(st[0].units, vec![0, 1, 2, 3, 4]);
    assert_eq!(st[0].sources, vec![0, 1, 2, 3, 4]);
}

#[test]
fn same_source_copies_do_not_block_a_merge() {
    // Units 0..4 are one outlet's copies of a sentence (never compared with
    // each other by default); unit 5 of another outlet matches all of them.
    let mut units: Vec<UnitRef> = (0..5).map(|_| unit(0, None)).collect();
    units.push(unit(1, None));
    let matches: Vec<Match> = (0..5).map(|a| m(a, 5, 1.0)).collect();
    let st = group_statements(&units, &matches);
    assert_eq!(st.len(), 1);
    assert_eq!(st[0].units, vec![0, 1, 2, 3, 4, 5]);
    assert_eq!(st[0].sources, vec![0, 1]);
}

#[test]
fn first_is_the_earliest_dated_unit_and_output_is_sorted() {
    let units = vec![
        unit(0, Some(10)),
        unit(1, None),
        unit(2, Some(8)),
        unit(3, Some(8)),
        unit(4, None),
        unit(5, None),
    ];
    let st = group_statements(
        &units,
        &[
            m(4, 5, 0.9),
            m(0, 1, 0.9),
            m(0, 2, 0.9),
            m(1, 2, 0.9),
            m(0, 3, 0.9),
            m(1, 3, 0.9),
            m(2, 3, 0.9),
        ],
    );
    assert_eq!(st.len(), 2);
    assert_eq!(st[0].units, vec![0, 1, 2, 3]);
    assert_eq!(st[0].first, Some(2), "earliest day, ties by index");
    assert_eq!(st[1].units, vec![4, 5]);
    assert_eq!(st[1].first, None);
}

#[test]
fn compact_and_expanded_grouping_agree_on_copies() {
    // A wire sentence copied 4× by outlet 0 and 3× by outlet 1, a light edit
    // of it in outlet 2, and an unrelated sentence in outlet 3.
    let wire = "أعلنت وزارة الصحة السعودية تسجيل 1234 إصابة جديدة بفيروس كورونا في مدينة الرياض خلال الساعات الأربع والعشرين الماضية";
    let edit = "وأعلنت وزارة الصحة السعودية اليوم تسجيل 1234 إصابة جديدة بفيروس كورونا في مدينة الرياض خلال الساعات الأربع والعشرين الماضية";
    let other = "افتتح أمير المنطقة الشرقية معرض الكتاب الدولي في الدمام بمشاركة أكثر من خمسمائة دار نشر عربية وأجنبية";
    let mut units = Vec::new();
    for _ in 0..4 {
        units.push(UnitRef {
            text: wire,
            source: 0,
            day: None,
        });
    }
    for _ in 0..3 {
        units.push(UnitRef {
            text: wire,
            source: 1,
            day: None,
        });
    }
    units.push(UnitRef {
        text: edit,
        source: 2,
        day: None,
    });
    units.push(UnitRef {
        text: other,
        source: 3,
        day: None,
    });
    let opts = MatchOptions::default();
    let expanded = find_matches(&units, &opts);
    // 4·3 verbatim cross pairs + 7 pairs with the edit
    assert_eq!(
        expanded.iter().filter(|m| m.tier == Tier::Verbatim).count(),
        12
    );
    assert_eq!(expanded.len(), 19, "{expanded:?}");
    let set = find_match_set(&units, &opts, &|_| {});
    assert_eq!(set.copies.len(), 1);
    assert_eq!(set.matches.len(), 1);
    let a = group_statements(&units, &expanded);
    let b = group_match_set(&units, &set);
    assert_eq!(a, b);
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].units, (0..8).collect::<Vec<_>>());
}
