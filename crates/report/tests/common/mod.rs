//! Helpers shared by the report's integration tests.

use isnad_report::{Content, InputArticle};
use std::path::{Path, PathBuf};

/// A file under the repository's `fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures")
        .join(name)
}

/// The articles of a JSONL fixture (`id`, `outlet`, `date`, `title`, `url`, `text`).
pub fn read_jsonl(path: &Path) -> Vec<InputArticle> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .enumerate()
        .map(|(i, line)| {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let s = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
            InputArticle {
                id: s("id").unwrap(),
                path: path.display().to_string(),
                line: Some(i as u64 + 1),
                outlet: s("outlet").unwrap(),
                date: s("date"),
                title: s("title"),
                url: s("url"),
                content: Content::Text(s("text").unwrap()),
                ..Default::default()
            }
        })
        .collect()
}
