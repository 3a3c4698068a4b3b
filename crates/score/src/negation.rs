//! Negation particles.
//!
//! Neither lexical overlap nor sentence embeddings separate `ستشارك` from
//! `لن تشارك` (`../shared/notes/arabic-processing.md` §4.2: 0.90–0.94), so the
//! scorer counts negators explicitly and flags a pair whose shared frame is
//! negated on one side only.
//!
//! Listed: `لا لم لن ليس ليست ليسا ليسوا لست لسنا غير عدم دون بدون` with the
//! clitics `و ف ب ل` in front (`ولن`, `فلا`, `بعدم`, `وبدون` …), and English
//! `not no never without` (`n't` splits to `t` in the match key and is not seen).
//! Deliberately **not** listed: `ما` — in news and questions it is far more often
//! "what"/"that which" than "not", and a false negation flag turns a repeat
//! into a conflict; and denial verbs (`نفى`, `ينفي`), because `نفى` vs `كذّب`
//! is a paraphrase, not a conflict.

const BASE: &[&str] = &[
    "لا",
    "لم",
    "لن",
    "ليس",
    "ليست",
    "ليسا",
    "ليسوا",
    "لست",
    "لسنا",
    "غير",
    "عدم",
    "دون",
    "بدون",
];

const LATIN: &[&str] = &["not", "no", "never", "without", "nor", "neither"];

/// Whether a match-key token is a negator.
pub fn is_negator(token: &str) -> bool {
    if BASE.contains(&token) || LATIN.contains(&token) {
        return true;
    }
    for clitic in ['و', 'ف', 'ب', 'ل'] {
        if let Some(rest) = token.strip_prefix(clitic)
            && BASE.contains(&rest)
        {
            // `لا` after `ب` (`بلا`) is "without": a negator too; `للا` is not a word.
            return !(clitic == 'ل' && rest == "لا");
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::is_negator;

    #[test]
    fn negators() {
        for w in [
            "لن",
            "ولن",
            "فلا",
            "بعدم",
            "وبدون",
            "غير",
            "ليست",
            "not",
            "بلا",
        ] {
            assert!(is_negator(w), "{w}");
        }
        for w in ["ما", "لبنان", "الا", "لكن", "نفي", "note"] {
            assert!(!is_negator(w), "{w}");
        }
    }
}
