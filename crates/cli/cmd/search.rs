//! `annals search`: the engine of the server, from the terminal.

use std::io::Write;
use std::process::ExitCode;

use annals_engine::{Engine, SearchRequest, SearchResponse, Snippet};
use anyhow::{Context, anyhow};

use crate::args::{FilterArgs, SearchArgs, SortArg};

/// The request as `key=value` pairs, named like the API's parameters.
pub fn pairs(query: &str, f: &FilterArgs) -> Vec<(&'static str, String)> {
    let mut out = vec![("q", query.to_owned())];
    let mut one = |k: &'static str, v: &Option<String>| {
        if let Some(v) = v {
            out.push((k, v.clone()));
        }
    };
    one("lang", &f.lang);
    one("from", &f.from);
    one("to", &f.to);
    one("event_from", &f.event_from);
    one("event_to", &f.event_to);
    for (k, vs) in [
        ("person", &f.person),
        ("category", &f.category),
        ("tag", &f.tag),
        ("year", &f.year),
        ("month", &f.month),
    ] {
        out.extend(vs.iter().map(|v| (k, v.clone())));
    }
    out
}

/// The flag a parameter comes from, for messages.
pub(crate) fn flag(parameter: &str) -> String {
    match parameter {
        "per_page" | "limit" => "--limit".to_owned(),
        "q" => "QUERY".to_owned(),
        p => format!("--{}", p.replace('_', "-")),
    }
}

pub fn run(args: SearchArgs) -> anyhow::Result<ExitCode> {
    let mut params = pairs(&args.query, &args.filters);
    params.push(("per_page", args.limit.to_string()));
    params.push(("page", args.page.to_string()));
    let sort = match args.sort {
        SortArg::Relevance => "relevance",
        SortArg::Newest => "newest",
        SortArg::Oldest => "oldest",
    };
    params.push(("sort", sort.to_owned()));
    let req = SearchRequest::from_params(params.iter().map(|(k, v)| (*k, v.as_str())))
        .map_err(|e| anyhow!("{}: {}", flag(&e.parameter), e.message))?;
    let engine =
        Engine::open(&args.index).with_context(|| format!("opening index {}", args.index.display()))?;
    let res = engine.search(&req).context("searching")?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.json {
        serde_json::to_writer(&mut out, &annals_server::json::SearchJson(&res))?;
        writeln!(out)?;
    } else {
        print_table(&mut out, &res)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The snippet for a terminal: matches in bold when colours are allowed, else as typed.
fn plain_snippet(snippet: &Snippet, bold: bool) -> String {
    let (on, off) = if bold { ("\x1b[1m", "\x1b[0m") } else { ("", "") };
    let mut out = String::with_capacity(snippet.text.len() + 8 * snippet.highlights.len());
    for (piece, hit) in snippet.pieces() {
        if hit {
            out.push_str(on);
            out.push_str(piece);
            out.push_str(off);
        } else {
            out.push_str(piece);
        }
    }
    out
}

fn print_table(out: &mut impl Write, res: &SearchResponse) -> std::io::Result<()> {
    use std::io::IsTerminal;
    let bold = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let first = (res.page - 1) * res.per_page;
    writeln!(
        out,
        "{} post{} ({:.1} ms){}",
        res.total,
        if res.total == 1 { "" } else { "s" },
        res.took_ms,
        if res.relaxed { "; few posts have every word: posts with most of them follow" } else { "" }
    )?;
    if let Some(answer) = &res.answer {
        writeln!(out, "\nanswer: {}  ({}, {})", answer.dates.join(", "), answer.post.title, answer.post.url)?;
    }
    for (i, h) in res.hits.iter().enumerate() {
        writeln!(out)?;
        writeln!(out, "{:>3}. {}", first + i + 1, h.title)?;
        writeln!(out, "     {}  {}  {}", h.published.get(..10).unwrap_or(&h.published), h.lang, h.url)?;
        if !h.people.is_empty() {
            let names: Vec<&str> = h.people.iter().map(|p| p.name.as_str()).collect();
            writeln!(out, "     people: {}", names.join(", "))?;
        }
        if !h.event_dates.is_empty() {
            writeln!(out, "     events: {}", h.event_dates.join(", "))?;
        }
        if let Some(date) = &h.matched_date {
            writeln!(out, "     matched: {date}")?;
        }
        writeln!(out, "     {}", plain_snippet(&h.snippet, bold))?;
    }
    let shown = ["person", "year", "lang", "category", "tag", "event_year"];
    let any = shown.iter().any(|d| res.facets.get(*d).is_some_and(|v| !v.is_empty()));
    if any {
        writeln!(out, "\nfacets:")?;
        for dim in shown {
            let Some(values) = res.facets.get(dim).filter(|v| !v.is_empty()) else { continue };
            let items: Vec<String> = values
                .iter()
                .take(8)
                .map(|v| {
                    if v.label != v.value {
                        format!("{} [{}] ({})", v.label, v.value, v.count)
                    } else {
                        format!("{} ({})", v.value, v.count)
                    }
                })
                .collect();
            writeln!(out, "  {dim:<10} {}", items.join(", "))?;
        }
    }
    Ok(())
}
