//! One module per subcommand; each `run` returns the exit code.

mod events;
mod extract;
mod index;
mod inspect;
mod people;
mod search;
mod serve;

use std::process::ExitCode;

use crate::args::{Cli, Command};

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Index(args) => index::run(args),
        Command::Search(args) => search::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Inspect(args) => inspect::run(args),
        Command::People(args) => people::list(args),
        Command::Person(args) => people::show(args),
        Command::Events(args) => events::run(args),
    }
}

/// Logs go to stderr; `-v` for debug, `-vv` for trace, `RUST_LOG` overrides.
pub fn init_logging(verbose: u8) {
    let default = match verbose {
        0 => "warn,annals=info,annals_server=info,annals_index=info",
        1 => "debug",
        _ => "trace",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_target(false).init();
}
