//! Normalization for matching. Display text is never changed; these functions
//! produce the forms that are compared.

use unicode_normalization::UnicodeNormalization;

/// The light form: NFKC, no invisible characters, diacritics or tatweel, ASCII digits.
pub fn light(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfkc() {
        match c {
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{200B}'..='\u{200F}' => {}
            '٠'..='٩' => out.push(char::from(b'0' + (c as u32 - '٠' as u32) as u8)),
            '۰'..='۹' => out.push(char::from(b'0' + (c as u32 - '۰' as u32) as u8)),
            _ => out.push(c),
        }
    }
    out
}

/// The match key: the light form with letter variants folded and punctuation dropped.
pub fn match_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in light(text).chars() {
        let c = match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            'ؤ' | 'ئ' => 'ء',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        };
        out.extend(c.to_lowercase());
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}
