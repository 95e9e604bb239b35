//! A page file read crudely and the same way for every peer annals is compared with (SQLite
//! FTS5, tantivy-cli): the front matter cut off, the title and the year of `date:` taken from
//! it, the language from the file name, and the Markdown reduced to its text.
//!
//! None of Grav's rules apply (no `published`, `routable` or `visible`, no page types, no
//! translations of a post grouped): every `*.md` below `pages/` is one post, as in the
//! raw-Tantivy baseline.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, Options, Parser, TagEnd};

/// One page file as the peers index it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Post {
    /// The front matter's `title:`, empty when there is none.
    pub title: String,
    /// The text of the Markdown body.
    pub body: String,
    /// The 4-digit year of the front matter's `date:`, empty when there is none.
    pub year: String,
    /// The language of the file name (`item.ru.md` → `ru`), else the site's default language,
    /// else empty.
    pub lang: String,
    /// The page's route: the folders below `pages/` without their `NN.` ordering prefixes.
    pub url: String,
}

/// The default language of each Grav site, read once per site from `user/config/system.yaml`
/// (`languages.default_lang`, else the first of `languages.supported`).
#[derive(Debug, Default)]
pub struct Sites {
    defaults: HashMap<PathBuf, String>,
}

impl Sites {
    /// The default language of the site that `file` (a page file below a `pages/` folder)
    /// belongs to; empty when the site has none.
    pub fn default_lang(&mut self, file: &Path) -> &str {
        let user =
            file.ancestors().find(|a| a.file_name().is_some_and(|n| n == "pages")).and_then(Path::parent);
        let Some(user) = user else { return "" };
        self.defaults.entry(user.to_path_buf()).or_insert_with(|| site_default_lang(user))
    }
}

fn site_default_lang(user: &Path) -> String {
    let Ok(text) = std::fs::read_to_string(user.join("config").join("system.yaml")) else {
        return String::new();
    };
    let Ok(config) = serde_norway::from_str::<serde_norway::Value>(&text) else { return String::new() };
    let languages = &config["languages"];
    languages["default_lang"]
        .as_str()
        .or_else(|| languages["supported"].as_sequence().and_then(|s| s.first()).and_then(|v| v.as_str()))
        .unwrap_or("")
        .to_owned()
}

/// Reads one page file (invalid UTF-8 replaced).
pub fn read(path: &Path, sites: &mut Sites) -> std::io::Result<Post> {
    let raw = std::fs::read(path)?;
    let text = String::from_utf8_lossy(&raw);
    let lang = match file_lang(path) {
        Some(l) => l.to_owned(),
        None => sites.default_lang(path).to_owned(),
    };
    Ok(parse(&text, lang, route(path)))
}

/// A post from a page file's text.
pub fn parse(text: &str, lang: String, url: String) -> Post {
    let (front, body) = split_front_matter(text);
    Post {
        title: front_value(front, "title").map(unquote).unwrap_or_default(),
        body: markdown_text(body),
        year: front_value(front, "date").and_then(year_of).unwrap_or("").to_owned(),
        lang,
        url,
    }
}

/// The front matter (between a leading `---` line and the next `---` line) and the rest; an
/// empty front matter when the text does not start with one.
pub fn split_front_matter(text: &str) -> (&str, &str) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(rest) = text.strip_prefix("---").and_then(|r| r.strip_prefix(['\n', '\r'])) else {
        return ("", text);
    };
    let rest = rest.strip_prefix('\n').unwrap_or(rest);
    let mut at = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            return (&rest[..at], &rest[at + line.len()..]);
        }
        at += line.len();
    }
    ("", text)
}

/// The raw value of a top-level `key:` line of the front matter.
pub fn front_value<'a>(front: &'a str, key: &str) -> Option<&'a str> {
    front.lines().find_map(|l| l.strip_prefix(key)?.strip_prefix(':').map(str::trim))
}

/// A YAML scalar without its quotes (`'It''s'` → `It's`).
fn unquote(v: &str) -> String {
    if let Some(s) = v.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')) {
        s.replace("''", "'")
    } else if let Some(s) = v.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
        s.replace("\\\"", "\"")
    } else {
        v.to_owned()
    }
}

/// The first run of exactly four ASCII digits: the year of Grav's date formats
/// (`'22-07-2019 10:00'`, `2019-07-22`, `07/22/2019`).
pub fn year_of(date: &str) -> Option<&str> {
    let b = date.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i - start == 4 {
                return Some(&date[start..i]);
            }
        } else {
            i += 1;
        }
    }
    None
}

/// The language of a Grav page file name: `item.ru.md` → `ru` (two or three lowercase ASCII
/// letters before `.md`).
pub fn file_lang(path: &Path) -> Option<&str> {
    let stem = path.file_stem()?.to_str()?;
    let (_, lang) = stem.rsplit_once('.')?;
    (matches!(lang.len(), 2 | 3) && lang.bytes().all(|b| b.is_ascii_lowercase())).then_some(lang)
}

/// The route of a page file: its folders below the last `pages/`, without Grav's `NN.`
/// ordering prefixes (`pages/02.news/03.item/item.ru.md` → `/news/item`).
pub fn route(path: &Path) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for c in path.parent().into_iter().flat_map(Path::iter) {
        let c = c.to_str().unwrap_or("");
        if c == "pages" {
            parts.clear();
        } else {
            parts.push(strip_order(c));
        }
    }
    format!("/{}", parts.join("/"))
}

fn strip_order(folder: &str) -> &str {
    match folder.split_once('.') {
        Some((n, rest)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => rest,
        _ => folder,
    }
}

/// The text of a Markdown body: text and code, blocks separated by newlines, no HTML tags, no
/// link targets; Grav's `===` summary separator dropped.
pub fn markdown_text(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let source: String;
    let md = if md.lines().any(|l| l.trim_end() == "===") {
        source = md.lines().filter(|l| l.trim_end() != "===").collect::<Vec<_>>().join("\n");
        source.as_str()
    } else {
        md
    };
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::TableCell
                | TagEnd::TableRow
                | TagEnd::TableHead,
            ) => out.push('\n'),
            _ => {}
        }
    }
    let end = out.trim_end().len();
    out.truncate(end);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_grav_post() {
        let text = "---\ntitle: 'It''s a \"title\"'\ndate: '22-07-2019 10:00'\n---\n\nFirst *para*, [a link](http://x).\n\n===\n\n<div>html</div>\n\n# Head\n\n- one\n- `two`\n";
        let p = parse(text, "ru".into(), "/news/x".into());
        assert_eq!(p.title, "It's a \"title\"");
        assert_eq!(p.year, "2019");
        assert_eq!(p.body, "First para, a link.\nHead\none\ntwo");
        assert_eq!(p.lang, "ru");
    }

    #[test]
    fn front_matter_and_fields() {
        assert_eq!(split_front_matter("---\ntitle: a\n---\nbody"), ("title: a\n", "body"));
        assert_eq!(split_front_matter("no front matter"), ("", "no front matter"));
        assert_eq!(split_front_matter("---\nunclosed"), ("", "---\nunclosed"));
        assert_eq!(front_value("title: a\ndate: 2019-07-22\n", "date"), Some("2019-07-22"));
        assert_eq!(front_value("dates: x\n", "date"), None);
        assert_eq!(year_of("2019-07-22"), Some("2019"));
        assert_eq!(year_of("'22-07-2019 10:00'"), Some("2019"));
        assert_eq!(year_of("12345 1"), None);
        assert_eq!(file_lang(Path::new("a/item.ru.md")), Some("ru"));
        assert_eq!(file_lang(Path::new("a/item.md")), None);
        assert_eq!(file_lang(Path::new("a/v1.2.md")), None);
        assert_eq!(route(Path::new("site/user/pages/02.news/03.2019-x/item.kk.md")), "/news/2019-x");
        assert_eq!(route(Path::new("pages/item.md")), "/");
    }
}
