//! Inputs shared by the bench targets.
//!
//! The benches measure on the seed fixtures always and, when `../shared/data`
//! is beside the repository, on a SaudiNewsNet day; reading that day lives
//! here once so every bench samples the same articles.

use std::io::Read;
use std::path::{Path, PathBuf};

/// The texts of the five seed articles (`fixtures/seeds/`), built in.
pub const SEEDS: &[&str] = &[
    include_str!("../../fixtures/seeds/alwatan/000_fb876d6af2ea0503.txt"),
    include_str!("../../fixtures/seeds/enabbaladi/001_64472d528037be5b.txt"),
    include_str!("../../fixtures/seeds/unknown-a/002_abae2015c6ea9c25.txt"),
    include_str!("../../fixtures/seeds/sana/003_424fbe4dbe17e1ac.txt"),
    include_str!("../../fixtures/seeds/unknown-b/004_de031abb77a1a437.txt"),
];

/// The repository root (the parent of `benches/`).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The article records (JSON objects with `source`, `date_extracted`,
/// `content`, …) of the first SaudiNewsNet day, or why they cannot be read.
pub fn saudinewsnet_first_day() -> Result<Vec<serde_json::Value>, String> {
    let path = repo_root().join("../shared/data/saudinewsnet/dataset/2015-07-21.zip");
    let file = std::fs::File::open(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut zip = zip::ZipArchive::new(file).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut json = String::new();
    zip.by_index(0)
        .map_err(|e| e.to_string())?
        .read_to_string(&mut json)
        .map_err(|e| e.to_string())?;
    serde_json::from_str(&json).map_err(|e| e.to_string())
}
