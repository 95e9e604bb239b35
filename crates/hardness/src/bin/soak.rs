//! `soak`: a bounded load and soak run of `annals serve` on loopback, with `annals index`
//! changing the same index meanwhile. Prints the figures; exits 1 when any request got a 5xx
//! or no answer, an indexer run failed, or the server died.
//!
//! ```text
//! soak [--secs N] [--clients 2,32] [--posts N] [--queries FILE] [--seed N] [--json FILE]
//! ```
//! `--secs` is the length of each phase (default 30: 60 s for the two phases).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use annals_hardness::{process, soak};

fn main() -> ExitCode {
    let mut secs = 30u64;
    let mut clients = vec![2usize, 32];
    let mut posts = 400usize;
    let mut queries_file: Option<PathBuf> = None;
    let mut seed = annals_hardness::rng::seed_from_env("SOAK_SEED");
    let mut json: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_default();
        match a.as_str() {
            "--secs" => secs = value().parse().unwrap_or(secs),
            "--clients" => clients = value().split(',').filter_map(|c| c.trim().parse().ok()).collect(),
            "--posts" => posts = value().parse().unwrap_or(posts),
            "--queries" => queries_file = Some(value().into()),
            "--seed" => seed = value().parse().unwrap_or(seed),
            "--json" => json = Some(value().into()),
            "-h" | "--help" => {
                println!(
                    "soak [--secs N] [--clients 2,32] [--posts N] [--queries FILE] [--seed N] [--json FILE]"
                );
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!("soak: unknown argument {other:?}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(bin) = process::annals_bin() else {
        eprintln!(
            "soak: no `annals` binary next to this program; run `cargo build --release` first or set ANNALS_BIN"
        );
        return ExitCode::from(2);
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let queries_file = queries_file.unwrap_or_else(|| root.join("../shared/bench/queries.txt"));
    let mut queries = soak::read_queries(&queries_file).unwrap_or_else(|e| {
        eprintln!("soak: {}: {e}; using the built-in queries only", queries_file.display());
        Vec::new()
    });
    queries.extend(annals_hardness::corpus::QUERIES.iter().map(|q| (q.to_string(), String::new())));
    let cfg = soak::SoakConfig {
        bin: bin.clone(),
        phases: clients.iter().map(|&c| (c, Duration::from_secs(secs))).collect(),
        posts,
        queries,
        hostile_share: 0.15,
        indexer: true,
        seed,
        serve_args: Vec::new(),
        workdir: None,
        verbose: true,
    };
    eprintln!(
        "soak: {} with {} posts, phases {:?} x {secs}s, {} queries, seed {seed}",
        bin.display(),
        posts,
        clients,
        cfg.queries.len()
    );
    let report = match soak::run(&cfg) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("soak: could not run: {e}");
            return ExitCode::from(2);
        }
    };
    print!("{}", report.text());
    if let Some(path) = json {
        let text = serde_json::to_string_pretty(&report.json()).unwrap_or_default();
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("soak: {}: {e}", path.display());
        }
    }
    if report.passed() {
        println!("soak: PASSED");
        ExitCode::SUCCESS
    } else {
        println!("soak: FAILED");
        ExitCode::FAILURE
    }
}
