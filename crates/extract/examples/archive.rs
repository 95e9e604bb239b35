//! Run `extract` over a Grav page tree (the owner's archive) and print what the person facet
//! and the event dates would hold: a check of precision on real posts.
//!
//! ```sh
//! cargo run --release -p annals-extract --example archive -- PAGES_DIR [--dates] [--folders] [--top N]
//! ```
//!
//! Front matter and markup are stripped crudely (Twig, shortcodes, HTML tags, image and link
//! syntax, emphasis); the title is put before the body as the indexer does. The language is
//! the file-name suffix (`item.kk.md`), the document date the folder's `YYYY-MM-DD`, else the
//! front matter's `date:`.
//!
//! Prints the person keys by number of files, with their mention texts; with `--folders`
//! the key set of every folder per language and whether they agree; with `--dates` every
//! date found in the news posts with its value.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

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

/// Front matter split off: (title, date, body).
fn front_matter(src: &str) -> (String, Option<String>, &str) {
    let mut title = String::new();
    let mut date = None;
    let Some(rest) = src.strip_prefix("---") else { return (title, date, src) };
    let Some(end) = rest.find("\n---") else { return (title, date, src) };
    for line in rest[..end].lines() {
        let unquote = |v: &str| v.trim().trim_matches('\'').trim_matches('"').to_string();
        if let Some(v) = line.strip_prefix("title:") {
            title = unquote(v);
        } else if let Some(v) = line.strip_prefix("date:") {
            date = Some(unquote(v));
        }
    }
    let body = &rest[end + 4..];
    (title, date, body.trim_start_matches(|c| c != '\n'))
}

/// Remove everything between `open` and `close` (inclusive), keeping the text outside.
fn strip_between(s: &str, open: &str, close: &str, keep: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(a) = rest.find(open) {
        out.push_str(&rest[..a]);
        let after = &rest[a + open.len()..];
        match after.find(close) {
            Some(b) => {
                if keep {
                    out.push_str(&after[..b]);
                }
                rest = &after[b + close.len()..];
            }
            None => {
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Lines of one paragraph joined with a space, as a Markdown renderer does with soft breaks
/// (list items, headings, table rows and blank lines keep their line breaks).
fn soft_breaks(body: &str) -> String {
    let block = |l: &str| {
        let t = l.trim_start();
        t.is_empty()
            || t.starts_with(['*', '-', '+', '#', '|', '>', '<', '[', '!', '{'])
            || t.split_once(". ").is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    };
    let mut out = String::with_capacity(body.len());
    let mut prev_block = true;
    for line in body.lines() {
        if !out.is_empty() {
            let join = !prev_block && !block(line) && !line.trim().is_empty();
            out.push(if join { ' ' } else { '\n' });
        }
        out.push_str(line);
        prev_block =
            block(line) && !line.trim().is_empty() && !line.trim_start().starts_with(['*', '-', '+']);
    }
    out
}

/// Crude Markdown/Twig/HTML to text.
fn plain(body: &str) -> String {
    let body = soft_breaks(body);
    let s = strip_between(&body, "{%", "%}", false);
    let s = strip_between(&s, "{{", "}}", false);
    let s = strip_between(&s, "{#", "#}", false);
    let s = strip_between(&s, "<script", "</script>", false);
    let s = strip_between(&s, "<style", "</style>", false);
    let s = strip_between(&s, "<", ">", false);
    // images and links: keep the bracketed text, drop the target
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '!' && chars.get(i + 1) == Some(&'[') {
            i += 1;
            continue;
        }
        if c == ']' && chars.get(i + 1) == Some(&'(') {
            // skip to the closing paren
            let mut j = i + 2;
            while j < chars.len() && chars[j] != ')' && chars[j] != '\n' {
                j += 1;
            }
            i = j + 1;
            continue;
        }
        if c == '[' {
            // a shortcode tag [name ...] or [/name]: drop it
            let mut j = i + 1;
            while j < chars.len() && chars[j] != ']' && chars[j] != '\n' {
                j += 1;
            }
            let inner: String = chars[i + 1..j.min(chars.len())].iter().collect();
            if chars.get(j) == Some(&']')
                && chars.get(j + 1) != Some(&'(')
                && (inner.starts_with('/') || inner.contains('='))
            {
                i = j + 1;
                continue;
            }
            i += 1;
            continue;
        }
        if matches!(c, '*' | '_' | '#' | '|') || c == '=' && chars.get(i + 1) == Some(&'=') {
            if c == '=' {
                while i < chars.len() && chars[i] == '=' {
                    i += 1;
                }
            } else {
                i += 1;
            }
            continue;
        }
        out.push(c);
        i += 1;
    }
    out.replace("&nbsp;", " ").replace("&amp;", "&").replace("&quot;", "\"")
}

fn folder_date(folder: &Path, fm: Option<&str>) -> Option<jiff::civil::Date> {
    let name = folder.file_name()?.to_string_lossy().into_owned();
    let bytes = name.as_bytes();
    for i in 0..bytes.len().saturating_sub(9) {
        if let Ok(d) = name.get(i..i + 10).unwrap_or("").parse::<jiff::civil::Date>() {
            return Some(d);
        }
    }
    // front matter: "22-07-2019 10:00"
    let fm = fm?;
    let d = fm.split_whitespace().next()?;
    let parts: Vec<&str> = d.split(['-', '.', '/']).collect();
    if parts.len() == 3 && parts[2].len() == 4 {
        return jiff::civil::Date::new(
            parts[2].parse().ok()?,
            parts[1].parse().ok()?,
            parts[0].parse().ok()?,
        )
        .ok();
    }
    d.parse().ok()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = PathBuf::from(
        args.iter()
            .enumerate()
            .find(|(i, a)| {
                !a.starts_with("--")
                    && a.parse::<usize>().is_err()
                    && (*i == 0 || !matches!(args[i - 1].as_str(), "--ctx" | "--top"))
            })
            .map(|(_, a)| a)
            .cloned()
            .unwrap_or_else(|| "/work/shared/corpus/grav/petrtsoy__hemcenter.kz/user/pages".into()),
    );
    let show_dates = args.iter().any(|a| a == "--dates");
    let show_folders = args.iter().any(|a| a == "--folders");
    // --ctx KEY: every mention of KEY with the text around it
    let ctx_key = args.iter().position(|a| a == "--ctx").and_then(|i| args.get(i + 1)).cloned();
    let top: usize = args
        .iter()
        .position(|a| a == "--top")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(60);
    let mut files = Vec::new();
    walk(&root, &mut files);
    // key -> (files, mentions, texts)
    let mut keys: BTreeMap<String, (usize, usize, BTreeMap<String, usize>)> = BTreeMap::new();
    // folder -> lang -> keys
    let mut folders: BTreeMap<PathBuf, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for f in &files {
        let Ok(src) = std::fs::read_to_string(f) else { continue };
        let name = f.file_name().unwrap_or_default().to_string_lossy().into_owned();
        let lang = name.trim_end_matches(".md").rsplit('.').next().unwrap_or("").to_string();
        let lang = if matches!(lang.as_str(), "ru" | "kk" | "en") { lang } else { String::new() };
        let (title, fm_date, body) = front_matter(&src);
        let folder = f.parent().unwrap_or(Path::new("")).to_path_buf();
        let dct = folder_date(&folder, fm_date.as_deref());
        let text = format!("{}\n\n{}", title, plain(body));
        let x = annals_extract::extract(&text, &lang, dct);
        let mut seen = BTreeSet::new();
        for p in &x.persons {
            let e = keys.entry(p.key.clone()).or_default();
            e.1 += 1;
            *e.2.entry(p.text.clone()).or_default() += 1;
            if seen.insert(p.key.clone()) {
                e.0 += 1;
            }
        }
        folders.entry(folder.clone()).or_default().insert(lang.clone(), seen);
        let rel = f.strip_prefix(&root).unwrap_or(f).display().to_string();
        if let Some(k) = &ctx_key {
            let chars: Vec<char> = text.chars().collect();
            for p in x.persons.iter().filter(|p| &p.key == k || k == "*") {
                let a: String = chars[p.start.saturating_sub(70)..p.start].iter().collect();
                let b: String = chars[p.end..(p.end + 50).min(chars.len())].iter().collect();
                println!(
                    "CTX {rel} {} …{}[[{}]]{}…",
                    p.key,
                    a.replace('\n', "⏎"),
                    p.text,
                    b.replace('\n', "⏎")
                );
            }
        }
        if show_dates && rel.contains("news") {
            for d in &x.dates {
                println!(
                    "DATE {rel} dct={} {:?} -> {}",
                    dct.map(|d| d.to_string()).unwrap_or_default(),
                    d.text,
                    d.value
                );
            }
        }
    }
    let mut ranked: Vec<_> = keys.iter().collect();
    ranked.sort_by(|a, b| (b.1.0, b.1.1).cmp(&(a.1.0, a.1.1)).then(a.0.cmp(b.0)));
    println!("# {} files, {} person keys", files.len(), keys.len());
    for (i, (k, (nf, nm, texts))) in ranked.iter().enumerate().take(top) {
        let mut t: Vec<_> = texts.iter().collect();
        t.sort_by(|a, b| b.1.cmp(a.1));
        let t: Vec<String> = t.iter().take(6).map(|(s, n)| format!("{s:?}×{n}")).collect();
        println!("{:>3} {k:<28} files={nf:<3} mentions={nm:<3} {}", i + 1, t.join(", "));
    }
    // cross-language agreement
    let (mut with_people, mut agree) = (0, 0);
    for (folder, by_lang) in &folders {
        if by_lang.len() < 2 || by_lang.values().all(BTreeSet::is_empty) {
            continue;
        }
        with_people += 1;
        let first = by_lang.values().next().expect("non-empty");
        let same = by_lang.values().all(|s| s == first);
        agree += same as usize;
        if show_folders || !same {
            let rel = folder.strip_prefix(&root).unwrap_or(folder).display().to_string();
            println!("{} {rel}", if same { "SAME" } else { "DIFF" });
            for (l, s) in by_lang {
                println!("    {l}: {}", s.iter().cloned().collect::<Vec<_>>().join(" "));
            }
        }
    }
    println!("# cross-language agreement: {agree}/{with_people} folders with people share one key set");
}
