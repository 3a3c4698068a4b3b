//! Where the datasets are.

use std::path::{Path, PathBuf};

/// `../shared/data` beside the workspace root.
pub fn default_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
}
