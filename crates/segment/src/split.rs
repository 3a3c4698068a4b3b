//! From text to units: blocks → sentences → kinds, speakers and clauses.
//!
//! 1. **Blocks.** A line break ends a block (one paragraph per line in
//!    scraped news) unless it is evidently a *soft wrap* inside a sentence
//!    ([`soft_wrap`]): text hard-wrapped at a fixed width (e-mail, plain-text
//!    files, the 20 wrapped answers of the Clough–Stevenson corpus) would
//!    otherwise reach the scorer as sentence fragments. A break is soft only
//!    when the line before is not blank, does not end with terminal
//!    punctuation or a colon, and the next line continues the sentence: it
//!    starts with a lowercase letter (cased scripts), or the line before ends
//!    with a word that cannot end a sentence (an English article or
//!    preposition, an Arabic preposition, conjunction or relative pronoun —
//!    e.g. `في`, `على`, `الذي`). Arabic has no case, so an Arabic line is joined
//!    only on that word evidence: a headline, dateline or byline on its own
//!    line without punctuation stays its own unit. Blank lines, form feeds,
//!    NEL and U+2029 are always hard. A joined block keeps the break inside its
//!    span (offsets still point into the original text); the match key and the
//!    light form treat it as a space. Empty blocks are dropped.
//! 2. **Sentences** inside a block ([`crate::boundary`]), with quotations
//!    paired per block ([`crate::quote`]).
//! 3. **List markers** (`1.`, `2)`, `•`, `-`) at the start of a sentence are
//!    left out of its span, so the item text matches the same item elsewhere.
//! 4. **Datelines** at the start of a block are split off into their own unit
//!    (`موسكو-سانا`, `القاهرة (رويترز) -`), so the sentence starts after them.
//! 5. **Kinds**: credit and furniture by their cues ([`crate::kind`]); a
//!    sentence that starts inside a quotation opened earlier is a quote
//!    continuation and carries the speaker named before the quote.
//! 6. **Headlines**: the first block when it is a single unit without final
//!    punctuation and more text follows; later single-unit blocks of 3–12 words
//!    without final punctuation are subheadings (also [`UnitKind::Headline`]).
//! 7. **Page tail**: a run of short, unpunctuated blocks at the end of the
//!    article that contains furniture (related articles, donation appeals,
//!    "click here") is furniture as a whole.
//! 8. **Clauses** of long sentences ([`crate::clause`]), listed right after
//!    their sentence.
//!
//! A sentence longer than [`crate::LONG_UNIT_MAX_WORDS`] words (text without
//! sentence punctuation) is cut into pieces marked [`Unit::cut`] at step 2
//! ([`crate::long`]).

use crate::boundary::sentence_ends;
use crate::clause::clauses;
use crate::kind::{
    dateline_len, ends_with_sentence_stop, ends_with_terminator, is_credit, is_furniture,
    title_dateline_split,
};
use crate::long::long_unit_cuts;
use crate::quote::{Quotes, speaker_before};
use crate::text::{
    WordSet, fold, is_alpha, is_block_break, is_invisible, is_space, trim_range, word_count_upto,
};
use crate::{Unit, UnitKind};
use std::ops::Range;

/// Longest headline, in words.
const HEADLINE_MAX_WORDS: usize = 45;
/// Subheadings inside the article, in words.
const SUBHEADING_WORDS: Range<usize> = 3..13;
/// Longest block that can belong to a page tail, in words.
const TAIL_BLOCK_MAX_WORDS: usize = 15;

/// Words are counted only up to this many: every rule compares a unit's word
/// count with a smaller threshold (asserted below), and counting the rest of
/// a long sentence would be a pass over most of the corpus for nothing.
const WORDS_CAP: usize = 64;
const _: () = assert!(
    HEADLINE_MAX_WORDS < WORDS_CAP
        && SUBHEADING_WORDS.end <= WORDS_CAP
        && TAIL_BLOCK_MAX_WORDS < WORDS_CAP
        && crate::clause::CLAUSE_MIN_WORDS < WORDS_CAP
        && crate::kind::FURNITURE_MAX_WORDS < WORDS_CAP
        && crate::kind::CREDIT_MAX_WORDS < WORDS_CAP
);

/// A sentence-level unit before numbering.
struct Draft {
    span: Range<usize>,
    kind: UnitKind,
    speaker: Option<String>,
    block: usize,
    /// [`crate::text::word_count`] of the unit's text, capped at [`WORDS_CAP`].
    words: usize,
    /// A piece of an over-long unit ([`Unit::cut`]).
    cut: bool,
}

/// Splits `text` into units in document order.
///
/// Sentence-level units (every kind but [`UnitKind::Clause`]) are ordered and
/// do not overlap. The clauses of a sentence follow it immediately, their
/// spans inside the sentence's span and their `parent` its index. Sentences
/// that are not split have no clauses.
pub fn segment(text: &str) -> Vec<Unit> {
    let mut drafts: Vec<Draft> = Vec::new();
    let mut ends: Vec<usize> = Vec::new();
    let mut last_speaker: Option<String> = None;
    let mut block_index = 0;
    let mut block_start = 0;
    let mut line_start = 0;
    let mut blocks: Vec<Range<usize>> = Vec::new();
    let bytes = text.as_bytes();
    let mut breaks = block_breaks(text).peekable();
    loop {
        let (i, c) = breaks.next().unwrap_or((text.len(), '\n'));
        let mut end = i + c.len_utf8();
        // `\r\n` is one line break.
        if c == '\r' && bytes.get(end) == Some(&b'\n') {
            breaks.next();
            end += 1;
        }
        if i < text.len() && soft_wrap(text, line_start..i, c, end) {
            line_start = end;
            continue;
        }
        let block = trim_range(text, block_start..i);
        block_start = end;
        line_start = end;
        if !block.is_empty() {
            blocks.push(block.clone());
            segment_block(
                text,
                block,
                block_index,
                &mut ends,
                &mut last_speaker,
                &mut drafts,
            );
            block_index += 1;
        }
        if i >= text.len() {
            break;
        }
    }
    mark_headlines(text, &blocks, &mut drafts);
    mark_page_tail(text, &blocks, &mut drafts);
    number(text, drafts)
}

/// Offsets and characters of the block breaks in `text`, found by bytes:
/// `\n \r \v \f` are ASCII, NEL is C2 85, U+2028/U+2029 are E2 80 A8/A9.
///
/// Almost every text breaks lines with `\n` or `\r` only, so a SIMD search
/// for `\n`, `\r` and the lead byte E2 suffices once two quick searches
/// have ruled out `\v`, `\f` and NEL; otherwise every byte is inspected.
fn block_breaks(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = text.as_bytes();
    let rare = memchr::memchr2(0x0B, 0x0C, bytes).is_some()
        || memchr::memmem::find(bytes, "\u{85}".as_bytes()).is_some();
    let all: Box<dyn Iterator<Item = usize>> = if rare {
        Box::new(0..bytes.len())
    } else {
        Box::new(memchr::memchr3_iter(b'\n', b'\r', 0xE2, bytes))
    };
    all.filter_map(move |i| match bytes[i] {
        b'\n' | b'\r' | 0x0B | 0x0C => Some((i, bytes[i] as char)),
        0xC2 | 0xE2 => text[i..]
            .chars()
            .next()
            .filter(|&c| is_block_break(c))
            .map(|c| (i, c)),
        _ => None,
    })
}

/// Words that cannot end an English sentence or headline (articles,
/// prepositions, conjunctions, auxiliaries): a line that ends with one is cut
/// mid-sentence. Lowercase; compared case-insensitively.
static LATIN_OPEN_ENDS: WordSet = WordSet::new(&[
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "and",
    "or", "but", "nor", "that", "which", "whose", "is", "are", "was", "were", "be", "been", "than",
    "as", "its", "their", "his", "her", "our", "your", "my", "this", "these", "those",
]);

/// Arabic words that cannot end a sentence or a headline — prepositions,
/// the conjunction `و` written apart, complementizers and relative pronouns —
/// folded ([`fold`]: no diacritics, alef variants as `ا`, `ى` as `ي`). Deliberately
/// short: words such as `كان`, `ذلك`, `كل` or `بعد` do end lines of poetry
/// and headlines in SaudiNewsNet and the ANT corpus, so they are not here.
static ARABIC_OPEN_ENDS: WordSet = WordSet::new(&[
    "في",
    "من",
    "الي",
    "علي",
    "عن",
    "مع",
    "ان",
    "بان",
    "لان",
    "الذي",
    "التي",
    "الذين",
    "و",
]);

/// A line must have this many words before an Arabic open end joins it to
/// the next line: a two-word fragment such as a navigation label is no
/// evidence of a wrapped sentence.
const ARABIC_JOIN_MIN_WORDS: usize = 4;

/// Whether the line break `c` at `line.end` (the break ends at `next`) is a
/// soft wrap inside a sentence rather than a boundary (see the module docs).
fn soft_wrap(text: &str, line: Range<usize>, c: char, next: usize) -> bool {
    if !matches!(c, '\n' | '\r' | '\u{2028}') {
        return false;
    }
    let prev = trim_range(text, line);
    let prev = &text[prev];
    let Some(last) = prev.chars().next_back() else {
        return false;
    };
    // The next line: blank (a paragraph break) or missing means hard.
    let rest = &text[next..];
    let rest =
        rest.trim_start_matches(|c: char| (is_space(c) || is_invisible(c)) && !is_block_break(c));
    let Some(first) = rest.chars().next() else {
        return false;
    };
    if is_block_break(first) {
        return false;
    }
    if ends_with_terminator(prev) || matches!(last, ':' | '：') {
        return false;
    }
    // The next line's first letter, after opening quotes and brackets.
    let body = rest.trim_start_matches(['"', '\'', '“', '‘', '«', '(', '[', '„']);
    let Some(lead) = body.chars().next() else {
        return false;
    };
    if !is_alpha(lead) || starts_list_item(body) {
        return false;
    }
    let last_word = prev
        .rsplit(|c: char| is_space(c))
        .next()
        .unwrap_or_default();
    // E-mail addresses, handles and links on lines of their own (bylines,
    // contact lines) are no sentence text.
    let first_word = body.split(|c: char| is_space(c)).next().unwrap_or_default();
    if [last_word, first_word]
        .iter()
        .any(|w| w.contains(['@', '/', '\\', '#', '=']))
    {
        return false;
    }
    // A lowercase start continues a line that ends in a cased word (not an
    // Arabic one, not a number).
    if lead.is_lowercase() {
        return last_word
            .chars()
            .any(|c| c.is_lowercase() || c.is_uppercase());
    }
    if last_word.chars().next_back().is_some_and(|c| !is_alpha(c)) {
        return false;
    }
    if last_word.is_ascii() {
        return LATIN_OPEN_ENDS.contains(&last_word.to_ascii_lowercase());
    }
    let arabic = |c: char| ('\u{0600}'..='\u{06FF}').contains(&c);
    arabic(lead)
        && last_word.chars().all(arabic)
        && ARABIC_OPEN_ENDS.contains(&fold(last_word))
        && word_count_upto(prev, ARABIC_JOIN_MIN_WORDS) >= ARABIC_JOIN_MIN_WORDS
}

/// Whether `s` starts like a lettered list item (`a)`, `b.`, `iv)`).
fn starts_list_item(s: &str) -> bool {
    let letters = s.chars().take_while(|c| c.is_alphabetic()).count();
    (1..=3).contains(&letters)
        && s.chars()
            .nth(letters)
            .is_some_and(|c| matches!(c, ')' | '.'))
}

fn segment_block(
    text: &str,
    block: Range<usize>,
    block_index: usize,
    ends: &mut Vec<usize>,
    last_speaker: &mut Option<String>,
    drafts: &mut Vec<Draft>,
) {
    let base = block.start;
    let b = &text[block];
    let quotes = Quotes::scan(b);
    sentence_ends(b, &quotes, ends);
    let mut speakers: Vec<Option<String>> = vec![None; quotes.list.len()];
    // A title run into a dateline (`عنوان لندن ــ نص …`) gets its own boundary.
    let mut k = 0;
    let mut prev = 0;
    while k <= ends.len() {
        let end = ends.get(k).copied().unwrap_or(b.len());
        let unit = trim_range(b, prev..end);
        if let Some(split) = title_dateline_split(&b[unit.clone()]) {
            ends.insert(k, unit.start + split);
            k += 1;
        }
        prev = end;
        k += 1;
    }
    // Over-long units are cut into pieces (`crate::long`).
    let mut cuts: Vec<usize> = Vec::new();
    let mut prev = 0;
    for end in ends.iter().copied().chain(std::iter::once(b.len())) {
        cuts.extend(long_unit_cuts(&b[prev..end]).into_iter().map(|c| prev + c));
        prev = end;
    }
    if !cuts.is_empty() {
        ends.extend_from_slice(&cuts);
        ends.sort_unstable();
    }
    let mut start = 0;
    let mut first = true;
    for end in ends.iter().copied().chain(std::iter::once(b.len())) {
        let cut = !cuts.is_empty()
            && (cuts.binary_search(&start).is_ok() || cuts.binary_search(&end).is_ok());
        let mut span = trim_range(b, start..end);
        start = end;
        span.start += list_marker_len(&b[span.clone()]);
        let span = trim_range(b, span);
        if span.is_empty() {
            continue;
        }
        let mut span = span;
        if first {
            first = false;
            // `(سانا)` alone on a line credits the agency; it dates nothing.
            let whole_paren = |d: usize| {
                b[span.clone()].starts_with('(') && b[span.start + d..span.end].trim().is_empty()
            };
            if let Some(d) = dateline_len(&b[span.clone()]).filter(|&d| !whole_paren(d)) {
                let date = trim_range(b, span.start..span.start + d);
                drafts.push(Draft {
                    span: date.start + base..date.end + base,
                    kind: UnitKind::Dateline,
                    speaker: None,
                    block: block_index,
                    words: word_count_upto(&b[date], WORDS_CAP),
                    cut: false,
                });
                span = trim_range(b, span.start + d..span.end);
                if span.is_empty() {
                    continue;
                }
            }
        }
        let s = &b[span.clone()];
        let words = word_count_upto(s, WORDS_CAP);
        let mut kind = UnitKind::Sentence;
        let mut speaker = None;
        if is_credit(s, words) {
            kind = UnitKind::Credit;
        } else if is_furniture(s, words) {
            kind = UnitKind::Furniture;
        } else if let Some(q) = quotes.open_at(span.start)
            && Quotes::is_quotation(b, q)
        {
            kind = UnitKind::QuoteContinuation;
            let qi = quotes
                .list
                .iter()
                .position(|x| x.open == q.open)
                .unwrap_or(0);
            speaker = speakers.get(qi).cloned().flatten();
        }
        // Speakers of quotations that open in this sentence.
        for (qi, q) in quotes.list.iter().enumerate() {
            if q.open < span.start || q.open >= span.end || !Quotes::is_quotation(b, q) {
                continue;
            }
            let who = match speaker_before(b, span.start, q.open) {
                Some(Some(name)) => {
                    *last_speaker = Some(name.clone());
                    Some(name)
                }
                Some(None) => last_speaker.clone(),
                None => None,
            };
            if speaker.is_none() && kind.is_statement() {
                speaker = who.clone();
            }
            speakers[qi] = who;
        }
        drafts.push(Draft {
            span: span.start + base..span.end + base,
            kind,
            speaker,
            block: block_index,
            words,
            cut,
        });
    }
}

/// Length of a list marker (`1. `, `2) `, `٣- `, `• `, `- `) at the start of `s`.
fn list_marker_len(s: &str) -> usize {
    let mut chars = s.char_indices();
    let Some((_, c)) = chars.next() else { return 0 };
    let after = if matches!(
        c,
        '•' | '·' | '▪' | '◦' | '●' | '■' | '*' | '-' | '–' | '—' | '►' | '✓'
    ) {
        c.len_utf8()
    } else {
        let digits = s
            .chars()
            .take_while(|c| c.is_ascii_digit() || ('٠'..='٩').contains(c))
            .count();
        if digits == 0 || digits > 2 {
            return 0;
        }
        let after_digits: usize = s.chars().take(digits).map(char::len_utf8).sum();
        match s[after_digits..].chars().next() {
            Some(m @ ('.' | ')' | '-' | '–')) => after_digits + m.len_utf8(),
            _ => return 0,
        }
    };
    // A marker is followed by a space and then text.
    match s[after..].chars().next() {
        Some(n)
            if is_space(n)
                && s[after..]
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(crate::text::is_alpha) =>
        {
            after
        }
        _ => 0,
    }
}

/// For each block, the range of its drafts (drafts are in block order).
fn block_ranges(drafts: &[Draft], blocks: usize) -> Vec<Range<usize>> {
    let mut ranges = vec![0..0; blocks];
    let mut i = 0;
    for (b, r) in ranges.iter_mut().enumerate() {
        let start = i;
        while i < drafts.len() && drafts[i].block == b {
            i += 1;
        }
        *r = start..i;
    }
    ranges
}

fn mark_headlines(text: &str, blocks: &[Range<usize>], drafts: &mut [Draft]) {
    let ranges = block_ranges(drafts, blocks.len());
    for b in 0..blocks.len() {
        if ranges[b].len() != 1 {
            continue;
        }
        let only = &drafts[ranges[b].start];
        if only.kind != UnitKind::Sentence || b + 1 >= blocks.len() {
            continue;
        }
        let s = &text[only.span.clone()];
        if ends_with_terminator(s) || s.trim_end().ends_with(':') {
            continue;
        }
        let words = only.words;
        let headline = if b == 0 {
            (2..=HEADLINE_MAX_WORDS).contains(&words)
        } else {
            SUBHEADING_WORDS.contains(&words)
        };
        if headline {
            drafts[ranges[b].start].kind = UnitKind::Headline;
        }
    }
}

fn mark_page_tail(text: &str, blocks: &[Range<usize>], drafts: &mut [Draft]) {
    let ranges = block_ranges(drafts, blocks.len());
    let mut first_tail = blocks.len();
    let mut has_furniture = false;
    for b in (0..blocks.len()).rev() {
        let units = &drafts[ranges[b].clone()];
        let tail_like = units.iter().all(|d| {
            !d.kind.is_statement() || {
                let s = &text[d.span.clone()];
                d.words <= TAIL_BLOCK_MAX_WORDS && !ends_with_sentence_stop(s)
            }
        });
        if !tail_like {
            break;
        }
        has_furniture |= units.iter().any(|d| d.kind == UnitKind::Furniture);
        first_tail = b;
    }
    if !has_furniture || first_tail == 0 {
        return;
    }
    let tail_start = ranges[first_tail].start;
    for d in drafts[tail_start..]
        .iter_mut()
        .filter(|d| d.kind.is_statement())
    {
        d.kind = UnitKind::Furniture;
        d.speaker = None;
    }
}

fn number(text: &str, drafts: Vec<Draft>) -> Vec<Unit> {
    let mut units = Vec::with_capacity(drafts.len() + drafts.len() / 4);
    for d in drafts {
        let index = units.len();
        let split = matches!(d.kind, UnitKind::Sentence | UnitKind::QuoteContinuation);
        let parts = if split {
            clauses(&text[d.span.clone()], d.words)
        } else {
            Vec::new()
        };
        let base = d.span.start;
        let speaker = d.speaker.clone();
        units.push(Unit {
            index,
            kind: d.kind,
            span: d.span,
            parent: None,
            speaker: d.speaker,
            cut: d.cut,
        });
        for p in parts {
            units.push(Unit {
                index: units.len(),
                kind: UnitKind::Clause,
                span: base + p.start..base + p.end,
                parent: Some(index),
                speaker: speaker.clone(),
                cut: false,
            });
        }
    }
    units
}
