//! Negation particles.
//!
//! Neither lexical overlap nor sentence embeddings separate `ستشارك` from
//! `لن تشارك` (`../shared/notes/arabic-processing.md` §4.2: 0.90–0.94), so the
//! scorer counts negators explicitly and flags a pair whose shared frame is
//! negated on one side only.
//!
//! Listed: `لا لم لن ليس ليست ليسا ليسوا لست لسنا غير عدم دون بدون` with the
//! clitics `و ف ب ل` in front (`ولن`, `فلا`, `بعدم`, `وبدون` …), and English
//! `not no never without nor neither cannot` and the contracted forms whose
//! first half is no other word (`didn't` is `didn t` in the match key, so
//! `didn isn wasn …` are negators). `don't`, `won't`, `can't` are not seen:
//! `don`, `won`, `can` (and `haven`) are ordinary words too.
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

const LATIN: &[&str] = &[
    "not", "no", "never", "without", "nor", "neither", "cannot",
    // `…n't` contractions, cut at the apostrophe by the match key.
    "aren", "couldn", "didn", "doesn", "hadn", "hasn", "isn", "mightn", "mustn", "needn", "shan",
    "shouldn", "wasn", "weren", "wouldn",
];

/// Negators that mostly make one word's opposite inside a phrase
/// (`جمعية عمومية غير عادية`, `بادرة غير مستغربة`, `بلا شك`) that two
/// outlets keep or drop while telling the same thing: a SaudiNewsNet sample
/// of `conflicting` matches found 6 of 15 flagged for these alone, none a
/// changed fact. They stay negators for the scorer's weights.
const WEAK: &[&str] = &["غير", "دون", "بدون", "بلا"];

/// Words after which a negator is part of an idiom, not a negation: verbs
/// that it turns into "still" (`لا يزال`, `ما زالت`), and `لا سيما`
/// ("especially", also written `ولاسيما` in one word) and `لا بد` ("must"),
/// which outlets rewrite freely (a SaudiNewsNet `conflicting` match had
/// `لا سيما` against `ولاسيما`).
const IDIOM: &[&str] = &[
    "سيما",
    "بد",
    "زال",
    "زالت",
    "زالوا",
    "يزال",
    "تزال",
    "يزالون",
    "نزال",
    "برح",
    "يبرح",
    "تبرح",
];

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

/// Whether a match-key token negates what follows it, so that a repeat
/// with it on one side only is a changed fact: a negator (see
/// [`is_negator`]) that is not one of the weak, phrase-internal ones
/// (`غير دون بدون بلا`, clitics `و ف ب` allowed) and not the `لا` of
/// `لا يزال` ("still"), `لا سيما` ("especially") or `لا بد` ("must"),
/// said of `next`.
pub(crate) fn negates(token: &str, next: Option<&str>) -> bool {
    let weak = WEAK.contains(&token)
        || ['و', 'ف', 'ب']
            .iter()
            .any(|&c| token.strip_prefix(c).is_some_and(|r| WEAK.contains(&r)));
    is_negator(token) && !weak && !next.is_some_and(|n| IDIOM.contains(&n))
}

/// Whether a match-key token may hold a negator: `ألا` (`أن لا`, "that …
/// not") and `إلا` ("except", far more common) fold to the same key `الا`,
/// so it is no negator, but it may stand for the other side's `لا`.
pub(crate) fn may_hold_negator(token: &str) -> bool {
    matches!(token, "الا" | "والا")
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
