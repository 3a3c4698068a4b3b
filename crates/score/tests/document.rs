//! `compare_documents`: the pair scorer for sentence pairs, a graded reuse
//! score for paragraphs.

use isnad_score::{Tier, compare, compare_documents};

#[test]
fn single_sentences_score_exactly_as_compare() {
    let pairs = [
        (
            "أكد وزير الخارجية أن المحادثات في أستانا كانت مثمرة وبناءة.",
            "أكد وزير الخارجية أن محادثات أستانا كانت مثمرة.",
        ),
        (
            "قال الوزير إن 30 شخصاً قتلوا في الهجوم",
            "قال الوزير إن 40 شخصاً قتلوا في الهجوم",
        ),
        (
            "دمشق-سانا بحث الوزير مع نظيره الروسي تطورات الأوضاع.",
            "ارتفعت أسعار النفط في الأسواق العالمية.",
        ),
        (
            "The central bank raised its main interest rate by half a point on Thursday.",
            "On Thursday the central bank raised its key rate by 0.5 points.",
        ),
        ("", "The talks ended."),
    ];
    for (a, b) in pairs {
        assert_eq!(compare_documents(a, b), compare(a, b), "{a} | {b}");
        assert_eq!(compare_documents(b, a), compare(b, a), "{b} | {a}");
    }
}

/// A source paragraph of three sentences, and texts that reuse two, one or
/// none of them (the rest unrelated sentences of similar length).
struct Case {
    source: &'static str,
    two: &'static str,
    one: &'static str,
    none: &'static str,
}

const ARABIC: Case = Case {
    source: "بحث وزير الخارجية والمغتربين مع نظيره الروسي اليوم في موسكو تطورات الأوضاع في المنطقة. \
             وأكد الجانبان ضرورة الالتزام بوقف إطلاق النار ودعم مسار أستانا للتسوية السياسية. \
             وأشار الوزير إلى أن الجولة المقبلة من المحادثات ستعقد في منتصف الشهر القادم.",
    two: "بحث وزير الخارجية والمغتربين مع نظيره الروسي اليوم في موسكو تطورات الأوضاع في المنطقة. \
          وأكد الجانبان ضرورة الالتزام بوقف إطلاق النار ودعم مسار أستانا للتسوية السياسية. \
          من جهة أخرى افتتح محافظ المدينة معرضاً للكتاب يضم أكثر من مئتي دار نشر عربية.",
    one: "بحث وزير الخارجية والمغتربين مع نظيره الروسي اليوم في موسكو تطورات الأوضاع في المنطقة. \
          وارتفعت أسعار الخضار في الأسواق المحلية بسبب موجة الحر التي تضرب البلاد منذ أسبوع. \
          من جهة أخرى افتتح محافظ المدينة معرضاً للكتاب يضم أكثر من مئتي دار نشر عربية.",
    none: "فاز المنتخب الوطني لكرة القدم على نظيره الأردني بهدفين مقابل هدف في المباراة الودية. \
           وارتفعت أسعار الخضار في الأسواق المحلية بسبب موجة الحر التي تضرب البلاد منذ أسبوع. \
           من جهة أخرى افتتح محافظ المدينة معرضاً للكتاب يضم أكثر من مئتي دار نشر عربية.",
};

const ENGLISH: Case = Case {
    source: "The foreign minister met his Russian counterpart in Moscow on Monday to discuss the situation in the region. \
             Both sides stressed the need to respect the ceasefire and to support the Astana process. \
             The minister said the next round of talks would be held in the middle of next month.",
    two: "The foreign minister met his Russian counterpart in Moscow on Monday to discuss the situation in the region. \
          Both sides stressed the need to respect the ceasefire and to support the Astana process. \
          Meanwhile the city governor opened a book fair with more than two hundred publishers.",
    one: "The foreign minister met his Russian counterpart in Moscow on Monday to discuss the situation in the region. \
          Vegetable prices rose in local markets because of a heat wave that has lasted a week. \
          Meanwhile the city governor opened a book fair with more than two hundred publishers.",
    none: "The national football team beat Jordan two goals to one in a friendly match on Sunday. \
           Vegetable prices rose in local markets because of a heat wave that has lasted a week. \
           Meanwhile the city governor opened a book fair with more than two hundred publishers.",
};

fn check_graded(case: &Case) {
    let two = compare_documents(case.two, case.source);
    let one = compare_documents(case.one, case.source);
    let none = compare_documents(case.none, case.source);
    assert!(
        two.score > one.score && one.score > none.score,
        "two {} one {} none {}",
        two.score,
        one.score,
        none.score
    );
    assert!((0.0..=1.0).contains(&two.score));
    assert_eq!(two.tier, Some(Tier::Verbatim));
    assert_eq!(none.tier, None);
    assert_eq!(none.score, 0.0);
    // About two thirds and one third of the words are copied verbatim.
    assert!((0.5..0.8).contains(&two.score), "{}", two.score);
    assert!((0.2..0.45).contains(&one.score), "{}", one.score);
    let get = |s: &isnad_score::Scored, k: &str| {
        s.components
            .iter()
            .find(|(n, _)| n == k)
            .map(|x| x.1)
            .unwrap_or_else(|| panic!("no component {k}"))
    };
    assert_eq!(get(&two, "units_a"), 3.0);
    assert_eq!(get(&two, "units_b"), 3.0);
    assert_eq!(get(&two, "matched_units_a"), 2.0);
    assert_eq!(get(&one, "matched_units_b"), 1.0);
    // Spans point into the original texts: the copied sentences.
    for r in &two.spans_a {
        assert!(case.source.contains(&case.two[r.clone()]));
    }
    let copied_b: String = two
        .spans_b
        .iter()
        .map(|r| &case.source[r.clone()])
        .collect();
    assert!(!copied_b.is_empty());
    assert!(!two.spans_b.iter().any(|r| r.end > case.source.len()));
}

#[test]
fn arabic_paragraphs_are_graded_by_how_much_they_copy() {
    check_graded(&ARABIC);
}

#[test]
fn english_paragraphs_are_graded_by_how_much_they_copy() {
    check_graded(&ENGLISH);
}

#[test]
fn document_score_is_symmetric() {
    for case in [&ARABIC, &ENGLISH] {
        for text in [case.two, case.one, case.none] {
            let ab = compare_documents(text, case.source);
            let ba = compare_documents(case.source, text);
            assert_eq!(ab.score, ba.score);
            assert_eq!(ab.tier, ba.tier);
            assert_eq!(ab.spans_a, ba.spans_b);
            assert_eq!(ab.spans_b, ba.spans_a);
        }
    }
}

#[test]
fn a_short_text_wholly_copied_from_a_long_one_scores_high() {
    // One sentence lifted from a three-sentence article: the shorter text is
    // entirely reused, whatever the length of the other.
    let lifted =
        "Both sides stressed the need to respect the ceasefire and to support the Astana process.";
    let s = compare_documents(lifted, ENGLISH.source);
    assert_eq!(s.tier, Some(Tier::Verbatim));
    assert!(s.score > 0.95, "{}", s.score);
}

#[test]
fn hard_wrapped_copy_matches_like_the_unwrapped_one() {
    let wrapped = "The foreign minister met his Russian counterpart in Moscow on\n\
                   Monday to discuss the situation in the region. Both sides\n\
                   stressed the need to respect the ceasefire and to support the\n\
                   Astana process. Meanwhile the city governor opened a book fair\n\
                   with more than two hundred publishers.";
    let a = compare_documents(wrapped, ENGLISH.source);
    let b = compare_documents(ENGLISH.two, ENGLISH.source);
    assert!(
        (a.score - b.score).abs() < 0.02,
        "{} vs {}",
        a.score,
        b.score
    );
}

#[test]
fn components_are_consistent() {
    // A long sentence whose clause is reused inside another sentence: the
    // match is on the clause, the matched unit counted is its sentence.
    let long = "وقال المتحدث باسم الوزارة في مؤتمر صحفي عقده اليوم في دمشق إن الحكومة ستواصل دعم المزارعين المتضررين من موجة الجفاف، \
                مشيراً إلى أن الوزارة خصصت مبلغ ثلاثة مليارات ليرة لتعويض الخسائر في المحافظات الشرقية والشمالية. \
                وأضاف أن اللجان ستبدأ عملها الأسبوع المقبل.";
    let reuse = "خصصت الوزارة مبلغ ثلاثة مليارات ليرة لتعويض الخسائر في المحافظات الشرقية والشمالية بحسب مصادر محلية. \
                 وفي سياق آخر انطلقت امتحانات الشهادة الثانوية في جميع المحافظات.";
    let texts = [
        long,
        reuse,
        ARABIC.source,
        ARABIC.two,
        ARABIC.one,
        ARABIC.none,
        ENGLISH.source,
        ENGLISH.two,
    ];
    for a in texts {
        for b in texts {
            let s = compare_documents(a, b);
            assert!((0.0..=1.0).contains(&s.score), "{}", s.score);
            let get = |k: &str| s.components.iter().find(|(n, _)| n == k).map(|x| x.1);
            let (Some(ua), Some(ub)) = (get("units_a"), get("units_b")) else {
                continue;
            };
            assert!(get("matched_units_a").unwrap() <= ua);
            assert!(get("matched_units_b").unwrap() <= ub);
            for side in ["a", "b"] {
                let cover = get(&format!("cover_{side}")).unwrap();
                let reuse = get(&format!("reuse_{side}")).unwrap();
                assert!(reuse <= cover + 1e-6 && cover <= 1.0);
            }
            assert_eq!(s.tier.is_some(), get("matches").unwrap() > 0.0);
            for r in s.spans_a.windows(2) {
                assert!(r[0].end < r[1].start, "spans merged and ordered");
            }
        }
    }
    let s = compare_documents(long, reuse);
    assert!(s.tier.is_some(), "{s:?}");
    let get = |k: &str| s.components.iter().find(|(n, _)| n == k).map(|x| x.1);
    assert_eq!(get("units_a"), Some(2.0));
    assert_eq!(get("matched_units_a"), Some(1.0));
}
