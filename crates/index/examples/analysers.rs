//! Throughput and exact output of the annals analysers on real text.
//!
//! Reads every `.md` page under the given folders (default: the 10k generated posts in
//! `target/bench/corpus-10k/user/pages` and the sample sites in `/work/shared/corpus/grav`),
//! strips the YAML front matter (keeping its `title:`), takes the language from the file name
//! (`item.ru.md` → `ru`, `item.md` → `en`) and feeds each analyser the texts it sees when
//! indexing (see `Document::to_document`):
//!
//! - `plain`: every title (`title_exact`) plus title and body of languages without their own
//!   analyser;
//! - `en`, `ru`, `kk` and each Snowball language (`de`, `fr`, ...): title and body of posts in
//!   that language;
//! - `latin`: every title (`names`; the people's names are not extracted here).
//!
//! With `--all`, every analyser reads every title and body instead (more coverage, for
//! `--dump`). Each analyser is built once per run and reused across texts, as a Tantivy
//! segment writer does. Prints MB/s (input bytes) and tokens/s per analyser, best of
//! `--runs N` (3), by wall time and by the thread's CPU time (steadier on a busy machine).
//!
//! With `--dump FILE`, writes every token once (analyser, text number, position, byte
//! offsets, position length, term), so that two builds can be compared with `cmp`:
//!
//! ```sh
//! export CARGO_TARGET_DIR=target/helper-b
//! cargo run --release -p annals-index --example analysers -- --all --dump /tmp/before.tsv
//! # ... change the analysers ...
//! cargo run --release -p annals-index --example analysers -- --all --dump /tmp/after.tsv
//! cmp /tmp/before.tsv /tmp/after.tsv
//! ```
//!
//! `--only NAME` (plain, en, ru, kk, latin, or a Snowball language's code: de, fr, ...) runs one
//! analyser (for profiling);
//! `--reference` runs [`Analyzer::reference`] (the plain Tantivy filter chain that
//! [`Analyzer::build`] must match) instead of the analysers as registered.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use annals_index::analysis::Analyzer;
use annals_index::schema::Lang;
use tantivy::tokenizer::{TextAnalyzer, TokenStream};

const DEFAULT_DIRS: [&str; 2] = ["target/bench/corpus-10k/user/pages", "/work/shared/corpus/grav"];

struct Page {
    lang: Lang,
    title: String,
    body: String,
}

fn main() {
    let mut dump: Option<PathBuf> = None;
    let mut all = false;
    let mut runs = 3;
    let mut only: Option<String> = None;
    let mut reference = false;
    let mut dirs: Vec<PathBuf> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--dump" => dump = args.next().map(PathBuf::from),
            "--all" => all = true,
            "--runs" => runs = args.next().and_then(|n| n.parse().ok()).unwrap_or(3),
            "--only" => only = args.next(),
            "--reference" => reference = true,
            "-h" | "--help" => {
                eprintln!("analysers [--all] [--dump FILE] [--runs N] [--only NAME] [--reference] [DIR...]");
                return;
            }
            _ => dirs.push(PathBuf::from(a)),
        }
    }
    if dirs.is_empty() {
        // Relative to the workspace root, wherever cargo runs us from.
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        dirs = DEFAULT_DIRS.iter().map(|d| root.join(d)).collect();
    }
    let mut files = Vec::new();
    for d in &dirs {
        walk(d, &mut files);
    }
    files.sort();
    let pages: Vec<Page> = files.iter().filter_map(|f| read(f)).collect();
    let bytes: usize = pages.iter().map(|p| p.title.len() + p.body.len()).sum();
    eprintln!("{} pages, {:.1} MB", pages.len(), bytes as f64 / 1e6);

    let build = |a: Analyzer| if reference { a.reference() } else { a.build() };
    // The five of kk/ru/en archives first, then one per Snowball language, named by its code.
    let analysers: Vec<(&str, Analyzer)> = Analyzer::ALL
        .iter()
        .map(|&a| {
            let name = match a {
                Analyzer::Plain => "plain",
                Analyzer::English => "en",
                Analyzer::Russian => "ru",
                Analyzer::Kazakh => "kk",
                Analyzer::Latin => "latin",
                Analyzer::Snowball(lang) => lang.code(),
            };
            (name, a)
        })
        .collect();
    let mut out = dump.as_ref().map(|p| BufWriter::with_capacity(1 << 20, fs::File::create(p).unwrap()));
    for (name, analyser) in analysers {
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        let texts = inputs(&pages, analyser, all);
        let size: usize = texts.iter().map(|t| t.len()).sum();
        if let Some(out) = out.as_mut() {
            let mut a = build(analyser);
            for (i, text) in texts.iter().enumerate() {
                let mut s = a.token_stream(text);
                while s.advance() {
                    let t = s.token();
                    writeln!(
                        out,
                        "{name}\t{i}\t{}\t{}\t{}\t{}\t{}",
                        t.position, t.offset_from, t.offset_to, t.position_length, t.text
                    )
                    .unwrap();
                }
            }
        }

        let mut best = f64::MAX;
        let mut best_cpu = f64::MAX;
        let mut tokens = 0usize;
        for _ in 0..runs.max(1) {
            let mut a = build(analyser);
            let start = Instant::now();
            let cpu = cpu_seconds();
            tokens = run(&mut a, &texts);
            best_cpu = best_cpu.min(cpu_seconds() - cpu);
            best = best.min(start.elapsed().as_secs_f64());
        }
        println!(
            "{name:6} {:6.1} MB {:9} tokens  wall {:7.1} MB/s {:6.2} Mtok/s  cpu {:7.1} MB/s {:6.2} Mtok/s",
            size as f64 / 1e6,
            tokens,
            size as f64 / 1e6 / best,
            tokens as f64 / 1e6 / best,
            size as f64 / 1e6 / best_cpu,
            tokens as f64 / 1e6 / best_cpu,
        );
    }
    if let Some(mut out) = out {
        out.flush().unwrap();
    }
}

/// CPU time of this thread so far (from `/proc/thread-self/schedstat`, in ns), in seconds:
/// less disturbed than wall time on a shared machine. Zero where there is no such file.
fn cpu_seconds() -> f64 {
    let stat = fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    let ns: u64 = stat.split_whitespace().next().and_then(|n| n.parse().ok()).unwrap_or(0);
    ns as f64 / 1e9
}

/// Analyses every text, returns the number of tokens (and keeps the terms observable).
fn run(a: &mut TextAnalyzer, texts: &[&str]) -> usize {
    let mut n = 0;
    let mut check = 0usize;
    for text in texts {
        let mut s = a.token_stream(text);
        while s.advance() {
            n += 1;
            check = check.wrapping_add(s.token().text.len());
        }
    }
    std::hint::black_box(check);
    n
}

/// The texts `analyser` reads when indexing `pages` (or every text with `all`).
fn inputs(pages: &[Page], analyser: Analyzer, all: bool) -> Vec<&str> {
    let mut texts = Vec::new();
    for p in pages {
        let own = p.lang.analyzer() == analyser;
        let title = all || own || matches!(analyser, Analyzer::Plain | Analyzer::Latin);
        if title {
            texts.push(p.title.as_str());
        }
        // The Plain analyser reads the title twice for posts in other languages
        // (`title_exact` and the language's own title field).
        if !all && own && analyser == Analyzer::Plain {
            texts.push(p.title.as_str());
        }
        if all || own {
            texts.push(p.body.as_str());
        }
    }
    texts
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let path = e.path();
        let Ok(ty) = e.file_type() else { continue };
        if ty.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|x| x == "md") {
            out.push(path);
        }
    }
}

fn read(path: &Path) -> Option<Page> {
    let raw = fs::read(path).ok()?;
    let raw = String::from_utf8_lossy(&raw);
    let name = path.file_name()?.to_str()?;
    let parts: Vec<&str> = name.split('.').collect();
    let lang = if parts.len() >= 3 { Lang::of(parts[parts.len() - 2]) } else { Lang::En };
    let (front, body) = split_front_matter(&raw);
    let title = front
        .lines()
        .find_map(|l| l.strip_prefix("title:"))
        .map(|t| t.trim().trim_matches(|c| c == '\'' || c == '"').to_string())
        .unwrap_or_default();
    Some(Page { lang, title, body: body.to_string() })
}

/// (front matter, body): the text between the first two `---` lines, and what follows.
fn split_front_matter(raw: &str) -> (&str, &str) {
    let Some(rest) = raw.strip_prefix("---").and_then(|r| r.strip_prefix('\n').or(r.strip_prefix("\r\n")))
    else {
        return ("", raw);
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            return (&rest[..offset], &rest[offset + line.len()..]);
        }
        offset += line.len();
    }
    ("", raw)
}
