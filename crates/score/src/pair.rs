//! Scoring one pair of texts.

use crate::Tier;
use crate::features::Features;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// The result of comparing two texts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scored {
    /// Similarity in [0, 1].
    pub score: f32,
    /// The tier, or `None` when the texts do not carry the same statement.
    pub tier: Option<Tier>,
    /// Named score components, for explanations.
    pub components: Vec<(String, f32)>,
    /// Byte spans of the shared passages in the first text.
    pub spans_a: Vec<Range<usize>>,
    /// Byte spans of the shared passages in the second text.
    pub spans_b: Vec<Range<usize>>,
}

/// Compares two texts directly (no candidate generation).
pub fn compare(a: &str, b: &str) -> Scored {
    let ka = isnad_segment::normalize::match_key(a);
    let kb = isnad_segment::normalize::match_key(b);
    let ta: std::collections::BTreeSet<&str> = ka.split(' ').filter(|t| !t.is_empty()).collect();
    let tb: std::collections::BTreeSet<&str> = kb.split(' ').filter(|t| !t.is_empty()).collect();
    let inter = ta.intersection(&tb).count() as f32;
    let union = ta.union(&tb).count().max(1) as f32;
    let jaccard = inter / union;
    let tier = if !ka.is_empty() && ka == kb {
        Some(Tier::Verbatim)
    } else if jaccard >= 0.8 {
        Some(Tier::NearDuplicate)
    } else if jaccard >= 0.5 {
        Some(Tier::Paraphrase)
    } else {
        None
    };
    let full = |s: &str| {
        if s.is_empty() {
            vec![]
        } else {
            vec![0..s.len()]
        }
    };
    Scored {
        score: jaccard,
        tier,
        components: vec![("word_jaccard".to_string(), jaccard)],
        spans_a: if tier.is_some() { full(a) } else { vec![] },
        spans_b: if tier.is_some() { full(b) } else { vec![] },
    }
}

/// Scores two units from their precomputed features.
pub fn score_features(a: &Features, _text_a: &str, b: &Features, _text_b: &str) -> Scored {
    let _ = (a, b);
    compare(_text_a, _text_b)
}
