//! Function words that carry no claim of their own.
//!
//! Based on Lucene's Arabic list (Savoy, BSD; `../shared/notes/arabic-processing.md`
//! §3.4), written directly in match-key form (alef/hamza folded, `ة→ه`, `ى→ي`,
//! `ؤ/ئ→ء`) and extended with the clitic forms and news function words that
//! the list misses (`وقد`, `لقد`, `عليها`, …).
//!
//! English: the Snowball English stop list (BSD; pronouns, auxiliaries,
//! articles, prepositions, conjunctions) in match-key form, plus the modal
//! verbs it lacks (`would`, `could`, `may`, `might`, `must`, `shall`), the
//! reporting verbs `said`/`says`, a few connectives (`however`, `although`,
//! `whether`, `since`, `yet`, …) and the pieces that apostrophes leave as
//! tokens in the match key (`it's` → `it s`, `we'll` → `we ll`: `s t d ll m re ve`).
//! Without them a short English sentence is mostly function words, and two
//! unrelated sentences sharing `would`, `these` and `very` looked alike.
//! The negative contractions' first halves (`don`, `didn`, `isn`, `won`, …)
//! are deliberately left out: they are the only trace of `n't` in the match
//! key, so `did` / `didn` must not look alike (`can't` → `can t` does lose
//! its negation: `can` is too common to weigh).
//!
//! Chinese and Japanese: the match key makes every Han or kana character a
//! token of its own (no spaces between words), so only single characters
//! can be listed here, and without them two sentences about different
//! events written in the same frame (`这是…在过去…中对…的最…`, `…は…で、…
//! について…を示した`) shared a third of their tokens and scored about 0.39,
//! a paraphrase. Chinese: the one-character function words common to the
//! standard lists (all in spaCy's `zh` list, which is the HIT stop list):
//! the particles `的 了 着`, the copula `是`, prepositions and conjunctions
//! (`在 和 与 及 或 而 并 于 以 为 对 将 被 把 从 由`), the adverbs `也 都
//! 就`, demonstratives (`这 那 该 其 之`), `等`, the measure word `个`, and
//! the personal pronouns with the plural `们` (as the English list has
//! `he`, `they`); then the traditional forms that differ (`這 個 們 為 對 將
//! 從 與 於 該 並`). Left out, though the lists have them: `一 上 下 中`,
//! which as one-character tokens are mostly parts of content words (`一致`,
//! `上海`, `下降`, `中国`; `上`/`下` tell a rise from a fall), and the
//! negators `不 没`. Japanese: the particles and auxiliaries written in
//! hiragana (`の は が を に へ と で も や か よ ね`, `た だ て し`) and the
//! characters of the longer ones (`から まで より です ます` → `ら ま り
//! す`), all one-character entries of spaCy's `ja` list but `り`. Kanji and
//! katakana are left alone (names, loanwords), and so are `な`/`ず` (`ない`,
//! `ず` negate). A character shared by Chinese and Japanese (`在`, `和`, `等`)
//! is a stopword in both.
//!
//! The negators (`لا لم لن ليس ليست غير عدم دون بدون`, `no nor not`) are
//! deliberately **not** stopwords: a sentence and its negation must not look
//! alike (see [`crate::negation`]). Interrogatives (`متى`, `اين`, `كيف`, `كم`,
//! `لماذا`, `هل`; `what when where why how`) are kept too: they decide what a
//! question asks.

use crate::hash::h64;

/// The stopwords in match-key form (looked up through [`by_hash`]).
static STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "although",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "d",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "ll",
    "m",
    "may",
    "me",
    "might",
    "more",
    "most",
    "must",
    "my",
    "myself",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "per",
    "re",
    "s",
    "said",
    "same",
    "says",
    "shall",
    "she",
    "should",
    "since",
    "so",
    "some",
    "such",
    "t",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "ve",
    "very",
    "via",
    "was",
    "we",
    "were",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "will",
    "with",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "ا",
    "اثناء",
    "اذ",
    "اذا",
    "ازاء",
    "الا",
    "التي",
    "الذي",
    "الذين",
    "الي",
    "اللتين",
    "اللذين",
    "الان",
    "اما",
    "امام",
    "ان",
    "انا",
    "انت",
    "انه",
    "انها",
    "انهم",
    "او",
    "اي",
    "ايضا",
    "اليه",
    "اليها",
    "الينا",
    "اليهم",
    "ب",
    "بان",
    "بانه",
    "بانها",
    "بعد",
    "بعض",
    "بها",
    "به",
    "بهم",
    "بين",
    "بينما",
    "ت",
    "تحت",
    "تلك",
    "تم",
    "تكون",
    "ثم",
    "جميع",
    "حتي",
    "حول",
    "حيث",
    "حين",
    "خلال",
    "ذلك",
    "سوف",
    "ضد",
    "ضمن",
    "عبر",
    "عقب",
    "علي",
    "عليه",
    "عليها",
    "عليهم",
    "عن",
    "عند",
    "عندما",
    "عنه",
    "عنها",
    "ف",
    "فان",
    "فانه",
    "فقد",
    "فهو",
    "فهي",
    "في",
    "فيه",
    "فيها",
    "فيهم",
    "قبل",
    "قد",
    "كان",
    "كانت",
    "كانوا",
    "كذلك",
    "كل",
    "كما",
    "كي",
    "ل",
    "لان",
    "لدي",
    "لذلك",
    "لقد",
    "لكن",
    "لكنه",
    "له",
    "لها",
    "لهم",
    "لهذا",
    "لهذه",
    "ما",
    "مع",
    "معه",
    "معها",
    "مما",
    "من",
    "منذ",
    "منه",
    "منها",
    "منهم",
    "نحن",
    "نحو",
    "هذا",
    "هذه",
    "هم",
    "هما",
    "هناك",
    "هنا",
    "هو",
    "هي",
    "و",
    "وان",
    "وانه",
    "وانها",
    "وبعد",
    "وبين",
    "وذلك",
    "وعلي",
    "وعن",
    "وفي",
    "وفيما",
    "وقد",
    "وكان",
    "وكانت",
    "وكل",
    "وكما",
    "ولكن",
    "ومع",
    "ومن",
    "وهذا",
    "وهذه",
    "وهو",
    "وهي",
    "يكون",
    "فيما",
    "كانه",
    "لما",
    "الذى",
    "اللذي",
    "اللتي",
    "اللواتي",
    "اللاتي",
    "الذي",
    "هولاء",
    "اولءك",
    "ذات",
    "لدى",
    // Chinese function characters (simplified, then the traditional forms
    // that differ): particles, the copula, prepositions, conjunctions,
    // demonstratives, pronouns, the general measure word.
    "的",
    "了",
    "着",
    "是",
    "在",
    "和",
    "与",
    "及",
    "或",
    "也",
    "都",
    "就",
    "而",
    "并",
    "这",
    "那",
    "该",
    "其",
    "之",
    "于",
    "以",
    "为",
    "对",
    "将",
    "被",
    "把",
    "从",
    "由",
    "等",
    "个",
    "他",
    "她",
    "它",
    "们",
    "我",
    "你",
    "與",
    "並",
    "這",
    "該",
    "於",
    "為",
    "對",
    "將",
    "從",
    "個",
    "們",
    // Japanese particles and auxiliaries written in hiragana, one token per
    // character as the match key has them (`から` is `か ら`).
    "の",
    "は",
    "が",
    "を",
    "に",
    "へ",
    "と",
    "で",
    "も",
    "や",
    "か",
    "ら",
    "ま",
    "よ",
    "り",
    "ね",
    "た",
    "だ",
    "す",
    "し",
    "て",
];

/// The list keyed by token hash ([`h64`]), sorted: a lookup compares
/// integers, not strings (the match-key token's hash is computed for its
/// features anyway). The text is compared too, on a hash hit only, so a hash
/// collision can never make a word a stopword.
fn by_hash() -> &'static [(u64, &'static str)] {
    use std::sync::OnceLock;
    static BY_HASH: OnceLock<Vec<(u64, &'static str)>> = OnceLock::new();
    BY_HASH.get_or_init(|| {
        let mut v: Vec<(u64, &'static str)> = STOPWORDS.iter().map(|w| (h64(w), *w)).collect();
        v.sort_unstable();
        v.dedup();
        v
    })
}

/// Whether a match-key token is a stopword.
pub fn is_stopword(token: &str) -> bool {
    is_stopword_hashed(token, h64(token))
}

/// [`is_stopword`] for a token whose [`h64`] hash is known.
pub(crate) fn is_stopword_hashed(token: &str, hash: u64) -> bool {
    let list = by_hash();
    list[list.partition_point(|&(h, _)| h < hash)..]
        .iter()
        .take_while(|&&(h, _)| h == hash)
        .any(|&(_, w)| w == token)
}

#[cfg(test)]
mod tests {
    use super::is_stopword;

    #[test]
    fn negators_are_not_stopwords() {
        for w in ["لا", "لم", "لن", "ليس", "غير", "عدم", "دون", "بدون"] {
            assert!(!is_stopword(w), "{w}");
        }
        for w in [
            "في", "علي", "التي", "وقد", "the", "of", "would", "these", "s", "ll",
        ] {
            assert!(is_stopword(w), "{w}");
        }
        for w in ["not", "no", "nor", "didn", "don", "what", "how", "talks"] {
            assert!(!is_stopword(w), "{w}");
        }
    }
}
