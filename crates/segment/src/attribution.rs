//! Who an article credits, and who speaks in a sentence.
//!
//! Provenance ("did Al-Watan copy SANA, or did both quote the minister?")
//! needs three facts the segmenter's unit kinds do not give on their own:
//!
//! - **A source table that users can extend.** The built-in agencies of
//!   [`crate::agency`] are the wire services every desk knows; a user
//!   monitoring a region adds local agencies and outlets (an outlet can be
//!   credited too: `نقلاً عن عنب بلدي`). [`SourceTable`] starts from
//!   [`crate::agency::AGENCIES`] and merges entries added at run time. It also
//!   maps *outlet ids* to sources, because an outlet whose articles are the
//!   agency's own (`sana`, or SaudiNewsNet's `was` for SPA) is that agency.
//! - **In-text attributions** (`وحسب «سانا»`, `نقلت وكالة الأناضول عن`,
//!   `ذكرت وكالة رويترز`, `according to Reuters`, `AP reported`,
//!   `selon l'AFP`, `(أ ف ب)`):
//!   [`in_text_attributions`] finds a source mention that a cue word governs,
//!   so that a sentence merely *about* an agency is not taken as crediting it.
//! - **Speaker frames** of reported speech (`وأكد المقداد أن …`, `وقال: …`,
//!   `وأضاف أن …`): [`speaker_frame`] returns the named subject of the
//!   reporting verb, or [`Frame::Continuing`] when the verb names nobody and
//!   the speaker is the one reported last. Quotations in quotation marks
//!   already carry their speaker in [`crate::Unit::speaker`].
//!
//! Matching follows the rules of [`crate::agency`]: whole words, alef/hamza
//! and alef-maqsura folded, diacritics dropped, dots between acronym letters
//! equal to spaces, one proclitic (`و ف ل ب`) allowed before names of four
//! letters or more, Latin acronyms of up to three letters case-sensitive.
//!
//! ```
//! use isnad_segment::attribution::{SourceTable, in_text_attributions};
//! let table = SourceTable::builtin();
//! let s = "وحسب «سانا» عبر المقداد عن شكر سورية.";
//! let found = in_text_attributions(&table, s);
//! assert_eq!(found[0].source, "sana");
//! assert_eq!(table.source_of_outlet("was"), Some("spa"));
//! ```

use crate::agency::AGENCIES;
use crate::agency::{fold_word, folds_to_itself};
use crate::text::{fold_into, is_word_char, word_spans};
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

/// A source an article can credit: a news agency or an outlet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Stable id (`sana`, `spa`, `reuters`, or a user's own id).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Every spelling matched in text.
    pub names: Vec<String>,
    /// Outlet ids whose articles are this source's own (`was` for SPA).
    pub outlets: Vec<String>,
    /// The unnamed "agencies" credit (`وكالات`): names no particular source.
    pub generic: bool,
}

/// Outlet ids that are built-in agencies under another name: SaudiNewsNet
/// files SPA's own articles under `was` (from `واس`).
const BUILTIN_OUTLET_ALIASES: &[(&str, &str)] = &[("spa", "was"), ("anadolu", "aa")];

/// A name variant, folded word by word, for lookup.
#[derive(Debug, Clone)]
struct Variant {
    source: usize,
    words: Vec<String>,
    exact_case: bool,
}

/// Sources with their name variants, extensible at run time.
#[derive(Debug, Clone)]
pub struct SourceTable {
    sources: Vec<Source>,
    /// Variants keyed by their folded first word; longest first. A hash
    /// map: it is only looked up (once or twice per word of every unit, the
    /// bulk of the provenance stage), never iterated.
    index: HashMap<String, Vec<Variant>>,
    /// Lowercased outlet id → source index.
    outlets: BTreeMap<String, usize>,
}

impl Default for SourceTable {
    fn default() -> Self {
        SourceTable::builtin()
    }
}

/// One mention of a source in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceMention {
    /// Id of the source.
    pub source: String,
    /// Byte span of the name (without a proclitic).
    pub span: Range<usize>,
}

impl SourceTable {
    /// The table without any source.
    pub fn empty() -> SourceTable {
        SourceTable {
            sources: Vec::new(),
            index: HashMap::new(),
            outlets: BTreeMap::new(),
        }
    }

    /// The built-in agencies of [`crate::agency::AGENCIES`]; each agency's id
    /// is also an outlet id, and `was` is SPA.
    pub fn builtin() -> SourceTable {
        let mut t = SourceTable::empty();
        for a in AGENCIES {
            let generic = a.id == "agencies";
            let outlets: Vec<&str> = if generic {
                Vec::new()
            } else {
                std::iter::once(a.id)
                    .chain(
                        BUILTIN_OUTLET_ALIASES
                            .iter()
                            .filter(|(id, _)| *id == a.id)
                            .map(|(_, o)| *o),
                    )
                    .collect()
            };
            t.add(a.id, Some(a.name), a.names, &outlets);
            if generic {
                let i = t.sources.len() - 1;
                t.sources[i].generic = true;
            }
        }
        t
    }

    /// Adds a source, or more names and outlet ids to an existing one with
    /// the same id. Empty names are ignored.
    pub fn add<S: AsRef<str>>(&mut self, id: &str, name: Option<&str>, names: &[S], outlets: &[S]) {
        let idx = match self.sources.iter().position(|s| s.id == id) {
            Some(i) => i,
            None => {
                self.sources.push(Source {
                    id: id.to_string(),
                    name: name.unwrap_or(id).to_string(),
                    names: Vec::new(),
                    outlets: Vec::new(),
                    generic: false,
                });
                self.sources.len() - 1
            }
        };
        if let Some(n) = name {
            self.sources[idx].name = n.to_string();
        }
        for n in names
            .iter()
            .map(AsRef::as_ref)
            .filter(|n| !n.trim().is_empty())
        {
            if self.sources[idx].names.iter().any(|x| x == n) {
                continue;
            }
            self.sources[idx].names.push(n.to_string());
            let exact_case = n.is_ascii() && n.chars().filter(|c| c.is_alphabetic()).count() <= 3;
            let mut ws = Vec::new();
            let mut k = String::new();
            for w in name_words(n) {
                fold_word(&n[w], &mut k, exact_case);
                ws.push(k.clone());
            }
            if let Some(first) = ws.first().cloned() {
                let v = self.index.entry(first).or_default();
                v.push(Variant {
                    source: idx,
                    words: ws,
                    exact_case,
                });
                v.sort_by_key(|v| std::cmp::Reverse(v.words.len()));
            }
        }
        for o in outlets
            .iter()
            .map(AsRef::as_ref)
            .filter(|o| !o.trim().is_empty())
        {
            let key = o.trim().to_lowercase();
            self.outlets.insert(key, idx);
            if !self.sources[idx].outlets.iter().any(|x| x == o.trim()) {
                self.sources[idx].outlets.push(o.trim().to_string());
            }
        }
    }

    /// Every source, built-in first, in the order added.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// The source with this id.
    pub fn get(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The source whose own articles an outlet publishes (`sana` → `sana`,
    /// `was` → `spa`); compared case-insensitively.
    pub fn source_of_outlet(&self, outlet: &str) -> Option<&str> {
        let i = *self.outlets.get(&outlet.trim().to_lowercase())?;
        Some(self.sources[i].id.as_str())
    }

    /// Every source mention in `text`, in order, non-overlapping; the longest
    /// name wins where two start at the same word.
    pub fn find(&self, text: &str) -> Vec<SourceMention> {
        let words = name_words(text);
        let mut out = Vec::new();
        let mut key = String::new();
        let mut i = 0;
        while i < words.len() {
            match self.match_at(text, &words, i, &mut key) {
                Some((m, used)) => {
                    out.push(m);
                    i += used;
                }
                None => i += 1,
            }
        }
        out
    }

    fn match_at(
        &self,
        text: &str,
        words: &[Range<usize>],
        i: usize,
        key: &mut String,
    ) -> Option<(SourceMention, usize)> {
        let first = &text[words[i].clone()];
        let clitic = match first.chars().next() {
            Some(c @ ('و' | 'ف' | 'ل' | 'ب')) if first.chars().count() >= 5 => {
                Some(c.len_utf8())
            }
            _ => None,
        };
        // `لل` + name: `للأناضول` is `ل` + `الأناضول` with the alef dropped.
        let double_lam = first.starts_with("لل") && first.chars().count() >= 6;
        for skip in std::iter::once(0).chain(clitic) {
            let word = &first[skip..];
            // Most words fold to themselves (either case): look them up as
            // they are, without building a key, once for both passes.
            let plain =
                (!(double_lam && skip == 0) && folds_to_itself(word)).then(|| self.index.get(word));
            for exact in [false, true] {
                let cands = match plain {
                    Some(cands) => cands,
                    None => {
                        fold_word(word, key, exact);
                        if double_lam && skip == 0 {
                            key.replace_range(0..'ل'.len_utf8(), "ا");
                        }
                        self.index.get(key.as_str())
                    }
                };
                let Some(cands) = cands else {
                    continue;
                };
                for v in cands {
                    if v.exact_case != exact || i + v.words.len() > words.len() {
                        continue;
                    }
                    let all = v.words.iter().enumerate().skip(1).all(|(k, w)| {
                        fold_word(&text[words[i + k].clone()], key, exact);
                        key == w
                    });
                    if all {
                        let span = words[i].start + skip..words[i + v.words.len() - 1].end;
                        let source = self.sources[v.source].id.clone();
                        return Some((SourceMention { source, span }, v.words.len()));
                    }
                }
            }
        }
        None
    }
}

/// An in-text attribution: a source mention that a cue word governs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// Id of the credited source.
    pub source: String,
    /// Byte span of the source's name in the text.
    pub span: Range<usize>,
    /// `(أ ف ب)`-style signature in parentheses rather than a cue phrase.
    pub parenthetical: bool,
}

/// Cue words (folded, proclitics `و`/`ف` stripped) that make a following
/// source mention an attribution: "according to", "quoting", "reported",
/// "told", and the word "agency" itself (`ذكرت وكالة رويترز`), in Arabic,
/// English and French (`selon`, `d'après` — see [`PAIRED_CUES`] — `a déclaré
/// à l'AFP`, `rapporte l'agence`).
const CUES: &[&str] = &[
    "حسب",
    "بحسب",
    "وفق",
    "وفقا",
    "طبقا",
    "نقلا",
    "نقل",
    "نقلت",
    "ينقل",
    "ذكر",
    "ذكرت",
    "افاد",
    "افادت",
    "اورد",
    "اوردت",
    "نشر",
    "نشرت",
    "بث",
    "بثت",
    "قال",
    "قالت",
    "صرح",
    "صرحت",
    "اكد",
    "اكدت",
    "اعلن",
    "اعلنت",
    "اوضح",
    "اوضحت",
    "اضاف",
    "اضافت",
    "مصادر",
    "وكاله",
    "لوكاله",
    "وكالات",
    "موقع",
    "لموقع",
    // English
    "according",
    "reported",
    "reports",
    "told",
    "quoted",
    "quoting",
    "cited",
    "citing",
    "via",
    "agency",
    // French
    "selon",
    "agence",
    "rapporte",
    "rapporté",
    "rapportait",
    "indique",
    "indiqué",
    "déclaré",
    "confié",
    "précisé",
    "affirmé",
    "expliqué",
    "annoncé",
    "cité",
    "citée",
    "citant",
    "dépêche",
];

/// Two-word cues (folded): the first word alone is no cue. `d'après` is
/// `d` + `après` (the apostrophe separates words), and `après` alone means
/// "after".
const PAIRED_CUES: &[(&str, &str)] = &[("d", "après"), ("d", "apres")];

/// How many words before a mention a cue may stand (`نقلت وكالة الأنباء
/// الرسمية سانا`: the cue is three words back).
const CUE_WINDOW: usize = 4;

/// Reporting verbs that credit the source named *right before* them, the
/// order of English and French (`AP reported`, `the AP said`, `l'AFP a
/// appris`): folded. Only the word right after the name counts, after at
/// most an auxiliary ([`AUXILIARIES`]) and the words of an agency's
/// description ([`NAME_TAIL`]), so `Sana Khan said` credits no agency.
const POST_CUES: &[&str] = &[
    "reported",
    "reports",
    "said",
    "says",
    "quoted",
    "cited",
    "learned",
    "learnt",
    "rapporte",
    "rapporté",
    "indique",
    "indiqué",
    "affirme",
    "précise",
    "précisé",
    "annonce",
    "annoncé",
    "appris",
    "cite",
    "citant",
];

/// Auxiliaries between a source and its reporting verb (`has reported`,
/// `a rapporté`).
const AUXILIARIES: &[&str] = &["has", "had", "a", "avait"];

/// Words that describe the source between its name and the verb
/// (`Xinhua news agency reported`).
const NAME_TAIL: &[&str] = &["news", "agency", "press", "wire", "service"];

/// The source mentions in `text` that are attributions: preceded within
/// [`CUE_WINDOW`] words by a cue (`حسب`, `نقلا عن`, `ذكرت`, `وكالة`,
/// `according to`, `selon`, …), followed by a reporting verb (`AP reported`,
/// see [`POST_CUES`]), or standing alone in parentheses (`(أ ف ب)`, `(AFP)`).
/// A bare mention (`تابعوا أخبار سانا`, a report *about* an agency) is not.
pub fn in_text_attributions(table: &SourceTable, text: &str) -> Vec<Attribution> {
    let mentions = table.find(text);
    if mentions.is_empty() {
        return Vec::new();
    }
    let words: Vec<Range<usize>> = word_spans(text).collect();
    let mut key = String::new();
    let mut fold = |w: &Range<usize>| -> String {
        fold_into(&text[w.clone()], &mut key);
        key.clone()
    };
    let mut out = Vec::new();
    for m in mentions {
        let before = text[..m.span.start].trim_end_matches(|c: char| c.is_whitespace());
        let after = text[m.span.end..].trim_start_matches(|c: char| c.is_whitespace());
        let parenthetical = before.ends_with('(') && after.starts_with(')');
        let first_word = words.partition_point(|w| w.end <= m.span.start);
        let window = first_word.saturating_sub(CUE_WINDOW)..first_word;
        let cued = window.clone().any(|i| {
            let k = fold(&words[i]);
            let stripped = ['و', 'ف']
                .iter()
                .find_map(|p| k.strip_prefix(*p))
                .filter(|r| r.chars().count() >= 3)
                .map(str::to_string);
            CUES.contains(&k.as_str())
                || stripped.is_some_and(|s| CUES.contains(&s.as_str()))
                || (i > 0 && {
                    let prev = fold(&words[i - 1]);
                    PAIRED_CUES.contains(&(prev.as_str(), k.as_str()))
                })
        });
        // `AP reported`, `Xinhua news agency reported`, `l'AFP a appris`.
        let mut next = words.partition_point(|w| w.start < m.span.end);
        let mut tail = 0;
        while tail < 2 && next < words.len() && NAME_TAIL.contains(&fold(&words[next]).as_str()) {
            next += 1;
            tail += 1;
        }
        if next < words.len() && AUXILIARIES.contains(&fold(&words[next]).as_str()) {
            next += 1;
        }
        let verb_after = next < words.len()
            // Nothing but spaces and a description between name and verb:
            // `Reuters, the agency said` is someone else speaking.
            && text[m.span.end..words[next].start]
                .chars()
                .all(|c| c.is_whitespace() || is_word_char(c) || c == '-')
            && POST_CUES.contains(&fold(&words[next]).as_str());
        // `قال لرويترز`, `في بيانه لوكالة الأنباء السعودية`, `لـ«واس»`: a
        // statement given *to* the source, which then carries it.
        let told_to = {
            let pre = before.trim_end_matches(['«', '"', '“', '”', 'ـ']);
            pre.strip_suffix('ل').is_some_and(|rest| {
                let rest = rest.strip_suffix(['و', 'ف']).unwrap_or(rest);
                !rest.chars().next_back().is_some_and(is_word_char)
            })
        };
        if parenthetical || cued || verb_after || told_to {
            out.push(Attribution {
                source: m.source,
                span: m.span,
                parenthetical,
            });
        }
    }
    out
}

/// The speaker frame of a reported-speech sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Frame {
    /// The reporting verb names its subject: `وأكد المقداد أن …` → `المقداد`.
    Named(String),
    /// The verb names nobody (`وأضاف أن …`, `وقال: …`): the speaker is the one
    /// reported last.
    Continuing,
}

/// Words after which reported speech begins (folded): `أن/إن` and forms.
const SPEECH_MARKERS: &[&str] = &["ان", "انه", "انها", "انهم", "بان", "بانه", "بانها"];

/// How far into a sentence the speech marker may be (verb + subject + a
/// prepositional phrase such as `في بيان اليوم`).
const FRAME_WORDS: usize = 12;

/// The speaker frame at the start of a sentence: a reporting verb among the
/// first words, then `أن`/`إن` or a colon within [`FRAME_WORDS`] words.
/// `None` when the sentence is not reported speech.
pub fn speaker_frame(sentence: &str) -> Option<Frame> {
    let mut key = String::new();
    let mut marker = None;
    for (n, w) in word_spans(sentence).enumerate() {
        if n > FRAME_WORDS {
            break;
        }
        if sentence[..w.start].contains(':') {
            marker = Some(sentence[..w.start].rfind(':')?);
            break;
        }
        fold_into(&sentence[w.clone()], &mut key);
        if n > 0 && SPEECH_MARKERS.contains(&key.as_str()) {
            marker = Some(w.start);
            break;
        }
    }
    let marker = marker?;
    match crate::quote::speaker_before(sentence, 0, marker)? {
        Some(name) => Some(Frame::Named(name)),
        None => Some(Frame::Continuing),
    }
}

/// Titles and generic words that do not identify a speaker on their own
/// (`الرئيس`, `البيان`, `وزير الخارجية`), folded.
const GENERIC_SPEAKER_WORDS: &[&str] = &[
    "الرئيس",
    "رئيس",
    "الرئاسه",
    "الوزير",
    "وزير",
    "وزاره",
    "الوزاره",
    "الخارجيه",
    "الدفاع",
    "الداخليه",
    "المتحدث",
    "متحدث",
    "باسم",
    "البيان",
    "بيان",
    "الوكاله",
    "وكاله",
    "الصحيفه",
    "التقرير",
    "الموقع",
    "المصدر",
    "مصدر",
    "مصادر",
    "المسؤول",
    "مسؤول",
    "الجانب",
    "الجانبان",
    "الطرفان",
    "الوفد",
    "وفد",
    "الدكتور",
    "د",
    "السيد",
    "الشيخ",
    "الامير",
    "الملك",
    "الروسي",
    "الروسيه",
    "الايراني",
    "التركي",
    "السوري",
    "السوريه",
    "الامريكي",
    "السعودي",
    "العام",
    "الخاص",
    "الامين",
    "نائب",
    "مساعد",
    "the",
    "president",
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "statement",
    "source",
    "official",
    "mr",
    "dr",
];

/// Whether two speaker names plausibly name the same person or body: they
/// share a word that is not a title or generic word (`الرئيس بوتين` =
/// `بوتين`; `الرئيس الروسي` ≠ `الرئيس الإيراني`; `البيان` matches nothing).
/// Words compare folded (alef/hamza, `ة`→`ه`, `ى`→`ي`) and without a leading `و`.
pub fn same_speaker(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        let mut key = String::new();
        name_words(s)
            .into_iter()
            .filter_map(|w| {
                fold_into(&s[w], &mut key);
                let k: String = key
                    .chars()
                    .map(|c| if c == 'ة' { 'ه' } else { c })
                    .collect();
                let k = k.to_lowercase();
                (!GENERIC_SPEAKER_WORDS.contains(&k.as_str()) && k.chars().count() >= 2)
                    .then_some(k)
            })
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    if wa.iter().any(|x| wb.contains(x)) {
        return true;
    }
    // Same multi-word title (`الرئاسة الروسية`): the same body in one story.
    let folded = |s: &str| {
        let mut out = String::new();
        let mut key = String::new();
        for w in name_words(s) {
            fold_into(&s[w], &mut key);
            out.push_str(&key.replace('ة', "ه"));
            out.push(' ');
        }
        out
    };
    let (fa, fb) = (folded(a), folded(b));
    fa == fb && fa.split(' ').filter(|w| !w.is_empty()).count() >= 2
}

/// Word spans where dots and hyphens separate words, as in [`crate::agency`].
fn name_words(text: &str) -> Vec<Range<usize>> {
    word_spans(text).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(table: &SourceTable, s: &str) -> Vec<String> {
        in_text_attributions(table, s)
            .into_iter()
            .map(|a| a.source)
            .collect()
    }

    #[test]
    fn words_said_to_fold_to_themselves_do() {
        let words = [
            "سانا",
            "الأناضول",
            "أ",
            "إلى",
            "على",
            "مصطفى",
            "الـوكالة",
            "قالَ",
            "afp",
            "AFP",
            "Reuters",
            "dpa",
            "É",
            "ß",
            "Σ",
            "ٱلله",
            "كيف؟",
            "2015",
            "",
        ];
        let mut folded = String::new();
        for w in words {
            if folds_to_itself(w) {
                for exact in [false, true] {
                    fold_word(w, &mut folded, exact);
                    assert_eq!(folded, w, "{w} (exact_case {exact})");
                }
            }
        }
        assert!(!folds_to_itself("الأناضول") && folds_to_itself("سانا"));
        assert!(!folds_to_itself("AFP") && folds_to_itself("afp") && !folds_to_itself("É"));
    }

    proptest::proptest! {
        #[test]
        fn folds_to_itself_agrees_with_fold_word(w in "[a-zA-ZءآأإابةتثجحخدذرسشصضطظعغفقكلمنهوىيًٌٍَُِّْـٱÉéß]{0,8}") {
            let mut folded = String::new();
            if folds_to_itself(&w) {
                for exact in [false, true] {
                    fold_word(&w, &mut folded, exact);
                    proptest::prop_assert_eq!(&folded, &w);
                }
            }
        }
    }

    #[test]
    fn cue_phrases_make_attributions_and_bare_mentions_do_not() {
        let t = SourceTable::builtin();
        assert_eq!(ids(&t, "وحسب «سانا» عبر المقداد عن شكر سورية."), ["sana"]);
        assert_eq!(
            ids(&t, "ونقلت وكالة الأناضول عن مصدر أمني قوله إن الهجوم فشل."),
            ["anadolu"]
        );
        assert_eq!(
            ids(&t, "ذكرت وكالة رويترز أن المحادثات انتهت."),
            ["reuters"]
        );
        assert_eq!(ids(&t, "وقال مسؤول لرويترز إن الاتفاق قريب."), ["reuters"]);
        assert_eq!(ids(&t, "بحسب ما نقلته قنا عن الوزير."), ["qna"]);
        assert_eq!(ids(&t, "وأضاف (أ ف ب) أن الوضع هادئ."), ["afp"]);
        assert_eq!(
            ids(&t, "The talks ended, according to Reuters."),
            ["reuters"]
        );
        assert_eq!(
            ids(
                &t,
                "وأوضح الوزير في بيانه لوكالة الأنباء السعودية أن المجلس اجتمع."
            ),
            ["spa"]
        );
        assert_eq!(ids(&t, "وأوضح المزارع لـ”واس” أنه يمتلك مزرعة."), ["spa"]);
        assert!(ids(&t, "لمتابعة أخبار سانا على تلغرام").is_empty());
        assert!(ids(&t, "افتتح مبنى سانا الجديد في دمشق.").is_empty());
    }

    #[test]
    fn outlets_map_to_the_agency_they_are() {
        let t = SourceTable::builtin();
        assert_eq!(t.source_of_outlet("sana"), Some("sana"));
        assert_eq!(t.source_of_outlet("WAS"), Some("spa"));
        assert_eq!(t.source_of_outlet("alwatan"), None);
        assert_eq!(t.source_of_outlet("agencies"), None);
    }

    #[test]
    fn the_table_takes_new_sources_and_new_names() {
        let mut t = SourceTable::builtin();
        assert!(ids(&t, "نقلاً عن عنب بلدي، قال الناشط إن القصف مستمر.").is_empty());
        t.add(
            "enabbaladi",
            Some("Enab Baladi"),
            &["عنب بلدي"],
            &["enabbaladi"],
        );
        t.add("sana", None, &["الوكالة السورية"], &[]);
        assert_eq!(
            ids(&t, "نقلاً عن عنب بلدي، قال الناشط إن القصف مستمر."),
            ["enabbaladi"]
        );
        assert_eq!(ids(&t, "وبحسب الوكالة السورية فإن الوفد وصل."), ["sana"]);
        assert_eq!(
            t.get("sana").unwrap().name,
            "SANA (Syrian Arab News Agency)"
        );
        assert_eq!(t.source_of_outlet("EnabBaladi"), Some("enabbaladi"));
    }

    #[test]
    fn speaker_frames() {
        assert_eq!(
            speaker_frame("وأكد المقداد، أن الشعب السوري يقدر عالياً الدعم."),
            Some(Frame::Named("المقداد".into()))
        );
        assert_eq!(
            speaker_frame("ولفتت الرئاسة الروسية إلى أنه تمت مناقشة القضايا."),
            Some(Frame::Named("الرئاسة الروسية".into()))
        );
        assert_eq!(
            speaker_frame("وأضاف أن وفد الحكومة السورية سيشارك."),
            Some(Frame::Continuing)
        );
        assert_eq!(
            speaker_frame("وقال: نؤيد أي مبادرة تحقن الدم السوري."),
            Some(Frame::Continuing)
        );
        assert_eq!(
            speaker_frame("انطلقت الجولة الثانية عشرة من المحادثات أمس."),
            None
        );
        assert_eq!(speaker_frame("أعلنت الحكومة عن خطة جديدة للإسكان."), None);
    }

    #[test]
    fn speakers_match_on_a_name_not_on_a_title() {
        assert!(same_speaker("الرئيس بوتين", "بوتين"));
        assert!(same_speaker("الرئاسة الروسية", "الرئاسة الروسية"));
        assert!(!same_speaker("الرئيس الروسي", "الرئيس الإيراني"));
        assert!(!same_speaker("البيان", "البيان"));
        assert!(!same_speaker("الوكالة", "الوكالة"));
        assert!(same_speaker("وزير الخارجية فيصل المقداد", "المقداد"));
    }
}
