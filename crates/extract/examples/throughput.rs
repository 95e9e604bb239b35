//! Extraction throughput over folders of Grav page files, and a dump of every output to check
//! that an optimisation changes nothing.
//!
//! ```sh
//! cargo run --release -p annals-extract --example throughput -- FOLDER... [--dump FILE] [--repeat N]
//! ```
//!
//! A `.jsonl` file among the folders is read as an evaluation set (`id`, `lang`, `text`,
//! `dct` per line, as in `gold-dev`) and its texts extracted as they are.
//!
//! Walks every folder for `.md` files (in sorted path order), strips the YAML front matter
//! (between the first two `---` lines) and calls
//! [`annals_extract::extract`]`(body, lang, Some(date))` on the rest, where `lang` is the
//! file-name suffix (`item.kk.md` → `kk`, else `en`) and `date` the first `YYYY-MM-DD` of the
//! front matter's `date:` line (else 2019-07-22). Prints files, MB, and files/s and MB/s of
//! the time spent in `extract` alone (reading and stripping excluded), both wall-clock and
//! CPU time of the thread (which other load on a shared machine does not inflate); with
//! `--repeat N` the best of N passes. `--dump FILE` first writes one JSON line per file (path
//! and the whole [`annals_extract::Extraction`]) for `cmp` against a dump of another build.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A text to extract from: its name, text, language and document date.
type Doc = (PathBuf, String, String, Option<jiff::civil::Date>);

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|e| e == "md") {
            out.push(p);
        }
    }
}

/// The body after the front matter, and the front matter's date.
fn split(src: &str) -> (&str, Option<jiff::civil::Date>) {
    let mut lines = src.split_inclusive('\n');
    let Some(first) = lines.next() else { return (src, None) };
    if first.trim_end() != "---" {
        return (src, None);
    }
    let mut pos = first.len();
    let mut date = None;
    for line in lines {
        pos += line.len();
        if line.trim_end() == "---" {
            return (&src[pos..], date);
        }
        if date.is_none()
            && let Some(v) = line.strip_prefix("date:")
        {
            date = first_iso_date(v);
        }
    }
    (src, None)
}

fn first_iso_date(s: &str) -> Option<jiff::civil::Date> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let w = &b[i..i + 10];
        let shape =
            w.iter().enumerate().all(|(k, c)| if k == 4 || k == 7 { *c == b'-' } else { c.is_ascii_digit() });
        if shape { s[i..i + 10].parse().ok() } else { None }
    })
}

/// The documents of a JSON Lines file in the evaluation format (`id`, `lang`, `text`, `dct`),
/// named `FILE#id`.
fn gold_docs(file: &Path) -> std::io::Result<Vec<Doc>> {
    let src = std::fs::read_to_string(file)?;
    Ok(src
        .lines()
        .filter_map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).ok()?;
            let field = |k: &str| v.get(k).and_then(serde_json::Value::as_str);
            let id = v.get("id").map(ToString::to_string).unwrap_or_default();
            let dct = field("dct").and_then(|d| d.get(..10)).and_then(|d| d.parse().ok());
            let name = PathBuf::from(format!("{}#{id}", file.display()));
            Some((name, field("text")?.to_owned(), field("lang").unwrap_or("").to_owned(), dct))
        })
        .collect())
}

fn lang_of(path: &Path) -> String {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    match stem.rsplit_once('.') {
        Some((_, l)) if l.len() == 2 && l.bytes().all(|b| b.is_ascii_lowercase()) => l.to_owned(),
        _ => "en".to_owned(),
    }
}

fn main() -> std::io::Result<()> {
    let mut folders: Vec<PathBuf> = Vec::new();
    let mut dump: Option<PathBuf> = None;
    let mut repeat = 1usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--dump" => dump = args.next().map(PathBuf::from),
            "--repeat" => repeat = args.next().and_then(|n| n.parse().ok()).unwrap_or(1).max(1),
            _ => folders.push(PathBuf::from(arg)),
        }
    }
    if folders.is_empty() {
        eprintln!("usage: throughput FOLDER... [--dump FILE] [--repeat N]");
        std::process::exit(2);
    }
    let mut paths = Vec::new();
    for f in &folders {
        walk(f, &mut paths);
    }
    let fallback = jiff::civil::date(2019, 7, 22);
    let mut docs: Vec<Doc> = Vec::new();
    for f in folders.iter().filter(|f| f.is_file()) {
        docs.extend(gold_docs(f)?);
    }
    docs.extend(paths.into_iter().filter_map(|p| {
        let bytes = std::fs::read(&p).ok()?;
        let src = String::from_utf8_lossy(&bytes);
        let (body, date) = split(&src);
        let body = body.to_owned();
        let lang = lang_of(&p);
        Some((p, body, lang, Some(date.unwrap_or(fallback))))
    }));
    let bytes: usize = docs.iter().map(|d| d.1.len()).sum();
    if let Some(path) = &dump {
        let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
        for (path, body, lang, date) in &docs {
            let x = annals_extract::extract(body, lang, *date);
            let line = serde_json::json!({"path": path.display().to_string(), "x": x});
            writeln!(out, "{line}")?;
        }
        out.flush()?;
    }
    let (mut best_wall, mut best_cpu) = (Duration::MAX, Duration::MAX);
    for _ in 0..repeat {
        let (wall, cpu) = (Instant::now(), thread_cpu());
        for (_, body, lang, date) in &docs {
            std::hint::black_box(annals_extract::extract(body, lang, *date));
        }
        best_wall = best_wall.min(wall.elapsed());
        best_cpu = best_cpu.min(thread_cpu().saturating_sub(cpu));
    }
    let rate = |d: Duration| {
        let secs = d.as_secs_f64();
        format!(
            "{:.3} s: {:.0} files/s, {:.2} MB/s",
            secs,
            docs.len() as f64 / secs,
            bytes as f64 / 1e6 / secs
        )
    };
    println!("{} files, {:.1} MB", docs.len(), bytes as f64 / 1e6);
    println!("  wall {}", rate(best_wall));
    println!("  cpu  {}", rate(best_cpu));
    Ok(())
}

/// CPU time of this thread so far (Linux `schedstat`; zero elsewhere), so that other load on
/// the machine does not count.
fn thread_cpu() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .map(Duration::from_nanos)
        .unwrap_or_default()
}
