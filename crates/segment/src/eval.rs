//! Sentence-boundary scores against one-sentence-per-line gold.
//!
//! The protocol of the published Arabic figures (ersatz, wtpsplit): join the
//! gold sentences with single spaces, segment the joined text, and compare
//! the boundaries — the byte offsets where one sentence ends and the next
//! begins — as sets. A boundary is the end of every sentence-level unit but
//! the last; clause units are not boundaries. No I/O here: `isnad-eval
//! segmentation` reads the files and prints the table.
//!
//! ```
//! use isnad_segment::eval::boundary_scores;
//! let s = boundary_scores(&["قال د. أحمد إن الاجتماع انتهى.", "وأضاف أن الجولة المقبلة في أيار."]);
//! assert_eq!((s.gold, s.predicted, s.correct), (1, 1, 1));
//! assert_eq!(s.f1(), 1.0);
//! ```

use crate::{UnitKind, segment};

/// Boundary counts and the scores derived from them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BoundaryScores {
    /// Sentences in the gold.
    pub sentences: usize,
    /// Boundaries in the gold.
    pub gold: usize,
    /// Boundaries the segmenter put.
    pub predicted: usize,
    /// Predicted boundaries that are gold boundaries.
    pub correct: usize,
}

impl BoundaryScores {
    /// Share of predicted boundaries that are right (1 when none were predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }

    /// Share of gold boundaries that were found (1 when the gold has none).
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Sums the counts of two evaluations (micro-average).
    pub fn add(&mut self, other: BoundaryScores) {
        self.sentences += other.sentences;
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.correct += other.correct;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Scores [`segment`] on gold sentences: they are trimmed, empty ones
/// dropped, and the rest joined with single spaces.
pub fn boundary_scores<S: AsRef<str>>(gold_sentences: &[S]) -> BoundaryScores {
    let mut text = String::new();
    let mut gold = Vec::new();
    let mut sentences = 0;
    for s in gold_sentences {
        let s = s.as_ref().trim();
        if s.is_empty() {
            continue;
        }
        if !text.is_empty() {
            gold.push(text.len());
            text.push(' ');
        }
        text.push_str(s);
        sentences += 1;
    }
    let predicted: Vec<usize> = segment(&text)
        .iter()
        .filter(|u| u.kind != UnitKind::Clause && u.span.end < text.len())
        .map(|u| u.span.end)
        .collect();
    let correct = predicted
        .iter()
        .filter(|p| gold.binary_search(p).is_ok())
        .count();
    BoundaryScores {
        sentences,
        gold: gold.len(),
        predicted: predicted.len(),
        correct,
    }
}

/// Whether a gold sentence ends with sentence-final punctuation (possibly
/// followed by closing quotes or brackets). The ersatz test sets were scored
/// on such sentences only: a sentence without final punctuation (a title, a
/// subtitle cut mid-sentence) gives a rule-based splitter no signal.
pub fn is_punctuated(sentence: &str) -> bool {
    let t = sentence
        .trim_end()
        .trim_end_matches(|c: char| crate::text::is_closer(c) || c.is_whitespace());
    t.chars()
        .next_back()
        .is_some_and(crate::boundary::is_terminator)
}
