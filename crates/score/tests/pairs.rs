//! Pair scoring on real Arabic sentences (from the seed articles in
//! `fixtures/seeds/` and the research notes' Appendix A.2) and on Latin text:
//! every tier, changed numbers, added negation, name variants, partial reuse
//! with its spans, and unrelated sentences that share only common words.

use isnad_score::{Tier, compare, features, quick_reject, score_features};
use std::path::Path;

/// The text of each span.
fn span_texts<'t>(text: &'t str, spans: &[std::ops::Range<usize>]) -> Vec<&'t str> {
    spans.iter().map(|s| &text[s.clone()]).collect()
}

fn assert_spans_valid(text: &str, spans: &[std::ops::Range<usize>]) {
    for s in spans {
        assert!(
            s.start < s.end && s.end <= text.len(),
            "{s:?} out of {}",
            text.len()
        );
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
    }
}

// SANA, 2024-12-02 (fixtures/seeds/sana).
const SANA_1: &str = "أكد الرئيسان الروسي فلاديمير بوتين والإيراني مسعود بزشكيان خلال اتصال هاتفي دعمهما غير المشروط للإجراءات التي تتخذها سورية لاستعادة الأمن.";
// Al-Watan, 2021-02-18 (fixtures/seeds/alwatan).
const ALWATAN_LONG: &str = "أنهى مسار «أستانا» ومن مدينة سوتشي الروسية، أعمال جولته الخامسة عشرة أمس، بتجديد التأكيد على الالتزام القوي بسيادة ووحدة وسلامة أراضي سورية، ومقاصد ومبادئ ميثاق الأمم المتحدة، واحترام هذه المبادئ عالمياً والالتزام بها، إضافة إلى استمرار التعاون حتى القضاء على التنظيمات الإرهابية في سورية.";
// Enab Baladi, 2021-02-18 (fixtures/seeds/enabbaladi).
const ENAB_2254: &str = "وقالت وزارة الخارجية الروسية، في بيان على موقعها الرسمي مساء الأربعاء 17 من شباط، إن لافروف والمقداد تحدثا خلال اتصال هاتفي عن ضرورة المضي قدمًا في التسوية السياسية على أساس قرار مجلس الأمن الدولي رقم “2254”، بما في ذلك عمل اللجنة الدستورية السورية.";
const ENAB_TIES: &str = "وأكد الوزيران عزمهما على تعزيز العلاقات الثنائية بين موسكو ودمشق “تدريجيًا”، بما في ذلك المساعدة الروسية في القضاء على مظاهر الإرهاب على الأراضي السورية.";

#[test]
fn verbatim_after_normalization() {
    // Diacritics, tatweel, quote style and Arabic-Indic digits differ.
    let b = "أكّد الرئيسان الروسي فلاديمير بوتين والإيراني مسعود بزشكيان خلال اتصـال هاتفي دعمَهما غيرَ المشروط للإجراءات التي تتخذها سورية لاستعادة الأمن";
    let r = compare(SANA_1, b);
    assert_eq!(r.tier, Some(Tier::Verbatim));
    assert_eq!(r.score, 1.0);
    assert_spans_valid(SANA_1, &r.spans_a);
    assert_spans_valid(b, &r.spans_b);
    assert_eq!(span_texts(b, &r.spans_b), [b]);
    let d = compare(
        "وقال الرئيس إن الحكومة ستعمل على خفض نسبة التضخم إلى ٣٫٥٪ بحلول نهاية العام.",
        "وقال الرئيس: إنّ الحكومة ستعمل على خفض نسبة التضخم الى 3.5% بحلول نهاية العام",
    );
    assert_eq!(d.tier, Some(Tier::Verbatim));
}

#[test]
fn light_edit_is_near_duplicate() {
    // One word swapped (خلال → في), one name spelled the other way (سورية → سوريا).
    let b = "أكد الرئيسان الروسي فلاديمير بوتين والإيراني مسعود بزشكيان في اتصال هاتفي دعمهما غير المشروط للإجراءات التي تتخذها سوريا لاستعادة الأمن.";
    let r = compare(SANA_1, b);
    assert_eq!(r.tier, Some(Tier::NearDuplicate), "{r:?}");
    assert!(r.score > 0.8 && r.score < 1.0, "{}", r.score);
    assert!(r.conflicts.is_empty());
}

#[test]
fn copied_clause_in_a_long_sentence_is_partial_with_its_spans() {
    let b = "وجدد البيان الختامي للاجتماع التأكيد على الالتزام القوي بسيادة ووحدة وسلامة أراضي سورية، ومقاصد ومبادئ ميثاق الأمم المتحدة.";
    let r = compare(ALWATAN_LONG, b);
    assert_eq!(r.tier, Some(Tier::Partial), "{r:?}");
    assert_spans_valid(ALWATAN_LONG, &r.spans_a);
    assert_spans_valid(b, &r.spans_b);
    let sa = span_texts(ALWATAN_LONG, &r.spans_a).join(" … ");
    let sb = span_texts(b, &r.spans_b).join(" … ");
    assert!(
        sa.contains("الالتزام القوي بسيادة ووحدة وسلامة أراضي سورية"),
        "{sa}"
    );
    assert!(sa.contains("ميثاق الأمم المتحدة"), "{sa}");
    // The rest of the long sentence is not highlighted.
    for outside in ["سوتشي", "التنظيمات الإرهابية", "أنهى"] {
        assert!(!sa.contains(outside), "{outside} in {sa}");
    }
    assert!(
        sb.contains("الالتزام القوي بسيادة ووحدة وسلامة أراضي سورية"),
        "{sb}"
    );
    assert!(!sb.contains("البيان الختامي"), "{sb}");
}

#[test]
fn changed_number_is_conflicting() {
    let b = ENAB_2254.replace("2254", "2245");
    let r = compare(ENAB_2254, &b);
    assert_eq!(r.tier, Some(Tier::Conflicting), "{r:?}");
    assert_eq!(r.conflicts.len(), 1);
    assert_eq!(r.conflicts[0].kind, "number");
    assert_eq!(
        (r.conflicts[0].a.as_str(), r.conflicts[0].b.as_str()),
        ("2254", "2245")
    );
    // Same number written in other forms: no conflict.
    let c = ENAB_2254.replace("“2254”", "٢٢٥٤");
    assert_ne!(compare(ENAB_2254, &c).tier, Some(Tier::Conflicting));
    let r = compare(
        "قتل 12 شخصا في غارة جوية استهدفت سوقا شعبية في إدلب.",
        "قتل 21 شخصا في غارة جوية استهدفت سوقا شعبية في إدلب.",
    );
    assert_eq!(r.tier, Some(Tier::Conflicting));
}

#[test]
fn round_number_in_words_matches_digits() {
    let a = features("أعمال جولته الخامسة عشرة أمس");
    let b = features("اختتمت أمس الدول الضامنة أعمال الجولة الـ15 من المحادثات");
    assert_eq!(a.numbers().collect::<Vec<_>>(), ["15"]);
    assert_eq!(b.numbers().collect::<Vec<_>>(), ["15"]);
}

#[test]
fn a_negator_fused_into_alla_is_no_changed_fact() {
    // SaudiNewsNet, two papers on 2015-07-21: `ألا مكان` (= أن لا) and
    // `بأن لا مكان` say the same thing.
    let a = "وبذلك يتضح للغاشمين جليا ألا مكان للمخربين في هذا الوطن، داعيا الله العلي القدير أن يحفظ على بلادنا أمنها واستقرارها.";
    let b = "وبذلك يتضح للغاشمين جلياً بأن لا مكان للمخربين في هذا الوطن، داعيا الله العلي القدير أن يحفظ على بلادنا أمنها واستقرارها.";
    let r = compare(a, b);
    assert!(r.conflicts.is_empty(), "{r:?}");
    assert_eq!(r.tier, Some(Tier::NearDuplicate), "{r:?}");
    // One negator more than the fused ones is still a change.
    let c = "وبذلك يتضح للغاشمين جليا أن مكان للمخربين في هذا الوطن، داعيا الله العلي القدير أن يحفظ على بلادنا أمنها واستقرارها.";
    let r = compare(c, b);
    assert_eq!(r.tier, Some(Tier::Conflicting), "{r:?}");
}

#[test]
fn an_adjective_negated_with_ghayr_is_no_changed_fact() {
    // SaudiNewsNet, 2015-07-21: one paper keeps `غير عادية`, the other drops it.
    let a = "وقدم بلاتر استقالته من رئاسة الفيفا بعد أربعة أيام على فوزه بولاية خامسة، ودعا إلى جمعية عمومية غير عادية لانتخاب رئيس جديد.";
    let b = "واضطر بلاتر إلى تقديم استقالته من رئاسة الفيفا بعد أربعة أيام من فوزه بولاية خامسة، ودعا إلى جمعية عمومية لانتخاب رئيس جديد.";
    let r = compare(a, b);
    assert!(r.tier.is_some(), "{r:?}");
    assert!(r.conflicts.is_empty(), "{r:?}");
}

#[test]
fn la_yazal_means_still_not_not() {
    // SaudiNewsNet, 2015-07-21, two papers on one fire.
    let a = "وأشار إلى أنه لم ينتج عن الحادث أي إصابات أو خسائر بالأرواح ولله الحمد، والتحقيقات لازالت جارية لمعرفة أسباب الحريق.";
    let b = "مشيرا إلى أنه لم ينتج عن الحادث أي إصابات أو خسائر بالأرواح ولله الحمد، والتحقيقات لا تزال جارية لمعرفة أسباب الحريق.";
    let r = compare(a, b);
    assert!(r.conflicts.is_empty(), "{r:?}");
    assert!(r.tier.is_some(), "{r:?}");
}

#[test]
fn number_words_take_scale_words_like_digits() {
    let a = "وقد تم الإفراج عنه بعد أن دفع كفالة قدرها 10 ملايين دولار.";
    let b = "وقد تم الإفراج عنه بعد أن دفع كفالة قدرها عشرة ملايين دولار.";
    let r = compare(a, b);
    assert!(r.conflicts.is_empty(), "{r:?}");
    assert_eq!(r.tier, Some(Tier::NearDuplicate), "{r:?}");
}

#[test]
fn monday_is_not_the_number_two() {
    let a = "تبنى مجلس الأمن الدولي الاثنين قرارا بالإجماع يصادق على الاتفاق النووي.";
    let b =
        "تبنى مجلس الأمن الدولي أمس قرارا بالإجماع يصادق على الاتفاق النووي وصوت مندوبو الدول الـ15.";
    assert!(isnad_score::features(a).numbers().next().is_none());
    let r = compare(a, b);
    assert!(r.conflicts.is_empty(), "{r:?}");
}

#[test]
fn added_negation_is_conflicting() {
    let b = "وأكد الوزيران عدم عزمهما على تعزيز العلاقات الثنائية بين موسكو ودمشق “تدريجيًا”، بما في ذلك المساعدة الروسية في القضاء على مظاهر الإرهاب على الأراضي السورية.";
    let r = compare(ENAB_TIES, b);
    assert_eq!(r.tier, Some(Tier::Conflicting), "{r:?}");
    assert!(r.conflicts.iter().any(|c| c.kind == "negation"));
    let r = compare(
        "قالت الحكومة إنها ستشارك في مؤتمر المانحين المقبل في بروكسل.",
        "قالت الحكومة إنها لن تشارك في مؤتمر المانحين المقبل في بروكسل.",
    );
    assert_eq!(r.tier, Some(Tier::Conflicting), "{r:?}");
}

#[test]
fn changed_month_is_conflicting() {
    let r = compare(
        "أعلن المبعوث الروسي أن الجولة المقبلة من محادثات أستانا ستعقد في حزيران المقبل.",
        "أعلن المبعوث الروسي أن الجولة المقبلة من محادثات أستانا ستعقد في تموز المقبل.",
    );
    assert_eq!(r.tier, Some(Tier::Conflicting), "{r:?}");
    assert_eq!(r.conflicts[0].kind, "date");
    // The same month in two regional series is the same date.
    let r = compare(
        "أعلن المبعوث الروسي أن الجولة المقبلة من محادثات أستانا ستعقد في حزيران المقبل.",
        "أعلن المبعوث الروسي أن الجولة المقبلة من محادثات أستانا ستعقد في يونيو المقبل.",
    );
    assert!(
        matches!(r.tier, Some(Tier::NearDuplicate | Tier::Verbatim)),
        "{r:?}"
    );
}

#[test]
fn name_variants_paraphrase() {
    // Research notes A.2, pair 1: سوريا/سورية, لافرينتييف/لافرينتيف, أستانا/أستانة, حزيران/يونيو.
    let a = "أعلن المبعوث الرئاسي الروسي إلى سوريا ألكسندر لافرينتييف أن الجولة المقبلة من محادثات أستانا ستعقد في حزيران/يونيو المقبل.";
    let b = "قال المبعوث الخاص للرئيس الروسي إلى سورية، ألكسندر لافرينتيف، إن الجولة القادمة من مفاوضات أستانة ستنعقد في يونيو.";
    let r = compare(a, b);
    assert_eq!(r.tier, Some(Tier::Paraphrase), "{r:?}");
    let sb = span_texts(b, &r.spans_b).join(" … ");
    assert!(sb.contains("لافرينتيف"), "{sb}");
    assert!(sb.contains("أستانة"), "{sb}");
}

#[test]
fn reordered_paraphrase() {
    let r = compare(
        "استقبل الرئيس السوري وزير الخارجية الإيراني في دمشق اليوم الثلاثاء.",
        "التقى وزير الخارجية الإيراني بالرئيس السوري خلال زيارته إلى دمشق الثلاثاء.",
    );
    assert_eq!(r.tier, Some(Tier::Paraphrase), "{r:?}");
}

#[test]
fn unrelated_sentences_sharing_common_words_do_not_match() {
    // All from the seed articles, all naming سورية / الإرهاب / أستانا.
    let pairs = [
        (
            "ضامنو «أستانا 15» يؤكدون عزمهم على محاربة الإرهاب والوقوف ضد الأجندات الانفصالية … المقداد ولافروف خلال اتصال هاتفي: العمل لاستعادة الأمن والاستقرار في سورية",
            SANA_1,
        ),
        (
            "وعقد أحد عشر اجتماعاً بصيغة أستانا أحدها في مدينة سوتشي الروسية، أكدت في مجملها الالتزام الثابت بالحفاظ على سيادة سورية واستقلالها ووحدة أراضيها ومواصلة الحرب على التنظيمات الإرهابية فيها حتى دحرها نهائياً.",
            "وكانت الدول الضامنة لعملية «أستانا»، روسيا وإيران وتركيا، أكدت في بيان صدر بختام اجتماعات أمس، العزم على محاربة الإرهاب بجميع أشكاله ومظاهره والوقوف ضد الأجندات الانفصالية، الهادفة إلى تقويض سيادة سورية ووحدة أراضيها والتي تشكل تهديداً لأمن الدول المجاورة.",
        ),
        (
            "وقال الجعفري “نحن جاهزون للمشاركة في مؤتمر الحوار الوطني السوري خاصة بعد تقدم الجيش العربي السوري واندحار الإرهابيين مشيرا إلى أن أي دور للأمم المتحدة في حل الأزمة في سورية هو موضع ترحيب على أن يكون حياديا.",
            "وفي موسكو، أكد وزير الدفاع الروسي سيرغي شويغو أن روسيا وإيران تواصلان تعاونهما في دعم جهود الجيش العربي السوري بمكافحة الإرهاب، إضافة إلى حل الأزمة في سورية",
        ),
        (ENAB_2254, ENAB_TIES),
    ];
    for (a, b) in pairs {
        let r = compare(a, b);
        assert_eq!(r.tier, None, "{a}\n{b}\n{r:?}");
        assert!(r.spans_a.is_empty() && r.spans_b.is_empty());
    }
}

#[test]
fn latin_text() {
    let a = "The guarantor states reaffirmed their commitment to the sovereignty and territorial integrity of Syria.";
    let r = compare(
        a,
        "Guarantor states reaffirmed their commitment to the sovereignty and territorial integrity of Syria, the statement said.",
    );
    assert!(
        matches!(
            r.tier,
            Some(Tier::NearDuplicate | Tier::Partial | Tier::Paraphrase)
        ),
        "{r:?}"
    );
    let r = compare(
        a,
        "The guarantor states did not reaffirm their commitment to the sovereignty and territorial integrity of Syria.",
    );
    assert_eq!(r.tier, Some(Tier::Conflicting), "{r:?}");
    let r = compare(
        a,
        "The price of oil rose by two percent after the decision of the cartel.",
    );
    assert_eq!(r.tier, None, "{r:?}");
    assert_eq!(
        compare("Talks resume in June.", "talks RESUME in june").tier,
        Some(Tier::Verbatim)
    );
}

#[test]
fn empty_and_degenerate_inputs() {
    assert_eq!(compare("", "").tier, None);
    assert_eq!(compare("…", "«»").tier, None);
    assert_eq!(compare(SANA_1, "").tier, None);
}

/// Every pair of seed sentences: spans are valid, scores in [0, 1],
/// `quick_reject` never rejects a pair that gets a tier, and the score is symmetric
/// in tier (a↔b).
#[test]
fn seed_sentence_pairs_are_consistent() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/seeds");
    let mut units: Vec<String> = Vec::new();
    for outlet in ["alwatan", "enabbaladi", "sana"] {
        for entry in std::fs::read_dir(dir.join(outlet)).expect("seed folder") {
            let text = std::fs::read_to_string(entry.expect("entry").path()).expect("seed text");
            for u in isnad_segment::segment(&text) {
                units.push(text[u.span.clone()].to_string());
            }
        }
    }
    assert!(units.len() > 20);
    let feats: Vec<_> = units.iter().map(|u| features(u)).collect();
    for i in 0..units.len() {
        for j in (i + 1..units.len()).step_by(3) {
            let r = score_features(&feats[i], &units[i], &feats[j], &units[j]);
            assert!((0.0..=1.0).contains(&r.score));
            assert_spans_valid(&units[i], &r.spans_a);
            assert_spans_valid(&units[j], &r.spans_b);
            if r.tier.is_some() {
                assert!(
                    !quick_reject(&feats[i], &feats[j]),
                    "{} | {}",
                    units[i],
                    units[j]
                );
            }
            let back = score_features(&feats[j], &units[j], &feats[i], &units[i]);
            assert_eq!(
                r.tier.is_some(),
                back.tier.is_some(),
                "{} | {}",
                units[i],
                units[j]
            );
        }
    }
}

#[test]
fn decimal_comma_and_point_are_one_number() {
    // `7,16` is a decimal comma (Arabic and European usage), not a list.
    let a = "وأغلق سهم الشركة عند 7.16 ريال بارتفاع طفيف في تعاملات اليوم";
    let b = "وأغلق سهم الشركة عند 7,16 ريال بارتفاع طفيف في تعاملات اليوم";
    let s = compare(a, b);
    assert!(s.conflicts.is_empty(), "{:?}", s.conflicts);
    assert!(
        matches!(s.tier, Some(Tier::Verbatim | Tier::NearDuplicate)),
        "{:?}",
        s.tier
    );
    assert_eq!(
        features("عند 7,16 ريال").numbers().collect::<Vec<_>>(),
        ["7.16"]
    );
}

#[test]
fn percent_words_equal_the_percent_sign() {
    let a = "وارتفع معدل التضخم السنوي في المملكة إلى 2.3 في المائة خلال شهر أغسطس الماضي";
    let b = "وارتفع معدل التضخم السنوي في المملكة إلى 2.3% خلال شهر أغسطس الماضي";
    let c = "وارتفع معدل التضخم السنوي في المملكة إلى 2.3 بالمئة خلال شهر أغسطس الماضي";
    for (x, y) in [(a, b), (b, c), (a, c)] {
        let s = compare(x, y);
        assert!(s.conflicts.is_empty(), "{x} / {y}: {:?}", s.conflicts);
        assert!(
            matches!(s.tier, Some(Tier::Verbatim | Tier::NearDuplicate)),
            "{x} / {y}: {:?} {:?}",
            s.tier,
            s.components
        );
    }
}

#[test]
fn a_reworded_passage_inside_two_long_sentences_is_a_paraphrase_with_its_spans() {
    // Two outlets, same day: the end of the 15th Astana round in Sochi, told
    // in different words inside sentences that go on to other things.
    let a = "أنهى مسار «أستانا» ومن مدينة سوتشي الروسية، أعمال جولته الخامسة عشرة أمس، بتجديد التأكيد على الالتزام القوي بسيادة ووحدة وسلامة أراضي سورية، ومقاصد ومبادئ ميثاق الأمم المتحدة، واحترام هذه المبادئ عالمياً والالتزام بها، إضافة إلى استمرار التعاون حتى القضاء على التنظيمات الإرهابية في سورية.";
    let b = "اختتمت أمس الدول الضامنة لمسار “أستانة” (تركيا وروسيا وإيران) أعمال الجولة الـ15 من المحادثات التي جرت في مدينة سوتشي الروسية على البحر الأسود، دون أن يتضمن البيان الختامي أي جديد مقارنة بالجولة السابقة.";
    let s = compare(a, b);
    assert_eq!(s.tier, Some(Tier::Paraphrase), "{:?}", s.components);
    assert_spans_valid(a, &s.spans_a);
    assert_spans_valid(b, &s.spans_b);
    let ta = span_texts(a, &s.spans_a).join(" ");
    let tb = span_texts(b, &s.spans_b).join(" ");
    for w in ["سوتشي", "الخامسة عشرة"] {
        assert!(ta.contains(w), "{w} not in {ta}");
    }
    for w in ["سوتشي", "الـ15", "أستانة"] {
        assert!(tb.contains(w), "{w} not in {tb}");
    }
    // The rest of the first sentence (sovereignty, the UN charter) is not highlighted.
    assert!(!ta.contains("ميثاق"), "{ta}");
    // Another round in the same city, another number: not the same claim.
    let c = "وحددت الدول الضامنة موعد الجولة الـ16 من المحادثات في مدينة سوتشي الروسية، منتصف العام الحالي، لمتابعة أعمال مسار أستانة.";
    let s = compare(a, c);
    assert_eq!(s.tier, None, "{:?}", s.components);
}

#[test]
fn a_template_with_every_figure_changed_is_another_report() {
    // Two days' market close: same words, every figure different.
    let a = "وأغلق المؤشر العام لسوق الأسهم السعودية اليوم مرتفعا 135.65 نقطة ليغلق عند مستوى 8834.82 نقطة بتداولات بلغت قيمتها 4.2 مليار ريال.";
    let b = "وأغلق المؤشر العام لسوق الأسهم السعودية اليوم مرتفعا 48.10 نقطة ليغلق عند مستوى 8712.30 نقطة بتداولات بلغت قيمتها 5.1 مليار ريال.";
    let r = compare(a, b);
    assert_eq!(r.tier, None, "{r:?}");
    // One figure changed, the others shared: a changed fact.
    let c = "وأغلق المؤشر العام لسوق الأسهم السعودية اليوم مرتفعا 135.65 نقطة ليغلق عند مستوى 8834.82 نقطة بتداولات بلغت قيمتها 5.1 مليار ريال.";
    assert_eq!(compare(a, c).tier, Some(Tier::Conflicting));
    // Two sections of one annual report (SaudiNewsNet, 2015-07-21): other
    // fund, other figures; the shared years do not make it one statement.
    let d = "وأوضح التقرير أن رصيد القروض القائمة في نهاية العام 2014 ارتفع ليبلغ نحو 310.9 مليار ريال بنسبة 14.6% مقارنة بالعام 2013.";
    let e = "وأوضح التقرير أن رصيد القروض القائمة في نهاية العام 2014 ارتفع ليبلغ نحو 129.5 مليار ريال بنسبة 11% مقارنة بالعام 2013.";
    assert_eq!(compare(d, e).tier, None, "{:?}", compare(d, e));
}

#[test]
fn a_negator_in_another_clause_is_no_conflict() {
    // `غير` negates nothing of the shared statement (it belongs to the added clause).
    let a = "وقدم بلاتر استقالته من رئاسة الفيفا في الثاني من يونيو الماضي بعد أربعة أيام على فوزه بولاية خامسة.";
    let b = "وقدم بلاتر استقالته من رئاسة الفيفا في الثاني من يونيو الماضي بعد أربعة أيام على فوزه بولاية خامسة، ودعا إلى جمعية عمومية غير عادية.";
    let r = compare(a, b);
    assert!(r.conflicts.is_empty(), "{r:?}");
    assert!(r.tier.is_some(), "{r:?}");
}
