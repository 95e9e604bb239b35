//! Test harness: temporary Grav sites, the real `annals` binary, and a server on loopback.
//!
//! - [`TempContent`]: a fresh folder to write Grav sites into (`dir.create(path, text)`).
//! - [`TestCommand`]: runs `annals` with arguments; every run is bounded in time, and a
//!   failing assertion prints the command, its folder, exit status, stdout and stderr.
//! - [`TestServer`]: `annals serve` on `127.0.0.1:0`, killed when dropped; [`TestServer::get`]
//!   fails the test on any 5xx answer.

#![allow(dead_code)]

use std::ffi::{OsStr, OsString};
use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex, Weak, mpsc};
use std::time::{Duration, Instant};

use serde_json::Value;

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_annals");

/// How long one command may run before the test fails.
pub const COMMAND_TIMEOUT: Duration = Duration::from_secs(120);

/// Parent folder of every temporary folder of the suite (inside `target/`, so a folder kept
/// by a shared fixture does not litter `/tmp`).
fn temp_parent() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
}

// ---------------------------------------------------------------------------------------
// Content folders

/// A fresh temporary folder to write Grav sites into; removed when dropped.
pub struct TempContent {
    dir: tempfile::TempDir,
}

impl TempContent {
    /// A new empty folder.
    pub fn new() -> TempContent {
        TempContent::with_prefix("annals-test-")
    }

    /// A new empty folder whose name starts with `prefix`.
    pub fn with_prefix(prefix: &str) -> TempContent {
        let parent = temp_parent();
        std::fs::create_dir_all(&parent).expect("creating the suite's temp folder");
        let dir =
            tempfile::Builder::new().prefix(prefix).tempdir_in(&parent).expect("creating a temp folder");
        TempContent { dir }
    }

    /// A folder for a fixture shared by the whole run: kept after the run (statics are not
    /// dropped), so folders of earlier runs older than an hour are removed first.
    pub fn shared(prefix: &str) -> TempContent {
        let parent = temp_parent();
        if let Ok(entries) = std::fs::read_dir(&parent) {
            for e in entries.flatten() {
                let stale = e.file_name().to_string_lossy().starts_with(prefix)
                    && e.metadata()
                        .and_then(|m| m.modified())
                        .ok()
                        .and_then(|t| t.elapsed().ok())
                        .is_some_and(|age| age > Duration::from_secs(3600));
                if stale {
                    let _ = std::fs::remove_dir_all(e.path());
                }
            }
        }
        TempContent::with_prefix(prefix)
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// `rel` inside the folder.
    pub fn join(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Writes `contents` to `rel` (`/`-separated), creating folders.
    pub fn create(&self, rel: &str, contents: &str) -> PathBuf {
        self.create_bytes(rel, contents.as_bytes())
    }

    /// Writes raw bytes to `rel`, creating folders.
    pub fn create_bytes(&self, rel: &str, contents: &[u8]) -> PathBuf {
        let path = self.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("mkdir {}: {e}", parent.display()));
        }
        std::fs::write(&path, contents).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        path
    }

    /// Writes `<user>/config/system.yaml`.
    pub fn system_yaml(&self, user: &str, yaml: &str) -> PathBuf {
        self.create(&format!("{user}/config/system.yaml"), yaml)
    }

    /// Removes the file `rel`.
    pub fn remove(&self, rel: &str) {
        let path = self.join(rel);
        std::fs::remove_file(&path).unwrap_or_else(|e| panic!("remove {}: {e}", path.display()));
    }

    /// Number of `.md` files below `rel`.
    pub fn md_count(&self, rel: &str) -> usize {
        md_files(&self.join(rel)).len()
    }

    /// Lists every file below the folder, for failure messages.
    pub fn listing(&self) -> String {
        let mut out = String::new();
        let mut files = all_files(self.path());
        files.sort();
        for f in files {
            let _ = writeln!(out, "  {}", f.strip_prefix(self.path()).unwrap_or(&f).display());
        }
        out
    }
}

fn all_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out
}

/// Every `.md` file below `dir`.
pub fn md_files(dir: &Path) -> Vec<PathBuf> {
    all_files(dir).into_iter().filter(|p| p.extension().is_some_and(|e| e == "md")).collect()
}

// ---------------------------------------------------------------------------------------
// Commands

/// One run of the `annals` binary.
pub struct TestCommand {
    args: Vec<OsString>,
    cwd: Option<PathBuf>,
    stdin: Option<Vec<u8>>,
    timeout: Duration,
}

/// What a finished command left.
pub struct CmdOutput {
    /// The command line, for messages.
    pub command: String,
    /// Working folder, for messages.
    pub cwd: String,
    /// Exit status.
    pub status: ExitStatus,
    /// Standard output (lossy UTF-8).
    pub stdout: String,
    /// Standard error (lossy UTF-8).
    pub stderr: String,
}

impl TestCommand {
    /// `annals ARGS...`.
    pub fn new<I, S>(args: I) -> TestCommand
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        TestCommand {
            args: args.into_iter().map(|a| a.as_ref().to_owned()).collect(),
            cwd: None,
            stdin: None,
            timeout: COMMAND_TIMEOUT,
        }
    }

    /// Adds an argument.
    pub fn arg(&mut self, a: impl AsRef<OsStr>) -> &mut Self {
        self.args.push(a.as_ref().to_owned());
        self
    }

    /// Adds arguments.
    pub fn args<I, S>(&mut self, args: I) -> &mut Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.args.extend(args.into_iter().map(|a| a.as_ref().to_owned()));
        self
    }

    /// Runs in `dir`.
    pub fn current_dir(&mut self, dir: &Path) -> &mut Self {
        self.cwd = Some(dir.to_path_buf());
        self
    }

    /// Feeds `bytes` on standard input.
    pub fn stdin(&mut self, bytes: impl Into<Vec<u8>>) -> &mut Self {
        self.stdin = Some(bytes.into());
        self
    }

    /// Longest the command may run.
    pub fn timeout(&mut self, t: Duration) -> &mut Self {
        self.timeout = t;
        self
    }

    fn describe(&self) -> String {
        let mut s = String::from("annals");
        for a in &self.args {
            let a = a.to_string_lossy();
            if a.is_empty() || a.contains(|c: char| c.is_whitespace() || c == '"' || c == '\'') {
                let _ = write!(s, " {a:?}");
            } else {
                let _ = write!(s, " {a}");
            }
        }
        s
    }

    /// Runs the command to its end (bounded by the timeout) whatever its status; fails the
    /// test if it panicked.
    pub fn output(&mut self) -> CmdOutput {
        let command = self.describe();
        let mut cmd = Command::new(BIN);
        cmd.args(&self.args)
            .env_remove("RUST_LOG")
            .env("NO_COLOR", "1")
            .stdin(if self.stdin.is_some() { Stdio::piped() } else { Stdio::null() })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if let Some(cwd) = &self.cwd {
            cmd.current_dir(cwd);
        }
        let cwd = self
            .cwd
            .clone()
            .or_else(|| std::env::current_dir().ok())
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let mut child = cmd.spawn().unwrap_or_else(|e| panic!("cannot run {command}: {e}"));
        let feeder = self.stdin.take().map(|bytes| {
            let mut pipe = child.stdin.take().expect("stdin pipe");
            std::thread::spawn(move || {
                let _ = pipe.write_all(&bytes);
            })
        });
        let out = reader(child.stdout.take().expect("stdout pipe"));
        let err = reader(child.stderr.take().expect("stderr pipe"));
        let started = Instant::now();
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break status,
                Ok(None) if started.elapsed() > self.timeout => {
                    let _ = child.kill();
                    let _ = child.wait();
                    let stdout = out.join().unwrap_or_default();
                    let stderr = err.join().unwrap_or_default();
                    panic!(
                        "{command} did not finish within {:?}\n--- stdout\n{}\n--- stderr\n{}",
                        self.timeout,
                        clip(&stdout),
                        clip(&stderr)
                    );
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(5)),
                Err(e) => panic!("waiting for {command}: {e}"),
            }
        };
        if let Some(f) = feeder {
            let _ = f.join();
        }
        let output = CmdOutput {
            command,
            cwd,
            status,
            stdout: out.join().unwrap_or_default(),
            stderr: err.join().unwrap_or_default(),
        };
        let panicked =
            output.stderr.contains("panicked at") || output.stderr.contains("annals: internal error");
        assert!(!panicked, "the command panicked\n{}", output.details());
        output
    }

    /// Runs the command and fails the test unless it exits 0.
    pub fn run_ok(&mut self) -> CmdOutput {
        let out = self.output();
        assert!(out.status.success(), "expected exit 0\n{}", out.details());
        out
    }
}

fn reader(mut pipe: impl Read + Send + 'static) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = pipe.read_to_end(&mut buf);
        String::from_utf8_lossy(&buf).into_owned()
    })
}

/// At most ~8 kB of `s`, for messages.
pub fn clip(s: &str) -> &str {
    &s[..s.floor_char_boundary(8000)]
}

impl CmdOutput {
    /// Everything about the run, for a failure message.
    pub fn details(&self) -> String {
        format!(
            "command: {}\ncwd: {}\nstatus: {}\n--- stdout\n{}\n--- stderr\n{}\n---",
            self.command,
            self.cwd,
            self.status,
            clip(&self.stdout),
            clip(&self.stderr)
        )
    }

    /// Standard output as exactly one JSON value (surrounding whitespace allowed).
    pub fn json(&self) -> Value {
        let text = self.stdout.trim();
        let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Value>();
        let first = match stream.next() {
            Some(Ok(v)) => v,
            Some(Err(e)) => panic!("stdout is not JSON: {e}\n{}", self.details()),
            None => panic!("stdout is empty, expected one JSON object\n{}", self.details()),
        };
        assert!(stream.next().is_none(), "stdout holds more than one JSON value\n{}", self.details());
        assert!(first.is_object(), "stdout is JSON but not an object\n{}", self.details());
        first
    }

    /// Standard output as JSON lines.
    pub fn json_lines(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                serde_json::from_str(l)
                    .unwrap_or_else(|e| panic!("line {l:?} is not JSON: {e}\n{}", self.details()))
            })
            .collect()
    }
}

/// `annals index --content CONTENT --index INDEX --json EXTRA...`, exit 0 required; returns
/// the report.
pub fn index_json(content: &Path, index: &Path, extra: &[&str]) -> Value {
    let out = TestCommand::new(["index", "--json", "--content"])
        .arg(content)
        .arg("--index")
        .arg(index)
        .args(extra)
        .run_ok();
    let report = out.json();
    check_report_shape(&report, &out);
    report
}

/// The report of `annals index --json` has the contract's fields and types.
pub fn check_report_shape(report: &Value, out: &CmdOutput) {
    for key in ["indexed", "unchanged", "removed"] {
        assert!(report[key].is_u64(), "report field `{key}` is not a count\n{}", out.details());
    }
    for key in ["skipped", "errors"] {
        assert!(report[key].is_array(), "report field `{key}` is not a list\n{}", out.details());
    }
    for s in report["skipped"].as_array().into_iter().flatten() {
        assert!(s["path"].is_string() && s["reason"].is_string(), "bad skipped entry {s}\n{}", out.details());
    }
    for e in report["errors"].as_array().into_iter().flatten() {
        assert!(e["path"].is_string() && e["message"].is_string(), "bad error entry {e}\n{}", out.details());
        assert!(e["line"].is_u64() || e["line"].is_null(), "bad error line {e}\n{}", out.details());
    }
}

/// Files the report accounts for: indexed + unchanged + skipped + errors.
pub fn report_total(report: &Value) -> u64 {
    count(report, "indexed")
        + count(report, "unchanged")
        + report["skipped"].as_array().map_or(0, |a| a.len() as u64)
        + report["errors"].as_array().map_or(0, |a| a.len() as u64)
}

/// A count field of a JSON object (0 when missing, which the shape check catches).
pub fn count(v: &Value, key: &str) -> u64 {
    v[key].as_u64().unwrap_or(0)
}

/// `annals search --index INDEX --json EXTRA... -- QUERY`, exit 0 required.
pub fn search_json(index: &Path, query: &str, extra: &[&str]) -> Value {
    TestCommand::new(["search", "--json", "--index"])
        .arg(index)
        .args(extra)
        .arg("--")
        .arg(query)
        .run_ok()
        .json()
}

// ---------------------------------------------------------------------------------------
// Reading answers

/// The `hits` of a search answer.
pub fn hits(res: &Value) -> &Vec<Value> {
    res["hits"].as_array().unwrap_or_else(|| panic!("no `hits` list in {res}"))
}

/// A string field of every hit.
pub fn hit_strs<'a>(res: &'a Value, key: &str) -> Vec<&'a str> {
    hits(res).iter().map(|h| h[key].as_str().unwrap_or("")).collect()
}

/// The hit whose `path` ends with `suffix`.
pub fn hit_by_path<'a>(res: &'a Value, suffix: &str) -> Option<&'a Value> {
    hits(res).iter().find(|h| h["path"].as_str().is_some_and(|p| p.ends_with(suffix)))
}

/// True when some hit's `path` contains `part`.
pub fn has_path(res: &Value, part: &str) -> bool {
    hits(res).iter().any(|h| h["path"].as_str().is_some_and(|p| p.contains(part)))
}

/// A short listing of the hits, for failure messages.
pub fn show_hits(res: &Value) -> String {
    let mut out = format!("total={} ", res["total"]);
    for h in res["hits"].as_array().into_iter().flatten() {
        let _ =
            write!(out, "\n  {} | {} | {} | {} | {}", h["id"], h["lang"], h["url"], h["path"], h["title"]);
    }
    out
}

/// `s` encoded for a query string (`application/x-www-form-urlencoded`) or a path segment
/// without spaces.
pub fn enc(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// A query string from pairs, encoded.
pub fn qs(pairs: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish()
}

/// Checks that `s` is RFC 3339 with a numeric offset (`2019-07-22T10:00:00+06:00`).
pub fn assert_rfc3339_offset(s: &str) {
    assert!(s.parse::<jiff::Timestamp>().is_ok(), "`{s}` is not RFC 3339");
    let b = s.as_bytes();
    let ok = b.len() >= 25
        && b[10] == b'T'
        && matches!(b[b.len() - 6], b'+' | b'-')
        && b[b.len() - 3] == b':'
        && s[s.len() - 5..].chars().filter(char::is_ascii_digit).count() == 4;
    assert!(ok, "`{s}` is not RFC 3339 with a numeric offset (+HH:MM)");
}

/// The instant of an RFC 3339 string.
pub fn instant(s: &str) -> jiff::Timestamp {
    s.parse().unwrap_or_else(|e| panic!("`{s}` is not RFC 3339: {e}"))
}

// ---------------------------------------------------------------------------------------
// Server

/// `annals serve` on a free loopback port; killed (and reaped) when dropped.
pub struct TestServer {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    log: PathBuf,
    _logdir: tempfile::TempDir,
    agent: ureq::Agent,
}

/// One HTTP answer.
pub struct Resp {
    /// What was asked, for messages.
    pub url: String,
    /// Status code.
    pub status: u16,
    /// Headers, names lowercased.
    pub headers: Vec<(String, String)>,
    /// Body text.
    pub body: String,
}

impl Resp {
    /// The body as JSON; fails the test when it is not.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| {
            panic!("GET {} ({}): body is not JSON: {e}\n{}", self.url, self.status, clip(&self.body))
        })
    }

    /// A header's value.
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers.iter().find(|(k, _)| *k == name).map(|(_, v)| v.as_str())
    }

    /// Fails unless the status is `status`.
    pub fn expect(&self, status: u16) -> &Resp {
        assert_eq!(self.status, status, "GET {}: unexpected status; body:\n{}", self.url, clip(&self.body));
        self
    }
}

impl TestServer {
    /// Starts `annals serve --index INDEX --addr 127.0.0.1:0 EXTRA...` and waits until
    /// `/healthz` answers (at most ~10 s each for the address line and for health).
    pub fn start(index: &Path, extra: &[&str]) -> TestServer {
        let logdir = tempfile::Builder::new()
            .prefix("annals-serve-log-")
            .tempdir_in({
                let p = temp_parent();
                std::fs::create_dir_all(&p).expect("temp parent");
                p
            })
            .expect("log folder");
        let log = logdir.path().join("stderr.log");
        let log_file = std::fs::File::create(&log).expect("server log file");
        let mut child = Command::new(BIN)
            .arg("serve")
            .arg("--index")
            .arg(index)
            .args(["--addr", "127.0.0.1:0"])
            .args(extra)
            .env_remove("RUST_LOG")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::from(log_file))
            .spawn()
            .expect("spawning annals serve");
        let stdout = child.stdout.take().expect("stdout pipe");
        let (tx, rx) = mpsc::channel::<String>();
        std::thread::spawn(move || {
            let mut lines = BufReader::new(stdout).lines();
            for line in lines.by_ref().map_while(Result::ok) {
                if line.contains("listening on ") {
                    let _ = tx.send(line);
                    break;
                }
            }
            // Keep draining so the server never blocks on a full pipe.
            for _ in lines.map_while(Result::ok) {}
        });
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .proxy(None)
            .max_redirects(0)
            .timeout_global(Some(Duration::from_secs(30)))
            .build()
            .into();
        let mut server = TestServer { child, base: String::new(), log, _logdir: logdir, agent };
        let line = match rx.recv_timeout(Duration::from_secs(10)) {
            Ok(line) => line,
            Err(_) => {
                panic!("annals serve printed no `listening on` line within 10 s\n{}", server.log_text())
            }
        };
        let addr = line.split("listening on ").nth(1).unwrap_or("").trim().trim_end_matches('/').to_owned();
        assert!(
            addr.starts_with("http://127.0.0.1:"),
            "unexpected address line {line:?}\n{}",
            server.log_text()
        );
        server.base = addr;
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let ok = server
                .agent
                .get(format!("{}/healthz", server.base))
                .call()
                .map(|r| r.status().as_u16() == 200)
                .unwrap_or(false);
            if ok {
                break;
            }
            if Instant::now() > deadline {
                panic!("/healthz did not answer 200 within 10 s\n{}", server.log_text());
            }
            if let Ok(Some(status)) = server.child.try_wait() {
                panic!("annals serve exited ({status}) before answering\n{}", server.log_text());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    /// The server's log so far.
    pub fn log_text(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        format!("--- server stderr\n{}\n---", clip(&text))
    }

    /// `GET path` (path and query, already encoded).
    pub fn get(&self, path: &str) -> Resp {
        self.get_with(path, &[])
    }

    /// `GET path` with extra request headers. Fails the test on a transport error or a 5xx.
    pub fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Resp {
        let url = format!("{}{}", self.base, path);
        let mut req = self.agent.get(&url);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let mut resp = req.call().unwrap_or_else(|e| panic!("GET {url} failed: {e}\n{}", self.log_text()));
        let status = resp.status().as_u16();
        let headers = resp
            .headers()
            .iter()
            .map(|(k, v)| {
                (k.as_str().to_ascii_lowercase(), String::from_utf8_lossy(v.as_bytes()).into_owned())
            })
            .collect();
        let body =
            resp.body_mut().read_to_string().unwrap_or_else(|e| panic!("GET {url}: reading body: {e}"));
        assert!(
            status < 500,
            "GET {url} answered {status} (no answer may be 5xx)\n{}\n{}",
            clip(&body),
            self.log_text()
        );
        Resp { url, status, headers, body }
    }

    /// `GET /api/search?PAIRS`, 200 required; the JSON body.
    pub fn search(&self, pairs: &[(&str, &str)]) -> Value {
        let r = self.get(&format!("/api/search?{}", qs(pairs)));
        r.expect(200);
        r.json()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A server shared by the tests running at the same time: started on first use, stopped
/// when the last test holding it is done (so nothing outlives the test process).
pub fn shared_server(slot: &Mutex<Weak<TestServer>>, start: impl FnOnce() -> TestServer) -> Arc<TestServer> {
    let mut guard = slot.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(s) = guard.upgrade() {
        return s;
    }
    let s = Arc::new(start());
    *guard = Arc::downgrade(&s);
    s
}
