//! The engine's speed where it matters most: one full check of a comment, compiled to wasm and run
//! in headless Chromium, for 200-, 1,000- and 10,000-character comments (the inputs of the native
//! bench). Run it with `scripts/bench.sh browser`, which sets the runner and ChromeDriver;
//! natively this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use didgah_rules::{Checker, Policy};
use wasm_bindgen_test::{Criterion, wasm_bindgen_bench, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

mod common;

/// One benchmark per size, each short: the page's main thread is busy while it runs, and the test
/// runner's WebDriver gives up on a page that does not answer for 20 s.
fn full_check(c: &mut Criterion, chars: usize) {
    let mut c = std::mem::take(c)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .nresamples(10_000);
    let checker = Checker::new(&Policy::default(), &common::article()).expect("default policy");
    let comment = common::comment(chars);
    c.bench_function(&format!("check {chars} chars"), |b| {
        b.iter(|| checker.check(&comment))
    });
}

#[wasm_bindgen_bench]
fn check_200(c: &mut Criterion) {
    full_check(c, 200);
}

#[wasm_bindgen_bench]
fn check_1000(c: &mut Criterion) {
    full_check(c, 1_000);
}

#[wasm_bindgen_bench]
fn check_10000(c: &mut Criterion) {
    full_check(c, 10_000);
}
