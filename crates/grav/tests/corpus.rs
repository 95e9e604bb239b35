//! Reads real Grav sites: the owner's archive and the whole shared corpus (`../shared/corpus`
//! beside the repository), and the repository's demo archive (`content/`). Each test skips,
//! saying so, when its folder is absent, and fails instead when the environment variable `CI`
//! is set.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use annals_grav::{DateSource, LangSource, Outcome, PageFile, Post, Site, discover, read_page};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn folder(rel: &str) -> Option<PathBuf> {
    let p = repo_root().join(rel);
    if p.is_dir() {
        return Some(p);
    }
    let why = format!("{} is absent", p.display());
    assert!(
        std::env::var_os("CI").is_none(),
        "cannot run this test: {why} (CI is set, so it fails instead of skipping)"
    );
    eprintln!("skipped: {why}");
    None
}

/// Every page file of a site read; posts keep the first file per URL, as Grav serves it.
struct Read {
    posts: Vec<(PageFile, Post)>,
    skipped: Vec<(PageFile, String)>,
    errors: Vec<String>,
    duplicates: usize,
}

fn read_site(site: &Site) -> Read {
    let now = jiff::Timestamp::now();
    let mut out = Read { posts: Vec::new(), skipped: Vec::new(), errors: Vec::new(), duplicates: 0 };
    let mut urls: HashMap<String, PathBuf> = HashMap::new();
    for file in site.page_files() {
        let bytes = std::fs::read(&file.path).expect("readable file");
        let modified = std::fs::metadata(&file.path)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| jiff::Timestamp::try_from(t).ok());
        match read_page(site, &file, &bytes, modified, now) {
            Ok(Outcome::Post(p)) => {
                if urls.contains_key(&p.url) {
                    out.duplicates += 1;
                } else {
                    urls.insert(p.url.clone(), file.path.clone());
                    out.posts.push((file, *p));
                }
            }
            Ok(Outcome::Skipped(r)) => out.skipped.push((file, r)),
            Err(e) => out.errors.push(e.to_string()),
        }
    }
    out
}

fn post<'a>(read: &'a Read, url: &str) -> &'a (PageFile, Post) {
    read.posts.iter().find(|(_, p)| p.url == url).unwrap_or_else(|| panic!("no post at {url}"))
}

#[test]
fn owners_archive() {
    let Some(user) = folder("../shared/corpus/grav/petrtsoy__hemcenter.kz/user") else { return };
    let sites = discover(&user).expect("a site");
    assert_eq!(sites.len(), 1);
    let site = &sites[0];
    assert_eq!(site.id, "petrtsoy__hemcenter.kz");
    assert_eq!(site.config.languages, ["kk", "ru", "en"]);
    assert_eq!(site.config.default_lang.as_deref(), Some("kk"));
    assert!(site.config.include_default_lang);
    assert_eq!(site.config.timezone.as_deref(), Some("Asia/Almaty"));

    let read = read_site(site);
    assert!(read.errors.is_empty(), "{:?}", read.errors);
    // 18 posts sit in two folders each (three languages): the copy Grav serves is kept.
    assert_eq!(read.duplicates, 54);
    let skipped: Vec<&str> = read.skipped.iter().map(|(_, r)| r.as_str()).collect();
    assert_eq!(skipped, ["routable: false"; 3]);

    for lang in ["kk", "ru", "en"] {
        let url = format!("/{lang}/news/2019-07-22-silk-road-central-asia-hematology-forum");
        let (file, p) = post(&read, &url);
        assert!(file.folder.ends_with("14.2019-07-22-silk-road-central-asia-hematology-forum"), "{file:?}");
        assert_eq!((p.lang.as_str(), p.lang_source), (lang, LangSource::FileName));
        assert_eq!(p.route, "/news/2019-07-22-silk-road-central-asia-hematology-forum");
        assert_eq!(p.date_source, DateSource::FrontMatter);
        assert_eq!(p.date.date(), jiff::civil::date(2019, 7, 22), "{url}");
        assert_eq!(p.detected_lang().as_deref(), Some(lang), "{url}");
    }
    let (_, home) = post(&read, "/kk");
    assert_eq!((home.route.as_str(), home.title.as_str()), ("/", "Центр гематологии"));

    // Every news item has its date from the front matter, and a summary before `===`.
    let news: Vec<&Post> = read
        .posts
        .iter()
        .filter(|(f, _)| f.template == "item" && f.folder.parent().is_some_and(|p| p.ends_with("02.news")))
        .map(|(_, p)| p)
        .collect();
    assert_eq!(news.len(), 169);
    assert!(news.iter().all(|p| p.date_source == DateSource::FrontMatter));
    assert!(news.iter().all(|p| p.url.starts_with(&format!("/{}/news/", p.lang))));
    let with_summary =
        news.iter().filter(|p| !p.summary.is_empty() && p.summary.len() < p.body.len()).count();
    assert!(with_summary > 150, "{with_summary}");
    // Kazakh text is recognised as Kazakh.
    let kk: Vec<&&Post> = news.iter().filter(|p| p.lang == "kk").collect();
    let kk_detected = kk.iter().filter(|p| p.detected_lang().as_deref() == Some("kk")).count();
    assert!(kk_detected * 10 >= kk.len() * 9, "{kk_detected} of {}", kk.len());
}

#[test]
fn demo_archive() {
    let Some(content) = folder("content") else { return };
    let sites = discover(&content).expect("a site");
    assert_eq!(sites[0].id, "content");
    let read = read_site(&sites[0]);
    assert!(read.errors.is_empty(), "{:?}", read.errors);
    let skipped = |folder: &str| read.skipped.iter().filter(|(f, _)| f.folder.ends_with(folder)).count();
    assert!(skipped("40.2025-11-20-chernovik-balkhash-school") >= 1);
    assert!(skipped("41.2031-01-01-future-gala") >= 2);
    assert!(skipped("42.2024-06-03-intern-route-sheet") >= 2);
    let (_, memo) = post(&read, "/ru/news/2024-10-01-blood-donor-memo");
    assert!(!memo.visible);
    let (_, jci) = post(&read, "/en/news/jci-gold-seal");
    assert_eq!(jci.route, "/news/jci-gold-seal");
    let (_, webinar) = post(&read, "/kk/news/2024-03-18-hemophilia-webinar");
    assert_eq!(
        (webinar.date_source, webinar.date.date()),
        (DateSource::FolderName, jiff::civil::date(2024, 3, 18))
    );
    let (_, karaganda) = post(&read, "/ru/news/2021-03-15-karaganda-agreement");
    assert_eq!(karaganda.date.date(), jiff::civil::date(2021, 3, 15));
    let (_, cml) = post(&read, "/en/news/2020-07-23-article-cml-monitoring");
    assert_eq!((cml.date.hour(), cml.date.minute()), (12, 29));
    let (_, survey) = post(&read, "/en/news/2021-09-20-jci-mock-survey");
    assert_eq!(survey.title, "JCI mock survey with Dr. James O'Connor");
}

/// The whole shared corpus (39 sites, about 3,200 files): nothing panics, nothing fails.
/// `cargo run --release -p annals-grav --example scan -- ../shared/corpus/grav` prints details.
#[test]
#[ignore = "reads the whole shared corpus; run with --ignored"]
fn whole_corpus() {
    let Some(corpus) = folder("../shared/corpus/grav") else { return };
    let sites = discover(&corpus).expect("sites");
    assert_eq!(sites.len(), 39);
    let (mut posts, mut errors) = (0, Vec::new());
    for site in &sites {
        let read = read_site(site);
        posts += read.posts.len();
        errors.extend(read.errors);
    }
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(posts > 2500, "{posts}");
}
