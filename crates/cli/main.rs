//! `annals`: index a Grav news archive, search it, serve it.
//!
//! The binary is thin: [`args`] says what can be asked, `cmd/` does each command with the
//! library crates, and `main` prints the error chain once and picks the exit code.

#![allow(clippy::print_stdout, clippy::print_stderr)]

mod alloc;
mod args;
mod cmd;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // (on Linux the allocator is configured before `main`, see `alloc`)
    #[cfg(not(target_os = "linux"))]
    alloc::configure();
    // A panic is a bug; the indexer reports the page it happened on and goes on, so one
    // line is enough here (RUST_BACKTRACE=1 still gives the trace).
    if std::env::var_os("RUST_BACKTRACE").is_none_or(|v| v == "0") {
        std::panic::set_hook(Box::new(|info| eprintln!("annals: internal error: {info}")));
    }
    let cli = args::Cli::parse();
    match cmd::run(cli) {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`annals search ... | head`) is not a failure.
            if let Some(io) = err.downcast_ref::<std::io::Error>()
                && io.kind() == std::io::ErrorKind::BrokenPipe
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}
