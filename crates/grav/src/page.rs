//! Reading one page file: publication rules, dates, language, and the [`Post`] itself.
//!
//! # Publication (as Grav applies it)
//!
//! A page is skipped ([`Outcome::Skipped`]) when it lies directly in the pages folder (the root
//! page, which Grav never reads), when it is a modular part (a folder starting with
//! `_`, after an optional order prefix, or anything below one), `published: false`,
//! `routable: false`, a redirect
//! (`redirect:`), has a `publish_date` after `now`, or an `unpublish_date` at or before `now`,
//! and when Grav serves another file of its folder wherever it could be served
//! ([`PageFile::shadowed_by`]: `default.md` next to `default.de.md` on a site whose default
//! language is `de`, even when that file is itself unpublished or not routable).
//! `visible: false` only hides a page from menus: it stays searchable.
//!
//! Values are coerced: `published: 'false'`, `no`, `0` are false (PHP would call the string
//! `'false'` true; a person writing it means false), `title: 2019` is the title `2019`.
//!
//! # Errors
//!
//! A header that is not YAML even after Grav-style repairs, and a `publish_date` or
//! `unpublish_date` that cannot be read (the published state is then unknown), are
//! [`PageError`]s naming the file line. An unreadable `date:` is not: the date falls back
//! (below) and a warning is added to the post.
//!
//! # Date
//!
//! `date:` ([`DateSource::FrontMatter`]); else `publish_date:` ([`DateSource::PublishDate`]:
//! the day the post went public says more than a folder name); else a `YYYY-MM-DD` prefix of
//! the folder name after its order prefix ([`DateSource::FolderName`], midnight); else the
//! file's modification time ([`DateSource::FileModified`]; what Grav itself falls back to);
//! else `now` ([`DateSource::Now`]). Values are read with [`crate::date::parse_grav_date`],
//! trying the page's `dateformat:` header, else the site's `pages.dateformat.default`, in the
//! site's timezone (UTC when unset or unknown).
//!
//! # Language
//!
//! The file-name suffix when it is one of the site's languages and a language code
//! ([`LangSource::FileName`]); a file without suffix on a multilingual site is in the default
//! language ([`LangSource::SiteDefault`]); otherwise (single-language site, or a "language"
//! that is a version such as grav-learn's `16`) the language is detected from the text
//! ([`LangSource::Detected`], `und` when detection is not confident). [`Post::detected_lang`] is
//! always the detector's confident guess, worked out on demand for a declared language.
//!
//! A file whose suffix is not a site language (`docs.16.md`, a version; `item.de.md` on an
//! en/fr site; `default.before_gui_edits.md`) is read as a version of the plain file: template
//! `docs`, the plain file's URL, language detected. Grav itself would not serve it; it is listed
//! after the folder's plain file (see [`Site::page_files`]), so it only gives a post where the
//! folder has no file Grav serves at that URL.

use std::collections::BTreeMap;

use jiff::tz::TimeZone;
use jiff::{Timestamp, ZonedDateTime};
use serde_norway::{Mapping, Value};

use crate::config::{boolean, get, scalar};
use crate::date::parse_grav_date;
use crate::frontmatter::{self, Split};
use crate::lang::{detect_lang, is_language_code};
use crate::site::{Suffix, classify};
use crate::url::{folder_segments, has_order_prefix, route, strip_order_prefix, url};
use crate::{DateSource, LangSource, Outcome, PageError, PageFile, Post, Site, Warning, markdown};

/// Reads one page file: `bytes` are its content, `modified` its modification time (the last
/// date fallback), `now` the time publication dates are compared with.
///
/// Pure and total: any bytes give a post, a reason to skip, or a [`PageError`]; never a panic.
pub fn read_page(
    site: &Site,
    file: &PageFile,
    bytes: &[u8],
    modified: Option<Timestamp>,
    now: Timestamp,
) -> Result<Outcome, PageError> {
    let config = &site.config;
    let segments = folder_segments(&site.pages_dir, &file.folder);
    if segments.is_empty() {
        return Ok(Outcome::Skipped(
            "not a page: a file directly in the pages folder (Grav reads none there)".to_owned(),
        ));
    }
    if let Some(part) = segments.iter().find(|s| strip_order_prefix(s).starts_with('_')) {
        return Ok(Outcome::Skipped(format!("modular part (folder `{part}`)")));
    }
    if let Some(other) = &file.shadowed_by {
        let other = other.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        return Ok(Outcome::Skipped(format!("not served: Grav serves `{other}` of this folder instead")));
    }
    let file_name = file.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    // The language variant this file is served as (a site "language", maybe a version), and
    // whether the file's suffix is something else (`docs.16.md` without a `16` language).
    let (variant, other_suffix) = match (&file.lang_suffix, classify(&file_name, config).1) {
        (Some(l), _) => (Some(l.clone()), false),
        (None, Suffix::Lang(l)) => (Some(l), false),
        (None, Suffix::Plain) => (None, false),
        (None, Suffix::Other(_)) => (None, true),
    };

    let mut warnings = Vec::new();
    let text = decode(bytes, &mut warnings);
    let split = frontmatter::split(&text);
    let header = match split.yaml {
        Some(yaml) => frontmatter::parse_header(yaml, split.yaml_line).map_err(|e| PageError {
            path: file.path.clone(),
            line: e.line,
            message: e.message,
        })?,
        None => frontmatter::Header { map: Mapping::new(), repaired_lines: Vec::new() },
    };
    if let Some(&first) = header.repaired_lines.first() {
        let mut message = "front matter read leniently, as Grav does".to_owned();
        if header.repaired_lines.len() > 1 {
            let lines: Vec<String> = header.repaired_lines.iter().map(usize::to_string).collect();
            message.push_str(&format!(" (lines {})", lines.join(", ")));
        }
        warnings.push(Warning { line: Some(first), message });
    }
    let h = &header.map;

    if get(h, "published").and_then(boolean) == Some(false) {
        return Ok(Outcome::Skipped("unpublished (published: false)".to_owned()));
    }
    if get(h, "routable").and_then(boolean) == Some(false) {
        return Ok(Outcome::Skipped("routable: false".to_owned()));
    }
    if let Some(target) = get(h, "redirect").and_then(scalar).filter(|r| !r.is_empty()) {
        return Ok(Outcome::Skipped(format!("redirects to {target}")));
    }

    let tz = config.timezone.as_deref().and_then(|name| TimeZone::get(name).ok()).unwrap_or(TimeZone::UTC);
    let format =
        get(h, "dateformat").and_then(scalar).filter(|f| !f.is_empty()).or_else(|| config.dateformat.clone());
    let dates = Dates { header: h, split: &split, format: format.as_deref(), tz: &tz, file };

    let publish_date = dates.strict("publish_date")?;
    if let Some(p) = &publish_date
        && p.timestamp() > now
    {
        return Ok(Outcome::Skipped(format!("publish_date {} is in the future", show(p))));
    }
    let unpublish_date = dates.strict("unpublish_date")?;
    if let Some(u) = &unpublish_date
        && u.timestamp() <= now
    {
        return Ok(Outcome::Skipped(format!("unpublish_date {} has passed", show(u))));
    }

    let folder_name = segments.last().map(String::as_str).unwrap_or("");
    let (date, date_source) = match dates.lenient("date", &mut warnings) {
        Some(d) => (d, DateSource::FrontMatter),
        None => match (publish_date, folder_date(folder_name, &tz), modified) {
            (Some(p), _, _) => (p, DateSource::PublishDate),
            (None, Some(d), _) => (d, DateSource::FolderName),
            (None, None, Some(m)) => (m.to_zoned_datetime(tz.clone()), DateSource::FileModified),
            (None, None, None) => (now.to_zoned_datetime(tz.clone()), DateSource::Now),
        },
    };

    let slug = get(h, "slug").and_then(scalar);
    let default_route = get(h, "routes").and_then(|r| match r {
        Value::Mapping(m) => get(m, "default").and_then(scalar),
        _ => None,
    });
    let route = route(config, &segments, slug.as_deref(), default_route.as_deref());

    let rendered = markdown::to_text(split.body);
    let title =
        get(h, "title").and_then(scalar).filter(|t| !t.is_empty()).or(rendered.first_heading).unwrap_or_else(
            || {
                let name = strip_order_prefix(folder_name);
                if name.is_empty() { file.template.clone() } else { name.to_owned() }
            },
        );

    let default_lang = config.default_lang.clone().or_else(|| config.languages.first().cloned());
    let declared = match &variant {
        Some(v) if is_language_code(v) => Some((v.clone(), LangSource::FileName)),
        None if !other_suffix
            && !config.languages.is_empty()
            && default_lang.as_deref().is_some_and(is_language_code) =>
        {
            Some((default_lang.clone().unwrap_or_default(), LangSource::SiteDefault))
        }
        _ => None,
    };
    // A declared language is taken as it is (`Post::detected_lang` checks it on demand).
    let (lang, lang_source) = match declared {
        Some((lang, source)) => (lang, source),
        None => {
            let detected = detect_lang(&format!("{title}\n\n{}", rendered.body));
            (detected.unwrap_or_else(|| "und".to_owned()), LangSource::Detected)
        }
    };
    let url_variant =
        variant.clone().or_else(|| if config.languages.is_empty() { None } else { default_lang.clone() });
    let url = url(config, &route, url_variant.as_deref());

    let visible = get(h, "visible").and_then(boolean).unwrap_or_else(|| has_order_prefix(folder_name));

    Ok(Outcome::Post(Box::new(Post {
        route,
        url,
        lang,
        lang_source,
        title,
        date,
        date_source,
        unpublish_date: unpublish_date.map(|u| u.timestamp()),
        visible,
        taxonomy: taxonomy(h),
        summary: rendered.summary,
        body: rendered.body,
        warnings,
    })))
}

/// UTF-8 text with `\n` line ends and no byte-order mark.
fn decode(bytes: &[u8], warnings: &mut Vec<Warning>) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(e) => {
            let line = 1 + bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count();
            let message = "not valid UTF-8; invalid bytes replaced".to_owned();
            warnings.push(Warning { line: Some(line), message });
            String::from_utf8_lossy(bytes)
        }
    };
    if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text.into_owned() }
}

/// Date keys of one header.
struct Dates<'a> {
    header: &'a Mapping,
    split: &'a Split<'a>,
    format: Option<&'a str>,
    tz: &'a TimeZone,
    file: &'a PageFile,
}

impl Dates<'_> {
    /// The raw text of a date key; `Ok(None)` when absent or null; `Err` for a list or map.
    fn raw(&self, key: &str) -> Result<Option<String>, String> {
        match get(self.header, key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => match scalar(v) {
                Some(s) if s.is_empty() => Ok(None),
                Some(s) => Ok(Some(s)),
                None => Err(format!("`{key}` is not a single value")),
            },
        }
    }

    fn line(&self, key: &str) -> Option<usize> {
        self.split.yaml.and_then(|y| frontmatter::key_line(y, key, self.split.yaml_line))
    }

    /// A date the published state depends on: unreadable is an error.
    fn strict(&self, key: &str) -> Result<Option<ZonedDateTime>, PageError> {
        let error =
            |message: String| PageError { path: self.file.path.clone(), line: self.line(key), message };
        let Some(raw) =
            self.raw(key).map_err(|m| error(format!("{m}; the page's published state is unknown")))?
        else {
            return Ok(None);
        };
        parse_grav_date(&raw, self.format, self.tz)
            .map(Some)
            .map_err(|e| error(format!("{key}: {e}; the page's published state is unknown")))
    }

    /// The `date:` key: unreadable gives a warning and `None`.
    fn lenient(&self, key: &str, warnings: &mut Vec<Warning>) -> Option<ZonedDateTime> {
        let message = match self.raw(key) {
            Ok(Some(raw)) => match parse_grav_date(&raw, self.format, self.tz) {
                Ok(d) => return Some(d),
                Err(e) => format!("{key}: {e}; using another date"),
            },
            Ok(None) => return None,
            Err(m) => format!("{m}; using another date"),
        };
        warnings.push(Warning { line: self.line(key), message });
        None
    }
}

fn show(z: &ZonedDateTime) -> String {
    z.strftime("%Y-%m-%d %H:%M %:z").to_string()
}

/// Midnight of a `YYYY-MM-DD` prefix of a folder name (after its order prefix).
fn folder_date(folder: &str, tz: &TimeZone) -> Option<ZonedDateTime> {
    let name = strip_order_prefix(folder);
    let b = name.as_bytes();
    if b.len() < 10 || !(b[4] == b'-' && b[7] == b'-') || b.get(10).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<i64> {
        let s = name.get(r)?;
        if s.bytes().all(|c| c.is_ascii_digit()) { s.parse().ok() } else { None }
    };
    let (y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let date = jiff::civil::Date::new(y as i16, m as i8, d as i8).ok()?;
    tz.to_zoned_datetime(date.to_datetime(jiff::civil::Time::midnight())).ok()
}

/// `taxonomy:` as strings: a value may be a string, a number, a list, or a mapping (whose
/// values are taken).
fn taxonomy(h: &Mapping) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    let Some(Value::Mapping(tax)) = get(h, "taxonomy") else { return out };
    for (k, v) in tax {
        let Some(key) = scalar(k).filter(|k| !k.is_empty()) else { continue };
        let mut values = Vec::new();
        flatten(v, &mut values);
        if !values.is_empty() {
            out.entry(key).or_insert_with(Vec::new).extend(values);
        }
    }
    out
}

fn flatten(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Sequence(s) => s.iter().for_each(|x| flatten(x, out)),
        Value::Mapping(m) => m.values().for_each(|x| flatten(x, out)),
        Value::Tagged(t) => flatten(&t.value, out),
        other => {
            if let Some(s) = scalar(other).filter(|s| !s.is_empty())
                && !out.contains(&s)
            {
                out.push(s);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::SiteConfig;

    fn hemcenter() -> Site {
        Site {
            id: "hem".into(),
            pages_dir: PathBuf::from("/s/user/pages"),
            config: SiteConfig {
                languages: vec!["kk".into(), "ru".into(), "en".into()],
                default_lang: Some("kk".into()),
                include_default_lang: true,
                timezone: Some("Asia/Almaty".into()),
                ..SiteConfig::default()
            },
        }
    }

    fn single() -> Site {
        Site { id: "one".into(), pages_dir: PathBuf::from("/s/pages"), config: SiteConfig::default() }
    }

    fn file(site: &Site, rel: &str) -> PageFile {
        let path = site.pages_dir.join(rel);
        let folder = path.parent().expect("parent").to_path_buf();
        let name = path.file_name().expect("name").to_string_lossy().into_owned();
        let (template, suffix) = classify(&name, &site.config);
        let lang_suffix = match suffix {
            Suffix::Lang(l) => Some(l),
            _ => None,
        };
        PageFile { path, folder, template, lang_suffix, shadowed_by: None }
    }

    fn now() -> Timestamp {
        "2025-06-01T00:00:00Z".parse().expect("valid")
    }

    fn read(site: &Site, rel: &str, text: &str) -> Result<Outcome, PageError> {
        read_page(
            site,
            &file(site, rel),
            text.as_bytes(),
            Some("2020-01-02T03:04:05Z".parse().expect("valid")),
            now(),
        )
    }

    fn post(site: &Site, rel: &str, text: &str) -> Post {
        match read(site, rel, text) {
            Ok(Outcome::Post(p)) => *p,
            other => panic!("{rel}: expected a post, got {other:?}"),
        }
    }

    /// What a page gives, in short: `post <url> <lang>/<source> <date> <date source> | <title>`,
    /// `skip <reason>`, or `error <line>: <message start>`.
    fn check(site: &Site, rel: &str, text: &str, expected: &str) {
        let got = match read(site, rel, text) {
            Ok(Outcome::Post(p)) => format!(
                "post {} {}/{:?} {} {:?} | {}",
                p.url,
                p.lang,
                p.lang_source,
                p.date.strftime("%Y-%m-%dT%H:%M%:z"),
                p.date_source,
                p.title
            ),
            Ok(Outcome::Skipped(r)) => format!("skip {r}"),
            Err(e) => format!("error {}: {}", e.line.map_or("-".into(), |l| l.to_string()), e.message),
        };
        assert!(got.starts_with(expected), "{rel}:\n got  {got}\n want {expected}");
    }

    #[test]
    fn publication_rules() {
        let h = hemcenter();
        let table: &[(&str, &str, &str)] = &[
            ("02.news/01.x/item.en.md", "---\ntitle: A\npublished: false\n---\nText", "skip unpublished"),
            ("02.news/01.x/item.en.md", "---\ntitle: A\npublished: 'false'\n---\nText", "skip unpublished"),
            (
                "02.news/01.x/item.en.md",
                "---\ntitle: A\npublished: 'true'\n---\nText",
                "post /en/news/x en/FileName",
            ),
            ("02.news/01.x/item.en.md", "---\ntitle: A\nroutable: false\n---\nText", "skip routable: false"),
            ("02.news/01.x/item.en.md", "---\ntitle: A\nvisible: false\n---\nText", "post /en/news/x"),
            ("02.news/01.x/item.en.md", "---\nredirect: /elsewhere\n---\n", "skip redirects to /elsewhere"),
            (
                "02.news/41.2031-01-01-gala/item.en.md",
                "---\ntitle: Gala\npublish_date: '01-01-2031 10:00'\n---\nText",
                "skip publish_date 2031-01-01 10:00 +05:00 is in the future",
            ),
            (
                "02.news/01.x/item.en.md",
                "---\ntitle: A\nunpublish_date: '01-01-2024 10:00'\n---\nText",
                "skip unpublish_date 2024-01-01 10:00 +06:00 has passed",
            ),
            (
                "02.news/01.x/item.en.md",
                "---\ntitle: A\nunpublish_date: '01-01-2030 10:00'\n---\nText",
                "post /en/news/x",
            ),
            ("03.about/_hero/hero.en.md", "---\ntitle: Hero\n---\n", "skip modular part (folder `_hero`)"),
            ("modular.md", "---\ntitle: Root\n---\n", "skip not a page: a file directly in the pages folder"),
            (
                "03.about/01._team/02.member/item.en.md",
                "---\ntitle: M\n---\n",
                "skip modular part (folder `01._team`)",
            ),
            (
                "headerimage/default.md",
                "---\ntitle: 'Header Image'\nvisible: false\nroutable: false\n---\n",
                "skip routable: false",
            ),
        ];
        for (rel, text, want) in table {
            check(&h, rel, text, want);
        }
    }

    #[test]
    fn errors_name_file_lines() {
        let h = hemcenter();
        let table: &[(&str, &str)] = &[
            ("---\ntitle: A\ntaxonomy:\n  tag: a\n bad: x\n---\n", "error 5: front matter is not valid YAML"),
            (
                "---\ntitle: 'Broken post'\npublished: true\ndate: '29-07-2019 10:00'\n  bad: indent\n---\n\nThe gazelle runs fast.\n",
                "error 5: front matter is not valid YAML",
            ),
            ("\n\n---\ntitle: A\n  bad: indent\n---\n", "error 5: front matter is not valid YAML"),
            (
                "---\ntitle: A\npublish_date: 'someday'\n---\n",
                "error 3: publish_date: `someday` is not a date",
            ),
            (
                "---\ntitle: A\npublish_date: '31-02-2019 10:00'\n---\n",
                "error 3: publish_date: `31-02-2019 10:00` is not a valid date",
            ),
            (
                "---\ntitle: A\nunpublish_date: [1, 2]\n---\n",
                "error 3: `unpublish_date` is not a single value",
            ),
        ];
        for (text, want) in table {
            check(&h, "02.news/01.x/item.en.md", text, want);
        }
        let e = read(&h, "02.news/01.x/item.en.md", "---\na: 1\n b: 2\n---\n").expect_err("broken");
        assert_eq!(e.path, Path::new("/s/user/pages/02.news/01.x/item.en.md"));
        assert!(e.to_string().starts_with("/s/user/pages/02.news/01.x/item.en.md:3: front matter"), "{e}");
    }

    #[test]
    fn dates() {
        let h = hemcenter();
        let table: &[(&str, &str, &str)] = &[
            (
                "02.news/01.x/item.en.md",
                "---\ndate: '28-02-2023 10:00'\n---\n",
                "post /en/news/x en/FileName 2023-02-28T10:00+06:00 FrontMatter",
            ),
            (
                "02.news/01.x/item.en.md",
                "---\ndate: '03/15/2021'\ndateformat: 'd-m-Y H:i'\n---\n",
                "post /en/news/x en/FileName 2021-03-15T00:00+06:00 FrontMatter",
            ),
            (
                "02.news/01.x/item.en.md",
                "---\ndate: '05/06/2021'\ndateformat: 'd/m/Y'\n---\n",
                "post /en/news/x en/FileName 2021-06-05T00:00+06:00 FrontMatter",
            ),
            (
                "02.news/01.x/item.en.md",
                "---\ndate: 12:29 23-07-2020\n---\n",
                "post /en/news/x en/FileName 2020-07-23T12:29+06:00 FrontMatter",
            ),
            (
                "02.news/01.x/item.en.md",
                "---\npublish_date: '01-02-2019 09:00'\n---\n",
                "post /en/news/x en/FileName 2019-02-01T09:00+06:00 PublishDate",
            ),
            (
                "02.news/33.2024-03-18-webinar/item.en.md",
                "---\ntitle: W\n---\n",
                "post /en/news/2024-03-18-webinar en/FileName 2024-03-18T00:00+05:00 FolderName",
            ),
            (
                "02.news/33.2024-03-18-webinar/item.en.md",
                "---\ndate: 'garbage'\n---\n",
                "post /en/news/2024-03-18-webinar en/FileName 2024-03-18T00:00+05:00 FolderName",
            ),
            (
                "02.news/14.vice-minister/item.en.md",
                "---\ntitle: V\n---\n",
                "post /en/news/vice-minister en/FileName 2020-01-02T09:04+06:00 FileModified",
            ),
            (
                "02.news/14.2019-13-45-x/item.en.md",
                "---\ntitle: V\n---\n",
                "post /en/news/2019-13-45-x en/FileName 2020-01-02T09:04+06:00 FileModified",
            ),
        ];
        for (rel, text, want) in table {
            check(&h, rel, text, want);
        }
        let p = post(&h, "02.news/01.x/item.en.md", "---\ndate: 'garbage'\n---\n");
        assert_eq!(p.date_source, DateSource::FileModified);
        assert!(
            p.warnings.iter().any(|w| w.line == Some(2) && w.message.starts_with("date: `garbage`")),
            "{:?}",
            p.warnings
        );
        let none = read_page(&h, &file(&h, "02.news/01.x/item.en.md"), b"x", None, now());
        match none {
            Ok(Outcome::Post(p)) => assert_eq!((p.date.timestamp(), p.date_source), (now(), DateSource::Now)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn urls_titles_languages() {
        let h = hemcenter();
        let s = single();
        let table: &[(&Site, &str, &str, &str)] = &[
            (
                &h,
                "01.home/default.kk.md",
                "---\ntitle: 'Центр гематологии'\n---\n# МИССИЯ\n",
                "post /kk kk/FileName",
            ),
            (&h, "01.home/default.ru.md", "---\ntitle: X\n---\n", "post /ru ru/FileName"),
            (
                &h,
                "02.news/24.2022-07-04-jci/item.ru.md",
                "---\ntitle: J\nslug: jci-gold-seal\n---\n",
                "post /ru/news/jci-gold-seal ru/FileName",
            ),
            (&h, "lms-home/page.md", "---\ntitle: LMS\n---\n", "post /kk/lms-home kk/SiteDefault"),
            (
                &h,
                "02.news/01.x/item.en.md",
                "# Heading title\n\nBody text.",
                "post /en/news/x en/FileName 2020-01-02T09:04+06:00 FileModified | Heading title",
            ),
            (
                &h,
                "02.news/01.x/item.en.md",
                "---\ntitle: 2019\n---\n",
                "post /en/news/x en/FileName 2020-01-02T09:04+06:00 FileModified | 2019",
            ),
            (
                &h,
                "02.news/01.Some-Post/item.en.md",
                "",
                "post /en/news/some-post en/FileName 2020-01-02T09:04+06:00 FileModified | Some-Post",
            ),
            (
                &s,
                "01.blog/02.post/item.md",
                "---\ntitle: T\n---\nThis is a rather long English sentence about the weather and the city.",
                "post /blog/post en/Detected",
            ),
            (&s, "01.blog/02.post/item.md", "---\ntitle: T\n---\n", "post /blog/post und/Detected"),
            // A single-language site keeps a language-like suffix (its configuration may be lost).
            (&s, "01.blog/02.post/item.fr.md", "---\ntitle: T\n---\n", "post /blog/post und/Detected"),
            (
                &s,
                "02.docs/docs.16.md",
                "---\ntitle: 'Versioned docs'\n---\n\nThis documentation page explains how to configure the server for version sixteen.\n",
                "post /docs en/Detected",
            ),
            (
                &h,
                "02.news/01.x/item.de.md",
                "---\ntitle: A\n---\nDas ist ein deutscher Text über die Arbeit des Zentrums und seine Ärzte.",
                "post /kk/news/x de/Detected",
            ),
            (
                &h,
                "02.news/01.x/default.before_gui_edits.md",
                "---\ntitle: A\n---\n",
                "post /kk/news/x und/Detected",
            ),
        ];
        for (site, rel, text, want) in table {
            check(site, rel, text, want);
        }
        // Versions as languages (grav-learn).
        let learn = Site {
            config: SiteConfig {
                languages: vec!["17".into(), "16".into()],
                default_lang: Some("17".into()),
                include_default_lang: true,
                ..SiteConfig::default()
            },
            ..single()
        };
        check(&learn, "01.basics/docs.16.md", "---\ntitle: B\n---\n", "post /16/basics und/Detected");
        check(&learn, "01.basics/docs.md", "---\ntitle: B\n---\n", "post /17/basics und/Detected");
    }

    #[test]
    fn front_matter_quirks() {
        let h = hemcenter();
        let rel = "02.news/01.x/item.en.md";
        let bom_crlf =
            "\u{feff}---\r\ntitle: 'Bom'\r\ndate: '01-02-2020 10:00'\r\n---\r\nLine one\r\n\r\nLine two\r\n";
        let p = post(&h, rel, bom_crlf);
        assert_eq!(
            (p.title.as_str(), p.body.as_str(), p.date_source),
            ("Bom", "Line one\n\nLine two", DateSource::FrontMatter)
        );

        let p = post(&h, rel, "---\n---\nOnly body");
        assert_eq!((p.title.as_str(), p.body.as_str()), ("x", "Only body"));

        let p = post(&h, rel, "---\ntitle: Unclosed\n\nBody");
        assert_eq!(p.title, "x");
        assert!(p.body.contains("title: Unclosed"), "{}", p.body);

        let p = post(&h, rel, "---\ntitle: Batman: Arkham Asylum\ncontent:\n  items: @self.children\n---\nB");
        assert_eq!(p.title, "Batman: Arkham Asylum");
        let lenient = "front matter read leniently, as Grav does (lines 2, 4)".to_owned();
        assert_eq!(p.warnings, [Warning { line: Some(2), message: lenient }]);
        let bytes = b"---\ntitle: A\n---\nok\nbad \xff byte";
        let Ok(Outcome::Post(p)) = read_page(&h, &file(&h, rel), bytes, None, now()) else {
            panic!("a post")
        };
        let message = "not valid UTF-8; invalid bytes replaced".to_owned();
        assert_eq!(p.warnings, [Warning { line: Some(5), message }]);

        let p = post(
            &h,
            rel,
            "---\ntaxonomy:\n\tcategory: news\n\ttag: [a, 2019, a]\n\tauthor:\n\t\tname: Ann\n\tfilter: x\n---\n",
        );
        let want: BTreeMap<String, Vec<String>> = [
            ("author", vec!["Ann"]),
            ("category", vec!["news"]),
            ("filter", vec!["x"]),
            ("tag", vec!["a", "2019"]),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.into_iter().map(str::to_owned).collect()))
        .collect();
        assert_eq!(p.taxonomy, want);

        let p = post(&h, rel, "Intro.\n\n===\n\nMore.");
        assert_eq!((p.summary.as_str(), p.body.as_str()), ("Intro.", "Intro.\n\nMore."));
        assert!(p.visible);
        let p = post(&h, "news/x/item.en.md", "---\ntitle: T\n---\n");
        assert!(!p.visible);
    }

    #[test]
    fn detects_language_alongside_suffix() {
        let h = hemcenter();
        let p = post(
            &h,
            "02.news/01.x/item.ru.md",
            "---\ntitle: 'École'\n---\nLe centre d'hématologie a organisé une école pour les patients atteints de leucémie myéloïde chronique.",
        );
        assert_eq!(
            (p.lang.as_str(), p.lang_source, p.detected_lang().as_deref()),
            ("ru", LangSource::FileName, Some("fr"))
        );
        let p = post(
            &h,
            "02.news/01.x/item.kk.md",
            "Гематология орталығы созылмалы миелолейкозбен ауыратын пациенттерге арналған мектеп өткізді.",
        );
        assert_eq!(p.detected_lang().as_deref(), Some("kk"));
    }

    // The property is that every input returns (any result) and nothing panics.
    proptest::proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..300)) {
            let h = hemcenter();
            let _ = read_page(&h, &file(&h, "02.news/01.x/item.en.md"), &bytes, None, now());
        }

        #[test]
        fn never_panics_on_headers(body in "(---\n)?(title|date|publish_date|published|taxonomy|slug|dateformat): [a-z0-9 :'\"@\\[\\]{}/.-]{0,30}\n(  [a-z]+: [a-z0-9@ -]{0,10}\n)?(---\n)?[a-z #=\n]{0,30}") {
            let h = hemcenter();
            let _ = read_page(&h, &file(&h, "02.news/01.2019-07-22-x/item.en.md"), body.as_bytes(), None, now());
        }
    }
}
