//! Benchmark support (inputs are loaded by the bench targets).
