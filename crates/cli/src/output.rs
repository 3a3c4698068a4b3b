//! Where output goes and how it looks: stdout or a file, colors, stderr messages.

use crate::args::ColorChoice;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

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

/// Where the report goes: stdout, or a file checked before the run starts.
///
/// A long run that fails only at the end because `-o` names a missing
/// folder wastes the user's time, and creating (truncating) the file up
/// front would destroy the previous report whenever the run then fails. So
/// [`Destination::prepare`] creates a temporary file beside the target at
/// the start, which proves the folder exists and is writable, and
/// [`Destination::write`] renames it over the target only once the whole
/// report is written. Existing files that cannot be replaced that way
/// (`/dev/null`, a FIFO, a file in a folder isnad may not create files in)
/// are opened at the start and written in place.
pub enum Destination {
    /// Standard output.
    Stdout,
    /// A file given with `-o`.
    File {
        /// The path as the user gave it, for messages.
        path: PathBuf,
        /// How it is written.
        how: FileWrite,
    },
}

/// How a [`Destination::File`] is written.
pub enum FileWrite {
    /// A temporary file in the target's folder, renamed over `target` when complete.
    Replace {
        /// The temporary file.
        temp: tempfile::NamedTempFile,
        /// The file it becomes (symbolic links resolved, so the link is kept).
        target: PathBuf,
    },
    /// An existing file opened for writing without truncation; a regular
    /// file is truncated only when the report is written.
    InPlace(std::fs::File),
}

impl Destination {
    /// Checks that the report can be written to `path` (`None` or `-`: stdout)
    /// without touching an existing file. Errors name the path.
    pub fn prepare(path: Option<&Path>) -> anyhow::Result<Destination> {
        let Some(path) = path.filter(|p| *p != Path::new("-")) else {
            return Ok(Destination::Stdout);
        };
        let fail = |why: String| anyhow::anyhow!("cannot write {}: {why}", path.display());
        // Replace what a symbolic link points to, not the link.
        let target = match std::fs::symlink_metadata(path) {
            Ok(m) if m.file_type().is_symlink() => {
                std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
            }
            _ => path.to_path_buf(),
        };
        let existing = match std::fs::metadata(&target) {
            Ok(m) => Some(m),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(fail(e.to_string())),
        };
        let open_in_place = || {
            std::fs::OpenOptions::new()
                .write(true)
                .open(&target)
                .map_err(|e| fail(e.to_string()))
        };
        let how = match &existing {
            Some(m) if m.is_dir() => return Err(fail("it is a folder".into())),
            // A device or FIFO: nothing to replace, write to it.
            Some(m) if !m.is_file() => FileWrite::InPlace(open_in_place()?),
            _ => {
                let folder = match target.parent() {
                    Some(p) if !p.as_os_str().is_empty() => p,
                    _ => Path::new("."),
                };
                match std::fs::metadata(folder) {
                    Ok(m) if m.is_dir() => {}
                    Ok(_) => return Err(fail(format!("{} is not a folder", folder.display()))),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                        return Err(fail(format!("folder {} does not exist", folder.display())));
                    }
                    Err(e) => return Err(fail(format!("{}: {e}", folder.display()))),
                }
                match temp_beside(&target, folder, existing.as_ref()) {
                    Ok(temp) => FileWrite::Replace { temp, target },
                    // An existing file we may write but not replace.
                    Err(_) if existing.is_some() => FileWrite::InPlace(open_in_place()?),
                    Err(e) => {
                        return Err(fail(format!(
                            "cannot create a file in {}: {e}",
                            folder.display()
                        )));
                    }
                }
            }
        };
        Ok(Destination::File {
            path: path.to_path_buf(),
            how,
        })
    }

    /// The file the report goes to, when it is a file.
    pub fn report_path(&self) -> Option<&Path> {
        match self {
            Destination::Stdout => None,
            Destination::File {
                how: FileWrite::Replace { target, .. },
                ..
            } => Some(target),
            Destination::File { path, .. } => Some(path),
        }
    }

    /// The hidden temporary file the report is written to first, if any.
    pub fn temp_path(&self) -> Option<&Path> {
        match self {
            Destination::File {
                how: FileWrite::Replace { temp, .. },
                ..
            } => Some(temp.path()),
            _ => None,
        }
    }

    /// Whether the output is a terminal (for colors).
    pub fn is_terminal(&self) -> bool {
        match self {
            Destination::Stdout => std::io::stdout().is_terminal(),
            Destination::File { .. } => false,
        }
    }

    /// Writes the output with `write` and completes it (flush; rename a
    /// temporary file over the target). An error names the file (or
    /// stdout) and keeps the I/O error as its source, so a closed pipe is
    /// still recognised by [`is_broken_pipe`]. On error a previous file at
    /// the target is left as it was (unless it is written in place).
    pub fn write(
        self,
        write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> anyhow::Result<()> {
        use anyhow::Context;
        match self {
            Destination::Stdout => {
                let mut out = std::io::BufWriter::new(std::io::stdout().lock());
                write(&mut out)
                    .and_then(|()| out.flush())
                    .context("cannot write to stdout")
            }
            Destination::File { path, how } => {
                let context = || format!("cannot write {}", path.display());
                match how {
                    FileWrite::Replace { mut temp, target } => {
                        let mut out = std::io::BufWriter::new(temp.as_file_mut());
                        write(&mut out)
                            .and_then(|()| out.flush())
                            .with_context(context)?;
                        drop(out);
                        crate::interrupt::finish(|| temp.persist(&target))
                            .map_err(|e| e.error)
                            .with_context(context)?;
                        Ok(())
                    }
                    FileWrite::InPlace(file) => {
                        if file.metadata().is_ok_and(|m| m.is_file()) {
                            file.set_len(0).with_context(context)?;
                        }
                        let mut out = std::io::BufWriter::new(file);
                        write(&mut out)
                            .and_then(|()| out.flush())
                            .with_context(context)
                    }
                }
            }
        }
    }
}

/// A hidden temporary file in `folder` for the report bound for `target`,
/// with the permissions `target` has (or a new file would get).
fn temp_beside(
    target: &Path,
    folder: &Path,
    existing: Option<&std::fs::Metadata>,
) -> std::io::Result<tempfile::NamedTempFile> {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(crate::input::TEMP_SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // As `File::create` would: 0o666 less the umask, which the OS applies.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let temp = builder.tempfile_in(folder)?;
    if let Some(m) = existing {
        temp.as_file().set_permissions(m.permissions())?;
    }
    Ok(temp)
}

/// Whether an error is (caused by) a closed pipe, e.g. `isnad … | head`.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
