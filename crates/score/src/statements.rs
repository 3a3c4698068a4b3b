//! Grouping matches into statements.

use crate::Match;
use serde::{Deserialize, Serialize};

/// A statement: units from several outlets that carry the same claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// Unit indices, ascending.
    pub units: Vec<usize>,
}

/// Groups matches into statements (first cut: connected components).
pub fn group_statements(unit_count: usize, matches: &[Match]) -> Vec<Statement> {
    let mut parent: Vec<usize> = (0..unit_count).collect();
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
            Statement { units: v }
        })
        .collect()
}
