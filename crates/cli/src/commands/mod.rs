//! One module per subcommand.

pub mod compare;
pub mod explain;
pub mod score;
pub mod segment;

use anyhow::{Context, Result};
use std::io::Read;
use std::path::Path;

/// Reads a whole file (or stdin for `-`/`None`) as UTF-8 text.
/// Invalid UTF-8 is an error naming the file, line and byte offset.
/// A leading byte-order mark is not part of the text.
pub fn read_utf8(path: Option<&Path>) -> Result<(String, String)> {
    let (name, bytes) = match path.filter(|p| *p != Path::new("-")) {
        None => {
            let mut b = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut b)
                .context("cannot read stdin")?;
            ("<stdin>".to_string(), b)
        }
        Some(p) => (
            p.display().to_string(),
            std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?,
        ),
    };
    if let Some(why) = crate::input::utf16_problem(&bytes) {
        anyhow::bail!("{name}: {why}");
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count();
        anyhow::anyhow!("{name}:{line}: not valid UTF-8 (byte offset {at})")
    })?;
    let text = crate::input::without_bom(text);
    Ok((name, text))
}
