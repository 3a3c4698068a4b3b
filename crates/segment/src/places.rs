//! Place names that open datelines.
//!
//! A dateline without an agency (`لندن ــ`, `بيروت:`, `واشنطن، العاصمة —`)
//! can only be told from an ordinary phrase before a dash by its first word
//! being a place. This is a general gazetteer of capitals and large cities
//! that date news copy, in common Arabic spellings (compared after alef/hamza
//! folding, `ى → ي`, and with `ة`/`ه` equal); it is not tied to any corpus.

use crate::text::FastSet;
use crate::text::{fold_into, word_spans};
use crate::text::{is_alnum, is_space};
use std::sync::OnceLock;

const PLACES: &[&str] = &[
    // Arab capitals and large Arab cities
    "دمشق",
    "حلب",
    "حمص",
    "حماة",
    "اللاذقية",
    "طرطوس",
    "دير الزور",
    "الرقة",
    "إدلب",
    "درعا",
    "السويداء",
    "القامشلي",
    "الحسكة",
    "بيروت",
    "طرابلس",
    "صيدا",
    "صور",
    "عمان",
    "إربد",
    "الزرقاء",
    "العقبة",
    "القدس",
    "رام الله",
    "غزة",
    "نابلس",
    "الخليل",
    "جنين",
    "بيت لحم",
    "أريحا",
    "القاهرة",
    "الإسكندرية",
    "الجيزة",
    "أسوان",
    "الأقصر",
    "بورسعيد",
    "السويس",
    "شرم الشيخ",
    "بغداد",
    "البصرة",
    "الموصل",
    "أربيل",
    "كركوك",
    "النجف",
    "كربلاء",
    "الرياض",
    "جدة",
    "مكة المكرمة",
    "مكة",
    "المدينة المنورة",
    "الدمام",
    "الظهران",
    "أبها",
    "تبوك",
    "الكويت",
    "الدوحة",
    "المنامة",
    "مسقط",
    "صلالة",
    "أبوظبي",
    "أبو ظبي",
    "دبي",
    "الشارقة",
    "صنعاء",
    "عدن",
    "تعز",
    "الحديدة",
    "مأرب",
    "الخرطوم",
    "أم درمان",
    "بورتسودان",
    "الجزائر",
    "وهران",
    "قسنطينة",
    "تونس",
    "صفاقس",
    "الرباط",
    "الدار البيضاء",
    "مراكش",
    "فاس",
    "طنجة",
    "نواكشوط",
    "مقديشو",
    "جيبوتي",
    "موروني",
    "بنغازي",
    "مصراتة",
    "سرت",
    "طبرق",
    // Turkey, Iran and neighbours
    "أنقرة",
    "إسطنبول",
    "اسطنبول",
    "أزمير",
    "غازي عنتاب",
    "طهران",
    "مشهد",
    "أصفهان",
    "تبريز",
    "كابول",
    "إسلام أباد",
    "إسلام آباد",
    "كراتشي",
    "لاهور",
    "باكو",
    "يريفان",
    "تبليسي",
    "نيقوسيا",
    "تل أبيب",
    "حيفا",
    "أستانا",
    "أستانة",
    "نور سلطان",
    "ألماتي",
    "طشقند",
    "بيشكك",
    "دوشنبه",
    "عشق آباد",
    // Europe
    "موسكو",
    "سانت بطرسبرغ",
    "سوتشي",
    "كييف",
    "كييف",
    "مينسك",
    "لندن",
    "مانشستر",
    "أكسفورد",
    "كمبريدج",
    "إدنبرة",
    "دبلن",
    "باريس",
    "مرسيليا",
    "ليون",
    "ستراسبورغ",
    "برلين",
    "ميونيخ",
    "فرانكفورت",
    "هامبورغ",
    "بون",
    "كولونيا",
    "روما",
    "ميلانو",
    "الفاتيكان",
    "مدريد",
    "برشلونة",
    "لشبونة",
    "بروكسل",
    "أمستردام",
    "لاهاي",
    "لوكسمبورغ",
    "جنيف",
    "زيورخ",
    "برن",
    "لوزان",
    "دافوس",
    "فيينا",
    "براغ",
    "وارسو",
    "بودابست",
    "بوخارست",
    "صوفيا",
    "أثينا",
    "بلغراد",
    "زغرب",
    "سراييفو",
    "سكوبيي",
    "تيرانا",
    "ستوكهولم",
    "أوسلو",
    "كوبنهاغن",
    "هلسنكي",
    "ريغا",
    "فيلنيوس",
    "تالين",
    "ريكيافيك",
    "فاليتا",
    "ميونخ",
    // Americas
    "واشنطن",
    "واشنطون",
    "نيويورك",
    "لوس أنجلوس",
    "لوس انجلس",
    "شيكاغو",
    "بوسطن",
    "سان فرانسيسكو",
    "هيوستن",
    "ميامي",
    "أتلانتا",
    "دالاس",
    "سياتل",
    "فيلادلفيا",
    "ديترويت",
    "لاس فيغاس",
    "أوتاوا",
    "تورونتو",
    "مونتريال",
    "فانكوفر",
    "مكسيكو",
    "مكسيكو سيتي",
    "هافانا",
    "كاراكاس",
    "بوغوتا",
    "ليما",
    "سانتياغو",
    "بوينس آيرس",
    "برازيليا",
    "ساو باولو",
    "ريو دي جانيرو",
    "مونتيفيديو",
    "كيتو",
    "لاباز",
    "بنما",
    // Asia and Oceania
    "بكين",
    "شنغهاي",
    "هونغ كونغ",
    "هونج كونج",
    "تايبيه",
    "طوكيو",
    "أوساكا",
    "سول",
    "بيونغ يانغ",
    "نيودلهي",
    "نيو دلهي",
    "دلهي",
    "مومباي",
    "بنغالور",
    "كلكتا",
    "دكا",
    "كولومبو",
    "كاتماندو",
    "بانكوك",
    "هانوي",
    "سنغافورة",
    "كوالالمبور",
    "جاكرتا",
    "مانيلا",
    "سيدني",
    "ملبورن",
    "كانبيرا",
    "ويلينغتون",
    "أوكلاند",
    // Africa
    "أديس أبابا",
    "نيروبي",
    "كمبالا",
    "كيغالي",
    "دار السلام",
    "لاغوس",
    "أبوجا",
    "أكرا",
    "داكار",
    "باماكو",
    "نيامي",
    "نجامينا",
    "كينشاسا",
    "لواندا",
    "جوهانسبرغ",
    "كيب تاون",
    "بريتوريا",
    "هراري",
    "جوبا",
    "أسمرة",
];

/// Folded place names, as word sequences joined by single spaces.
fn places() -> &'static FastSet<String> {
    static SET: OnceLock<FastSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut w = String::new();
        PLACES
            .iter()
            .map(|p| {
                let mut key = String::new();
                for s in word_spans(p) {
                    fold_into(&p[s], &mut w);
                    if !key.is_empty() {
                        key.push(' ');
                    }
                    key.push_str(&fold_ta(&w));
                }
                key
            })
            .collect()
    })
}

/// `ة` and `ه` are written interchangeably at the end of place names.
fn fold_ta(w: &str) -> String {
    w.replace('ة', "ه")
}

/// Whether the words `words` (consecutive, given as text) name a known place.
pub(crate) fn is_place(words: &[&str]) -> bool {
    if words.is_empty() || words.len() > 3 {
        return false;
    }
    let mut key = String::new();
    let mut w = String::new();
    for (k, word) in words.iter().enumerate() {
        fold_into(word, &mut w);
        if k > 0 {
            key.push(' ');
        }
        key.push_str(&fold_ta(&w));
    }
    places().contains(&key)
}

/// If the text of `s` just before byte `end` is a place name — one to three
/// words, optionally followed by `، REGION` (`واشنطن، العاصمة`) or written
/// `PLACE/PLACE` (`كمبريدج/أكسفورد`) — the offset where it starts.
pub(crate) fn place_before(s: &str, end: usize) -> Option<usize> {
    let head = s[..end].trim_end();
    // Up to four trailing tokens, with their start offsets.
    let mut tokens: Vec<(usize, &str)> = Vec::with_capacity(4);
    let mut rest = head;
    while tokens.len() < 4 {
        let t = rest.trim_end();
        if t.is_empty() {
            break;
        }
        let start = t
            .rfind(is_space)
            .map_or(0, |i| i + t[i..].chars().next().map_or(1, char::len_utf8));
        tokens.push((start, &t[start..]));
        rest = &t[..start];
    }
    tokens.reverse();
    let n = tokens.len();
    for take in (1..=n.min(3)).rev() {
        let words: Vec<&str> = tokens[n - take..]
            .iter()
            .map(|&(_, t)| clean_word(t))
            .collect();
        if is_place(&words) {
            return Some(tokens[n - take].0);
        }
        // `PLACE، REGION`: the place ends with a comma, one more word follows.
        if take >= 2 && tokens[n - 2].1.ends_with(['،', ',']) {
            let words: Vec<&str> = tokens[n - take..n - 1]
                .iter()
                .map(|&(_, t)| clean_word(t))
                .collect();
            if is_place(&words) {
                return Some(tokens[n - take].0);
            }
        }
    }
    // `PLACE/PLACE`
    let (start, last) = *tokens.last()?;
    let first = last.split('/').next()?;
    (last.contains('/') && is_place(&[clean_word(first)])).then_some(start)
}

fn clean_word(t: &str) -> &str {
    t.trim_matches(|c: char| !is_alnum(c))
}
