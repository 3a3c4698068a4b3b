//! Chinese and Japanese pairs through the pair scorer. Every Han or kana
//! character is a match-key token, so function characters (`的 了 是 在`,
//! `の は を に`) would otherwise count as shared content: two sentences
//! about different events written in the same frame (`这是…在过去…中对…的
//! 最…`) reached `paraphrase`. They must not, while a lightly edited copy
//! still is a near-duplicate. The sentences are written for this test
//! (news-style, not taken from any corpus).

use isnad_score::{Tier, compare, is_stopword};

/// Pairs of sentences about different events that share a frame of
/// function characters and a reporting verb or two.
const SAME_FRAME_OTHER_EVENT: &[(&str, &str)] = &[
    (
        "这是中国政府在过去十年中对农村教育的最大一笔投资。",
        "这是欧洲央行在过去一年中对通货膨胀作出的最强烈的回应。",
    ),
    (
        "警方说，这起事故是由于司机在雨天的高速公路上超速行驶造成的。",
        "专家说，这次停电是由于电网在夏季的用电高峰时期负荷过重造成的。",
    ),
    (
        "国家统计局周二表示，今年的工业产值在一季度比去年同期增长了百分之五。",
        "外交部发言人周三表示，双方的会谈将在明年的夏季于北京举行。",
    ),
    (
        "這是台灣政府在過去十年中對偏鄉醫療的最大一筆投資。",
        "這是香港警方在過去一週中對示威活動作出的最嚴厲的回應。",
    ),
    (
        "首相は記者会見で、来年度の予算案について国会での審議を急ぐ考えを示した。",
        "外相は会談で、両国の経済協力について今後も対話を続ける方針を示した。",
    ),
    (
        "政府は台風の被害を受けた地域に、自衛隊を派遣することを決めた。",
        "会社は業績の悪化を受けて、地方の工場を閉鎖することを発表した。",
    ),
];

/// A sentence and a lightly edited copy (a word dropped, moved or swapped
/// for a synonym).
const EDITED_COPY: &[(&str, &str)] = &[
    (
        "国家统计局周二表示，今年的工业产值在一季度比去年同期增长了百分之五。",
        "国家统计局周二称，今年一季度的工业产值比去年同期增长了百分之五。",
    ),
    (
        "這是台灣政府在過去十年中對偏鄉醫療的最大一筆投資。",
        "這是台灣政府過去十年來對偏鄉醫療最大的一筆投資。",
    ),
    (
        "首相は記者会見で、来年度の予算案について国会での審議を急ぐ考えを示した。",
        "首相は会見で、来年度予算案について国会での審議を急ぐ考えを示した。",
    ),
];

#[test]
fn same_frame_sentences_about_other_events_do_not_match() {
    for &(a, b) in SAME_FRAME_OTHER_EVENT {
        let s = compare(a, b);
        assert_eq!(s.tier, None, "{a} | {b}: {s:?}");
        assert!(s.score < 0.3, "{a} | {b}: {s:?}");
    }
}

#[test]
fn a_lightly_edited_copy_is_still_a_near_duplicate() {
    for &(a, b) in EDITED_COPY {
        let s = compare(a, b);
        assert_eq!(s.tier, Some(Tier::NearDuplicate), "{a} | {b}: {s:?}");
    }
}

#[test]
fn cjk_function_characters_are_stopwords_and_content_characters_are_not() {
    for t in ["的", "了", "是", "這", "の", "は", "を", "て"] {
        assert!(is_stopword(t), "{t}");
    }
    // Content characters, katakana, and the negators 不 / 没 / ない's な.
    for t in ["国", "政", "府", "会", "談", "ア", "不", "没", "な"] {
        assert!(!is_stopword(t), "{t}");
    }
}
