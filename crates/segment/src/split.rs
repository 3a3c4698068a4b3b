//! Splitting text into units (first cut: blocks and terminal punctuation).

use crate::{Unit, UnitKind};

/// Splits `text` into units in document order.
pub fn segment(text: &str) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        let mut start = line_start;
        let bytes = line.as_bytes();
        let mut iter = line.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let terminal = matches!(c, '.' | '!' | '?' | '؟');
            let next_is_space = iter.peek().map(|&(_, n)| n.is_whitespace()).unwrap_or(true);
            if terminal && next_is_space {
                let end = line_start + i + c.len_utf8();
                push_unit(text, &mut units, start, end);
                start = end;
            }
        }
        let _ = bytes;
        push_unit(text, &mut units, start, line_start + line.len());
    }
    units
}

fn push_unit(text: &str, units: &mut Vec<Unit>, start: usize, end: usize) {
    let slice = &text[start..end];
    let trimmed = slice.trim();
    if trimmed.is_empty() {
        return;
    }
    let lead = slice.len() - slice.trim_start().len();
    let s = start + lead;
    let e = s + trimmed.len();
    units.push(Unit {
        index: units.len(),
        kind: UnitKind::Sentence,
        span: s..e,
        parent: None,
        speaker: None,
    });
}
