//! Line breaks: a soft wrap inside a sentence is joined, a line that stands
//! on its own (headline, dateline, byline, list item, contact line) is not.

use isnad_segment::normalize::match_key;
use isnad_segment::{UnitKind, segment};

/// Sentence-level units (clauses left out) as text.
fn sentences(text: &str) -> Vec<(UnitKind, &str)> {
    segment(text)
        .into_iter()
        .filter(|u| u.kind != UnitKind::Clause)
        .map(|u| (u.kind, &text[u.span]))
        .collect()
}

#[test]
fn hard_wrapped_english_paragraph_is_joined_into_its_sentences() {
    let text = "The central bank raised its main interest rate by half a point on\n\
                Thursday, the third increase this year, saying that inflation had\n\
                proved more persistent than expected. Analysts had forecast a\n\
                smaller move.\n\
                \n\
                The decision was taken by a majority of the committee, whose\n\
                members will meet again in six weeks.\n";
    let units = sentences(text);
    let texts: Vec<&str> = units.iter().map(|u| u.1).collect();
    assert_eq!(texts.len(), 3, "{texts:#?}");
    assert!(texts[0].starts_with("The central bank") && texts[0].ends_with("expected."));
    assert_eq!(texts[1], "Analysts had forecast a\nsmaller move.");
    assert!(texts[2].starts_with("The decision") && texts[2].ends_with("six weeks."));
    // The span keeps the line break; the match key reads it as a space.
    assert_eq!(
        match_key(texts[1]),
        match_key("Analysts had forecast a smaller move.")
    );
}

#[test]
fn wrapped_lines_join_with_crlf_and_after_a_function_word() {
    // The second break is followed by a capitalised name, but the line
    // before ends with "the", which cannot end a sentence.
    let text = "Talks between the two delegations resumed on Monday in\r\n\
                Geneva under the auspices of the\r\n\
                United Nations envoy.\r\n";
    let texts: Vec<&str> = sentences(text).into_iter().map(|u| u.1).collect();
    assert_eq!(texts.len(), 1, "{texts:#?}");
    assert!(texts[0].contains("in\r\nGeneva") && texts[0].ends_with("envoy."));
}

#[test]
fn english_lines_that_stand_alone_stay_separate() {
    // A headline, a lettered list, a line ending with a colon, a contact line.
    let text = "Central bank raises rates again\n\
                The bank said three things:\n\
                a) prices are rising\n\
                b) wages follow\n\
                Contact the desk at\n\
                news@example.com\n";
    let texts: Vec<&str> = sentences(text).into_iter().map(|u| u.1).collect();
    assert!(
        texts.contains(&"Central bank raises rates again"),
        "{texts:#?}"
    );
    assert!(texts.contains(&"The bank said three things:"), "{texts:#?}");
    assert!(
        texts.iter().any(|t| t.ends_with("prices are rising")),
        "{texts:#?}"
    );
    assert!(
        texts.iter().any(|t| t.ends_with("wages follow")),
        "{texts:#?}"
    );
    assert!(!texts.iter().any(|t| t.contains('\n')), "{texts:#?}");
}

#[test]
fn arabic_headline_dateline_and_byline_lines_stay_separate() {
    let text = "وزير الخارجية يبحث مع نظيره الروسي تطورات الأوضاع\n\
                دمشق-سانا\n\
                بحث وزير الخارجية والمغتربين مع نظيره الروسي اليوم تطورات الأوضاع في المنطقة.\n\
                عين اليوم – الرياض\n\
                أعلنت وزارة الصحة تسجيل 12 إصابة جديدة\n\
                وقال المتحدث باسم الوزارة إن الحالات مستقرة.\n";
    let units = sentences(text);
    assert!(!units.iter().any(|u| u.1.contains('\n')), "{units:#?}");
    assert_eq!(units[0].0, UnitKind::Headline, "{units:#?}");
    assert_eq!(
        units[0].1,
        "وزير الخارجية يبحث مع نظيره الروسي تطورات الأوضاع"
    );
    assert!(
        units
            .iter()
            .any(|u| u.1 == "أعلنت وزارة الصحة تسجيل 12 إصابة جديدة")
    );
    assert!(
        units
            .iter()
            .any(|u| u.1 == "وقال المتحدث باسم الوزارة إن الحالات مستقرة.")
    );
}

#[test]
fn arabic_line_cut_after_a_preposition_is_joined() {
    // A line cannot end with `في` or `على`: the sentence goes on below.
    let text = "وأكد المتحدث أن الاجتماع سيعقد الأسبوع المقبل في\n\
                العاصمة الكازاخية بمشاركة الوفود على\n\
                مستوى الخبراء.\n\
                وأضاف أن الجولة المقبلة في أيار.";
    let texts: Vec<&str> = sentences(text).into_iter().map(|u| u.1).collect();
    assert_eq!(texts.len(), 2, "{texts:#?}");
    assert!(texts[0].ends_with("مستوى الخبراء.") && texts[0].contains("في\nالعاصمة"));
    assert_eq!(texts[1], "وأضاف أن الجولة المقبلة في أيار.");
}

#[test]
fn short_arabic_line_ending_with_a_preposition_is_not_enough() {
    // Two words are no evidence of a wrapped sentence (navigation labels,
    // section titles).
    let text = "جولة في\nالمدينة القديمة\nبحث الوزير الأوضاع.";
    let texts: Vec<&str> = sentences(text).into_iter().map(|u| u.1).collect();
    assert!(!texts.iter().any(|t| t.contains('\n')), "{texts:#?}");
}

#[test]
fn blank_lines_and_paragraph_separators_are_always_hard() {
    for sep in ["\n\n", "\n \n", "\u{2029}", "\u{000C}"] {
        let text = format!("the first part of a line that goes on{sep}and more words here.");
        let texts: Vec<&str> = sentences(&text).into_iter().map(|u| u.1).collect();
        assert_eq!(texts.len(), 2, "{sep:?}: {texts:#?}");
    }
}
