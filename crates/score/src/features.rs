//! Per-unit features computed once and reused for every comparison.

use crate::stem::light_stem;

/// Features of one unit's text.
#[derive(Debug, Clone, PartialEq)]
pub struct Features {
    key: String,
    stems: Vec<String>,
}

impl Features {
    /// The match key (see `isnad_segment::normalize::match_key`).
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Light stems of the content words, in text order.
    pub fn stems(&self) -> &[String] {
        &self.stems
    }
}

/// Computes the features of `text`.
pub fn features(text: &str) -> Features {
    let key = isnad_segment::normalize::match_key(text);
    let stems = key
        .split(' ')
        .filter(|t| !t.is_empty())
        .map(light_stem)
        .collect();
    Features { key, stems }
}
