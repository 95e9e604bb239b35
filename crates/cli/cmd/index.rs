//! `annals index`: one indexing run, with a progress bar on a terminal.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use annals_index::{IngestOptions, Progress, Report};
use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};

use crate::args::IndexArgs;

struct Bar(ProgressBar);

impl Progress for Bar {
    fn start(&self, total: usize) {
        self.0.set_length(total as u64);
    }
    fn advance(&self, n: usize) {
        self.0.inc(n as u64);
    }
}

pub fn run(args: IndexArgs) -> anyhow::Result<ExitCode> {
    let opts = IngestOptions {
        content: args.content.clone(),
        index: args.index.clone(),
        full: args.full,
        threads: args.threads,
    };
    let report = if std::io::stderr().is_terminal() && !args.json {
        let bar = ProgressBar::new(0).with_style(
            ProgressStyle::with_template("{spinner} indexing {pos}/{len} files [{bar:30}] {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        let report = annals_index::ingest(&opts, &Bar(bar.clone()));
        bar.finish_and_clear();
        report
    } else {
        annals_index::ingest(&opts, &annals_index::Quiet)
    }
    .with_context(|| format!("indexing {} into {}", args.content.display(), args.index.display()))?;

    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string(&report)?)?;
    } else {
        print_report(&mut out, &report)?;
    }
    Ok(if args.strict && !report.errors.is_empty() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// `path:line: message`, or `path: message` without a line.
fn located(path: &str, line: Option<usize>, message: &str) -> String {
    match line {
        Some(line) => format!("{path}:{line}: {message}"),
        None => format!("{path}: {message}"),
    }
}

fn print_report(out: &mut impl Write, r: &Report) -> std::io::Result<()> {
    for e in &r.errors {
        eprintln!("error: {}", located(&e.path, e.line, &e.message));
    }
    for w in &r.warnings {
        eprintln!("warning: {}", located(&w.path, w.line, &w.message));
    }
    writeln!(
        out,
        "{} indexed, {} unchanged, {} removed, {} skipped, {} errors, {} warnings; {} documents from {} site(s) in {:.2}s",
        r.indexed,
        r.unchanged,
        r.removed,
        r.skipped.len(),
        r.errors.len(),
        r.warnings.len(),
        r.documents,
        r.sites,
        r.took.as_secs_f64()
    )?;
    let mut reasons: std::collections::BTreeMap<String, usize> = Default::default();
    for s in &r.skipped {
        // Group by the reason's first word (`duplicate`, `unpublished`, `publish_date`, ...).
        let kind = s.reason.split([' ', ':', '(']).next().unwrap_or(&s.reason).to_owned();
        *reasons.entry(kind).or_default() += 1;
    }
    for (reason, n) in reasons {
        writeln!(out, "  skipped {n:>5}  {reason}")?;
    }
    Ok(())
}
