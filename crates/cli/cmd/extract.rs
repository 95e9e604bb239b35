//! `annals extract --jsonl`: the evaluation contract of the extractor.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;

/// Runs the extractor over stdin (`--jsonl`, the only format, is required by the arguments).
pub fn run() -> anyhow::Result<ExitCode> {
    let stdin = std::io::stdin().lock();
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    annals_extract::jsonl::run(stdin, &mut stdout).context("extracting from stdin")?;
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}
