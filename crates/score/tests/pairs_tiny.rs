//! A one-word unit is not a statement shared with every sentence that contains the word.

use isnad_score::compare;

#[test]
fn a_one_word_unit_inside_a_long_sentence_is_no_match() {
    let scored = compare(
        "بوش.",
        "وقال الرئيس الأمريكي جورج بوش إن الحرب على الإرهاب ستستمر حتى النهاية في العراق",
    );
    assert_eq!(scored.tier, None, "{scored:?}");
}

#[test]
fn a_short_exclamation_is_no_match_for_a_sentence_that_contains_it() {
    let scored = compare(
        "جميل!",
        "قال المدرب إن الأداء كان جميل جدا في الشوط الثاني من المباراة",
    );
    assert_eq!(scored.tier, None, "{scored:?}");
}
