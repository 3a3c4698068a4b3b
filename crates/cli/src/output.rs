//! Where output goes and how it looks: stdout or a file, colors, stderr messages.

use crate::args::ColorChoice;
use std::io::{IsTerminal, Write};
use std::path::Path;

/// Options every command sees.
pub struct Global {
    /// `--quiet`: no progress, no warnings.
    pub quiet: bool,
    /// `--color`.
    pub color: ColorChoice,
}

impl Global {
    /// Whether to color output written to a terminal-or-not stream.
    /// `NO_COLOR` (any non-empty value, see no-color.org) always wins over `auto`.
    pub fn color_for(&self, stream_is_terminal: bool) -> bool {
        match self.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                stream_is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }

    /// Prints a warning on stderr unless `--quiet`.
    #[allow(clippy::print_stderr)]
    pub fn warn(&self, message: &str) {
        if !self.quiet {
            eprintln!("isnad: warning: {message}");
        }
    }

    /// Prints a note on stderr unless `--quiet`.
    #[allow(clippy::print_stderr)]
    pub fn note(&self, message: &str) {
        if !self.quiet {
            eprintln!("isnad: {message}");
        }
    }
}

/// Prints an error on stderr.
#[allow(clippy::print_stderr)]
pub fn error(message: &str) {
    eprintln!("isnad: error: {message}");
}

/// Stdout (buffered) or a created file, and whether it is a terminal.
pub fn open(path: Option<&Path>) -> anyhow::Result<(Box<dyn Write>, bool)> {
    use anyhow::Context;
    match path.filter(|p| *p != Path::new("-")) {
        None => {
            let stdout = std::io::stdout();
            let tty = stdout.is_terminal();
            Ok((Box::new(std::io::BufWriter::new(stdout.lock())), tty))
        }
        Some(p) => {
            let f = std::fs::File::create(p)
                .with_context(|| format!("cannot create {}", p.display()))?;
            Ok((Box::new(std::io::BufWriter::new(f)), false))
        }
    }
}

/// Whether an error is (caused by) a closed pipe, e.g. `isnad … | head`.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
