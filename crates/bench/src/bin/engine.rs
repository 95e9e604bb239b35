//! In-process latency of `annals_engine::Engine::search` for the benchmark queries, read
//! from the same `key=value` parameters as the HTTP API (facets and snippets on), to show
//! what the HTTP layer adds. A warm-up pass, then passes over the set until `--secs` have
//! passed or `--passes` are done. Prints one JSON object.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use annals_bench::queries::{self, Query};
use annals_bench::stats::{round3, summary};
use annals_engine::{Engine, SearchRequest};
use clap::Parser;
use serde_json::{Map, Value, json};

#[derive(Parser)]
struct Args {
    /// Index folder.
    #[arg(long)]
    index: PathBuf,
    /// Query file (`CLASS<TAB>QUERY<TAB>YEAR`).
    #[arg(long)]
    queries: PathBuf,
    /// Longest the measured passes run, seconds.
    #[arg(long, default_value_t = 10.0)]
    secs: f64,
    /// Most measured passes over the query set.
    #[arg(long, default_value_t = 5)]
    passes: usize,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    // Searches run on a spawned thread, as the server runs them on its runtime workers: with
    // glibc, the main thread allocates from the main arena, which returns freed memory to the
    // system eagerly and is measurably slower for the engine's large per-search allocations.
    let out = std::thread::spawn(move || measure(&args).map_err(|e| e.to_string()))
        .join()
        .map_err(|_| "measuring thread panicked")??;
    println!("{out}");
    Ok(())
}

fn measure(args: &Args) -> Result<Value, Box<dyn std::error::Error>> {
    let all: Vec<Query> = queries::load(&args.queries)?;
    let qs: Vec<Query> = queries::shuffled(all.len()).into_iter().map(|i| all[i].clone()).collect();
    let classes = queries::classes(&qs);
    let requests: Vec<(usize, SearchRequest)> = qs
        .iter()
        .map(|q| {
            let req = SearchRequest::from_params(q.params()).map_err(|e| format!("{}: {e}", q.q))?;
            Ok((classes.iter().position(|c| *c == q.class).unwrap_or(0), req))
        })
        .collect::<Result<_, String>>()?;

    let t = Instant::now();
    let engine = Engine::open(&args.index)?;
    let open_ms = t.elapsed().as_secs_f64() * 1e3;
    // The first search also loads the per-generation catalog.
    let t = Instant::now();
    engine.search(&requests[0].1)?;
    let first_ms = t.elapsed().as_secs_f64() * 1e3;

    let t = Instant::now();
    let mut empty = Vec::new();
    let mut hits_total = 0usize;
    for (q, (_, req)) in qs.iter().zip(&requests) {
        let r = engine.search(req)?;
        hits_total += r.total;
        if r.total == 0 {
            empty.push(format!("{}\t{}", q.class, q.q));
        }
    }
    let warmup_secs = t.elapsed().as_secs_f64();

    let deadline = Instant::now() + Duration::from_secs_f64(args.secs);
    let mut lat: Vec<(usize, f64)> = Vec::new();
    let mut passes = 0;
    'outer: while passes < args.passes.max(1) {
        for (class, req) in &requests {
            if Instant::now() >= deadline {
                break 'outer;
            }
            let t = Instant::now();
            let r = engine.search(req)?;
            lat.push((*class, t.elapsed().as_secs_f64() * 1e3));
            std::hint::black_box(r);
        }
        passes += 1;
    }
    let ms: Vec<f64> = lat.iter().map(|(_, m)| *m).collect();
    let mut per_class = Map::new();
    for (i, class) in classes.iter().enumerate() {
        let v: Vec<f64> = lat.iter().filter(|(c, _)| *c == i).map(|(_, m)| *m).collect();
        per_class.insert(class.clone(), summary(&v));
    }
    let out = json!({
        "documents": engine.num_docs(),
        "open_ms": round3(open_ms),
        "first_search_ms": round3(first_ms),
        "warmup_secs": round3(warmup_secs),
        "passes": passes,
        "latency_ms": summary(&ms),
        "classes": Value::Object(per_class),
        "mean_total": hits_total / requests.len().max(1),
        "empty_queries": empty,
    });
    Ok(out)
}
