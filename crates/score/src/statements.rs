//! Grouping matches into statements.
//!
//! A statement is what a reader follows across outlets: the units that carry
//! one claim. Plain connected components over the match graph over-merge: a
//! long sentence that partly repeats claim X and partly claim Y links every
//! copy of X to every copy of Y, and one hub can chain a whole day of news
//! into one "statement".
//!
//! Grouping here is greedy average linkage on the match graph. Matches are
//! taken strongest first (score, then indices); two groups merge only when
//! at least [`LINKAGE`] of the unit pairs *between* them that could match at
//! all (units of different sources, unless same-source matches were asked
//! for) actually are matches. A hub that matches one unit of each of two
//! unrelated statements supplies far fewer than that share, so the two stay
//! apart; a real wire statement copied by many outlets is a near-clique and
//! merges completely. The process is sequential and ordered, so the result
//! does not depend on thread count.

use crate::{Match, MatchSet, UnitRef};
use serde::{Deserialize, Serialize};

/// Share of comparable unit pairs between two groups that must be matches
/// for the groups to merge. Above one half, so a single hub unit matching
/// one member of each of two otherwise unrelated groups cannot join them.
pub const LINKAGE: f64 = 0.6;

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

/// Groups unit-level matches (as from [`crate::find_matches`]) into statements,
/// sorted by their first unit index.
pub fn group_statements(units: &[UnitRef<'_>], matches: &[Match]) -> Vec<Statement> {
    let same_source = matches
        .iter()
        .any(|m| units[m.a].source == units[m.b].source);
    let mut nodes_of_unit = vec![u32::MAX; units.len()];
    let mut nodes: Vec<Vec<usize>> = Vec::new();
    let mut touched: Vec<usize> = matches.iter().flat_map(|m| [m.a, m.b]).collect();
    touched.sort_unstable();
    touched.dedup();
    for u in touched {
        nodes_of_unit[u] = nodes.len() as u32;
        nodes.push(vec![u]);
    }
    let edges: Vec<Edge> = matches
        .iter()
        .map(|m| Edge {
            a: nodes_of_unit[m.a],
            b: nodes_of_unit[m.b],
            score: m.score,
        })
        .collect();
    link(units, nodes, &[], edges, same_source)
}

/// Groups a compact [`MatchSet`] (from [`crate::find_match_set`]) into statements.
///
/// Each key group is one node (its copies count as matched with each other),
/// and a match between representatives stands for all unit pairs of the two
/// groups. Gives the same kind of statements as [`group_statements`] on the
/// expanded matches, in time linear in the compact set.
pub fn group_match_set(units: &[UnitRef<'_>], set: &MatchSet) -> Vec<Statement> {
    let same_source = set
        .matches
        .iter()
        .any(|m| units[m.a].source == units[m.b].source);
    let mut used: Vec<u32> = set
        .matches
        .iter()
        .flat_map(|m| [set.group[m.a], set.group[m.b]])
        .chain(set.copies.iter().copied())
        .collect();
    used.sort_unstable();
    used.dedup();
    let mut node_of_group = vec![u32::MAX; set.members.len()];
    let mut nodes = Vec::with_capacity(used.len());
    for &g in &used {
        node_of_group[g as usize] = nodes.len() as u32;
        nodes.push(set.members[g as usize].clone());
    }
    let copies: Vec<u32> = set
        .copies
        .iter()
        .map(|&g| node_of_group[g as usize])
        .collect();
    let edges = set
        .matches
        .iter()
        .map(|m| Edge {
            a: node_of_group[set.group[m.a] as usize],
            b: node_of_group[set.group[m.b] as usize],
            score: m.score,
        })
        .collect();
    link(units, nodes, &copies, edges, same_source)
}

#[derive(Debug, Clone, Copy)]
struct Edge {
    a: u32,
    b: u32,
    score: f32,
}

/// Per-source unit counts of a group, sorted by source.
type SourceCounts = Vec<(u32, u64)>;

fn source_counts(units: &[UnitRef<'_>], members: &[usize]) -> SourceCounts {
    let mut s: Vec<u32> = members.iter().map(|&u| units[u].source).collect();
    s.sort_unstable();
    let mut out: SourceCounts = Vec::new();
    for x in s {
        match out.last_mut() {
            Some((src, n)) if *src == x => *n += 1,
            _ => out.push((x, 1)),
        }
    }
    out
}

/// Unit pairs between two groups that could match: all pairs, minus same-source pairs.
fn comparable(a: &SourceCounts, b: &SourceCounts, same_source: bool) -> u64 {
    let na: u64 = a.iter().map(|x| x.1).sum();
    let nb: u64 = b.iter().map(|x| x.1).sum();
    if same_source {
        return na * nb;
    }
    let (mut i, mut j, mut same) = (0, 0, 0u64);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                same += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    na * nb - same
}

fn merge_counts(a: &SourceCounts, b: &SourceCounts) -> SourceCounts {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if j == b.len() || (i < a.len() && a[i].0 < b[j].0) {
            out.push(a[i]);
            i += 1;
        } else if i == a.len() || b[j].0 < a[i].0 {
            out.push(b[j]);
            j += 1;
        } else {
            out.push((a[i].0, a[i].1 + b[j].1));
            i += 1;
            j += 1;
        }
    }
    out
}

/// Average-linkage grouping of weighted nodes (each a set of units).
fn link(
    units: &[UnitRef<'_>],
    nodes: Vec<Vec<usize>>,
    copies: &[u32],
    mut edges: Vec<Edge>,
    same_source: bool,
) -> Vec<Statement> {
    let n = nodes.len();
    let node_counts: Vec<SourceCounts> = nodes.iter().map(|m| source_counts(units, m)).collect();
    // Drop self-loops and merge parallel edges (keep the best score).
    edges.retain(|e| e.a != e.b);
    for e in &mut edges {
        if e.a > e.b {
            std::mem::swap(&mut e.a, &mut e.b);
        }
    }
    edges.sort_unstable_by(|x, y| {
        (x.a, x.b)
            .cmp(&(y.a, y.b))
            .then(y.score.total_cmp(&x.score))
    });
    edges.dedup_by_key(|e| (e.a, e.b));
    // Weight of an edge: the comparable unit pairs it stands for.
    let weight = |e: &Edge| {
        comparable(
            &node_counts[e.a as usize],
            &node_counts[e.b as usize],
            same_source,
        )
    };
    // Adjacency (CSR) with weights.
    let mut deg = vec![0u32; n + 1];
    for e in &edges {
        deg[e.a as usize + 1] += 1;
        deg[e.b as usize + 1] += 1;
    }
    for i in 0..n {
        deg[i + 1] += deg[i];
    }
    let mut fill = deg.clone();
    let mut adj = vec![(0u32, 0u64); deg[n] as usize];
    for e in &edges {
        let w = weight(e);
        for (x, y) in [(e.a, e.b), (e.b, e.a)] {
            adj[fill[x as usize] as usize] = (y, w);
            fill[x as usize] += 1;
        }
    }
    // Clusters: each starts as one node.
    let mut cluster: Vec<u32> = (0..n as u32).collect();
    let mut cl_nodes: Vec<Vec<u32>> = (0..n as u32).map(|i| vec![i]).collect();
    let mut cl_counts: Vec<SourceCounts> = node_counts.clone();
    let mut is_copy = vec![false; n];
    for &c in copies {
        is_copy[c as usize] = true;
    }
    // Strongest first; ties by node ids.
    edges.sort_unstable_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    for e in &edges {
        let (ca, cb) = (cluster[e.a as usize], cluster[e.b as usize]);
        if ca == cb {
            continue;
        }
        let (small, big) = if cl_nodes[ca as usize].len() <= cl_nodes[cb as usize].len() {
            (ca, cb)
        } else {
            (cb, ca)
        };
        let mut matched = 0u64;
        for &x in &cl_nodes[small as usize] {
            let x = x as usize;
            for &(y, w) in &adj[deg[x] as usize..deg[x + 1] as usize] {
                if cluster[y as usize] == big {
                    matched += w;
                }
            }
        }
        let possible = comparable(
            &cl_counts[small as usize],
            &cl_counts[big as usize],
            same_source,
        );
        if (matched as f64) < LINKAGE * possible as f64 {
            continue;
        }
        let moved = std::mem::take(&mut cl_nodes[small as usize]);
        for &x in &moved {
            cluster[x as usize] = big;
        }
        cl_nodes[big as usize].extend(moved);
        let merged = merge_counts(&cl_counts[small as usize], &cl_counts[big as usize]);
        cl_counts[big as usize] = merged;
        cl_counts[small as usize].clear();
    }
    let mut out: Vec<Statement> = cl_nodes
        .iter()
        .filter(|c| !c.is_empty())
        .filter_map(|c| {
            let mut us: Vec<usize> = c
                .iter()
                .flat_map(|&x| nodes[x as usize].iter().copied())
                .collect();
            // A lone node is a statement only when it holds accepted copies.
            if c.len() == 1 && !is_copy[c[0] as usize] {
                return None;
            }
            if us.len() < 2 {
                return None;
            }
            us.sort_unstable();
            us.dedup();
            Some(statement(units, us))
        })
        .collect();
    out.sort_unstable_by_key(|s| s.units[0]);
    out
}

fn statement(units: &[UnitRef<'_>], us: Vec<usize>) -> Statement {
    let mut sources: Vec<u32> = us.iter().map(|&u| units[u].source).collect();
    sources.sort_unstable();
    sources.dedup();
    let first = us
        .iter()
        .copied()
        .filter(|&u| units[u].day.is_some())
        .min_by_key(|&u| (units[u].day, u));
    Statement {
        units: us,
        sources,
        first,
    }
}
