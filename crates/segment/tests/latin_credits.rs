//! Credits in English and French wire copy: `according to Reuters`,
//! `AP reported`, `Selon l'AFP`, `selon Reuters`, `(AFP)`, told-to phrases —
//! found by the same mechanism as the Arabic ones, which stay as they were.

use isnad_segment::agency::find_agencies;
use isnad_segment::attribution::{SourceTable, in_text_attributions};

fn ids(s: &str) -> Vec<String> {
    in_text_attributions(&SourceTable::builtin(), s)
        .into_iter()
        .map(|a| a.source)
        .collect()
}

#[test]
fn english_wire_credits() {
    for (s, want) in [
        (
            "France will resume talks with Iran next week, AP reported.",
            "ap",
        ),
        (
            "The agreement covers energy and trade, the AP said on Tuesday.",
            "ap",
        ),
        (
            "The talks ended without a deal, according to Reuters.",
            "reuters",
        ),
        (
            "Reuters reported that the ministers would meet again in Geneva.",
            "reuters",
        ),
        (
            "Syria's state news agency SANA said three soldiers were killed.",
            "sana",
        ),
        (
            "The German news agency dpa quoted a police spokesman as saying the road was closed.",
            "dpa",
        ),
        (
            "A senior official told Anadolu Agency that the border crossing would reopen.",
            "anadolu",
        ),
        (
            "China will send a delegation to the summit, Xinhua news agency reported.",
            "xinhua",
        ),
        (
            "Police said 12 people were arrested, citing Agence France-Presse.",
            "afp",
        ),
    ] {
        assert_eq!(ids(s), [want], "{s}");
    }
}

#[test]
fn french_wire_credits() {
    for (s, want) in [
        (
            "Selon l'AFP, le président a déclaré mardi que les négociations reprendraient.",
            "afp",
        ),
        (
            "Les discussions portent sur l'énergie et le commerce, selon Reuters.",
            "reuters",
        ),
        (
            "D'après l'agence Anadolu, la réunion a eu lieu à Ankara.",
            "anadolu",
        ),
        (
            "Un haut responsable a déclaré mardi à l'AFP que l'accord était proche.",
            "afp",
        ),
        (
            "Trois soldats ont été tués, a rapporté l'agence officielle SANA.",
            "sana",
        ),
        (
            "Le bilan s'élève à douze morts, rapporte l'agence Chine nouvelle (Xinhua).",
            "xinhua",
        ),
        (
            "L'AFP a appris de source diplomatique que le sommet était reporté.",
            "afp",
        ),
        (
            "La police a procédé à douze arrestations, indique l’agence allemande DPA.",
            "dpa",
        ),
    ] {
        assert_eq!(ids(s), [want], "{s}");
    }
    // The wire signature in parentheses, as in Arabic `(أ ف ب)`.
    let t = SourceTable::builtin();
    let found = in_text_attributions(&t, "Le ministre a démenti ces informations (AFP).");
    assert_eq!(found.len(), 1);
    assert!(found[0].parenthetical);
}

#[test]
fn mentions_that_credit_nothing_stay_bare() {
    for s in [
        "Reuters opened a new office in Nairobi last year.",
        "The AP Stylebook changed its rules on hyphens.",
        "Après la réunion, les journalistes de l'AFP ont quitté la salle.",
        // A person called Sana is not the Syrian agency.
        "Sana Khan said the talks had failed.",
    ] {
        assert!(ids(s).is_empty(), "{s}: {:?}", ids(s));
    }
    // Longer Latin names match in any case (a dateline `LONDON (REUTERS) -`).
    let agencies =
        |s: &str| -> Vec<&str> { find_agencies(s).iter().map(|m| m.agency.id).collect() };
    assert_eq!(agencies("Reuters REUTERS reuters"), ["reuters"; 3]);
    assert_eq!(
        agencies("the Syrian Arab News Agency and Deutsche Presse-Agentur"),
        ["sana", "dpa"]
    );
}

#[test]
fn arabic_credits_are_unchanged() {
    assert_eq!(ids("وحسب «سانا» عبر المقداد عن شكر سورية."), ["sana"]);
    assert_eq!(ids("وقال مسؤول لرويترز إن الاتفاق قريب."), ["reuters"]);
    assert_eq!(ids("وأضاف (أ ف ب) أن الوضع هادئ."), ["afp"]);
    assert!(ids("لمتابعة أخبار سانا على تلغرام").is_empty());
    assert!(ids("افتتح مبنى سانا الجديد في دمشق.").is_empty());
}
