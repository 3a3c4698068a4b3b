//! Segmentation throughput (`isnad_segment::segment`), in bytes per second.
//!
//! Two inputs:
//! - the five seed articles of `fixtures/seeds/` (always present);
//! - SaudiNewsNet article texts (`content` of the JSON files inside
//!   `../shared/data/saudinewsnet/dataset/*.zip`), the first few MB in file
//!   order, when that data is present — a realistic mix of Saudi outlets.
//!
//! Also the match key over the same texts, since it runs on every unit.
//!
//! On Linux every figure is measured twice: in wall time (`seeds/…`,
//! `saudinewsnet/…`) and in the thread's CPU time (`cpu-time/…`, from
//! `CLOCK_THREAD_CPUTIME_ID`). On a shared machine the wall time also counts
//! the time other processes hold the core; the CPU time is the throughput of
//! one core that is ours.
//!
//! Run: `cargo bench -p isnad-bench --bench segment` (`-- saudinewsnet` or
//! `-- cpu-time` for one set).
// criterion_group! generates undocumented items.
#![allow(clippy::print_stderr, missing_docs)]

use criterion::measurement::Measurement;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use isnad_bench::repo_root;
use std::hint::black_box;
use std::io::Read;
use std::path::PathBuf;

/// How much SaudiNewsNet text to sample, in bytes.
const SAMPLE_BYTES: usize = 4 << 20;

fn seed_articles() -> Vec<String> {
    let dir = repo_root().join("fixtures/seeds");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .filter(|e| e.path().is_dir())
        .flat_map(|d| std::fs::read_dir(d.path()).into_iter().flatten().flatten())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("seed article is UTF-8"))
        .collect()
}

/// Article texts from the SaudiNewsNet zips, up to `SAMPLE_BYTES`; `Err` says why none.
fn saudinewsnet_articles() -> Result<Vec<String>, String> {
    let dir = repo_root().join("../shared/data/saudinewsnet/dataset");
    let mut zips: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{} is absent ({e})", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "zip"))
        .collect();
    zips.sort();
    let mut texts = Vec::new();
    let mut total = 0;
    for path in zips {
        let err = |e: &dyn std::fmt::Display| format!("{}: {e}", path.display());
        let file = std::fs::File::open(&path).map_err(|e| err(&e))?;
        let mut archive = zip::ZipArchive::new(file).map_err(|e| err(&e))?;
        for i in 0..archive.len() {
            let mut entry = archive.by_index(i).map_err(|e| err(&e))?;
            let mut json = String::new();
            entry.read_to_string(&mut json).map_err(|e| err(&e))?;
            let articles: serde_json::Value = serde_json::from_str(&json).map_err(|e| err(&e))?;
            for a in articles.as_array().into_iter().flatten() {
                if let Some(content) = a.get("content").and_then(|c| c.as_str()) {
                    total += content.len();
                    texts.push(content.to_string());
                    if total >= SAMPLE_BYTES {
                        return Ok(texts);
                    }
                }
            }
        }
    }
    if texts.is_empty() {
        Err(format!("no article content in {}", dir.display()))
    } else {
        Ok(texts)
    }
}

fn bench_set<M: Measurement>(c: &mut Criterion<M>, name: &str, texts: &[String]) {
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(bytes as u64));
    if bytes > 1 << 20 {
        group.sample_size(20);
    }
    group.bench_function("segment", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| isnad_segment::segment(black_box(t)).len())
                .sum::<usize>()
        })
    });
    let mut key = String::new();
    group.bench_function("match_key", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| {
                    isnad_segment::normalize::match_key_into(black_box(t), &mut key);
                    key.len()
                })
                .sum::<usize>()
        })
    });
    group.finish();
}

/// The SaudiNewsNet sample, read once for both measurements.
fn saudinewsnet_sample() -> &'static Result<Vec<String>, String> {
    static SAMPLE: std::sync::OnceLock<Result<Vec<String>, String>> = std::sync::OnceLock::new();
    SAMPLE.get_or_init(saudinewsnet_articles)
}

fn bench(c: &mut Criterion) {
    bench_set(c, "seeds", &seed_articles());
    match saudinewsnet_sample() {
        Ok(texts) => bench_set(c, "saudinewsnet", texts),
        Err(why) => eprintln!("skipped SaudiNewsNet benchmark: {why}"),
    }
}

#[cfg(target_os = "linux")]
mod cpu {
    use criterion::measurement::{Measurement, ValueFormatter, WallTime};
    use std::time::Duration;

    /// Criterion measurement in CPU time of the benchmarking thread.
    pub struct ThreadCpuTime;

    fn now() -> Duration {
        let t = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
        Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
    }

    impl Measurement for ThreadCpuTime {
        type Intermediate = Duration;
        type Value = Duration;

        fn start(&self) -> Duration {
            now()
        }

        fn end(&self, start: Duration) -> Duration {
            now().saturating_sub(start)
        }

        fn add(&self, a: &Duration, b: &Duration) -> Duration {
            *a + *b
        }

        fn zero(&self) -> Duration {
            Duration::ZERO
        }

        fn to_f64(&self, value: &Duration) -> f64 {
            value.as_nanos() as f64
        }

        fn formatter(&self) -> &dyn ValueFormatter {
            // Values are nanoseconds, as in wall time: same units and throughputs.
            static WALL: WallTime = WallTime;
            WALL.formatter()
        }
    }
}

#[cfg(target_os = "linux")]
fn bench_cpu(c: &mut Criterion<cpu::ThreadCpuTime>) {
    match saudinewsnet_sample() {
        Ok(texts) => bench_set(c, "cpu-time/saudinewsnet", texts),
        Err(why) => eprintln!("skipped SaudiNewsNet CPU-time benchmark: {why}"),
    }
}

criterion_group!(benches, bench);
#[cfg(target_os = "linux")]
criterion_group! {
    name = cpu_time;
    config = Criterion::default().with_measurement(cpu::ThreadCpuTime);
    targets = bench_cpu
}
#[cfg(target_os = "linux")]
criterion_main!(benches, cpu_time);
#[cfg(not(target_os = "linux"))]
criterion_main!(benches);
