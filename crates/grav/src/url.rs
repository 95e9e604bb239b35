//! Routes and URLs as Grav builds them.
//!
//! A page's route is its parent's route plus its slug (`Page::route()`); the slug is the
//! folder name without its order prefix (`01.news` → `news`, `32.2022-04-25-x` →
//! `2022-04-25-x`; Grav's `^[0-9]+\.`), or the page's `slug:` header, lowercased when
//! `force_lowercase_urls` is on (Grav's default). The page whose route is `home.alias`
//! (default `/home`) is served at `/`; with `home.hide_in_urls` its children lose the home
//! segment too. A `routes: default:` header replaces the route.
//!
//! The URL adds the language prefix: `/<lang>` for every language but the default one, and for
//! the default one too when `include_default_lang` is on (hemcenter: `/kk/news/…`,
//! `/ru/news/…`, `/en/news/…`). Single-language sites have no prefix.
//!
//! Known limit: a parent page's own `slug:` header is not applied to its children's routes
//! (reading a page does not read its parents).

use std::path::{Component, Path};

use crate::SiteConfig;

/// Grav's default `home.alias`.
const DEFAULT_HOME: &str = "/home";

/// The folder name without its order prefix (`01.news` → `news`).
pub(crate) fn strip_order_prefix(name: &str) -> &str {
    let digits = name.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && name.as_bytes().get(digits) == Some(&b'.') { &name[digits + 1..] } else { name }
}

/// Whether the folder name has an order prefix (`01.news`).
pub(crate) fn has_order_prefix(name: &str) -> bool {
    strip_order_prefix(name).len() != name.len()
}

/// Names of the folders from the pages folder down to `folder` (`["02.news", "01.post"]`).
pub(crate) fn folder_segments(pages_dir: &Path, folder: &Path) -> Vec<String> {
    let relative = match folder.strip_prefix(pages_dir) {
        Ok(r) => r.to_path_buf(),
        Err(_) => {
            // Not below the pages folder as given: take what follows a `pages` component.
            let parts: Vec<_> = folder.components().collect();
            match parts.iter().rposition(|c| c.as_os_str() == "pages") {
                Some(i) => parts[i + 1..].iter().collect(),
                None => folder.to_path_buf(),
            }
        }
    };
    relative
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect()
}

/// Route of a page in `segments` (folder names) with an optional `slug:` and `routes.default`
/// header.
pub(crate) fn route(
    config: &SiteConfig,
    segments: &[String],
    slug: Option<&str>,
    default_route: Option<&str>,
) -> String {
    if let Some(r) = default_route.map(str::trim).filter(|r| r.starts_with('/')) {
        return r.to_owned();
    }
    let case = |s: &str| if config.case_sensitive_urls { s.to_owned() } else { s.to_lowercase() };
    let mut slugs: Vec<String> = segments.iter().map(|s| case(strip_order_prefix(s))).collect();
    if let (Some(last), Some(slug)) =
        (slugs.last_mut(), slug.map(|s| s.trim().trim_matches('/')).filter(|s| !s.is_empty()))
    {
        *last = case(slug);
    }
    let route = format!("/{}", slugs.join("/"));
    let alias = config
        .home_alias
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.trim_matches('/').is_empty())
        .unwrap_or(DEFAULT_HOME);
    let home = format!("/{}", case(alias.trim_matches('/')));
    if route == home {
        return "/".to_owned();
    }
    if config.hide_home_in_urls
        && let Some(rest) = route.strip_prefix(&home).filter(|r| r.starts_with('/'))
    {
        return rest.to_owned();
    }
    route
}

/// URL of `route` for the language variant `variant` (a file suffix or the default language).
pub(crate) fn url(config: &SiteConfig, route: &str, variant: Option<&str>) -> String {
    let default = config.default_lang.as_deref().or(config.languages.first().map(String::as_str));
    let prefix = match variant {
        Some(v) if !config.languages.is_empty() && (Some(v) != default || config.include_default_lang) => {
            format!("/{v}")
        }
        _ => String::new(),
    };
    match (prefix.is_empty(), route) {
        (true, _) => route.to_owned(),
        (false, "/") => prefix,
        (false, r) => format!("{prefix}{r}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hemcenter() -> SiteConfig {
        SiteConfig {
            languages: vec!["kk".into(), "ru".into(), "en".into()],
            default_lang: Some("kk".into()),
            include_default_lang: true,
            ..SiteConfig::default()
        }
    }

    fn check(
        config: &SiteConfig,
        folders: &str,
        slug: Option<&str>,
        variant: Option<&str>,
        expected: (&str, &str),
    ) {
        let segments: Vec<String> = folders.split('/').filter(|s| !s.is_empty()).map(str::to_owned).collect();
        let r = route(config, &segments, slug, None);
        let u = url(config, &r, variant);
        assert_eq!((r.as_str(), u.as_str()), expected, "for {folders} {slug:?} {variant:?}");
    }

    #[test]
    fn routes_and_urls() {
        let h = hemcenter();
        let single = SiteConfig::default();
        let no_default_prefix = SiteConfig { include_default_lang: false, ..hemcenter() };
        let hidden_home =
            SiteConfig { home_alias: Some("/blog".into()), hide_home_in_urls: true, ..SiteConfig::default() };
        let keep_case = SiteConfig { case_sensitive_urls: true, ..SiteConfig::default() };
        /// Config, folders, `slug:`, language variant, expected (route, URL).
        type Row<'a> = (&'a SiteConfig, &'a str, Option<&'a str>, Option<&'a str>, (&'a str, &'a str));
        let table: &[Row<'_>] = &[
            (
                &h,
                "02.news/13.2019-07-22-silk-road",
                None,
                Some("en"),
                ("/news/2019-07-22-silk-road", "/en/news/2019-07-22-silk-road"),
            ),
            (
                &h,
                "02.news/13.2019-07-22-silk-road",
                None,
                Some("kk"),
                ("/news/2019-07-22-silk-road", "/kk/news/2019-07-22-silk-road"),
            ),
            (
                &h,
                "02.news/24.2022-07-04-jci",
                Some("jci-gold-seal"),
                Some("ru"),
                ("/news/jci-gold-seal", "/ru/news/jci-gold-seal"),
            ),
            (&h, "02.news/24.x", Some("/JCI-Seal/"), Some("ru"), ("/news/jci-seal", "/ru/news/jci-seal")),
            (&h, "01.home", None, Some("kk"), ("/", "/kk")),
            (&h, "01.home", None, Some("en"), ("/", "/en")),
            (&h, "01.home/01.child", None, Some("en"), ("/home/child", "/en/home/child")),
            (&no_default_prefix, "02.news/x", None, Some("kk"), ("/news/x", "/news/x")),
            (&no_default_prefix, "02.news/x", None, Some("ru"), ("/news/x", "/ru/news/x")),
            (&single, "01.blog/32.2022-04-25-x", None, None, ("/blog/2022-04-25-x", "/blog/2022-04-25-x")),
            (&single, "01.Home", None, None, ("/", "/")),
            (&single, "22.GÄSTE-albrecht", None, None, ("/gäste-albrecht", "/gäste-albrecht")),
            (&single, "03.blog/Messer — Lügen", None, None, ("/blog/messer — lügen", "/blog/messer — lügen")),
            (&single, "2019.notes", None, None, ("/notes", "/notes")),
            (&single, "1x.notes", None, None, ("/1x.notes", "/1x.notes")),
            (&keep_case, "01.Blog/My-Post", None, None, ("/Blog/My-Post", "/Blog/My-Post")),
            (&hidden_home, "01.blog", None, None, ("/", "/")),
            (&hidden_home, "01.blog/02.post", None, None, ("/post", "/post")),
            (&hidden_home, "02.blogger", None, None, ("/blogger", "/blogger")),
        ];
        for (config, folders, slug, variant, want) in table {
            check(config, folders, *slug, *variant, *want);
        }
    }

    #[test]
    fn routes_default_header_wins() {
        let c = SiteConfig::default();
        assert_eq!(route(&c, &["01.a".into()], Some("b"), Some("/my/page")), "/my/page");
        assert_eq!(route(&c, &["01.a".into()], None, Some("relative")), "/a");
    }

    #[test]
    fn segments_below_pages() {
        let segs = folder_segments(Path::new("/x/user/pages"), Path::new("/x/user/pages/02.news/01.a"));
        assert_eq!(segs, ["02.news", "01.a"]);
        let segs = folder_segments(Path::new("elsewhere"), Path::new("/y/pages/02.news"));
        assert_eq!(segs, ["02.news"]);
    }
}
