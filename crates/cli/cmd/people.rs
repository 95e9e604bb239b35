//! `annals people` and `annals person`: the people directory and a person's page, from the
//! terminal (`--json` prints the API's objects).

use std::io::Write;
use std::process::ExitCode;

use annals_engine::{Engine, PeopleList, PeopleRequest, PersonPage};
use anyhow::{Context, anyhow};

use super::search::flag;
use crate::args::{PeopleArgs, PersonArgs};

fn request(q: &str, lang: &Option<String>, page: usize, per_page: usize) -> anyhow::Result<PeopleRequest> {
    let (page, per_page) = (page.to_string(), per_page.to_string());
    let mut pairs = vec![("q", q), ("page", page.as_str()), ("per_page", per_page.as_str())];
    if let Some(lang) = lang {
        pairs.push(("lang", lang));
    }
    PeopleRequest::from_params(pairs).map_err(|e| anyhow!("{}: {}", flag(&e.parameter), e.message))
}

fn open(index: &std::path::Path) -> anyhow::Result<Engine> {
    Engine::open(index).with_context(|| format!("opening index {}", index.display()))
}

/// `annals people [QUERY]`.
pub fn list(args: PeopleArgs) -> anyhow::Result<ExitCode> {
    let req = request(&args.query, &args.lang, args.page, args.limit)?;
    let found = open(&args.index)?.people(&req).context("listing people")?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.json {
        serde_json::to_writer(&mut out, &found)?;
        writeln!(out)?;
    } else {
        print_list(&mut out, &found)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `annals person KEY`: exit 1 when the archive names no such person.
pub fn show(args: PersonArgs) -> anyhow::Result<ExitCode> {
    let req = request("", &args.lang, args.page, args.limit)?;
    let Some(page) = open(&args.index)?.person(&args.key, &req).context("reading the person")? else {
        eprintln!("annals: no person with the key `{}`; `annals people NAME` lists keys", args.key);
        return Ok(ExitCode::from(1));
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.json {
        serde_json::to_writer(&mut out, &annals_server::json::PersonJson(&page))?;
        writeln!(out)?;
    } else {
        print_person(&mut out, &page)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn print_list(out: &mut impl Write, list: &PeopleList) -> std::io::Result<()> {
    writeln!(out, "{}", plural(list.total, "person", "people"))?;
    let width = list.people.iter().map(|p| p.key.chars().count()).max().unwrap_or(0);
    for p in &list.people {
        writeln!(out, "  {:<width$}  {}  ({})", p.key, p.name, plural(p.posts, "post", "posts"))?;
    }
    Ok(())
}

fn print_person(out: &mut impl Write, p: &PersonPage) -> std::io::Result<()> {
    writeln!(out, "{}  [{}]", p.name, p.key)?;
    if !p.names.is_empty() {
        let names: Vec<String> = p.names.iter().map(|(l, n)| format!("{l}: {n}")).collect();
        writeln!(out, "  {}", names.join("  ·  "))?;
    }
    if !p.spellings.is_empty() {
        writeln!(out, "  also written as: {}", p.spellings.join(", "))?;
    }
    if !p.also_keys.is_empty() {
        writeln!(out, "  joined keys: {}", p.also_keys.join(", "))?;
    }
    if !p.roles.is_empty() {
        writeln!(out, "\nroles:")?;
        for r in &p.roles {
            writeln!(out, "  {}  ({}, {})", r.role, r.post.title, r.post.url)?;
        }
    }
    if !p.events.is_empty() {
        writeln!(out, "\nevents, oldest first:")?;
        for e in &p.events {
            writeln!(out, "  {:<23}  {}  {}", e.date, e.post.title, e.post.url)?;
        }
    }
    let first = (p.posts.page - 1) * p.posts.per_page;
    writeln!(out, "\n{}, newest first:", plural(p.posts.total, "post", "posts"))?;
    for (i, h) in p.posts.hits.iter().enumerate() {
        let day = h.published.get(..10).unwrap_or(&h.published);
        writeln!(out, "{:>5}. {}  {}  {}  {}", first + i + 1, day, h.lang, h.title, h.url)?;
    }
    if !p.co_mentions.is_empty() {
        writeln!(out, "\nnamed with:")?;
        for c in &p.co_mentions {
            writeln!(out, "  {} [{}] ({})", c.name, c.key, plural(c.count, "post", "posts"))?;
        }
    }
    Ok(())
}
