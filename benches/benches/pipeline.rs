//! Criterion benchmarks of segmentation and similarity scoring.
use criterion::{Criterion, criterion_group, criterion_main};

fn bench(c: &mut Criterion) {
    let text = include_str!("../../crates/segment/src/lib.rs");
    c.bench_function("segment", |b| b.iter(|| isnad_segment::segment(text)));
}

criterion_group!(benches, bench);
criterion_main!(benches);
