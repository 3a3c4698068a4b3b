//! Candidate pairs without comparing all pairs.
