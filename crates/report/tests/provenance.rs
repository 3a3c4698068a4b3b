//! Provenance on small hand-made articles: every credit and dateline pattern,
//! in-text attribution scope, shared quotes, common sources, same-day ties,
//! times of day and undated articles; then the seed articles.

use isnad_report::provenance::{CreditVia, SourceTable, load_sources};
use isnad_report::{Content, InputArticle, Options, Report, UnitEntry, build};
use std::path::Path;

const S1: &str = "أكد الرئيسان خلال اتصال هاتفي دعمهما غير المشروط للإجراءات التي تتخذها سورية لحماية سيادتها ووحدة أراضيها.";
const S2: &str = "وأشار البيان الختامي إلى التقدم المحرز في مكافحة التنظيمات الإرهابية في مناطق تخفيف التوتر شمال البلاد.";
const S3: &str = "وناقش الجانبان سبل تطوير التعاون الاقتصادي والتجاري بين البلدين في مجالات الطاقة والنقل والزراعة.";
const FILLER: &str =
    "وفي سياق منفصل افتتحت البلدية حديقة عامة جديدة في الحي الشرقي بحضور عدد من الأهالي.";

fn art(id: &str, outlet: &str, date: Option<&str>, text: &str) -> InputArticle {
    InputArticle {
        id: id.into(),
        path: format!("{id}.txt"),
        outlet: outlet.into(),
        date: date.map(str::to_string),
        content: Content::Text(text.into()),
        ..Default::default()
    }
}

fn run(articles: Vec<InputArticle>) -> Report {
    build(articles, &Options::default(), &|_| {}).unwrap()
}

/// The unit of `article` whose text contains `needle` (a statement unit, not a clause).
fn unit<'r>(r: &'r Report, article: &str, needle: &str) -> &'r UnitEntry {
    r.units
        .iter()
        .find(|u| &*u.article == article && u.kind != "clause" && u.text.contains(needle))
        .unwrap_or_else(|| panic!("no unit of {article} contains {needle:?}"))
}

fn sources(r: &Report, article: &str) -> Vec<(Option<String>, CreditVia)> {
    r.articles
        .iter()
        .find(|a| a.id == article)
        .unwrap()
        .credits
        .iter()
        .map(|c| (c.source.clone(), c.via))
        .collect()
}

#[test]
fn datelines_name_their_agency_and_are_not_statements() {
    let cases = [
        ("موسكو-سانا", "sana", Some("موسكو")),
        ("دمشق - سانا:", "sana", Some("دمشق")),
        ("الرياض (واس) -", "spa", Some("الرياض")),
        ("الدوحة - قنا", "qna", Some("الدوحة")),
        ("أنقرة (الأناضول) -", "anadolu", Some("أنقرة")),
        ("القاهرة (رويترز) -", "reuters", Some("القاهرة")),
        ("باريس (أ ف ب) -", "afp", Some("باريس")),
    ];
    for (i, (dateline, agency, place)) in cases.iter().enumerate() {
        let id = format!("d{i}");
        let r = run(vec![art(
            &id,
            "x",
            Some("2021-01-01"),
            &format!("{dateline}\n{S1}"),
        )]);
        let a = &r.articles[0];
        let d = a
            .dateline
            .as_ref()
            .unwrap_or_else(|| panic!("no dateline in {dateline}"));
        assert_eq!(d.sources, [*agency], "{dateline}");
        assert_eq!(d.place.as_deref(), *place, "{dateline}");
        assert_eq!(
            sources(&r, &id),
            [(Some(agency.to_string()), CreditVia::Dateline)]
        );
        let du = r.units.iter().find(|u| *u.id == *d.unit).unwrap();
        assert_eq!(du.kind, "dateline");
        assert!(du.statement.is_none());
        assert_eq!(unit(&r, &id, "أكد الرئيسان").credited_to, [*agency]);
    }
}

#[test]
fn credit_lines_credit_the_whole_article() {
    let cases = [
        ("المصدر: وكالة سانا", vec!["sana"]),
        ("| الوطن – وكالات", vec!["agencies"]),
        ("المصدر: واس", vec!["spa"]),
    ];
    for (i, (line, want)) in cases.iter().enumerate() {
        let id = format!("c{i}");
        let text = if line.starts_with('|') {
            format!("عنوان الخبر عن الاتصال الهاتفي بين الرئيسين\n{line}\n{S1}\n{S2}")
        } else {
            format!("{S1}\n{S2}\n{line}")
        };
        let r = run(vec![art(&id, "x", Some("2021-01-01"), &text)]);
        let got: Vec<String> = sources(&r, &id).into_iter().filter_map(|s| s.0).collect();
        assert_eq!(&got, want, "{line}");
        assert!(
            sources(&r, &id)
                .iter()
                .all(|s| s.1 == CreditVia::CreditLine)
        );
        assert_eq!(&unit(&r, &id, "وأشار البيان").credited_to, want, "{line}");
    }
}

#[test]
fn an_in_text_attribution_governs_the_rest_of_its_paragraph_only() {
    let text = format!(
        "{FILLER}\nوحسب «سانا» {S1} {S2}\n{S3}\nونقلت وكالة الأناضول عن مصدر أن الاجتماع المقبل سيعقد في أنقرة الشهر القادم."
    );
    let r = run(vec![art("t", "x", Some("2021-01-01"), &text)]);
    assert!(unit(&r, "t", "افتتحت البلدية").credited_to.is_empty());
    assert_eq!(unit(&r, "t", "أكد الرئيسان").credited_to, ["sana"]);
    assert_eq!(unit(&r, "t", "وأشار البيان").credited_to, ["sana"]);
    assert!(unit(&r, "t", "وناقش الجانبان").credited_to.is_empty());
    assert_eq!(unit(&r, "t", "ونقلت وكالة").credited_to, ["anadolu"]);
    let a = &r.articles[0];
    let sana = a
        .credits
        .iter()
        .find(|c| c.source.as_deref() == Some("sana"))
        .unwrap();
    assert_eq!(sana.via, CreditVia::InText);
    assert_eq!(sana.name, "سانا");
    assert_eq!(sana.governs.len(), 2);
}

#[test]
fn wire_signatures_in_parentheses_credit_the_article() {
    // Inside a sentence: a parenthetical signature.
    let text = format!("قال الوزير (رويترز) إن المفاوضات ستستأنف الأسبوع المقبل في جنيف.\n{S2}");
    let r = run(vec![art("p", "x", Some("2021-01-01"), &text)]);
    assert_eq!(
        sources(&r, "p"),
        [(Some("reuters".into()), CreditVia::Parenthetical)]
    );
    assert_eq!(unit(&r, "p", "وأشار البيان").credited_to, ["reuters"]);
    // At the end of the text the segmenter makes it a credit unit of its own.
    let text = format!("{S1} (أ ف ب)\n{S2}");
    let r = run(vec![art("q", "x", Some("2021-01-01"), &text)]);
    let got: Vec<_> = sources(&r, "q").into_iter().map(|s| s.0).collect();
    assert_eq!(got, [Some("afp".to_string())]);
    assert_eq!(unit(&r, "q", "وأشار البيان").credited_to, ["afp"]);
}

#[test]
fn later_units_are_credited_uncredited_or_from_a_common_source() {
    let r = run(vec![
        art(
            "sana1",
            "sana",
            Some("2021-02-17"),
            &format!("دمشق-سانا\n{S1}\n{S2}\n{S3}"),
        ),
        // Credits SANA in a credit line.
        art(
            "w1",
            "tishreen",
            Some("2021-02-18"),
            &format!("{S1}\n{FILLER}\nالمصدر: وكالة سانا"),
        ),
        // Generic "agencies" credit, copying an agency outlet.
        art(
            "w2",
            "alwatan",
            Some("2021-02-18"),
            &format!("عنوان عن الاتصال الهاتفي بين الرئيسين اليوم\n| الوطن – وكالات\n{S2}"),
        ),
        // No credit at all.
        art(
            "w3",
            "baladi",
            Some("2021-02-19"),
            &format!("تواصل الفرق الفنية أعمال صيانة شبكة المياه في المدينة القديمة.\n{S3}"),
        ),
    ]);
    let p = |a: &str, n: &str| unit(&r, a, n).provenance;
    assert_eq!(unit(&r, "sana1", "أكد الرئيسان").appearance, Some("first"));
    assert_eq!(unit(&r, "sana1", "أكد الرئيسان").provenance, None);
    assert_eq!(p("w1", "أكد الرئيسان"), Some("credited"));
    assert_eq!(p("w2", "وأشار البيان"), Some("credited"));
    assert_eq!(p("w3", "وناقش الجانبان"), Some("uncredited"));
    let from = unit(&r, "w3", "وناقش الجانبان")
        .provenance_from
        .clone()
        .unwrap();
    assert!(from.starts_with("sana1#"));
    assert_eq!(unit(&r, "w3", "وناقش الجانبان").appearance, Some("later"));

    let prov = r.summary.provenance.as_ref().unwrap();
    let baladi = prov.outlets.iter().find(|o| o.outlet == "baladi").unwrap();
    assert_eq!(
        (baladi.reused, baladi.uncredited, baladi.credited_share),
        (1, 1, Some(0.0))
    );
    let tishreen = prov
        .outlets
        .iter()
        .find(|o| o.outlet == "tishreen")
        .unwrap();
    assert_eq!((tishreen.reused, tishreen.credited), (1, 1));
    let sana = prov.outlets.iter().find(|o| o.outlet == "sana").unwrap();
    assert_eq!(sana.source.as_deref(), Some("sana"));
    assert_eq!(sana.first, 3);
    let pair = prov
        .pairs
        .iter()
        .find(|q| q.from == "sana" && q.to == "baladi")
        .unwrap();
    assert_eq!((pair.units, pair.uncredited, pair.later), (1, 1, 1));
}

#[test]
fn both_crediting_one_agency_is_a_common_source() {
    let r = run(vec![
        art(
            "a",
            "annahar",
            Some("2021-03-01"),
            &format!("بيروت (أ ف ب) -\n{S1}"),
        ),
        art(
            "b",
            "alquds",
            Some("2021-03-02"),
            &format!("{S1}\nالمصدر: فرانس برس"),
        ),
    ]);
    assert_eq!(
        unit(&r, "b", "أكد الرئيسان").provenance,
        Some("common_source")
    );
    // The agency's own outlet carrying it after an outlet that credits it: common source too.
    let r = run(vec![
        art(
            "a",
            "annahar",
            Some("2021-03-01"),
            &format!("{S1}\nالمصدر: سانا"),
        ),
        art("b", "sana", Some("2021-03-02"), &format!("دمشق-سانا\n{S1}")),
    ]);
    assert_eq!(
        unit(&r, "b", "أكد الرئيسان").provenance,
        Some("common_source")
    );
}

#[test]
fn two_outlets_quoting_one_speaker_share_a_quote() {
    let q =
        "«إن بلادنا ستواصل دعم الحل السياسي للأزمة على أساس قرار مجلس الأمن رقم 2254 وبقيادة سورية».";
    let r = run(vec![
        art(
            "a",
            "one",
            Some("2021-03-01"),
            &format!("{FILLER}\nوقال وزير الخارجية سيرغي لافروف: {q}"),
        ),
        art(
            "b",
            "two",
            Some("2021-03-02"),
            &format!("قال لافروف للصحفيين: {q}\n{S3}"),
        ),
    ]);
    let b = unit(&r, "b", "قال لافروف");
    assert_eq!(b.provenance, Some("shared_quote"), "{b:?}");
    // Reported speech with a speaker frame counts too.
    let said =
        "أن بلاده ستواصل دعم الحل السياسي للأزمة على أساس قرار مجلس الأمن رقم 2254 وبقيادة سورية.";
    let r = run(vec![
        art(
            "a",
            "one",
            Some("2021-03-01"),
            &format!("وأكد الوزير لافروف {said}"),
        ),
        art(
            "b",
            "two",
            Some("2021-03-02"),
            &format!("وأكد سيرغي لافروف {said}"),
        ),
    ]);
    let b = unit(&r, "b", "وأكد سيرغي");
    assert_eq!(b.reported_speaker.as_deref(), Some("سيرغي لافروف"));
    assert_eq!(b.provenance, Some("shared_quote"));
}

#[test]
fn same_day_is_a_tie_times_order_it_and_undated_is_explicit() {
    let r = run(vec![
        art("a", "one", Some("2021-03-01"), S1),
        art("b", "two", Some("2021-03-01"), S1),
        art("c", "three", None, S1),
    ]);
    let ap = |id: &str| unit(&r, id, "أكد الرئيسان").appearance.unwrap();
    assert_eq!(ap("a"), "first");
    assert_eq!(ap("b"), "same_day");
    assert_eq!(ap("c"), "undated");
    assert_eq!(unit(&r, "b", "أكد").provenance, Some("uncredited"));
    assert_eq!(unit(&r, "c", "أكد").provenance, Some("uncredited"));
    let prov = r.summary.provenance.as_ref().unwrap();
    let pair = prov
        .pairs
        .iter()
        .find(|q| q.from == "one" && q.to == "two")
        .unwrap();
    assert_eq!((pair.same_day, pair.later), (1, 0));
    assert!(prov.pairs.iter().any(|q| q.to == "three" && q.undated == 1));

    // With times, the same day is ordered: the later time is `later`, whatever the input order.
    let r = run(vec![
        art("b", "two", Some("2021-03-01 14:05:00"), S1),
        art("a", "one", Some("2021-03-01T09:30"), S1),
    ]);
    assert_eq!(unit(&r, "a", "أكد").appearance, Some("first"));
    assert_eq!(unit(&r, "b", "أكد").appearance, Some("later"));

    // Nothing dated: every unit is undated, none is first.
    let r = run(vec![art("a", "one", None, S1), art("b", "two", None, S1)]);
    assert!(
        r.units
            .iter()
            .filter(|u| u.statement.is_some())
            .all(|u| u.appearance == Some("undated"))
    );
}

#[test]
fn user_sources_are_merged_and_outlets_map_to_them() {
    let mut table = SourceTable::builtin();
    let n = load_sources(
        "# local sources\nenab\tعنب بلدي\toutlet:enabbaladi\tname:Enab Baladi\nsana\tالوكالة السورية\n",
        &mut table,
    )
    .unwrap();
    assert_eq!(n, 2);
    assert_eq!(table.source_of_outlet("enabbaladi"), Some("enab"));
    let n = load_sources(
        r#"{"petra2": {"names": ["بترا الجديدة"], "outlets": ["petra-news"]}, "x": ["إكس"]}"#,
        &mut table,
    )
    .unwrap();
    assert_eq!(n, 2);
    assert_eq!(table.source_of_outlet("petra-news"), Some("petra2"));
    let err = load_sources("ok\tاسم\n\tbad\n", &mut SourceTable::builtin()).unwrap_err();
    assert_eq!(err.line, 2);
    assert!(load_sources("{\"x\": 3}", &mut SourceTable::builtin()).is_err());

    let options = Options {
        sources: table,
        ..Options::default()
    };
    let r = build(
        vec![
            art("a", "enabbaladi", Some("2021-03-01"), S1),
            art(
                "b",
                "other",
                Some("2021-03-02"),
                &format!("{S1}\nالمصدر: عنب بلدي"),
            ),
        ],
        &options,
        &|_| {},
    )
    .unwrap();
    assert_eq!(unit(&r, "b", "أكد").credited_to, ["enab"]);
    assert_eq!(unit(&r, "b", "أكد").provenance, Some("credited"));
}

fn seeds() -> Vec<InputArticle> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/seeds");
    let manifest = std::fs::read_to_string(dir.join("manifest.jsonl")).unwrap();
    manifest
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let file = v["file"].as_str().unwrap();
            let text = std::fs::read_to_string(dir.join(file)).unwrap();
            art(
                file,
                v["outlet"].as_str().unwrap(),
                v["date"].as_str(),
                &text,
            )
        })
        .collect()
}

#[test]
fn seed_articles() {
    let r = run(seeds());
    // Al-Watan: the `وحسب «سانا»` paragraph is SANA's; the credit line says "agencies".
    let w = "alwatan/000_fb876d6af2ea0503.txt";
    let para = unit(&r, w, "وحسب «سانا»");
    assert_eq!(para.credited_to, ["agencies", "sana"]);
    let watan = r.articles.iter().find(|a| a.id == w).unwrap();
    assert!(
        watan
            .credits
            .iter()
            .any(|c| c.via == CreditVia::CreditLine && c.source.as_deref() == Some("agencies"))
    );
    let in_text = watan
        .credits
        .iter()
        .find(|c| c.via == CreditVia::InText)
        .unwrap();
    assert_eq!(in_text.source.as_deref(), Some("sana"));
    assert!(in_text.governs.iter().any(|g| *g == *para.id));
    // A sentence of an earlier paragraph is not SANA's.
    assert_eq!(unit(&r, w, "أنهى مسار").credited_to, ["agencies"]);

    // The article ending `المصدر: وكالة سانا` is credited to SANA.
    let a = "unknown-a/002_abae2015c6ea9c25.txt";
    assert!(sources(&r, a).contains(&(Some("sana".into()), CreditVia::CreditLine)));
    assert!(
        r.units
            .iter()
            .filter(|u| &*u.article == a && u.kind == "sentence")
            .all(|u| u.credited_to == ["sana"])
    );

    // `موسكو-سانا` is a dateline, not a statement.
    let s = "sana/003_424fbe4dbe17e1ac.txt";
    let sana = r.articles.iter().find(|x| x.id == s).unwrap();
    let d = sana.dateline.as_ref().unwrap();
    assert_eq!(
        (d.text.as_str(), d.place.as_deref(), d.sources.as_slice()),
        ("موسكو-سانا", Some("موسكو"), &["sana".to_string()][..])
    );
    assert!(
        r.units
            .iter()
            .all(|u| u.text != "موسكو-سانا" || (u.kind == "dateline" && u.statement.is_none()))
    );
    // Reported speech gets a reported speaker.
    assert_eq!(
        unit(&r, s, "ولفتت الرئاسة").reported_speaker.as_deref(),
        Some("الرئاسة الروسية")
    );
}

#[test]
fn byline_fields_and_title_shaped_datelines_credit_the_article() {
    // SaudiNewsNet-style records keep the credit in `author`.
    let mut a = art("a", "alriyadh", Some("2015-08-11"), &format!("{S1}\n{S2}"));
    a.extra.insert(
        "author".into(),
        serde_json::Value::String("الرياض - واس".into()),
    );
    let mut b = art("b", "okaz", Some("2015-08-11"), S3);
    b.extra.insert(
        "author".into(),
        serde_json::Value::String("عكاظ (جدة)".into()),
    );
    // SPA's own dateline line: place, Hijri and Gregorian dates, then the agency.
    let c = art(
        "c",
        "was",
        Some("2015-08-10"),
        &format!("بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس\n{S1}"),
    );
    let r = run(vec![a, b, c]);
    assert_eq!(sources(&r, "a"), [(Some("spa".into()), CreditVia::Byline)]);
    assert!(sources(&r, "b").is_empty());
    assert_eq!(unit(&r, "a", "وأشار البيان").credited_to, ["spa"]);
    let d = r.articles[2].dateline.as_ref().expect("SPA dateline");
    assert_eq!(d.sources, ["spa"]);
    // alriyadh carries SPA's sentence a day later and credits SPA in its byline.
    assert_eq!(unit(&r, "a", "أكد الرئيسان").provenance, Some("credited"));
    // A title that merely ends with an agency name inside a sentence is not a dateline.
    let r = run(vec![art(
        "t",
        "x",
        Some("2021-01-01"),
        &format!("{S2}\nقال مسؤول إن الاجتماع انتهى، بحسب رويترز.\n{S3}"),
    )]);
    assert!(r.articles[0].dateline.is_none());
}

#[test]
fn a_reused_sentence_counts_once_not_once_per_clause() {
    let long = "بدوره أكد وزير الخارجية الروسي دعم بلاده المستمر لسورية لاستعادة الأمن والاستقرار وعودة الحياة الطبيعية إلى كل المناطق في أقرب وقت ممكن، مشيراً إلى أهمية دعم العملية السياسية وعمل لجنة مناقشة الدستور في جنيف بقيادة وملكية سورية ومن دون أي تدخل خارجي في شؤونها الداخلية.";
    let r = run(vec![
        art("a", "one", Some("2021-03-01"), long),
        art("b", "two", Some("2021-03-02"), long),
    ]);
    let clauses = r
        .units
        .iter()
        .filter(|u| &*u.article == "b" && u.kind == "clause")
        .count();
    assert!(clauses >= 2, "the sentence should have clauses");
    let p = r.summary.provenance.as_ref().unwrap();
    let two = p.outlets.iter().find(|o| o.outlet == "two").unwrap();
    assert_eq!((two.reused, two.uncredited), (1, 1));
}

/// English and French wire copy: the same credit forms as in Arabic, in the
/// word order of those languages (`AP reported`, `selon l'AFP`).
#[test]
fn english_and_french_credits_credit_the_agency() {
    const EN: &str = "The foreign ministers agreed to resume talks on the nuclear programme in Vienna next month.";
    const EN2: &str =
        "Both sides described the two days of meetings as constructive and businesslike.";
    const FR: &str = "Les ministres des affaires étrangères ont convenu de reprendre les négociations à Vienne le mois prochain.";
    const FR2: &str =
        "Les deux délégations ont qualifié les deux jours de réunions de constructifs.";
    let r = run(vec![
        art("ap1", "ap", Some("2024-03-01"), &format!("{EN}\n{EN2}")),
        art("afp1", "afp", Some("2024-03-01"), &format!("{FR}\n{FR2}")),
        // `…, AP reported.` governs its sentence.
        art(
            "en1",
            "herald",
            Some("2024-03-02"),
            &format!(
                "{} AP reported.\n{EN2}",
                EN.trim_end_matches('.').to_owned() + ","
            ),
        ),
        // `Selon l'AFP, …` governs its sentence.
        art(
            "fr1",
            "lemonde",
            Some("2024-03-02"),
            &format!(
                "Selon l'AFP, {}{}\n{FR2}",
                &FR[..1].to_lowercase(),
                &FR[1..]
            ),
        ),
        // A dateline `PARIS (AFP) -` credits the whole article.
        art(
            "fr2",
            "figaro",
            Some("2024-03-02"),
            &format!("PARIS (AFP) - {FR}\n{FR2}"),
        ),
        // No credit: the same sentences are uncredited.
        art(
            "en2",
            "courier",
            Some("2024-03-02"),
            &format!("{EN}\n{EN2}"),
        ),
    ]);
    let p = |a: &str, n: &str| unit(&r, a, n).provenance;
    assert_eq!(p("en1", "resume talks"), Some("credited"));
    assert_eq!(
        sources(&r, "en1"),
        [(Some("ap".to_string()), CreditVia::InText)]
    );
    // An in-text credit governs its paragraph only: the next line is not credited.
    assert_eq!(p("en1", "Both sides"), Some("uncredited"));
    assert_eq!(p("fr1", "reprendre les négociations"), Some("credited"));
    assert_eq!(
        sources(&r, "fr1"),
        [(Some("afp".to_string()), CreditVia::InText)]
    );
    assert_eq!(p("fr2", "reprendre les négociations"), Some("credited"));
    assert_eq!(p("fr2", "Les deux délégations"), Some("credited"));
    assert_eq!(
        r.articles
            .iter()
            .find(|a| a.id == "fr2")
            .unwrap()
            .dateline
            .as_ref()
            .unwrap()
            .sources,
        ["afp"]
    );
    assert_eq!(p("en2", "resume talks"), Some("uncredited"));
}
