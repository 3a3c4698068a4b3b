//! Where the datasets are.

use std::path::{Path, PathBuf};

/// `../shared/data` beside the workspace root.
pub fn default_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
}

/// One SaudiNewsNet article (fields of the upstream JSON).
#[derive(Debug, Clone, serde::Deserialize)]
pub struct SaudiArticle {
    /// Outlet id (`alriyadh`, `was`, …).
    #[serde(default)]
    pub source: String,
    /// Article URL.
    #[serde(default)]
    pub url: String,
    /// `YYYY-MM-DD hh:mm:ss` extraction time (≈ publication after 2015-08-01).
    #[serde(default)]
    pub date_extracted: String,
    /// Body text with paragraph newlines.
    #[serde(default)]
    pub content: String,
    /// Byline as published (`الرياض - واس`, `عكاظ (جدة)`); provenance reads agency credits from it.
    #[serde(default)]
    pub author: String,
}

impl SaudiArticle {
    /// The extraction day as days since 1970-01-01, when the date parses.
    pub fn day(&self) -> Option<i32> {
        parse_day(&self.date_extracted)
    }
}

/// `../shared/data/saudinewsnet/dataset`.
pub fn saudinewsnet_dir(data: &Path) -> PathBuf {
    data.join("saudinewsnet").join("dataset")
}

/// The daily zips of SaudiNewsNet, sorted by name (= date).
pub fn saudinewsnet_zips(data: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let dir = saudinewsnet_dir(data);
    let mut zips: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| anyhow::anyhow!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "zip"))
        .collect();
    zips.sort();
    Ok(zips)
}

/// Reads the articles of one SaudiNewsNet daily zip, in file order.
pub fn read_saudinewsnet_zip(path: &Path) -> anyhow::Result<Vec<SaudiArticle>> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    let mut zip = zip::ZipArchive::new(std::io::BufReader::new(file))
        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i)?;
        if !entry.name().ends_with(".json") {
            continue;
        }
        let name = entry.name().to_string();
        let mut buf = String::new();
        entry
            .read_to_string(&mut buf)
            .map_err(|e| anyhow::anyhow!("{}:{name}: {e}", path.display()))?;
        let mut records: Vec<SaudiArticle> = serde_json::from_str(&buf)
            .map_err(|e| anyhow::anyhow!("{}:{name}: {e}", path.display()))?;
        out.append(&mut records);
    }
    Ok(out)
}

/// Reads all of SaudiNewsNet in date order (31,030 articles), or `None` when absent.
pub fn read_saudinewsnet(data: &Path) -> anyhow::Result<Option<Vec<SaudiArticle>>> {
    if !saudinewsnet_dir(data).is_dir() {
        return Ok(None);
    }
    let zips = saudinewsnet_zips(data)?;
    anyhow::ensure!(
        !zips.is_empty(),
        "no *.zip in {}",
        saudinewsnet_dir(data).display()
    );
    let mut all = Vec::new();
    for z in zips {
        all.extend(read_saudinewsnet_zip(&z)?);
    }
    Ok(Some(all))
}

/// Days since 1970-01-01 of a date starting `YYYY-MM-DD`.
pub fn parse_day(date: &str) -> Option<i32> {
    let d = date.get(..10)?;
    let mut it = d.split('-');
    let y: i32 = it.next()?.parse().ok()?;
    let m: u32 = it.next()?.parse().ok()?;
    let dd: u32 = it.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&dd) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i32 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + dd as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Peak resident memory of this process so far (Linux `VmHWM`), in MiB.
pub fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// A small seeded PRNG (SplitMix64) for reproducible samples.
pub struct SplitMix(pub u64);

impl SplitMix {
    /// Next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Shuffles `v` in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_since_epoch() {
        assert_eq!(parse_day("1970-01-01"), Some(0));
        assert_eq!(parse_day("2015-07-21 10:00:00"), Some(16637));
        assert_eq!(parse_day("2000-03-01"), Some(11017));
        assert_eq!(parse_day("bad"), None);
    }
}
