//! One test per segmentation rule, with real Arabic (and Latin) examples.

use isnad_segment::{CLAUSE_MIN_WORDS, Unit, UnitKind, segment};

/// Sentence-level units as (kind, text).
fn units(text: &str) -> Vec<(UnitKind, &str)> {
    segment(text)
        .into_iter()
        .filter(|u| u.kind != UnitKind::Clause)
        .map(|u| (u.kind, &text[u.span]))
        .collect()
}

/// Texts of the sentence-level units.
fn texts(text: &str) -> Vec<&str> {
    units(text).into_iter().map(|(_, t)| t).collect()
}

fn kinds(text: &str) -> Vec<UnitKind> {
    units(text).into_iter().map(|(k, _)| k).collect()
}

use UnitKind::*;

// ---- blocks -------------------------------------------------------------

#[test]
fn every_line_break_is_a_block_boundary() {
    let t = "أعلنت الحكومة خطة جديدة\nوقال الوزير إن الخطة تبدأ غداً.\r\n\r\nوأضاف أن التمويل متوفر.\u{2029}وختم بالشكر.";
    assert_eq!(
        texts(t),
        [
            "أعلنت الحكومة خطة جديدة",
            "وقال الوزير إن الخطة تبدأ غداً.",
            "وأضاف أن التمويل متوفر.",
            "وختم بالشكر."
        ]
    );
}

#[test]
fn empty_and_blank_text_give_no_units() {
    assert!(segment("").is_empty());
    assert!(segment(" \n\t\n\u{200F}\n").is_empty());
}

// ---- terminators ----------------------------------------------------------

#[test]
fn terminator_runs_and_closers_end_sentences() {
    assert_eq!(
        texts("ماذا بعد؟! لا أحد يعرف. قال: «لن نتراجع!» ثم غادر. (انظر الجدول.) انتهى"),
        [
            "ماذا بعد؟!",
            "لا أحد يعرف.",
            "قال: «لن نتراجع!»",
            "ثم غادر.",
            "(انظر الجدول.)",
            "انتهى"
        ]
    );
}

#[test]
fn question_marks_latin_and_arabic() {
    assert_eq!(
        texts("هل ستنجح المحادثات؟ ربما. Will it work? Maybe!"),
        ["هل ستنجح المحادثات؟", "ربما.", "Will it work?", "Maybe!"]
    );
}

#[test]
fn invisible_marks_after_the_stop_do_not_hide_the_boundary() {
    // The mark is trimmed from the span like whitespace.
    assert_eq!(
        texts("قال الوزير.\u{200F} وأضاف أن الاجتماع انتهى."),
        ["قال الوزير.", "وأضاف أن الاجتماع انتهى."]
    );
}

#[test]
fn a_stop_repeated_after_a_space_is_one_run() {
    assert_eq!(
        texts("الأمر مهم نوعا ما. . وقال آخر كلاماً"),
        ["الأمر مهم نوعا ما. .", "وقال آخر كلاماً"]
    );
}

// ---- no break inside numbers, URLs, e-mails -----------------------------

#[test]
fn no_break_inside_decimals_dates_times_urls_emails() {
    let t = "بلغ التضخم 3.5% في 1.6.2023 الساعة 10.30 صباحاً وفق https://www.example.com/a.b.html والبريد info@sana.sy والرقم ص.ب1234 للمراسلة.";
    assert_eq!(texts(t), [t]);
}

#[test]
fn a_number_ends_a_sentence() {
    assert_eq!(
        texts("وصل عدد القتلى إلى 2005. وقال المسؤول إن الرقم سيرتفع."),
        ["وصل عدد القتلى إلى 2005.", "وقال المسؤول إن الرقم سيرتفع."]
    );
}

// ---- abbreviations ----------------------------------------------------------

#[test]
fn arabic_title_abbreviations_do_not_end_sentences() {
    for t in [
        "وشارك د. أيمن سوسان في الاجتماع.",
        "وقال أ. محمد العبدالله إن التضخم ارتفع.",
        "وأشرف م. سامر الخطيب على المشروع.",
        "وحاضر أ.د. محمد علي في الجامعة.",
        "وكتب أحمد ز. أمين مقالاً طويلاً.",
        "وقدّمه ج. عبد الله للحضور.",
    ] {
        assert_eq!(texts(t), [t], "{t}");
    }
}

#[test]
fn dotted_arabic_abbreviations_do_not_end_sentences() {
    for t in [
        "العنوان ص.ب. 1234 دمشق.",
        "وقعت الشركة ش.م.م. العقد أمس.",
        "زار الوفد ج.م.ع. الأسبوع الماضي.",
        "ولد عام 300 ق.م. في المدينة.",
    ] {
        assert_eq!(texts(t), [t], "{t}");
    }
}

#[test]
fn era_suffix_after_a_number_ends_the_sentence() {
    assert_eq!(
        texts("افتتح المبنى عام 2023 م. وحضره الوزير."),
        ["افتتح المبنى عام 2023 م.", "وحضره الوزير."]
    );
    assert_eq!(
        texts("شاركت سورية يومي ١٤ و١٥ آذار ٢٠٢٣م. ص.ب 1234 دمشق."),
        ["شاركت سورية يومي ١٤ و١٥ آذار ٢٠٢٣م.", "ص.ب 1234 دمشق."]
    );
    assert_eq!(
        texts("توفي عام 1445 هـ. ودفن في المدينة."),
        ["توفي عام 1445 هـ.", "ودفن في المدينة."]
    );
}

#[test]
fn latin_abbreviations_and_initials_do_not_end_sentences() {
    for t in [
        "Mr. Lavrov met Dr. Jones in the U.S. capital on Jan. 5 at 10 a.m. local time.",
        "Talks covered aid, e.g. food and fuel, and i.e. nothing else.",
        "George W. Bush spoke to Prof. Smith.",
    ] {
        assert_eq!(texts(t), [t], "{t}");
    }
}

#[test]
fn etc_ends_a_sentence_only_before_a_capital() {
    assert_eq!(
        texts("They sold fruit, bread, etc. and more."),
        ["They sold fruit, bread, etc. and more."]
    );
    assert_eq!(
        texts("They sold fruit, bread, etc. The market closed."),
        ["They sold fruit, bread, etc.", "The market closed."]
    );
}

// ---- ellipsis ------------------------------------------------------------------

#[test]
fn ellipsis_inside_a_sentence_does_not_break() {
    assert_eq!(
        texts("سيبحث الاجتماع ملف المعتقلين… وعودة اللاجئين."),
        ["سيبحث الاجتماع ملف المعتقلين… وعودة اللاجئين."]
    );
    assert_eq!(
        texts("إن ما تقوله وما تفعله... في الواقع أمر لا يصدق."),
        ["إن ما تقوله وما تفعله... في الواقع أمر لا يصدق."]
    );
}

#[test]
fn two_dots_are_a_full_stop() {
    assert_eq!(
        texts("كانت أطروحة سيئة جداً.. أردت فقط أن أستمتع."),
        ["كانت أطروحة سيئة جداً..", "أردت فقط أن أستمتع."]
    );
}

#[test]
fn ellipsis_before_a_closing_quote_ends_the_sentence() {
    assert_eq!(
        texts("وقال هذا \"لقد أدركت... \" ثم صمت."),
        ["وقال هذا \"لقد أدركت... \"", "ثم صمت."]
    );
}

// ---- list markers ------------------------------------------------------------

#[test]
fn list_markers_are_not_sentences_and_stay_out_of_the_span() {
    assert_eq!(
        texts("1. اتفاقية في مجال الطاقة.\n2) اتفاقية في مجال النقل\n• بند ثالث"),
        [
            "اتفاقية في مجال الطاقة.",
            "اتفاقية في مجال النقل",
            "بند ثالث"
        ]
    );
}

#[test]
fn a_list_number_after_an_ellipsis_starts_a_new_item() {
    assert_eq!(
        texts("البنود هي: 1. البند الأول… 2. البند الثاني…"),
        ["البنود هي:", "البند الأول…", "البند الثاني…"]
    );
}

// ---- quotations ---------------------------------------------------------------

#[test]
fn a_quote_spanning_sentences_keeps_its_speaker() {
    let t = "وقال لافرينتييف للصحفيين: «نأمل أن تكون الجولة مثمرة. لقد اتفقنا على كل التفاصيل». وأضاف أن الوفد سيشارك.";
    let u: Vec<Unit> = segment(t);
    assert_eq!(u.len(), 3);
    assert_eq!(
        (u[0].kind, u[0].speaker.as_deref()),
        (Sentence, Some("لافرينتييف"))
    );
    assert_eq!(
        (u[1].kind, u[1].speaker.as_deref()),
        (QuoteContinuation, Some("لافرينتييف"))
    );
    assert_eq!(&t[u[1].span.clone()], "لقد اتفقنا على كل التفاصيل».");
    assert_eq!((u[2].kind, u[2].speaker.as_deref()), (Sentence, None));
}

#[test]
fn speaker_frame_names_the_subject_and_stops_before_adverbials() {
    let t =
        "وقالت الرئاسة الروسية في بيان اليوم: “تم التركيز على الوضع في سورية. وجرى تقييم العدوان”.";
    let u = segment(t);
    assert_eq!(u[0].speaker.as_deref(), Some("الرئاسة الروسية"));
    assert_eq!(
        (u[1].kind, u[1].speaker.as_deref()),
        (QuoteContinuation, Some("الرئاسة الروسية"))
    );
}

#[test]
fn a_reporting_verb_without_subject_continues_the_last_speaker() {
    let t = "قال الرئيس بوتين: «نعتقد أن الحل سياسي وممكن».\nوأضاف: إن «موسكو ستوظف كل القدرات المتاحة لذلك».";
    let u = segment(t);
    assert_eq!(u[0].speaker.as_deref(), Some("الرئيس بوتين"));
    assert_eq!(u[1].speaker.as_deref(), Some("الرئيس بوتين"));
}

#[test]
fn straight_quotes_pair_by_their_shape() {
    assert_eq!(
        texts("وقال إن \"الحل سياسي\". وأضاف أن \"الحوار مستمر\"."),
        ["وقال إن \"الحل سياسي\".", "وأضاف أن \"الحوار مستمر\"."]
    );
}

#[test]
fn latin_speaker_before_said() {
    let t = "Sergei Lavrov said: \"We support a political solution. The talks will continue.\" Officials agreed.";
    let u = segment(t);
    assert_eq!(u[0].speaker.as_deref(), Some("Sergei Lavrov"));
    assert_eq!(
        (u[1].kind, u[1].speaker.as_deref()),
        (QuoteContinuation, Some("Sergei Lavrov"))
    );
    assert_eq!(u[2].kind, Sentence);
}

#[test]
fn scare_quotes_do_not_make_continuations() {
    let t = "وندد الوزيران بالوجود العسكري “غير القانوني”. وطالبا بالانسحاب.";
    assert_eq!(kinds(t), [Sentence, Sentence]);
}

// ---- headlines ---------------------------------------------------------------

#[test]
fn first_line_without_final_punctuation_is_the_headline() {
    let t = "لافروف والمقداد يحددان أربعة مجالات لتعزيز العلاقات\nبحث وزير الخارجية الروسي مع نظيره السوري العلاقات.";
    assert_eq!(kinds(t), [Headline, Sentence]);
}

#[test]
fn no_headline_without_following_text_or_with_final_punctuation() {
    assert_eq!(
        kinds("لافروف والمقداد يحددان أربعة مجالات لتعزيز العلاقات"),
        [Sentence]
    );
    assert_eq!(
        kinds("بحث الوزيران العلاقات.\nوأكدا أهمية التعاون."),
        [Sentence, Sentence]
    );
}

#[test]
fn short_unpunctuated_line_inside_the_article_is_a_subheading() {
    let t =
        "بحث الوزيران العلاقات الثنائية.\nالبيان الختامي للجولة\nاختتمت الدول الضامنة أعمال الجولة.";
    assert_eq!(kinds(t), [Sentence, Headline, Sentence]);
}

// ---- datelines -----------------------------------------------------------------

#[test]
fn dateline_on_its_own_line() {
    assert_eq!(
        units("موسكو-سانا\nأكد الرئيسان دعمهما."),
        [(Dateline, "موسكو-سانا"), (Sentence, "أكد الرئيسان دعمهما.")]
    );
}

#[test]
fn place_and_full_date_before_the_agency_is_a_dateline() {
    // SPA's wire dates every story this way, on a line of its own.
    assert_eq!(
        units(
            "بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس\nيواصل مهرجان تمور بريدة فعالياته."
        ),
        [
            (
                Dateline,
                "بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس"
            ),
            (Sentence, "يواصل مهرجان تمور بريدة فعالياته.")
        ]
    );
    assert_eq!(
        units("مكة المكرمة 25 شوال 1436هـ الموافق 10 أغسطس 2015م واس رفعت الإدارة جاهزيتها."),
        [
            (
                Dateline,
                "مكة المكرمة 25 شوال 1436هـ الموافق 10 أغسطس 2015م واس"
            ),
            (Sentence, "رفعت الإدارة جاهزيتها.")
        ]
    );
    // A number without a date word is no date (`فرانس 24` is a channel), and
    // a sentence that mentions a date and an agency is still a sentence.
    assert_eq!(
        kinds("فرانس 24/ أ ف ب\nقال مصدر إن الوفد وصل."),
        [Credit, Sentence]
    );
    assert_eq!(
        kinds("قتل 25 شخصا في 10 أغسطس بحسب واس.\nوأضاف المصدر أن التحقيق مستمر."),
        [Sentence, Sentence]
    );
}

#[test]
fn dateline_running_into_the_sentence_is_split_off() {
    for (t, date, rest) in [
        (
            "دمشق - سانا: أعلنت الحكومة خطة جديدة.",
            "دمشق - سانا:",
            "أعلنت الحكومة خطة جديدة.",
        ),
        (
            "الرياض (واس) - أعلنت الوزارة نتائج الاجتماع.",
            "الرياض (واس) -",
            "أعلنت الوزارة نتائج الاجتماع.",
        ),
        (
            "(رويترز) - قال مسؤول إن المحادثات انتهت.",
            "(رويترز) -",
            "قال مسؤول إن المحادثات انتهت.",
        ),
        (
            "القاهرة (أ ف ب) – قال مصدر إن الوفد وصل.",
            "القاهرة (أ ف ب) –",
            "قال مصدر إن الوفد وصل.",
        ),
        (
            "MOSCOW (Reuters) - Russia said talks ended.",
            "MOSCOW (Reuters) -",
            "Russia said talks ended.",
        ),
        (
            "لندن ــ قال رئيس الوزراء إن الحكومة مستعدة.",
            "لندن ــ",
            "قال رئيس الوزراء إن الحكومة مستعدة.",
        ),
        (
            "بيروت: أعلن الجيش إغلاق المعبر.",
            "بيروت:",
            "أعلن الجيش إغلاق المعبر.",
        ),
    ] {
        assert_eq!(units(t), [(Dateline, date), (Sentence, rest)], "{t}");
    }
}

#[test]
fn a_dash_after_an_ordinary_phrase_is_not_a_dateline() {
    let t = "الموقف السوري - كما قال الوزير - ثابت لا يتغير.";
    assert_eq!(kinds(t), [Sentence]);
}

#[test]
fn title_run_into_a_dateline_gets_its_own_boundary() {
    assert_eq!(
        texts("غضب كرة القدم باريس ــ من كان ليتصور ما حدث؟ لا أحد."),
        ["غضب كرة القدم", "باريس ــ من كان ليتصور ما حدث؟", "لا أحد."]
    );
    // A place after a preposition belongs to the sentence.
    assert_eq!(
        texts("اجتمع الوزراء في لندن ــ وهي عاصمة بريطانيا ــ أمس."),
        ["اجتمع الوزراء في لندن ــ وهي عاصمة بريطانيا ــ أمس."]
    );
}

// ---- credits ---------------------------------------------------------------------

#[test]
fn credit_lines() {
    for t in [
        "المصدر: وكالة سانا",
        "| الوطن – وكالات",
        "بقلم: أحمد علي",
        "Reporting by John Smith; Editing by Jane Doe",
        "(سانا)",
    ] {
        assert_eq!(
            kinds(&format!("نص الخبر الأول هنا.\n{t}")),
            [Sentence, Credit],
            "{t}"
        );
    }
}

// ---- furniture ------------------------------------------------------------------

#[test]
fn furniture_by_generic_cues() {
    for t in [
        "https://www.example.com/news/1",
        "تابعونا على فيسبوك",
        "لمتابعة أخبار الوكالة على تلغرام https://t.me/example",
        "ادعم الصحافة المستقلة",
        "اشترك في النشرة البريدية",
        "(صورة: أرشيف)",
        "تصوير: أحمد علي",
        "الوسوم: سوريا، روسيا، أستانا",
        "تعليقك",
        "أضف تعليقاً",
        "شارك",
        "اقرأ أيضاً: الحكومة تعلن خطة جديدة",
        "مقالات متعلقة",
        "×",
        "Follow us on Twitter",
        "Subscribe to our newsletter",
    ] {
        assert_eq!(
            kinds(&format!(
                "نص الخبر الأول هنا طويل بما يكفي ليكون جملة كاملة.\n{t}"
            )),
            [Sentence, Furniture],
            "{t}"
        );
    }
}

#[test]
fn sentences_that_start_like_a_cue_are_not_furniture() {
    let t = "وقع الحادث أمس.\nشاهد عيان قال إن القصف استهدف السوق الشعبية في المدينة صباح اليوم وأوقع عدداً كبيراً من الضحايا المدنيين.";
    assert_eq!(kinds(t), [Sentence, Sentence]);
}

#[test]
fn a_page_tail_with_furniture_is_furniture_as_a_whole() {
    let t = "بحث الوزيران العلاقات الثنائية بين البلدين وسبل تطويرها في المجالات كافة.\nمقالات متعلقة\nسوريا بحاجة للصحافة الحرة.. ونحن بحاجتك\nادعم الموقع\nدولار واحد شهريًا يصنع الفرق";
    assert_eq!(
        kinds(t),
        [
            Sentence, Furniture, Furniture, Furniture, Furniture, Furniture
        ]
    );
}

// ---- clauses --------------------------------------------------------------------

const LONG: &str = "بدوره أكد لافروف دعم بلاده المستمر لسورية لاستعادة الأمن والاستقرار وعودة الحياة الطبيعية إلى كل أراضيها، مشيراً إلى أهمية دعم العملية السياسية وعمل لجنة مناقشة الدستور في جنيف بقيادة وملكية سورية، وأضاف أن بلاده ستواصل تقديم المساعدات الإنسانية.";

#[test]
fn long_sentences_get_clauses_pointing_to_their_parent() {
    let u = segment(LONG);
    assert_eq!(u[0].kind, Sentence);
    let clauses: Vec<&Unit> = u.iter().filter(|c| c.kind == Clause).collect();
    assert_eq!(clauses.len(), 3);
    for c in &clauses {
        assert_eq!(c.parent, Some(0));
        assert!(c.span.start >= u[0].span.start && c.span.end <= u[0].span.end);
    }
    assert!(LONG[clauses[1].span.clone()].starts_with("مشيراً إلى أهمية"));
    assert!(LONG[clauses[2].span.clone()].starts_with("وأضاف أن بلاده"));
    // Clauses follow their sentence and are numbered in order.
    assert_eq!(u.iter().map(|u| u.index).collect::<Vec<_>>(), [0, 1, 2, 3]);
}

#[test]
fn short_sentences_get_no_clauses() {
    let t = "أكد لافروف دعم بلاده، مشيراً إلى أهمية الحل السياسي.";
    assert!(t.split_whitespace().count() <= CLAUSE_MIN_WORDS);
    assert!(segment(t).iter().all(|u| u.kind != Clause));
}

#[test]
fn semicolons_split_long_sentences() {
    let t = "وبحسب الوكالة فإن الاجتماع سيبحث ملف المعتقلين وعودة اللاجئين والوضع الإنساني في المخيمات الحدودية وملف المساعدات الدولية العاجلة؛ إضافة إلى الوضع الميداني في إدلب وريفها الجنوبي وخطوط التماس مع الفصائل المسلحة.";
    let c: Vec<&str> = segment(t)
        .into_iter()
        .filter(|u| u.kind == Clause)
        .map(|u| &t[u.span])
        .collect();
    assert_eq!(c.len(), 2);
    assert!(c[1].starts_with("إضافة إلى"));
}

// ---- the golden sample of the notes ----------------------------------------------

#[test]
fn appendix_a_golden() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/segment/appendix-a.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let u = units(&text);
    assert_eq!(u.len(), 14);
    let starts: Vec<&str> = u
        .iter()
        .map(|(_, t)| t.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(
        starts,
        [
            "أعلن",
            "وقال",
            "لقد",
            "وأضاف",
            "وبحسب",
            "هل",
            "يرى",
            "من",
            "للمزيد:",
            "وكانت",
            "ص.ب",
            "وتابع",
            "ثم",
            "ﺃﻋﻠﻦ"
        ]
    );
    assert_eq!(u[8].0, Furniture);
    assert_eq!(u[2].0, QuoteContinuation);
    assert!(u[3].1.contains("د. أيمن سوسان"));
    assert!(u[9].1.ends_with("٢٠٢٣م."));
}

// ---- Latin text ----------------------------------------------------------------------

#[test]
fn latin_wire_story_segments_sensibly() {
    let t = "DAMASCUS, Syria (AP) - Syria's foreign minister met U.N. envoy Geir Pedersen on Tuesday. The talks lasted 2.5 hours. \"We are ready,\" he said.";
    assert_eq!(
        units(t),
        [
            (Dateline, "DAMASCUS, Syria (AP) -"),
            (
                Sentence,
                "Syria's foreign minister met U.N. envoy Geir Pedersen on Tuesday."
            ),
            (Sentence, "The talks lasted 2.5 hours."),
            (Sentence, "\"We are ready,\" he said."),
        ]
    );
}
