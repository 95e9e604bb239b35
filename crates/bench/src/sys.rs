//! Process and machine measurements from `/proc` (Linux), with the standard library only.
//!
//! CPU time of a child comes from the `cutime`/`cstime` fields of `/proc/self/stat`, which
//! grow by exactly the child's user and system time once it has been waited for (as
//! `getrusage(RUSAGE_CHILDREN)` does). Peak RSS comes from the child's `VmHWM` (the kernel's
//! high-water mark of its resident set), read every few milliseconds until it exits.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::thread;
use std::time::{Duration, Instant};

/// How often a running child's memory is read.
const POLL: Duration = Duration::from_millis(5);

/// Memory figures of one process, in KiB, from `/proc/PID/status`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Memory {
    /// Resident set now (`VmRSS`).
    pub rss_kb: u64,
    /// Anonymous resident memory now (`RssAnon`): heap and stacks, not mapped files.
    pub anon_kb: u64,
    /// Peak resident set (`VmHWM`).
    pub hwm_kb: u64,
}

/// Memory of process `pid`, `None` once it is gone (or a zombie).
pub fn memory(pid: u32) -> Option<Memory> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let mut m = Memory::default();
    let mut seen = false;
    for line in text.lines() {
        let Some((key, value)) = line.split_once(':') else { continue };
        let kb = || value.split_whitespace().next().and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
        match key {
            "VmRSS" => {
                m.rss_kb = kb();
                seen = true;
            }
            "RssAnon" => m.anon_kb = kb(),
            "VmHWM" => m.hwm_kb = kb(),
            _ => {}
        }
    }
    seen.then_some(m)
}

fn clock_ticks() -> f64 {
    static TICKS: OnceLock<f64> = OnceLock::new();
    *TICKS.get_or_init(|| {
        Command::new("getconf")
            .arg("CLK_TCK")
            .output()
            .ok()
            .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse::<f64>().ok())
            .filter(|t| *t > 0.0)
            .unwrap_or(100.0)
    })
}

/// User and system CPU seconds of this process's waited-for children so far.
pub fn children_cpu() -> (f64, f64) {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else { return (f64::NAN, f64::NAN) };
    // Fields after the command name (which may hold spaces) start at field 3 (`state`);
    // `cutime` and `cstime` are fields 16 and 17.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let field = |n: usize| fields.get(n - 3).and_then(|v| v.parse::<f64>().ok()).unwrap_or(f64::NAN);
    (field(16) / clock_ticks(), field(17) / clock_ticks())
}

/// What a measured child did.
#[derive(Debug, Clone)]
pub struct Measured {
    /// Wall time, seconds.
    pub wall: f64,
    /// User CPU seconds.
    pub user: f64,
    /// System CPU seconds.
    pub sys: f64,
    /// Peak resident set, KiB.
    pub peak_rss_kb: u64,
    /// Exit code (`None` when killed by a signal).
    pub code: Option<i32>,
    /// Everything it wrote on stdout.
    pub stdout: String,
}

/// Runs `cmd` to completion with stdout captured and stderr appended to `stderr_log`,
/// measuring wall time, CPU time and peak RSS. Must not run concurrently with another
/// child of this process (CPU times are the difference of the children's totals).
pub fn run_measured(cmd: &mut Command, stderr_log: &Path) -> io::Result<Measured> {
    let log = File::options().create(true).append(true).open(stderr_log)?;
    cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(log);
    let (user0, sys0) = children_cpu();
    let started = Instant::now();
    let mut child = cmd.spawn()?;
    let pid = child.id();
    let mut out = child.stdout.take();
    let reader = thread::spawn(move || {
        let mut s = String::new();
        if let Some(o) = out.as_mut() {
            let _ = o.read_to_string(&mut s);
        }
        s
    });
    let mut peak = 0;
    let status = loop {
        if let Some(m) = memory(pid) {
            peak = peak.max(m.hwm_kb).max(m.rss_kb);
        }
        if let Some(status) = child.try_wait()? {
            break status;
        }
        thread::sleep(POLL);
    };
    let wall = started.elapsed().as_secs_f64();
    let (user1, sys1) = children_cpu();
    let stdout = reader.join().unwrap_or_default();
    Ok(Measured {
        wall,
        user: user1 - user0,
        sys: sys1 - sys0,
        peak_rss_kb: peak,
        code: status.code(),
        stdout,
    })
}

/// Busy share of all CPUs (0..=1) over `window`, from `/proc/stat`: how loaded the machine
/// is by everything else while this process waits.
pub fn busy_fraction(window: Duration) -> f64 {
    fn sample() -> Option<(u64, u64)> {
        let stat = std::fs::read_to_string("/proc/stat").ok()?;
        let line = stat.lines().find(|l| l.starts_with("cpu "))?;
        let v: Vec<u64> = line.split_whitespace().skip(1).filter_map(|x| x.parse().ok()).collect();
        // user nice system idle iowait irq softirq steal (guest is already in user).
        let total: u64 = v.iter().take(8).sum();
        let idle = v.get(3).copied().unwrap_or(0) + v.get(4).copied().unwrap_or(0);
        Some((total, idle))
    }
    let Some((t0, i0)) = sample() else { return f64::NAN };
    thread::sleep(window);
    let Some((t1, i1)) = sample() else { return f64::NAN };
    let total = t1.saturating_sub(t0) as f64;
    if total == 0.0 { 0.0 } else { 1.0 - i1.saturating_sub(i0) as f64 / total }
}

/// The 1, 5 and 15 minute load averages.
pub fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// CPU model, as `/proc/cpuinfo` names it.
pub fn cpu_model() -> String {
    let info = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    info.lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split_once(':'))
        .map(|(_, v)| v.trim().to_owned())
        .unwrap_or_else(|| "unknown".to_owned())
}

/// Total RAM in KiB.
pub fn mem_total_kb() -> u64 {
    let info = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    info.lines()
        .find(|l| l.starts_with("MemTotal:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// Total size of the files below `dir`, in bytes.
pub fn dir_size(dir: &Path) -> u64 {
    let mut total = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            let Ok(meta) = e.metadata() else { continue };
            if meta.is_dir() {
                stack.push(e.path());
            } else {
                total += meta.len();
            }
        }
    }
    total
}

/// Every `*.md` file below a `pages` folder under `root`, sorted: the page files of the
/// sites there, as both annals and the baseline read them.
pub fn page_files(root: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![(root.to_path_buf(), false)];
    while let Some((d, in_pages)) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            let Ok(kind) = e.file_type() else { continue };
            let path = e.path();
            if kind.is_dir() {
                stack.push((path, in_pages || e.file_name() == "pages"));
            } else if in_pages && path.extension().is_some_and(|x| x == "md") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}
