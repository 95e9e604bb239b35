//! Relevance evaluation: runs a set of visitor queries against an index and reports how often
//! the right post comes back near the top.
//!
//! ```sh
//! cargo run --release -p annals-engine --example relevance -- \
//!     --index /tmp/hem-index --queries relevance/hemcenter.tsv \
//!     [--index /tmp/other-index --queries relevance/other.tsv ...] [--errors]
//! ```
//!
//! Several sets may be given, each `--queries` file searched in the index named by the
//! `--index` before it; each set is reported in turn, then a summary of every set by language.
//!
//! The query file is tab-separated, `lang<TAB>query<TAB>expected<TAB>kind`, `#` comments and
//! blank lines ignored (see `relevance/README.md`). `lang` is the visitor's language and is
//! passed as the search's `lang`; `expected` lists the right posts as news folder names without
//! their numeric `NN.` prefix, separated by `|`; `kind` is a free label the figures are broken
//! down by (`title`, `typo`, `name`, ...).
//!
//! Each query is searched as a visitor would: `q` and `lang` only, relevance order. A hit is
//! mapped to its folder by the last segment of its URL (the folder name, since Grav drops the
//! `NN.` prefix), or else by the parent folder of its source path with the prefix stripped.
//! The *rank* of a query is the position (1-based) of the first hit that is any expected post.
//!
//! - **success@1**: share of queries whose rank is 1: the right post first.
//! - **success@5**: share of queries whose rank is at most 5 — the bar the archive is judged
//!   by (the right post on the first screen for 9 queries in 10).
//! - **MRR@10**: mean over queries of `1 / rank`, counting 0 when no expected post is in the
//!   first 10; it tells a post at rank 1 from one at rank 5. Ten hits are asked for so that
//!   it can be computed; success@5 looks only at the first five.
//!
//! Figures are printed overall, per language and per kind, then as a language × kind grid of
//! success@1 and success@5. `--errors` lists the queries answered at ranks 2–5 (one line each), then every
//! query that failed success@5 with the first five titles returned (and where the expected
//! post was, if it came in at ranks 6–10). The exit status is 0 whatever the figures are:
//! this is a report, not a test. Only unusable arguments (no index, unreadable query file)
//! exit non-zero.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use annals_engine::{Engine, SearchRequest};

/// Hits that count for success.
const TOP: usize = 5;
/// Hits asked for and looked at for MRR.
const DEPTH: usize = 10;
/// Order of languages in the report (others follow alphabetically).
const LANGS: &[&str] = &["kk", "ru", "en"];
/// Order of kinds in the report (others follow alphabetically).
const KINDS: &[&str] = &["title", "partial", "typo", "name", "paraphrase", "topic", "date", "cross"];

/// One line of the query file.
struct Case {
    line: usize,
    lang: String,
    query: String,
    expected: Vec<String>,
    kind: String,
}

/// What one query got.
struct Outcome {
    /// 1-based position of the first expected post within [`DEPTH`] hits.
    rank: Option<usize>,
    /// Folder and title of the first [`TOP`] hits.
    top: Vec<(String, String)>,
    /// The search failed (the message).
    error: Option<String>,
    /// The same post appears twice in the first [`TOP`] hits.
    duplicate: bool,
}

impl Outcome {
    fn success(&self) -> bool {
        self.rank.is_some_and(|r| r <= TOP)
    }

    fn reciprocal_rank(&self) -> f64 {
        self.rank.map_or(0.0, |r| 1.0 / r as f64)
    }
}

/// Success@1, success@5 and MRR@10 over a group of queries.
#[derive(Default)]
struct Tally {
    queries: usize,
    firsts: usize,
    successes: usize,
    rr_sum: f64,
}

impl Tally {
    fn add(&mut self, o: &Outcome) {
        self.queries += 1;
        self.firsts += usize::from(o.rank == Some(1));
        self.successes += usize::from(o.success());
        self.rr_sum += o.reciprocal_rank();
    }

    fn first_rate(&self) -> f64 {
        if self.queries == 0 { 0.0 } else { self.firsts as f64 / self.queries as f64 }
    }

    fn success_rate(&self) -> f64 {
        if self.queries == 0 { 0.0 } else { self.successes as f64 / self.queries as f64 }
    }

    fn mrr(&self) -> f64 {
        if self.queries == 0 { 0.0 } else { self.rr_sum / self.queries as f64 }
    }
}

struct Args {
    /// `(index, query file)` pairs, in order.
    sets: Vec<(PathBuf, PathBuf)>,
    errors: bool,
}

const USAGE: &str =
    "usage: relevance --index DIR --queries FILE.tsv [--index DIR --queries FILE.tsv ...] [--errors]";

fn parse_args() -> Result<Args, String> {
    let mut index: Option<PathBuf> = None;
    let mut sets = Vec::new();
    let mut errors = false;
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--index" => index = Some(it.next().ok_or("--index needs a directory")?.into()),
            "--queries" => {
                let file = it.next().ok_or("--queries needs a file")?;
                let index = index
                    .clone()
                    .ok_or_else(|| format!("--queries {file} needs an --index before it\n{USAGE}"))?;
                sets.push((index, file.into()));
            }
            "--errors" => errors = true,
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
        }
    }
    if sets.is_empty() {
        return Err(format!("--index and --queries are required\n{USAGE}"));
    }
    Ok(Args { sets, errors })
}

/// Reads the query file; malformed lines are reported on stderr and skipped.
fn read_cases(text: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        let [lang, query, expected, kind] = cols[..] else {
            eprintln!("line {}: expected 4 tab-separated columns, found {}; skipped", i + 1, cols.len());
            continue;
        };
        let expected: Vec<String> = expected
            .split('|')
            .map(|e| strip_prefix(e.trim()).to_owned())
            .filter(|e| !e.is_empty())
            .collect();
        if lang.is_empty() || query.is_empty() || expected.is_empty() {
            eprintln!("line {}: empty language, query or expected post; skipped", i + 1);
            continue;
        }
        cases.push(Case {
            line: i + 1,
            lang: lang.to_owned(),
            query: query.to_owned(),
            expected,
            kind: kind.to_owned(),
        });
    }
    cases
}

/// A folder name without Grav's ordering prefix: `12.2019-06-21-x` → `2019-06-21-x`.
fn strip_prefix(folder: &str) -> &str {
    match folder.split_once('.') {
        Some((digits, rest)) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => rest,
        _ => folder,
    }
}

/// The news folder a hit comes from: the URL's last segment, else the source's parent folder.
fn folder_of(url: &str, path: &str) -> String {
    let from_url = url.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    if !from_url.is_empty() {
        return strip_prefix(from_url).to_owned();
    }
    let mut parts = path.rsplit(['/', '\\']);
    parts.next(); // the file itself
    strip_prefix(parts.next().unwrap_or("")).to_owned()
}

fn run(engine: &Engine, case: &Case) -> Outcome {
    let req = SearchRequest {
        q: case.query.clone(),
        lang: Some(case.lang.clone()),
        per_page: DEPTH,
        facets: false,
        ..Default::default()
    };
    match engine.search(&req) {
        Ok(resp) => {
            let folders: Vec<String> = resp.hits.iter().map(|h| folder_of(&h.url, &h.path)).collect();
            let rank = folders.iter().position(|f| case.expected.contains(f)).map(|p| p + 1);
            let top: Vec<(String, String)> =
                resp.hits.iter().zip(&folders).take(TOP).map(|(h, f)| (f.clone(), h.title.clone())).collect();
            let duplicate = top.iter().enumerate().any(|(i, (f, _))| top[..i].iter().any(|(g, _)| g == f));
            Outcome { rank, top, error: None, duplicate }
        }
        Err(e) => Outcome { rank: None, top: Vec::new(), error: Some(e.to_string()), duplicate: false },
    }
}

/// Keys in the preferred order, then the rest alphabetically.
fn ordered<'a>(keys: impl Iterator<Item = &'a String>, preferred: &[&str]) -> Vec<String> {
    let mut keys: Vec<String> = keys.cloned().collect();
    keys.sort_by_key(|k| (preferred.iter().position(|p| p == k).unwrap_or(usize::MAX), k.clone()));
    keys.dedup();
    keys
}

fn print_table(title: &str, rows: &[(String, &Tally)]) {
    println!("\n{title:<20} {:>7} {:>10} {:>10} {:>8}", "queries", "success@1", "success@5", "MRR@10");
    for (name, t) in rows {
        println!(
            "{name:<20} {:>7} {:>9.1}% {:>9.1}% {:>8.3}   ({} and {} of {})",
            t.queries,
            100.0 * t.first_rate(),
            100.0 * t.success_rate(),
            t.mrr(),
            t.firsts,
            t.successes,
            t.queries
        );
    }
}

/// Reports one set; returns its tallies by language (and `all`) for the summary.
fn report(cases: &[Case], outcomes: &[Outcome], show_errors: bool) -> Vec<(String, Tally)> {
    let mut overall = Tally::default();
    let mut by_lang: BTreeMap<String, Tally> = BTreeMap::new();
    let mut by_kind: BTreeMap<String, Tally> = BTreeMap::new();
    let mut grid: BTreeMap<(String, String), Tally> = BTreeMap::new();
    for (c, o) in cases.iter().zip(outcomes) {
        overall.add(o);
        by_lang.entry(c.lang.clone()).or_default().add(o);
        by_kind.entry(c.kind.clone()).or_default().add(o);
        grid.entry((c.lang.clone(), c.kind.clone())).or_default().add(o);
    }
    let langs = ordered(by_lang.keys(), LANGS);
    let kinds = ordered(by_kind.keys(), KINDS);

    print_table("overall", &[("all".to_owned(), &overall)]);
    print_table("language", &langs.iter().map(|l| (l.clone(), &by_lang[l])).collect::<Vec<_>>());
    print_table("kind", &kinds.iter().map(|k| (k.clone(), &by_kind[k])).collect::<Vec<_>>());

    println!("\nsuccess@1 and success@5 by language × kind (firsts, successes / queries)");
    print!("{:<12}", "");
    for l in &langs {
        print!(" {l:>9}");
    }
    println!();
    for k in &kinds {
        print!("{k:<12}");
        for l in &langs {
            match grid.get(&(l.clone(), k.clone())) {
                Some(t) => print!(" {:>9}", format!("{},{}/{}", t.firsts, t.successes, t.queries)),
                None => print!(" {:>9}", "-"),
            }
        }
        println!();
    }

    let failed_searches = outcomes.iter().filter(|o| o.error.is_some()).count();
    let duplicates = outcomes.iter().filter(|o| o.duplicate).count();
    if failed_searches > 0 {
        println!("\n{failed_searches} searches returned an error");
    }
    if duplicates > 0 {
        println!("\n{duplicates} queries had the same post twice in their first {TOP} hits");
    }

    if show_errors {
        let late: Vec<(&Case, &Outcome)> =
            cases.iter().zip(outcomes).filter(|(_, o)| o.rank.is_some_and(|r| r > 1 && r <= TOP)).collect();
        println!("\nfound, but not first ({}):", late.len());
        for (c, o) in late {
            let first = o.top.first().map_or("", |(f, _)| f.as_str());
            println!(
                "  [{} {}] {:?}: rank {}, first was [{first}]",
                c.lang,
                c.kind,
                c.query,
                o.rank.unwrap_or(0)
            );
        }
        let failures: Vec<(&Case, &Outcome)> =
            cases.iter().zip(outcomes).filter(|(_, o)| !o.success()).collect();
        println!("\nfailed queries ({}):", failures.len());
        for (c, o) in failures {
            let found = match (o.rank, &o.error) {
                (_, Some(e)) => format!("search error: {e}"),
                (Some(r), None) => format!("expected at rank {r}"),
                (None, None) => format!("expected not in the first {DEPTH}"),
            };
            println!("\n[{} {}] {:?}  (line {}; {found})", c.lang, c.kind, c.query, c.line);
            println!("    want: {}", c.expected.join(" | "));
            if o.top.is_empty() && o.error.is_none() {
                println!("    got:  nothing");
            }
            for (i, (folder, title)) in o.top.iter().enumerate() {
                println!("    {}. {title}  [{folder}]", i + 1);
            }
        }
    }
    let mut summary = vec![("all".to_owned(), overall)];
    for l in langs {
        if let Some(t) = by_lang.remove(&l) {
            summary.push((l, t));
        }
    }
    summary
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::from(2);
        }
    };
    let mut summary: Vec<(String, String, Tally)> = Vec::new();
    for (index, queries) in &args.sets {
        let text = match std::fs::read_to_string(queries) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("cannot read {}: {e}", queries.display());
                return ExitCode::from(2);
            }
        };
        let engine = match Engine::open(index) {
            Ok(e) => e,
            Err(e) => {
                eprintln!("cannot open the index at {}: {e}", index.display());
                return ExitCode::from(2);
            }
        };
        let cases = read_cases(&text);
        let started = Instant::now();
        let outcomes: Vec<Outcome> = cases.iter().map(|c| run(&engine, c)).collect();
        let elapsed = started.elapsed();
        if args.sets.len() > 1 {
            println!("\n=========== {}", queries.display());
        }
        println!(
            "{} queries from {} against {} ({} documents), {:.0} ms",
            cases.len(),
            queries.display(),
            index.display(),
            engine.num_docs(),
            elapsed.as_secs_f64() * 1000.0
        );
        let set = queries.file_stem().map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        for (lang, tally) in report(&cases, &outcomes, args.errors) {
            summary.push((set.clone(), lang, tally));
        }
    }
    if args.sets.len() > 1 {
        let rows: Vec<(String, &Tally)> =
            summary.iter().map(|(set, lang, t)| (format!("{set} {lang}"), t)).collect();
        println!("\n=========== every set");
        print_table("set, language", &rows);
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_lose_their_ordering_prefix() {
        assert_eq!(strip_prefix("12.2019-06-21-x"), "2019-06-21-x");
        assert_eq!(strip_prefix("2019-06-21-x"), "2019-06-21-x");
        assert_eq!(strip_prefix("51.minister-visit"), "minister-visit");
        assert_eq!(folder_of("/kk/news/2019-06-21-x", ""), "2019-06-21-x");
        assert_eq!(folder_of("", "pages/02.news/13.2019-06-21-x/item.ru.md"), "2019-06-21-x");
    }

    #[test]
    fn query_lines_are_parsed_and_checked() {
        let cases = read_cases("# c\n\nkk\tq\ta|12.b\ttitle\nru\tbad line\n");
        assert_eq!(cases.len(), 1);
        assert_eq!(cases[0].expected, ["a", "b"]);
        assert_eq!(cases[0].line, 3);
    }
}
