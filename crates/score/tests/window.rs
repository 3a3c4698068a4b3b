//! Passage-level containment (`window_cover`) on real articles: a passage of
//! a seed article whose words were shuffled across sentence boundaries is
//! found unit by unit, while unrelated sentences around it are not.

use isnad_score::{
    ANCHOR_MIN_UNITS, WINDOW_MIN_CONTAINMENT, WINDOW_SIZES, Windows, features, window_cover,
};
use isnad_segment::{UnitKind, segment};
use std::ops::Range;
use std::path::Path;

fn repo() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn sentence_spans(text: &str) -> Vec<Range<usize>> {
    segment(text)
        .into_iter()
        .filter(|u| u.kind != UnitKind::Clause)
        .map(|u| u.span)
        .collect()
}

/// The Al-Watan seed article (the source, B).
fn source() -> String {
    std::fs::read_to_string(repo().join("fixtures/seeds/alwatan/000_fb876d6af2ea0503.txt"))
        .expect("seed article")
}

/// Sentences of an unrelated article (a Saudi health-ministry wire story
/// from SaudiNewsNet), to stand before and after the reused passage.
fn unrelated() -> Vec<String> {
    let jsonl = std::fs::read_to_string(repo().join("fixtures/inputs/saudinewsnet-sample.jsonl"))
        .expect("SaudiNewsNet sample");
    let first = jsonl.lines().next().expect("one article");
    let v: serde_json::Value = serde_json::from_str(first).expect("json");
    let text = v["text"].as_str().expect("text").to_string();
    sentence_spans(&text)
        .into_iter()
        .map(|r| text[r].trim().to_string())
        .filter(|s| s.split_whitespace().count() >= 8)
        .collect()
}

/// Deterministic shuffle (splitmix64 + Fisher–Yates).
fn shuffle<T>(v: &mut [T], mut state: u64) {
    for i in (1..v.len()).rev() {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        v.swap(i, (z % (i as u64 + 1)) as usize);
    }
}

/// Document A: two unrelated sentences, the words of `passage` shuffled
/// across its whole length and cut into "sentences" of 14 words, then two
/// more unrelated sentences. Returns the text, the byte ranges of the
/// shuffled sentences, and those of the unrelated ones.
fn suspicious(passage: &str, other: &[String]) -> (String, Vec<Range<usize>>, Vec<Range<usize>>) {
    let mut words: Vec<&str> = passage
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    shuffle(&mut words, 2015);
    let mut text = String::new();
    let (mut reused, mut unrelated) = (Vec::new(), Vec::new());
    let push = |text: &mut String, s: &str, into: &mut Vec<Range<usize>>| {
        let start = text.len();
        text.push_str(s);
        into.push(start..text.len());
        text.push(' ');
    };
    for s in &other[..2] {
        push(&mut text, s, &mut unrelated);
    }
    for chunk in words.chunks(14) {
        push(&mut text, &format!("{} .", chunk.join(" ")), &mut reused);
    }
    for s in &other[2..4] {
        push(&mut text, s, &mut unrelated);
    }
    (text, reused, unrelated)
}

#[test]
fn shuffled_passage_is_found_and_unrelated_sentences_are_not() {
    let src = source();
    let b = Windows::new(&src, &sentence_spans(&src));
    let other = unrelated();
    assert!(other.len() >= 4, "need 4 unrelated sentences");
    // The reused passage: the article's first sentences, at least 250 words
    // (ExAraPlagDet's word-shuffled passages are 200-900 tokens).
    let spans = sentence_spans(&src);
    let mut end = 0;
    for r in &spans {
        end = r.end;
        if src[..end].split_whitespace().count() >= 250 {
            break;
        }
    }
    let (text, reused, unrelated) = suspicious(&src[..end], &other);
    let a = Windows::long(&text, &sentence_spans(&text));
    let probes: Vec<(Range<usize>, isnad_score::Features)> = reused
        .iter()
        .chain(&unrelated)
        .map(|r| (r.clone(), features(&text[r.clone()])))
        .collect();
    let refs: Vec<(Range<usize>, &isnad_score::Features)> =
        probes.iter().map(|(r, f)| (r.clone(), f)).collect();
    let got = window_cover(&a, &refs, &b);
    assert_eq!(got.len(), refs.len());
    let (got_reused, got_unrelated) = got.split_at(reused.len());
    // Every shuffled sentence is found through its anchor (the source
    // passage that the shuffled passage around it points to), and gets more
    // from it than from any window it is compared with directly: its words
    // come from all over the passage.
    for (r, c) in reused.iter().zip(got_reused) {
        assert!(
            c.anchored >= WINDOW_MIN_CONTAINMENT && c.score >= c.anchored,
            "shuffled sentence not found ({c:?}): {}",
            &text[r.clone()]
        );
        assert!(!c.window.is_empty());
    }
    let mean = |g: fn(&isnad_score::WindowCover) -> f32| {
        got_reused.iter().map(g).sum::<f32>() / got_reused.len() as f32
    };
    assert!(
        mean(|c| c.anchored) > mean(|c| c.direct) + 0.1,
        "anchored {} direct {}",
        mean(|c| c.anchored),
        mean(|c| c.direct)
    );
    for (r, c) in unrelated.iter().zip(got_unrelated) {
        assert!(
            c.score < WINDOW_MIN_CONTAINMENT,
            "unrelated sentence matched ({c:?}): {}",
            &text[r.clone()]
        );
    }
}

#[test]
fn verbatim_sentence_is_contained_directly() {
    let src = source();
    let spans = sentence_spans(&src);
    let b = Windows::new(&src, &spans);
    let s = spans
        .iter()
        .find(|r| src[(*r).clone()].split_whitespace().count() >= 12)
        .expect("a long sentence")
        .clone();
    let text = src[s.clone()].to_string();
    let a = Windows::long(&text, &sentence_spans(&text));
    let f = features(&text);
    let got = window_cover(&a, &[(0..text.len(), &f)], &b);
    assert!(got[0].direct > 0.99, "{:?}", got[0]);
    assert_eq!(
        got[0].anchored, 0.0,
        "a one-sentence document has no anchor"
    );
    assert!(
        got[0]
            .window
            .contains(&spans.iter().position(|r| *r == s).unwrap())
    );
}

#[test]
fn window_layout() {
    let src = source();
    let spans = sentence_spans(&src);
    let n = spans.len();
    assert!(n > 8, "the seed article has {n} sentence units");
    let all = Windows::new(&src, &spans);
    for x in all.windows() {
        assert_eq!(
            x.span,
            spans[x.units.start].start..spans[x.units.end - 1].end
        );
    }
    for &w in WINDOW_SIZES.iter().filter(|&&w| w <= n) {
        let starts: Vec<usize> = all
            .windows()
            .iter()
            .filter(|x| x.units.len() == w)
            .map(|x| x.units.start)
            .collect();
        // Sizes 1-3 start at every unit; longer ones every size/2 (the
        // last of a long size may be cut short by the end).
        let stride = if w <= 3 { 1 } else { w / 2 };
        let mut i = 0;
        while i + w <= n {
            assert!(
                starts.contains(&i),
                "size {w}: no window at {i}: {starts:?}"
            );
            i += stride;
        }
    }
    // Sizes beyond the document give one window over all of it, once.
    let whole = all.windows().iter().filter(|x| x.units == (0..n)).count();
    assert_eq!(whole, 1);
    let long = Windows::long(&src, &spans);
    assert!(!long.windows().is_empty());
    assert!(
        long.windows()
            .iter()
            .all(|x| x.units.len() >= ANCHOR_MIN_UNITS || x.units.end == n)
    );
    assert!(Windows::new("", &[]).windows().is_empty());
    assert!(window_cover(&Windows::long("", &[]), &[], &all).is_empty());
}

#[test]
fn latin_text_is_handled() {
    let src = "The talks in Astana ended on Tuesday with a joint statement. \
               Russia, Turkey and Iran agreed to monitor the ceasefire together. \
               The opposition delegation refused to sign the final document. \
               A new round is expected in Geneva next month.";
    let spans = sentence_spans(src);
    let b = Windows::new(src, &spans);
    let probe = "Russia, Iran and Turkey agreed together to monitor the ceasefire.";
    let f = features(probe);
    let got = window_cover(
        &Windows::long(probe, &sentence_spans(probe)),
        &[(0..probe.len(), &f)],
        &b,
    );
    assert!(got[0].score >= WINDOW_MIN_CONTAINMENT, "{:?}", got[0]);
    let other = "Oil prices rose sharply after the producers cut their output.";
    let f = features(other);
    let got = window_cover(
        &Windows::long(other, &sentence_spans(other)),
        &[(0..other.len(), &f)],
        &b,
    );
    assert!(got[0].score < WINDOW_MIN_CONTAINMENT, "{:?}", got[0]);
}
