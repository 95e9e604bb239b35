//! One module per subcommand; each `run` returns the exit code.

mod events;
mod extract;
mod index;
mod inspect;
mod people;
mod search;
mod serve;

use std::io::IsTerminal;
use std::process::ExitCode;

use crate::args::{Cli, Command};

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    init_logging(cli.verbose, matches!(cli.command, Command::Index(_) | Command::Serve(_)));
    match cli.command {
        Command::Index(args) => index::run(args),
        Command::Search(args) => search::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Extract(_) => extract::run(),
        Command::Inspect(args) => inspect::run(args),
        Command::People(args) => people::list(args),
        Command::Person(args) => people::show(args),
        Command::Events(args) => events::run(args),
    }
}

/// Logs go to stderr, coloured only on a terminal. `index` and `serve` (`info`) tell what they
/// are doing; the other commands log only warnings, so that `annals search` prints its answer
/// and nothing else. `-v` for debug, `-vv` for trace; `RUST_LOG` overrides.
fn init_logging(verbose: u8, info: bool) {
    let default = match verbose {
        0 if info => "warn,annals=info",
        0 => "warn",
        1 => "debug",
        _ => "trace",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_target(false)
        .init();
}
