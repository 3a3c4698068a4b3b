//! `--stats`: where a run spends its time and memory, on stderr.
//!
//! A corpus run takes minutes, and "it is slow" is not something anyone can
//! act on. The matcher already reports its stages through the progress
//! callback; this records, at each change of stage, the wall clock and the
//! process CPU time, so a user (or a benchmark script) sees per stage how long
//! it took, how well both cores were used, and how high memory had peaked
//! by its end. Numbers
//! are measured, never estimated: CPU time comes from the process CPU clock
//! (Unix only) and peak memory from `/proc/self/status` (Linux only); where
//! the platform has neither, the column says `-`.

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Stage boundaries recorded so far.
pub struct StageClock {
    laps: Mutex<Vec<Lap>>,
}

struct Lap {
    stage: String,
    wall: Instant,
    cpu: Option<Duration>,
    /// Peak resident memory of the process when the stage began.
    peak: Option<u64>,
}

impl StageClock {
    /// A clock whose first stage, `stage`, starts now.
    pub fn start(stage: &str) -> Self {
        StageClock {
            laps: Mutex::new(vec![Lap::now(stage)]),
        }
    }

    /// Marks the start of `stage` if it is not the current one.
    pub fn enter(&self, stage: &str) {
        let Ok(mut laps) = self.laps.lock() else {
            return;
        };
        if laps.last().is_none_or(|l| l.stage != stage) {
            laps.push(Lap::now(stage));
        }
    }

    /// The table of stages up to now: stage, wall seconds, CPU seconds,
    /// CPU/wall, and the process's peak memory at the end of the stage.
    pub fn table(&self) -> String {
        let mut laps: Vec<(String, Instant, Option<Duration>, Option<u64>)> = match self.laps.lock()
        {
            Ok(l) => l
                .iter()
                .map(|l| (l.stage.clone(), l.wall, l.cpu, l.peak))
                .collect(),
            Err(_) => return String::new(),
        };
        let end = Lap::now("");
        laps.push((end.stage, end.wall, end.cpu, end.peak));
        let mut out = format!(
            "{:<12} {:>9} {:>9} {:>6} {:>9}\n",
            "stage", "wall s", "cpu s", "cores", "peak MiB"
        );
        let row = |name: &str, wall: Duration, cpu: Option<Duration>, peak: Option<u64>| {
            let cpu_s = cpu.map_or("-".to_string(), |c| format!("{:.2}", c.as_secs_f64()));
            let cores = match cpu {
                Some(c) if wall.as_secs_f64() > 0.0 => {
                    format!("{:.2}", c.as_secs_f64() / wall.as_secs_f64())
                }
                _ => "-".to_string(),
            };
            let peak = peak.map_or("-".to_string(), |b| format!("{}", b >> 20));
            format!(
                "{name:<12} {:>9.2} {cpu_s:>9} {cores:>6} {peak:>9}\n",
                wall.as_secs_f64()
            )
        };
        for pair in laps.windows(2) {
            let (stage, wall, cpu, _) = &pair[0];
            let (_, next_wall, next_cpu, peak) = &pair[1];
            let cpu = match (cpu, next_cpu) {
                (Some(a), Some(b)) => Some(b.saturating_sub(*a)),
                _ => None,
            };
            out.push_str(&row(stage, next_wall.duration_since(*wall), cpu, *peak));
        }
        let (first, last) = (&laps[0], &laps[laps.len() - 1]);
        let cpu = match (first.2, last.2) {
            (Some(a), Some(b)) => Some(b.saturating_sub(a)),
            _ => None,
        };
        out.push_str(&row("total", last.1.duration_since(first.1), cpu, last.3));
        out
    }
}

impl Lap {
    fn now(stage: &str) -> Self {
        Lap {
            stage: stage.to_string(),
            wall: Instant::now(),
            cpu: process_cpu_time(),
            peak: peak_rss_bytes(),
        }
    }
}

/// CPU time of the whole process (all threads) so far.
#[cfg(unix)]
fn process_cpu_time() -> Option<Duration> {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::ProcessCPUTime);
    Some(Duration::new(
        u64::try_from(t.tv_sec).ok()?,
        u32::try_from(t.tv_nsec).ok()?,
    ))
}

#[cfg(not(unix))]
fn process_cpu_time() -> Option<Duration> {
    None
}

/// The process's peak resident memory (`VmHWM`), where Linux reports it.
fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line
        .trim_start_matches("VmHWM:")
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kib * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_has_one_row_per_stage_then_total() {
        let clock = StageClock::start("reading");
        clock.enter("reading");
        clock.enter("features");
        clock.enter("features");
        clock.enter("scoring");
        let table = clock.table();
        let names: Vec<&str> = table
            .lines()
            .skip(1)
            .map(|l| l.split_whitespace().next().unwrap_or(""))
            .collect();
        assert_eq!(
            names,
            ["reading", "features", "scoring", "total"],
            "{table}"
        );
    }
}
