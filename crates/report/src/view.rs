//! Helpers renderers share for showing what two units have in common.

use crate::model::{Report, Span, StatementEntry};
use std::collections::BTreeMap;

/// Sorts spans and merges overlapping or touching ones.
pub fn merge_spans(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_unstable();
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if s[0] <= last[1] => last[1] = last[1].max(s[1]),
            _ => out.push(s),
        }
    }
    out
}

/// The text of the spans of `text`, joined with ` … ` (spans out of bounds are left out).
pub fn shared_text(text: &str, spans: &[Span]) -> String {
    spans
        .iter()
        .filter_map(|s| text.get(s[0]..s[1]))
        .collect::<Vec<_>>()
        .join(" … ")
}

impl Report {
    /// For each unit of a statement (by index into [`Report::units`]), the
    /// merged spans its matches inside the statement share.
    pub fn statement_spans(&self, statement: &StatementEntry) -> BTreeMap<usize, Vec<Span>> {
        let mut spans: BTreeMap<usize, Vec<Span>> = BTreeMap::new();
        for &mi in &statement.match_indices {
            let m = &self.matches[mi];
            spans.entry(m.a_index).or_default().extend(&m.spans_a);
            spans.entry(m.b_index).or_default().extend(&m.spans_b);
        }
        spans
            .into_iter()
            .map(|(k, v)| (k, merge_spans(v)))
            .collect()
    }

    /// The article a unit (by index into [`Report::units`]) belongs to.
    pub fn article_of_unit(&self, unit_index: usize) -> &crate::ArticleEntry {
        &self.articles[self.units[unit_index].article_index]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_and_touching_spans_merge() {
        assert_eq!(
            merge_spans(vec![[5, 9], [0, 3], [3, 4], [8, 12]]),
            vec![[0, 4], [5, 12]]
        );
    }

    #[test]
    fn shared_text_joins_passages() {
        assert_eq!(shared_text("abc def ghi", &[[0, 3], [8, 11]]), "abc … ghi");
    }
}
