//! Which full features the matcher holds between scoring blocks.
//!
//! The matcher scores key groups block by block and computes a group's full
//! features just before the first block that needs them. A group needed
//! again later is *held* until then, within a byte budget; over it, the
//! groups needed farthest ahead are dropped first (Belady's rule: every
//! future use is known in advance) and computed again when their block
//! comes.
//!
//! Held groups are kept in buckets by the block that needs them next, so
//! holding is O(1) and eviction pops from the farthest bucket. The first
//! version sorted every held group by next use after each block: on 62,000
//! articles (about 150 blocks, 100,000+ held groups) that serial sort ran
//! after every block and cost more than the features it saved. Entries go
//! stale when a group is held again or released; they are recognised by the
//! next use recorded with the group's current count and skipped.

/// Held items (key groups) and the bytes they count against the budget.
pub(crate) struct Held {
    bytes: usize,
    /// Bytes counted for each item (0: not held).
    counted: Vec<u32>,
    /// The block that needs each held item next (valid when `counted > 0`).
    next: Vec<u32>,
    /// Items by the block that needs them next; may hold stale entries.
    by_next_use: Vec<Vec<u32>>,
}

impl Held {
    /// Nothing held, for `items` items and `blocks` blocks.
    pub(crate) fn new(items: usize, blocks: usize) -> Self {
        Held {
            bytes: 0,
            counted: vec![0; items],
            next: vec![0; items],
            by_next_use: vec![Vec::new(); blocks],
        }
    }

    /// Bytes of all held items.
    #[cfg(test)]
    pub(crate) fn bytes(&self) -> usize {
        self.bytes
    }

    /// Holds `item`, of `bytes` bytes, until block `next_use` (replacing any
    /// earlier hold of it).
    pub(crate) fn hold(&mut self, item: u32, next_use: u32, bytes: usize) {
        self.release(item);
        // Counted as at least 1 byte, so a held item is always recognised.
        let b = u32::try_from(bytes).unwrap_or(u32::MAX).max(1);
        self.counted[item as usize] = b;
        self.next[item as usize] = next_use;
        self.bytes += b as usize;
        self.by_next_use[next_use as usize].push(item);
    }

    /// Stops counting `item` (its features were dropped, or are kept for
    /// another reason and must not be evicted).
    pub(crate) fn release(&mut self, item: u32) {
        let c = std::mem::take(&mut self.counted[item as usize]);
        self.bytes -= c as usize;
    }

    /// Releases the items needed farthest ahead until at most `budget`
    /// bytes are held, calling `evict` for each (in eviction order).
    pub(crate) fn evict_over(&mut self, budget: usize, mut evict: impl FnMut(u32)) {
        let mut block = self.by_next_use.len();
        while self.bytes > budget && block > 0 {
            block -= 1;
            while self.bytes > budget {
                let Some(item) = self.by_next_use[block].pop() else {
                    break;
                };
                let i = item as usize;
                if self.counted[i] > 0 && self.next[i] as usize == block {
                    self.release(item);
                    evict(item);
                }
            }
        }
    }

    /// Forgets the entries of `block` once it is done: every item it
    /// needed has been held again for a later block, or released.
    pub(crate) fn finish_block(&mut self, block: usize) {
        self.by_next_use[block] = Vec::new();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evicts_the_items_needed_farthest_ahead_first() {
        let mut held = Held::new(5, 10);
        held.hold(0, 3, 100);
        held.hold(1, 9, 100);
        held.hold(2, 5, 100);
        held.hold(3, 7, 100);
        let mut evicted = Vec::new();
        held.evict_over(250, |i| evicted.push(i));
        assert_eq!(evicted, [1, 3]);
        assert_eq!(held.bytes(), 200);
    }

    #[test]
    fn a_held_again_or_released_item_is_not_evicted_for_its_old_use() {
        let mut held = Held::new(3, 10);
        held.hold(0, 9, 100);
        held.hold(1, 8, 100);
        // Item 0 used, then held again for an earlier block; item 1 released.
        held.hold(0, 2, 100);
        held.release(1);
        held.hold(2, 6, 100);
        assert_eq!(held.bytes(), 200);
        let mut evicted = Vec::new();
        held.evict_over(100, |i| evicted.push(i));
        assert_eq!(evicted, [2]);
        assert_eq!(held.bytes(), 100);
        held.evict_over(0, |i| evicted.push(i));
        assert_eq!(evicted, [2, 0]);
        assert_eq!(held.bytes(), 0);
    }

    #[test]
    fn nothing_is_evicted_within_the_budget() {
        let mut held = Held::new(2, 4);
        held.hold(0, 1, 10);
        held.hold(1, 3, 10);
        held.finish_block(0);
        let mut evicted = Vec::new();
        held.evict_over(20, |i| evicted.push(i));
        assert!(evicted.is_empty());
    }
}
