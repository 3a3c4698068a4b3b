//! The pair score as a graded similarity (see `pair.rs`, `SCORE_SOFT_WEIGHT`):
//! one-letter prepositions do not hide a shared word, every pair is graded
//! (not only those close enough for a tier), and what one side adds lowers
//! the score symmetrically.

use isnad_score::{Tier, compare, features, signals};

fn min_cover(a: &str, b: &str) -> f32 {
    let s = signals(&features(a), &features(b), None);
    s.cover_a.min(s.cover_b)
}

#[test]
fn a_word_with_a_one_letter_preposition_matches_the_bare_word() {
    // `لأستانا` / `أستانا`, `بموسكو` / `موسكو`, `لبولندا` / `بولندا`: Light10
    // strips only the article forms (`بال`, `لل`), not a bare `ب`/`ل`/`ك`.
    let pairs = [
        (
            "وصل وفد الجمهورية العربية السورية لأستانا للمشاركة في الاجتماع",
            "وصل وفد الجمهورية العربية السورية أستانا للمشاركة في الاجتماع",
        ),
        (
            "التقى وزير الخارجية نظيره الروسي بموسكو أمس",
            "التقى وزير الخارجية نظيره الروسي في موسكو أمس",
        ),
        ("كم تبلغ مساحة بولندا", "كم تبلغ المساحة الإجمالية لبولندا"),
        // Both words carry one.
        (
            "ارتفع عدد السياح القادمين لموناكو هذا العام",
            "ارتفع عدد السياح القادمين بموناكو هذا العام",
        ),
    ];
    for (a, b) in pairs {
        let s = signals(&features(a), &features(b), None);
        let (short, long) = if a.len() < b.len() {
            (s.cover_a, s.cover_b)
        } else {
            (s.cover_b, s.cover_a)
        };
        // Every content word of the shorter side is found.
        assert!(short > 0.9, "{a} / {b}: {short} {long}");
    }
    // The stripped form is never taken for a different word's stem: `لبنان`
    // keeps its `ل` against an unrelated text.
    assert!(min_cover("زار الرئيس لبنان", "زار الرئيس العراق") < 0.9);
}

#[test]
fn every_pair_is_graded_below_the_tier_floor() {
    let a = "ارتفعت أسعار النفط في الأسواق العالمية اليوم";
    let related = "انخفضت أسعار الذهب في الأسواق الآسيوية";
    let unrelated = "قال الرئيس إن المحادثات ستستأنف الأسبوع المقبل";
    let (r, u) = (compare(a, related), compare(a, unrelated));
    assert!(r.score > u.score, "{} {}", r.score, u.score);
    assert!(r.score > 0.0);
    for (x, y) in [(a, related), (a, unrelated)] {
        let (xy, yx) = (compare(x, y).score, compare(y, x).score);
        assert!((xy - yx).abs() < 1e-6, "{xy} {yx}");
    }
}

#[test]
fn an_added_claim_lowers_the_score_in_proportion() {
    let s = "أكد وزير الخارجية الروسي أن المحادثات حول سورية ستستأنف في جنيف الأسبوع المقبل";
    let short = format!("{s} بمشاركة المعارضة");
    let long = format!(
        "{s}، وأضاف أن بلاده ستقدم مساعدات إنسانية عاجلة إلى المدن المحاصرة في الشمال السوري"
    );
    let (a, b) = (compare(s, &short), compare(s, &long));
    assert!(a.score > b.score, "{} {}", a.score, b.score);
    assert!(a.score < 1.0);
    // The contained sentence is still found: a tier, not a plain paraphrase
    // floor miss.
    assert!(a.tier.is_some() && b.tier.is_some(), "{a:?} {b:?}");
    assert_ne!(b.tier, Some(Tier::Conflicting));
}
