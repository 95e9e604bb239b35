//! Load and soak: clients query a live `annals serve` on loopback while `annals index` keeps
//! changing the same index, and the server's memory is sampled every second.
//!
//! Every request must get an answer (no connection error) that is not a 5xx. The run is
//! bounded: each phase stops at its deadline, the indexer loop at the end of the last phase,
//! and every child process is killed on drop.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::corpus::Corpus;
use crate::http::{self, Client, enc};
use crate::process::{self, Server};
use crate::rng::{Rng, pick};

/// What to run.
#[derive(Debug, Clone)]
pub struct SoakConfig {
    /// The `annals` binary.
    pub bin: PathBuf,
    /// Phases: `(clients, duration)`, run one after the other.
    pub phases: Vec<(usize, Duration)>,
    /// Posts in the content folder at the start.
    pub posts: usize,
    /// Queries to send (besides the hostile ones); each with optional extra parameters
    /// (already encoded, `&year=2019`).
    pub queries: Vec<(String, String)>,
    /// Share of requests that are hostile (0.0 ..= 1.0).
    pub hostile_share: f64,
    /// Run `annals index` in a loop against the same index while the clients query.
    pub indexer: bool,
    /// Seed of every random choice.
    pub seed: u64,
    /// Extra arguments to `annals serve`.
    pub serve_args: Vec<String>,
    /// Where to put the content and index (a fresh temporary folder when `None`).
    pub workdir: Option<PathBuf>,
    /// Print progress lines (one per phase, one per ~10 s).
    pub verbose: bool,
}

/// One failed request, for the report.
#[derive(Debug, Clone)]
pub struct Failure {
    /// What was asked.
    pub request: String,
    /// Status (0 for a transport error).
    pub status: u16,
    /// The answer's start or the transport error.
    pub detail: String,
}

/// Figures of one phase.
#[derive(Debug, Clone, Default)]
pub struct PhaseReport {
    /// Clients.
    pub clients: usize,
    /// Wall time.
    pub secs: f64,
    /// Requests answered or failed.
    pub requests: u64,
    /// Of which hostile.
    pub hostile: u64,
    /// Answers by status class: 2xx, 4xx, 5xx.
    pub status_2xx: u64,
    /// 4xx answers (expected for hostile requests only).
    pub status_4xx: u64,
    /// 5xx answers (must be 0).
    pub status_5xx: u64,
    /// Requests without an answer (must be 0).
    pub connection_errors: u64,
    /// Normal (non-hostile) queries answered with something else than 200.
    pub normal_not_200: u64,
    /// Latency percentiles of all requests, ms: p50, p95, p99, max.
    pub latency_ms: [f64; 4],
}

/// The outcome of a run.
#[derive(Debug, Clone, Default)]
pub struct SoakReport {
    /// Per phase.
    pub phases: Vec<PhaseReport>,
    /// 5xx answers, transport errors and unexpected statuses (first 50).
    pub failures: Vec<Failure>,
    /// `annals index` runs completed / failed while the clients queried.
    pub index_runs_ok: u64,
    /// Failed indexer runs (must be 0).
    pub index_runs_failed: u64,
    /// First failing indexer run, if any.
    pub index_failure: Option<String>,
    /// Server memory samples: `(seconds since start, VmRSS KiB, RssAnon KiB)`.
    pub rss: Vec<(f64, u64, u64)>,
    /// Documents in the index at the start and at the end (`/healthz`).
    pub documents: (u64, u64),
    /// The server was still running at the end.
    pub server_alive: bool,
}

impl SoakReport {
    /// True when nothing failed.
    pub fn passed(&self) -> bool {
        self.server_alive
            && self.index_runs_failed == 0
            && self
                .phases
                .iter()
                .all(|p| p.status_5xx == 0 && p.connection_errors == 0 && p.normal_not_200 == 0)
    }

    /// VmRSS (MiB): first, last, highest, and the slope of a least-squares line (MiB/min)
    /// over all samples and over the second half (after warm-up).
    pub fn rss_summary(&self) -> Option<RssSummary> {
        let s = &self.rss;
        if s.len() < 4 {
            return None;
        }
        let mib = |k: u64| k as f64 / 1024.0;
        let slope = |pts: &[(f64, u64, u64)], pick: fn(&(f64, u64, u64)) -> u64| {
            let n = pts.len() as f64;
            let mt = pts.iter().map(|p| p.0).sum::<f64>() / n;
            let mr = pts.iter().map(|p| mib(pick(p))).sum::<f64>() / n;
            let cov: f64 = pts.iter().map(|p| (p.0 - mt) * (mib(pick(p)) - mr)).sum();
            let var: f64 = pts.iter().map(|p| (p.0 - mt) * (p.0 - mt)).sum();
            if var > 0.0 { cov / var * 60.0 } else { 0.0 }
        };
        let half = &s[s.len() / 2..];
        Some(RssSummary {
            first: mib(s[0].1),
            last: mib(s[s.len() - 1].1),
            max: mib(s.iter().map(|p| p.1).max().unwrap_or(0)),
            slope: slope(s, |p| p.1),
            slope_second_half: slope(half, |p| p.1),
            anon_first: mib(s[0].2),
            anon_last: mib(s[s.len() - 1].2),
            anon_max: mib(s.iter().map(|p| p.2).max().unwrap_or(0)),
            anon_slope_second_half: slope(half, |p| p.2),
            samples: s.len(),
        })
    }

    /// The report as text, for people.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for p in &self.phases {
            out.push_str(&format!(
                "phase {:>2} clients {:>5.1}s: {} requests ({} hostile), 2xx {} 4xx {} 5xx {} connection errors {} normal!=200 {}; latency ms p50 {:.1} p95 {:.1} p99 {:.1} max {:.1}\n",
                p.clients, p.secs, p.requests, p.hostile, p.status_2xx, p.status_4xx, p.status_5xx,
                p.connection_errors, p.normal_not_200, p.latency_ms[0], p.latency_ms[1], p.latency_ms[2], p.latency_ms[3]
            ));
        }
        out.push_str(&format!(
            "indexer: {} runs ok, {} failed; documents {} -> {}; server alive at end: {}\n",
            self.index_runs_ok, self.index_runs_failed, self.documents.0, self.documents.1, self.server_alive
        ));
        if let Some(f) = &self.index_failure {
            out.push_str(&format!("first indexer failure: {f}\n"));
        }
        if let Some(r) = self.rss_summary() {
            out.push_str(&format!(
                "server VmRSS ({} samples, 1/s): first {:.1} MiB, last {:.1} MiB, max {:.1} MiB; slope {:+.2} MiB/min overall, {:+.2} MiB/min over the second half\n",
                r.samples, r.first, r.last, r.max, r.slope, r.slope_second_half
            ));
            out.push_str(&format!(
                "server RssAnon (heap, without mapped index files): first {:.1} MiB, last {:.1} MiB, max {:.1} MiB; slope over the second half {:+.2} MiB/min\n",
                r.anon_first, r.anon_last, r.anon_max, r.anon_slope_second_half
            ));
        }
        for f in self.failures.iter().take(20) {
            out.push_str(&format!("FAILED {} -> {} {}\n", f.request, f.status, f.detail));
        }
        out
    }

    /// The report as JSON.
    pub fn json(&self) -> serde_json::Value {
        let rss = self.rss_summary().map(|r| {
            serde_json::json!({
                "samples": r.samples, "first_mib": r.first, "last_mib": r.last, "max_mib": r.max,
                "slope_mib_per_min": r.slope, "slope_second_half_mib_per_min": r.slope_second_half,
                "anon_first_mib": r.anon_first, "anon_last_mib": r.anon_last, "anon_max_mib": r.anon_max,
                "anon_slope_second_half_mib_per_min": r.anon_slope_second_half,
            })
        });
        serde_json::json!({
            "passed": self.passed(),
            "phases": self.phases.iter().map(|p| serde_json::json!({
                "clients": p.clients, "secs": p.secs, "requests": p.requests, "hostile": p.hostile,
                "status_2xx": p.status_2xx, "status_4xx": p.status_4xx, "status_5xx": p.status_5xx,
                "connection_errors": p.connection_errors, "normal_not_200": p.normal_not_200,
                "latency_ms": {"p50": p.latency_ms[0], "p95": p.latency_ms[1], "p99": p.latency_ms[2], "max": p.latency_ms[3]},
            })).collect::<Vec<_>>(),
            "index_runs_ok": self.index_runs_ok,
            "index_runs_failed": self.index_runs_failed,
            "documents": [self.documents.0, self.documents.1],
            "server_alive": self.server_alive,
            "rss": rss,
            "failures": self.failures.iter().take(50).map(|f| serde_json::json!({"request": f.request, "status": f.status, "detail": f.detail})).collect::<Vec<_>>(),
        })
    }
}

/// Memory figures of a run (MiB, MiB/min).
#[derive(Debug, Clone, Copy)]
pub struct RssSummary {
    /// First VmRSS sample.
    pub first: f64,
    /// Last VmRSS sample.
    pub last: f64,
    /// Highest VmRSS sample.
    pub max: f64,
    /// Least-squares slope of VmRSS over the whole run.
    pub slope: f64,
    /// Least-squares slope of VmRSS over the second half.
    pub slope_second_half: f64,
    /// First RssAnon sample.
    pub anon_first: f64,
    /// Last RssAnon sample.
    pub anon_last: f64,
    /// Highest RssAnon sample.
    pub anon_max: f64,
    /// Least-squares slope of RssAnon over the second half.
    pub anon_slope_second_half: f64,
    /// Samples.
    pub samples: usize,
}

/// Queries of `../shared/bench/queries.txt` (`CLASS<TAB>QUERY<TAB>YEAR`), with `&year=` when
/// a year is given.
pub fn read_queries(path: &Path) -> std::io::Result<Vec<(String, String)>> {
    let text = std::fs::read_to_string(path)?;
    Ok(text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let _class = cols.next()?;
            let q = cols.next()?.to_owned();
            let year = cols.next().unwrap_or("").trim();
            Some((q, if year.is_empty() { String::new() } else { format!("&year={year}") }))
        })
        .collect())
}

/// A request of the soak: a path for the keep-alive client, or a raw target.
pub enum Request {
    /// Path and query (valid for `ureq`).
    Path(String),
    /// Raw request-target bytes (sent over a new connection).
    Raw(Vec<u8>),
}

impl Request {
    fn describe(&self) -> String {
        match self {
            Request::Path(p) => http::short(p),
            Request::Raw(b) => format!("RAW {}", http::short(&String::from_utf8_lossy(b))),
        }
    }
}

/// A normal query with random sort, language and paging.
pub fn normal_request(rng: &mut Rng, queries: &[(String, String)]) -> String {
    let (q, extra) = pick(rng, queries);
    let mut path = format!("/api/search?q={}{extra}", enc(q));
    if rng.f64() < 0.3 {
        path.push_str(&format!("&lang={}", pick(rng, &["kk", "ru", "en"])));
    }
    if rng.f64() < 0.2 {
        path.push_str(&format!("&sort={}", pick(rng, &["newest", "oldest", "relevance"])));
    }
    if rng.f64() < 0.2 {
        path.push_str(&format!("&page={}&per_page={}", 1 + rng.usize(..5), 1 + rng.usize(..100)));
    }
    if rng.f64() < 0.1 {
        return format!("/api/suggest?q={}", enc(q.get(..q.len().min(3)).unwrap_or(q)));
    }
    if rng.f64() < 0.05 {
        return format!("/api/events?q={}", enc(q));
    }
    path
}

/// A hostile request: any answer but a 5xx (or no answer) is fine.
pub fn hostile_request(rng: &mut Rng) -> Request {
    let words = ["донор", "forum", "қан", "Пивоварова", "a", "OR", "-", "\""];
    let long = |rng: &mut Rng, bytes: usize| {
        let mut s = String::new();
        while s.len() < bytes {
            let w: &&str = pick(rng, &words);
            s.push_str(w);
            s.push(' ');
        }
        s
    };
    match rng.usize(..24) {
        0 => Request::Path(format!("/api/search?q={}", enc("\"unbalanced quote донор"))),
        1 => Request::Path(format!("/api/search?q={}", enc("\"\"\"\" \"a\" \"b -\"c OR OR -"))),
        2 => Request::Path(format!("/api/search?q={}", enc(&long(rng, 10_000)))),
        3 => Request::Path("/api/search?q=%00abc%00&lang=%00".into()),
        4 => Request::Path("/api/search?q=%%%zz%4&%=%&&==&q".into()),
        5 => Request::Path("/api/search?q=%ff%fe%c3%28%ed%a0%80%f0%28%8c%28".into()),
        6 => Request::Path(format!(
            "/api/search?q=a&per_page={}",
            pick(rng, &["99999999999999999999999", "1000000", "101", "0", "-5", "1e3", "%ff"])
        )),
        7 => Request::Path(format!(
            "/api/search?q=a&page={}",
            pick(rng, &["-1", "0", "1001", "18446744073709551616", "NaN"])
        )),
        8 => Request::Path(
            (*pick(
                rng,
                &[
                    "/api/posts/../../etc/passwd",
                    "/api/posts/..%2f..%2f..%2fetc%2fpasswd",
                    "/api/posts/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                    "/api/posts/....//....//etc/passwd",
                    "/api/posts/%00",
                    "/api/posts/content:kk:%2F..%2F..",
                    "/../../../../etc/passwd",
                    "/api/../../Cargo.toml",
                ],
            ))
            .to_owned(),
        ),
        9 => Request::Path(format!("/api/posts/{}", "a/".repeat(2000))),
        10 => {
            let name: String =
                (0..1 + rng.usize(..40)).map(|_| (b'a' + rng.usize(..26) as u8) as char).collect();
            Request::Path(format!("/api/facets/{}?q={}", enc(&name), enc(&long(rng, 50))))
        }
        11 => Request::Path(format!("/api/facets/{}?q=%ff&query=%22x", pick(rng, &crate::targets::FACETS))),
        12 => Request::Path(format!("/api/search?q=x{}", "&person=a".repeat(500))),
        13 => Request::Path("/api/search?from=2019-02-30&to=0000-00-00".into()),
        14 => Request::Path("/api/search?from=2020&to=2019&event_from=9999-12-31&event_to=0001-01-01".into()),
        15 => Request::Path(format!(
            "/api/suggest?q={}&limit={}",
            enc(&long(rng, 3000)),
            pick(rng, &["0", "21", "-1", "99999999999"])
        )),
        16 => Request::Path("/api/events?from=-1&to=99999".into()),
        17 => Request::Path(format!("/api/search?q={}&year=99999&month=2019-13", enc("OR OR OR"))),
        18 => Request::Path(format!("/api/search?{}=1", "x".repeat(8000))),
        19 => Request::Path("/api/search?q=a&facets=maybe&sort=sideways".into()),
        20 => {
            // raw invalid UTF-8 and control bytes in the request line
            let mut t = b"/api/search?q=".to_vec();
            t.extend_from_slice(&[0xff, 0xfe, 0xc3, 0x28, b'a', 0x01]);
            Request::Raw(t)
        }
        21 => Request::Raw(format!("/api/search?q={}", enc(&long(rng, 100_000))).into_bytes()),
        22 => Request::Path(format!("/api/search?q={}", enc(&"é\u{301}\u{202e}\u{200d}👩‍👩‍👧".repeat(100)))),
        _ => Request::Path(format!("/{}", enc(&long(rng, 200)))),
    }
}

fn percentiles(mut v: Vec<f64>) -> [f64; 4] {
    if v.is_empty() {
        return [0.0; 4];
    }
    v.sort_by(|a, b| a.total_cmp(b));
    let at = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
    [at(0.5), at(0.95), at(0.99), v[v.len() - 1]]
}

/// Runs the soak.
pub fn run(cfg: &SoakConfig) -> Result<SoakReport, String> {
    let tmp;
    let work = match &cfg.workdir {
        Some(w) => w.clone(),
        None => {
            tmp = tempfile::Builder::new().prefix("annals-soak-").tempdir().map_err(|e| e.to_string())?;
            tmp.path().to_owned()
        }
    };
    let content = work.join("content");
    let index = work.join("index");
    let corpus = Corpus::create(&content).map_err(|e| format!("content: {e}"))?;
    corpus.write_posts(0..cfg.posts).map_err(|e| format!("content: {e}"))?;
    process::index_ok(&cfg.bin, &content, &index, &[], Duration::from_secs(600))?;
    let serve_args: Vec<&str> = cfg.serve_args.iter().map(String::as_str).collect();
    let mut server = Server::start(&cfg.bin, &index, &serve_args)?;
    let started = Instant::now();
    let mut report = SoakReport::default();
    let probe = Client::new(Duration::from_secs(30));
    let base = server.base.clone();
    let docs =
        |c: &Client| c.get(&base, "/healthz").ok().and_then(|(_, b)| http::documents_of(&b)).unwrap_or(0);
    report.documents.0 = docs(&probe);

    let stop = Arc::new(AtomicBool::new(false));
    // Memory sampler.
    let rss = Arc::new(Mutex::new(Vec::new()));
    let sampler = {
        let (stop, rss, pid) = (stop.clone(), rss.clone(), server.pid());
        std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                if let Some(k) = process::rss_kib(pid) {
                    let anon = process::rss_anon_kib(pid).unwrap_or(0);
                    rss.lock().unwrap_or_else(|p| p.into_inner()).push((
                        started.elapsed().as_secs_f64(),
                        k,
                        anon,
                    ));
                }
                std::thread::sleep(Duration::from_secs(1));
            }
        })
    };
    // Indexer loop: modify, add and remove posts, then an incremental run; bounded by `stop`
    // (each run by 300 s).
    let index_ok = Arc::new(AtomicU64::new(0));
    let index_failed = Arc::new(AtomicU64::new(0));
    let index_failure = Arc::new(Mutex::new(None::<String>));
    let indexer = cfg.indexer.then(|| {
        let (stop, ok, failed, failure) =
            (stop.clone(), index_ok.clone(), index_failed.clone(), index_failure.clone());
        let (bin, content, index, corpus) = (cfg.bin.clone(), content.clone(), index.clone(), corpus.clone());
        let (mut rng, base) = (Rng::with_seed(cfg.seed ^ 0x1dea), cfg.posts);
        std::thread::spawn(move || {
            let mut next = base;
            let mut variant = 1u32;
            // A write that fails is a change the next indexing run does not see; the load goes on.
            while !stop.load(Ordering::Relaxed) {
                for _ in 0..1 + rng.usize(..5) {
                    let _ = corpus.write_post(rng.usize(..next), variant);
                }
                variant += 1;
                if rng.f64() < 0.5 {
                    let _ = corpus.write_post(next, 0);
                    next += 1;
                }
                if rng.f64() < 0.2 && next > base {
                    // remove a post added by this loop, so the start set stays
                    let victim = base + rng.usize(..next - base);
                    let _ = corpus.remove_post(victim);
                }
                match process::index_ok(&bin, &content, &index, &[], Duration::from_secs(300)) {
                    Ok(()) => {
                        ok.fetch_add(1, Ordering::Relaxed);
                    }
                    Err(e) => {
                        failed.fetch_add(1, Ordering::Relaxed);
                        failure.lock().unwrap_or_else(|p| p.into_inner()).get_or_insert(e);
                    }
                }
            }
        })
    });

    let failures = Arc::new(Mutex::new(Vec::<Failure>::new()));
    for (pi, &(clients, duration)) in cfg.phases.iter().enumerate() {
        let phase_start = Instant::now();
        let deadline = phase_start + duration;
        let handles: Vec<_> = (0..clients)
            .map(|c| {
                let failures = failures.clone();
                let queries = cfg.queries.clone();
                let (base, addr, hostile_share) = (server.base.clone(), server.addr, cfg.hostile_share);
                let mut rng = Rng::with_seed(cfg.seed ^ ((pi as u64) << 32) ^ c as u64);
                std::thread::spawn(move || {
                    let client = Client::new(Duration::from_secs(30));
                    let mut p = PhaseReport::default();
                    let mut lat = Vec::new();
                    let record = |f: Failure| {
                        let mut all = failures.lock().unwrap_or_else(|p| p.into_inner());
                        if all.len() < 50 {
                            all.push(f);
                        }
                    };
                    while Instant::now() < deadline {
                        let hostile = rng.f64() < hostile_share;
                        let req = if hostile {
                            hostile_request(&mut rng)
                        } else {
                            Request::Path(normal_request(&mut rng, &queries))
                        };
                        let t = Instant::now();
                        let answer = match &req {
                            Request::Path(path) => client.get(&base, path).map(|(s, b)| (s, b.into_bytes())),
                            Request::Raw(target) => http::raw_get(addr, target, Duration::from_secs(30)),
                        };
                        lat.push(t.elapsed().as_secs_f64() * 1000.0);
                        p.requests += 1;
                        p.hostile += u64::from(hostile);
                        match answer {
                            Err(e) => {
                                p.connection_errors += 1;
                                record(Failure { request: req.describe(), status: 0, detail: e });
                            }
                            Ok((status, body)) => {
                                match status {
                                    200..=299 => p.status_2xx += 1,
                                    400..=499 => p.status_4xx += 1,
                                    500.. => p.status_5xx += 1,
                                    _ => {}
                                }
                                let bad = status >= 500 || (!hostile && status != 200);
                                p.normal_not_200 += u64::from(!hostile && status != 200);
                                if bad {
                                    let body = String::from_utf8_lossy(&body);
                                    record(Failure {
                                        request: req.describe(),
                                        status,
                                        detail: http::short(&body),
                                    });
                                }
                            }
                        }
                    }
                    (p, lat)
                })
            })
            .collect();
        let mut phase = PhaseReport { clients, ..PhaseReport::default() };
        let mut lat = Vec::new();
        for h in handles {
            let (p, l) = h.join().map_err(|_| "a client thread panicked".to_owned())?;
            phase.requests += p.requests;
            phase.hostile += p.hostile;
            phase.status_2xx += p.status_2xx;
            phase.status_4xx += p.status_4xx;
            phase.status_5xx += p.status_5xx;
            phase.connection_errors += p.connection_errors;
            phase.normal_not_200 += p.normal_not_200;
            lat.extend(l);
        }
        phase.secs = phase_start.elapsed().as_secs_f64();
        phase.latency_ms = percentiles(lat);
        if cfg.verbose {
            eprintln!(
                "soak: phase {} ({clients} clients) done: {} requests, {} 5xx, {} connection errors",
                pi + 1,
                phase.requests,
                phase.status_5xx,
                phase.connection_errors
            );
        }
        report.phases.push(phase);
    }
    stop.store(true, Ordering::Relaxed);
    // The threads only stop here; what they found is in `report` already.
    if let Some(h) = indexer {
        let _ = h.join();
    }
    let _ = sampler.join();
    report.server_alive = server.alive();
    report.documents.1 = docs(&probe);
    report.index_runs_ok = index_ok.load(Ordering::Relaxed);
    report.index_runs_failed = index_failed.load(Ordering::Relaxed);
    report.index_failure = index_failure.lock().unwrap_or_else(|p| p.into_inner()).clone();
    report.rss = rss.lock().unwrap_or_else(|p| p.into_inner()).clone();
    report.failures = failures.lock().unwrap_or_else(|p| p.into_inner()).clone();
    if !report.passed() {
        report.failures.push(Failure {
            request: "(server log)".into(),
            status: 0,
            detail: server.log_text(),
        });
    }
    Ok(report)
}
