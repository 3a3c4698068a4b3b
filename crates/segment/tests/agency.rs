//! The agency table and mention finder.

use isnad_segment::agency::{AGENCIES, agency_at, by_id, find_agencies};

fn ids(text: &str) -> Vec<&'static str> {
    find_agencies(text).iter().map(|m| m.agency.id).collect()
}

#[test]
fn finds_arabic_and_latin_names_with_spans() {
    let t =
        "القاهرة (رويترز) - قال مصدر لوكالة الأناضول إن (أ ف ب) وAFP نقلتا الخبر عن سانا وReuters.";
    let found = find_agencies(t);
    let names: Vec<&str> = found.iter().map(|m| &t[m.span.clone()]).collect();
    assert_eq!(
        names,
        ["رويترز", "الأناضول", "أ ف ب", "AFP", "سانا", "Reuters"]
    );
    assert_eq!(
        ids(t),
        ["reuters", "anadolu", "afp", "afp", "sana", "reuters"]
    );
}

#[test]
fn acronym_dots_and_spaces_are_equal_and_hamza_is_folded() {
    assert_eq!(ids("(أ.ف.ب)"), ["afp"]);
    assert_eq!(ids("(ا ف ب)"), ["afp"]);
    assert_eq!(ids("وكالة د ب أ"), ["dpa"]);
}

#[test]
fn a_proclitic_is_allowed_before_long_names_only() {
    let t = "وقال لرويترز إن";
    let m = &find_agencies(t)[0];
    assert_eq!(&t[m.span.clone()], "رويترز");
    // `وام` is the agency itself, not `و` + `ام`; short names take no clitic.
    assert_eq!(ids("ذكرت وام"), ["wam"]);
    assert!(ids("لقنا").is_empty());
}

#[test]
fn whole_words_only_and_short_latin_acronyms_case_sensitive() {
    assert!(ids("ساناتوريوم واسع").is_empty());
    assert!(ids("the map of ap news").is_empty());
    assert_eq!(ids("MAP and AP"), ["map", "ap"]);
    assert_eq!(ids("reuters"), ["reuters"]);
}

#[test]
fn longest_name_wins() {
    assert_eq!(ids("نقلت وكالة الأنباء السعودية"), ["spa"]);
    assert_eq!(ids("قالت ريا نوفوستي"), ["ria"]);
}

#[test]
fn agency_at_a_position() {
    let t = "موسكو-سانا";
    let m = agency_at(t, "موسكو-".len()).unwrap();
    assert_eq!((m.agency.id, &t[m.span.clone()]), ("sana", "سانا"));
    assert!(agency_at(t, 0).is_none());
}

#[test]
fn table_is_consistent() {
    let mut ids: Vec<&str> = AGENCIES.iter().map(|a| a.id).collect();
    ids.sort_unstable();
    let n = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), n, "duplicate agency ids");
    assert!(AGENCIES.iter().all(|a| !a.names.is_empty()));
    assert_eq!(by_id("sana").map(|a| a.names[0]), Some("سانا"));
}
