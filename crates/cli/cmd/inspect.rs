//! `annals inspect PATH`: what one post yields, without touching an index.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use annals_grav::Outcome;
use annals_index::document::PostDoc;
use anyhow::{Context, anyhow, bail};
use serde::Serialize;

use crate::args::InspectArgs;

#[derive(Serialize)]
struct Inspection<'a> {
    path: String,
    url: &'a str,
    route: &'a str,
    lang: &'a str,
    lang_source: annals_grav::LangSource,
    detected_lang: Option<&'a str>,
    title: &'a str,
    published: String,
    date_source: annals_grav::DateSource,
    visible: bool,
    taxonomy: &'a std::collections::BTreeMap<String, Vec<String>>,
    people: &'a [annals_index::PersonRef],
    event_dates: &'a [String],
    summary: &'a str,
    warnings: &'a [annals_grav::Warning],
}

/// The folder holding the `pages/` tree that contains `file`.
fn site_root(file: &Path) -> Option<PathBuf> {
    file.ancestors().find(|a| a.file_name().is_some_and(|n| n == "pages")).map(Path::to_path_buf)
}

pub fn run(args: InspectArgs) -> anyhow::Result<ExitCode> {
    let path = args.path.canonicalize().with_context(|| format!("reading {}", args.path.display()))?;
    let pages = site_root(&path)
        .ok_or_else(|| anyhow!("{} is not inside a Grav `pages/` folder", args.path.display()))?;
    let root = match pages.parent() {
        Some(user) if user.join("config").is_dir() => user.to_path_buf(),
        _ => pages.clone(),
    };
    let sites = annals_grav::discover(&root).with_context(|| format!("reading site {}", root.display()))?;
    let (site, file) = sites
        .iter()
        .flat_map(|s| s.page_files().into_iter().map(move |f| (s, f)))
        .find(|(_, f)| f.path.canonicalize().is_ok_and(|p| p == path))
        .ok_or_else(|| anyhow!("{} is not a page file of {}", args.path.display(), root.display()))?;
    let bytes = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
    let modified = std::fs::metadata(&path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| jiff::Timestamp::try_from(t).ok());
    let post = match annals_grav::read_page(site, &file, &bytes, modified, jiff::Timestamp::now()) {
        Ok(Outcome::Post(post)) => *post,
        Ok(Outcome::Skipped(reason)) => bail!("{}: not searchable: {reason}", args.path.display()),
        Err(e) => bail!("{e}"),
    };
    let rel = path.strip_prefix(&root).unwrap_or(&path).display().to_string();
    let doc = PostDoc::build(&site.id, String::new(), rel.clone(), 0, post);
    let p = &doc.post;
    let detected_lang = p.detected_lang();
    let view = Inspection {
        path: rel,
        url: &p.url,
        route: &p.route,
        lang: &p.lang,
        lang_source: p.lang_source,
        detected_lang: detected_lang.as_deref(),
        title: &p.title,
        published: annals_index::rfc3339(&p.date),
        date_source: p.date_source,
        visible: p.visible,
        taxonomy: &p.taxonomy,
        people: &doc.people,
        event_dates: &doc.event_dates,
        summary: &p.summary,
        warnings: &p.warnings,
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&view)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    // The same words as the JSON output (`file_name`, `front_matter`, ...).
    let name = |v: serde_json::Value| v.as_str().unwrap_or_default().to_owned();
    let lang_source = name(serde_json::to_value(view.lang_source)?);
    let date_source = name(serde_json::to_value(view.date_source)?);
    writeln!(out, "{}", view.title)?;
    writeln!(out, "  path       {}", view.path)?;
    writeln!(out, "  url        {}", view.url)?;
    let detected = view.detected_lang.map(|d| format!(", detected {d}")).unwrap_or_default();
    writeln!(out, "  language   {} (from {lang_source}{detected})", view.lang)?;
    writeln!(out, "  published  {} (from {date_source})", view.published)?;
    for (k, v) in view.taxonomy {
        writeln!(out, "  {k:<10} {}", v.join(", "))?;
    }
    writeln!(out, "  people")?;
    for person in view.people {
        let role = person.role.as_deref().map(|r| format!(" — {r}")).unwrap_or_default();
        writeln!(out, "    {}{role}  [{}]", person.name, person.key)?;
    }
    writeln!(out, "  events     {}", view.event_dates.join(", "))?;
    writeln!(out, "  summary    {}", view.summary)?;
    for w in view.warnings {
        writeln!(out, "  warning    {w}")?;
    }
    Ok(ExitCode::SUCCESS)
}
