//! Light stemming of Arabic words.

/// Light stem of one match-key token.
pub fn light_stem(word: &str) -> String {
    word.to_string()
}
