//! The named score components of a match, stored compactly.
//!
//! Every match carries the scorer's explanation: a dozen named values
//! (`score`, `cover_a`, `char4_dice`, …). A corpus run keeps hundreds of
//! thousands of matches in memory, and as `(String, f32)` pairs the names
//! alone were about a third of a SaudiNewsNet run's peak memory: a dozen heap
//! strings per match, repeated for every unit pair of two matched key groups.
//!
//! [`Components`] stores the names the scorer uses as `&'static str` (any
//! other name is kept as an owned string, so nothing is lost), sorted by name
//! as a `BTreeMap` would list them, behind an `Arc`: the unit pairs expanded
//! from one scored pair of distinct texts share one allocation. It
//! serializes as a JSON object in name order, exactly like the
//! `BTreeMap<String, f32>` it replaces.

use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Names the scorer gives its components (see `pair.rs`), stored without
/// allocation. A name missing here still works; it just costs a string.
const KNOWN: &[&str] = &[
    "aligned_a",
    "aligned_b",
    "aligned_tokens",
    "char4_dice",
    "cover_a",
    "cover_b",
    "date_conflict",
    "equal_match_keys",
    "negation_conflict",
    "number_conflict",
    "passage_density",
    "passage_mass",
    "passage_match",
    "passage_tokens",
    "peak_unmatched_a",
    "peak_unmatched_b",
    "score",
    "soft_overlap",
];

/// One named value.
type Named = (Cow<'static, str>, f32);

/// Named score components, sorted by name (cheap to clone: shared).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Components(Option<Arc<[Named]>>);

fn name(n: String) -> Cow<'static, str> {
    match KNOWN.binary_search(&n.as_str()) {
        Ok(i) => Cow::Borrowed(KNOWN[i]),
        Err(_) => Cow::Owned(n),
    }
}

impl Components {
    /// The components of `pairs`, sorted by name; of repeated names the last
    /// value is kept (as when collecting into a map).
    pub fn new(pairs: impl IntoIterator<Item = (String, f32)>) -> Self {
        let mut v: Vec<Named> = pairs.into_iter().map(|(n, x)| (name(n), x)).collect();
        if v.is_empty() {
            return Components(None);
        }
        // Stable sort, then keep the last of equal names.
        v.sort_by(|a, b| a.0.cmp(&b.0));
        let mut out: Vec<Named> = Vec::with_capacity(v.len());
        for (n, x) in v {
            match out.last_mut() {
                Some(last) if last.0 == n => last.1 = x,
                _ => out.push((n, x)),
            }
        }
        Components(Some(out.into()))
    }

    /// The components, in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, f32)> {
        self.0
            .iter()
            .flat_map(|v| v.iter().map(|(n, x)| (&**n, *x)))
    }

    /// The value of component `name`, if present.
    pub fn get(&self, name: &str) -> Option<f32> {
        let v = self.0.as_deref()?;
        v.binary_search_by(|(n, _)| (**n).cmp(name))
            .ok()
            .map(|i| v[i].1)
    }

    /// Number of components.
    pub fn len(&self) -> usize {
        self.0.as_deref().map_or(0, <[_]>::len)
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl FromIterator<(String, f32)> for Components {
    fn from_iter<I: IntoIterator<Item = (String, f32)>>(iter: I) -> Self {
        Components::new(iter)
    }
}

impl Serialize for Components {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.len()))?;
        for (n, x) in self.iter() {
            map.serialize_entry(n, &x)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Components {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map = BTreeMap::<String, f32>::deserialize(d)?;
        Ok(Components::new(map))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_names_are_sorted_for_binary_search() {
        assert!(KNOWN.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn serializes_like_a_btreemap() {
        let pairs = vec![
            ("score".to_string(), 0.5f32),
            ("cover_a".to_string(), 0.25),
            ("some_new_signal".to_string(), 1.0),
            ("char4_dice".to_string(), 0.75),
        ];
        let c = Components::new(pairs.clone());
        let m: BTreeMap<String, f32> = pairs.into_iter().collect();
        assert_eq!(
            serde_json::to_string(&c).unwrap(),
            serde_json::to_string(&m).unwrap()
        );
        assert_eq!(c.get("cover_a"), Some(0.25));
        assert_eq!(c.get("some_new_signal"), Some(1.0));
        assert_eq!(c.get("missing"), None);
        assert_eq!(c.len(), 4);
        let back: Components = serde_json::from_str(&serde_json::to_string(&c).unwrap()).unwrap();
        assert_eq!(back, c);
    }

    #[test]
    fn last_of_repeated_names_wins_and_empty_is_empty() {
        let c = Components::new(vec![("score".into(), 0.1), ("score".into(), 0.2)]);
        assert_eq!(c.iter().collect::<Vec<_>>(), [("score", 0.2)]);
        assert!(Components::new(Vec::new()).is_empty());
        assert_eq!(serde_json::to_string(&Components::default()).unwrap(), "{}");
    }
}
