//! Progress bars on stderr for long runs.
//!
//! Bars appear only when stderr is a terminal, `--quiet` is off, and the run
//! has lasted longer than half a second: a five-article run should not flash
//! bars, a hundred-thousand-article run should show where it is. The library
//! reports progress through a callback (`Progress { stage, done, total }`);
//! this turns each stage into one bar.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::sync::Mutex;
use std::time::{Duration, Instant};

const SHOW_AFTER: Duration = Duration::from_millis(500);

/// The bar of the current stage.
pub struct Bars {
    enabled: bool,
    start: Instant,
    current: Mutex<Option<(String, ProgressBar, bool)>>,
}

impl Bars {
    /// Bars that draw only if `enabled` (stderr is a terminal and not `--quiet`).
    pub fn new(enabled: bool) -> Self {
        Bars {
            enabled,
            start: Instant::now(),
            current: Mutex::new(None),
        }
    }

    /// Reports `done` of `total` (unknown: `None`) in `stage`.
    pub fn update(&self, stage: &str, done: u64, total: Option<u64>) {
        if !self.enabled {
            return;
        }
        let Ok(mut current) = self.current.lock() else {
            return;
        };
        if current.as_ref().is_none_or(|(s, _, _)| s != stage) {
            if let Some((_, bar, _)) = current.take() {
                bar.finish_and_clear();
            }
            let bar = match total {
                Some(t) => ProgressBar::with_draw_target(Some(t), ProgressDrawTarget::hidden())
                    .with_style(
                        ProgressStyle::with_template(
                            "{msg:>11} [{bar:40}] {human_pos}/{human_len} ({eta})",
                        )
                        .unwrap_or_else(|_| ProgressStyle::default_bar())
                        .progress_chars("=> "),
                    ),
                None => ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden())
                    .with_style(
                        ProgressStyle::with_template("{msg:>11} {spinner} {human_pos} articles")
                            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
                    ),
            };
            bar.set_message(stage.to_string());
            *current = Some((stage.to_string(), bar, false));
        }
        if let Some((_, bar, shown)) = current.as_mut() {
            if let Some(t) = total
                && bar.length() != Some(t)
            {
                bar.set_length(t);
            }
            bar.set_position(done);
            if !*shown && self.start.elapsed() >= SHOW_AFTER {
                bar.set_draw_target(ProgressDrawTarget::stderr());
                *shown = true;
            }
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Ok(mut current) = self.current.lock()
            && let Some((_, bar, _)) = current.take()
        {
            bar.finish_and_clear();
        }
    }
}
