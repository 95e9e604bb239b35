//! The server's limits are real: query length, page size and depth, request timeout, searches
//! at once, loopback by default. Each test starts `annals serve` on a small index of generated
//! posts; needs the `annals` binary next to the test executable (see
//! `annals_hardness::process`).

use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock, Weak};
use std::time::{Duration, Instant};

use annals_hardness::corpus::Corpus;
use annals_hardness::http::{Client, enc, raw_get};
use annals_hardness::process::{self, Server, annals_bin_or_skip};
use serde_json::Value;

/// A small index built once per run (kept in a temporary folder for the whole process).
fn index(bin: &std::path::Path) -> PathBuf {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    let dir = DIR.get_or_init(|| {
        let dir = annals_hardness::process::scratch_dir(env!("CARGO_TARGET_TMPDIR"), "annals-limits-");
        let corpus = Corpus::create(&dir.path().join("content")).expect("content");
        corpus.write_posts(0..60).expect("posts");
        process::index_ok(bin, corpus.root(), &dir.path().join("index"), &[], Duration::from_secs(300))
            .expect("indexing");
        dir
    });
    dir.path().join("index")
}

/// A server with default limits, shared by the tests that run at the same time.
fn shared(bin: &std::path::Path) -> Arc<Server> {
    static SLOT: Mutex<Weak<Server>> = Mutex::new(Weak::new());
    let mut slot = SLOT.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(s) = slot.upgrade() {
        return s;
    }
    let s = Arc::new(Server::start(bin, &index(bin), &[]).expect("annals serve"));
    *slot = Arc::downgrade(&s);
    s
}

fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

fn client() -> Client {
    Client::new(Duration::from_secs(30))
}

#[test]
fn serve_binds_loopback_by_default() {
    let Some(bin) = annals_bin_or_skip("limits") else { return };
    let out =
        std::process::Command::new(&bin).args(["serve", "--help"]).output().expect("annals serve --help");
    let help = String::from_utf8_lossy(&out.stdout);
    let default = help
        .split("[default: ")
        .map(|s| s.split(']').next().unwrap_or(""))
        .find_map(|d| d.parse::<std::net::SocketAddr>().ok())
        .unwrap_or_else(|| panic!("no default address in `annals serve --help`:\n{help}"));
    assert!(default.ip().is_loopback(), "default address {default} is not loopback");
    assert!(help.contains("10000"), "`annals serve --help` does not show the 10 s default timeout:\n{help}");
}

#[test]
fn long_queries_are_cut_not_refused() {
    let Some(bin) = annals_bin_or_skip("limits") else { return };
    let s = shared(&bin);
    let c = client();
    // 50 kB of ASCII words (a request target over 64 kB is refused with 414 by the HTTP
    // layer, see below): answered 200 quickly, with the same hits as its first
    // MAX_QUERY_BYTES bytes.
    let max = annals_engine::request::MAX_QUERY_BYTES;
    let mut q = String::new();
    let words = ["forum", "blood", "donor", "center", "marrow", "children"];
    let mut i = 0;
    while q.len() < 50_000 {
        q.push_str(words[i % words.len()]);
        q.push(' ');
        i += 1;
    }
    let started = Instant::now();
    let (status, body) = c.get(&s.base, &format!("/api/search?q={}&facets=false", enc(&q))).expect("GET");
    let took = started.elapsed();
    assert_eq!(status, 200, "50 kB query: {body}");
    assert!(took < Duration::from_secs(3), "50 kB query took {took:?}");
    let clipped = annals_engine::request::clip(&q, max);
    let (_, short) = c.get(&s.base, &format!("/api/search?q={}&facets=false", enc(clipped))).expect("GET");
    assert_eq!(
        json(&body)["total"],
        json(&short)["total"],
        "a long query should search its first {max} bytes"
    );
    // Multi-byte text (30 kB of `ы`, 60 kB percent-encoded) cut inside a character.
    let cyr = "ы".repeat(5_000);
    let (status, _) = c.get(&s.base, &format!("/api/search?q={}", enc(&cyr))).expect("GET");
    assert_eq!(status, 200);
}

#[test]
fn a_100_kb_query_gets_a_quick_4xx_or_200() {
    let Some(bin) = annals_bin_or_skip("limits") else { return };
    let s = shared(&bin);
    let q = "донор ".repeat(100_000 / "донор ".len());
    let target = format!("/api/search?q={}", enc(&q));
    assert!(target.len() > 100_000);
    let started = Instant::now();
    let (status, body) = raw_get(s.addr, target.as_bytes(), Duration::from_secs(10)).expect("an answer");
    let took = started.elapsed();
    eprintln!(
        "100 kB query ({} bytes in the request line): {status} in {took:?}, body {:?}",
        target.len(),
        String::from_utf8_lossy(&body[..body.len().min(200)])
    );
    assert!(
        status == 200 || status == 414 || status == 431 || status == 400,
        "100 kB query answered {status}"
    );
    assert!(took < Duration::from_secs(3), "100 kB query took {took:?}");
}

#[test]
fn page_size_and_depth_are_bounded() {
    let Some(bin) = annals_bin_or_skip("limits") else { return };
    let s = shared(&bin);
    let c = client();
    let max = annals_engine::request::MAX_PER_PAGE;
    let max_page = annals_engine::request::MAX_PAGE;
    let (status, body) = c.get(&s.base, &format!("/api/search?per_page={max}")).expect("GET");
    assert_eq!(status, 200, "{body}");
    assert!(json(&body)["hits"].as_array().is_some_and(|h| h.len() <= max));
    for (param, value) in [
        ("per_page", (max + 1).to_string()),
        ("per_page", "0".into()),
        ("per_page", "-1".into()),
        ("per_page", "99999999999999999999999".into()),
        ("page", (max_page + 1).to_string()),
        ("page", "0".into()),
        ("page", "-1".into()),
    ] {
        let (status, body) = c.get(&s.base, &format!("/api/search?q=a&{param}={value}")).expect("GET");
        assert_eq!(status, 400, "{param}={value}: {body}");
        let err = &json(&body)["error"];
        assert_eq!(err["code"], "invalid_number", "{param}={value}: {body}");
        assert_eq!(err["parameter"], param, "{param}={value}: {body}");
    }
    let (status, body) = c.get(&s.base, &format!("/api/search?page={max_page}")).expect("GET");
    assert_eq!(status, 200, "page={max_page}: {body}");
    for limit in ["0", "21"] {
        let (status, body) = c.get(&s.base, &format!("/api/suggest?q=a&limit={limit}")).expect("GET");
        assert_eq!(status, 400, "suggest limit={limit}: {body}");
    }
}

#[test]
fn requests_past_the_timeout_are_cut() {
    let Some(bin) = annals_bin_or_skip("limits") else { return };
    // One search at a time and a 20 ms timeout: of 48 heavy searches sent at once, those
    // still waiting (or running) after 20 ms are answered 408 (or 503 `busy`), at once.
    let s = Server::start(&bin, &index(&bin), &["--timeout-ms", "20", "--max-concurrent", "1"])
        .expect("annals serve");
    let handles: Vec<_> = (0..48)
        .map(|i| {
            let base = s.base.clone();
            std::thread::spawn(move || {
                let q = ["", "forum", "донор blood forum қан", "\"bone marrow\""][i % 4];
                let started = Instant::now();
                let (status, body) =
                    client().get(&base, &format!("/api/search?q={}&per_page=100", enc(q))).expect("GET");
                (status, body, started.elapsed())
            })
        })
        .collect();
    let answers: Vec<(u16, String, Duration)> =
        handles.into_iter().map(|h| h.join().expect("client")).collect();
    let statuses: Vec<u16> = answers.iter().map(|a| a.0).collect();
    eprintln!("statuses with --timeout-ms 20 --max-concurrent 1: {statuses:?}");
    for (status, body, took) in &answers {
        assert!([200, 408, 503].contains(status), "answered {status}: {body}");
        assert!(*took < Duration::from_secs(3), "an answer took {took:?} with a 20 ms timeout");
    }
    if let Some((status, body, _)) = answers.iter().find(|a| a.0 != 200) {
        eprintln!("a cut request: {status} with body {body:?}");
    }
    // A cut request still gets the API's error shape.
    for (status, body, _) in answers.iter().filter(|a| a.0 != 200) {
        let code = if *status == 408 { "\"timeout\"" } else { "\"busy\"" };
        assert!(body.contains("\"error\"") && body.contains(code), "{status} answered {body:?}");
    }
    assert!(statuses.iter().any(|s| *s != 200), "no request was cut by a 20 ms timeout: {statuses:?}");
}

/// Sum of the engine's `took_ms` over `n` heavy searches sent by `threads` clients at once,
/// and the wall time of the whole batch (ms).
fn concurrent_batch(s: &Server, threads: usize, n: usize) -> (f64, f64) {
    let started = Instant::now();
    let handles: Vec<_> = (0..threads)
        .map(|t| {
            let base = s.base.clone();
            std::thread::spawn(move || {
                let c = client();
                let mut took = 0.0;
                for i in 0..n {
                    let q = ["донор", "forum", "форум конференция", "", "blood center"][(t + i) % 5];
                    let (status, body) =
                        c.get(&base, &format!("/api/search?q={}&per_page=100&page=1", enc(q))).expect("GET");
                    assert_eq!(status, 200, "{body}");
                    took += json(&body)["took_ms"].as_f64().expect("took_ms");
                }
                took
            })
        })
        .collect();
    let took: f64 = handles.into_iter().map(|h| h.join().expect("client")).sum();
    (took, started.elapsed().as_secs_f64() * 1000.0)
}

#[test]
fn searches_run_one_at_a_time_with_max_concurrent_1() {
    let Some(bin) = annals_bin_or_skip("limits") else { return };
    // With one permit the engine's own times cannot add up to more than the wall time.
    let one = Server::start(&bin, &index(&bin), &["--max-concurrent", "1"]).expect("annals serve");
    let (took, wall) = concurrent_batch(&one, 6, 4);
    drop(one);
    let eight = Server::start(&bin, &index(&bin), &["--max-concurrent", "8"]).expect("annals serve");
    let (took8, wall8) = concurrent_batch(&eight, 6, 4);
    eprintln!(
        "engine time / wall time: {:.2} with --max-concurrent 1 ({took:.0} / {wall:.0} ms), {:.2} with 8 ({took8:.0} / {wall8:.0} ms)",
        took / wall,
        took8 / wall8
    );
    assert!(
        took <= wall * 1.05 + 20.0,
        "searches overlapped with --max-concurrent 1: {took:.0} ms of engine time in {wall:.0} ms"
    );
}
