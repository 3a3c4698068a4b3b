//! The matcher: options honoured, copies grouped, index equal to exhaustive
//! on real text, Latin text handled.

use isnad_score::{
    CandidateMode, MIN_CONTENT_WORDS, MatchOptions, PHRASE_MIN_CONTAINMENT, Tier, UnitRef, compare,
    find_match_set, find_matches, find_matches_with_stats,
};

const WIRE: &str = "أعلنت وزارة الصحة السعودية تسجيل 1234 إصابة جديدة بفيروس كورونا في مدينة الرياض خلال الساعات الأربع والعشرين الماضية";
const EDIT: &str = "وأعلنت وزارة الصحة السعودية اليوم تسجيل 1234 إصابة جديدة بفيروس كورونا في مدينة الرياض خلال الساعات الأربع والعشرين الماضية";
const OTHER: &str = "افتتح أمير المنطقة الشرقية معرض الكتاب الدولي في الدمام بمشاركة أكثر من خمسمائة دار نشر عربية وأجنبية";

fn u(text: &str, source: u32, day: Option<i32>) -> UnitRef<'_> {
    UnitRef { text, source, day }
}

#[test]
fn cross_source_only_by_default() {
    let units = [
        u(WIRE, 0, None),
        u(EDIT, 0, None),
        u(WIRE, 1, None),
        u(OTHER, 1, None),
    ];
    let m = find_matches(&units, &MatchOptions::default());
    let pairs: Vec<(usize, usize)> = m.iter().map(|m| (m.a, m.b)).collect();
    assert_eq!(pairs, vec![(0, 2), (1, 2)]);
    assert_eq!(m[0].tier, Tier::Verbatim);
    let same = MatchOptions {
        same_source: true,
        ..MatchOptions::default()
    };
    let pairs: Vec<(usize, usize)> = find_matches(&units, &same)
        .iter()
        .map(|m| (m.a, m.b))
        .collect();
    assert_eq!(pairs, vec![(0, 1), (0, 2), (1, 2)]);
}

#[test]
fn units_without_two_content_words_are_never_matched() {
    assert_eq!(MIN_CONTENT_WORDS, 2);
    // Question words, a greeting, a lone negator or name: repeated verbatim
    // across outlets, but no statement. Two content words do match.
    let thin = ["لماذا؟", "وسلامتكم.", "لا.", "بوتين."];
    for mode in [CandidateMode::Indexed, CandidateMode::Exhaustive] {
        let opts = MatchOptions {
            candidates: mode,
            ..MatchOptions::default()
        };
        let mut units: Vec<UnitRef<'_>> = Vec::new();
        for (i, t) in thin.iter().enumerate() {
            units.push(u(t, 0, None));
            units.push(u(t, 1, None));
            units.push(u(if i == 0 { "فلماذا؟" } else { t }, 2, None));
        }
        units.push(u("استقالة الحكومة.", 0, None));
        units.push(u("استقالة الحكومة.", 1, None));
        let m = find_matches(&units, &opts);
        let pairs: Vec<(usize, usize)> = m.iter().map(|m| (m.a, m.b)).collect();
        let n = units.len();
        assert_eq!(pairs, vec![(n - 2, n - 1)], "{mode:?}");
    }
    // The pair scorer still grades such a pair when asked directly.
    assert!(compare("لماذا؟", "فلماذا؟").tier.is_some());
}

#[test]
fn within_days_is_honoured() {
    let units = [
        u(WIRE, 0, Some(100)),
        u(WIRE, 1, Some(103)),
        u(EDIT, 2, Some(101)),
        u(EDIT, 3, None),
    ];
    let opts = MatchOptions {
        within_days: Some(1),
        ..MatchOptions::default()
    };
    let pairs: Vec<(usize, usize)> = find_matches(&units, &opts)
        .iter()
        .map(|m| (m.a, m.b))
        .collect();
    // 0–1 are 3 days apart, 1–2 two days; undated 3 pairs with everything.
    assert_eq!(pairs, vec![(0, 2), (0, 3), (1, 3), (2, 3)]);
    for mode in [CandidateMode::Indexed, CandidateMode::Exhaustive] {
        let o = MatchOptions {
            candidates: mode,
            ..opts.clone()
        };
        let p: Vec<(usize, usize)> = find_matches(&units, &o)
            .iter()
            .map(|m| (m.a, m.b))
            .collect();
        assert_eq!(p, pairs, "{mode:?}");
    }
}

#[test]
fn repeated_sentence_is_one_key_group_with_all_cross_pairs() {
    let mut units = Vec::new();
    for i in 0..120 {
        units.push(u(WIRE, i % 3, None));
    }
    units.push(u(OTHER, 0, None));
    let (m, stats) = find_matches_with_stats(&units, &MatchOptions::default(), &|_| {});
    assert_eq!(stats.distinct_keys, 2);
    assert_eq!(stats.copy_groups, 1);
    // 40 copies in each of 3 sources: 3 · 40 · 40 cross-source pairs.
    assert_eq!(m.len(), 4800);
    assert!(
        m.iter()
            .all(|m| m.tier == Tier::Verbatim && units[m.a].source != units[m.b].source)
    );
    let set = find_match_set(&units, &MatchOptions::default(), &|_| {});
    assert_eq!(set.members[set.group[0] as usize].len(), 120);
    assert!(set.matches.is_empty());
}

#[test]
fn variants_of_one_key_get_spans_in_their_own_text() {
    // Same match key, different punctuation and diacritics.
    let a = "أكد الوزير، أن الاجتماع «انتهى» بنجاح كبير في العاصمة الرياض اليوم";
    let b = "أكّد الوزير أن الاجتماع انتهى بنجاح كبير في العاصمة الرياض اليوم.";
    let units = [u(a, 0, None), u(b, 1, None)];
    let m = find_matches(&units, &MatchOptions::default());
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].tier, Tier::Verbatim);
    for r in &m[0].spans_a {
        assert!(a.is_char_boundary(r.start) && a.is_char_boundary(r.end) && r.end <= a.len());
    }
    for r in &m[0].spans_b {
        assert!(b.is_char_boundary(r.start) && b.is_char_boundary(r.end) && r.end <= b.len());
    }
}

/// The bundled real articles: the five of `fixtures/seeds` (in path
/// order) and the eight of `fixtures/inputs/saudinewsnet-sample.jsonl`
/// (verbatim, partial and paraphrased repeats between outlets).
fn fixture_texts() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let mut seeds = Vec::new();
    for entry in std::fs::read_dir(root.join("seeds")).expect("seeds") {
        let p = entry.expect("entry").path();
        if p.is_dir() {
            for f in std::fs::read_dir(&p).expect("outlet dir") {
                seeds.push(std::fs::read_to_string(f.expect("file").path()).expect("text"));
            }
        }
    }
    seeds.sort();
    let sample = std::fs::read_to_string(root.join("inputs/saudinewsnet-sample.jsonl"))
        .expect("saudinewsnet sample");
    let articles = sample.lines().map(|line| {
        let v: serde_json::Value = serde_json::from_str(line).expect("JSONL line");
        v["text"].as_str().expect("text").to_string()
    });
    seeds.into_iter().chain(articles).collect()
}

/// The statement units of `texts`, each article its own source, then the
/// wire sentence and its light edit (a near-duplicate) from two more sources.
fn statement_units(texts: &[String]) -> Vec<UnitRef<'_>> {
    let mut units = Vec::new();
    for (src, t) in texts.iter().enumerate() {
        for s in isnad_segment::segment(t) {
            if s.kind.is_statement() {
                units.push(u(&t[s.span.clone()], src as u32, None));
            }
        }
    }
    let n = texts.len() as u32;
    units.extend([u(WIRE, n, None), u(EDIT, n + 1, None)]);
    units
}

#[test]
fn index_finds_what_exhaustive_scoring_finds_on_fixture_sentences() {
    let texts = fixture_texts();
    let units = statement_units(&texts);
    let run = |mode| {
        find_matches(
            &units,
            &MatchOptions {
                candidates: mode,
                ..MatchOptions::default()
            },
        )
    };
    // Default options: no passage-only matches (those are opt-in), so the
    // index must find every match exhaustive scoring finds.
    let ex = run(CandidateMode::Exhaustive);
    let ix = run(CandidateMode::Indexed);
    assert!(ex.len() > 100, "{}", ex.len());
    let missed: Vec<_> = ex.iter().filter(|m| !ix.contains(m)).collect();
    assert!(
        missed.is_empty(),
        "the index missed {} of {}: {missed:?}",
        missed.len(),
        ex.len()
    );
    assert_eq!(ex.len(), ix.len());
}

#[test]
fn a_min_tier_returns_the_default_matches_that_strong_and_skips_the_rest() {
    let texts = fixture_texts();
    let units = statement_units(&texts);
    for mode in [CandidateMode::Exhaustive, CandidateMode::Indexed] {
        let run = |min_tier| {
            let options = MatchOptions {
                candidates: mode,
                min_tier,
                ..MatchOptions::default()
            };
            find_matches_with_stats(&units, &options, &|_| {})
        };
        let (all, all_stats) = run(None);
        let mut strengths: Vec<u8> = all.iter().map(|m| m.tier.strength()).collect();
        strengths.sort_unstable();
        strengths.dedup();
        assert_eq!(strengths, [1, 2, 3, 4], "{mode:?}: every strength occurs");
        for min in [Tier::Verbatim, Tier::NearDuplicate, Tier::Partial] {
            let (some, stats) = run(Some(min));
            let expected: Vec<_> = all
                .iter()
                .filter(|m| m.tier.strength() >= min.strength())
                .cloned()
                .collect();
            assert_eq!(some, expected, "{mode:?}, at least {min:?}");
            if min == Tier::Verbatim {
                // Only units with one match key: no pair is scored.
                assert_eq!(stats.candidate_pairs, 0, "{mode:?}");
            } else if mode == CandidateMode::Indexed {
                // Without paraphrases the index joins at a stricter share.
                assert!(
                    stats.candidate_pairs < all_stats.candidate_pairs,
                    "{} {}",
                    stats.candidate_pairs,
                    all_stats.candidate_pairs
                );
            }
        }
    }
}

#[test]
fn latin_text_matches_sensibly() {
    let a = "The foreign ministers of Russia and Turkey met in Sochi on Tuesday to discuss the ceasefire in Idlib.";
    let b = "The foreign ministers of Russia and Turkey met in Sochi on Tuesday to discuss a ceasefire in Idlib province.";
    let c = "Oil prices rose on Tuesday after the storm closed refineries along the Gulf coast.";
    let units = [u(a, 0, None), u(b, 1, None), u(c, 2, None)];
    let m = find_matches(&units, &MatchOptions::default());
    let pairs: Vec<(usize, usize)> = m.iter().map(|m| (m.a, m.b)).collect();
    assert_eq!(pairs, vec![(0, 1)]);
}

/// A made-up word for filler unit `k`, position `j` (letters only, distinct
/// per `(k, j)`, no stem shared with the wire sentence).
fn filler_word(k: usize, j: usize) -> String {
    const LETTERS: [char; 8] = ['ج', 'ح', 'خ', 'ز', 'ش', 'ص', 'ض', 'ظ'];
    let mut n = k * 4 + j + 4096;
    let mut w = String::new();
    while n > 0 {
        w.push(LETTERS[n % 8]);
        n /= 8;
    }
    w
}

#[test]
fn copies_made_of_common_words_are_found_through_their_phrases() {
    assert_eq!(PHRASE_MIN_CONTAINMENT, 0.5);
    // Every word of the wire sentence is also in many other units, more
    // than the stem index's posting cap, so the stem index never probes
    // them; but the sentence's word pairs are its own.
    const COMMON: &str = "أكد وزير الخارجية السعودي خلال لقائه نظيره الفرنسي في الرياض دعم المملكة للحل السياسي للأزمة اليمنية";
    const COMMON_EDIT: &str = "وأكد وزير الخارجية السعودي خلال لقائه نظيره الفرنسي اليوم في الرياض دعم المملكة للحل السياسي للأزمة اليمنية";
    let words: Vec<&str> = COMMON.split(' ').collect();
    let fillers: Vec<String> = words
        .iter()
        .enumerate()
        .flat_map(|(i, w)| {
            (0..6).map(move |k| {
                let k = i * 6 + k;
                format!(
                    "{} {w} {} {}",
                    filler_word(k, 0),
                    filler_word(k, 1),
                    filler_word(k, 2)
                )
            })
        })
        .collect();
    let mut units = vec![u(COMMON, 0, None), u(COMMON_EDIT, 1, None)];
    units.extend(
        fillers
            .iter()
            .enumerate()
            .map(|(k, f)| u(f, 2 + k as u32, None)),
    );
    let opts = MatchOptions {
        candidates: CandidateMode::Indexed,
        posting_cap: Some(4),
        ..MatchOptions::default()
    };
    let (m, stats) = find_matches_with_stats(&units, &opts, &|_| {});
    assert!(stats.phrase_pairs >= 1, "{stats:?}");
    let wire = m
        .iter()
        .find(|m| (m.a, m.b) == (0, 1))
        .expect("the copy is found");
    assert_eq!(wire.tier, Tier::NearDuplicate);
}
