//! Crash safety: `annals index` killed with SIGKILL at random moments, while `annals serve`
//! answers queries on the same index.
//!
//! The served index must always show a whole commit: every `/healthz` document count and every
//! query's `total` is one of those of a clean index of some content state the test wrote, the
//! count never drops below the first commit's, no answer is a 5xx. In the end a clean run
//! gives the same documents and totals as a clean run into a fresh index.
//!
//! Fast by default (120 posts, 6 runs killed or let finish). `HARDNESS_LONG=1` makes it long (2000 posts or
//! `HARDNESS_CRASH_POSTS`, 15 killed runs per content state); `HARDNESS_SEED` replays a run.
//! Needs the `annals` binary next to the test executable (see `annals_hardness::process`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use annals_hardness::corpus::{Corpus, QUERIES};
use annals_hardness::http::{Client, documents_of, search_path, total_of};
use annals_hardness::process::{self, Guard, Server, annals_bin_or_skip};
use annals_hardness::rng::Rng;

/// What clean indexes of the content states show: documents and each query's total.
#[derive(Default)]
struct Allowed {
    documents: BTreeSet<u64>,
    totals: BTreeMap<String, BTreeSet<u64>>,
}

/// Documents and query totals of a clean, fresh index of `content`.
fn reference(bin: &Path, content: &Path, dir: &Path) -> (u64, BTreeMap<String, u64>, Duration) {
    let started = Instant::now();
    process::index_ok(bin, content, dir, &["--full"], Duration::from_secs(600)).expect("clean reference run");
    let took = started.elapsed();
    let engine = annals_engine::Engine::open(dir).expect("opening the reference index");
    let mut totals = BTreeMap::new();
    for q in QUERIES {
        let req = annals_engine::SearchRequest::from_params([("q", *q)]).expect("valid query");
        totals.insert(q.to_string(), engine.search(&req).expect("reference search").total as u64);
    }
    (engine.num_docs(), totals, took)
}

#[test]
fn killed_index_runs_never_show_half_a_commit() {
    let Some(bin) = annals_bin_or_skip("crash safety") else { return };
    let long = std::env::var_os("HARDNESS_LONG").is_some();
    let posts: usize = if long {
        std::env::var("HARDNESS_CRASH_POSTS").ok().and_then(|v| v.parse().ok()).unwrap_or(2000)
    } else {
        120
    };
    let rounds = if long { 15 } else { 3 };
    let seed = if long || std::env::var_os("HARDNESS_SEED").is_some() {
        annals_hardness::rng::seed_from_env("HARDNESS_SEED")
    } else {
        42
    };
    eprintln!(
        "crash safety: {posts} posts, {rounds} killed runs per state, seed {seed} (HARDNESS_SEED replays)"
    );
    let mut rng = Rng::with_seed(seed);
    let tmp = tempfile::Builder::new().prefix("annals-crash-").tempdir().expect("temp dir");
    let corpus = Corpus::create(&tmp.path().join("content")).expect("content folder");
    let index = tmp.path().join("index");
    let half = posts / 2;

    // State 0: the first half, indexed cleanly and served.
    corpus.write_posts(0..half).expect("writing posts");
    let allowed = Arc::new(Mutex::new(Allowed::default()));
    let add = |(docs, totals, _): &(u64, BTreeMap<String, u64>, Duration)| {
        let mut a = allowed.lock().expect("lock");
        a.documents.insert(*docs);
        for (q, t) in totals {
            a.totals.entry(q.clone()).or_default().insert(*t);
        }
    };
    let ref0 = reference(&bin, corpus.root(), &tmp.path().join("ref0"));
    add(&ref0);
    process::index_ok(&bin, corpus.root(), &index, &[], Duration::from_secs(600)).expect("first run");
    let mut server = Server::start(&bin, &index, &[]).expect("annals serve");
    let first_docs = ref0.0;

    // The client: queries and /healthz until told to stop (at most 20 minutes).
    let stop = Arc::new(AtomicBool::new(false));
    let client = {
        let (stop, allowed, base) = (stop.clone(), allowed.clone(), server.base.clone());
        std::thread::spawn(move || {
            let c = Client::new(Duration::from_secs(30));
            let mut problems = Vec::new();
            let (mut requests, mut seen_docs) = (0u64, BTreeSet::new());
            let deadline = Instant::now() + Duration::from_secs(1200);
            'outer: while !stop.load(Ordering::Relaxed) && Instant::now() < deadline {
                for q in QUERIES {
                    let checks = [("/healthz".to_owned(), None), (search_path(q), Some(*q))];
                    for (path, query) in checks {
                        requests += 1;
                        let (status, body) = match c.get(&base, &path) {
                            Ok(r) => r,
                            Err(e) => {
                                problems.push(format!("{path}: no answer: {e}"));
                                continue;
                            }
                        };
                        if status != 200 {
                            problems.push(format!(
                                "{path}: status {status}: {}",
                                annals_hardness::http::short(&body)
                            ));
                            continue;
                        }
                        let a = allowed.lock().expect("lock");
                        match query {
                            None => match documents_of(&body) {
                                Some(d) => {
                                    seen_docs.insert(d);
                                    if d < first_docs || !a.documents.contains(&d) {
                                        problems.push(format!(
                                            "/healthz: {d} documents; committed states have {:?} (first {first_docs})",
                                            a.documents
                                        ));
                                    }
                                }
                                None => problems.push(format!("/healthz: no document count in {body}")),
                            },
                            Some(q) => match total_of(&body) {
                                Some(t) if a.totals.get(q).is_some_and(|s| s.contains(&t)) => {}
                                t => problems.push(format!(
                                    "q={q:?}: total {t:?}; committed states have {:?}",
                                    a.totals.get(q)
                                )),
                            },
                        }
                        drop(a);
                        if problems.len() > 20 {
                            break 'outer;
                        }
                    }
                }
            }
            (requests, seen_docs, problems)
        })
    };

    // States 1 (all posts) and 2 (some modified, some of the second half removed); for each,
    // runs killed at random moments, full and incremental.
    let mut killed = 0;
    let mut completed = 0;
    let mut last = None;
    for state in 1..=2 {
        match state {
            1 => corpus.write_posts(half..posts).expect("writing posts"),
            _ => {
                for _ in 0..posts / 10 {
                    corpus.write_post(rng.usize(..posts), 1).expect("modifying a post");
                }
                for i in (half..posts).step_by(20) {
                    corpus.remove_post(i).expect("removing a post");
                }
            }
        }
        let r = reference(&bin, corpus.root(), &tmp.path().join(format!("ref{state}")));
        add(&r);
        let run_time = r.2;
        last = Some(r);
        for round in 0..rounds {
            let full = rng.f64() < 0.5;
            let extra: &[&str] = if full { &["--full"] } else { &[] };
            let delay = Duration::from_micros(rng.u64(0..=(run_time.as_micros() as u64) * 13 / 10));
            let mut cmd = process::index_command(&bin, corpus.root(), &index, extra);
            let mut g = Guard::spawn(&mut cmd).expect("annals index");
            std::thread::sleep(delay);
            match g.try_wait() {
                Some(status) => {
                    assert!(status.success(), "state {state} round {round}: annals index failed: {status}");
                    completed += 1;
                }
                None => {
                    g.kill();
                    killed += 1;
                }
            }
            assert!(server.alive(), "the server died\n{}", server.log_text());
            std::thread::sleep(Duration::from_millis(rng.u64(20..=300)));
        }
    }

    // A clean run now completes and equals a clean run into a fresh index.
    process::index_ok(&bin, corpus.root(), &index, &[], Duration::from_secs(600))
        .expect("clean run after the killed ones");
    // The reference of the last state is a clean run into a fresh index of this content.
    let fresh = last.expect("a last state");
    let c = Client::new(Duration::from_secs(30));
    let deadline = Instant::now() + Duration::from_secs(15);
    let served = loop {
        let docs = c.get(&server.base, "/healthz").ok().and_then(|(_, b)| documents_of(&b));
        if docs == Some(fresh.0) || Instant::now() > deadline {
            break docs;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    stop.store(true, Ordering::Relaxed);
    let (requests, seen_docs, problems) = client.join().expect("client thread");
    eprintln!(
        "crash safety: {killed} runs killed, {completed} completed before the kill; {requests} requests; \
         document counts seen {seen_docs:?}"
    );
    assert!(
        problems.is_empty(),
        "the server showed a state no commit had:\n{}\n{}",
        problems.join("\n"),
        server.log_text()
    );
    assert_eq!(
        served,
        Some(fresh.0),
        "documents after the clean run vs a fresh index\n{}",
        server.log_text()
    );
    for q in QUERIES {
        let (status, body) = c.get(&server.base, &search_path(q)).expect("search");
        assert_eq!(status, 200, "{q:?}: {body}");
        assert_eq!(
            total_of(&body),
            fresh.1.get(*q).copied(),
            "q={q:?}: total after the clean run vs a fresh index"
        );
    }
    // The index folder itself reads the same as a fresh one.
    let engine = annals_engine::Engine::open(&index).expect("opening the index");
    assert_eq!(engine.num_docs(), fresh.0, "documents in the index folder vs a fresh index");
    assert!(killed > 0, "no run was killed: the kill delays are too long for this machine");
}
