//! The `annals` binary and the children started from it, each killed and reaped on drop.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The `annals` binary to run: `ANNALS_BIN` when set, else `annals` in the folder of the
/// running executable (`target/<profile>/`, or the one above `deps/` for a test binary).
/// `None` when it is not there (it is never built from here).
pub fn annals_bin() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("ANNALS_BIN") {
        let p = PathBuf::from(p);
        return p.is_file().then_some(p);
    }
    let exe = std::env::current_exe().ok()?;
    let mut dir = exe.parent()?;
    if dir.file_name().is_some_and(|n| n == "deps") {
        dir = dir.parent()?;
    }
    let bin = dir.join(format!("annals{}", std::env::consts::EXE_SUFFIX));
    bin.is_file().then_some(bin)
}

/// The binary; when it is missing, `None` after a message saying why the caller skips, or,
/// when the environment variable `CI` is set, a panic with that message: in CI a check that
/// cannot run fails.
pub fn annals_bin_or_skip(what: &str) -> Option<PathBuf> {
    let bin = annals_bin();
    if bin.is_none() {
        let why = match std::env::var_os("ANNALS_BIN") {
            Some(p) => format!("ANNALS_BIN={} is not a file", PathBuf::from(p).display()),
            None => format!(
                "no `annals` binary next to this executable ({}); run `cargo build` (or `cargo test \
                 --workspace`, which builds it) first, or set ANNALS_BIN",
                std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_default()
            ),
        };
        skip_or_fail(&format!("{what}: {why}"));
    }
    bin
}

/// Says that a check is skipped because `why`; panics instead when `CI` is set.
pub fn skip_or_fail(why: &str) {
    if std::env::var_os("CI").is_some() {
        panic!("cannot run {why} (CI is set, so this fails instead of skipping)");
    }
    eprintln!("SKIPPED {why}");
}

/// A child process killed (SIGKILL) and reaped when dropped.
pub struct Guard {
    child: Child,
}

impl Guard {
    /// Spawns `cmd`.
    pub fn spawn(cmd: &mut Command) -> std::io::Result<Guard> {
        Ok(Guard { child: cmd.spawn()? })
    }

    /// The process id.
    pub fn id(&self) -> u32 {
        self.child.id()
    }

    /// The exit status, if it has exited.
    pub fn try_wait(&mut self) -> Option<std::process::ExitStatus> {
        self.child.try_wait().ok().flatten()
    }

    /// Waits at most `limit` for the exit; kills the child past it and returns `None`.
    pub fn wait_for(&mut self, limit: Duration) -> Option<std::process::ExitStatus> {
        let deadline = Instant::now() + limit;
        loop {
            if let Some(s) = self.try_wait() {
                return Some(s);
            }
            if Instant::now() >= deadline {
                self.kill();
                return None;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// SIGKILL now, and reap.
    pub fn kill(&mut self) {
        // Errors only say that the child is gone already.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// The child itself (for its pipes).
    pub fn child_mut(&mut self) -> &mut Child {
        &mut self.child
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        self.kill();
    }
}

/// `annals index --content CONTENT --index INDEX [extra]` as a command, quiet and without
/// progress output.
pub fn index_command(bin: &Path, content: &Path, index: &Path, extra: &[&str]) -> Command {
    let mut cmd = Command::new(bin);
    cmd.arg("index")
        .arg("--content")
        .arg(content)
        .arg("--index")
        .arg(index)
        .args(extra)
        .env_remove("RUST_LOG")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

/// Runs `annals index` to its end (at most `limit`); the exit status must be 0.
pub fn index_ok(
    bin: &Path,
    content: &Path,
    index: &Path,
    extra: &[&str],
    limit: Duration,
) -> Result<(), String> {
    let mut cmd = index_command(bin, content, index, extra);
    cmd.stderr(Stdio::piped());
    let mut g = Guard::spawn(&mut cmd).map_err(|e| format!("cannot run {}: {e}", bin.display()))?;
    let err = g.child_mut().stderr.take();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        if let Some(mut e) = err {
            // What could be read is what there is to show.
            let _ = std::io::Read::read_to_string(&mut e, &mut s);
        }
        s
    });
    let status = g.wait_for(limit);
    let stderr = reader.join().unwrap_or_default();
    match status {
        Some(s) if s.success() => Ok(()),
        Some(s) => Err(format!("annals index exited with {s}\n{stderr}")),
        None => Err(format!("annals index did not finish within {limit:?}\n{stderr}")),
    }
}

/// `annals serve` on a free loopback port, killed when dropped.
pub struct Server {
    guard: Guard,
    /// `127.0.0.1:PORT`.
    pub addr: std::net::SocketAddr,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    log: tempfile::NamedTempFile,
}

impl Server {
    /// Starts `annals serve --index INDEX --addr 127.0.0.1:0 [extra]` and waits (at most
    /// 20 s) until it prints its address and `/healthz` answers.
    pub fn start(bin: &Path, index: &Path, extra: &[&str]) -> Result<Server, String> {
        let log = tempfile::NamedTempFile::new().map_err(|e| format!("server log: {e}"))?;
        let log_file = log.reopen().map_err(|e| format!("server log: {e}"))?;
        let mut cmd = Command::new(bin);
        cmd.arg("serve")
            .arg("--index")
            .arg(index)
            .args(["--addr", "127.0.0.1:0"])
            .args(extra)
            .env_remove("RUST_LOG")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::from(log_file));
        let mut guard = Guard::spawn(&mut cmd).map_err(|e| format!("cannot run {}: {e}", bin.display()))?;
        let stdout = guard.child_mut().stdout.take().ok_or("no stdout pipe")?;
        let (tx, rx) = mpsc::channel::<String>();
        std::thread::spawn(move || {
            let mut lines = BufReader::new(stdout).lines();
            for line in lines.by_ref().map_while(Result::ok) {
                if let Some(addr) = line.split("listening on http://").nth(1) {
                    // The receiver may have stopped waiting.
                    let _ = tx.send(addr.trim().trim_end_matches('/').to_owned());
                    break;
                }
            }
            for _ in lines.map_while(Result::ok) {}
        });
        let read_log =
            |log: &tempfile::NamedTempFile| std::fs::read_to_string(log.path()).unwrap_or_default();
        let addr = match rx.recv_timeout(Duration::from_secs(20)) {
            Ok(a) => a,
            Err(_) => return Err(format!("annals serve printed no address within 20 s\n{}", read_log(&log))),
        };
        let addr: std::net::SocketAddr = addr.parse().map_err(|e| format!("address {addr:?}: {e}"))?;
        if !addr.ip().is_loopback() {
            return Err(format!("annals serve listens on {addr}, not loopback"));
        }
        let server = Server { guard, addr, base: format!("http://{addr}"), log };
        let client = crate::http::Client::new(Duration::from_secs(5));
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok((200, _)) = client.get(&server.base, "/healthz") {
                return Ok(server);
            }
            if Instant::now() > deadline {
                return Err(format!("/healthz did not answer 200 within 20 s\n{}", server.log_text()));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.guard.id()
    }

    /// True while the process runs.
    pub fn alive(&mut self) -> bool {
        self.guard.try_wait().is_none()
    }

    /// What the server wrote on stderr so far (at most the last 8 kB).
    pub fn log_text(&self) -> String {
        let text = std::fs::read_to_string(self.log.path()).unwrap_or_default();
        let start = text.ceil_char_boundary(text.len().saturating_sub(8000));
        format!("--- server stderr (tail)\n{}\n---", &text[start..])
    }
}

/// A temporary folder in `parent` for a fixture that lives as long as the test process
/// (statics are never dropped): folders of earlier runs with the same prefix older than an
/// hour are removed first.
pub fn scratch_dir(parent: impl AsRef<Path>, prefix: &str) -> tempfile::TempDir {
    let parent = parent.as_ref();
    // A folder that cannot be made fails the `tempdir_in` below, with its error.
    let _ = std::fs::create_dir_all(parent);
    if let Ok(entries) = std::fs::read_dir(parent) {
        for e in entries.flatten() {
            let stale = e.file_name().to_string_lossy().starts_with(prefix)
                && e.metadata()
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| t.elapsed().ok())
                    .is_some_and(|age| age > Duration::from_secs(3600));
            if stale {
                // Best effort: another test process may be removing it too.
                let _ = std::fs::remove_dir_all(e.path());
            }
        }
    }
    tempfile::Builder::new().prefix(prefix).tempdir_in(parent).expect("creating a temporary folder")
}

/// Resident memory (`VmRSS`) of a process in KiB, from `/proc/PID/status`.
pub fn rss_kib(pid: u32) -> Option<u64> {
    status_kib(pid, "VmRSS:")
}

/// Resident anonymous memory (`RssAnon`: heap and stacks, not the mapped index files) in KiB.
pub fn rss_anon_kib(pid: u32) -> Option<u64> {
    status_kib(pid, "RssAnon:")
}

fn status_kib(pid: u32, key: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
