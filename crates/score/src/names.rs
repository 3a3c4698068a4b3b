//! Soft keys for transliterated names.
//!
//! Outlets spell foreign names differently (`لافرينتييف`/`لافرينتيف`,
//! `سوريا`/`سورية`, `أستانا`/`أستانة`, `ماكرون`/`مكرون`, `غوغل`/`جوجل`); the
//! variants differ in vowel letters, doubled letters and g/v letters. The
//! consonant skeleton of research notes §2.6 maps them to one key:
//!
//! 1. start from the match key; fold `گ غ ق → ج`, `ڤ → ف`, `پ → ب`, `چ → ج`;
//!    drop `ء`;
//! 2. strip a leading `ال` if more than 2 letters remain;
//! 3. map a final `ا`/`ه` to one class symbol;
//! 4. delete `ا و ي` except at position 0;
//! 5. collapse doubled letters.
//!
//! Skeletons collide (`كتب/كاتب/كتاب`, `سورية/سارية`), so they are only a
//! *soft* token match inside a pair already being scored, and the scorer
//! confirms each skeleton match with Jaro-Winkler on the tokens
//! ([`confirm`]). Only tokens of ≥ 4 letters with a skeleton of ≥ 3
//! symbols get one.

/// Minimum Jaro-Winkler similarity (over the tokens without `ال`) that
/// confirms a skeleton match. Set by design from the §2.6 pairs: every
/// listed variant pair is ≥ 0.85, `كاتب/كتاب`-style collisions are lower or
/// share the stem anyway.
pub const CONFIRM_JARO_WINKLER: f64 = 0.84;

/// The consonant skeleton of a match-key token, or `None` when the token is
/// too short, not Arabic, or the skeleton has fewer than 3 symbols.
pub fn skeleton(token: &str) -> Option<String> {
    let mut out = String::new();
    skeleton_into(token, &mut out).then_some(out)
}

/// [`skeleton`] written into `out` (cleared first; the features pass reuses
/// one buffer for every token); `false` when the token has none.
pub(crate) fn skeleton_into(token: &str, out: &mut String) -> bool {
    out.clear();
    if token.chars().count() < 4
        || !token
            .chars()
            .all(|c| ('\u{0621}'..='\u{06FF}').contains(&c))
    {
        return false;
    }
    let letters = || {
        token.chars().filter(|&c| c != 'ء').map(|c| match c {
            'گ' | 'غ' | 'ق' | 'چ' => 'ج',
            'ڤ' => 'ف',
            'پ' => 'ب',
            c => c,
        })
    };
    let n = letters().count();
    let mut first_two = letters();
    let skip = if n > 4 && first_two.next() == Some('ا') && first_two.next() == Some('ل') {
        2
    } else {
        0
    };
    let last = (n - skip).saturating_sub(1);
    let (mut prev, mut len) = (None, 0);
    for (i, c) in letters().skip(skip).enumerate() {
        let c = if i == last && i > 0 && (c == 'ا' || c == 'ه') {
            '*'
        } else {
            c
        };
        if i > 0 && matches!(c, 'ا' | 'و' | 'ي') {
            continue;
        }
        if prev == Some(c) {
            continue;
        }
        out.push(c);
        prev = Some(c);
        len += 1;
    }
    len >= 3
}

/// Confirms that two tokens with equal skeletons are spelling variants.
pub fn confirm(a: &str, b: &str) -> bool {
    let (a, b) = (
        a.strip_prefix("ال").unwrap_or(a),
        b.strip_prefix("ال").unwrap_or(b),
    );
    strsim::jaro_winkler(a, b) >= CONFIRM_JARO_WINKLER
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(s: &str) -> String {
        isnad_segment::normalize::match_key(s)
    }

    #[test]
    fn variants_share_a_skeleton_and_are_confirmed() {
        for (a, b) in [
            ("سوريا", "سورية"),
            ("أستانا", "أستانة"),
            ("آستانا", "أستانة"),
            ("لافرينتييف", "لافرينتيف"),
            ("ماكرون", "مكرون"),
            ("ترامب", "ترمب"),
            ("نتنياهو", "نتانياهو"),
            ("زيلينسكي", "زيلنسكي"),
            ("فيسبوك", "فايسبوك"),
        ] {
            let (ka, kb) = (k(a), k(b));
            assert_eq!(skeleton(&ka), skeleton(&kb), "{a} {b}");
            assert!(skeleton(&ka).is_some(), "{a}");
            assert!(
                confirm(&ka, &kb),
                "{a} {b} jw={}",
                strsim::jaro_winkler(&ka, &kb)
            );
        }
    }

    #[test]
    fn different_names_differ() {
        assert_ne!(skeleton(&k("لافروف")), skeleton(&k("لافرينتييف")));
        assert_ne!(skeleton(&k("روسيا")), skeleton(&k("سوريا")));
    }
}
