//! SaudiNewsNet at corpus scale: recall of verbatim cross-outlet sentences,
//! a hand-check sample of non-verbatim matches, and the run's size and time.
//!
//! The silver set is the one of the corpus README and of the peers'
//! `exact_baseline.py`: sentences cut with the peers' regex (`. ! ? ؟` then
//! whitespace, or newlines), normalized the same way (diacritics and tatweel
//! removed, `أ إ آ ٱ → ا`, `ى → ي`, `ة → ه`, lowercase, `\w+` tokens), of at
//! least 8 tokens, found verbatim in two or more outlets. isnad recalls such
//! a sentence when it links (by a match of any tier, or a verbatim copy
//! group) two units of different outlets that each cover one of the
//! sentence's occurrences (cover: the spans overlap by at least half of the
//! shorter one). isnad segments differently from the regex, so this also
//! checks that segmentation keeps wire sentences whole.

use crate::data::{self, SaudiArticle, SplitMix};
use isnad_score::{CandidateMode, MatchOptions, MatchSet, Progress, Tier, UnitRef};
use rayon::prelude::*;
use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::Instant;
use xxhash_rust::xxh3::xxh3_128;

/// Options of the SaudiNewsNet evaluation.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Use only the first N articles (date order), e.g. for scaling runs.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Where to write the seeded sample of non-verbatim matches (JSONL).
    #[arg(long, default_value = "target/isnad-eval/saudinewsnet-sample.jsonl")]
    pub sample_out: PathBuf,
    /// Size of the non-verbatim sample.
    #[arg(long, default_value_t = 50)]
    pub sample_size: usize,
    /// Seed of the sample.
    #[arg(long, default_value_t = 20150721)]
    pub seed: u64,
    /// Minimum tokens of a silver sentence.
    #[arg(long, default_value_t = 8)]
    pub min_tokens: usize,
}

/// Units of a corpus, ready for the matcher.
pub struct Corpus<'a> {
    /// Units (statement kinds only) of all articles, article by article.
    pub units: Vec<UnitRef<'a>>,
    /// Article of each unit.
    pub article: Vec<u32>,
    /// Byte span of each unit in its article's content.
    pub span: Vec<Range<usize>>,
    /// Outlet names; `UnitRef::source` indexes this.
    pub outlets: Vec<String>,
}

/// Segments every article (in parallel) and keeps the statement units.
pub fn corpus(articles: &[SaudiArticle]) -> Corpus<'_> {
    let mut outlets: Vec<String> = articles.iter().map(|a| a.source.clone()).collect();
    outlets.sort();
    outlets.dedup();
    let per_article: Vec<Vec<Range<usize>>> = articles
        .par_iter()
        .map(|a| {
            isnad_segment::segment(&a.content)
                .into_iter()
                .filter(|u| u.kind.is_statement())
                .map(|u| u.span)
                .collect()
        })
        .collect();
    let mut c = Corpus {
        units: Vec::new(),
        article: Vec::new(),
        span: Vec::new(),
        outlets,
    };
    for (i, spans) in per_article.into_iter().enumerate() {
        let a = &articles[i];
        let source = c.outlets.binary_search(&a.source).unwrap_or(0) as u32;
        let day = a.day();
        for s in spans {
            c.units.push(UnitRef {
                text: &a.content[s.clone()],
                source,
                day,
            });
            c.article.push(i as u32);
            c.span.push(s);
        }
    }
    c
}

/// A progress printer for stderr: one line per stage.
pub fn stderr_progress(t0: Instant) -> impl Fn(Progress) + Sync {
    move |p: Progress| {
        // Stage ends, and about every tenth of a long stage.
        let step = (p.total / 10).max(1);
        if p.done == p.total || (p.done > 0 && p.done % step < 4096) {
            eprintln!(
                "[{:7.2}s] {} {}/{}",
                t0.elapsed().as_secs_f64(),
                p.stage,
                p.done,
                p.total
            );
        }
    }
}

/// Whether units `u` and `v` are linked in the compact match set.
pub struct Links<'s> {
    set: &'s MatchSet,
    pairs: Vec<(u32, u32)>,
    copies: Vec<u32>,
}

impl<'s> Links<'s> {
    /// Indexes the group pairs of `set`.
    pub fn new(set: &'s MatchSet) -> Self {
        let mut pairs: Vec<(u32, u32)> = set
            .matches
            .iter()
            .map(|m| {
                let (g, h) = (set.group[m.a], set.group[m.b]);
                (g.min(h), g.max(h))
            })
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        let mut copies = set.copies.clone();
        copies.sort_unstable();
        Links { set, pairs, copies }
    }

    /// Whether `u` and `v` (of different sources) are linked by a match or a copy group.
    pub fn linked(&self, u: usize, v: usize) -> bool {
        let (g, h) = (self.set.group[u], self.set.group[v]);
        if g == h {
            return self.copies.binary_search(&g).is_ok();
        }
        self.pairs.binary_search(&(g.min(h), g.max(h))).is_ok()
    }
}

/// Runs the evaluation.
pub fn run(data: &Path, args: &Args) -> anyhow::Result<()> {
    let t0 = Instant::now();
    let Some(mut articles) = data::read_saudinewsnet(data)? else {
        println!(
            "skipped: {} is absent",
            data::saudinewsnet_dir(data).display()
        );
        return Ok(());
    };
    if let Some(n) = args.limit {
        articles.truncate(n);
    }
    let t_read = t0.elapsed().as_secs_f64();
    let t1 = Instant::now();
    let c = corpus(&articles);
    let t_segment = t1.elapsed().as_secs_f64();
    let t2 = Instant::now();
    let options = MatchOptions {
        candidates: CandidateMode::Auto,
        ..MatchOptions::default()
    };
    let set = isnad_score::find_match_set(&c.units, &options, &stderr_progress(t0));
    let t_match = t2.elapsed().as_secs_f64();
    let t3 = Instant::now();
    let statements = isnad_score::group_match_set(&c.units, &set);
    let t_group = t3.elapsed().as_secs_f64();
    let wall = t0.elapsed().as_secs_f64();
    let cpu = cpu_seconds();
    let rss = data::peak_rss_mib();

    // Sizes.
    let s = &set.stats;
    let mut tiers = [0u64; 5];
    for m in &set.matches {
        tiers[tier_index(m.tier)] += 1;
    }
    let unit_pairs = implied_unit_pairs(&c.units, &set);
    println!(
        "SaudiNewsNet: {} articles, {} outlets",
        articles.len(),
        c.outlets.len()
    );
    println!(
        "units (statement kinds): {}; distinct texts {}; distinct keys {}",
        s.units, s.distinct_texts, s.distinct_keys
    );
    println!(
        "candidate pairs (key groups): {} ({} index hits verified); posting cap {}; capped probes {} in {} keys; exhaustive {}",
        s.candidate_pairs,
        s.verified_pairs,
        s.posting_cap,
        s.capped_probes,
        s.capped_keys,
        s.exhaustive
    );
    println!(
        "matches between key groups: {} (verbatim {}, near_duplicate {}, partial {}, paraphrase {}, conflicting {}); copy groups {}",
        s.key_matches, tiers[0], tiers[1], tiers[2], tiers[3], tiers[4], s.copy_groups
    );
    println!("cross-source unit pairs implied: {unit_pairs}");
    println!("statements: {}", statements.len());
    println!(
        "time: wall {wall:.2}s (read {t_read:.2}, segment {t_segment:.2}, match {t_match:.2}, group {t_group:.2}); cpu {}; threads {}; peak RSS {}",
        cpu.map_or("?".into(), |c| format!("{c:.2}s")),
        rayon::current_num_threads(),
        rss.map_or("?".into(), |r| format!("{r:.0} MiB")),
    );

    // Recall of verbatim cross-outlet sentences.
    let silver = silver_sentences(&articles, &c.outlets, args.min_tokens);
    let links = Links::new(&set);
    let stmt_of = statement_of_unit(c.units.len(), &statements);
    let units_by_article = units_by_article(&c, articles.len());
    let (mut linked, mut grouped, mut covered) = (0usize, 0usize, 0usize);
    for occ in &silver {
        let cover: Vec<(usize, u32)> = occ
            .iter()
            .flat_map(|o| {
                units_by_article[o.article as usize]
                    .iter()
                    .copied()
                    .filter(|&u| covers(&c.span[u], &o.span))
                    .map(|u| (u, c.units[u].source))
            })
            .collect();
        let mut sources: Vec<u32> = cover.iter().map(|x| x.1).collect();
        sources.sort_unstable();
        sources.dedup();
        covered += usize::from(sources.len() >= 2);
        let mut is_linked = false;
        let mut is_grouped = false;
        for (i, &(u, su)) in cover.iter().enumerate() {
            for &(v, sv) in &cover[i + 1..] {
                if su == sv {
                    continue;
                }
                is_linked |= links.linked(u, v);
                is_grouped |= stmt_of[u].is_some() && stmt_of[u] == stmt_of[v];
            }
            if is_linked && is_grouped {
                break;
            }
        }
        linked += usize::from(is_linked);
        grouped += usize::from(is_grouped);
    }
    let n = silver.len().max(1) as f64;
    println!(
        "verbatim cross-outlet sentences (>= {} tokens): {}; covered by units in >= 2 outlets {} ({:.4}); linked by a match {} (recall {:.4}); in one statement {} ({:.4})",
        args.min_tokens,
        silver.len(),
        covered,
        covered as f64 / n,
        linked,
        linked as f64 / n,
        grouped,
        grouped as f64 / n,
    );

    // Seeded sample of non-verbatim matches for hand checking.
    let mut pool: Vec<usize> = (0..set.matches.len())
        .filter(|&i| set.matches[i].tier != Tier::Verbatim)
        .collect();
    SplitMix(args.seed).shuffle(&mut pool);
    pool.truncate(args.sample_size);
    pool.sort_unstable();
    if let Some(dir) = args.sample_out.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut out = std::io::BufWriter::new(std::fs::File::create(&args.sample_out)?);
    for &i in &pool {
        let m = &set.matches[i];
        let side = |u: usize| {
            let a = &articles[c.article[u] as usize];
            serde_json::json!({
                "outlet": a.source, "url": a.url, "date": a.date_extracted,
                "text": c.units[u].text,
            })
        };
        let rec = serde_json::json!({
            "tier": m.tier.as_str(), "score": m.score, "components": m.components,
            "a": side(m.a), "b": side(m.b),
        });
        writeln!(out, "{rec}")?;
    }
    out.flush()?;
    println!(
        "wrote {} of {} non-verbatim matches (seed {}) to {}",
        pool.len(),
        set.matches
            .iter()
            .filter(|m| m.tier != Tier::Verbatim)
            .count(),
        args.seed,
        args.sample_out.display()
    );
    Ok(())
}

fn tier_index(t: Tier) -> usize {
    match t {
        Tier::Verbatim => 0,
        Tier::NearDuplicate => 1,
        Tier::Partial => 2,
        Tier::Paraphrase => 3,
        Tier::Conflicting => 4,
    }
}

/// Cross-source unit pairs the compact set stands for.
pub fn implied_unit_pairs(units: &[UnitRef<'_>], set: &MatchSet) -> u64 {
    let counts = |g: u32| {
        let mut s: Vec<u32> = set.members[g as usize]
            .iter()
            .map(|&u| units[u].source)
            .collect();
        s.sort_unstable();
        let mut out: Vec<(u32, u64)> = Vec::new();
        for x in s {
            match out.last_mut() {
                Some((y, n)) if *y == x => *n += 1,
                _ => out.push((x, 1)),
            }
        }
        out
    };
    let cross = |a: &[(u32, u64)], b: &[(u32, u64)]| {
        let total: u64 = a.iter().map(|x| x.1).sum::<u64>() * b.iter().map(|x| x.1).sum::<u64>();
        let same: u64 = a
            .iter()
            .filter_map(|x| b.iter().find(|y| y.0 == x.0).map(|y| x.1 * y.1))
            .sum();
        total - same
    };
    let mut n = 0;
    for m in &set.matches {
        n += cross(&counts(set.group[m.a]), &counts(set.group[m.b]));
    }
    for &g in &set.copies {
        let c = counts(g);
        n += cross(&c, &c) / 2;
    }
    n
}

fn statement_of_unit(n: usize, statements: &[isnad_score::Statement]) -> Vec<Option<u32>> {
    let mut out = vec![None; n];
    for (i, s) in statements.iter().enumerate() {
        for &u in &s.units {
            out[u] = Some(i as u32);
        }
    }
    out
}

fn units_by_article(c: &Corpus<'_>, articles: usize) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); articles];
    for (u, &a) in c.article.iter().enumerate() {
        out[a as usize].push(u);
    }
    out
}

/// Whether a unit span covers a sentence occurrence: overlap ≥ half the shorter span.
fn covers(unit: &Range<usize>, sent: &Range<usize>) -> bool {
    let lo = unit.start.max(sent.start);
    let hi = unit.end.min(sent.end);
    let shorter = unit.len().min(sent.len());
    hi > lo && 2 * (hi - lo) >= shorter
}

/// One occurrence of a silver sentence.
#[derive(Debug, Clone)]
pub struct Occurrence {
    /// Article index.
    pub article: u32,
    /// Byte span in the article content.
    pub span: Range<usize>,
}

/// Distinct normalized sentences (≥ `min_tokens`) found in two or more outlets,
/// each with all its occurrences.
pub fn silver_sentences(
    articles: &[SaudiArticle],
    outlets: &[String],
    min_tokens: usize,
) -> Vec<Vec<Occurrence>> {
    // (hash of normalized sentence, outlet, article, start, end)
    let mut all: Vec<(u128, u32, u32, u32, u32)> = articles
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, a)| {
            let outlet = outlets.binary_search(&a.source).unwrap_or(0) as u32;
            peer_sentences(&a.content)
                .into_iter()
                .filter_map(move |r| {
                    let (key, n) = peer_normalize(&a.content[r.clone()]);
                    (n >= min_tokens).then(|| {
                        (
                            xxh3_128(key.as_bytes()),
                            outlet,
                            i as u32,
                            r.start as u32,
                            r.end as u32,
                        )
                    })
                })
                .collect::<Vec<_>>()
        })
        .collect();
    all.par_sort_unstable();
    let mut out = Vec::new();
    let mut i = 0;
    while i < all.len() {
        let mut j = i;
        while j < all.len() && all[j].0 == all[i].0 {
            j += 1;
        }
        if all[i].1 != all[j - 1].1 {
            out.push(
                all[i..j]
                    .iter()
                    .map(|x| Occurrence {
                        article: x.2,
                        span: x.3 as usize..x.4 as usize,
                    })
                    .collect(),
            );
        }
        i = j;
    }
    out
}

/// The peers' sentence split: after `. ! ? ؟` followed by whitespace, and at
/// runs of newlines; pieces trimmed, empty ones dropped. Byte ranges.
pub fn peer_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut prev: Option<char> = None;
    let mut it = text.char_indices().peekable();
    let push = |s: usize, e: usize, out: &mut Vec<Range<usize>>| {
        let piece = &text[s..e];
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            let off = s + (piece.len() - piece.trim_start().len());
            out.push(off..off + trimmed.len());
        }
    };
    while let Some((i, ch)) = it.next() {
        let after_end = matches!(prev, Some('.' | '!' | '?' | '\u{061f}'));
        if (after_end && ch.is_whitespace()) || ch == '\n' {
            let newline_only = !(after_end && ch.is_whitespace());
            let mut end = i + ch.len_utf8();
            while let Some(&(j, c2)) = it.peek() {
                if (newline_only && c2 == '\n') || (!newline_only && c2.is_whitespace()) {
                    end = j + c2.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            push(start, i, &mut out);
            start = end;
            prev = None;
            continue;
        }
        prev = Some(ch);
    }
    push(start, text.len(), &mut out);
    out
}

/// The peers' normalization: returns the tokens joined by one space, and their count.
pub fn peer_normalize(sentence: &str) -> (String, usize) {
    let mut s = String::with_capacity(sentence.len());
    for c in sentence.chars() {
        match c {
            '\u{0610}'..='\u{061a}'
            | '\u{064b}'..='\u{065f}'
            | '\u{0670}'
            | '\u{06d6}'..='\u{06ed}'
            | '\u{0640}' => {}
            'أ' | 'إ' | 'آ' | 'ٱ' => s.push('ا'),
            'ى' => s.push('ي'),
            'ة' => s.push('ه'),
            c => s.extend(c.to_lowercase()),
        }
    }
    let mut key = String::with_capacity(s.len());
    let mut n = 0;
    for tok in s.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
        if tok.is_empty() {
            continue;
        }
        if n > 0 {
            key.push(' ');
        }
        key.push_str(tok);
        n += 1;
    }
    (key, n)
}

/// CPU time (user + system) of this process, from `/proc/self/stat` (Linux, 100 Hz ticks).
pub fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peer_split_matches_the_regex() {
        let t = "أ ب. ج د\n\nهـ 3.5 و؟ ز\nح";
        let parts: Vec<&str> = peer_sentences(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(parts, vec!["أ ب.", "ج د", "هـ 3.5 و؟", "ز", "ح"]);
    }

    #[test]
    fn peer_normalization() {
        let (k, n) = peer_normalize("أكّد الرئيسُ، «المدينة» إلى!");
        assert_eq!(k, "اكد الرييس المدينه الي".replace("الرييس", "الرئيس"));
        assert_eq!(n, 4);
    }
}
