//! Helpers renderers share for showing what two units have in common.

use crate::model::{Report, Span, StatementEntry};
use std::collections::BTreeMap;

/// What a cut unit is ([`crate::UnitEntry::cut`]), in the words the text
/// and HTML reports show next to their `cut` mark.
pub(crate) fn cut_note() -> String {
    format!(
        "piece of an over-long unit with no sentence end, cut at {} words or {} KiB",
        isnad_segment::LONG_UNIT_MAX_WORDS,
        isnad_segment::LONG_UNIT_MAX_BYTES / 1024
    )
}

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

/// The share of the letters and digits of `text` that fall inside `spans`
/// (punctuation and spaces the scorer leaves out of a span do not count).
pub fn word_coverage(text: &str, spans: &[Span]) -> f64 {
    let mut total = 0usize;
    let mut inside = 0usize;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            total += 1;
            if spans.iter().any(|s| s[0] <= i && i < s[1]) {
                inside += 1;
            }
        }
    }
    if total == 0 {
        0.0
    } else {
        inside as f64 / total as f64
    }
}

impl Report {
    /// The statement a clause-only statement is folded into for display, if any.
    ///
    /// Long sentences are also matched clause by clause, so a copied sentence
    /// yields one statement for the sentence and one per clause. A statement
    /// made only of clauses whose parent sentences all sit in one other
    /// statement, carried by no outlet that statement lacks, and not a changed
    /// fact, says nothing new to a reader: renderers may show it folded.
    pub fn folded_into(&self, statement: usize) -> Option<usize> {
        let st = &self.statements[statement];
        if st.tiers.contains_key("conflicting") {
            return None;
        }
        let mut host: Option<usize> = None;
        for &ui in &st.unit_indices {
            let parent = self.units[ui].parent_index?;
            let idx = self.units[parent].statement_index?;
            if idx == statement || host.is_some_and(|h| h != idx) {
                return None;
            }
            host = Some(idx);
        }
        let h = host?;
        st.outlets
            .iter()
            .all(|o| self.statements[h].outlets.contains(o))
            .then_some(h)
    }

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
