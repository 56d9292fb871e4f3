//! One full check (all three rules, every field) of Persian comments of 200, 1,000 and 10,000
//! characters, natively (`cargo bench -p didgah-rules --bench check`). `benches/browser.rs` measures the
//! same inputs compiled to wasm in headless Chromium.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use didgah_rules::{Checker, Policy};
use std::hint::black_box;

mod common;

fn bench(c: &mut Criterion) {
    let article = common::article();
    let checker = Checker::new(&Policy::default(), &article).expect("default policy is valid");
    let mut group = c.benchmark_group("check");
    for chars in [200, 1_000, 10_000] {
        let input = common::comment(chars);
        group.throughput(Throughput::Elements(chars as u64));
        group.bench_with_input(BenchmarkId::from_parameter(chars), &input, |b, input| {
            b.iter(|| checker.check(black_box(input)))
        });
    }
    group.finish();
    c.bench_function("checker_new", |b| {
        b.iter(|| Checker::new(&Policy::default(), black_box(&article)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
