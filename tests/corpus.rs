//! The real corpus in `../shared/corpus` (skipped when it is absent, failed when it is absent
//! and the environment variable `CI` is set).

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::util::{TempContent, TestCommand, TestServer, hits, index_json};

/// `rel` (relative to the repository) when it is a folder; else `None` after saying the test
/// is skipped, or a panic when `CI` is set (in CI a test that cannot run fails).
fn folder(rel: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    if !p.is_dir() {
        annals_hardness::process::skip_or_fail(&format!("this test: {} is absent", p.display()));
        return None;
    }
    Some(p)
}

/// The front matter's lines (between the first two `---` lines).
fn front_matter(text: &str) -> Vec<&str> {
    let text = text.trim_start_matches('\u{feff}');
    let mut lines = text.lines();
    if lines.next().map(str::trim_end) != Some("---") {
        return Vec::new();
    }
    lines.take_while(|l| l.trim_end() != "---").collect()
}

/// A top-level scalar of the front matter, unquoted.
fn scalar(header: &[&str], key: &str) -> Option<String> {
    let prefix = format!("{key}:");
    let raw = header.iter().find(|l| l.starts_with(&prefix))?[prefix.len()..].trim();
    let value = if let Some(inner) = raw.strip_prefix('\'').and_then(|r| r.strip_suffix('\'')) {
        inner.replace("''", "'")
    } else if let Some(inner) = raw.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
        inner.replace("\\\"", "\"")
    } else {
        raw.to_owned()
    };
    Some(value)
}

/// `dd-mm-YYYY HH:MM` in Asia/Almaty.
fn almaty(value: &str) -> Option<jiff::Timestamp> {
    let dt = jiff::civil::DateTime::strptime("%d-%m-%Y %H:%M", value.trim()).ok()?;
    dt.to_zoned_datetime(jiff::tz::TimeZone::get("Asia/Almaty").ok()?).ok().map(|z| z.timestamp())
}

#[test]
fn owner_archive_posts_are_found_by_their_title_at_their_url() {
    let Some(user) = folder("../shared/corpus/grav/petrtsoy__hemcenter.kz/user") else { return };
    let news = user.join("pages/02.news");
    let dir = TempContent::new();
    let index = dir.join("index");
    let report = index_json(&user, &index, &[]);
    assert!(
        report["errors"].as_array().is_some_and(Vec::is_empty),
        "the owner's archive reads without errors: {report}"
    );

    let mut expected = Vec::new();
    let mut folders: Vec<PathBuf> =
        std::fs::read_dir(&news).unwrap().flatten().map(|e| e.path()).filter(|p| p.is_dir()).collect();
    folders.sort();
    let now = jiff::Timestamp::now();
    for folder in folders {
        let name = folder.file_name().unwrap().to_string_lossy().into_owned();
        for lang in ["kk", "ru", "en"] {
            let file = folder.join(format!("item.{lang}.md"));
            let Ok(text) = std::fs::read_to_string(&file) else { continue };
            let header = front_matter(&text);
            if scalar(&header, "published").as_deref() == Some("false")
                || scalar(&header, "routable").as_deref() == Some("false")
            {
                continue;
            }
            if scalar(&header, "publish_date").and_then(|d| almaty(&d)).is_some_and(|t| t > now) {
                continue;
            }
            let Some(title) = scalar(&header, "title") else { continue };
            let slug = scalar(&header, "slug").unwrap_or_else(|| match name.split_once('.') {
                Some((n, rest)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => rest.to_owned(),
                _ => name.clone(),
            });
            expected.push((format!("{name}/item.{lang}.md"), lang, title, format!("/{lang}/news/{slug}")));
        }
    }
    assert!(expected.len() > 150, "expected the archive's ~220 news files, found {}", expected.len());

    let server = TestServer::start(&index, &[]);
    let mut misses = Vec::new();
    for (file, lang, title, url) in &expected {
        let res = server.search(&[("q", title.as_str()), ("lang", lang), ("per_page", "10")]);
        let found = hits(&res)
            .iter()
            .any(|h| h["url"] == url.as_str() && h["title"] == title.as_str() && h["lang"] == *lang);
        if !found {
            let got: Vec<String> =
                hits(&res).iter().take(3).map(|h| format!("{} {}", h["url"], h["title"])).collect();
            misses.push(format!("{file}: {title:?} expected at {url}; top hits: {got:?}"));
        }
    }
    assert!(
        misses.is_empty(),
        "{} of {} posts not found by their title:\n{}",
        misses.len(),
        expected.len(),
        misses.join("\n")
    );
}

#[test]
#[ignore = "indexes the whole shared corpus (slow)"]
fn whole_shared_corpus_indexes_without_panicking() {
    let Some(corpus) = folder("../shared/corpus/grav") else { return };
    let dir = TempContent::new();
    let out = TestCommand::new(["index", "--json", "--content"])
        .arg(&corpus)
        .arg("--index")
        .arg(dir.join("index"))
        .timeout(Duration::from_secs(1800))
        .run_ok();
    let report = out.json();
    assert!(report["indexed"].as_u64().is_some_and(|n| n > 1000), "{}", crate::util::clip(&out.stdout));
    let files = crate::util::md_files(&corpus).len() as u64;
    assert_eq!(crate::util::report_total(&report), files, "every page file lands in one bucket");
}
