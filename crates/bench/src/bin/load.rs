//! Bounded HTTP load on `/api/search` over loopback: `--clients` threads, each with one
//! kept-alive connection, cycle through the query set until `--secs` have passed or
//! `--max-requests` were sent, whichever comes first. `--extra` appends fixed parameters to
//! every request (the search widget's `facets=false&per_page=6`). Prints one JSON object:
//! requests, errors (anything but a 200, and I/O failures), throughput, latency percentiles
//! overall and per query class, and from the warm-up pass, how many queries found nothing and
//! the mean `total` of the answers.

use std::net::{SocketAddr, ToSocketAddrs};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use annals_bench::http::Client;
use annals_bench::queries::{self, Query};
use annals_bench::stats::{round3, summary};
use clap::Parser;
use serde_json::{Map, Value, json};

#[derive(Parser)]
struct Args {
    /// Server address (`127.0.0.1:PORT`); loopback only.
    #[arg(long)]
    addr: String,
    /// Query file (`CLASS<TAB>QUERY<TAB>YEAR`).
    #[arg(long)]
    queries: PathBuf,
    /// Concurrent clients (one connection each).
    #[arg(long, default_value_t = 1)]
    clients: usize,
    /// Longest the phase runs, seconds.
    #[arg(long, default_value_t = 10.0)]
    secs: f64,
    /// Most requests the phase sends.
    #[arg(long, default_value_t = 20_000)]
    max_requests: usize,
    /// First send every query once on one connection, unmeasured (bounded by `--secs` too).
    #[arg(long)]
    warmup: bool,
    /// Fixed parameters appended to every request, URL-encoded `key=value` pairs joined by
    /// `&` (e.g. `facets=false&per_page=6`).
    #[arg(long, default_value = "")]
    extra: String,
}

/// What one client thread saw.
#[derive(Default)]
struct Seen {
    /// (class index, milliseconds) of every answered request.
    latencies: Vec<(usize, f64)>,
    /// Answers other than 200.
    http_errors: usize,
    /// Requests that got no answer.
    io_errors: usize,
    first_error: Option<String>,
    bytes: usize,
    connects: usize,
}

fn client(
    addr: SocketAddr,
    queries: &[(usize, String)],
    start: usize,
    deadline: Instant,
    budget: &AtomicUsize,
    max: usize,
) -> Seen {
    let mut c = Client::new(addr);
    let mut seen = Seen::default();
    let mut i = start;
    while Instant::now() < deadline && budget.fetch_add(1, Ordering::Relaxed) < max {
        let (class, path) = &queries[i % queries.len()];
        i += 1;
        let t = Instant::now();
        let answer = c.get(path);
        let ms = t.elapsed().as_secs_f64() * 1e3;
        match answer {
            Ok(r) => {
                seen.latencies.push((*class, ms));
                seen.bytes += r.bytes;
                if r.status != 200 {
                    seen.http_errors += 1;
                    seen.first_error.get_or_insert_with(|| {
                        format!(
                            "{path}: HTTP {} {}",
                            r.status,
                            String::from_utf8_lossy(c.body()).chars().take(200).collect::<String>()
                        )
                    });
                }
            }
            Err(e) => {
                seen.io_errors += 1;
                seen.first_error.get_or_insert_with(|| format!("{path}: {e}"));
            }
        }
    }
    seen.connects = c.connects;
    seen
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let addr = args.addr.to_socket_addrs()?.next().ok_or("no address")?;
    if !addr.ip().is_loopback() {
        return Err("bench-load only loads loopback addresses".into());
    }
    if args.extra.contains(|c: char| c.is_whitespace() || c.is_control() || c == '#') {
        return Err(
            format!("--extra {:?}: expected URL-encoded key=value pairs joined by &", args.extra).into()
        );
    }
    let qs: Vec<Query> = queries::load(&args.queries)?;
    if qs.is_empty() {
        return Err("no queries".into());
    }
    let classes = queries::classes(&qs);
    let requests: Arc<Vec<(usize, String)>> = Arc::new(
        queries::shuffled(qs.len())
            .into_iter()
            .map(|i| &qs[i])
            .map(|q| (classes.iter().position(|c| *c == q.class).unwrap_or(0), q.path_with(&args.extra)))
            .collect(),
    );

    let mut warmup = json!(null);
    if args.warmup {
        let mut c = Client::new(addr);
        let t = Instant::now();
        let mut errors = 0;
        let mut sent = 0;
        // Answers with a `total`, those with none found, and the sum of the totals.
        let (mut counted, mut empty, mut totals) = (0u64, 0u64, 0u64);
        for (_, path) in requests.iter() {
            if t.elapsed().as_secs_f64() >= args.secs {
                break;
            }
            sent += 1;
            match c.get(path) {
                Ok(r) if r.status == 200 => {
                    let total = serde_json::from_slice::<Value>(c.body())
                        .ok()
                        .and_then(|v| v.get("total").and_then(Value::as_u64));
                    if let Some(total) = total {
                        counted += 1;
                        totals += total;
                        empty += u64::from(total == 0);
                    }
                }
                _ => errors += 1,
            }
        }
        warmup = json!({
            "requests": sent,
            "errors": errors,
            "secs": round3(t.elapsed().as_secs_f64()),
            "no_hit": empty,
            "mean_total": totals.checked_div(counted),
        });
    }

    let clients = args.clients.max(1);
    let budget = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let deadline = started + Duration::from_secs_f64(args.secs);
    let handles: Vec<_> = (0..clients)
        .map(|id| {
            let requests = requests.clone();
            let budget = budget.clone();
            let max = args.max_requests;
            let start = id * requests.len() / clients;
            std::thread::spawn(move || client(addr, &requests, start, deadline, &budget, max))
        })
        .collect();
    let mut all = Seen::default();
    for h in handles {
        let s = h.join().map_err(|_| "client thread panicked")?;
        all.latencies.extend(s.latencies);
        all.http_errors += s.http_errors;
        all.io_errors += s.io_errors;
        all.bytes += s.bytes;
        all.connects += s.connects;
        if all.first_error.is_none() {
            all.first_error = s.first_error;
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let ms: Vec<f64> = all.latencies.iter().map(|(_, m)| *m).collect();
    let ok = ms.len() - all.http_errors;
    let mut per_class = Map::new();
    for (i, class) in classes.iter().enumerate() {
        let v: Vec<f64> = all.latencies.iter().filter(|(c, _)| *c == i).map(|(_, m)| *m).collect();
        per_class.insert(class.clone(), summary(&v));
    }
    let out = json!({
        "clients": clients,
        "requests": ms.len() + all.io_errors,
        "ok": ok,
        "errors": all.http_errors + all.io_errors,
        "http_errors": all.http_errors,
        "io_errors": all.io_errors,
        "first_error": all.first_error,
        "connects": all.connects,
        "secs": round3(secs),
        "qps": round3(ok as f64 / secs),
        "mean_body_bytes": if ms.is_empty() { 0 } else { all.bytes / ms.len() },
        "latency_ms": summary(&ms),
        "classes": Value::Object(per_class),
        "warmup": warmup,
        "extra": args.extra,
    });
    println!("{out}");
    Ok(())
}
