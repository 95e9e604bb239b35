//! Language detection over every page of every Grav site under some folders: a dump to check
//! that a change to [`annals_grav::detect_lang`] changes no answer, and its speed.
//!
//! ```sh
//! cargo run --release -p annals-grav --example lang_check -- FOLDER... [--dump FILE] [--repeat N]
//! ```
//!
//! Reads each page with [`annals_grav::read_page`], then times `detect_lang` alone on the
//! text `read_page` gives it (title, a blank line, body). `--dump FILE` writes one line per
//! post (`path<TAB>language or -`); prints posts, MB, and posts/s and MB/s of detection, in
//! wall-clock and in CPU time of the thread (best of `--repeat N` passes).

use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use annals_grav::{Outcome, detect_lang, discover, read_page};

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
        eprintln!("usage: lang_check FOLDER... [--dump FILE] [--repeat N]");
        std::process::exit(2);
    }
    let now = jiff::Timestamp::now();
    let mut texts: Vec<(String, String)> = Vec::new();
    for folder in &folders {
        let Ok(sites) = discover(folder) else { continue };
        for site in &sites {
            for file in site.page_files() {
                let Ok(bytes) = std::fs::read(&file.path) else { continue };
                if let Ok(Ok(Outcome::Post(p))) =
                    std::panic::catch_unwind(|| read_page(site, &file, &bytes, None, now))
                {
                    texts.push((file.path.display().to_string(), format!("{}\n\n{}", p.title, p.body)));
                }
            }
        }
    }
    let bytes: usize = texts.iter().map(|t| t.1.len()).sum();
    if let Some(path) = &dump {
        let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
        for (path, text) in &texts {
            writeln!(out, "{path}\t{}", detect_lang(text).as_deref().unwrap_or("-"))?;
        }
        out.flush()?;
    }
    let (mut best_wall, mut best_cpu) = (Duration::MAX, Duration::MAX);
    for _ in 0..repeat {
        let (wall, cpu) = (Instant::now(), thread_cpu());
        for (_, text) in &texts {
            std::hint::black_box(detect_lang(text));
        }
        best_wall = best_wall.min(wall.elapsed());
        best_cpu = best_cpu.min(thread_cpu().saturating_sub(cpu));
    }
    let rate = |d: Duration| {
        let secs = d.as_secs_f64();
        format!(
            "{:.3} s: {:.0} posts/s, {:.2} MB/s",
            secs,
            texts.len() as f64 / secs,
            bytes as f64 / 1e6 / secs
        )
    };
    println!("{} posts, {:.1} MB", texts.len(), bytes as f64 / 1e6);
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
