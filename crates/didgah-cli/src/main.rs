//! `didgah`: the command-line face of the rules engine and the server.
//!
//! Exit codes: 0 success, 1 the comment broke a blocking rule (`check`), 2 bad input.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod check;
mod eval;

#[derive(Debug, Parser)]
#[command(
    name = "didgah",
    version,
    about = "Persian comment moderation: rules engine, queue server and tools"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check one comment against an article and a policy.
    Check(check::Args),
    /// Run a labelled set of comments and print per-rule metrics.
    Eval(eval::Args),
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Check(args) => check::run(args),
        Command::Eval(args) => eval::run(args),
    }
}
