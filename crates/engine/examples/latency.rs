//! In-process latency of a query mix, for profiling: `cargo run --release -p annals-engine
//! --example latency -- INDEX QUERIES [PASSES] [EXTRA]`, where QUERIES is a file of
//! `CLASS<TAB>QUERY<TAB>YEAR` lines (as `../shared/bench/queries.txt`) and EXTRA fixed
//! `key=value&...` parameters added to every request (`facets=false&per_page=6` for the site
//! widget's request). Prints p50 / p95 / p99 in ms, overall and per class. Run it under
//! `perf record` with many passes to see where a search spends its time.

use std::time::Instant;

use annals_engine::{Engine, SearchRequest};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [index, queries, rest @ ..] = args.as_slice() else {
        return Err("usage: latency INDEX QUERIES [PASSES] [EXTRA]".into());
    };
    let passes: usize = rest.first().map(|p| p.parse()).transpose()?.unwrap_or(3);
    let extra: Vec<(String, String)> =
        rest.get(1).map(|e| form_urlencoded::parse(e.as_bytes()).into_owned().collect()).unwrap_or_default();
    let text = std::fs::read_to_string(queries)?;
    let mut requests = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let mut cols = line.split('\t');
        let (class, q, year) =
            (cols.next().unwrap_or(""), cols.next().unwrap_or(""), cols.next().unwrap_or(""));
        let mut params: Vec<(&str, &str)> = vec![("q", q)];
        if !year.is_empty() {
            params.push(("year", year));
        }
        params.extend(extra.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        requests.push((class.to_owned(), SearchRequest::from_params(params)?));
    }
    let index = index.clone();
    // Searches run on a spawned thread, as the server runs them on its runtime workers.
    std::thread::spawn(move || -> Result<(), String> {
        let engine = Engine::open(std::path::Path::new(&index)).map_err(|e| e.to_string())?;
        for (_, r) in &requests {
            engine.search(r).map_err(|e| e.to_string())?;
        }
        let mut lat: Vec<(String, f64)> = Vec::new();
        let mut slowest: Vec<(f64, String, usize)> = Vec::new();
        for _ in 0..passes {
            for (class, r) in &requests {
                let t = Instant::now();
                let out = engine.search(r).map_err(|e| e.to_string())?;
                let ms = t.elapsed().as_secs_f64() * 1e3;
                lat.push((class.clone(), ms));
                slowest.push((ms, r.q.clone(), out.total));
                std::hint::black_box(out);
            }
        }
        slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
        slowest.dedup_by(|a, b| a.1 == b.1);
        for (ms, q, total) in slowest.iter().take(12) {
            println!("slow {ms:7.2} ms  {total:6} posts  {q}");
        }
        let mut classes: Vec<String> = lat.iter().map(|(c, _)| c.clone()).collect();
        classes.sort();
        classes.dedup();
        print("all", lat.iter().map(|(_, m)| *m).collect());
        for c in classes {
            print(&c, lat.iter().filter(|(k, _)| *k == c).map(|(_, m)| *m).collect());
        }
        Ok(())
    })
    .join()
    .map_err(|_| "search thread panicked")??;
    Ok(())
}

fn print(label: &str, mut ms: Vec<f64>) {
    ms.sort_by(f64::total_cmp);
    let at = |q: f64| ms[((ms.len() - 1) as f64 * q).round() as usize];
    println!(
        "{label:8} n={:5}  p50 {:6.2}  p95 {:6.2}  p99 {:6.2}  mean {:6.2}",
        ms.len(),
        at(0.5),
        at(0.95),
        at(0.99),
        ms.iter().sum::<f64>() / ms.len() as f64
    );
}
