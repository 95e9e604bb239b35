//! `annals events`: the timeline of `/api/events` and the `/events` page, from the terminal.

use std::io::Write;
use std::process::ExitCode;

use annals_engine::{Engine, SearchRequest, Timeline};
use anyhow::{Context, anyhow};

use super::search::flag;
use crate::args::EventsArgs;

pub fn run(args: EventsArgs) -> anyhow::Result<ExitCode> {
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    for (k, v) in [("from", &args.from), ("to", &args.to), ("q", &args.q), ("lang", &args.lang)] {
        if let Some(v) = v {
            pairs.push((k, v.as_str()));
        }
    }
    pairs.extend(args.person.iter().map(|p| ("person", p.as_str())));
    let req = SearchRequest::from_event_params(pairs).map_err(|e| {
        let flag = if e.parameter == "q" { "--q".to_owned() } else { flag(&e.parameter) };
        anyhow!("{flag}: {}", e.message)
    })?;
    let engine =
        Engine::open(&args.index).with_context(|| format!("opening index {}", args.index.display()))?;
    let timeline = engine.timeline(&req).context("reading the timeline")?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.json {
        serde_json::to_writer(&mut out, &timeline)?;
        writeln!(out)?;
    } else {
        print_timeline(&mut out, &timeline)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn print_timeline(out: &mut impl Write, t: &Timeline) -> std::io::Result<()> {
    writeln!(out, "{} event date{}", t.total, if t.total == 1 { "" } else { "s" })?;
    let mut month = String::new();
    for e in &t.events {
        let this = e.date.get(..7).unwrap_or(&e.date);
        if this != month {
            month = this.to_owned();
            writeln!(out, "\n{month}")?;
        }
        for (i, p) in e.posts.iter().enumerate() {
            let date = if i == 0 { e.date.as_str() } else { "" };
            writeln!(out, "  {date:<23}  {}  {}", p.title, p.url)?;
        }
        if !e.people.is_empty() {
            let names: Vec<&str> = e.people.iter().map(|p| p.name.as_str()).collect();
            writeln!(out, "  {:<23}  people: {}", "", names.join(", "))?;
        }
    }
    Ok(())
}
