//! Over-long units: text without sentence punctuation is cut into pieces of
//! at most `LONG_UNIT_MAX_WORDS` words, marked `cut`, with exact offsets.

use isnad_segment::{LONG_UNIT_MAX_WORDS, Unit, UnitKind, cut_summary, segment};

fn sentence_level(units: &[Unit]) -> Vec<&Unit> {
    units
        .iter()
        .filter(|u| u.kind != UnitKind::Clause)
        .collect()
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// A table dumped on one line: 200,000 words, no sentence end, a few commas.
fn table_dump() -> String {
    let mut s = String::from("جدول الأسعار ");
    for i in 0..200_000 {
        s.push_str(["القمح", "الشعير", "الذرة", "1,250", "ريال"][i % 5]);
        s.push_str(if i % 37 == 36 { "، " } else { " " });
    }
    s
}

#[test]
fn a_line_without_sentence_ends_becomes_bounded_pieces_with_exact_offsets() {
    let text = format!(
        "ارتفاع أسعار الحبوب في الأسواق المحلية\n{}\nوقال الوزير إن الأسعار مستقرة.",
        table_dump()
    );
    let units = segment(&text);
    let top = sentence_level(&units);
    let pieces: Vec<&&Unit> = top.iter().filter(|u| u.cut).collect();
    assert!(pieces.len() >= 200, "{} pieces", pieces.len());
    for u in &top {
        let t = u.text(&text);
        assert!(
            words(t) <= LONG_UNIT_MAX_WORDS,
            "unit {} has {} words",
            u.index,
            words(t)
        );
        assert_eq!(t, t.trim(), "piece spans are trimmed");
    }
    // The pieces cover the dumped line word for word, in order.
    let line = text.lines().nth(1).unwrap();
    let joined: Vec<&str> = pieces
        .iter()
        .flat_map(|u| u.text(&text).split_whitespace())
        .collect();
    assert_eq!(joined, line.split_whitespace().collect::<Vec<_>>());
    // Most pieces end at a clause mark (every 37 words there is one).
    let at_comma = pieces
        .iter()
        .filter(|u| u.text(&text).ends_with('،'))
        .count();
    assert!(
        at_comma + 1 >= pieces.len(),
        "{at_comma} of {}",
        pieces.len()
    );
    // The headline and the real sentence are untouched.
    assert_eq!(top[0].kind, UnitKind::Headline);
    assert!(!top[0].cut);
    let last = top.last().unwrap();
    assert_eq!(last.text(&text), "وقال الوزير إن الأسعار مستقرة.");
    assert!(!last.cut);
    let summary = cut_summary(&text, &units).unwrap();
    assert!(
        summary.starts_with("200,002 words without a sentence end (bytes "),
        "{summary}"
    );
}

#[test]
fn real_long_sentences_are_not_cut() {
    // 600 words with commas and a final full stop: longer than any sentence
    // of SaudiNewsNet (558 words), still one sentence.
    let body = "وأكد المسؤول أن المشروع يشمل بناء المدارس والمستشفيات، ".repeat(75);
    let text = format!("{}وانتهى الاجتماع.", body);
    let units = segment(&text);
    assert!(units.iter().all(|u| !u.cut));
    assert_eq!(sentence_level(&units).len(), 1);
    assert!(cut_summary(&text, &units).is_none());
}

#[test]
fn cut_pieces_serialize_their_mark_and_other_units_do_not() {
    let text = "w ".repeat(3 * LONG_UNIT_MAX_WORDS);
    let units = segment(&text);
    assert_eq!(units.len(), 3);
    let json = serde_json::to_string(&units[0]).unwrap();
    assert!(json.ends_with(",\"cut\":true}"), "{json}");
    let plain = serde_json::to_string(&segment("قال الوزير إن الاجتماع انتهى.")[0]).unwrap();
    assert!(!plain.contains("cut"), "{plain}");
}

/// A Chinese price list dumped on one line: no spaces and no sentence end.
/// Every item is `<grain>价格每吨<number>元` and a list mark: four, two, one
/// and one Han characters, one number, one mark — nine words as the cutter
/// counts them (each Han character or CJK mark is a word).
fn chinese_dump(items: usize) -> String {
    let mut s = String::new();
    for i in 0..items {
        s.push_str(["小麦", "大麦", "玉米", "稻谷"][i % 4]);
        s.push_str("价格每吨");
        s.push_str(&(1_200 + (i * 37) % 400).to_string());
        s.push('元');
        s.push(if i % 7 == 6 { '，' } else { '、' });
    }
    s
}

#[test]
fn the_summary_counts_cjk_words_as_the_cutter_does() {
    let dump = chinese_dump(500);
    let text = format!("{dump}\n会议将于下周举行。");
    let units = segment(&text);
    let pieces: Vec<&Unit> = units.iter().filter(|u| u.cut).collect();
    // 4,500 words at most 1,000 to a piece: at least five pieces.
    assert!(pieces.len() >= 5, "{} pieces", pieces.len());
    let summary = cut_summary(&text, &units).unwrap();
    assert_eq!(
        summary,
        format!(
            "4,500 words without a sentence end (bytes 0..{}) were cut into {} pieces of at most 1,000 words",
            thousands(dump.len()),
            pieces.len()
        )
    );
    // A whitespace-separated text keeps its whitespace count.
    let latin = "w ".repeat(2_500);
    let units = segment(&latin);
    assert!(
        cut_summary(&latin, &units)
            .unwrap()
            .starts_with("2,500 words ")
    );
}

/// `17000` as `17,000`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}
