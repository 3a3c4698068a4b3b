//! Words that write dates in Arabic news: month names of every naming system
//! (notes §2.5), Hijri months, era markers and weekdays.
//!
//! Agencies date their copy in a line of its own, such as SPA's `بريدة 25
//! شوال 1436 هـ الموافق 10 اغسطس 2015 م واس`. Such a line is a dateline, not a
//! headline or a statement, and it can only be told from a sentence by its
//! words: a place, date words and numbers, and the agency.

use crate::text::WordSet;

/// Month names and date words, folded as [`crate::text::fold`] folds (alef
/// without hamza, `ى → ي`, no tatweel or diacritics); `ة` and `ه` both listed.
/// Two-word months (`كانون الثاني`, `ربيع الأول`, `ذو القعدة`) are listed word by
/// word, since a date line is read word by word.
static DATE_WORDS: WordSet = WordSet::new(&[
    // Gregorian, Egypt/Gulf spellings
    "يناير",
    "فبراير",
    "مارس",
    "ابريل",
    "مايو",
    "يونيو",
    "يونيه",
    "يوليو",
    "يوليه",
    "اغسطس",
    "سبتمبر",
    "اكتوبر",
    "نوفمبر",
    "ديسمبر",
    // Levant and Iraq
    "كانون",
    "شباط",
    "اذار",
    "نيسان",
    "ايار",
    "حزيران",
    "تموز",
    "اب",
    "ايلول",
    "تشرين",
    // Maghreb
    "جانفي",
    "فيفري",
    "افريل",
    "ماي",
    "جوان",
    "جويلية",
    "اوت",
    "يوليوز",
    "غشت",
    "شتنبر",
    "نونبر",
    "دجنبر",
    // Hijri
    "محرم",
    "صفر",
    "ربيع",
    "جمادي",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "ذو",
    "ذي",
    "القعدة",
    "القعده",
    "الحجة",
    "الحجه",
    // second words of two-word months
    "الاول",
    "الثاني",
    "الاخر",
    "الاولي",
    "الاخرة",
    "الاخره",
    // era markers and the Hijri/Gregorian link
    "ه",
    "م",
    "الموافق",
    "الموافقة",
    "الموافقه",
    // weekdays
    "يوم",
    "الاحد",
    "الاثنين",
    "الثلاثاء",
    "الاربعاء",
    "الخميس",
    "الجمعة",
    "الجمعه",
    "السبت",
]);

/// Whether a folded word is a month name, an era marker or another date word.
pub(crate) fn is_date_word(folded: &str) -> bool {
    DATE_WORDS.contains(folded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    #[test]
    fn month_names_of_every_system_are_date_words() {
        for w in [
            "أغسطس",
            "آب",
            "أيلول",
            "تشرين",
            "جوان",
            "شوال",
            "هـ",
            "م",
            "الموافق",
            "الأولى",
        ] {
            assert!(is_date_word(&fold(w)), "{w}");
        }
        for w in ["مهرجان", "الرياض", "قال", "واس"] {
            assert!(!is_date_word(&fold(w)), "{w}");
        }
    }
}
