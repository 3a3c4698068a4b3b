//! The `isnad` command line.
fn main() {}
