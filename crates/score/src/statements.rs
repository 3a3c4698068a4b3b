//! Grouping matches into statements.

use crate::{Match, UnitRef};
use serde::{Deserialize, Serialize};

/// A statement: units from several outlets that carry the same claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// Unit indices (into the slice given to [`group_statements`]), ascending.
    pub units: Vec<usize>,
    /// The distinct sources of those units, ascending.
    pub sources: Vec<u32>,
    /// The earliest dated unit (ties broken by the smaller index); `None` when no unit has a day.
    pub first: Option<usize>,
}

/// Groups matches into statements (first cut: connected components).
pub fn group_statements(units: &[UnitRef<'_>], matches: &[Match]) -> Vec<Statement> {
    let mut parent: Vec<usize> = (0..units.len()).collect();
    fn find(p: &mut [usize], x: usize) -> usize {
        let mut r = x;
        while p[r] != r {
            r = p[r];
        }
        p[x] = r;
        r
    }
    for m in matches {
        let (ra, rb) = (find(&mut parent, m.a), find(&mut parent, m.b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for m in matches {
        for u in [m.a, m.b] {
            let r = find(&mut parent, u);
            groups.entry(r).or_default().push(u);
        }
    }
    groups
        .into_values()
        .map(|mut v| {
            v.sort_unstable();
            v.dedup();
            let mut sources: Vec<u32> = v.iter().map(|&u| units[u].source).collect();
            sources.sort_unstable();
            sources.dedup();
            let first = v
                .iter()
                .copied()
                .filter(|&u| units[u].day.is_some())
                .min_by_key(|&u| (units[u].day, u));
            Statement {
                units: v,
                sources,
                first,
            }
        })
        .collect()
}
