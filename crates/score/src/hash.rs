//! Stable hashing of tokens.
//!
//! xxh3 with a fixed seed: the same token hashes to the same value on every
//! machine and run, so candidate keys and outputs are reproducible (unlike
//! `ahash`/`RandomState`).

use xxhash_rust::xxh3::xxh3_64_with_seed;

/// Seed of every token hash in the crate.
pub const TOKEN_SEED: u64 = 0x6973_6e61_645f_7331; // "isnad_s1"

/// Stable 64-bit hash of a token (a match-key token, stem or skeleton).
pub fn h64(s: &str) -> u64 {
    xxh3_64_with_seed(s.as_bytes(), TOKEN_SEED)
}
