//! Finding sites under a content folder, and the page files of a site in Grav's order.
//!
//! # Which files are page files
//!
//! Grav (`Pages::recurse`) looks in every folder below `pages/` (hidden ones and ones whose
//! name holds the parameter separator `:` excepted) for a file named
//! `<template><extension>`, where the extension is everything from the first dot: `.md`, or
//! `.<lang>.md` for one of the site's languages. Files directly in `pages/` are not pages
//! (the folder is the root page, which Grav never reads): they are listed first all the same,
//! so that every `.md` file of the tree is accounted for, and [`crate::read_page`] skips them.
//! [`Site::page_files`] lists, per folder:
//!
//! 1. the language files (`item.en.md`), in the order of `languages.supported`;
//! 2. the plain files (`item.md`);
//! 3. files whose middle part is not a site language (`docs.16.md` on a site without a `16`
//!    language, `item.before_gui_edits.md`): template `docs`, no language suffix. Grav does
//!    not read them; [`crate::read_page`] reads them as versions of the plain file (same URL,
//!    language detected), where the folder has no file Grav could serve (a folder holding
//!    only `docs.16.md`). (grav-learn does list `17`, `16` and `15` as its "languages": there
//!    `docs.16.md` is served at `/16/...` and is read as such, its language being detected
//!    from the text.)
//!
//! # Which file of a folder Grav serves
//!
//! Grav picks one file per folder and language, and never falls back past the file it picked
//! (see `shadowing`): for a language, its own file (`item.de.md`), else the default
//! language's, else the plain file, and of several files with the same suffix the first. The
//! picked file's own `published` and `routable` then decide whether anything is served. So a
//! folder holding `default.de.md` with `routable: false` and `default.md`, on a site whose
//! default language is `de`, serves nothing at all: the plain file is listed with
//! [`PageFile::shadowed_by`] naming the language file, and [`crate::read_page`] skips both
//! (the one as not routable, the other as not served). Every `.md` file is listed, so every
//! one is accounted for in an indexing report.
//!
//! Several files of one kind in a folder (`item.md` and `default.md`) are in name order; Grav
//! takes whichever the file system lists first.
//!
//! # Order of folders, and which of two folders with one URL Grav serves
//!
//! Folders are visited depth first. Grav's `Pages::buildRoutes` walks the pages in the order
//! `recurse` found them (a parent before its children, siblings in the file system's listing
//! order) and sets `routes[$route] = $page`, so when two folders give the same route (in the
//! owner's archive `01.2023-02-28-patient-school` and `02.2023-02-28-patient-school`, byte
//! for byte the same post) the **later** one overwrites the earlier and is served. With the
//! listing in name order, as on most file systems for such folders, that is the folder whose
//! name sorts last. So siblings are listed in natural name order, except that siblings with
//! the same slug (name without order prefix, lowercased when URLs are) are listed together,
//! where the first of them appears, **last name first**: the first file listed for a URL is the
//! one Grav serves, and a consumer keeping the first post per URL keeps the right one.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::lang::is_language_code;
use crate::url::strip_order_prefix;
use crate::{Error, PageFile, Site, SiteConfig, config};

/// How deep folders are walked (guards against symlink loops).
const MAX_DEPTH: usize = 48;

/// Finds the Grav sites in `content`, which may be a `user/` folder (holding `pages/` and
/// `config/`), a bare `pages/` folder, a folder holding `user/`, or a folder holding many
/// sites: every `user/pages` or `pages` tree below it is one site. Hidden folders are skipped,
/// and a found site is not searched for more.
///
/// Site ids: for a single site, the name of the folder given (its parent's when that folder is
/// named `user` or `pages`); for many sites, the `/`-separated path from `content` to the
/// folder holding `user/` or `pages/`. Sites are sorted by id.
pub fn discover(content: &Path) -> Result<Vec<Site>, Error> {
    let unreadable = |source| Error::ContentUnreadable { path: content.to_path_buf(), source };
    let meta = std::fs::metadata(content).map_err(unreadable)?;
    if !meta.is_dir() {
        return Err(unreadable(std::io::Error::new(std::io::ErrorKind::NotADirectory, "not a folder")));
    }
    if let Some(pages) = site_pages(content, true) {
        return Ok(vec![make_site(single_id(content), pages)]);
    }
    let entries = std::fs::read_dir(content).map_err(unreadable)?;
    drop(entries);
    let mut sites = Vec::new();
    find_sites(content, content, 0, &mut sites);
    if sites.is_empty() {
        return Err(Error::NoSites { path: content.to_path_buf() });
    }
    sites.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(sites)
}

/// The pages tree of a site whose root (or `user/`, or `pages/` when `itself`) is `dir`.
fn site_pages(dir: &Path, itself: bool) -> Option<PathBuf> {
    if itself && dir.file_name().is_some_and(|n| n == "pages") {
        return Some(dir.to_path_buf());
    }
    [dir.join("user").join("pages"), dir.join("pages")].into_iter().find(|p| p.is_dir())
}

/// Id of a single site given as `dir`.
fn single_id(dir: &Path) -> String {
    let full = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    full.ancestors()
        .filter_map(|a| a.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .find(|n| n != "user" && n != "pages")
        .unwrap_or_else(|| "site".to_owned())
}

fn find_sites(root: &Path, dir: &Path, depth: usize, out: &mut Vec<Site>) {
    if depth > MAX_DEPTH {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut subdirs: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.path())
        .collect();
    subdirs.sort();
    for sub in subdirs {
        match site_pages(&sub, false) {
            Some(pages) => {
                let id = sub
                    .strip_prefix(root)
                    .unwrap_or(&sub)
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                out.push(make_site(id, pages));
            }
            None => find_sites(root, &sub, depth + 1, out),
        }
    }
}

fn make_site(id: String, pages_dir: PathBuf) -> Site {
    let system = pages_dir.parent().and_then(|p| config::read_system(&p.join("config")));
    let mut config = config::site_config(system.as_ref());
    if config.languages.is_empty() {
        let inferred = infer_languages(&pages_dir);
        if !inferred.is_empty() {
            config.default_lang = inferred.first().cloned();
            config.languages = inferred;
        }
    }
    Site { id, pages_dir, config }
}

/// Language suffixes used by the page files of a tree, most used first.
fn infer_languages(pages_dir: &Path) -> Vec<String> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    let empty = SiteConfig::default();
    let mut files = Vec::new();
    walk(pages_dir, &empty, 0, &mut files);
    for f in &files {
        let name = f.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if let (_, Suffix::Other(s)) = classify(&name, &empty)
            && is_language_code(&s)
        {
            *counts.entry(s).or_default() += 1;
        }
    }
    let mut langs: Vec<(String, usize)> = counts.into_iter().collect();
    langs.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    langs.into_iter().map(|(l, _)| l).collect()
}

impl Site {
    /// Every page file of the site, in the order described in the module docs: depth first,
    /// and for two folders or files giving the same URL, the one Grav serves first. Modular
    /// parts (`_hero/`) are included; [`crate::read_page`] skips them.
    pub fn page_files(&self) -> Vec<PageFile> {
        let mut out = Vec::new();
        walk(&self.pages_dir, &self.config, 0, &mut out);
        out
    }
}

/// What the part between the template and `.md` says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Suffix {
    /// `item.md`.
    Plain,
    /// `item.en.md`, `en` being a site language.
    Lang(String),
    /// `docs.16.md`, `16` not being a site language.
    Other(String),
}

/// Template and suffix of a page file name (which ends with `.md`).
pub(crate) fn classify(name: &str, config: &SiteConfig) -> (String, Suffix) {
    let stem = name.strip_suffix(".md").unwrap_or(name);
    match stem.split_once('.') {
        None => (stem.to_owned(), Suffix::Plain),
        Some((template, middle)) => {
            let suffix = if config.languages.iter().any(|l| l == middle) {
                Suffix::Lang(middle.to_owned())
            } else {
                Suffix::Other(middle.to_owned())
            };
            (template.to_owned(), suffix)
        }
    }
}

fn walk(dir: &Path, config: &SiteConfig, depth: usize, out: &mut Vec<PageFile>) {
    if depth > MAX_DEPTH {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    let mut dirs: Vec<(String, PathBuf)> = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        // The listing tells a folder from a file without a `stat` per entry (on a tree of
        // 100k posts that `stat` was half the walk); a link is followed to what it names.
        let (is_dir, is_file) = match entry.file_type() {
            Ok(t) if !t.is_symlink() => (t.is_dir(), t.is_file()),
            _ => (path.is_dir(), path.is_file()),
        };
        if is_dir {
            if !name.contains(':') {
                dirs.push((name, path));
            }
        } else if name.ends_with(".md") && is_file {
            files.push((name, path));
        }
    }
    let rank = |s: &Suffix| match s {
        Suffix::Lang(l) => config.languages.iter().position(|x| x == l).unwrap_or(0),
        Suffix::Plain => config.languages.len(),
        Suffix::Other(_) => config.languages.len() + 1,
    };
    let mut classified: Vec<(usize, String, PathBuf, String, Suffix)> = files
        .into_iter()
        .map(|(name, path)| {
            let (template, suffix) = classify(&name, config);
            (rank(&suffix), name, path, template, suffix)
        })
        .collect();
    classified.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| natural_cmp(&a.1, &b.1)));
    let suffixes: Vec<&Suffix> = classified.iter().map(|c| &c.4).collect();
    let shadows = shadowing(&suffixes, config);
    let paths: Vec<PathBuf> = classified.iter().map(|c| c.2.clone()).collect();
    for ((_, _, path, template, suffix), shadow) in classified.into_iter().zip(shadows) {
        let lang_suffix = match suffix {
            Suffix::Lang(l) => Some(l),
            _ => None,
        };
        let shadowed_by = shadow.map(|k| paths[k].clone());
        out.push(PageFile { path, folder: dir.to_path_buf(), template, lang_suffix, shadowed_by });
    }
    // Sub-folders are listed on every core (a news folder holds one folder per post), and
    // their files joined in folder order.
    let nested: Vec<Vec<PageFile>> = order_folders(dirs, config)
        .into_par_iter()
        .map(|(_, path)| {
            let mut files = Vec::new();
            walk(&path, config, depth + 1, &mut files);
            files
        })
        .collect();
    out.extend(nested.into_iter().flatten());
}

/// For each file of one folder (in listing order), the index of the file Grav serves instead
/// of it wherever it could be served, or `None` when Grav serves the file itself for some
/// language (or annals reads it as a version, see below).
///
/// Grav (`Pages::recurse`) picks one file per folder and language: for the active language
/// `L`, the first file whose extension comes first in `L`'s fallback list: `.L.md`, then
/// the default language's `.D.md`, then the plain `.md` (which follows the default language
/// only; `Language::getFallbackPageExtensions`). The picked file's own `published` and
/// `routable` then decide whether anything is served: Grav never falls back past it. So:
///
/// - of several files with one extension (`item.de.md`, `default.de.md`), only the first can
///   be picked;
/// - a language file is always picked for its own language;
/// - a plain file is picked for a language only when the folder has no file for that language
///   nor for the default language: on a multilingual site, never next to a default-language
///   file, even one with `routable: false` or `published: false`;
/// - a file whose suffix is not a site language (`docs.16.md`) is never picked; annals reads
///   it as a version of the page ([`crate::read_page`]) only in a folder with no file Grav
///   could pick.
fn shadowing(suffixes: &[&Suffix], config: &SiteConfig) -> Vec<Option<usize>> {
    let first_with = |wanted: &Suffix| suffixes.iter().position(|s| *s == wanted);
    let default = config.default_lang.clone().or_else(|| config.languages.first().cloned());
    // The file Grav picks for a language: its own, else the default language's, else plain.
    let picked = |lang: &str| {
        first_with(&Suffix::Lang(lang.to_owned()))
            .or_else(|| default.as_ref().and_then(|d| first_with(&Suffix::Lang(d.clone()))))
            .or_else(|| first_with(&Suffix::Plain))
    };
    let any_candidate = suffixes.iter().position(|s| !matches!(s, Suffix::Other(_)));
    suffixes
        .iter()
        .enumerate()
        .map(|(i, suffix)| match suffix {
            Suffix::Lang(_) => first_with(suffix).filter(|&f| f != i),
            Suffix::Plain if config.languages.is_empty() => first_with(suffix).filter(|&f| f != i),
            Suffix::Plain => {
                let served = config.languages.iter().any(|l| picked(l) == Some(i));
                if served { None } else { picked(default.as_deref().unwrap_or("")).or(any_candidate) }
            }
            Suffix::Other(_) => any_candidate,
        })
        .collect()
}

/// Sibling folders in natural order, folders sharing a slug together at the first one's place,
/// last name first (see the module docs).
fn order_folders(mut dirs: Vec<(String, PathBuf)>, config: &SiteConfig) -> Vec<(String, PathBuf)> {
    dirs.sort_by(|a, b| natural_cmp(&a.0, &b.0));
    let slug = |name: &str| {
        let s = strip_order_prefix(name);
        if config.case_sensitive_urls { s.to_owned() } else { s.to_lowercase() }
    };
    let mut group_of: HashMap<String, usize> = HashMap::new();
    let keyed: Vec<(usize, (String, PathBuf))> = dirs
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            let g = *group_of.entry(slug(&d.0)).or_insert(i);
            (g, d)
        })
        .collect();
    let mut keyed = keyed;
    keyed.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| natural_cmp(&b.1.0, &a.1.0)));
    keyed.into_iter().map(|(_, d)| d).collect()
}

/// Natural order: digit runs compare as numbers, the rest case-insensitively.
pub(crate) fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut x, mut y) = (a, b);
    loop {
        match (x.chars().next(), y.chars().next()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(c), Some(d)) if c.is_ascii_digit() && d.is_ascii_digit() => {
                let nx = x.bytes().take_while(u8::is_ascii_digit).count();
                let ny = y.bytes().take_while(u8::is_ascii_digit).count();
                let (dx, dy) = (x[..nx].trim_start_matches('0'), y[..ny].trim_start_matches('0'));
                let ord = dx.len().cmp(&dy.len()).then_with(|| dx.cmp(dy));
                if ord != Ordering::Equal {
                    return ord;
                }
                x = &x[nx..];
                y = &y[ny..];
            }
            (Some(c), Some(d)) => {
                let ord = c.to_lowercase().cmp(d.to_lowercase());
                if ord != Ordering::Equal {
                    return ord;
                }
                x = &x[c.len_utf8()..];
                y = &y[d.len_utf8()..];
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn touch(root: &Path, rel: &str, text: &str) {
        let p = root.join(rel);
        fs::create_dir_all(p.parent().expect("has parent")).expect("mkdir");
        fs::write(p, text).expect("write");
    }

    fn names(site: &Site) -> Vec<String> {
        site.page_files()
            .iter()
            .map(|f| {
                f.path.strip_prefix(&site.pages_dir).expect("below pages").to_string_lossy().into_owned()
            })
            .collect()
    }

    #[test]
    fn natural_order() {
        let mut v = vec!["10.b", "9.a", "01.x", "1.y", "B", "a", "item2", "item10"];
        v.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(v, ["01.x", "1.y", "9.a", "10.b", "a", "B", "item2", "item10"]);
    }

    #[test]
    fn classifies_file_names() {
        let c = SiteConfig { languages: vec!["en".into(), "16".into()], ..SiteConfig::default() };
        let check =
            |name: &str, t: &str, s: Suffix| assert_eq!(classify(name, &c), (t.to_owned(), s), "{name}");
        check("item.md", "item", Suffix::Plain);
        check("item.en.md", "item", Suffix::Lang("en".into()));
        check("docs.16.md", "docs", Suffix::Lang("16".into()));
        check("docs.17.md", "docs", Suffix::Other("17".into()));
        check("item.before_gui_edits.md", "item", Suffix::Other("before_gui_edits".into()));
        check("blog_item.fr.md", "blog_item", Suffix::Other("fr".into()));
    }

    #[test]
    fn grav_picks_one_file_per_folder_and_language() {
        let multi = SiteConfig {
            languages: vec!["de".into(), "en".into()],
            default_lang: Some("de".into()),
            ..SiteConfig::default()
        };
        let (de, en, plain) = (Suffix::Lang("de".into()), Suffix::Lang("en".into()), Suffix::Plain);
        let other = Suffix::Other("bak".into());
        let check = |config: &SiteConfig, files: &[&Suffix], want: &[Option<usize>]| {
            assert_eq!(shadowing(files, config), want, "{files:?}");
        };
        // The default language's file wins over the plain one, for every language.
        check(&multi, &[&de, &plain], &[None, Some(0)]);
        check(&multi, &[&de, &en, &plain], &[None, None, Some(0)]);
        // Without one, the plain file is the default language's (and the fallback of others).
        check(&multi, &[&en, &plain], &[None, None]);
        check(&multi, &[&plain], &[None]);
        // Of two files with one suffix, the first.
        check(&multi, &[&plain, &plain], &[None, Some(0)]);
        check(&multi, &[&de, &de], &[None, Some(0)]);
        // A suffix that is no site language: only alone.
        check(&multi, &[&en, &other], &[None, Some(0)]);
        check(&multi, &[&other], &[None]);
        let single = SiteConfig::default();
        check(&single, &[&plain, &other], &[None, Some(0)]);
        check(&single, &[&plain, &plain], &[None, Some(0)]);
        // The default language falls back to the first supported one.
        let no_default = SiteConfig { default_lang: None, ..multi.clone() };
        check(&no_default, &[&de, &plain], &[None, Some(0)]);
    }

    #[test]
    fn lists_pages_in_grav_order() {
        let tmp = tempfile::tempdir().expect("tmp");
        let root = tmp.path().join("mysite").join("user");
        touch(&root, "config/system.yaml", "languages:\n  supported: [kk, ru, en]\n  default_lang: kk\n");
        let p = "pages";
        touch(&root, &format!("{p}/root.md"), "not a page");
        touch(&root, &format!("{p}/01.home/default.en.md"), "");
        touch(&root, &format!("{p}/01.home/default.kk.md"), "");
        touch(&root, &format!("{p}/02.news/blog.ru.md"), "");
        touch(&root, &format!("{p}/02.news/01.2023-02-28-school/item.ru.md"), "");
        touch(&root, &format!("{p}/02.news/02.2023-02-02-balkhash/item.ru.md"), "");
        touch(&root, &format!("{p}/02.news/02.2023-02-28-school/item.ru.md"), "");
        touch(&root, &format!("{p}/02.news/03.2023-02-02-balkhash/item.ru.md"), "");
        touch(&root, &format!("{p}/02.news/10.later/item.md"), "");
        touch(&root, &format!("{p}/02.news/10.later/item.kk.md"), "");
        touch(&root, &format!("{p}/02.news/10.later/item.16.md"), "");
        touch(&root, &format!("{p}/02.news/10.later/notes.txt"), "");
        touch(&root, &format!("{p}/02.news/.hidden/item.md"), "");
        touch(&root, &format!("{p}/02.news/a:b/item.md"), "");
        touch(&root, &format!("{p}/03.about/_hero/hero.md"), "");

        let sites = discover(&root).expect("found");
        assert_eq!(sites.len(), 1);
        assert_eq!(sites[0].id, "mysite");
        assert_eq!(sites[0].config.languages, ["kk", "ru", "en"]);
        assert_eq!(
            names(&sites[0]),
            [
                "root.md",
                "01.home/default.kk.md",
                "01.home/default.en.md",
                "02.news/blog.ru.md",
                "02.news/02.2023-02-28-school/item.ru.md",
                "02.news/01.2023-02-28-school/item.ru.md",
                "02.news/03.2023-02-02-balkhash/item.ru.md",
                "02.news/02.2023-02-02-balkhash/item.ru.md",
                "02.news/10.later/item.kk.md",
                "02.news/10.later/item.md",
                "02.news/10.later/item.16.md",
                "03.about/_hero/hero.md",
            ]
        );
        let files = sites[0].page_files();
        let f = &files[2];
        assert_eq!((f.template.as_str(), f.lang_suffix.as_deref()), ("default", Some("en")));
        // Only the language file of `10.later` is served: the plain file and the version
        // name it.
        let later = |name: &str| files.iter().find(|f| f.path.ends_with(name)).expect("listed");
        let kk = later("10.later/item.kk.md");
        assert_eq!(kk.shadowed_by, None);
        assert_eq!(later("10.later/item.md").shadowed_by.as_ref(), Some(&kk.path));
        assert_eq!(later("10.later/item.16.md").shadowed_by.as_ref(), Some(&kk.path));
        assert_eq!(f.folder, sites[0].pages_dir.join("01.home"));

        // The same site given as its pages folder, or as the folder holding user/.
        for given in [root.join("pages"), tmp.path().join("mysite")] {
            let s = discover(&given).expect("found");
            assert_eq!((s.len(), s[0].id.as_str()), (1, "mysite"), "{given:?}");
            assert_eq!(s[0].pages_dir, root.join("pages"));
        }
    }

    #[test]
    fn finds_many_sites() {
        let tmp = tempfile::tempdir().expect("tmp");
        let r = tmp.path();
        touch(r, "one/user/pages/01.a/item.md", "");
        touch(r, "one/user/themes/x/_demo/pages/01.b/item.md", "");
        touch(r, "nested/two/pages/01.a/item.fr.md", "");
        touch(r, "nested/two/pages/02.b/item.en.md", "");
        touch(r, "nested/two/pages/02.b/item.fr.md", "");
        touch(r, "nested/two/config/system.yaml", "timezone: Europe/Paris\n");
        touch(r, ".hidden/user/pages/01.a/item.md", "");
        touch(r, "nothing/here.txt", "");
        let sites = discover(r).expect("found");
        let ids: Vec<_> = sites.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["nested/two", "one"]);
        // Languages inferred from suffixes when system.yaml has none.
        assert_eq!(sites[0].config.languages, ["fr", "en"]);
        assert_eq!(sites[0].config.default_lang.as_deref(), Some("fr"));
        assert_eq!(sites[0].config.timezone.as_deref(), Some("Europe/Paris"));
        assert!(sites[1].config.languages.is_empty());
        assert_eq!(names(&sites[1]), ["01.a/item.md"]);
    }

    #[test]
    fn reports_missing_content() {
        let tmp = tempfile::tempdir().expect("tmp");
        assert!(matches!(discover(&tmp.path().join("absent")), Err(Error::ContentUnreadable { .. })));
        assert!(matches!(discover(tmp.path()), Err(Error::NoSites { .. })));
        touch(tmp.path(), "file.txt", "");
        assert!(matches!(discover(&tmp.path().join("file.txt")), Err(Error::ContentUnreadable { .. })));
    }
}
