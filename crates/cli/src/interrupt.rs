//! Ctrl-C and termination signals: remove the hidden temporary report first.
//!
//! `isnad compare -o FILE` writes the report to a hidden temporary file
//! beside `FILE` and renames it over `FILE` only when it is complete (see
//! [`crate::output::Destination`]), so a failed run never leaves half a
//! report. A run stopped by SIGINT (Ctrl-C), SIGTERM or SIGHUP ends without
//! running destructors, which would leave that temporary file behind; the
//! handler installed here removes it and exits with status 130 (128 +
//! SIGINT, what shells report for an interrupted command) whichever of the
//! three signals arrived.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

/// Exit status of an interrupted run.
pub const INTERRUPTED: i32 = 130;

/// The temporary file to remove on a signal, if any.
static TEMP: Mutex<Option<PathBuf>> = Mutex::new(None);

fn temp() -> MutexGuard<'static, Option<PathBuf>> {
    TEMP.lock().unwrap_or_else(|e| e.into_inner())
}

/// Installs the handler (once per process).
pub fn install() -> anyhow::Result<()> {
    ctrlc::set_handler(|| {
        // Held until the process ends, so the report cannot be renamed
        // into place (see `finish`) while its file is being removed.
        let temp = temp();
        if let Some(path) = temp.as_ref() {
            let _ = std::fs::remove_file(path);
        }
        #[allow(clippy::print_stderr)]
        {
            eprintln!("isnad: interrupted");
        }
        std::process::exit(INTERRUPTED);
    })
    .map_err(|e| anyhow::anyhow!("cannot install the Ctrl-C handler: {e}"))
}

/// Sets the temporary file to remove on a signal.
pub fn watch(path: Option<PathBuf>) {
    *temp() = path;
}

/// Runs `complete` (the rename of the temporary file over the report) with
/// the handler held off, then forgets the temporary file.
pub fn finish<T>(complete: impl FnOnce() -> T) -> T {
    let mut temp = temp();
    let out = complete();
    *temp = None;
    out
}
