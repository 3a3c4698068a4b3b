//! Chinese and Japanese: sentences end at `。 ！ ？ ．` with no space after,
//! and the match key makes every Han or kana character a token.

use isnad_segment::normalize::match_key;
use isnad_segment::{UnitKind, segment};

fn sentences(text: &str) -> Vec<&str> {
    segment(text)
        .iter()
        .filter(|u| u.kind != UnitKind::Clause)
        .map(|u| u.text(text))
        .collect()
}

#[test]
fn chinese_sentences_end_at_fullwidth_marks_without_spaces() {
    let text = "中国外交部发言人今天表示，双方将继续举行会谈。东京股市周一收盘上涨！投资者是否关注央行政策？分析人士认为市场将保持稳定．";
    assert_eq!(
        sentences(text),
        [
            "中国外交部发言人今天表示，双方将继续举行会谈。",
            "东京股市周一收盘上涨！",
            "投资者是否关注央行政策？",
            "分析人士认为市场将保持稳定．",
        ]
    );
}

#[test]
fn japanese_sentences_and_closing_brackets() {
    let text = "首相は「協議を続ける」と述べた。会談は来週行われる予定だ｡「合意は近い。」";
    assert_eq!(
        sentences(text),
        [
            "首相は「協議を続ける」と述べた。",
            "会談は来週行われる予定だ｡",
            "「合意は近い。」",
        ]
    );
}

#[test]
fn arabic_and_latin_sentences_are_unchanged() {
    assert_eq!(
        sentences("قال د. أحمد إن الاجتماع انتهى. وأضاف أن الجولة المقبلة 3.5 مليون."),
        [
            "قال د. أحمد إن الاجتماع انتهى.",
            "وأضاف أن الجولة المقبلة 3.5 مليون."
        ]
    );
    assert_eq!(
        sentences("Mr. Smith paid $3.5m. The U.S. team won!Really."),
        ["Mr. Smith paid $3.5m.", "The U.S. team won!Really."]
    );
}

#[test]
fn han_and_kana_characters_are_tokens_of_the_match_key() {
    assert_eq!(match_key("双方将继续会谈。"), "双 方 将 继 续 会 谈");
    assert_eq!(match_key("首相は述べた"), "首 相 は 述 べ た");
    assert_eq!(match_key("北京2024年"), "北 京 2024 年");
    assert_eq!(match_key("Xinhua报道"), "xinhua 报 道");
    // Arabic and Latin keys keep their words.
    assert_eq!(match_key("قال الوزير"), "قال الوزير");
    assert_eq!(match_key("The Minister"), "the minister");
    // Hangul is written with spaces between words: its words stay whole.
    assert_eq!(match_key("서울 회담"), "서울 회담");
}

#[test]
fn a_japanese_quote_followed_by_the_quotative_particle_stays_in_its_sentence() {
    // The quote ends with its own `。？！`, closes, and `と` / `って` goes on.
    let text = "外相は「交渉を続けるのか？」と述べた。首相は「合意は近い。」と語った。記者が『本当に終わったの！』って聞いた。会談は来週行われる予定だ。";
    assert_eq!(
        sentences(text),
        [
            "外相は「交渉を続けるのか？」と述べた。",
            "首相は「合意は近い。」と語った。",
            "記者が『本当に終わったの！』って聞いた。",
            "会談は来週行われる予定だ。",
        ]
    );
    // `」との` (the quote as a noun modifier) continues too.
    assert_eq!(
        sentences("政府は「協議は続く。」との見方を示した。"),
        ["政府は「協議は続く。」との見方を示した。"]
    );
}

#[test]
fn a_closed_japanese_quote_followed_by_anything_else_still_ends_a_sentence() {
    assert_eq!(
        sentences("「合意は近い。」次の会合は来月だ。"),
        ["「合意は近い。」", "次の会合は来月だ。"]
    );
    // Words that start with と and start a sentence: とても, ところが, …
    assert_eq!(
        sentences("「行こう！」とても楽しそうだった。「終わった。」ところが交渉は続いた。"),
        [
            "「行こう！」",
            "とても楽しそうだった。",
            "「終わった。」",
            "ところが交渉は続いた。"
        ]
    );
    // Fullwidth brackets close a sentence like `」` does.
    assert_eq!(
        sentences("（詳細は後日発表する。）会談は来週だ。【速報。】株価が上昇した。"),
        [
            "（詳細は後日発表する。）",
            "会談は来週だ。",
            "【速報。】",
            "株価が上昇した。"
        ]
    );
}
