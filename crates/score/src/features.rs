//! Per-unit features computed once and reused for every comparison.
//!
//! At corpus scale (~1M units) features are computed once per unit and kept in
//! memory while candidate pairs are scored, so they are compact: the match
//! key, one 32-byte record per key token (hashes of the token, its light
//! stem and its name skeleton, a default weight and flags), the hashes of the
//! content stems, and the few numbers and negators of the unit. Tokens are
//! hashed with seeded xxh3 ([`crate::hash`]), never stored as `String`s.
//!
//! What each feature is for (research notes §4.3, §7):
//! - token and stem hashes: IDF-weighted soft overlap (paraphrase), ordered
//!   alignment (partial reuse and the highlighted spans);
//! - name skeletons: soft matches of transliterated names (§2.6, [`crate::names`]);
//! - numbers and months, canonical across forms ([`crate::numbers`]), and
//!   negators ([`crate::negation`]): the "changed fact" checks that no
//!   similarity score provides;
//! - stopwords ([`crate::stopwords`]) are kept in the token sequence (they
//!   help alignment) but carry no weight in overlap and are not in
//!   [`Features::stems`].

use crate::hash::h64;
use crate::idf;
use crate::names::skeleton_into;
use crate::negation::{self, is_negator};
use crate::numbers::{self, NumberMention};
use crate::prior;
use crate::stem::light_stem_str;
use crate::stopwords::is_stopword_hashed;
use std::sync::OnceLock;

pub(crate) const STOP: u8 = 1;
pub(crate) const NUMBER: u8 = 2;
pub(crate) const NEGATOR: u8 = 4;
pub(crate) const LATIN: u8 = 8;
/// A word absorbed by the number before it (`عشره` of `الخامسه عشره`,
/// `في الماءه` after `3.5`): a stopword, left out of the canonical key.
pub(crate) const ABSORBED: u8 = 16;
/// A negator that negates what follows (`negation::negates`): the ones a
/// changed fact is made of.
pub(crate) const NEGATES: u8 = 32;
/// `الا`, which may hold a negator (`negation::may_hold_negator`).
pub(crate) const MAY_NEGATE: u8 = 64;

/// One match-key token, hashed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Tok {
    /// Hash of the match-key token (months folded to one form).
    pub word: u64,
    /// Hash of its light stem (equal to `word` for stopwords, numbers, Latin).
    pub stem: u64,
    /// Low 32 bits of the hash of its name skeleton; 0 when it has none.
    pub skel: u32,
    /// Low 32 bits of the hash of the stem's first three letters (Arabic
    /// content words with stems of ≥ 3 letters; 0 otherwise): the key of the
    /// morphological-variant match.
    pub pre: u32,
    /// Default weight (built-in IDF); 0 for stopwords.
    pub weight: f32,
    /// `STOP | NUMBER | NEGATOR | LATIN | ABSORBED | NEGATES | MAY_NEGATE`.
    pub flags: u8,
}

impl Tok {
    pub(crate) fn is_content(&self) -> bool {
        self.flags & STOP == 0
    }
}

/// Features of one unit's text.
#[derive(Debug, Clone)]
pub struct Features {
    key: String,
    toks: Box<[Tok]>,
    stems: Box<[u64]>,
    numbers: Box<[NumberMention]>,
    /// Canonical text of each number token (token index, value).
    number_texts: Box<[(u32, Box<str>)]>,
    /// `(token index, stem hash)` of the words with a one-letter
    /// preposition ([`proclitic_stem`]), in token order: the soft matching
    /// of every scored pair looks them up.
    proclitic: Box<[(u32, u64)]>,
    negators: u16,
    /// Sum of the built-in weights of the content tokens.
    content_weight: f32,
    /// Char 4-grams of the canonical key, computed on first use: only units
    /// that reach the scorer's full analysis need them, and at corpus scale
    /// most units never do.
    grams: OnceLock<Box<[u32]>>,
    /// Byte span in the display text of each key token (see
    /// `align::display_tokens`), computed on first use: only units of
    /// accepted pairs need them, but those need them once per match.
    display: OnceLock<Box<[std::ops::Range<usize>]>>,
    /// The content tokens sorted by each soft-matching key, computed on
    /// first use (see [`Features::key_orders`]).
    key_orders: OnceLock<Option<KeyOrders>>,
}

/// Token indices of a unit's content tokens, sorted by (key, index) for
/// each key the pair scorer's soft matching pairs tokens by (form, stem,
/// name skeleton, stem prefix; the last two leave out tokens without one).
///
/// Every scored pair used to sort its tokens by these keys, several times
/// per pair (about a fifth of the scorer's time on SaudiNewsNet), while a
/// unit is scored in about ten pairs: the order of any subset of tokens is
/// its subsequence of the order here.
#[derive(Debug, Clone)]
pub(crate) struct KeyOrders {
    /// The four orders, one after another.
    order: Box<[u16]>,
    /// End of each order in `order`.
    ends: [u32; 4],
}

impl KeyOrders {
    /// Kinds of key, in [`KeyOrders::of`]'s order.
    pub(crate) const WORD: usize = 0;
    pub(crate) const STEM: usize = 1;
    pub(crate) const SKELETON: usize = 2;
    pub(crate) const PREFIX: usize = 3;

    /// The sort key of token `t` for key kind `kind`.
    pub(crate) fn key(kind: usize, t: &Tok) -> u64 {
        match kind {
            Self::WORD => t.word,
            Self::STEM => t.stem,
            Self::SKELETON => u64::from(t.skel),
            _ => u64::from(t.pre),
        }
    }

    /// The content tokens of `toks` that have a key of `kind` (every one
    /// has a form and a stem; skeleton and stem prefix may be 0: none), as
    /// `(key, index)`, sorted.
    pub(crate) fn keyed(toks: &[Tok], kind: usize) -> Vec<(u64, usize)> {
        let mut keyed: Vec<(u64, usize)> = toks
            .iter()
            .enumerate()
            .filter(|(_, t)| t.is_content())
            .map(|(i, t)| (Self::key(kind, t), i))
            .filter(|&(k, _)| kind < Self::SKELETON || k != 0)
            .collect();
        keyed.sort_unstable();
        keyed
    }

    /// The orders of `toks`, or `None` when token indices do not fit the
    /// compact form (units of over 65,535 tokens sort per pair instead).
    fn of(toks: &[Tok]) -> Option<KeyOrders> {
        if toks.len() > usize::from(u16::MAX) {
            return None;
        }
        let mut order = Vec::new();
        let mut ends = [0u32; 4];
        for (kind, end) in ends.iter_mut().enumerate() {
            order.extend(Self::keyed(toks, kind).iter().map(|&(_, i)| i as u16));
            *end = order.len() as u32;
        }
        Some(KeyOrders {
            order: order.into_boxed_slice(),
            ends,
        })
    }

    /// Content token indices sorted by (key of `kind`, index).
    pub(crate) fn sorted(&self, kind: usize) -> &[u16] {
        let start = if kind == 0 { 0 } else { self.ends[kind - 1] };
        &self.order[start as usize..self.ends[kind] as usize]
    }
}

impl Features {
    /// Approximate heap bytes held (for the matcher's memory budget).
    pub(crate) fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        self.key.len()
            + self.toks.len() * size_of::<Tok>()
            + self.stems.len() * size_of::<u64>()
            + self.numbers.len() * (size_of::<NumberMention>() + 16)
            + self.number_texts.len() * (size_of::<(u32, Box<str>)>() + 16)
            + self.proclitic.len() * size_of::<(u32, u64)>()
            + self.grams.get().map_or(0, |g| g.len() * size_of::<u32>())
            + self
                .display
                .get()
                .map_or(0, |d| d.len() * size_of::<std::ops::Range<usize>>())
            + self
                .key_orders
                .get()
                .and_then(Option::as_ref)
                .map_or(0, |o| o.order.len() * size_of::<u16>())
    }

    /// The content tokens sorted by each soft-matching key (computed on
    /// first use), or `None` for units too long for the compact form.
    pub(crate) fn key_orders(&self) -> Option<&KeyOrders> {
        self.key_orders
            .get_or_init(|| KeyOrders::of(&self.toks))
            .as_ref()
    }

    /// The match key (see `isnad_segment::normalize::match_key`): equal keys
    /// mean a verbatim copy.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Stable hashes (seeded xxh3, [`stem_hash`]) of the light stems of the
    /// content words (stopwords left out), in text order, duplicates kept.
    ///
    /// These are the candidate keys: two units the scorer accepts as
    /// near-duplicate, partial or paraphrase share stems. Month names of every
    /// regional series hash to one value (`حزيران` = `يونيو`); transliterated
    /// name variants (`سوريا`/`سورية`) may differ here and only meet in the
    /// pair scorer's skeleton match.
    pub fn stems(&self) -> &[u64] {
        &self.stems
    }

    /// The numbers and dates of the unit in canonical form (`2254`, `3.5%`, `m6`).
    pub fn numbers(&self) -> impl Iterator<Item = &str> {
        self.numbers.iter().map(|n| &*n.value)
    }

    /// How many negators (`لا لم لن ليس غير عدم دون بدون`, `not` …) the unit has.
    pub fn negators(&self) -> usize {
        usize::from(self.negators)
    }

    /// Number of match-key tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Whether the unit has no tokens at all (empty or punctuation only).
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    pub(crate) fn toks(&self) -> &[Tok] {
        &self.toks
    }

    /// Sum of the built-in weights of the content tokens.
    pub(crate) fn content_weight(&self) -> f32 {
        self.content_weight
    }

    /// Sorted hashes of the char 4-grams of the canonical key: the match key
    /// with numbers in canonical form (`ال15`, `الخامسه عشره` → `15`) and
    /// the words they absorbed dropped. Computed once, on first use.
    pub(crate) fn grams(&self) -> &[u32] {
        self.grams.get_or_init(|| {
            let mut key = String::with_capacity(self.key.len() + 2);
            key.push(' ');
            let mut nums = self.number_texts.iter().peekable();
            for (i, (t, tok)) in self.key_tokens().zip(self.toks.iter()).enumerate() {
                if tok.flags & ABSORBED != 0 {
                    continue;
                }
                let text = match nums.peek() {
                    Some((k, c)) if *k as usize == i => {
                        nums.next();
                        &**c
                    }
                    _ => t,
                };
                if key.len() > 1 {
                    key.push(' ');
                }
                key.push_str(text);
            }
            key.push(' ');
            char_grams(&key).into_boxed_slice()
        })
    }

    /// The cache of `align::display_tokens` (the text is always the one the
    /// features were computed from).
    pub(crate) fn display_cache(&self) -> &OnceLock<Box<[std::ops::Range<usize>]>> {
        &self.display
    }

    /// `(token index, stem hash)` of the tokens that are a one-letter
    /// preposition plus a word ([`proclitic_stem`]), in token order.
    pub(crate) fn proclitic_stems(&self) -> &[(u32, u64)] {
        &self.proclitic
    }

    pub(crate) fn number_mentions(&self) -> &[NumberMention] {
        &self.numbers
    }

    /// The match-key tokens as text (allocation-free iterator over the key).
    pub(crate) fn key_tokens(&self) -> impl Iterator<Item = &str> {
        self.key.split(' ').filter(|t| !t.is_empty())
    }
}

impl PartialEq for Features {
    /// Equal when computed from the same text (the lazily computed char
    /// grams are derived data and do not take part).
    fn eq(&self, other: &Features) -> bool {
        self.key == other.key
            && self.toks == other.toks
            && self.stems == other.stems
            && self.numbers == other.numbers
            && self.number_texts == other.number_texts
            && self.proclitic == other.proclitic
            && self.negators == other.negators
            && self.content_weight == other.content_weight
    }
}

/// Hash of a stem as it appears in [`Features::stems`]; use it to look up a
/// known word (e.g. `stem_hash(light_stem("المحادثات"))`).
pub fn stem_hash(stem: &str) -> u64 {
    h64(stem)
}

fn month_hash(m: u8) -> u64 {
    h64(&format!("#m{m}"))
}

/// Computes the features of `text` (a unit's display text).
pub fn features(text: &str) -> Features {
    analyse_text(text, true)
}

/// The match key of `text` and its [`Features::stems`], without the rest
/// of the features: the matcher's first pass over every distinct text of a
/// corpus (candidates and key groups need nothing else, and most texts
/// never meet a candidate), at about half the cost of [`features`].
pub(crate) fn key_and_stems(text: &str) -> (String, Vec<u64>) {
    let f = analyse_text(text, false);
    (f.key, f.stems.into_vec())
}

/// The features of `text`; with `full` false, only the key and the stems
/// (the tokens, weights, skeletons and the numbers of the display text are
/// left empty).
fn analyse_text(text: &str, full: bool) -> Features {
    let key = isnad_segment::normalize::match_key(text);
    let tokens: Vec<&str> = key.split(' ').filter(|t| !t.is_empty()).collect();
    let key_numbers = numbers::scan_key_tokens(&tokens);
    // Numbers written with digits or in words get one token carrying the
    // canonical value (`ال15` = `الخامسه عشره` = `15`; `3.5 بالمءه` = `3.5%`);
    // the words a number absorbs (`عشره`, `في الماءه`) become stopwords.
    let mut canon: Vec<Option<String>> = vec![None; tokens.len()];
    let mut absorbed = vec![false; tokens.len()];
    for (r, v) in &key_numbers.word_numbers {
        canon[r.start] = Some(v.to_string());
        absorbed[r.start + 1..r.end].fill(true);
    }
    for i in 0..tokens.len() {
        if canon[i].is_some() || absorbed[i] {
            continue;
        }
        let Some(n) = numbers::key_token_number(tokens[i]) else {
            continue;
        };
        let mut c = n.to_string();
        if !c.ends_with('%') {
            let next = |k: usize| tokens.get(i + k).copied().unwrap_or("");
            if numbers::is_percent_token(next(1)) {
                c.push('%');
                absorbed[i + 1] = true;
            } else if next(1) == "في" && numbers::is_percent_token(next(2)) {
                c.push('%');
                absorbed[i + 1] = true;
                absorbed[i + 2] = true;
            }
        }
        canon[i] = Some(c);
    }
    let mut toks = Vec::with_capacity(tokens.len());
    let mut stems = Vec::with_capacity(tokens.len());
    let mut number_texts = Vec::new();
    let mut negators = 0u16;
    let mut total = 0f32;
    let mut skel_buf = String::new();
    for (i, t) in tokens.iter().enumerate() {
        let mut flags = 0u8;
        if let Some(c) = &canon[i] {
            let h = h64(c);
            let tok = Tok {
                word: h,
                stem: h,
                skel: 0,
                pre: 0,
                weight: numbers::number_weight(c),
                flags: NUMBER,
            };
            total += tok.weight;
            stems.push(h);
            toks.push(tok);
            number_texts.push((i as u32, c.clone().into_boxed_str()));
            continue;
        }
        if absorbed[i] {
            toks.push(Tok {
                word: h64(t),
                stem: h64(t),
                skel: 0,
                pre: 0,
                weight: 0.0,
                flags: STOP | ABSORBED,
            });
            continue;
        }
        let is_latin = t.is_ascii();
        if is_latin {
            flags |= LATIN;
        }
        let word = h64(t);
        if is_negator(t) {
            flags |= NEGATOR;
            negators = negators.saturating_add(1);
        } else if is_stopword_hashed(t, word) {
            flags |= STOP;
        }
        let month = key_numbers
            .month_tokens
            .iter()
            .find(|(ti, _)| *ti == i)
            .map(|&(_, m)| m);
        // Latin: English light stem (`crate::latin`, borrowed unless Porter2
        // writes letters); Arabic: Light10+.
        let latin_stem;
        let stem_str = if flags & (STOP | NEGATOR) != 0 {
            *t
        } else if is_latin {
            latin_stem = crate::latin::light_stem_latin(t);
            &*latin_stem
        } else {
            light_stem_str(t)
        };
        let (word, stem) = match month {
            Some(m) => (month_hash(m), month_hash(m)),
            None => (word, h64(stem_str)),
        };
        if !full {
            if flags & STOP == 0 {
                stems.push(stem);
            }
            continue;
        }
        let skel = if flags == 0 && month.is_none() {
            if skeleton_into(t, &mut skel_buf) {
                (h64(&skel_buf) as u32).max(1)
            } else {
                0
            }
        } else {
            0
        };
        let pre = if flags == 0 && month.is_none() && !stem_str.is_ascii() {
            let mut it = stem_str.char_indices();
            match (it.nth(2), it.next()) {
                (Some((k, c)), _) => (h64(&stem_str[..k + c.len_utf8()]) as u32).max(1),
                _ => 0,
            }
        } else {
            0
        };
        let weight = if flags & STOP != 0 {
            0.0
        } else if flags & (NEGATOR | LATIN) == 0 && month.is_none() {
            prior::weight(stem).unwrap_or_else(|| idf::default_weight(stem, stem_str, flags))
        } else {
            idf::default_weight(stem, stem_str, flags)
        };
        if flags & STOP == 0 {
            stems.push(stem);
            total += weight;
        }
        // Set after the weights, which do not depend on them.
        if negation::negates(t, tokens.get(i + 1).copied()) {
            flags |= NEGATES;
        } else if negation::may_hold_negator(t) {
            flags |= MAY_NEGATE;
        }
        toks.push(Tok {
            word,
            stem,
            skel,
            pre,
            weight,
            flags,
        });
    }
    let proclitic: Box<[(u32, u64)]> = if full {
        toks.iter()
            .zip(&tokens)
            .enumerate()
            .filter_map(|(i, (t, w))| proclitic_stem(t, w).map(|k| (i as u32, k)))
            .collect()
    } else {
        Box::default()
    };
    let mut nums = if full {
        numbers::scan_text(text, &isnad_segment::normalize::match_key)
    } else {
        Vec::new()
    };
    nums.extend(key_numbers.mentions);
    Features {
        key,
        toks: toks.into_boxed_slice(),
        stems: stems.into_boxed_slice(),
        numbers: nums.into_boxed_slice(),
        number_texts: number_texts.into_boxed_slice(),
        proclitic,
        negators,
        content_weight: total,
        grams: OnceLock::new(),
        display: OnceLock::new(),
        key_orders: OnceLock::new(),
    }
}

/// The stem hash of an Arabic content word once a one-letter preposition
/// (`ب`, `ل`, `ك`, after an optional `و`/`ف`) is taken off, when at least
/// three letters stay: `لموناكو` → `موناكو`, `بنظام` → `نظام`, `وللعضلات` →
/// `عضل`. Light10 leaves these prefixes on (`بلد`, `كتاب`, `لبنان` start
/// with the same letters), so a stripped form is only compared with the
/// other unit's words (their stems, or their own stripped forms:
/// `لموناكو`/`بموناكو`), where a false match needs both words.
/// `None` for other tokens.
pub(crate) fn proclitic_stem(t: &Tok, word: &str) -> Option<u64> {
    if t.flags & (NUMBER | NEGATOR | LATIN) != 0 || t.pre == 0 {
        return None;
    }
    // Byte tests (this runs for every word of every unit with full features):
    // `ب` D8 A8, `ل` D9 84, `ك` D9 83; `و` D9 88, `ف` D9 81.
    let b = word.as_bytes();
    let preposition = |k: usize| {
        matches!(
            (b.get(k), b.get(k + 1)),
            (Some(0xD8), Some(0xA8)) | (Some(0xD9), Some(0x84 | 0x83))
        )
    };
    let conjunction = matches!((b.first(), b.get(1)), (Some(0xD9), Some(0x88 | 0x81)));
    let start = if conjunction && preposition(2) {
        4
    } else if preposition(0) {
        2
    } else {
        return None;
    };
    // At least three (two-byte) Arabic letters after the preposition.
    let rest = word.get(start..).filter(|r| r.len() >= 6)?;
    let h = h64(light_stem_str(rest));
    (h != t.stem).then_some(h)
}

/// Sorted, deduplicated hashes of the char 4-grams of a canonical key,
/// given padded with a space on both sides (`padded`; keys shorter than 4
/// chars give one gram, the hash of the whole padded key). The windows
/// start at every char of `padded` but the last four, so the trailing space
/// is in no window of a longer key.
fn char_grams(padded: &str) -> Vec<u32> {
    // Starts of the last five chars seen, by char number mod 5.
    let mut starts = [0usize; 5];
    let mut chars = 0usize;
    let mut out: Vec<u32> = Vec::with_capacity(padded.len() / 2);
    for (i, _) in padded.char_indices() {
        if chars >= 4 {
            out.push(h64(&padded[starts[(chars - 4) % 5]..i]) as u32);
        }
        starts[chars % 5] = i;
        chars += 1;
    }
    if chars <= 5 {
        return vec![h64(padded) as u32];
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The earlier form of [`char_grams`] (a key unpadded, its char boundaries
/// collected first), kept to test that the gram hashes stay the same.
#[cfg(test)]
fn char_grams_reference(key: &str) -> Vec<u32> {
    let padded: Vec<usize> = std::iter::once(0)
        .chain(key.char_indices().map(|(i, _)| i + 1))
        .chain(std::iter::once(key.len() + 1))
        .collect();
    let s = format!(" {key} ");
    let mut out: Vec<u32> = if padded.len() <= 5 {
        vec![h64(&s) as u32]
    } else {
        (0..padded.len() - 4)
            .map(|k| h64(&s[padded[k]..padded[k + 4]]) as u32)
            .collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn char_grams_are_the_reference_grams(key in "[a-c ا-ي]{0,40}") {
            proptest::prop_assert_eq!(char_grams(&format!(" {key} ")), char_grams_reference(&key));
        }
    }

    #[test]
    fn features_of_a_sentence() {
        let f = features("قال الوزير إن المحادثات لن تستأنف في حزيران بعد مقتل 12 شخصاً.");
        assert_eq!(f.negators(), 1);
        assert_eq!(f.numbers().collect::<Vec<_>>(), ["12", "m6"]);
        // Stopwords (`إن`, `في`, `بعد`) are not in the stems; the negator is.
        assert_eq!(f.stems().len(), f.len() - 3);
        assert!(f.stems().contains(&stem_hash("محادث")));
        assert!(f.stems().contains(&stem_hash(&format!("#m{}", 6))));
    }

    #[test]
    fn key_orders_sort_the_content_tokens_by_each_key() {
        let f =
            features("قال الوزير إن المحادثات لن تستأنف في حزيران بعد مقتل 12 شخصاً في دمشق ودمشق.");
        let o = f.key_orders().expect("short unit");
        for kind in [
            KeyOrders::WORD,
            KeyOrders::STEM,
            KeyOrders::SKELETON,
            KeyOrders::PREFIX,
        ] {
            let mut want: Vec<(u64, usize)> = f
                .toks()
                .iter()
                .enumerate()
                .filter(|(_, t)| t.is_content())
                .map(|(i, t)| (KeyOrders::key(kind, t), i))
                .filter(|&(k, _)| kind < KeyOrders::SKELETON || k != 0)
                .collect();
            want.sort_unstable();
            let got: Vec<usize> = o.sorted(kind).iter().map(|&i| usize::from(i)).collect();
            assert_eq!(
                got,
                want.iter().map(|&(_, i)| i).collect::<Vec<_>>(),
                "kind {kind}"
            );
        }
        assert!(!o.sorted(KeyOrders::STEM).is_empty());
        // Token indices past u16 do not fit: such units sort per pair.
        let long = vec![f.toks()[0]; usize::from(u16::MAX) + 1];
        assert!(KeyOrders::of(&long).is_none());
    }

    #[test]
    fn key_and_stems_are_those_of_the_full_features() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/inputs");
        let mut units = 0;
        for name in ["saudinewsnet-sample.jsonl"] {
            let text = std::fs::read_to_string(root.join(name)).expect("fixture");
            for line in text.lines() {
                let v: serde_json::Value = serde_json::from_str(line).expect("JSONL");
                let body = v["text"].as_str().expect("text");
                for u in isnad_segment::segment(body) {
                    let t = &body[u.span];
                    let f = features(t);
                    assert_eq!(
                        key_and_stems(t),
                        (f.key().to_string(), f.stems().to_vec()),
                        "{t}"
                    );
                    units += 1;
                }
            }
        }
        for t in [
            "The talks will NOT resume in June 2024",
            "ارتفع 3.5 في المائة إلى الـ15",
            "…",
        ] {
            let f = features(t);
            assert_eq!(
                key_and_stems(t),
                (f.key().to_string(), f.stems().to_vec()),
                "{t}"
            );
        }
        assert!(units > 100, "{units}");
    }

    #[test]
    fn empty_and_latin() {
        assert!(features("…  «»").is_empty());
        let f = features("The talks will NOT resume in June 2024");
        assert_eq!(f.negators(), 1);
        assert_eq!(f.numbers().collect::<Vec<_>>(), ["2024", "m6"]);
    }
}
