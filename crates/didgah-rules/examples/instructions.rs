//! Runs the benchmarks' check (same comment and article as `benches/common`) a given number of
//! times, for `valgrind --tool=callgrind` to count instructions: the count is repeatable whatever
//! else the machine is doing, where wall-clock time on a shared 2-core machine is not.
//! Instructions per check = (count at N runs − count at 0 runs) / N; `scripts/bench.sh
//! instructions` does the arithmetic.
//!
//! Usage: `instructions CHARS RUNS` (one check of a CHARS-character comment, RUNS times) or
//! `instructions new RUNS` (`Checker::new` for the article, RUNS times).

use std::hint::black_box;
use std::process::ExitCode;

use didgah_rules::{Checker, Policy};

#[path = "../benches/common/mod.rs"]
mod common;

const USAGE: &str = "usage: instructions CHARS|new RUNS   (e.g. `instructions 1000 10`)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (what, runs) = match args.as_slice() {
        [what, runs] => match runs.parse::<usize>() {
            Ok(runs) => (what.as_str(), runs),
            Err(_) => {
                eprintln!("RUNS must be a whole number, not {runs:?}\n{USAGE}");
                return ExitCode::from(2);
            }
        },
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let article = common::article();
    let policy = Policy::default();
    let checker = match Checker::new(&policy, &article) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("the default policy was refused: {e}");
            return ExitCode::FAILURE;
        }
    };
    if what == "new" {
        for _ in 0..runs {
            let _ = black_box(Checker::new(black_box(&policy), black_box(&article)));
        }
        return ExitCode::SUCCESS;
    }
    let Ok(chars) = what.parse::<usize>() else {
        eprintln!("CHARS must be a whole number or `new`, not {what:?}\n{USAGE}");
        return ExitCode::from(2);
    };
    let comment = common::comment(chars);
    // The word data is built on first use: outside the counted difference either way.
    black_box(checker.check(&common::comment(50)));
    for _ in 0..runs {
        black_box(checker.check(black_box(&comment)));
    }
    ExitCode::SUCCESS
}
