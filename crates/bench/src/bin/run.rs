//! `make bench` (through `scripts/bench.sh`): measures annals on each corpus and writes the
//! generated part of BENCHMARKS.md (between `<!-- bench:begin -->` and `<!-- bench:end -->`)
//! and `target/bench/results.json`.
//!
//! Per corpus: full indexing runs of annals and of its peers — the raw-Tantivy baseline,
//! tantivy-cli (`tantivy index` over the posts as JSON lines, written once per corpus and not
//! timed) and SQLite FTS5 (`bench-fts5 index`) — alternating, each into an empty folder (wall,
//! CPU, peak RSS, index size); incremental runs (no change, then a deterministic 1% of the page
//! files appended to and restored); HTTP load phases against `annals serve` (1, 2 and 32
//! clients, then 1 client with the search widget's parameters, with the server's memory
//! sampled) and against `bench-fts5 serve` (1 and 2 clients, widget); and the in-process
//! engine. Medians over `--runs`.

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Write as _};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use annals_bench::stats::median;
use annals_bench::sys::{self, Memory};
use clap::Parser;
use serde::Serialize;
use serde_json::Value;

const BEGIN: &str = "<!-- bench:begin -->";
const END: &str = "<!-- bench:end -->";
/// A line appended to the touched files of an incremental run (removed afterwards).
const TOUCH_LINE: &str = "\nThis line was appended by make bench and is removed after the run.\n";
/// Machine busy share (by others) above which figures are marked as measured under load.
const LOADED: f64 = 0.10;
/// The parameters the search widget adds to every request (`crates/server/assets/widget.js`,
/// with its default of 6 results).
const WIDGET_PARAMS: &str = "facets=false&per_page=6";
/// tantivy-cli's `meta.json` for the posts: `title` and `body`, TEXT and stored, the default
/// tokenizer, with frequencies and positions, LZ4 doc store (Tantivy 0.24's format).
const TANTIVY_CLI_META: &str = r#"{"index_settings":{"docstore_compression":"lz4","docstore_blocksize":16384},"segments":[],"schema":[{"name":"title","type":"text","options":{"indexing":{"record":"position","fieldnorms":true,"tokenizer":"default"},"stored":true,"fast":false}},{"name":"body","type":"text","options":{"indexing":{"record":"position","fieldnorms":true,"tokenizer":"default"},"stored":true,"fast":false}}],"opstamp":0}"#;

#[derive(Parser)]
struct Args {
    /// The annals binary (default: `annals` beside this one).
    #[arg(long)]
    annals: Option<PathBuf>,
    /// A corpus to measure, `LABEL=DIR` (a Grav `user/` folder or a folder holding one);
    /// repeatable, measured in order.
    #[arg(long = "corpus", value_name = "LABEL=DIR", required = true)]
    corpora: Vec<String>,
    /// Working folder for indexes, logs and results.
    #[arg(long, default_value = "target/bench")]
    work: PathBuf,
    /// Query file.
    #[arg(long, default_value = "../shared/bench/queries.txt")]
    queries: PathBuf,
    /// Full indexing runs per corpus (annals and baseline each); the median is reported.
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// Seconds of full indexing runs per corpus after which no further run is started (at
    /// least one runs); the incremental runs are as many as the full ones.
    #[arg(long, default_value_t = 300.0)]
    index_budget: f64,
    /// Longest each HTTP load phase runs, seconds.
    #[arg(long, default_value_t = 10.0)]
    phase_secs: f64,
    /// Most requests per HTTP load phase.
    #[arg(long, default_value_t = 20_000)]
    phase_requests: usize,
    /// Indexing threads for the baseline (0 = one per core, at most 4); annals runs with its
    /// defaults.
    #[arg(long, default_value_t = 0)]
    threads: usize,
    /// The tantivy-cli binary (`tantivy`); without it there are no tantivy-cli figures.
    #[arg(long)]
    tantivy_cli: Option<PathBuf>,
    /// Leave out SQLite FTS5 (`bench-fts5`, beside this binary).
    #[arg(long)]
    no_fts5: bool,
    /// FTS5 `prefix` option for `bench-fts5 index --prefix` (e.g. `2 3`; none by default).
    #[arg(long, default_value = "")]
    fts5_prefix: String,
    /// Markdown file whose generated section is replaced.
    #[arg(long, default_value = "BENCHMARKS.md")]
    out: PathBuf,
    /// Label of the corpus the targets are checked on (default: the largest).
    #[arg(long)]
    targets: Option<String>,
    /// Unix time `make bench` started (for its total wall time).
    #[arg(long)]
    started: Option<u64>,
    /// Facts about the corpora to print (`LABEL=TEXT`), e.g. how they were generated.
    #[arg(long = "note", value_name = "LABEL=TEXT")]
    notes: Vec<String>,
}

/// One indexing run.
#[derive(Debug, Clone, Default, Serialize)]
struct IndexRun {
    wall: f64,
    user: f64,
    sys: f64,
    peak_rss_kb: u64,
    /// Documents written (annals: `indexed`; baseline: every file).
    indexed: u64,
    /// Page files handled (indexed + unchanged + skipped + errors).
    files: u64,
    skipped: u64,
    errors: u64,
    size_bytes: u64,
}

/// One HTTP load phase: its label in the results, clients, and what is sent.
#[derive(Debug, Clone, Copy)]
struct Phase {
    /// `1`, `2`, `32` or `widget`.
    label: &'static str,
    clients: usize,
    /// A warm-up pass first (the first phase of a server, and any phase run again).
    warmup: bool,
    /// Parameters added to every request.
    extra: &'static str,
}

/// annals' phases.
const ANNALS_PHASES: [Phase; 4] = [
    Phase { label: "1", clients: 1, warmup: true, extra: "" },
    Phase { label: "2", clients: 2, warmup: false, extra: "" },
    Phase { label: "32", clients: 32, warmup: false, extra: "" },
    Phase { label: "widget", clients: 1, warmup: false, extra: WIDGET_PARAMS },
];

/// SQLite FTS5's phases.
const FTS5_PHASES: [Phase; 3] = [
    Phase { label: "1", clients: 1, warmup: true, extra: "" },
    Phase { label: "2", clients: 2, warmup: false, extra: "" },
    Phase { label: "widget", clients: 1, warmup: false, extra: WIDGET_PARAMS },
];

/// Server memory during the HTTP phases, KiB.
#[derive(Debug, Clone, Default, Serialize)]
struct ServerMem {
    startup_secs: f64,
    start_rss_kb: u64,
    start_anon_kb: u64,
    peak_rss_kb: u64,
    peak_anon_kb: u64,
    hwm_kb: u64,
}

#[derive(Debug, Clone, Default, Serialize)]
struct CorpusResult {
    label: String,
    dir: String,
    note: Option<String>,
    gen_secs: Option<f64>,
    md_files: usize,
    md_bytes: u64,
    busy_before: f64,
    busy_after: f64,
    loadavg_before: String,
    loadavg_after: String,
    annals: Vec<IndexRun>,
    annals_error_sample: Vec<String>,
    baseline: Vec<IndexRun>,
    /// tantivy-cli's runs (`tantivy index`), and the untimed writing of its JSON lines.
    tantivy_cli: Vec<IndexRun>,
    tantivy_cli_prep_secs: f64,
    /// SQLite FTS5's runs (`bench-fts5 index`), and the last one's own report.
    fts5: Vec<IndexRun>,
    fts5_report: Value,
    noop: IndexRun,
    touched: usize,
    incremental: Vec<IndexRun>,
    server: ServerMem,
    http: Vec<Value>,
    /// The server exiting during a load phase (it is restarted and the phase run again).
    server_events: Vec<String>,
    fts5_server: ServerMem,
    fts5_http: Vec<Value>,
    fts5_events: Vec<String>,
    engine: Value,
    engine_run: IndexRun,
    secs: f64,
}

struct Ctx {
    args: Args,
    annals: PathBuf,
    bin_dir: PathBuf,
    threads: usize,
    log: PathBuf,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let exe = std::env::current_exe()?;
    let bin_dir = exe.parent().ok_or("no binary folder")?.to_path_buf();
    let annals = args.annals.clone().unwrap_or_else(|| bin_dir.join("annals"));
    std::fs::create_dir_all(&args.work)?;
    let log = args.work.join("bench.log");
    std::fs::write(&log, "")?;
    let threads = match args.threads {
        0 => std::thread::available_parallelism().map_or(2, |n| n.get()).min(4),
        n => n,
    };
    let ctx = Ctx { args, annals, bin_dir, threads, log };
    let started = Instant::now();
    let mut results = Vec::new();
    for spec in &ctx.args.corpora {
        let (label, dir) =
            spec.split_once('=').ok_or_else(|| format!("--corpus {spec}: expected LABEL=DIR"))?;
        eprintln!("== {label}: {dir}");
        let r = corpus(&ctx, label, Path::new(dir))?;
        results.push(r);
        // Keep what we have, should a later corpus fail.
        write_results(&ctx, &results)?;
    }
    eprintln!("== measured in {:.0} s; writing {}", started.elapsed().as_secs_f64(), ctx.args.out.display());
    write_results(&ctx, &results)?;
    let md = render(&ctx, &results);
    replace_generated(&ctx.args.out, &md)?;
    println!("{}", targets_table(&ctx, &results));
    Ok(())
}

fn write_results(ctx: &Ctx, results: &[CorpusResult]) -> std::io::Result<()> {
    let json = serde_json::to_string_pretty(&results).unwrap_or_default();
    std::fs::write(ctx.args.work.join("results.json"), json)
}

fn corpus(ctx: &Ctx, label: &str, dir: &Path) -> Result<CorpusResult, Box<dyn std::error::Error>> {
    let started = Instant::now();
    let slug: String = label.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    let journal = ctx.args.work.join(format!("touched-{slug}.journal"));
    restore(&journal)?;
    let mut r = CorpusResult {
        label: label.to_owned(),
        dir: dir.display().to_string(),
        note: ctx.args.notes.iter().find_map(|n| n.strip_prefix(&format!("{label}="))).map(str::to_owned),
        gen_secs: std::fs::read_to_string(dir.join("gen-seconds")).ok().and_then(|s| s.trim().parse().ok()),
        ..CorpusResult::default()
    };
    let files = sys::page_files(dir);
    if files.is_empty() {
        return Err(format!("no page files below {}", dir.display()).into());
    }
    // Read every file once so that no run pays for a cold page cache.
    for f in &files {
        r.md_bytes += std::fs::read(f).map_or(0, |b| b.len() as u64);
    }
    r.md_files = files.len();
    let jsonl = ctx.args.work.join(format!("tantivy-cli-{slug}.jsonl"));
    if ctx.args.tantivy_cli.is_some() {
        let t = Instant::now();
        let n = write_jsonl(&files, &jsonl).map_err(|e| format!("{}: {e}", jsonl.display()))?;
        r.tantivy_cli_prep_secs = t.elapsed().as_secs_f64();
        eprintln!("   {n} posts written as JSON lines for tantivy-cli in {:.1} s", r.tantivy_cli_prep_secs);
    }
    r.loadavg_before = sys::loadavg();
    r.busy_before = sys::busy_fraction(Duration::from_secs(2));
    eprintln!(
        "   {} page files, {:.1} MB; machine busy {:.0}% (load {})",
        r.md_files,
        r.md_bytes as f64 / 1e6,
        r.busy_before * 100.0,
        r.loadavg_before
    );

    let index = ctx.args.work.join(format!("index-{slug}"));
    let base_index = ctx.args.work.join(format!("baseline-{slug}"));
    let tcli_index = ctx.args.work.join(format!("tantivy-cli-{slug}"));
    let fts5_db = ctx.args.work.join(format!("fts5-{slug}.db"));
    let index_started = Instant::now();
    let runs = ctx.args.runs.max(1);
    for run in 0..runs {
        let b = baseline(ctx, dir, &base_index)?;
        eprintln!("   run {}: baseline {:.2} s ({:.0} files/s)", run + 1, b.wall, b.files as f64 / b.wall);
        r.baseline.push(b);
        if let Some(tantivy) = &ctx.args.tantivy_cli {
            let t = tantivy_cli(ctx, tantivy, &jsonl, &tcli_index)?;
            eprintln!(
                "   run {}: tantivy-cli {:.2} s ({:.0} docs/s)",
                run + 1,
                t.wall,
                t.indexed as f64 / t.wall
            );
            r.tantivy_cli.push(t);
        }
        if !ctx.args.no_fts5 {
            let (f, report) = fts5_index(ctx, dir, &fts5_db)?;
            eprintln!("   run {}: FTS5 {:.2} s ({:.0} docs/s)", run + 1, f.wall, f.indexed as f64 / f.wall);
            r.fts5.push(f);
            r.fts5_report = report;
        }
        if index.exists() {
            std::fs::remove_dir_all(&index)?;
        }
        let (a, sample) = annals_index(ctx, dir, &index, true)?;
        eprintln!(
            "   run {}: annals   {:.2} s ({:.0} files/s, {} indexed, {} errors, {} skipped)",
            run + 1,
            a.wall,
            a.files as f64 / a.wall,
            a.indexed,
            a.errors,
            a.skipped
        );
        r.annals.push(a);
        r.annals_error_sample = sample;
        let spent = index_started.elapsed().as_secs_f64();
        let done = (run + 1) as f64;
        if run + 1 < runs && spent + spent / done > ctx.args.index_budget {
            eprintln!(
                "   stopping after {} run(s): another would pass --index-budget {} s",
                run + 1,
                ctx.args.index_budget
            );
            break;
        }
    }

    // Incremental: nothing changed, then 1% of the files changed (and changed back).
    let (noop, _) = annals_index(ctx, dir, &index, false)?;
    eprintln!("   incremental, nothing changed: {:.2} s", noop.wall);
    r.noop = noop;
    let touched: Vec<PathBuf> = {
        let mut t: Vec<PathBuf> =
            files.iter().enumerate().filter(|(i, _)| i % 100 == 37).map(|(_, f)| f.clone()).collect();
        if t.is_empty() {
            t.push(files[0].clone());
        }
        t
    };
    r.touched = touched.len();
    for _ in 0..r.annals.len() {
        touch(&journal, &touched)?;
        let changed = annals_index(ctx, dir, &index, false);
        restore(&journal)?;
        let (changed, _) = changed?;
        let (back, _) = annals_index(ctx, dir, &index, false)?;
        eprintln!(
            "   incremental, {} files changed: {:.2} s, changed back: {:.2} s",
            touched.len(),
            changed.wall,
            back.wall
        );
        r.incremental.push(changed);
        r.incremental.push(back);
    }

    if jsonl.exists() {
        std::fs::remove_file(&jsonl)?;
    }

    // Queries over HTTP, then in-process.
    let annals_server = || {
        let mut cmd = Command::new(&ctx.annals);
        cmd.arg("serve").arg("--index").arg(&index).arg("--addr").arg("127.0.0.1:0");
        cmd
    };
    eprintln!("   annals serve:");
    let (mem, http, events) = serve_and_load(ctx, &annals_server, &ANNALS_PHASES)?;
    r.server = mem;
    r.http = http;
    r.server_events = events;
    if !ctx.args.no_fts5 {
        let fts5_server = || {
            let mut cmd = Command::new(ctx.bin_dir.join("bench-fts5"));
            cmd.arg("serve").arg("--db").arg(&fts5_db).arg("--addr").arg("127.0.0.1:0");
            cmd
        };
        eprintln!("   bench-fts5 serve:");
        let (mem, http, events) = serve_and_load(ctx, &fts5_server, &FTS5_PHASES)?;
        r.fts5_server = mem;
        r.fts5_http = http;
        r.fts5_events = events;
    }
    let mut cmd = Command::new(ctx.bin_dir.join("bench-engine"));
    cmd.arg("--index").arg(&index).arg("--queries").arg(&ctx.args.queries);
    cmd.arg("--secs").arg(ctx.args.phase_secs.to_string());
    let m = sys::run_measured(&mut cmd, &ctx.log)?;
    r.engine = serde_json::from_str(&m.stdout).unwrap_or(Value::Null);
    r.engine_run = IndexRun {
        wall: m.wall,
        user: m.user,
        sys: m.sys,
        peak_rss_kb: m.peak_rss_kb,
        ..IndexRun::default()
    };
    eprintln!(
        "   engine in-process: p50 {} ms, p99 {} ms",
        get(&r.engine, "latency_ms.p50"),
        get(&r.engine, "latency_ms.p99")
    );

    r.loadavg_after = sys::loadavg();
    r.busy_after = sys::busy_fraction(Duration::from_secs(1));
    r.secs = started.elapsed().as_secs_f64();
    Ok(r)
}

/// The command's environment: no backtraces or debug logs (the sandbox may set them).
fn quiet(cmd: &mut Command) -> &mut Command {
    cmd.env_remove("RUST_BACKTRACE").env_remove("RUST_LOG")
}

fn annals_index(
    ctx: &Ctx,
    content: &Path,
    index: &Path,
    full: bool,
) -> Result<(IndexRun, Vec<String>), Box<dyn std::error::Error>> {
    let mut cmd = Command::new(&ctx.annals);
    // (annals with its defaults: one writer thread, pages read and extracted on every core)
    cmd.arg("index").arg("--content").arg(content).arg("--index").arg(index).arg("--json");
    if full {
        cmd.arg("--full");
    }
    let m = sys::run_measured(quiet(&mut cmd), &ctx.log)?;
    if m.code != Some(0) {
        return Err(format!("annals index failed ({:?}); see {}", m.code, ctx.log.display()).into());
    }
    let report: Value = serde_json::from_str(m.stdout.trim())?;
    let n = |k: &str| report.get(k).and_then(Value::as_u64).unwrap_or(0);
    let len = |k: &str| report.get(k).and_then(Value::as_array).map_or(0, |a| a.len() as u64);
    let sample = report
        .get("errors")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .take(3)
                .map(|e| {
                    format!("{}: {}", e["path"].as_str().unwrap_or(""), e["message"].as_str().unwrap_or(""))
                })
                .collect()
        })
        .unwrap_or_default();
    let run = IndexRun {
        wall: m.wall,
        user: m.user,
        sys: m.sys,
        peak_rss_kb: m.peak_rss_kb,
        indexed: n("indexed"),
        files: n("indexed") + n("unchanged") + len("skipped") + len("errors"),
        skipped: len("skipped"),
        errors: len("errors"),
        size_bytes: sys::dir_size(index),
    };
    Ok((run, sample))
}

fn baseline(ctx: &Ctx, content: &Path, index: &Path) -> Result<IndexRun, Box<dyn std::error::Error>> {
    let mut cmd = Command::new(ctx.bin_dir.join("bench-baseline"));
    cmd.arg("--content").arg(content).arg("--index").arg(index).arg("--threads").arg(ctx.threads.to_string());
    let m = sys::run_measured(quiet(&mut cmd), &ctx.log)?;
    if m.code != Some(0) {
        return Err(format!("bench-baseline failed ({:?}); see {}", m.code, ctx.log.display()).into());
    }
    let out: Value = serde_json::from_str(m.stdout.trim())?;
    let docs = out["docs"].as_u64().unwrap_or(0);
    Ok(IndexRun {
        wall: m.wall,
        user: m.user,
        sys: m.sys,
        peak_rss_kb: m.peak_rss_kb,
        indexed: docs,
        files: docs,
        size_bytes: sys::dir_size(index),
        ..IndexRun::default()
    })
}

/// Writes every page file as a JSON line `{"title", "body"}` for tantivy-cli (front matter and
/// Markdown stripped, as for FTS5); returns the number of lines.
fn write_jsonl(files: &[PathBuf], path: &Path) -> std::io::Result<u64> {
    #[derive(Serialize)]
    struct Line<'a> {
        title: &'a str,
        body: &'a str,
    }
    let mut out = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(path)?);
    let mut sites = annals_bench::post::Sites::default();
    let mut n = 0;
    for f in files {
        let p = annals_bench::post::read(f, &mut sites)
            .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", f.display())))?;
        serde_json::to_writer(&mut out, &Line { title: &p.title, body: &p.body })?;
        out.write_all(b"\n")?;
        n += 1;
    }
    out.flush()?;
    Ok(n)
}

/// One `tantivy index` run into a new index folder holding only [`TANTIVY_CLI_META`].
fn tantivy_cli(
    ctx: &Ctx,
    tantivy: &Path,
    jsonl: &Path,
    index: &Path,
) -> Result<IndexRun, Box<dyn std::error::Error>> {
    if index.exists() {
        std::fs::remove_dir_all(index)?;
    }
    std::fs::create_dir_all(index)?;
    std::fs::write(index.join("meta.json"), TANTIVY_CLI_META)?;
    let lines = std::fs::read(jsonl)?.iter().filter(|b| **b == b'\n').count() as u64;
    let mut cmd = Command::new(tantivy);
    cmd.arg("index").arg("-i").arg(index).arg("-f").arg(jsonl);
    let m = sys::run_measured(quiet(&mut cmd), &ctx.log)?;
    let failed = m.stdout.lines().filter(|l| l.starts_with("Failed to add document")).count() as u64;
    if m.code != Some(0) || !m.stdout.contains("Terminated successfully") {
        return Err(format!("tantivy-cli index failed ({:?}); see {}", m.code, ctx.log.display()).into());
    }
    Ok(IndexRun {
        wall: m.wall,
        user: m.user,
        sys: m.sys,
        peak_rss_kb: m.peak_rss_kb,
        indexed: lines - failed,
        files: lines,
        errors: failed,
        size_bytes: sys::dir_size(index),
        ..IndexRun::default()
    })
}

/// One `bench-fts5 index` run into a new database; returns its report too.
fn fts5_index(ctx: &Ctx, content: &Path, db: &Path) -> Result<(IndexRun, Value), Box<dyn std::error::Error>> {
    let mut cmd = Command::new(ctx.bin_dir.join("bench-fts5"));
    cmd.arg("index").arg("--content").arg(content).arg("--db").arg(db);
    if !ctx.args.fts5_prefix.trim().is_empty() {
        cmd.arg("--prefix").arg(ctx.args.fts5_prefix.trim());
    }
    let m = sys::run_measured(quiet(&mut cmd), &ctx.log)?;
    if m.code != Some(0) {
        return Err(format!("bench-fts5 index failed ({:?}); see {}", m.code, ctx.log.display()).into());
    }
    let out: Value = serde_json::from_str(m.stdout.trim())?;
    let docs = out["documents"].as_u64().unwrap_or(0);
    let run = IndexRun {
        wall: m.wall,
        user: m.user,
        sys: m.sys,
        peak_rss_kb: m.peak_rss_kb,
        indexed: docs,
        files: docs,
        size_bytes: std::fs::metadata(db).map_or(0, |m| m.len()),
        ..IndexRun::default()
    };
    Ok((run, out))
}

/// Appends a line to each file, remembering its length in `journal` first.
fn touch(journal: &Path, files: &[PathBuf]) -> std::io::Result<()> {
    let mut j = String::new();
    for f in files {
        let len = std::fs::metadata(f)?.len();
        let _ = writeln!(j, "{len}\t{}", f.display());
    }
    std::fs::write(journal, j)?;
    for f in files {
        let mut file = std::fs::OpenOptions::new().append(true).open(f)?;
        file.write_all(TOUCH_LINE.as_bytes())?;
    }
    Ok(())
}

/// Cuts the files listed in `journal` back to their length, and removes the journal.
fn restore(journal: &Path) -> std::io::Result<()> {
    let Ok(text) = std::fs::read_to_string(journal) else { return Ok(()) };
    for line in text.lines() {
        let Some((len, path)) = line.split_once('\t') else { continue };
        let Ok(len) = len.parse::<u64>() else { continue };
        let file = std::fs::OpenOptions::new().write(true).open(path)?;
        if file.metadata()?.len() > len {
            file.set_len(len)?;
        }
    }
    std::fs::remove_file(journal)
}

/// The server process; stopped (SIGTERM, then SIGKILL) when dropped.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        // Never signal a pid that was already reaped: it may belong to another process now.
        if let Ok(Some(_)) = self.0.try_wait() {
            return;
        }
        let pid = self.0.id().to_string();
        let _ = Command::new("kill").arg("-TERM").arg(&pid).status();
        for _ in 0..100 {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts a server (`cmd`, told to listen on `127.0.0.1:0`) and returns it with its address
/// once it prints `listening on http://ADDR`.
fn start_server(ctx: &Ctx, mut cmd: Command) -> Result<(Server, SocketAddr), Box<dyn std::error::Error>> {
    let log = std::fs::File::options().append(true).open(&ctx.log)?;
    let program = cmd.get_program().to_string_lossy().into_owned();
    let mut child = quiet(&mut cmd).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(log).spawn()?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let server = Server(child);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut lines = BufReader::new(stdout).lines();
        for line in lines.by_ref().map_while(Result::ok) {
            if let Some(addr) = line.trim().strip_prefix("listening on http://") {
                let _ = tx.send(addr.trim_end_matches('/').to_owned());
                break;
            }
        }
        // Drain the rest so the server never blocks on a full pipe.
        for _ in lines {}
    });
    let addr: SocketAddr = rx
        .recv_timeout(Duration::from_secs(120))
        .map_err(|_| format!("{program} did not start; see {}", ctx.log.display()))?
        .parse()?;
    Ok((server, addr))
}

/// One `bench-load` phase.
fn load_phase(
    ctx: &Ctx,
    addr: SocketAddr,
    phase: &Phase,
    warmup: bool,
) -> Result<Value, Box<dyn std::error::Error>> {
    let mut cmd = Command::new(ctx.bin_dir.join("bench-load"));
    cmd.arg("--addr").arg(addr.to_string()).arg("--queries").arg(&ctx.args.queries);
    cmd.arg("--clients").arg(phase.clients.to_string());
    cmd.arg("--secs").arg(ctx.args.phase_secs.to_string());
    cmd.arg("--max-requests").arg(ctx.args.phase_requests.to_string());
    if !phase.extra.is_empty() {
        cmd.arg("--extra").arg(phase.extra);
    }
    if warmup {
        cmd.arg("--warmup");
    }
    let out = cmd.stderr(Stdio::inherit()).output()?;
    let mut v: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    if let Some(o) = v.as_object_mut() {
        o.insert("phase".into(), phase.label.into());
    }
    Ok(v)
}

/// Server memory, one result per load phase, and the server's exits.
type Served = (ServerMem, Vec<Value>, Vec<String>);

/// Starts the server that `server` makes and runs the load `phases`, sampling the server's
/// memory. Should the server exit during a phase (a crash, or a signal from another process
/// on a shared machine), the exit is recorded, the server restarted and the phase run again
/// once.
fn serve_and_load(
    ctx: &Ctx,
    server: &dyn Fn() -> Command,
    phases: &[Phase],
) -> Result<Served, Box<dyn std::error::Error>> {
    let started = Instant::now();
    let (mut child, mut addr) = start_server(ctx, server())?;
    let mut mem = ServerMem { startup_secs: started.elapsed().as_secs_f64(), ..ServerMem::default() };
    let start = sys::memory(child.0.id()).unwrap_or_default();
    (mem.start_rss_kb, mem.start_anon_kb) = (start.rss_kb, start.anon_kb);

    let pid = Arc::new(AtomicU32::new(child.0.id()));
    let stop = Arc::new(AtomicBool::new(false));
    // Peak of the current phase; taken (and reset) after each phase.
    let phase_peak = Arc::new(Mutex::new(Memory::default()));
    let sampler = {
        let (stop, phase_peak, pid) = (stop.clone(), phase_peak.clone(), pid.clone());
        std::thread::spawn(move || {
            let mut peak = Memory::default();
            let raise = |peak: &mut Memory, m: &Memory| {
                peak.rss_kb = peak.rss_kb.max(m.rss_kb);
                peak.anon_kb = peak.anon_kb.max(m.anon_kb);
                peak.hwm_kb = peak.hwm_kb.max(m.hwm_kb);
            };
            while !stop.load(Ordering::Relaxed) {
                if let Some(m) = sys::memory(pid.load(Ordering::Relaxed)) {
                    raise(&mut peak, &m);
                    if let Ok(mut p) = phase_peak.lock() {
                        raise(&mut p, &m);
                    }
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            peak
        })
    };
    let mut results = Vec::new();
    let mut events = Vec::new();
    for phase in phases {
        let mut attempt = 0;
        let mut v = loop {
            let v = load_phase(ctx, addr, phase, phase.warmup || attempt > 0)?;
            let Ok(Some(status)) = child.0.try_wait() else { break v };
            let event = format!(
                "the server exited during the {} phase ({status}){}",
                phase_name(phase.label),
                if attempt == 0 { "; restarted, phase run again" } else { "" }
            );
            eprintln!("   {event}");
            events.push(event);
            (child, addr) = start_server(ctx, server())?;
            pid.store(child.0.id(), Ordering::Relaxed);
            attempt += 1;
            if attempt > 1 {
                break v;
            }
        };
        let p = phase_peak.lock().map(|mut p| std::mem::take(&mut *p)).unwrap_or_default();
        if let Some(o) = v.as_object_mut() {
            o.insert("server_peak_rss_kb".into(), p.rss_kb.into());
            o.insert("server_peak_anon_kb".into(), p.anon_kb.into());
        }
        eprintln!(
            "   HTTP {:>9}: {} req, {} q/s, p50 {} ms, p99 {} ms, {} errors",
            phase_name(phase.label),
            get(&v, "requests"),
            get(&v, "qps"),
            get(&v, "latency_ms.p50"),
            get(&v, "latency_ms.p99"),
            get(&v, "errors")
        );
        results.push(v);
    }
    stop.store(true, Ordering::Relaxed);
    let peak = sampler.join().unwrap_or_default();
    let end = sys::memory(child.0.id()).unwrap_or_default();
    mem.peak_rss_kb = peak.rss_kb.max(end.rss_kb);
    mem.peak_anon_kb = peak.anon_kb.max(end.anon_kb);
    mem.hwm_kb = peak.hwm_kb.max(end.hwm_kb);
    eprintln!(
        "   server memory: peak RSS {:.1} MB, peak RssAnon {:.1} MB",
        mb(mem.peak_rss_kb * 1024),
        mb(mem.peak_anon_kb * 1024)
    );
    drop(child);
    Ok((mem, results, events))
}

/// A phase's label as words: `1` → `1-client`, `widget` → `widget`.
fn phase_name(label: &str) -> String {
    if label.bytes().all(|b| b.is_ascii_digit()) { format!("{label}-client") } else { label.to_owned() }
}

/// The phase labelled `label` of `phases`.
fn phase<'a>(phases: &'a [Value], label: &str) -> Option<&'a Value> {
    phases.iter().find(|v| v.get("phase").and_then(Value::as_str) == Some(label))
}

/// A value at a dotted path of a JSON object, as text (`-` when missing).
fn get(v: &Value, path: &str) -> String {
    match lookup(v, path) {
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(other) if !other.is_null() => other.to_string(),
        _ => "-".to_owned(),
    }
}

fn lookup<'a>(v: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(v, |v, k| v.get(k))
}

fn num(v: &Value, path: &str) -> f64 {
    lookup(v, path).and_then(Value::as_f64).unwrap_or(f64::NAN)
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

// ---------------------------------------------------------------------------------------
// Figures derived from the runs.

struct Figures {
    files: f64,
    annals_wall: f64,
    annals_cpu: f64,
    annals_rss_mb: f64,
    annals_files_s: f64,
    annals_docs_s: f64,
    annals_mb_s: f64,
    annals_size: f64,
    annals_errors: u64,
    base: Peer,
    tcli: Peer,
    fts: Peer,
    noop_wall: f64,
    incr_wall: f64,
    p50: f64,
    p95: f64,
    p99: f64,
    qps2: f64,
    p99_2: f64,
    qps32: f64,
    p99_32: f64,
    widget_p50: f64,
    http_errors: f64,
    rss_mb: f64,
    anon_mb: f64,
    engine_p50: f64,
    engine_p99: f64,
    fts_p50: f64,
    fts_p99: f64,
    fts_qps2: f64,
    fts_widget_p50: f64,
    fts_rss_mb: f64,
}

/// Medians of a peer's indexing runs (NaN when it did not run). Every page file is one
/// document for the peers, so files/s and documents/s are the same.
struct Peer {
    runs: usize,
    wall: f64,
    cpu: f64,
    rss_mb: f64,
    docs: f64,
    docs_s: f64,
    mb_s: f64,
    size: f64,
}

fn med(runs: &[IndexRun], f: &dyn Fn(&IndexRun) -> f64) -> f64 {
    median(&runs.iter().map(f).collect::<Vec<_>>())
}

fn peer(runs: &[IndexRun], md_bytes: u64) -> Peer {
    let wall = med(runs, &|x| x.wall);
    let docs = med(runs, &|x| x.indexed as f64);
    Peer {
        runs: runs.len(),
        wall,
        cpu: med(runs, &|x| x.user + x.sys),
        rss_mb: med(runs, &|x| x.peak_rss_kb as f64 * 1024.0 / 1e6),
        docs,
        docs_s: docs / wall,
        mb_s: md_bytes as f64 / 1e6 / wall,
        size: med(runs, &|x| x.size_bytes as f64),
    }
}

fn figures(r: &CorpusResult) -> Figures {
    let annals_wall = med(&r.annals, &|x| x.wall);
    let docs = med(&r.annals, &|x| x.indexed as f64);
    let files = r.md_files as f64;
    let annals_files = med(&r.annals, &|x| x.files as f64);
    let at =
        |phases: &[Value], label: &str, path: &str| phase(phases, label).map_or(f64::NAN, |v| num(v, path));
    let http = |label: &str, path: &str| at(&r.http, label, path);
    let fts = |label: &str, path: &str| at(&r.fts5_http, label, path);
    let errors: f64 = r.http.iter().map(|v| num(v, "errors") + num(v, "warmup.errors").max(0.0)).sum::<f64>()
        + if r.http.len() < ANNALS_PHASES.len() { f64::NAN } else { 0.0 };
    let mut base = peer(&r.baseline, r.md_bytes);
    // The baseline handles every page file as a document.
    base.docs = files;
    base.docs_s = files / base.wall;
    Figures {
        files,
        annals_wall,
        annals_cpu: med(&r.annals, &|x| x.user + x.sys),
        annals_rss_mb: med(&r.annals, &|x| x.peak_rss_kb as f64 * 1024.0 / 1e6),
        annals_files_s: annals_files / annals_wall,
        annals_docs_s: docs / annals_wall,
        annals_mb_s: r.md_bytes as f64 / 1e6 / annals_wall,
        annals_size: med(&r.annals, &|x| x.size_bytes as f64),
        annals_errors: r.annals.iter().map(|x| x.errors).max().unwrap_or(0),
        base,
        tcli: peer(&r.tantivy_cli, r.md_bytes),
        fts: peer(&r.fts5, r.md_bytes),
        noop_wall: r.noop.wall,
        incr_wall: med(&r.incremental, &|x| x.wall),
        p50: http("1", "latency_ms.p50"),
        p95: http("1", "latency_ms.p95"),
        p99: http("1", "latency_ms.p99"),
        qps2: http("2", "qps"),
        p99_2: http("2", "latency_ms.p99"),
        qps32: http("32", "qps"),
        p99_32: http("32", "latency_ms.p99"),
        widget_p50: http("widget", "latency_ms.p50"),
        http_errors: errors,
        rss_mb: r.server.peak_rss_kb as f64 * 1024.0 / 1e6,
        anon_mb: r.server.peak_anon_kb as f64 * 1024.0 / 1e6,
        engine_p50: num(&r.engine, "latency_ms.p50"),
        engine_p99: num(&r.engine, "latency_ms.p99"),
        fts_p50: fts("1", "latency_ms.p50"),
        fts_p99: fts("1", "latency_ms.p99"),
        fts_qps2: fts("2", "qps"),
        fts_widget_p50: fts("widget", "latency_ms.p50"),
        fts_rss_mb: r.fts5_server.peak_rss_kb as f64 * 1024.0 / 1e6,
    }
}

// ---------------------------------------------------------------------------------------
// Markdown.

fn f0(x: f64) -> String {
    if x.is_nan() {
        return "-".to_owned();
    }
    let s = format!("{:.0}", x);
    let (sign, digits) = s.strip_prefix('-').map_or(("", s.as_str()), |d| ("-", d));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}")
}

fn f1(x: f64) -> String {
    if x.is_nan() { "-".to_owned() } else { format!("{x:.1}") }
}

fn f2(x: f64) -> String {
    if x.is_nan() { "-".to_owned() } else { format!("{x:.2}") }
}

fn yes(ok: bool) -> &'static str {
    if ok { "yes" } else { "**no**" }
}

fn target_corpus<'a>(ctx: &Ctx, results: &'a [CorpusResult]) -> Option<&'a CorpusResult> {
    match &ctx.args.targets {
        Some(label) => results.iter().find(|r| &r.label == label),
        None => results.iter().max_by_key(|r| r.md_files),
    }
}

/// The corpus the growth of p50 is measured from: the largest one smaller than `big`.
fn growth_base<'a>(results: &'a [CorpusResult], big: &CorpusResult) -> Option<&'a CorpusResult> {
    results.iter().filter(|r| r.md_files < big.md_files).max_by_key(|r| r.md_files)
}

/// `yes`, `**no**`, or `-` when the figure is missing.
fn met(x: f64, ok: bool) -> &'static str {
    if x.is_nan() { "-" } else { yes(ok) }
}

fn targets_table(ctx: &Ctx, results: &[CorpusResult]) -> String {
    let mut s = String::new();
    let Some(r) = target_corpus(ctx, results) else { return s };
    let g = figures(r);
    let loaded = if r.busy_before > LOADED || r.busy_after > LOADED {
        format!(
            " — **measured under load** (machine {:.0}% busy before, {:.0}% after)",
            r.busy_before * 100.0,
            r.busy_after * 100.0
        )
    } else {
        String::new()
    };
    let _ =
        writeln!(s, "Targets, checked on the **{}** corpus ({} page files){loaded}:\n", r.label, f0(g.files));
    let _ = writeln!(s, "| figure | target | measured | met? |");
    let _ = writeln!(s, "|---|---|---|---|");
    let _ = writeln!(
        s,
        "| indexing throughput (documents/s) | ≥ 3,000 | {} | {} |",
        f0(g.annals_docs_s),
        met(g.annals_docs_s, g.annals_docs_s >= 3000.0)
    );
    // The issue's "raw Tantivy" is tantivy-cli with its defaults; the ratio to the bench's own
    // baseline (two writer threads here, faster than tantivy-cli) is reported beside it.
    for (name, p, target) in
        [("raw Tantivy, tantivy-cli 0.24", &g.tcli, true), ("raw Tantivy, bench-baseline", &g.base, false)]
    {
        let ratio = g.annals_files_s / p.docs_s;
        let (goal, verdict) =
            if target { ("≥ 0.5", met(ratio, ratio >= 0.5)) } else { ("reported", "(not a target)") };
        let _ = writeln!(
            s,
            "| indexing speed with extraction ÷ {name} (page files/s) | {goal} | {} ({} vs {} files/s) | {verdict} |",
            f2(ratio),
            f0(g.annals_files_s),
            f0(p.docs_s),
        );
    }
    let _ = writeln!(
        s,
        "| query latency p50, HTTP, 1 client | ≤ 2 ms | {} ms | {} |",
        f2(g.p50),
        met(g.p50, g.p50 <= 2.0)
    );
    let _ = writeln!(
        s,
        "| query latency p99, HTTP, 1 client | ≤ 6 ms | {} ms | {} |",
        f2(g.p99),
        met(g.p99, g.p99 <= 6.0)
    );
    let _ = writeln!(
        s,
        "| throughput, 2 clients | ≥ 1,000 q/s | {} q/s | {} |",
        f0(g.qps2),
        met(g.qps2, g.qps2 >= 1000.0)
    );
    let _ = writeln!(
        s,
        "| widget request p50 (`{WIDGET_PARAMS}`), HTTP, 1 client | ≤ 1 ms | {} ms | {} |",
        f2(g.widget_p50),
        met(g.widget_p50, g.widget_p50 <= 1.0)
    );
    match growth_base(results, r) {
        Some(small) => {
            let a = figures(small);
            let ratio = g.p50 / a.p50;
            let _ = writeln!(
                s,
                "| p50 {} ÷ p50 {} (HTTP, 1 client) | ≤ 1.5 | {} ({} vs {} ms) | {} |",
                r.label,
                small.label,
                f2(ratio),
                f2(g.p50),
                f2(a.p50),
                met(ratio, ratio <= 1.5)
            );
        }
        None => {
            let _ = writeln!(s, "| p50 growth from a smaller corpus | ≤ 1.5 | - (no smaller corpus) | - |");
        }
    }
    let _ = writeln!(
        s,
        "| server peak RSS | ≤ 300 MB | {} MB | {} |",
        f1(g.rss_mb),
        met(g.rss_mb, g.rss_mb <= 300.0)
    );
    let _ = writeln!(
        s,
        "| server peak RssAnon | ≤ 100 MB | {} MB | {} |",
        f1(g.anon_mb),
        met(g.anon_mb, g.anon_mb <= 100.0)
    );
    for (name, p) in [("bench-baseline", &g.base), ("tantivy-cli", &g.tcli)] {
        let ratio = g.annals_size / p.size;
        let _ = writeln!(
            s,
            "| index size ÷ raw Tantivy's ({name}) | ≤ 1.5 | {} ({} vs {} MB) | {} |",
            f2(ratio),
            f1(g.annals_size / 1e6),
            f1(p.size / 1e6),
            met(ratio, ratio <= 1.5)
        );
    }
    for (name, annals, fts, higher_is_better, unit) in [
        ("indexing rate (page files/s)", g.annals_files_s, g.fts.docs_s, true, ""),
        ("query latency p50, HTTP, 1 client", g.p50, g.fts_p50, false, " ms"),
        ("query latency p99, HTTP, 1 client", g.p99, g.fts_p99, false, " ms"),
        ("throughput, 2 clients (q/s)", g.qps2, g.fts_qps2, true, ""),
    ] {
        let ahead = if higher_is_better { annals > fts } else { annals < fts };
        let fmt = |x: f64| if unit.is_empty() { f0(x) } else { f2(x) };
        let _ = writeln!(
            s,
            "| ahead of SQLite FTS5: {name} | annals ahead | {}{unit} vs {}{unit} ({}×) | {} |",
            fmt(annals),
            fmt(fts),
            f2(annals / fts),
            met(annals / fts, ahead)
        );
    }
    let incr = g.incr_wall / g.annals_wall;
    let _ = writeln!(
        s,
        "| incremental run, 1% of files changed ÷ full run | < 10% | {}% ({} s vs {} s) | {} |",
        f1(incr * 100.0),
        f2(g.incr_wall),
        f2(g.annals_wall),
        met(incr, incr < 0.10)
    );
    let http_errors: f64 = results.iter().map(|r| figures(r).http_errors).sum();
    let _ = writeln!(
        s,
        "| annals' HTTP answers other than 200 (all corpora and phases) | 0 | {} | {} |",
        f0(http_errors),
        met(http_errors, http_errors == 0.0)
    );
    let exits = results.iter().map(|r| r.server_events.len()).sum::<usize>();
    let _ = writeln!(
        s,
        "| annals server exits during the load phases (all corpora) | 0 | {exits} | {} |",
        yes(exits == 0)
    );
    let _ = writeln!(
        s,
        "| page files annals could not index | 0 | {} of {} | {} |",
        f0(g.annals_errors as f64),
        f0(g.files),
        yes(g.annals_errors == 0)
    );
    if let Some(t0) = ctx.args.started {
        let now = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        let total = now.saturating_sub(t0) as f64;
        let _ = writeln!(
            s,
            "| `make bench` wall time (build, generation, all corpora) | ≈ 15 min | {} min | {} |",
            f1(total / 60.0),
            yes(total <= 16.0 * 60.0)
        );
    }
    s
}

fn command_output(cmd: &str, args: &[&str]) -> String {
    Command::new(cmd)
        .args(args)
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default()
}

fn render(ctx: &Ctx, results: &[CorpusResult]) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{BEGIN}");
    let _ = writeln!(
        s,
        "<!-- Generated by `make bench` (scripts/bench.sh → bench-run); edits here are overwritten. -->\n"
    );
    s.push_str(&targets_table(ctx, results));

    // Machine and run.
    let commit = command_output("git", &["rev-parse", "--short", "HEAD"]);
    let dirty = !command_output("git", &["status", "--porcelain", "--untracked-files=no"]).is_empty();
    let _ = writeln!(s, "\n### Machine and run\n");
    let _ = writeln!(
        s,
        "- {} ({} cores online, `nproc` = {}), {:.1} GB RAM, Linux {}",
        sys::cpu_model(),
        command_output("getconf", &["_NPROCESSORS_ONLN"]),
        command_output("nproc", &[]),
        sys::mem_total_kb() as f64 * 1024.0 / 1e9,
        std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default().trim()
    );
    let _ = writeln!(
        s,
        "- {}, commit {commit}{}; annals with its defaults (one writer thread, pages read on every core), {} indexing thread(s) for the baseline; medians of up to {} full runs each (fewer when a corpus's runs pass {} s)",
        command_output("date", &["-u", "+%Y-%m-%d %H:%M UTC"]),
        if dirty { " with uncommitted changes" } else { "" },
        ctx.threads,
        ctx.args.runs.max(1),
        ctx.args.index_budget
    );
    let mut peers = Vec::new();
    if ctx.args.tantivy_cli.is_some() {
        peers.push(
            "tantivy-cli 0.24 (Tantivy 0.24.0) with its defaults: 1 indexing thread, 1 GB writer heap, \
             one JSON-parsing thread"
                .to_owned(),
        );
    }
    if let Some(r) = results.iter().find(|r| !r.fts5.is_empty()) {
        let prefix = match get(&r.fts5_report, "prefix").as_str() {
            "" | "-" => "no prefix index".to_owned(),
            p => format!("prefix index '{p}'"),
        };
        peers.push(format!(
            "SQLite {} FTS5 (rusqlite, bundled): one writer, {prefix}; served by one read-only connection per core",
            get(&r.fts5_report, "sqlite")
        ));
    }
    if !peers.is_empty() {
        let _ = writeln!(s, "- peers: {}", peers.join("; "));
    }
    for r in results {
        let loaded = if r.busy_before > LOADED || r.busy_after > LOADED { " — **under load**" } else { "" };
        let _ = writeln!(
            s,
            "- {}: machine busy {:.0}% before / {:.0}% after (load average {} / {}), measured in {:.0} s{loaded}",
            r.label,
            r.busy_before * 100.0,
            r.busy_after * 100.0,
            r.loadavg_before,
            r.loadavg_after,
            r.secs
        );
    }

    // Corpora.
    let _ = writeln!(s, "\n### Corpora\n");
    let _ = writeln!(
        s,
        "| corpus | page files | .md bytes | documents indexed | skipped | errors | how it was made |"
    );
    let _ = writeln!(s, "|---|---:|---:|---:|---:|---:|---|");
    for r in results {
        let last = r.annals.last().cloned().unwrap_or_default();
        let made = match (&r.note, r.gen_secs) {
            (Some(n), Some(g)) => format!("{n}; generated in {:.0} s", g),
            (Some(n), None) => n.clone(),
            (None, Some(g)) => format!("generated in {:.0} s", g),
            (None, None) => String::new(),
        };
        let _ = writeln!(
            s,
            "| {} | {} | {} MB | {} | {} | {} | {made} |",
            r.label,
            f0(r.md_files as f64),
            f1(mb(r.md_bytes)),
            f0(last.indexed as f64),
            f0(last.skipped as f64),
            f0(last.errors as f64)
        );
    }
    for r in results.iter().filter(|r| !r.annals_error_sample.is_empty()) {
        let _ = writeln!(s, "\nFirst errors reported by `annals index` on {}:", r.label);
        for e in &r.annals_error_sample {
            let _ = writeln!(s, "- `{e}`");
        }
    }

    // Indexing.
    let _ = writeln!(s, "\n### Indexing (full rebuild into an empty folder; medians)\n");
    let _ = writeln!(
        s,
        "| corpus | indexer | runs | wall | CPU (user+sys) | files/s | documents/s | MB/s of .md | peak RSS | index size |"
    );
    let _ = writeln!(s, "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for r in results {
        let g = figures(r);
        let _ = writeln!(
            s,
            "| {} | annals | {} | {} s | {} s | {} | {} | {} | {} MB | {} MB |",
            r.label,
            r.annals.len(),
            f2(g.annals_wall),
            f2(g.annals_cpu),
            f0(g.annals_files_s),
            f0(g.annals_docs_s),
            f1(g.annals_mb_s),
            f1(g.annals_rss_mb),
            f1(g.annals_size / 1e6)
        );
        let peers = [
            ("raw Tantivy (bench-baseline)", "baseline", &g.base),
            ("tantivy-cli 0.24", "tantivy-cli", &g.tcli),
            ("SQLite FTS5", "FTS5", &g.fts),
        ];
        for (name, _, p) in peers.iter().filter(|(_, _, p)| p.runs > 0) {
            let _ = writeln!(
                s,
                "| | {name} | {} | {} s | {} s | {} | {} | {} | {} MB | {} MB |",
                p.runs,
                f2(p.wall),
                f2(p.cpu),
                f0(p.docs_s),
                f0(p.docs_s),
                f1(p.mb_s),
                f1(p.rss_mb),
                f1(p.size / 1e6)
            );
        }
        for (_, short, p) in peers.iter().filter(|(_, short, p)| p.runs > 0 && *short != "FTS5") {
            let _ = writeln!(
                s,
                "| | annals ÷ {short} | | {}× | {}× | {} | | | {}× | {}× |",
                f2(g.annals_wall / p.wall),
                f2(g.annals_cpu / p.cpu),
                f2(g.annals_files_s / p.docs_s),
                f2(g.annals_rss_mb / p.rss_mb),
                f2(g.annals_size / p.size)
            );
        }
    }
    let _ = writeln!(s, "\nEvery run (wall seconds): ");
    for r in results {
        let w = |runs: &[IndexRun]| runs.iter().map(|x| f2(x.wall)).collect::<Vec<_>>().join(", ");
        let mut line = format!("- {}: annals {}; baseline {}", r.label, w(&r.annals), w(&r.baseline));
        if !r.tantivy_cli.is_empty() {
            let _ = write!(
                line,
                "; tantivy-cli {} (its JSON lines written beforehand in {} s, not counted)",
                w(&r.tantivy_cli),
                f1(r.tantivy_cli_prep_secs)
            );
        }
        if !r.fts5.is_empty() {
            let _ = write!(
                line,
                "; FTS5 {} (of the last, {} s `optimize`)",
                w(&r.fts5),
                f2(num(&r.fts5_report, "optimize_secs"))
            );
        }
        let _ = writeln!(s, "{line}");
    }

    // Incremental.
    let _ = writeln!(s, "\n### Incremental runs (`annals index` without `--full`)\n");
    let _ = writeln!(
        s,
        "| corpus | nothing changed | 1% of files changed (median) | files changed | ÷ full run | every 1% run |"
    );
    let _ = writeln!(s, "|---|---:|---:|---:|---:|---|");
    for r in results {
        let g = figures(r);
        let _ = writeln!(
            s,
            "| {} | {} s | {} s | {} | {}% | {} |",
            r.label,
            f2(g.noop_wall),
            f2(g.incr_wall),
            r.touched,
            f1(g.incr_wall / g.annals_wall * 100.0),
            r.incremental.iter().map(|x| f2(x.wall)).collect::<Vec<_>>().join(", ")
        );
    }

    // Queries.
    let nq = annals_bench::queries::load(&ctx.args.queries).map_or(0, |q| q.len());
    let _ = writeln!(s, "\n### Queries over HTTP (`/api/search?q=…&year=…`, facets and snippets on)\n");
    let _ = writeln!(
        s,
        "{nq} queries from `{}`, cycled; a warm-up pass first; each phase at most {} s or {} requests; \
         *widget*: 1 client, every request with `&{WIDGET_PARAMS}` as the site's search widget sends it. \
         Latencies in ms.\n",
        ctx.args.queries.display(),
        ctx.args.phase_secs,
        f0(ctx.args.phase_requests as f64)
    );
    let _ = writeln!(
        s,
        "| corpus | server | clients | requests | q/s | p50 | p95 | p99 | max | errors | server peak RSS / RssAnon in the phase |"
    );
    let _ = writeln!(s, "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    for r in results {
        let servers = [("annals", &r.http, &r.server), ("SQLite FTS5", &r.fts5_http, &r.fts5_server)];
        let mut first_row = true;
        for (name, phases, server) in servers {
            for (i, v) in phases.iter().enumerate() {
                let kb = |k: &str| f1(num(v, k) * 1024.0 / 1e6);
                let mut mem = format!("{} / {} MB", kb("server_peak_rss_kb"), kb("server_peak_anon_kb"));
                if i == 0 {
                    let _ = write!(
                        mem,
                        " (after start {} / {} MB)",
                        f1(server.start_rss_kb as f64 * 1024.0 / 1e6),
                        f1(server.start_anon_kb as f64 * 1024.0 / 1e6)
                    );
                }
                let clients = match v.get("phase").and_then(Value::as_str) {
                    Some("widget") => format!("{}, widget", get(v, "clients")),
                    _ => get(v, "clients"),
                };
                let _ = writeln!(
                    s,
                    "| {} | {} | {clients} | {} | {} | {} | {} | {} | {} | {} | {mem} |",
                    if first_row { r.label.as_str() } else { "" },
                    if i == 0 { name } else { "" },
                    f0(num(v, "requests")),
                    f0(num(v, "qps")),
                    f2(num(v, "latency_ms.p50")),
                    f2(num(v, "latency_ms.p95")),
                    f2(num(v, "latency_ms.p99")),
                    f2(num(v, "latency_ms.max")),
                    get(v, "errors")
                );
                first_row = false;
            }
        }
    }
    for r in results {
        for (name, events) in [("annals", &r.server_events), ("SQLite FTS5", &r.fts5_events)] {
            for e in events {
                let _ = writeln!(
                    s,
                    "\n**{}, {name}: {e}** (its stderr is in `{}/bench.log`)",
                    r.label,
                    ctx.args.work.display()
                );
            }
        }
        for (name, phases) in [("annals", &r.http), ("SQLite FTS5", &r.fts5_http)] {
            for v in phases {
                if let Some(e) = lookup(v, "first_error").and_then(Value::as_str) {
                    let _ = writeln!(
                        s,
                        "\nFirst error of {name} on {} in the {} phase: `{e}`",
                        r.label,
                        phase_name(v.get("phase").and_then(Value::as_str).unwrap_or("?"))
                    );
                }
            }
        }
    }

    // annals against SQLite FTS5.
    if results.iter().any(|r| !r.fts5.is_empty()) {
        let _ = writeln!(s, "\n### annals ÷ SQLite FTS5\n");
        let _ = writeln!(
            s,
            "Indexing rate in page files/s (every page file is a document for FTS5); latencies over HTTP with 1 client, \
             throughput with 2. For the rate and q/s a ratio above 1 puts annals ahead, for latencies one below 1.\n"
        );
        let _ = writeln!(s, "| corpus | figure | annals | SQLite FTS5 | annals ÷ FTS5 | annals ahead? |");
        let _ = writeln!(s, "|---|---|---:|---:|---:|---|");
        for r in results.iter().filter(|r| !r.fts5.is_empty()) {
            let g = figures(r);
            let rows = [
                ("indexing rate (files/s)", g.annals_files_s, g.fts.docs_s, true),
                ("p50 (ms)", g.p50, g.fts_p50, false),
                ("p99 (ms)", g.p99, g.fts_p99, false),
                ("q/s, 2 clients", g.qps2, g.fts_qps2, true),
                ("widget p50 (ms)", g.widget_p50, g.fts_widget_p50, false),
            ];
            for (i, (name, a, f, higher)) in rows.into_iter().enumerate() {
                let fmt = |x: f64| if higher { f0(x) } else { f2(x) };
                let ahead = if higher { a > f } else { a < f };
                let _ = writeln!(
                    s,
                    "| {} | {name} | {} | {} | {} | {} |",
                    if i == 0 { r.label.as_str() } else { "" },
                    fmt(a),
                    fmt(f),
                    f2(a / f),
                    met(a / f, ahead)
                );
            }
        }
        let _ = writeln!(s, "\nWhat the two find (warm-up pass over the {nq} queries, facets on):\n");
        let _ = writeln!(
            s,
            "| corpus | annals: queries with no hit | mean `total` | FTS5: queries with no hit | mean `total` |"
        );
        let _ = writeln!(s, "|---|---:|---:|---:|---:|");
        for r in results.iter().filter(|r| !r.fts5.is_empty()) {
            let w = |phases: &[Value], k: &str| {
                phase(phases, "1").map_or("-".to_owned(), |v| get(v, &format!("warmup.{k}")))
            };
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} |",
                r.label,
                w(&r.http, "no_hit"),
                w(&r.http, "mean_total"),
                w(&r.fts5_http, "no_hit"),
                w(&r.fts5_http, "mean_total")
            );
        }
    }

    let _ = writeln!(s, "\n### What HTTP costs: in-process `Engine::search` vs HTTP with 1 client (ms)\n");
    let _ = writeln!(
        s,
        "| corpus | in-process p50 | p95 | p99 | HTTP p50 | p95 | p99 | queries with no hit | mean hits |"
    );
    let _ = writeln!(s, "|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for r in results {
        let g = figures(r);
        let empty = lookup(&r.engine, "empty_queries").and_then(Value::as_array).map_or(0, Vec::len);
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            r.label,
            f2(g.engine_p50),
            f2(num(&r.engine, "latency_ms.p95")),
            f2(g.engine_p99),
            f2(g.p50),
            f2(g.p95),
            f2(g.p99),
            empty,
            get(&r.engine, "mean_total")
        );
    }

    // Per class.
    let classes: Vec<String> = annals_bench::queries::load(&ctx.args.queries)
        .map(|q| annals_bench::queries::classes(&q))
        .unwrap_or_default();
    let _ = writeln!(s, "\n### Per query class (ms; in-process p50 / p99, then HTTP 1 client p50 / p99)\n");
    let mut head = "| class |".to_owned();
    let mut rule = "|---|".to_owned();
    for r in results {
        let _ = write!(head, " {} in-process | {} HTTP |", r.label, r.label);
        rule.push_str("---:|---:|");
    }
    let _ = writeln!(s, "{head}\n{rule}");
    for c in &classes {
        let mut row = format!("| {c} |");
        for r in results {
            let e = |p: &str| f2(num(&r.engine, &format!("classes.{c}.{p}")));
            let h =
                |p: &str| r.http.first().map_or("-".to_owned(), |v| f2(num(v, &format!("classes.{c}.{p}"))));
            let _ = write!(row, " {} / {} | {} / {} |", e("p50"), e("p99"), h("p50"), h("p99"));
        }
        let _ = writeln!(s, "{row}");
    }

    // Growth: every corpus by size, then the two largest side by side.
    let mut by_size: Vec<&CorpusResult> = results.iter().collect();
    by_size.sort_by_key(|r| r.md_files);
    let _ = writeln!(s, "\n### By corpus size\n");
    let _ = writeln!(
        s,
        "Index size (MB), indexing rate (page files/s, as every peer counts a page file as a document) and \
         HTTP latency with 1 client (ms), from the smallest corpus to the largest.\n"
    );
    let _ = writeln!(
        s,
        "| corpus | page files | size: annals | baseline | tantivy-cli | FTS5 | files/s: annals | baseline | tantivy-cli | FTS5 | p50: annals | FTS5 | p99: annals | FTS5 |"
    );
    let _ = writeln!(s, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for r in &by_size {
        let g = figures(r);
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            r.label,
            f0(g.files),
            f1(g.annals_size / 1e6),
            f1(g.base.size / 1e6),
            f1(g.tcli.size / 1e6),
            f1(g.fts.size / 1e6),
            f0(g.annals_files_s),
            f0(g.base.docs_s),
            f0(g.tcli.docs_s),
            f0(g.fts.docs_s),
            f2(g.p50),
            f2(g.fts_p50),
            f2(g.p99),
            f2(g.fts_p99)
        );
    }
    if let Some(big) = target_corpus(ctx, results)
        && let Some(small) = growth_base(results, big)
    {
        let (a, b) = (figures(small), figures(big));
        let _ = writeln!(s, "\n### Growth from {} to {}\n", small.label, big.label);
        let _ = writeln!(s, "| figure | {} | {} | ratio |", small.label, big.label);
        let _ = writeln!(s, "|---|---:|---:|---:|");
        let mut row = |name: &str, x: f64, y: f64, unit: &str| {
            if x.is_nan() && y.is_nan() {
                return;
            }
            let fmt = |v: f64| if v >= 100.0 { f0(v) } else { f2(v) };
            let (x_s, y_s) = (fmt(x), fmt(y));
            let unit = if unit.is_empty() { String::new() } else { format!(" {unit}") };
            let _ = writeln!(s, "| {name} | {x_s}{unit} | {y_s}{unit} | {}× |", f2(y / x));
        };
        row("page files", a.files, b.files, "");
        row("full index, annals", a.annals_wall, b.annals_wall, "s");
        row("full index, baseline", a.base.wall, b.base.wall, "s");
        row("full index, tantivy-cli", a.tcli.wall, b.tcli.wall, "s");
        row("full index, SQLite FTS5", a.fts.wall, b.fts.wall, "s");
        row("annals files/s", a.annals_files_s, b.annals_files_s, "");
        row("index size, annals", a.annals_size / 1e6, b.annals_size / 1e6, "MB");
        row("index size, SQLite FTS5", a.fts.size / 1e6, b.fts.size / 1e6, "MB");
        row("indexer peak RSS, annals", a.annals_rss_mb, b.annals_rss_mb, "MB");
        row("incremental, nothing changed", a.noop_wall, b.noop_wall, "s");
        row("incremental, 1% changed", a.incr_wall, b.incr_wall, "s");
        row("HTTP p50, 1 client", a.p50, b.p50, "ms");
        row("HTTP p99, 1 client", a.p99, b.p99, "ms");
        row("widget p50, 1 client", a.widget_p50, b.widget_p50, "ms");
        row("in-process p50", a.engine_p50, b.engine_p50, "ms");
        row("q/s, 2 clients", a.qps2, b.qps2, "");
        row("p99, 2 clients", a.p99_2, b.p99_2, "ms");
        row("q/s, 32 clients", a.qps32, b.qps32, "");
        row("p99, 32 clients", a.p99_32, b.p99_32, "ms");
        row("server peak RSS", a.rss_mb, b.rss_mb, "MB");
        row("server peak RssAnon", a.anon_mb, b.anon_mb, "MB");
        row("SQLite FTS5 HTTP p50, 1 client", a.fts_p50, b.fts_p50, "ms");
        row("SQLite FTS5 HTTP p99, 1 client", a.fts_p99, b.fts_p99, "ms");
        row("SQLite FTS5 q/s, 2 clients", a.fts_qps2, b.fts_qps2, "");
        row("SQLite FTS5 server peak RSS", a.fts_rss_mb, b.fts_rss_mb, "MB");
    }

    let _ = writeln!(s, "\n### Commands\n");
    let _ = writeln!(s, "```sh");
    let _ = writeln!(
        s,
        "make bench        # = scripts/bench.sh; BENCH_SIZES, BENCH_RUNS, BENCH_PHASE_SECS override"
    );
    let mut shown = false;
    for r in results {
        let slug: String = r.label.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
        if !shown {
            let w = ctx.args.work.display();
            let t = ctx.threads;
            let _ = writeln!(s, "# per corpus, e.g. {}:", r.label);
            let _ = writeln!(
                s,
                "target/release/annals index --content {} --index {w}/index-{slug} --full --json",
                r.dir
            );
            let _ = writeln!(
                s,
                "target/release/bench-baseline --content {} --index {w}/baseline-{slug} --threads {t}",
                r.dir
            );
            let _ = writeln!(
                s,
                "target/release/annals index --content {} --index {w}/index-{slug} --json   # incremental",
                r.dir
            );
            let _ = writeln!(s, "target/release/annals serve --index {w}/index-{slug} --addr 127.0.0.1:0");
            let _ = writeln!(
                s,
                "target/release/bench-load --addr 127.0.0.1:PORT --queries {} --clients 1 --warmup --secs {} --max-requests {}   # then 2, 32",
                ctx.args.queries.display(),
                ctx.args.phase_secs,
                ctx.args.phase_requests
            );
            let _ = writeln!(
                s,
                "target/release/bench-load --addr 127.0.0.1:PORT --queries {} --clients 1 --secs {} --max-requests {} --extra '{WIDGET_PARAMS}'   # widget",
                ctx.args.queries.display(),
                ctx.args.phase_secs,
                ctx.args.phase_requests
            );
            if let Some(tantivy) = &ctx.args.tantivy_cli {
                let _ = writeln!(
                    s,
                    "# tantivy-cli: {w}/tantivy-cli-{slug}.jsonl holds the posts as {{\"title\", \"body\"}} lines; {w}/tantivy-cli-{slug}/meta.json the schema"
                );
                let _ = writeln!(
                    s,
                    "{} index -i {w}/tantivy-cli-{slug} -f {w}/tantivy-cli-{slug}.jsonl",
                    tantivy.display()
                );
            }
            if !ctx.args.no_fts5 {
                let prefix = match ctx.args.fts5_prefix.trim() {
                    "" => String::new(),
                    p => format!(" --prefix '{p}'"),
                };
                let _ = writeln!(
                    s,
                    "target/release/bench-fts5 index --content {} --db {w}/fts5-{slug}.db{prefix}",
                    r.dir
                );
                let _ = writeln!(
                    s,
                    "target/release/bench-fts5 serve --db {w}/fts5-{slug}.db --addr 127.0.0.1:0   # then bench-load: 1, 2 clients, widget"
                );
            }
            let _ = writeln!(
                s,
                "target/release/bench-engine --index {w}/index-{slug} --queries {} --secs {}",
                ctx.args.queries.display(),
                ctx.args.phase_secs
            );
            shown = true;
        }
    }
    let _ = writeln!(s, "```\n\nRaw figures of this run: `{}/results.json`.", ctx.args.work.display());
    let _ = writeln!(s, "{END}");
    s
}

/// Replaces the generated section of `path` (creating the file, or appending the section,
/// when there is none).
fn replace_generated(path: &Path, section: &str) -> std::io::Result<()> {
    let old = std::fs::read_to_string(path).unwrap_or_default();
    let new = match (old.find(BEGIN), old.find(END)) {
        (Some(b), Some(e)) if e > b => {
            format!("{}{}{}", &old[..b], section.trim_end(), &old[e + END.len()..])
        }
        _ if old.is_empty() => format!("# Benchmarks\n\n{section}"),
        _ => format!("{}\n\n{section}", old.trim_end()),
    };
    std::fs::write(path, new)
}
