//! Light stemming of Arabic words ("Light10+").
//!
//! Why in-house: Snowball Arabic (`rust-stemmers`) fails to strip `وال`/`فال`
//! (`والمحادثات→والمحادثا`), and root stemmers (ISRI, Khoja) over-conflate
//! (`../shared/notes/arabic-processing.md` §3). Light10 (Larkey et al.) is the
//! most predictable light stemmer; we add the guards of §3.3:
//!
//! - input is a match-key token (alef/hamza folded, `ة→ه`, `ى→ي`), so the
//!   Light10 suffixes `ية`/`ة` appear as `يه`/`ه`;
//! - tokens that are not purely Arabic letters, or have ≤ 3 letters, or are
//!   stopwords/negators, are returned unchanged;
//! - a leading `و` is kept for words in a small `و`-initial lexicon
//!   (`وزير`, `وزارة`, `وفد`, `واشنطن` …), otherwise Light10 would turn
//!   `وزارة` into `زار` ("visited");
//! - a bare `ف` is never stripped (`فريق`, `فرنسا` start with it); it is only
//!   removed as part of `فال`, `فبال`, `فلل`;
//! - Light10's suffixes are stripped once each, in order, if ≥ 2 letters stay;
//!   the pronoun suffixes `هما`/`هم` only if ≥ 3 stay.
//!
//! The stem is always a sub-slice of the token, so stemming never allocates.

/// `و`-initial words whose `و` is part of the word, not the conjunction.
/// Matched as prefixes of the (already folded) token.
const WAW_LEXICON: &[&str] = &[
    "وزير",
    "وزراء",
    "وزار",
    "وطن",
    "وفد",
    "وفود",
    "وقت",
    "وقف",
    "وضع",
    "وسط",
    "ولايه",
    "ولايات",
    "وكال",
    "وكيل",
    "وكلاء",
    "وثيق",
    "وثاء",
    "وحد",
    "وحيد",
    "واحد",
    "ورق",
    "وجود",
    "وجه",
    "ولد",
    "والد",
    "وادي",
    "وصول",
    "وصل",
    "وعد",
    "وقع",
    "واقع",
    "واضح",
    "وقود",
    "وراء",
    "واشنط",
    "وفق",
    "وفاه",
    "واجه",
    "ورد",
    "وارد",
    "ولي",
    "وسيل",
    "وساءل",
    "وظيف",
    "وظاءف",
    "وعي",
    "وفاء",
    "وزن",
    "وصف",
    "وريث",
    "وسام",
    "ودي",
    "ورث",
    "وباء",
    "وحش",
    "وهم",
    "وكر",
    "ولاء",
];

/// Definite-article prefixes tried after the optional `و`, longest first.
const ARTICLE_PREFIXES: &[&str] = &["فبال", "فكال", "فال", "بال", "كال", "فلل", "لل", "ال"];

/// Light10 suffixes in order (after `ة→ه` folding), each stripped at most once.
const SUFFIXES: &[&str] = &["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"];

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}')
}

/// Light stem of one match-key token as a sub-slice of it (no allocation).
///
/// Tokens that are not purely Arabic letters (numbers, Latin words) or that
/// have at most 3 letters are returned unchanged. The caller decides about
/// stopwords: this function only knows the morphology.
pub fn light_stem_str(word: &str) -> &str {
    let letters = word.chars().count();
    if letters <= 3 || !word.chars().all(is_arabic_letter) {
        return word;
    }
    // Letters are two bytes each in the Arabic block, so char counts are len/2.
    let chars = |s: &str| s.len() / 2;
    let mut w = word;
    // 1. Conjunction و (Light10), unless the و belongs to the word.
    if let Some(rest) = w.strip_prefix('و')
        && chars(rest) >= 3
        && !WAW_LEXICON.iter().any(|lex| w.starts_with(lex))
    {
        w = rest;
    }
    // 2. One article prefix (possibly with ف/ب/ك), if ≥ 2 letters stay.
    for p in ARTICLE_PREFIXES {
        if let Some(rest) = w.strip_prefix(p)
            && chars(rest) >= 2
        {
            w = rest;
            break;
        }
    }
    // 3. Pronoun suffixes (Light10+), then Light10's list once each in order.
    for s in ["هما", "هم"] {
        if let Some(rest) = w.strip_suffix(s)
            && chars(rest) >= 3
        {
            w = rest;
            break;
        }
    }
    for s in SUFFIXES {
        if let Some(rest) = w.strip_suffix(s)
            && chars(rest) >= 2
        {
            w = rest;
        }
    }
    w
}

/// Light stem of one match-key token (owned; see [`light_stem_str`]).
pub fn light_stem(word: &str) -> String {
    light_stem_str(word).to_string()
}

#[cfg(test)]
mod tests {
    use super::light_stem_str as s;

    #[test]
    fn light10_cases_from_the_notes() {
        // §3.2 of the research notes (inputs in match-key form).
        assert_eq!(s("المحادثات"), "محادث");
        assert_eq!(s("والمحادثات"), "محادث");
        assert_eq!(s("وبالمحادثات"), "محادث");
        assert_eq!(s("فالحكومه"), "حكوم");
        assert_eq!(s("الحكوميه"), "حكوم");
        assert_eq!(s("اللاجءين"), "لاجء");
    }

    #[test]
    fn guards() {
        assert_eq!(s("وزير"), "وزير");
        assert_eq!(s("والوزير"), "وزير");
        assert_eq!(s("وزاره"), "وزار");
        assert_eq!(s("فريق"), "فريق");
        assert_eq!(s("فرنسا"), "فرنسا");
        assert_eq!(s("وقال"), "قال");
        assert_eq!(s("قال"), "قال");
        assert_eq!(s("2254"), "2254");
        assert_eq!(s("talks"), "talks");
        assert_eq!(s("محادثاتهم"), "محادث");
    }
}
