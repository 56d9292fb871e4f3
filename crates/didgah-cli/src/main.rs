//! `didgah`: the command-line face of the rules engine and the server.
//!
//! Exit codes: 0 success, 1 the comment broke a blocking rule (`check`), 2 bad input.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod check;
mod eval;
mod input;

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
    /// Run the queue server: public API, moderator dashboard, demo page.
    Serve(didgah_server::cli::ServeArgs),
    /// Create, disable, enable and list moderator accounts.
    Moderator(didgah_server::cli::ModeratorArgs),
    /// Create, change and list the sites this server hosts.
    Site(didgah_server::cli::SiteArgs),
    /// Import a site's articles.
    Article(didgah_server::cli::ArticleArgs),
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Check(args) => check::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Serve(args) => didgah_server::cli::serve(args),
        Command::Moderator(args) => didgah_server::cli::moderator(args),
        Command::Site(args) => didgah_server::cli::site(args),
        Command::Article(args) => didgah_server::cli::article(args),
    }
}
