//! Reads every page of every Grav site under a folder and prints what came of them.
//!
//! ```text
//! cargo run --release -p annals-grav --example scan -- ../shared/corpus/grav [--list] [--warnings] [--show TEXT]
//! ```
//!
//! Prints the number of sites, page files, posts, posts hidden behind another post with the
//! same URL, skipped files by reason, errors (each one), warnings, and where dates and
//! languages came from. `--list` also prints one line per file, `--show TEXT` the whole post
//! (title, summary, body) of every file whose path contains `TEXT`. A panic while reading a page is
//! caught and reported as such (there should be none).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::Instant;

use annals_grav::{Outcome, discover, read_page};

fn main() {
    let mut folder: Option<PathBuf> = None;
    let (mut list, mut show_warnings) = (false, false);
    let mut show: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--list" => list = true,
            "--warnings" => show_warnings = true,
            "--show" => show = args.next(),
            _ => folder = Some(PathBuf::from(arg)),
        }
    }
    let Some(folder) = folder else {
        eprintln!("usage: scan FOLDER [--list] [--warnings] [--show TEXT]");
        std::process::exit(2);
    };
    let started = Instant::now();
    let sites = match discover(&folder) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    let now = jiff::Timestamp::now();
    let (mut files, mut posts, mut duplicates, mut panics) = (0usize, 0usize, 0usize, 0usize);
    let mut skipped: BTreeMap<String, usize> = BTreeMap::new();
    let mut errors: Vec<String> = Vec::new();
    let mut warnings: BTreeMap<String, usize> = BTreeMap::new();
    let mut warning_lines: Vec<String> = Vec::new();
    let mut date_sources: BTreeMap<String, usize> = BTreeMap::new();
    let mut lang_sources: BTreeMap<String, usize> = BTreeMap::new();
    let mut langs: BTreeMap<String, usize> = BTreeMap::new();
    let mut mismatches: BTreeMap<String, usize> = BTreeMap::new();
    // Posts without a confident language guess, by length of their text in characters.
    let mut undetected: BTreeMap<&str, usize> = BTreeMap::new();
    let mut per_site: Vec<(String, usize, usize, usize, usize)> = Vec::new();
    for site in &sites {
        let mut seen: HashMap<String, PathBuf> = HashMap::new();
        let (mut site_files, mut site_posts, mut site_skipped, mut site_errors) = (0, 0, 0, 0);
        for file in site.page_files() {
            files += 1;
            site_files += 1;
            let rel = relative(&folder, &file.path);
            let Ok(bytes) = std::fs::read(&file.path) else {
                errors.push(format!("{rel}: cannot read"));
                continue;
            };
            let modified = std::fs::metadata(&file.path)
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| jiff::Timestamp::try_from(t).ok());
            let result = std::panic::catch_unwind(|| read_page(site, &file, &bytes, modified, now));
            match result {
                Err(_) => {
                    panics += 1;
                    errors.push(format!("{rel}: PANIC"));
                }
                Ok(Ok(Outcome::Post(p))) => {
                    if let Some(first) = seen.get(&p.url) {
                        duplicates += 1;
                        if list {
                            println!("DUP   {rel} -> {} (served by {})", p.url, relative(&folder, first));
                        }
                        continue;
                    }
                    seen.insert(p.url.clone(), file.path.clone());
                    if show.as_deref().is_some_and(|s| rel.contains(s)) {
                        println!("==== {rel} -> {}\n{p:#?}", p.url);
                    }
                    posts += 1;
                    site_posts += 1;
                    *date_sources.entry(format!("{:?}", p.date_source)).or_default() += 1;
                    *lang_sources.entry(format!("{:?}", p.lang_source)).or_default() += 1;
                    *langs.entry(p.lang.clone()).or_default() += 1;
                    match &p.detected_lang() {
                        Some(d) if *d != p.lang => {
                            *mismatches.entry(format!("{} file, {} text", p.lang, d)).or_default() += 1;
                        }
                        Some(_) => {}
                        None => {
                            let n = p.title.chars().count() + p.body.chars().count();
                            let bucket = match n {
                                0..100 => "<100",
                                100..300 => "100-300",
                                300..1000 => "300-1000",
                                _ => ">=1000",
                            };
                            *undetected.entry(bucket).or_default() += 1;
                            if list && n >= 300 {
                                println!("UNDET {rel} ({n} chars)");
                            }
                        }
                    }
                    for w in &p.warnings {
                        *warnings.entry(warning_kind(&w.message)).or_default() += 1;
                        warning_lines.push(format!("{rel}: {w}"));
                    }
                    if list {
                        println!(
                            "POST  {rel} -> {} [{} {:?}/{}] {} {:?} | {}",
                            p.url,
                            p.lang,
                            p.lang_source,
                            p.detected_lang().as_deref().unwrap_or("-"),
                            p.date.strftime("%Y-%m-%d %H:%M %:z"),
                            p.date_source,
                            p.title
                        );
                    }
                }
                Ok(Ok(Outcome::Skipped(reason))) => {
                    site_skipped += 1;
                    *skipped.entry(reason_kind(&reason)).or_default() += 1;
                    if list {
                        println!("SKIP  {rel}: {reason}");
                    }
                }
                Ok(Err(e)) => {
                    site_errors += 1;
                    errors.push(format!(
                        "{}{}: {}",
                        rel,
                        e.line.map(|l| format!(":{l}")).unwrap_or_default(),
                        e.message
                    ));
                }
            }
        }
        per_site.push((site.id.clone(), site_files, site_posts, site_skipped, site_errors));
    }
    let elapsed = started.elapsed();

    println!("sites: {}  page files: {files}  time: {:.2?}", sites.len(), elapsed);
    println!("posts: {posts}  (plus {duplicates} files whose URL another file already serves)");
    println!("skipped: {}", skipped.values().sum::<usize>());
    for (k, n) in &skipped {
        println!("  {n:5}  {k}");
    }
    println!("errors: {}  (panics: {panics})", errors.len());
    for e in &errors {
        println!("  {e}");
    }
    println!("warnings: {}", warnings.values().sum::<usize>());
    for (k, n) in &warnings {
        println!("  {n:5}  {k}");
    }
    if show_warnings {
        for w in &warning_lines {
            println!("    {w}");
        }
    }
    println!("date sources: {date_sources:?}");
    println!("language sources: {lang_sources:?}");
    println!("languages: {langs:?}");
    println!("file language ≠ detected language: {mismatches:?}");
    println!("no confident language guess, by text length: {undetected:?}");
    println!("per site (files / posts / skipped / errors):");
    for (id, f, p, s, e) in &per_site {
        println!("  {f:5} {p:5} {s:5} {e:3}  {id}");
    }
}

fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root).unwrap_or(path).to_string_lossy().into_owned()
}

/// A skip reason without its particulars.
fn reason_kind(reason: &str) -> String {
    for (prefix, kind) in [
        ("modular part", "modular part"),
        ("publish_date", "publish_date in the future"),
        ("unpublish_date", "unpublish_date passed"),
        ("redirects to", "redirect"),
    ] {
        if reason.starts_with(prefix) {
            return kind.to_owned();
        }
    }
    if reason.contains("is not a page file") {
        return "not a page file (suffix is not a site language)".to_owned();
    }
    reason.to_owned()
}

/// A warning without its particulars.
fn warning_kind(w: &str) -> String {
    if w.starts_with("front matter read leniently") {
        "front matter read leniently".to_owned()
    } else if w.starts_with("date") {
        "unreadable date: replaced".to_owned()
    } else {
        w.to_owned()
    }
}
