//! Numbers and dates, canonical across the forms outlets write them in.
//!
//! A changed number is the most common "changed fact" in reused news
//! (`قتل 12` vs `قتل 21`), and no similarity score sees it (research notes
//! §4.2). So every unit carries the set of its numbers in one canonical form:
//!
//! - digits of any script (`٢٢٥٤` = `2254`), thousands separators (`2,254`,
//!   `٢٬٢٥٤` = `2254`), decimals (`3.5`, `٣٫٥`), percent on either side
//!   (`3.5%` = `%3.5` = `٣٫٥٪` = `3.5 بالمئة`), numbers glued to a prefix
//!   (`الـ15` = `15`), scale words (`3 ملايين` = `3000000`, `25 ألفا و823` =
//!   `25823`), dotted or slashed dates, spaced or year first
//!   (`17/2/2021` = `17.2.2021` = `2021 / 2 / 17`; one slash is no date:
//!   `7 / 6` is a score), times (`14:38` = `1438`), bracketed currency
//!   conversions (`121 مليار دولار (454.4 مليار ريال)`: each glosses the
//!   other), and decimals stored in visual order (`95.‏56` with an RLM, the
//!   wire agency's `16ر7`: 56.95, 7.16);
//! - number words for 1–99 and the round hundreds/thousands, cardinal and
//!   ordinal (`الخامسة عشرة` = `15`, `خمسة وعشرون` = `25`). The most ambiguous
//!   words are left out (`أحد` is also Sunday, `أول` is mostly "first",
//!   `ست`/`سبع` are also nouns);
//! - month names of every regional series (`حزيران` = `يونيو` = `جوان` = month 6,
//!   `research notes §2.5`), canonical `m6`.
//!
//! Each mention remembers its neighbouring words (as stem hashes), so the
//! scorer can tell a *substituted* number in the same slot (`قتل 12 شخصا` /
//! `قتل 21 شخصا`) from a number one outlet merely added.

use crate::hash::h64;
use crate::stem::light_stem_str;
use std::ops::Range;

/// One number or date mentioned in a unit.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMention {
    /// Canonical form: `2254`, `3.5%`, `17.2.2021`, `m6` (month six).
    pub value: Box<str>,
    /// Stem hash of the word before the mention (0 when none).
    pub prev: u64,
    /// Stem hash of the word after the mention (0 when none).
    pub next: u64,
    /// The canonical value of the figure this one glosses or is glossed by:
    /// an amount and its conversion in brackets (`121 مليار دولار (454.4
    /// مليار ريال)`) are one figure in two currencies, so an outlet that adds,
    /// drops or rounds the conversion changes no fact (see `pair.rs`).
    pub gloss: Option<Box<str>>,
}

impl NumberMention {
    /// Whether this is a month (`m1`..`m12`) rather than a number.
    pub fn is_month(&self) -> bool {
        self.value.starts_with('m')
    }
}

fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

/// Stem hash of a match-key token, as used for neighbours.
pub(crate) fn neighbour_hash(key_token: &str) -> u64 {
    h64(light_stem_str(key_token))
}

/// Canonical text of a float: no trailing zeros, no exponent.
fn canon_f64(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e18 {
        format!("{}", x as i64)
    } else {
        let s = format!("{x:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// Percent words (match-key form) that may follow a number.
fn is_percent_word(w: &str) -> bool {
    matches!(
        w,
        "بالمءه" | "بالماءه" | "المءه" | "الماءه" | "بالمايه" | "percent" | "بالمءة"
    )
}

/// Scale words (match-key form) that may follow a number.
fn scale_word(w: &str) -> Option<f64> {
    match w {
        // With the accusative (`11 ألفا`, `5 ملايينا` is not written, but
        // `مليونا`/`مليارا` after a count from 11 to 99 is).
        "الف" | "الفا" | "الاف" | "thousand" => Some(1e3),
        "مليون" | "مليونا" | "ملايين" | "million" | "millions" => Some(1e6),
        "مليار" | "مليارا" | "مليارات" | "billion" | "billions" => Some(1e9),
        _ => None,
    }
}

/// A digit-based number found in the display text.
struct RawNumber {
    canon: String,
    numeric: Option<f64>,
    /// `h.mm` read as a time of day, `h·100 + mm` (`9.30`, `6,00`, `00,01`:
    /// after `الساعة` these are times, as `9:30` is).
    clock: Option<u32>,
    percent: bool,
    start: usize,
    end: usize,
}

/// The clock word (match-key form of `الساعة`): the number after it is a
/// time of day, canonical `h·100 + mm` (`الساعة 9.30` = `9:30` = `930`).
const CLOCK_WORD: &str = "الساعه";

/// Bidirectional marks that editors leave between digits (RLM, LRM, ALM).
fn is_bidi_mark(c: char) -> bool {
    matches!(c, '\u{200F}' | '\u{200E}' | '\u{061C}')
}

/// Scans the display text for digit runs with separators.
fn scan_digits(text: &str) -> Vec<RawNumber> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if digit_value(chars[i].1).is_none() {
            i += 1;
            continue;
        }
        let start = chars[i].0;
        // Collect groups of digits and the separators between them.
        let mut groups: Vec<String> = vec![String::new()];
        let mut seps: Vec<char> = Vec::new();
        let mut reversed = false;
        let mut j = i;
        let digit_at = |k: usize| chars.get(k).is_some_and(|&(_, c)| digit_value(c).is_some());
        while j < chars.len() {
            let c = chars[j].1;
            if let Some(d) = digit_value(c) {
                groups
                    .last_mut()
                    .expect("non-empty")
                    .push(char::from(b'0' + d as u8));
                j += 1;
                continue;
            }
            if reversed {
                break;
            }
            let marks = chars[j + 1..]
                .iter()
                .take_while(|&&(_, m)| is_bidi_mark(m))
                .count();
            if c == 'ر' && seps.is_empty() && digit_at(j + 1) {
                // `16ر7 بالمائة`, `935ر6 مليون برميل`: the wire agency's decimal
                // mark, the halves stored in visual order as above (7.16,
                // 6.935); `000ر22` is 22,000.
                reversed = true;
                seps.push('.');
                groups.push(String::new());
                j += 1;
            } else if c == ':'
                && groups.len() == 1
                && groups[0].len() <= 2
                && digit_at(j + 1)
                && digit_at(j + 2)
                && !digit_at(j + 3)
            {
                // `14:38` (a time) = `1438`, as other outlets write it.
                seps.push(':');
                groups.push(String::new());
                j += 1;
            } else if matches!(c, '.' | ',' | '٫' | '٬' | '/') && digit_at(j + 1) {
                seps.push(c);
                groups.push(String::new());
                j += 1;
            } else if matches!(c, '.' | '٫' | ',' | '٬')
                && seps.is_empty()
                && marks > 0
                && digit_at(j + 1 + marks)
            {
                // `5.‏0`, `75.‏614`: a decimal whose two halves a right-to-left
                // editor stored in visual order, the mark after the point
                // (one outlet writes every decimal so: `95.‏56 دولار` is
                // another paper's `56.95 دولار`). Read back as `0.5`, `614.75`.
                reversed = true;
                seps.push('.');
                groups.push(String::new());
                j += 1 + marks;
            } else if c == '/'
                && chars.get(j + 1).is_some_and(|&(_, n)| n == ' ')
                && digit_at(j + 2)
            {
                // `10/4/ 1436هـ`, `10 / 4 / 1436هـ`: one date, spaced.
                seps.push('/');
                groups.push(String::new());
                j += 2;
            } else if c == ' '
                && chars.get(j + 1).is_some_and(|&(_, n)| n == '/')
                && (digit_at(j + 2)
                    || (chars.get(j + 2).is_some_and(|&(_, n)| n == ' ') && digit_at(j + 3)))
            {
                seps.push('/');
                groups.push(String::new());
                j += if digit_at(j + 2) { 2 } else { 3 };
            } else {
                break;
            }
        }
        if reversed {
            groups.swap(0, 1);
            if groups[1] == "000" {
                // `000ر22`: thousands, not a decimal.
                let frac = groups.pop().expect("two groups");
                groups[0].push_str(&frac);
                seps.clear();
            }
        }
        let end = if j < chars.len() {
            chars[j].0
        } else {
            text.len()
        };
        // Thousands separators: `,`/`٬` followed by exactly three digits.
        let commas = seps.iter().filter(|c| matches!(c, ',' | '٬')).count();
        let decimal_comma = commas == 1 && !seps.iter().any(|c| matches!(c, '.' | '٫' | '/'));
        let mut merged: Vec<String> = vec![groups[0].clone()];
        let mut kinds: Vec<char> = Vec::new();
        // One slash between two numbers is no date: a score (`7 / 6`), a
        // season (`2015/2016`), a pair of figures; read them apart (another
        // outlet writes `7 - 6`). Two slashes make a date.
        let lone_slash = seps == ['/'];
        for (k, sep) in seps.iter().enumerate() {
            let g = &groups[k + 1];
            if *sep == ':' || (matches!(sep, ',' | '٬') && g.len() == 3) {
                merged.last_mut().expect("non-empty").push_str(g);
            } else if lone_slash {
                merged.push(g.clone());
                kinds.push(' ');
            } else if matches!(sep, ',' | '٬') && g.len() == 3 {
                merged.last_mut().expect("non-empty").push_str(g);
            } else if matches!(sep, ',' | '٬') && !decimal_comma {
                // Several commas not grouping thousands ("1,2,3"): a list.
                merged.push(g.clone());
                kinds.push(' ');
            } else {
                // `7,16`, `٣٬٥`: a decimal comma (the match key reads it so too).
                // A single comma before 1, 2 or ≥ 4 digits is a decimal mark in
                // Arabic and European usage; a list is written with a space.
                merged.push(g.clone());
                kinds.push('.');
            }
        }
        // Split at list commas into separate numbers.
        let mut parts: Vec<Vec<String>> = vec![vec![merged[0].clone()]];
        for (k, kind) in kinds.iter().enumerate() {
            if *kind == ' ' {
                parts.push(vec![merged[k + 1].clone()]);
            } else {
                parts
                    .last_mut()
                    .expect("non-empty")
                    .push(merged[k + 1].clone());
            }
        }
        let n_parts = parts.len();
        for (pi, p) in parts.into_iter().enumerate() {
            let strip = |g: &str| {
                let t = g.trim_start_matches('0');
                if t.is_empty() {
                    "0".to_string()
                } else {
                    t.to_string()
                }
            };
            let (canon, numeric) = match p.len() {
                1 => (strip(&p[0]), p[0].parse::<f64>().ok()),
                2 => {
                    let x: f64 = format!("{}.{}", p[0], p[1]).parse().unwrap_or(0.0);
                    (canon_f64(x), Some(x))
                }
                _ => {
                    // A date written year first (`1436/10/30`) is the same
                    // date as `30/10/1436`.
                    let mut g: Vec<String> = p.iter().map(|g| strip(g)).collect();
                    if p[0].len() == 4 && p.last().is_some_and(|l| l.len() <= 2) {
                        g.reverse();
                    }
                    (g.join("."), None)
                }
            };
            let clock = match p.as_slice() {
                // `14:38`, already joined to `1438`.
                [hm] if seps == [':'] => hm.parse::<u32>().ok(),
                [h, m] if !reversed && h.len() <= 2 && m.len() == 2 => {
                    let (h, m) = (h.parse::<u32>().ok(), m.parse::<u32>().ok());
                    h.zip(m)
                        .filter(|&(h, m)| h <= 24 && m < 60)
                        .map(|(h, m)| h * 100 + m)
                }
                _ => None,
            };
            out.push(RawNumber {
                canon,
                numeric,
                clock,
                percent: false,
                start,
                end: if pi + 1 == n_parts { end } else { start },
            });
        }
        i = j;
    }
    // Percent signs on either side (a space in between is allowed).
    for n in &mut out {
        let after = text[n.end..].trim_start_matches([' ', '\u{00A0}']);
        let before = text[..n.start].trim_end_matches([' ', '\u{00A0}']);
        if after.starts_with(['%', '٪']) || before.ends_with(['%', '٪']) {
            n.percent = true;
        }
    }
    out
}

/// The canonical number a match-key token spells with digits, if any:
/// `15`, `ال15` (`الـ15`), `و7.16`, `3.5%` → `15`, `15`, `7.16`, `3.5%`.
/// (The match key already writes digits of every script as ASCII, decimal
/// commas as `.`, and glues `%` to its number.) A prefix of at most three
/// Arabic letters (clitics and the article) is dropped; leading zeros too.
pub(crate) fn key_token_number(t: &str) -> Option<&str> {
    let start = t.find(|c: char| c.is_ascii_digit())?;
    let prefix = &t[..start];
    if prefix.chars().count() > 3
        || !prefix
            .chars()
            .all(|c| ('\u{0621}'..='\u{064A}').contains(&c))
    {
        return None;
    }
    let rest = &t[start..];
    let body = rest.strip_suffix('%').unwrap_or(rest);
    if body.is_empty()
        || !body.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        || body.ends_with('.')
    {
        return None;
    }
    let trimmed = rest.trim_start_matches('0');
    if trimmed.is_empty() || trimmed.starts_with(['.', '%']) {
        // `0`, `0.5`, `0%`: keep one zero.
        return Some(&rest[rest.len() - trimmed.len() - 1..]);
    }
    Some(trimmed)
}

/// Built-in weight of a number token (canonical form), on the scale of the
/// word weights (`crate::prior`): small integers (1–31: days, counts,
/// rounds) and years (1900–2100) are common in news, 1.0; any other number
/// (`2254`, `7.16`, `3.5%`, `3000000`) pins a specific fact, 2.5 — about as
/// much as a rare name.
pub(crate) fn number_weight(canon: &str) -> f32 {
    match canon.parse::<u32>() {
        Ok(n) if n <= 31 || (1900..=2100).contains(&n) => 1.0,
        _ => 2.5,
    }
}

/// Whether a match-key token is a percent word (`بالمئة`, `المائة` …).
pub(crate) fn is_percent_token(w: &str) -> bool {
    is_percent_word(w)
}

/// The tens joined by و at token `i` (`وعشرين` … `وتسعين`), which follow
/// units in Arabic (`خمسة وعشرين` = 25, `مائة وخمسة وعشرين` = 125).
fn and_tens(tokens: &[&str], i: usize) -> Option<u32> {
    let t = word_value(tokens.get(i)?.strip_prefix('و')?)?;
    ((20..100).contains(&t) && t % 10 == 0).then_some(t)
}

/// Value of a number word (match-key form, clitics allowed in front).
fn word_value(w: &str) -> Option<u32> {
    let core = w
        .strip_prefix("وال")
        .or_else(|| w.strip_prefix("ال"))
        .or_else(|| w.strip_prefix("ب"))
        .unwrap_or(w);
    if core == "اثنين" && core.len() < w.len() {
        // `الاثنين` is far more often Monday than "the two".
        return None;
    }
    let v = match core {
        "واحد" | "واحده" | "حادي" => 1,
        "اثنان" | "اثنين" | "اثنتان" | "اثنتين" | "اثنا" | "اثني" | "اثنتا" | "اثنتي" | "ثاني"
        | "ثانيه" => 2,
        "ثلاث" | "ثلاثه" | "ثالث" | "ثالثه" => 3,
        "اربع" | "اربعه" | "رابع" | "رابعه" => 4,
        "خمس" | "خمسه" | "خامس" | "خامسه" => 5,
        "سته" | "سادس" | "سادسه" => 6,
        "سبعه" | "سابع" | "سابعه" => 7,
        "ثماني" | "ثمانيه" | "ثامن" | "ثامنه" => 8,
        "تسع" | "تسعه" | "تاسع" | "تاسعه" => 9,
        "عشر" | "عشره" | "عاشر" | "عاشره" => 10,
        "عشرون" | "عشرين" => 20,
        "ثلاثون" | "ثلاثين" => 30,
        "اربعون" | "اربعين" => 40,
        "خمسون" | "خمسين" => 50,
        "ستون" | "ستين" => 60,
        "سبعون" | "سبعين" => 70,
        "ثمانون" | "ثمانين" => 80,
        "تسعون" | "تسعين" => 90,
        "مءه" | "ماءه" => 100,
        "مءتان" | "مءتين" | "ماءتان" | "ماءتين" => 200,
        "الف" => 1000,
        "الفان" | "الفين" => 2000,
        _ => return None,
    };
    Some(v)
}

/// Plurals that follow a small count (match-key form).
fn is_counted_plural(w: &str) -> bool {
    matches!(
        w,
        "سنوات"
            | "سنين"
            | "اعوام"
            | "اشهر"
            | "شهور"
            | "اسابيع"
            | "ايام"
            | "ساعات"
            | "دقاءق"
            | "مرات"
            | "دول"
            | "الاف"
            | "ملايين"
            | "مليارات"
    )
}

fn is_teen_word(w: &str) -> bool {
    matches!(w, "عشر" | "عشره")
}

/// Month number of a match-key token (clitics `و ب ل ف` allowed in front).
fn month_single(w: &str) -> Option<u8> {
    let m = |t: &str| -> Option<u8> {
        Some(match t {
            "يناير" | "جانفي" | "january" => 1,
            "شباط" | "فبراير" | "فيفري" | "february" => 2,
            "اذار" | "مارس" | "march" => 3,
            "نيسان" | "ابريل" | "افريل" | "april" => 4,
            "ايار" | "مايو" | "ماي" | "may" => 5,
            "حزيران" | "يونيو" | "يونيه" | "جوان" | "june" => 6,
            "تموز" | "يوليو" | "يوليه" | "جويليه" | "يوليوز" | "july" => {
                7
            }
            "اغسطس" | "اوت" | "غشت" | "august" => 8,
            "ايلول" | "سبتمبر" | "شتنبر" | "september" => 9,
            "اكتوبر" | "october" => 10,
            "نوفمبر" | "نونبر" | "november" => 11,
            "ديسمبر" | "دجنبر" | "december" => 12,
            _ => return None,
        })
    };
    m(w).or_else(|| {
        let rest = w
            .strip_prefix('و')
            .or_else(|| w.strip_prefix('ب'))
            .or_else(|| w.strip_prefix('ل'))
            .or_else(|| w.strip_prefix('ف'))?;
        // `may` and `ماي` are too ambiguous with a clitic; the rest are not.
        if rest == "ماي" { None } else { m(rest) }
    })
}

/// Month of a two-word Levantine name (`كانون الثاني`, `تشرين الاول`).
fn month_pair(w1: &str, w2: &str) -> Option<u8> {
    let base = w1
        .strip_prefix('و')
        .or_else(|| w1.strip_prefix('ب'))
        .or_else(|| w1.strip_prefix('ف'))
        .unwrap_or(w1);
    match (base, w2) {
        ("كانون", "الثاني") => Some(1),
        ("كانون", "الاول") => Some(12),
        ("تشرين", "الاول") => Some(10),
        ("تشرين", "الثاني") => Some(11),
        _ => None,
    }
}

/// What the number scan found in key tokens: mentions plus the token indices
/// they cover, so features can fold month names to one token.
pub(crate) struct KeyNumbers {
    pub mentions: Vec<NumberMention>,
    /// `(token index, month)` for month-name tokens.
    pub month_tokens: Vec<(usize, u8)>,
    /// Token ranges of number words with their value (`الخامسه عشره` = 15).
    pub word_numbers: Vec<(Range<usize>, u32)>,
}

/// Number words and month names among match-key tokens.
pub(crate) fn scan_key_tokens(tokens: &[&str]) -> KeyNumbers {
    let nb = |i: Option<usize>| {
        i.and_then(|i| tokens.get(i))
            .map_or(0, |t| neighbour_hash(t))
    };
    let mut mentions = Vec::new();
    let mut month_tokens = Vec::new();
    let mut word_numbers = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        if is_percent_word(t)
            && i > 0
            && (tokens[i - 1] == "في" || key_token_number(tokens[i - 1]).is_some())
        {
            // `9.1 في المائة` is a percent (read with its number), not the
            // number one hundred.
            i += 1;
            continue;
        }
        if let Some(next) = tokens.get(i + 1)
            && let Some(m) = month_pair(t, next)
        {
            mentions.push(NumberMention {
                value: format!("m{m}").into(),
                prev: nb(i.checked_sub(1)),
                next: nb(Some(i + 2)),
                gloss: None,
            });
            month_tokens.push((i, m));
            month_tokens.push((i + 1, m));
            i += 2;
            continue;
        }
        if let Some(m) = month_single(t) {
            mentions.push(NumberMention {
                value: format!("m{m}").into(),
                prev: nb(i.checked_sub(1)),
                next: nb(Some(i + 1)),
                gloss: None,
            });
            month_tokens.push((i, m));
            i += 1;
            continue;
        }
        let first = word_value(t)
            .or_else(|| {
                // `ست`/`سبع` are also nouns ("lady", "beast"): numbers only
                // before a counted plural (`سبع سنوات`, `ست مرات`).
                let v = match t.strip_prefix('و').unwrap_or(t) {
                    "ست" => 6,
                    "سبع" => 7,
                    _ => return None,
                };
                tokens
                    .get(i + 1)
                    .is_some_and(|n| is_counted_plural(n))
                    .then_some(v)
            })
            .or_else(|| {
                // `احد عشر`, `الحادي عشر`: "one" only counts before عشر.
                let core = t.strip_prefix("ال").unwrap_or(t);
                (matches!(core, "احد" | "احدي")
                    && tokens.get(i + 1).is_some_and(|n| is_teen_word(n)))
                .then_some(1)
            });
        if let Some(mut v) = first {
            let start = i;
            i += 1;
            if v < 10 && tokens.get(i).is_some_and(|n| is_teen_word(n)) {
                v += 10;
                i += 1;
            } else if v < 10
                && let Some(t2) = and_tens(tokens, i)
            {
                v += t2;
                i += 1;
            }
            // `مائتين وخمسين ألف`, `مائة وعشرة`: hundreds, then units and tens.
            if v % 100 == 0
                && v < 1000
                && let Some(n) = tokens.get(i)
                && let Some(rest) = n.strip_prefix('و')
                && let Some(t2) = word_value(rest)
                && t2 < 100
            {
                v += t2;
                i += 1;
                if t2 < 10
                    && let Some(t3) = and_tens(tokens, i)
                {
                    v += t3;
                    i += 1;
                }
            }
            // Scale and percent words after a number word, as after digits
            // (`ستة ملايين` = `6 ملايين`, `أربعة بالمئة` = `4%`).
            let mut value = v.to_string();
            if v <= 24 && start > 0 && tokens[start - 1] == CLOCK_WORD {
                // `الساعة السادسة` is `الساعة 6:00` (`600`).
                value.push_str("00");
            }
            let mut end = i;
            if let Some(scale) = tokens.get(end).and_then(|w| scale_word(w)) {
                value = canon_f64(f64::from(v) * scale);
                end += 1;
            } else if tokens.get(end).is_some_and(|w| is_percent_word(w)) {
                value.push('%');
                end += 1;
            } else if tokens.get(end) == Some(&"في")
                && tokens.get(end + 1).is_some_and(|w| is_percent_word(w))
            {
                value.push('%');
                end += 2;
            }
            mentions.push(NumberMention {
                value: value.into(),
                prev: nb(start.checked_sub(1)),
                next: nb(Some(end)),
                gloss: None,
            });
            word_numbers.push((start..i, v));
            continue;
        }
        i += 1;
    }
    KeyNumbers {
        mentions,
        month_tokens,
        word_numbers,
    }
}

/// Digit-based numbers of the display text, with neighbours taken from the
/// display words around them (normalized with `key_of`).
pub(crate) fn scan_text(text: &str, key_of: &dyn Fn(&str) -> String) -> Vec<NumberMention> {
    let raw = scan_digits(text);
    if raw.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::with_capacity(raw.len());
    // Per mention: the currency word after it (past a scale word), if any.
    let mut currency: Vec<Option<String>> = Vec::with_capacity(raw.len());
    // Per mention: the value with its scale word applied, if it had one.
    let mut scaled: Vec<Option<f64>> = Vec::with_capacity(raw.len());
    for n in &raw {
        // Words around the number (skipping letters glued to it, as in الـ15).
        let before = &text[..n.start];
        let before = before.trim_end_matches(|c: char| !c.is_whitespace());
        let prev_word = before.split_whitespace().rev().find_map(|w| {
            let k = key_of(w);
            let t = k
                .split(' ')
                .rfind(|t| !t.is_empty() && !t.bytes().all(|b| b.is_ascii_digit()));
            t.map(str::to_string)
        });
        let after = &text[n.end..];
        // Letters glued to the digits (`7.16بالمئة`, `2014م`).
        let glued_end = after.find(char::is_whitespace).unwrap_or(after.len());
        let glued = key_of(&after[..glued_end]);
        let glued_percent = glued.split(' ').any(is_percent_word);
        let after = after.trim_start_matches(|c: char| !c.is_whitespace());
        let mut next_words = after.split_whitespace().filter_map(|w| {
            let k = key_of(w);
            k.split(' ').find(|t| !t.is_empty()).map(str::to_string)
        });
        let next1 = next_words.next();
        let next2 = next_words.next();
        let mut percent = n.percent || glued_percent;
        let mut value = match n.clock {
            // After the clock word a decimal is a time: `الساعة 9.30` is the
            // `الساعة 9:30` (`930`) of another outlet.
            Some(c) if prev_word.as_deref() == Some(CLOCK_WORD) => c.to_string(),
            // … and a whole hour is `h:00` (`الساعة 6` = `الساعة 6,00`).
            None if prev_word.as_deref() == Some(CLOCK_WORD)
                && n.numeric.is_some_and(|x| x.fract() == 0.0 && x <= 24.0) =>
            {
                format!("{}00", n.canon)
            }
            _ => n.canon.clone(),
        };
        let mut next = next1.clone();
        let unit = match &next1 {
            Some(w) if scale_word(w).is_some() => next2.clone(),
            other => other.clone(),
        };
        currency.push(unit.filter(|w| is_currency_word(w)));
        if !glued_percent && let Some(w) = &next1 {
            if is_percent_word(w) {
                percent = true;
                next = next2.clone();
            } else if w == "في" && next2.as_deref().is_some_and(is_percent_word) {
                percent = true;
                next = None;
            } else if let (Some(scale), Some(x)) = (scale_word(w), n.numeric) {
                value = canon_f64(x * scale);
                next = next2.clone();
            }
        }
        scaled.push(
            (!percent)
                .then(|| next1.as_deref().and_then(scale_word).zip(n.numeric))
                .flatten()
                .map(|(scale, x)| x * scale),
        );
        if percent {
            value.push('%');
        }
        out.push(NumberMention {
            value: value.into(),
            prev: prev_word.as_deref().map_or(0, neighbour_hash),
            next: next.as_deref().map_or(0, neighbour_hash),
            gloss: None,
        });
    }
    // An amount followed by its conversion in brackets, both with a currency
    // word and the two currencies different: `121 مليار دولار (454.4 مليار
    // ريال)`, `1.6 مليار دولار (بلغ 6.1 مليارات ريال)`. Each glosses the other.
    for k in 0..raw.len().saturating_sub(1) {
        let (Some(c1), Some(c2)) = (&currency[k], &currency[k + 1]) else {
            continue;
        };
        if light_stem_str(c1) == light_stem_str(c2) || raw[k].end > raw[k + 1].start {
            continue;
        }
        let between = &text[raw[k].end..raw[k + 1].start];
        let Some(open) = between.find(['(', '[']) else {
            continue;
        };
        // The first amount's unit before the bracket, at most one word
        // (a verb such as `بلغ`) inside it before the second amount.
        let (outside, inside) = (&between[..open], &between[open + 1..]);
        if outside.split_whitespace().count() > 3
            || inside.split_whitespace().count() > 1
            || between.contains([')', ']', '.', '،', ','])
        {
            continue;
        }
        out[k].gloss = Some(out[k + 1].value.clone());
        out[k + 1].gloss = Some(out[k].value.clone());
    }
    // `25 ألفا و823 صوتا` is `25823 صوتا`: a scaled number, its scale word,
    // then `و` glued to a smaller number.
    let mut merged_into_prev = vec![false; raw.len()];
    for k in 0..raw.len().saturating_sub(1) {
        let (Some(big), Some(small)) = (scaled[k], raw[k + 1].numeric) else {
            continue;
        };
        // (`بين 11 ألفا و18 ألف` is two numbers: the second has its own scale.)
        if raw[k].end > raw[k + 1].start || merged_into_prev[k] || scaled[k + 1].is_some() {
            continue;
        }
        let between: Vec<&str> = text[raw[k].end..raw[k + 1].start]
            .split_whitespace()
            .collect();
        let scale = big / raw[k].numeric.unwrap_or(1.0);
        if between.len() == 2
            && scale_word(&key_of(between[0])).is_some()
            && between[1] == "و"
            && small < scale
            && small.fract() == 0.0
        {
            out[k].value = canon_f64(big + small).into();
            out[k].next = out[k + 1].next;
            merged_into_prev[k + 1] = true;
        }
    }
    out.into_iter()
        .zip(merged_into_prev)
        .filter(|(_, m)| !m)
        .map(|(n, _)| n)
        .collect()
}

/// Currency words (match-key form) an amount may carry: Arabic names with
/// their accusative and plural forms, and the common Latin ones.
fn is_currency_word(w: &str) -> bool {
    matches!(
        w,
        "دولار"
            | "دولارا"
            | "دولارات"
            | "ريال"
            | "ريالا"
            | "ريالات"
            | "درهم"
            | "درهما"
            | "دراهم"
            | "دينار"
            | "دينارا"
            | "دنانير"
            | "جنيه"
            | "جنيها"
            | "جنيهات"
            | "يورو"
            | "ليره"
            | "ليرات"
            | "روبيه"
            | "ين"
            | "يوان"
            | "dollar"
            | "dollars"
            | "euro"
            | "euros"
            | "pounds"
            | "riyals"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> String {
        isnad_segment::normalize::match_key(s)
    }
    fn values(text: &str) -> Vec<String> {
        let k = key(text);
        let toks: Vec<&str> = k.split(' ').filter(|t| !t.is_empty()).collect();
        let mut v: Vec<String> = scan_text(text, &key)
            .into_iter()
            .chain(scan_key_tokens(&toks).mentions)
            .map(|m| m.value.to_string())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn units_and_tens_joined_by_wa() {
        assert_eq!(values("قتل خمسة وعشرون شخصا"), ["25"]);
        assert_eq!(values("قتل مائة وخمسة وعشرون شخصا"), ["125"]);
        assert_eq!(values("نحو مائتين وخمسين ألف درهم"), ["250000"]);
        // Tens alone after units only when joined by و and a multiple of ten.
        assert_eq!(values("خمسة عشرون"), ["20", "5"]);
    }

    #[test]
    fn digits_in_every_form() {
        assert_eq!(values("القرار رقم “2254”"), ["2254"]);
        assert_eq!(values("القرار رقم ٢٢٥٤"), ["2254"]);
        assert_eq!(values("نحو 2,254 شخصا"), ["2254"]);
        assert_eq!(values("الجولة الـ15"), ["15"]);
        assert_eq!(values("الجولة الخامسة عشرة"), ["15"]);
        assert_eq!(values("التضخم 3.5%"), ["3.5%"]);
        assert_eq!(values("التضخم %3.5"), ["3.5%"]);
        assert_eq!(values("التضخم ٣٫٥٪"), ["3.5%"]);
        assert_eq!(values("التضخم 3.5 بالمئة"), ["3.5%"]);
        assert_eq!(values("نحو 3 ملايين لاجئ"), ["3000000"]);
        assert_eq!(values("نحو ثلاثة ملايين لاجئ"), ["3000000"]);
        assert_eq!(values("هوى الذهب أربعة بالمئة"), ["4%"]);
        assert_eq!(values("هوى الذهب 4 %"), ["4%"]);
        assert_eq!(values("خمسة وعشرون قتيلا"), ["25"]);
        assert_eq!(values("في 17/2/2021"), ["17.2.2021"]);
    }

    #[test]
    fn months_fold_across_series() {
        assert_eq!(values("في حزيران/يونيو"), ["m6", "m6"]);
        assert_eq!(values("في تشرين الأول"), ["m10"]);
        assert_eq!(values("يوم الأحد الأول"), Vec::<String>::new());
    }
}
