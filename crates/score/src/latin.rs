//! Light stemming of English words: the inflectional steps of Porter2,
//! with British spellings folded to American.
//!
//! Why: without it, `talks`/`talked`/`talking` or `study`/`studies` are
//! different words to the scorer, so a lightly revised English sentence
//! (a verb put in another tense, a noun made plural) loses most of its
//! overlap — the Latin-script counterpart of Arabic clitics, which Light10+
//! ([`crate::stem`]) strips. Likewise `organisation`/`organization` or
//! `centre`/`center` when one outlet writes British and another American
//! English.
//!
//! What: steps 1a–1c and 5 of the Snowball English stemmer (Porter2, Martin
//! Porter 2002; `snowballstem.org/algorithms/english/stemmer.html`), written
//! out here: plural and third-person `-s`/`-es`/`-ies` (and `-es` after
//! `x`/`ch`/`sh`), `-ed`/`-ing` (`-edly`/`-ingly`, `-eed`) with Porter2's
//! repairs (`stopped → stop`, `hoping → hope`), final `y → i` after a
//! consonant (`party`/`parties → parti`, never `part`), and step 5's final
//! `e`/`ll` rule, without which a verb's base form would not meet its
//! inflected forms (`announce`/`announced → announc`). Porter2's exceptional
//! forms that these steps touch are kept (`news`, `bias`, `dying → die`,
//! `proceed`, …). Before stemming, British endings are folded to American
//! ones (see `american`).
//!
//! Why not all of Snowball (e.g. the `rust-stemmers` crate): its steps 2–4
//! strip *derivational* suffixes (`-ation`, `-ness`, `-ive`, `-ize`,
//! `-ent`), which conflate words of different meaning (`university`/
//! `universe → univers`, `general`/`generous → gener`) — the same
//! over-conflation that made the Arabic side choose a light stemmer over
//! root stemmers (`../shared/notes/arabic-processing.md` §3). Inflection is
//! what a light edit of a reported statement changes; derivation is
//! paraphrase, left to the soft overlap and its weights.
//!
//! Input is a match-key token (lowercase). Tokens that are not all ASCII
//! lowercase letters, or that have fewer than 3 letters, come back unchanged.
//! The stem is borrowed from the token unless letters are rewritten
//! (`party → parti`, `colour → color`).

use std::borrow::Cow;

/// Porter2 words left as they are.
const INVARIANT: &[&str] = &["andes", "atlas", "bias", "cosmos", "howe", "news", "sky"];

/// Porter2 exceptional forms of step 1.
const SPECIAL: &[(&str, &str)] = &[
    ("dying", "die"),
    ("lying", "lie"),
    ("skies", "sky"),
    ("skis", "ski"),
    ("tying", "tie"),
];

/// Words step 1b leaves alone (Porter2's list after step 1a).
const KEEP_1B: &[&str] = &[
    "canning", "earring", "exceed", "herring", "inning", "outing", "proceed", "succeed",
];

/// `Y` is a `y` that Porter2 treats as a consonant (word-initial or after a vowel).
fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

fn has_vowel(w: &[u8]) -> bool {
    w.iter().any(|&c| is_vowel(c))
}

/// Start of Porter2's region R1: after the first non-vowel that follows a
/// vowel (with the exceptional prefixes `gener`, `commun`, `arsen`).
fn r1(w: &[u8]) -> usize {
    for p in ["gener", "commun", "arsen"] {
        if w.starts_with(p.as_bytes()) {
            return p.len();
        }
    }
    (1..w.len())
        .find(|&i| is_vowel(w[i - 1]) && !is_vowel(w[i]))
        .map_or(w.len(), |i| i + 1)
}

/// Start of the region after the first non-vowel following a vowel,
/// searched from `from` (Porter2's R2 is this applied after R1).
fn region_after(w: &[u8], from: usize) -> usize {
    (from + 1..w.len())
        .find(|&i| is_vowel(w[i - 1]) && !is_vowel(w[i]))
        .map_or(w.len(), |i| i + 1)
}

/// Whether `w` ends in a Porter2 short syllable.
fn ends_short_syllable(w: &[u8]) -> bool {
    let n = w.len();
    (n == 2 && is_vowel(w[0]) && !is_vowel(w[1]))
        || (n >= 3
            && !is_vowel(w[n - 3])
            && is_vowel(w[n - 2])
            && !is_vowel(w[n - 1])
            && !matches!(w[n - 1], b'w' | b'x' | b'Y'))
}

/// Step 1a: `sses → ss`, `ies/ied → i` (or `ie` after one letter),
/// `s` deleted when a vowel comes before the letter preceding it (`es`
/// after `x`, `ch`, `sh`); `us`, `ss` kept.
fn step_1a(w: &mut Vec<u8>) {
    let n = w.len();
    if w.ends_with(b"sses") {
        w.truncate(n - 2);
    } else if w.ends_with(b"ied") || w.ends_with(b"ies") {
        w.truncate(if n > 4 { n - 2 } else { n - 1 });
    } else if w.ends_with(b"us") || w.ends_with(b"ss") {
    } else if w.ends_with(b"s") && n >= 3 && has_vowel(&w[..n - 2]) {
        // Beyond step 1a: `-es` after `x`, `ch`, `sh` is the plural ending
        // (`boxes`, `churches`), which Porter2 leaves to step 5.
        let es = [&b"xes"[..], b"ches", b"shes"]
            .iter()
            .any(|e| w.ends_with(e) && has_vowel(&w[..n - e.len()]));
        w.truncate(if es { n - 2 } else { n - 1 });
    }
}

/// Step 1b: `eed(ly) → ee` in R1; `ed`, `edly`, `ing`, `ingly` deleted after
/// a vowel, then `at/bl/iz → +e`, a double consonant undoubled, or `+e` for
/// a short word.
fn step_1b(w: &mut Vec<u8>, r1: usize) {
    let suffix = ["eedly", "ingly", "edly", "eed", "ing", "ed"]
        .into_iter()
        .find(|s| w.ends_with(s.as_bytes()));
    let Some(suffix) = suffix else { return };
    let start = w.len() - suffix.len();
    if suffix.starts_with("eed") {
        if start >= r1 {
            w.truncate(start);
            w.extend_from_slice(b"ee");
        }
        return;
    }
    if !has_vowel(&w[..start]) {
        return;
    }
    w.truncate(start);
    let n = w.len();
    if w.ends_with(b"at") || w.ends_with(b"bl") || w.ends_with(b"iz") {
        w.push(b'e');
    } else if n >= 2
        && w[n - 1] == w[n - 2]
        && matches!(
            w[n - 1],
            b'b' | b'd' | b'f' | b'g' | b'm' | b'n' | b'p' | b'r' | b't'
        )
    {
        w.truncate(n - 1);
    } else if r1 >= n && ends_short_syllable(w) {
        w.push(b'e');
    }
}

/// Step 1c: a final `y` after a non-vowel that is not the first letter becomes `i`.
fn step_1c(w: &mut [u8]) {
    let n = w.len();
    if n > 2 && matches!(w[n - 1], b'y' | b'Y') && !is_vowel(w[n - 2]) {
        w[n - 1] = b'i';
    }
}

/// Step 5 of Porter2: a final `e` goes when in R2, or in R1 after a
/// syllable that is not short (`increase`/`increased → increas`, but `hope`
/// and `hoped` stay `hope`); a final `ll` in R2 loses one `l`
/// (`travelled → travel`). Without it a verb's base form would not meet its
/// `-ed`/`-ing` forms (`announce` vs `announc`).
fn step_5(w: &mut Vec<u8>, r1: usize, r2: usize) {
    let n = w.len();
    let last = n.checked_sub(1).map(|i| w[i]);
    let drop_e = last == Some(b'e') && (n > r2 || (n > r1 && !ends_short_syllable(&w[..n - 1])));
    let drop_l = last == Some(b'l') && n >= 2 && w[n - 2] == b'l' && n > r2;
    if drop_e || drop_l {
        w.truncate(n - 1);
    }
}

/// British spellings folded to American ones before stemming, so that
/// outlets on either side of the Atlantic meet: `-ise`/`-yse` (and their
/// `-ed`, `-ing`, `-ation` forms) → `-ize`/`-yze`, `-our` → `-or`, `-tre` →
/// `-ter`, `-ogue` → `-og`, and a few single words (`programme`,
/// `defence`, `offence`, `licence`). Each rule needs a few letters before
/// the ending, so `rise`, `four`, `hour`, `rogue` are never touched; the
/// fold is applied to both sides of every comparison, so an American word
/// caught by it (`advise → advize`) still meets itself.
fn american(w: &mut Vec<u8>) {
    const WORDS: &[(&str, &str)] = &[
        ("defence", "defense"),
        ("defences", "defenses"),
        ("licence", "license"),
        ("licences", "licenses"),
        ("offence", "offense"),
        ("offences", "offenses"),
        ("pretence", "pretense"),
        ("programme", "program"),
        ("programmes", "programs"),
    ];
    if let Some(&(_, us)) = WORDS.iter().find(|(uk, _)| uk.as_bytes() == w.as_slice()) {
        *w = us.as_bytes().to_vec();
        return;
    }
    // (stem ending, endings after it, letters needed before, replacement)
    const RULES: &[(&str, &[&str], usize, &str)] = &[
        (
            "is",
            &["e", "ed", "es", "ing", "er", "ers", "ation", "ations"],
            2,
            "iz",
        ),
        ("ys", &["e", "ed", "es", "ing", "er", "ers"], 2, "yz"),
        (
            "our",
            &[
                "", "s", "ed", "ing", "ite", "ites", "able", "ably", "er", "ers", "ful", "less",
            ],
            3,
            "or",
        ),
        ("tre", &["", "s", "d"], 2, "ter"),
        ("ogue", &["", "s"], 3, "og"),
    ];
    for &(stem, ends, before, us) in RULES {
        for end in ends {
            let tail = stem.len() + end.len();
            if w.len() >= tail + before
                && w.ends_with(end.as_bytes())
                && w[..w.len() - end.len()].ends_with(stem.as_bytes())
            {
                let at = w.len() - tail;
                w.splice(at..at + stem.len(), us.bytes());
                return;
            }
        }
    }
}

/// English light stem (British spelling folded, then Porter2 steps 1a–1c
/// and 5) of one match-key token.
///
/// ```text
/// talks, talked, talking → talk      hoping, hoped, hopes → hope
/// study, studies, studied → studi    stopped → stop      news → news
/// announce, announced → announc      colour, colours, color → color
/// ```
pub fn light_stem_latin(word: &str) -> Cow<'_, str> {
    let b = word.as_bytes();
    if b.len() < 3 || !b.iter().all(u8::is_ascii_lowercase) || INVARIANT.contains(&word) {
        return Cow::Borrowed(word);
    }
    if let Some(&(_, s)) = SPECIAL.iter().find(|(w, _)| *w == word) {
        return Cow::Borrowed(s);
    }
    let mut w = b.to_vec();
    american(&mut w);
    // Mark consonantal y: word-initial or after a vowel.
    for i in 0..w.len() {
        if w[i] == b'y' && (i == 0 || is_vowel(w[i - 1])) {
            w[i] = b'Y';
        }
    }
    let r1 = r1(&w);
    let r2 = region_after(&w, r1);
    step_1a(&mut w);
    if !KEEP_1B.iter().any(|k| k.as_bytes() == w.as_slice()) {
        step_1b(&mut w, r1);
    }
    step_1c(&mut w);
    step_5(&mut w, r1, r2);
    for c in &mut w {
        if *c == b'Y' {
            *c = b'y';
        }
    }
    if b.starts_with(&w) {
        Cow::Borrowed(&word[..w.len()])
    } else {
        // Only ASCII letters were written.
        Cow::Owned(w.into_iter().map(char::from).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::light_stem_latin;

    fn s(w: &str) -> String {
        light_stem_latin(w).into_owned()
    }

    #[test]
    fn inflections_meet() {
        for (group, stem) in [
            (&["talk", "talks", "talked", "talking"][..], "talk"),
            (&["hope", "hopes", "hoped", "hoping"], "hope"),
            (&["hop", "hopped", "hopping"], "hop"),
            (&["study", "studies", "studied", "studying"], "studi"),
            (&["use", "uses", "used", "using"], "use"),
            (&["make", "makes", "making"], "make"),
            (&["create", "creates", "created", "creating"], "creat"),
            (&["agree", "agreed", "agrees"], "agre"),
            (
                &["announce", "announced", "announces", "announcing"],
                "announc",
            ),
            (&["increase", "increased", "increasing"], "increas"),
            (&["change", "changed", "changes", "changing"], "chang"),
            (&["travel", "travelled", "traveled", "travelling"], "travel"),
            (&["class", "classes"], "class"),
            (&["box", "boxes", "boxed"], "box"),
            (&["church", "churches"], "church"),
            (&["wish", "wishes", "wished"], "wish"),
            (&["play", "plays", "played", "playing"], "play"),
            (&["run", "runs", "running"], "run"),
        ] {
            for w in group {
                assert_eq!(s(w), stem, "{w}");
            }
        }
    }

    #[test]
    fn porter2_guards() {
        // Final y → i keeps `party` apart from `part`, `many` from `man`.
        assert_eq!(s("party"), "parti");
        assert_eq!(s("parties"), "parti");
        assert_eq!(s("part"), "part");
        assert_eq!(s("many"), "mani");
        // No vowel before the suffix, `us`/`ss` endings, invariants.
        for w in [
            "sing", "thing", "bring", "feed", "need", "virus", "news", "gas",
        ] {
            assert_eq!(s(w), w);
        }
        assert_eq!(s("needed"), "need");
        assert_eq!(s("ties"), "tie");
        assert_eq!(s("dying"), "die");
        // Derivational suffixes are left alone (light stemming).
        assert_eq!(s("generalization"), "generalization");
        assert_eq!(s("university"), "universiti");
        assert_eq!(s("universe"), "univers");
    }

    #[test]
    fn british_spellings_meet_american() {
        for (group, stem) in [
            (
                &["colour", "colours", "coloured", "color", "colored"][..],
                "color",
            ),
            (
                &["organise", "organised", "organize", "organizing"],
                "organiz",
            ),
            (&["organisation", "organization"], "organization"),
            (&["analyse", "analysed", "analyze", "analyzed"], "analyz"),
            (&["centre", "centres", "center", "centers"], "center"),
            (&["dialogue", "dialog"], "dialog"),
            (&["programme", "program", "programmes"], "program"),
            (&["defence", "defense"], "defens"),
            (&["behaviour", "behavior"], "behavior"),
        ] {
            for w in group {
                assert_eq!(s(w), stem, "{w}");
            }
        }
        // Too short before the ending: untouched by the fold.
        for (w, stem) in [
            ("four", "four"),
            ("hour", "hour"),
            ("rise", "rise"),
            ("rogue", "rogu"),
        ] {
            assert_eq!(s(w), stem, "{w}");
        }
    }

    #[test]
    fn other_tokens_unchanged() {
        for w in ["f16", "2254", "caf\u{e9}s", "محادثات", "is", "a"] {
            assert_eq!(s(w), w);
        }
        assert!(matches!(
            light_stem_latin("talks"),
            std::borrow::Cow::Borrowed("talk")
        ));
    }
}
