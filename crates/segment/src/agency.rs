//! News agencies and where a text mentions them.
//!
//! Wire copy travels under agency names: a dateline (`موسكو-سانا`,
//! `القاهرة (رويترز) -`), a credit line (`المصدر: وكالة سانا`, `| الوطن – وكالات`)
//! or a mention inside a sentence (`وحسب «سانا»`). The segmenter uses this table
//! to recognise datelines and credits; provenance (who credited whom) reuses
//! [`find_agencies`] to locate the mentions.
//!
//! Names are matched as whole words after alef/hamza folding (`أ ف ب` = `ا ف ب`),
//! with dots and spaces between letters of an acronym interchangeable
//! (`أ.ف.ب` = `أ ف ب`), and with one Arabic proclitic allowed before names of
//! four letters or more (`لرويترز`, `وللأناضول` is not matched). Latin acronyms of
//! up to three letters must be upper case (`AP`, not `ap`); longer Latin names
//! match in any case. Each agency has its Latin names too (the acronym, and
//! the full English name: `Syrian Arab News Agency`, `Deutsche
//! Presse-Agentur`, the French `Anatolie`), so English and French wire copy
//! (`PARIS (AFP) -`, `selon Reuters`, `AP reported`) is credited the same way.
//!
//! ```
//! let text = "القاهرة (رويترز) - قال مصدر لوكالة الأناضول إن ...";
//! let found = isnad_segment::agency::find_agencies(text);
//! let ids: Vec<&str> = found.iter().map(|m| m.agency.id).collect();
//! assert_eq!(ids, ["reuters", "anadolu"]);
//! assert_eq!(&text[found[0].span.clone()], "رويترز");
//! ```

use crate::text::FastMap;
use crate::text::{is_alnum, is_alpha};
use std::ops::Range;
use std::sync::OnceLock;

/// A news agency and the names it is cited under.
#[derive(Debug, PartialEq, Eq)]
pub struct Agency {
    /// Stable identifier (`sana`, `reuters`, …); `agencies` is the generic "وكالات".
    pub id: &'static str,
    /// The usual English name.
    pub name: &'static str,
    /// Every spelling matched, Arabic and Latin.
    pub names: &'static [&'static str],
}

/// One mention of an agency in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgencyMention {
    /// The agency mentioned.
    pub agency: &'static Agency,
    /// Byte span of the name in the text (without a proclitic such as `ل`).
    pub span: Range<usize>,
}

/// The agencies recognised, with their name variants.
pub static AGENCIES: &[Agency] = &[
    Agency {
        id: "sana",
        name: "SANA (Syrian Arab News Agency)",
        names: &[
            "سانا",
            "SANA",
            "الوكالة العربية السورية للأنباء",
            "Syrian Arab News Agency",
        ],
    },
    Agency {
        id: "spa",
        name: "SPA (Saudi Press Agency)",
        names: &["واس", "SPA", "وكالة الأنباء السعودية", "Saudi Press Agency"],
    },
    Agency {
        id: "reuters",
        name: "Reuters",
        names: &["رويترز", "رويتر", "Reuters"],
    },
    Agency {
        id: "afp",
        name: "AFP (Agence France-Presse)",
        names: &[
            "أ ف ب",
            "فرانس برس",
            "فرانس بريس",
            "AFP",
            "Agence France-Presse",
            "France-Presse",
        ],
    },
    Agency {
        id: "anadolu",
        name: "Anadolu Agency",
        names: &["الأناضول", "Anadolu", "Anadolu Agency", "Anatolie", "AA"],
    },
    Agency {
        id: "qna",
        name: "QNA (Qatar News Agency)",
        names: &["قنا", "QNA", "وكالة الأنباء القطرية", "Qatar News Agency"],
    },
    Agency {
        id: "wam",
        name: "WAM (Emirates News Agency)",
        names: &["وام", "WAM", "وكالة أنباء الإمارات", "Emirates News Agency"],
    },
    Agency {
        id: "kuna",
        name: "KUNA (Kuwait News Agency)",
        names: &[
            "كونا",
            "KUNA",
            "وكالة الأنباء الكويتية",
            "Kuwait News Agency",
        ],
    },
    Agency {
        id: "petra",
        name: "Petra (Jordan News Agency)",
        names: &[
            "بترا",
            "Petra",
            "وكالة الأنباء الأردنية",
            "Jordan News Agency",
        ],
    },
    Agency {
        id: "wafa",
        name: "WAFA (Palestinian News Agency)",
        names: &["وفا", "WAFA", "وكالة الأنباء الفلسطينية"],
    },
    Agency {
        id: "dpa",
        name: "dpa (Deutsche Presse-Agentur)",
        names: &[
            "د ب أ",
            "الأنباء الألمانية",
            "dpa",
            "DPA",
            "Deutsche Presse-Agentur",
        ],
    },
    Agency {
        id: "mena",
        name: "MENA (Middle East News Agency)",
        names: &[
            "أ ش أ",
            "وكالة أنباء الشرق الأوسط",
            "MENA",
            "Middle East News Agency",
        ],
    },
    Agency {
        id: "ap",
        name: "Associated Press",
        names: &[
            "أسوشيتد برس",
            "أسوشيتيد برس",
            "أسوشيتدبرس",
            "Associated Press",
            "AP",
        ],
    },
    Agency {
        id: "xinhua",
        name: "Xinhua",
        names: &["شينخوا", "شينهوا", "Xinhua", "Xinhua News Agency"],
    },
    Agency {
        id: "tass",
        name: "TASS",
        names: &["تاس", "إيتار تاس", "TASS", "ITAR-TASS"],
    },
    Agency {
        id: "sputnik",
        name: "Sputnik",
        names: &["سبوتنيك", "Sputnik"],
    },
    Agency {
        id: "ria",
        name: "RIA Novosti",
        names: &["نوفوستي", "ريا نوفوستي", "RIA Novosti"],
    },
    Agency {
        id: "interfax",
        name: "Interfax",
        names: &["إنترفاكس", "انترفاكس", "Interfax"],
    },
    Agency {
        id: "irna",
        name: "IRNA",
        names: &["إرنا", "ارنا", "IRNA", "Islamic Republic News Agency"],
    },
    Agency {
        id: "isna",
        name: "ISNA",
        names: &["إيسنا", "ISNA"],
    },
    Agency {
        id: "tasnim",
        name: "Tasnim",
        names: &["تسنيم", "Tasnim"],
    },
    Agency {
        id: "saba",
        name: "Saba (Yemen News Agency)",
        names: &["سبأ", "Saba"],
    },
    Agency {
        id: "aps",
        name: "APS (Algérie Presse Service)",
        names: &["واج", "APS"],
    },
    Agency {
        id: "map",
        name: "MAP (Maghreb Arabe Presse)",
        names: &["لاماب", "MAP"],
    },
    Agency {
        id: "tap",
        name: "TAP (Tunis Afrique Presse)",
        names: &["وكالة تونس أفريقيا للأنباء", "TAP"],
    },
    Agency {
        id: "ina",
        name: "INA (Iraqi News Agency)",
        names: &["وكالة الأنباء العراقية", "INA"],
    },
    Agency {
        id: "nna",
        name: "NNA (Lebanon)",
        names: &["الوكالة الوطنية للإعلام", "NNA"],
    },
    Agency {
        id: "bna",
        name: "BNA (Bahrain News Agency)",
        names: &["وكالة أنباء البحرين", "BNA"],
    },
    Agency {
        id: "ona",
        name: "ONA (Oman News Agency)",
        names: &["وكالة الأنباء العمانية", "ONA"],
    },
    Agency {
        id: "suna",
        name: "SUNA (Sudan News Agency)",
        names: &["سونا", "SUNA"],
    },
    Agency {
        id: "efe",
        name: "EFE",
        names: &["إفي", "EFE"],
    },
    Agency {
        id: "ansa",
        name: "ANSA",
        names: &["أنسا", "ANSA"],
    },
    Agency {
        id: "kyodo",
        name: "Kyodo",
        names: &["كيودو", "Kyodo"],
    },
    Agency {
        id: "yonhap",
        name: "Yonhap",
        names: &["يونهاب", "Yonhap"],
    },
    Agency {
        id: "upi",
        name: "UPI",
        names: &["يونايتد برس", "UPI"],
    },
    Agency {
        id: "agencies",
        name: "agencies (unnamed wire services)",
        names: &["وكالات", "Agencies"],
    },
];

/// Every agency mention in `text`, in order, non-overlapping (the longest name
/// wins where two start at the same word).
pub fn find_agencies(text: &str) -> Vec<AgencyMention> {
    let words = words(text);
    let mut found = Vec::new();
    let mut i = 0;
    let mut key = String::new();
    while i < words.len() {
        match match_words(text, &words, i, &mut key) {
            Some((m, used)) => {
                found.push(m);
                i += used;
            }
            None => i += 1,
        }
    }
    found
}

/// The agency mention that starts at the first word at or after byte `pos`
/// (a word may be preceded by a proclitic), if that word starts one.
pub fn agency_at(text: &str, pos: usize) -> Option<AgencyMention> {
    let rest = text.get(pos..)?;
    let words = words(rest);
    let mut key = String::new();
    let (m, _) = match_words(rest, &words, 0, &mut key)?;
    Some(AgencyMention {
        agency: m.agency,
        span: m.span.start + pos..m.span.end + pos,
    })
}

/// The agency with this id.
pub fn by_id(id: &str) -> Option<&'static Agency> {
    AGENCIES.iter().find(|a| a.id == id)
}

/// A name variant split into folded words.
struct Variant {
    agency: &'static Agency,
    words: Vec<String>,
    /// Latin acronym of up to three letters: compared case-sensitively.
    exact_case: bool,
}

/// Variants indexed by their folded first word.
fn index() -> &'static FastMap<String, Vec<Variant>> {
    static INDEX: OnceLock<FastMap<String, Vec<Variant>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut map: FastMap<String, Vec<Variant>> = FastMap::default();
        for agency in AGENCIES {
            for name in agency.names {
                let exact_case =
                    name.is_ascii() && name.chars().filter(|c| c.is_alphabetic()).count() <= 3;
                let mut ws = Vec::new();
                for w in words(name) {
                    let mut k = String::new();
                    fold_word(&name[w], &mut k, exact_case);
                    ws.push(k);
                }
                if let Some(first) = ws.first().cloned() {
                    map.entry(first).or_default().push(Variant {
                        agency,
                        words: ws,
                        exact_case,
                    });
                }
            }
        }
        // Longest names first, so `ريا نوفوستي` wins over `نوفوستي` at the same word.
        for v in map.values_mut() {
            v.sort_by_key(|v| std::cmp::Reverse(v.words.len()));
        }
        map
    })
}

/// Tries every variant starting at word `i`; returns the mention and how many
/// words it used.
fn match_words(
    text: &str,
    words: &[Range<usize>],
    i: usize,
    key: &mut String,
) -> Option<(AgencyMention, usize)> {
    let index = index();
    let first = &text[words.get(i)?.clone()];
    // Without and with a proclitic stripped from the first word.
    let clitic = match first.chars().next() {
        Some(c @ ('و' | 'ف' | 'ل' | 'ب')) if first.chars().count() >= 5 => Some(c.len_utf8()),
        _ => None,
    };
    for skip in std::iter::once(0).chain(clitic) {
        for exact in [false, true] {
            fold_word(&first[skip..], key, exact);
            let Some(cands) = index.get(key.as_str()) else {
                continue;
            };
            for v in cands {
                if v.exact_case != exact {
                    continue;
                }
                if i + v.words.len() > words.len() {
                    continue;
                }
                let all = v.words.iter().enumerate().skip(1).all(|(k, w)| {
                    fold_word(&text[words[i + k].clone()], key, exact);
                    key == w
                });
                if all {
                    let end = words[i + v.words.len() - 1].end;
                    let span = words[i].start + skip..end;
                    return Some((
                        AgencyMention {
                            agency: v.agency,
                            span,
                        },
                        v.words.len(),
                    ));
                }
            }
        }
    }
    None
}

/// Marks [`fold_word`] drops: harakat, the dagger alef and tatweel.
fn is_dropped_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

/// The letter [`fold_word`] writes for a hamza-carrying alef or alef
/// maqsura; `None` for every other character.
fn folded_letter(c: char) -> Option<char> {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => Some('ا'),
        'ى' => Some('ي'),
        _ => None,
    }
}

/// The Arabic block, which has no case.
fn is_arabic_block(c: char) -> bool {
    ('\u{0600}'..='\u{06FF}').contains(&c)
}

/// Folds a word for lookup: alef/hamza variants, diacritics and tatweel
/// dropped; Latin lowercased unless `exact_case`. Shared with
/// [`crate::attribution`], which looks names up the same way.
pub(crate) fn fold_word(w: &str, out: &mut String, exact_case: bool) {
    out.clear();
    for c in w.chars() {
        if is_dropped_mark(c) {
            continue;
        }
        match folded_letter(c) {
            Some(f) => out.push(f),
            // Fast paths of the lowercase fold below: ASCII, and the Arabic
            // block (most words of an Arabic corpus).
            None if !exact_case && c.is_ascii() => out.push(c.to_ascii_lowercase()),
            None if !exact_case && is_arabic_block(c) => out.push(c),
            None if !exact_case => out.extend(c.to_lowercase()),
            None => out.push(c),
        }
    }
}

/// Whether [`fold_word`] leaves `w` as it is, in both of its modes: lowercase
/// ASCII, and Arabic letters it neither drops nor replaces. Other scripts
/// are folded (they may have case).
pub(crate) fn folds_to_itself(w: &str) -> bool {
    w.chars().all(|c| {
        !is_dropped_mark(c)
            && folded_letter(c).is_none()
            && if c.is_ascii() {
                !c.is_ascii_uppercase()
            } else {
                is_arabic_block(c)
            }
    })
}

/// Word spans: maximal runs of letters, digits and combining marks. Dots,
/// hyphens and everything else separate words, so `أ.ف.ب` is three words; a
/// change between Latin and Arabic letters does too (`وAFP` = `و` + `AFP`).
fn words(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    let mut ascii = false;
    for (i, c) in text.char_indices() {
        let inside = is_alnum(c) || matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}');
        if let Some(s) = start
            && inside
            && is_alpha(c)
            && c.is_ascii() != ascii
        {
            out.push(s..i);
            start = None;
        }
        match (inside, start) {
            (true, None) => {
                start = Some(i);
                ascii = c.is_ascii();
            }
            (true, Some(_)) if is_alpha(c) => ascii = c.is_ascii(),
            (false, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}
