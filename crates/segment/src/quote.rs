//! Quotations inside a block, and who is quoted.
//!
//! Arabic news quotes officials at length: `وقال لافرينتييف للصحفيين: «نأمل أن
//! تكون الجولة مثمرة. لقد اتفقنا على كل التفاصيل».` The second sentence is
//! still the envoy speaking, so it becomes a
//! [`QuoteContinuation`](crate::UnitKind::QuoteContinuation) that keeps his name
//! as `speaker`.
//!
//! Pairing: `« »` (and `‹ ›`) nest. The curly quotes `“ ”` are one family
//! whose direction is read from the mark's surroundings, not its shape,
//! because right-to-left text uses them inconsistently (`و”فرض عقوبات”`);
//! straight `"` likewise. A mark with a space (or the block start) before it
//! and a word after it opens; a mark glued to the word before it and followed
//! by a space or punctuation closes; otherwise it closes an open quotation of
//! its family or opens one. Reading the shape keeps one stray `"` from
//! flipping every later quotation of a long paragraph. Pairing restarts in
//! every block. A quotation whose closing mark is missing runs to
//! the end of the block only when it was introduced by a colon (`قال: «…`),
//! the usual style of multi-sentence quotes; otherwise an odd stray `"` would
//! turn the rest of the paragraph into a quotation.

use crate::text::is_alnum;
use crate::text::{WordSet, fold_into, is_space, word_spans};

/// One quotation: byte offsets relative to the block.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Quotation {
    /// Offset of the opening mark.
    pub open: usize,
    /// Offset of the closing mark, if there is one in the block.
    pub close: Option<usize>,
}

/// The quotations of one block.
#[derive(Debug, Default)]
pub(crate) struct Quotes {
    pub list: Vec<Quotation>,
    /// Offsets of closing marks (sorted), for gluing `. "` to its sentence.
    closes: Vec<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Family {
    Guillemet,
    Curly,
    Straight,
}

impl Quotes {
    /// Pairs the quotation marks of `block`.
    pub(crate) fn scan(block: &str) -> Quotes {
        let mut list: Vec<Quotation> = Vec::new();
        let mut stack: Vec<(Family, usize)> = Vec::new(); // family, index in list
        // Visit only the quote marks: `"` (22), `« »` (C2 ..), curly and
        // single guillemets (E2 80 ..).
        for i in memchr::memchr3_iter(b'"', 0xC2, 0xE2, block.as_bytes()) {
            let Some(c) = block[i..].chars().next() else {
                continue;
            };
            let before = block[..i].chars().next_back();
            let next = block[i + c.len_utf8()..].chars().next();
            let (family, opener) = match c {
                '«' | '‹' => (Family::Guillemet, Some(true)),
                '»' | '›' => (Family::Guillemet, Some(false)),
                '“' | '”' | '„' => (Family::Curly, flank(before, next)),
                '"' => (Family::Straight, flank(before, next)),
                _ => continue,
            };
            let open_pos = stack.iter().rposition(|&(f, _)| f == family);
            let closes = match opener {
                Some(o) => !o && open_pos.is_some(),
                None => open_pos.is_some(),
            };
            if closes {
                if let Some(p) = open_pos {
                    let idx = stack[p].1;
                    list[idx].close = Some(i);
                    stack.truncate(p);
                }
            } else if opener != Some(false) {
                // A second opener of a family that never closed: the first
                // stays unclosed, the new one takes its place.
                if family != Family::Guillemet
                    && let Some(p) = open_pos
                {
                    stack.truncate(p);
                }
                stack.push((family, list.len()));
                list.push(Quotation {
                    open: i,
                    close: None,
                });
            }
        }
        // Unclosed quotations count only when introduced by a colon or a
        // reporting verb (`قال الجعفري “نحن جاهزون …` with no closing mark).
        list.retain(|q| {
            q.close.is_some()
                || introduced_by_colon(block, q.open)
                || speaker_before(block, 0, q.open).is_some()
        });
        let mut closes: Vec<usize> = list.iter().filter_map(|q| q.close).collect();
        closes.sort_unstable();
        Quotes { list, closes }
    }

    /// If only spaces separate `from` from a closing mark that is followed by
    /// whitespace or the end of the block, the offset after that mark.
    pub(crate) fn closer_after_space(&self, block: &str, from: usize) -> Option<usize> {
        if self.closes.is_empty() {
            return None;
        }
        let rest = &block[from..];
        let skipped = rest.len() - rest.trim_start_matches(is_space).len();
        if skipped == 0 || skipped > 3 {
            return None;
        }
        let pos = from + skipped;
        self.closes.binary_search(&pos).ok()?;
        let c = block[pos..].chars().next()?;
        let after = pos + c.len_utf8();
        match block[after..].chars().next() {
            None => Some(after),
            Some(n) if is_space(n) => Some(after),
            _ => None,
        }
    }

    /// The quotation that is open at offset `pos` (opened before it and not
    /// yet closed), if any.
    pub(crate) fn open_at(&self, pos: usize) -> Option<&Quotation> {
        self.list
            .iter()
            .rev()
            .find(|q| q.open < pos && q.close.is_none_or(|c| c >= pos))
    }

    /// Whether the quotation is a real quote (several words, or a sentence
    /// inside) rather than scare quotes around a term (`“تدريجيًا”`).
    pub(crate) fn is_quotation(block: &str, q: &Quotation) -> bool {
        let end = q.close.unwrap_or(block.len());
        let inner = &block[q.open..end];
        q.close.is_none()
            || inner
                .split(is_space)
                .filter(|t| !t.is_empty())
                .nth(3)
                .is_some()
    }
}

/// Direction of a symmetric quote mark from its neighbours: `Some(true)`
/// opens, `Some(false)` closes, `None` cannot tell.
fn flank(before: Option<char>, next: Option<char>) -> Option<bool> {
    let space_before =
        before.is_none_or(|c| is_space(c) || matches!(c, '(' | '[' | '«' | '،' | ',' | ':'));
    let word_after = next.is_some_and(is_alnum);
    let word_before =
        before.is_some_and(|c| is_alnum(c) || crate::boundary::is_terminator(c) || c == '!');
    let space_after = next
        .is_none_or(|c| is_space(c) || c.is_ascii_punctuation() || matches!(c, '،' | '؛' | '؟'));
    match (space_before && word_after, word_before && space_after) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

fn introduced_by_colon(block: &str, open: usize) -> bool {
    let before = block[..open].trim_end_matches(is_space);
    before.ends_with(':') || {
        // `وأضاف: إن «…`
        let b = before.trim_end_matches(|c: char| c != ':' && c != ' ');
        let last = &before[b.len()..];
        matches!(last, "إن" | "أن" | "ان") && b.trim_end_matches(is_space).ends_with(':')
    }
}

/// Reporting verbs that introduce a quotation (folded: no hamza on alef).
static REPORTING: WordSet = WordSet::new(&[
    "قال",
    "قالت",
    "يقول",
    "تقول",
    "اضاف",
    "اضافت",
    "يضيف",
    "تضيف",
    "تابع",
    "تابعت",
    "اكد",
    "اكدت",
    "يؤكد",
    "تؤكد",
    "اوضح",
    "اوضحت",
    "ذكر",
    "ذكرت",
    "اشار",
    "اشارت",
    "صرح",
    "صرحت",
    "اعلن",
    "اعلنت",
    "شدد",
    "شددت",
    "لفت",
    "لفتت",
    "اعتبر",
    "اعتبرت",
    "راي",
    "رات",
    "كشف",
    "كشفت",
    "نقل",
    "نقلت",
    "بين",
    "بينت",
    "اردف",
    "اردفت",
    "استطرد",
    "ختم",
    "ختمت",
    "نوه",
    "نوهت",
    "دعا",
    "دعت",
    "طالب",
    "طالبت",
    "اعرب",
    "اعربت",
    "قائلا",
    "قائله",
    "مضيفا",
    "مؤكدا",
    "موضحا",
    "مشيرا",
    "لافتا",
    "كتب",
    "كتبت",
    "غرد",
    "غردت",
    "حذر",
    "حذرت",
    "جاء",
    "said",
    "says",
    "told",
    "added",
    "stated",
    "wrote",
    "declared",
    "explained",
    "noted",
]);

/// Words that end a speaker's name in an Arabic frame (`وقالت الرئاسة الروسية
/// في بيان اليوم:` → `الرئاسة الروسية`).
static SPEAKER_STOP: WordSet = WordSet::new(&[
    "في",
    "خلال",
    "عبر",
    "امام",
    "اليوم",
    "امس",
    "ان",
    "انه",
    "انها",
    "بان",
    "عن",
    "علي",
    "على",
    "من",
    "مع",
    "حول",
    "لدي",
    "لدى",
    "بعد",
    "قبل",
    "اثناء",
    "عقب",
    "ردا",
    "تعليقا",
    "لوكاله",
    "لصحيفه",
    "لقناه",
    "الي",
    "إلى",
    "انه",
    "بيان",
    "تصريح",
    "تصريحات",
    "كلمه",
    "مؤتمر",
    "حيث",
    "و",
]);

/// The speaker named in the frame before a quotation opening at `open`
/// (relative to `block`), looking back no further than `from`.
///
/// `Some(None)` means a reporting verb was found without a named subject
/// (`وأضاف: «…`): the speaker is the one quoted last.
pub(crate) fn speaker_before(block: &str, from: usize, open: usize) -> Option<Option<String>> {
    let frame = &block[from..open];
    let spans: Vec<_> = word_spans(frame).collect();
    let window = spans.len().saturating_sub(14);
    let mut word = String::new();
    let mut found_verb = false;
    // The nearest reporting verb must be close to the quote; if it names no
    // subject (`وقال، في مستهل مباحثاته: «…`), an earlier verb of the same
    // sentence may (`أكد وزير الدفاع سيرغي شويغو أن …، وقال: «…`).
    for k in (0..spans.len()).rev() {
        if !is_reporting_verb(&frame[spans[k].clone()], &mut word) {
            continue;
        }
        if !found_verb && k < window {
            return None;
        }
        found_verb = true;
        let name = if frame[spans[k].clone()].is_ascii() {
            latin_speaker(frame, &spans, k)
        } else {
            arabic_subject(frame, &spans, k, &mut word)
        };
        if name.is_some() {
            return Some(name);
        }
    }
    found_verb.then_some(None)
}

fn is_reporting_verb(w: &str, folded: &mut String) -> bool {
    let stripped = w
        .strip_prefix('و')
        .or_else(|| w.strip_prefix('ف'))
        .filter(|r| r.chars().count() >= 3);
    fold_into(stripped.unwrap_or(w), folded);
    // `بين` is "between" unless a conjunction makes it the verb "explained".
    if matches!(folded.as_str(), "بين" | "بينت") {
        return stripped.is_some();
    }
    REPORTING.contains(folded)
}

/// The subject after an Arabic verb: up to five words, ending at a stop word
/// or punctuation.
fn arabic_subject(
    frame: &str,
    spans: &[std::ops::Range<usize>],
    k: usize,
    word: &mut String,
) -> Option<String> {
    let mut name: Option<(usize, usize)> = None;
    for (count, s) in spans[k + 1..].iter().enumerate() {
        let between = &frame[name.map_or(spans[k].end, |(_, e)| e)..s.start];
        if between.contains([':', '،', ',', '«', '“', '”', '"', '(', '-', '–']) || count == 5
        {
            break;
        }
        fold_into(&frame[s.clone()], word);
        if SPEAKER_STOP.contains(word) || word.starts_with("لل") {
            break;
        }
        name = Some((name.map_or(s.start, |(b, _)| b), s.end));
    }
    name.map(|(b, e)| frame[b..e].to_string())
}

/// `Sergei Lavrov said: "…"` — the capitalised words right before the verb.
fn latin_speaker(frame: &str, spans: &[std::ops::Range<usize>], verb: usize) -> Option<String> {
    let mut first = verb;
    while first > 0 && verb - first < 4 {
        let w = &frame[spans[first - 1].clone()];
        if w.chars().next().is_some_and(char::is_uppercase) {
            first -= 1;
        } else {
            break;
        }
    }
    (first < verb).then(|| frame[spans[first].start..spans[verb - 1].end].to_string())
}
