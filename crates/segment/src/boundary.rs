//! Sentence boundaries inside one block (paragraph).
//!
//! A direct scanner (notes §1.5), not UAX #29: in UAX #29 every Arabic letter
//! is `OLetter`, so it breaks after `د. أيمن` and `ص.ب`, and it has no notion of
//! Arabic abbreviations, era suffixes or datelines.
//!
//! A candidate is a run of terminators `. ! ? ؟ … ۔ ؝ ؞ ‼ ⁇ ⁈ ⁉` and the
//! CJK full stops and marks `。 ！ ？ ． ｡` extended over closing
//! quotes/brackets and invisible format characters. It is a boundary only
//! when whitespace or the end of the block follows — that alone keeps
//! decimals (`3.5`), dates (`1.6.2023`), URLs, e-mail addresses and `.com`
//! whole — except after a CJK mark: Chinese and Japanese put no space
//! between sentences (`会谈。东京`), and these marks have no decimal or
//! abbreviation use to guard against. Then:
//! - a run with `!`, `?`, `؟` or a CJK mark is a boundary — but for a CJK
//!   mark and a closing quote followed by the Japanese quotative particle
//!   `と` / `って` (`「合意は近い。」と語った。`): the quote belongs to the
//!   sentence that reports it ([`quotative_particle_at`]);
//! - an ellipsis (`…`, `..`, `...`) is not, unless a closing quote follows it:
//!   Arabic news uses it mid-sentence far more than at the end;
//! - a single `.` is vetoed after an abbreviation ([`is_abbreviation`]) and
//!   after a list number (`1. البند`).

use crate::quote::Quotes;
use crate::text::{is_closer, is_invisible, is_space};

/// Characters that can end a sentence.
#[inline]
pub(crate) fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '؟' | '…' | '۔' | '؝' | '؞' | '‼' | '⁇' | '⁈' | '⁉'
    ) || is_cjk_terminator(c)
}

/// The CJK sentence ends: ideographic full stop `。`, fullwidth `！ ？ ．`
/// and halfwidth `｡`. Chinese and Japanese write no space after them.
#[inline]
pub(crate) fn is_cjk_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '．' | '｡')
}

/// Bytes that reveal a terminator: `. ! ?`; the *last* byte of `؝ ؞ ؟`
/// (D8 9D–9F) and `۔` (DB 94); the lead byte E2 of `… ‼ ⁇ ⁈ ⁉`, E3 of `。`
/// (E3 80 82) and EF of `！ ？ ． ｡` (EF BC 81/9F/8E, EF BD A1). Arabic and
/// Latin text has no E3 or EF bytes (but for the rare presentation forms),
/// so the CJK marks cost them nothing. Keying the
/// Arabic marks on their second byte matters: D8 leads half of the Arabic
/// letters, so a scan that stopped at it would stop at every other letter.
const TRIGGER: [bool; 256] = {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[0x9D] = true;
    t[0x9E] = true;
    t[0x9F] = true;
    t[0x94] = true;
    t[0xE2] = true;
    t[0xE3] = true;
    t[0xEF] = true;
    t
};

/// Ends of the sentences in `block` (byte offsets relative to the block), in
/// order. The end of the block is not included. A boundary may also be put
/// *before* a list number that follows an ellipsis or colon (`… 2. البند`);
/// such a boundary is returned like any other.
pub(crate) fn sentence_ends(block: &str, quotes: &Quotes, out: &mut Vec<usize>) {
    out.clear();
    let bytes = block.as_bytes();
    let len = block.len();
    let mut unit_start = 0;
    let mut i = 0;
    while i < len {
        while i < len && !TRIGGER[bytes[i] as usize] {
            i += 1;
        }
        if i >= len {
            break;
        }
        // Back from a second byte to the start of its character; `i > 0`
        // always holds for a continuation byte of a `str`.
        let start = match bytes[i] {
            b'.' | b'!' | b'?' => Some(i),
            0x9D..=0x9F => (i > 0 && bytes[i - 1] == 0xD8).then(|| i - 1),
            0x94 => (i > 0 && bytes[i - 1] == 0xDB).then(|| i - 1),
            0xE2 => matches!(bytes.get(i + 1), Some(0x80 | 0x81)).then_some(i),
            0xE3 => matches!(bytes.get(i + 1..i + 3), Some([0x80, 0x82])).then_some(i),
            _ => matches!(
                bytes.get(i + 1..i + 3),
                Some([0xBC, 0x81 | 0x9F | 0x8E] | [0xBD, 0xA1])
            )
            .then_some(i), // 0xEF
        };
        let Some(start) = start else {
            i += 1;
            continue;
        };
        i = start;
        let Some(c) = block[i..].chars().next() else {
            break;
        };
        if !is_terminator(c) {
            i += c.len_utf8();
            continue;
        }
        let run_start = i;
        let mut dots = 0usize;
        let mut hard = false;
        let mut ellipsis = false;
        let mut cjk = false;
        let mut j = i;
        while let Some(c) = block[j..].chars().next() {
            if !is_terminator(c) {
                break;
            }
            match c {
                '.' => dots += 1,
                '…' => ellipsis = true,
                _ => hard = true,
            }
            cjk |= is_cjk_terminator(c);
            j += c.len_utf8();
        }
        // `...` and `…` pause mid-sentence; two dots `..` are a full stop
        // in much informal Arabic writing (`سيئة جدا.. وكانت`). Measured on
        // the TED gold (`iwsltt2017.ar`): 37 of its 53 `..` end a line, and
        // the other 16 are followed by the same words (`و`, `ثم`, `لكن`) as
        // the line-final ones, so no cue tells them apart.
        if dots == 2 && !ellipsis {
            hard = true;
        } else if dots >= 3 {
            ellipsis = true;
        }
        // `. .` / `؟ !`: a terminator repeated after one space is the same run.
        while block[j..].starts_with(' ')
            && block[j + 1..].chars().next().is_some_and(is_terminator)
            && block[j + 1..].chars().nth(1).is_none_or(is_space)
        {
            j += 1;
            while let Some(c) = block[j..].chars().next().filter(|&c| is_terminator(c)) {
                hard |= c != '.' && c != '…';
                j += c.len_utf8();
            }
        }
        // Closers and invisible characters glued to the run belong to it.
        let mut closed = false;
        while let Some(c) = block[j..].chars().next() {
            if is_closer(c) {
                closed = true;
            } else if !is_invisible(c) {
                break;
            }
            j += c.len_utf8();
        }
        // `... كذا . "` — a quote opened earlier closes after a space: it
        // belongs to this sentence, not the next one.
        if let Some(close_end) = quotes.closer_after_space(block, j) {
            j = close_end;
            closed = true;
        }
        let at_end = j >= len;
        let next_is_space = at_end || block[j..].chars().next().is_some_and(is_space);
        i = j;
        if at_end || !(next_is_space || cjk) {
            continue;
        }
        // `「…？」と述べた。`: the quote is what the sentence reports.
        if closed && quotative_particle_at(&block[j..]) {
            continue;
        }
        let boundary = if hard {
            true
        } else if ellipsis {
            closed
        } else {
            match list_number(block, unit_start, run_start) {
                ListNumber::AtUnitStart => false,
                ListNumber::AfterPause(number_start) => {
                    out.push(number_start);
                    unit_start = number_start;
                    false
                }
                ListNumber::No => !is_abbreviation(block, run_start, j),
            }
        };
        if boundary {
            out.push(j);
            unit_start = j;
        }
    }
}

/// Japanese words that start with `と` and can start a sentence ("very",
/// "anyway", "however", "but", "by the way", "for now", "at any rate",
/// "finally", "especially", "particularly"): after a closing quote they
/// begin the next sentence, they are not the quotative particle.
const TO_WORDS: &[&str] = &[
    "とても",
    "とにかく",
    "とはいえ",
    "ところが",
    "ところで",
    "とりあえず",
    "ともかく",
    "とうとう",
    "とりわけ",
    "とくに",
];

/// Whether `rest` (the text right after a CJK sentence end and a closing
/// quote) starts with the Japanese quotative particle `と` or colloquial
/// `って`, which make the quote part of the sentence that reports it
/// (`「合意は近い。」と語った`, `「本当？」って聞いた`): Japanese closes a
/// quoted sentence with its own `。？！` and goes on without a space. A
/// sentence hardly ever starts with the bare particle, so only the few
/// words in [`TO_WORDS`] that start with `と` are told apart.
fn quotative_particle_at(rest: &str) -> bool {
    (rest.starts_with('と') && !TO_WORDS.iter().any(|w| rest.starts_with(w)))
        || rest.starts_with("って")
}

enum ListNumber {
    No,
    /// `1. البند` at the start of a unit: the number is a marker, not an end.
    AtUnitStart,
    /// `… 2. البند`: a new item starts at the number (byte offset).
    AfterPause(usize),
}

/// Whether the `.` at `dot` closes a list number of one or two digits.
fn list_number(block: &str, unit_start: usize, dot: usize) -> ListNumber {
    let token_start = token_start(block, dot);
    let token = &block[token_start..dot];
    let n = token.chars().count();
    if n == 0 || n > 2 || !token.chars().all(is_digit) {
        return ListNumber::No;
    }
    let before = block[unit_start..token_start].trim_end_matches(is_space);
    if before.chars().all(|c| is_space(c) || is_invisible(c)) {
        return ListNumber::AtUnitStart;
    }
    match before.chars().next_back() {
        Some('…' | ':' | '.' | '؛' | ';') => ListNumber::AfterPause(token_start),
        _ => ListNumber::No,
    }
}

#[inline]
fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
        || ('\u{0660}'..='\u{0669}').contains(&c)
        || ('\u{06F0}'..='\u{06F9}').contains(&c)
}

/// Start of the whitespace-delimited token that ends at `end`.
fn token_start(block: &str, end: usize) -> usize {
    block[..end]
        .char_indices()
        .rev()
        .find(|&(_, c)| is_space(c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// Single Arabic letters that are abbreviations before a dot: `د.` (doctor),
/// `أ.` (professor), `م.` (engineer), `ت.` (telephone), `ص.` (page), `ج.`,
/// `ع.`, and initials in names (`أحمد ز. أمين`). Every Arabic letter qualifies:
/// a one-letter word does not end a sentence.
fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0671}'..='\u{06D3}')
}

/// Latin abbreviations that never end a sentence before a following word:
/// titles, months, and common short forms.
const LATIN_ALWAYS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "maj",
    "rep", "sen", "gov", "pres", "hon", "rev", "fr", "sr", "jr", "mt", "ft", "no", "nos", "vs",
    "v", "approx", "dept", "est", "fig", "figs", "vol", "vols", "p", "pp", "cf", "ca", "op", "art",
    "sec", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "e.g", "i.e", "ave", "blvd", "rd", "univ",
];

/// Latin abbreviations that often end a sentence: a boundary only when the
/// next word starts with a capital letter.
const LATIN_MAYBE_FINAL: &[&str] = &[
    "etc", "inc", "ltd", "co", "corp", "al", "esq", "bros", "plc", "llc",
];

/// Arabic abbreviations of more than one letter (compared after alef folding).
const ARABIC_WORDS: &[&str] = &["الخ", "اه", "م.س", "م.ن"];

/// Whether the single `.` at `dot` ends an abbreviation rather than a
/// sentence. `after` is the offset after the dot and its closers.
pub(crate) fn is_abbreviation(block: &str, dot: usize, after: usize) -> bool {
    let start = token_start(block, dot);
    let raw = block[start..dot].trim_start_matches(|c: char| {
        matches!(
            c,
            '(' | '[' | '{' | '«' | '"' | '“' | '”' | '„' | '‘' | '\'' | '‹' | '<'
        ) || is_invisible(c)
    });
    // Letters of the token with diacritics and tatweel dropped, alef folded.
    let mut buf = [' '; 12];
    let mut n = 0;
    for c in raw.chars() {
        if matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}') {
            continue;
        }
        if n == buf.len() {
            return false; // long words are not abbreviations
        }
        buf[n] = match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            c => c,
        };
        n += 1;
    }
    let tok = &buf[..n];
    if n == 0 {
        return false;
    }
    if n == 1 {
        let c = tok[0];
        if is_arabic_letter(c) {
            // `عام 2023 م.` / `1445 هـ.`: an era suffix after a number ends the sentence.
            if matches!(c, 'م' | 'ه') && previous_token_ends_with_digit(block, start) {
                return false;
            }
            return true;
        }
        // Latin initials (`George W. Bush`).
        return c.is_uppercase();
    }
    // `ود.` = `و` + `د.`: the conjunction glued to a title.
    if n == 2 && tok[0] == 'و' && matches!(tok[1], 'د' | 'ا' | 'م') {
        return true;
    }
    // Dotted abbreviations made of 1–2 letter segments: `ص.ب`, `أ.د`, `ج.م.ع`, `U.S`, `e.g`.
    if tok.contains(&'.') {
        let mut seg = 0;
        let mut ok = true;
        for &c in tok {
            if c == '.' {
                ok &= seg >= 1;
                seg = 0;
            } else if crate::text::is_alpha(c) {
                seg += 1;
                ok &= seg <= 2;
            } else {
                ok = false;
            }
        }
        if ok && seg <= 2 {
            return true;
        }
    }
    let mut word = String::with_capacity(n * 2);
    word.extend(tok.iter().copied());
    if ARABIC_WORDS.contains(&word.as_str()) {
        return true;
    }
    if word.is_ascii() {
        let lower = word.to_ascii_lowercase();
        if LATIN_ALWAYS.contains(&lower.as_str()) {
            return true;
        }
        let next = next_word_start(block, after);
        if LATIN_MAYBE_FINAL.contains(&lower.as_str()) {
            return !next.is_some_and(|c| c.is_uppercase());
        }
        // Latin sentences start with a capital: `approx. five`, `the U.S. said`.
        if next.is_some_and(|c| c.is_lowercase() && c.is_ascii())
            && word.chars().any(|c| c.is_ascii_alphabetic())
        {
            return true;
        }
    }
    false
}

fn previous_token_ends_with_digit(block: &str, token_start: usize) -> bool {
    block[..token_start]
        .trim_end_matches(is_space)
        .chars()
        .next_back()
        .is_some_and(is_digit)
}

fn next_word_start(block: &str, from: usize) -> Option<char> {
    block[from..]
        .chars()
        .find(|&c| !is_space(c) && !is_invisible(c))
}
