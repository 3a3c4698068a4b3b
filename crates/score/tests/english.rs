//! English (Latin-script) pairs through the pair scorer: a copied sentence
//! is a copy, a lightly edited one (tense, number, articles) still matches,
//! a negated one is a changed fact, and sentences that share only function
//! words do not match. The sentences are written for this test (news-style,
//! not taken from any corpus).

use isnad_score::{Tier, compare};

#[test]
fn copied_sentence_is_verbatim_or_near_duplicate() {
    let a = "The central bank raised its benchmark interest rate by half a percentage point on Tuesday, citing persistent inflation.";
    // Same words, other case and punctuation: equal match keys.
    let b = "the central bank raised its benchmark interest rate by half a percentage point on Tuesday — citing persistent inflation";
    assert_eq!(compare(a, b).tier, Some(Tier::Verbatim));
    // One word changed.
    let c = "The central bank raised its benchmark interest rate by half a percentage point on Tuesday, citing stubborn inflation.";
    let s = compare(a, c);
    assert_eq!(s.tier, Some(Tier::NearDuplicate), "{s:?}");
}

#[test]
fn lightly_edited_sentences_match() {
    for (a, b) in [
        (
            "Rescue teams were searching for survivors after the earthquake destroyed hundreds of homes in the mountain villages.",
            "Rescue teams searched for survivors after an earthquake destroyed hundreds of homes in mountain villages.",
        ),
        (
            "The ministers agreed to resume the negotiations on the border dispute next month.",
            "The minister has agreed to resuming negotiations over the border disputes next month.",
        ),
        (
            "Officials said the factory will be closed for two weeks while inspectors examine the damaged reactor.",
            "The factory is closing for two weeks while inspectors examined the damaged reactor, officials say.",
        ),
    ] {
        let s = compare(a, b);
        assert!(
            matches!(
                s.tier,
                Some(Tier::NearDuplicate | Tier::Partial | Tier::Paraphrase)
            ),
            "{a} | {b}: {s:?}"
        );
    }
}

#[test]
fn inflected_copy_is_a_near_duplicate() {
    // Only number and tense changed: every content word meets its stem.
    let a = "Protesters gathered outside the parliament building and demanded the resignation of the finance minister.";
    let b = "A protester gathers outside the parliament buildings, demanding the resignation of the finance ministers.";
    let s = compare(a, b);
    assert_eq!(s.tier, Some(Tier::NearDuplicate), "{s:?}");
}

#[test]
fn negated_edit_is_a_changed_fact() {
    let a = "The company confirmed the merger with its largest rival on Friday.";
    let b = "The company did not confirm the merger with its largest rival on Friday.";
    let s = compare(a, b);
    assert_eq!(s.tier, Some(Tier::Conflicting), "{s:?}");
}

#[test]
fn contracted_negation_is_a_changed_fact_and_spelled_out_is_the_same() {
    let a = "Officials said the president attended the summit in Geneva on Monday.";
    for b in [
        "Officials said the president didn't attend the summit in Geneva on Monday.",
        "Officials said the president didn’t attend the summit in Geneva on Monday.",
    ] {
        let s = compare(a, b);
        assert_eq!(s.tier, Some(Tier::Conflicting), "{b}: {s:?}");
    }
    // `did not` and `didn't` say the same thing.
    let c = "Officials said the president did not attend the summit in Geneva on Monday.";
    let d = "Officials said the president didn't attend the summit in Geneva on Monday.";
    let s = compare(c, d);
    assert!(
        matches!(s.tier, Some(Tier::NearDuplicate | Tier::Verbatim)),
        "{s:?}"
    );
}

#[test]
fn sentences_sharing_only_function_words_do_not_match() {
    for (a, b) in [
        (
            "They said it would be very difficult for all of them to agree on these terms.",
            "It was said that they would be very happy with all of these results.",
        ),
        (
            "We have been told that there will be more of these meetings before the end of the year.",
            "You should have known that there would be nothing but trouble once they were here.",
        ),
        (
            "He says he could have done it himself, and that they should be proud of it.",
            "She says she could have stayed with them, but that they would let her go.",
        ),
    ] {
        let s = compare(a, b);
        assert_eq!(s.tier, None, "{a} | {b}: {s:?}");
    }
}

/// Real English prose: the five Wikipedia texts of the Clough & Stevenson
/// corpus (`../shared/data/clough-stevenson`) are on five different topics
/// (inheritance, PageRank, the vector space model, Bayes' theorem, dynamic
/// programming), so no sentence of one may match a sentence of another,
/// however many function words they share.
#[test]
#[allow(clippy::print_stderr)]
fn sentences_of_different_topics_do_not_match() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/clough-stevenson/data");
    if !dir.is_dir() {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    }
    let mut units: Vec<(usize, String)> = Vec::new();
    for (k, task) in ["a", "b", "c", "d", "e"].iter().enumerate() {
        let path = dir.join(format!("orig_task{task}.txt"));
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        units.extend(
            isnad_segment::segment(&text)
                .into_iter()
                .filter(|u| u.kind.is_statement())
                .map(|u| (k, text[u.span].to_string())),
        );
    }
    assert!(units.len() >= 50, "only {} units", units.len());
    let mut pairs = 0;
    for (i, (ti, a)) in units.iter().enumerate() {
        for (tj, b) in &units[i + 1..] {
            if ti == tj {
                continue;
            }
            pairs += 1;
            let s = compare(a, b);
            assert_eq!(s.tier, None, "{a} | {b}: {s:?}");
        }
    }
    assert!(pairs > 1000);
}
