//! The document shell every page shares, and [`Ui`], what a page is rendered for.
//!
//! The shell is the `<head>` (title, the fingerprinted stylesheet and script), a skip link,
//! the header (the archive's name, the search form, the interface-language switch), the
//! `<main id="main">` landmark beside an optional `<aside>`, and the footer. Links are
//! relative, so the server also works below a path prefix of a reverse proxy.

use maud::{DOCTYPE, Markup, html};

use super::i18n::{Strings, UI_LANGS, lang_name, lang_short, ui_language};
use super::params::Params;
use super::search;
use crate::http::assets::{APP_CSS, APP_JS};

/// What a page is rendered for: the interface language, the site the posts live on, and
/// where the page is (for relative links and the language switch).
#[derive(Debug, Clone)]
pub struct Ui {
    /// The interface language, one of [`UI_LANGS`].
    pub lang: &'static str,
    /// Its strings.
    pub t: Strings,
    /// Base URL of the site the posts live on, without a trailing `/` (empty: this server).
    pub site: String,
    /// This page's path (`/`, `/events`, `/people/{key}`).
    path: String,
    /// This page's own parameters, kept by the language switch.
    here: Params,
    /// The search the header's form carries: the search page's state, or only `ui`.
    search: Params,
}

impl Ui {
    /// A page at `path` with its parameters `here` (`ui` among them when given), for a
    /// visitor whose browser sends `accept_language`; posts live at `site`.
    pub fn new(path: &str, here: Params, accept_language: Option<&str>, site: Option<&str>) -> Ui {
        let lang = ui_language(here.get("ui"), accept_language);
        let search = here.only(|k| k == "ui");
        Ui {
            lang,
            t: Strings { lang },
            site: site.unwrap_or_default().trim_end_matches('/').to_owned(),
            path: path.to_owned(),
            here,
            search,
        }
    }

    /// For the search page: the header's form carries the search's state `state`.
    pub fn searching(mut self, state: &Params) -> Ui {
        self.search = state.clone();
        self
    }

    fn is_search_page(&self) -> bool {
        self.path == "/"
    }

    /// `../` as often as needed to get from this page to the server's root.
    fn root(&self) -> String {
        "../".repeat(self.path.matches('/').count().saturating_sub(1))
    }

    /// A link from this page to the server's page `to` (`""` for the search page, `events`,
    /// `people/{key}`, encoded) with `params`.
    pub fn link(&self, to: &str, params: &Params) -> String {
        let base = format!("{}{to}", self.root());
        let base = if base.is_empty() { "./".to_owned() } else { base };
        base + &params.query()
    }

    /// A link to the search page with `params`.
    pub fn search_link(&self, params: &Params) -> String {
        self.link("", params)
    }

    /// A link to this page with other parameters.
    pub fn here_link(&self, params: &Params) -> String {
        if !params.is_empty() {
            return params.query();
        }
        match self.path.rsplit('/').next() {
            Some(last) if !last.is_empty() => last.to_owned(),
            _ => "./".to_owned(),
        }
    }

    /// The interface language as links carry it: `ui=…` when this page was given one.
    pub fn carried(&self) -> Params {
        self.here.only(|k| k == "ui")
    }

    /// The address of a post (its URL as the index holds it) on the site.
    pub fn post_url(&self, url: &str) -> String {
        format!("{}{url}", self.site)
    }

    fn asset(&self, name: &str, version: &str) -> String {
        format!("{}assets/{name}?v={version}", self.root())
    }
}

/// A page of the archive: `main` in the `<main>` landmark, under the shared header.
pub fn page(ui: &Ui, title: &str, main: Markup) -> Markup {
    document(ui, title, None, main)
}

/// The document's title: the page's own (when it has one), then the archive's.
pub fn title(ui: &Ui, title: &str) -> String {
    let archive = ui.t.s("title");
    if title.is_empty() || title == archive { archive.to_owned() } else { format!("{title} — {archive}") }
}

/// A page with an `<aside>` (such as filters) beside its `<main>`.
pub fn document(ui: &Ui, title: &str, aside: Option<Markup>, main: Markup) -> Markup {
    let t = ui.t;
    html! {
        (DOCTYPE)
        html lang=(ui.lang) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="color-scheme" content="light dark";
                title { (self::title(ui, title)) }
                link rel="icon" href="data:,";
                link rel="stylesheet" href=(ui.asset(APP_CSS.name, &APP_CSS.version()));
                script type="module" src=(ui.asset(APP_JS.name, &APP_JS.version())) {}
            }
            body {
                a.skip href="#main" { (t.s("skip")) }
                (header(ui))
                div.layout.single[aside.is_none()] {
                    @if let Some(aside) = aside { (aside) }
                    main.main #main { (main) }
                }
                footer.foot { p #keys hidden { (t.s("keys")) } }
            }
        }
    }
}

/// The header: the archive's name (a link to a new search), the search form, the
/// interface-language switch.
fn header(ui: &Ui) -> Markup {
    let t = ui.t;
    let search_page = ui.is_search_page();
    let brand = html! {
        a href=(ui.search_link(&ui.carried())) {
            span.logo aria-hidden="true" {}
            (t.s("title"))
        }
    };
    let params = search_page.then(|| search::params().collect::<Vec<_>>().join(" "));
    html! {
        header.top { div.top-in {
            @if search_page { h1.brand { (brand) } } @else { p.brand { (brand) } }
            form #search-form.search role="search" action=(ui.search_link(&Params::default())) method="get"
                data-params=[params] {
                label.sr-only for="q" { (t.s("search_label")) }
                input #q name="q" type="search" autocomplete="off" spellcheck="false" enterkeyhint="search"
                    aria-keyshortcuts="/" aria-controls=[search_page.then_some("hits")]
                    value=(ui.search.get("q").unwrap_or_default()) placeholder=(t.s("placeholder"));
                button type="submit" { (t.s("search")) }
                @for (k, v) in ui.search.iter().filter(|(k, _)| search::HIDDEN_PARAMS.contains(k)) {
                    input type="hidden" name=(k) value=(v);
                }
            }
            div.top-nav {
            nav.sections aria-label=(t.s("sections")) {
                a href=(ui.link("events", &ui.carried())) aria-current=[(ui.path == "/events").then_some("page")] {
                    (t.s("events"))
                }
            }
            nav.ui-lang aria-label=(t.s("ui_language")) { ul {
                @for lang in UI_LANGS {
                    @let target = ui.here.changed(|p| {
                        p.retain(|(k, _)| k != "ui");
                        p.push(("ui".to_owned(), lang.to_owned()));
                    });
                    li { a href=(ui.here_link(&target)) hreflang=(lang) lang=(lang)
                        aria-current=[(lang == ui.lang).then_some("true")] {
                        span.long { (lang_name(lang)) }
                        span.short aria-hidden="true" { (lang_short(lang)) }
                    } }
                }
            } }
            }
        } }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ui(path: &str, query: &[(&str, &str)]) -> Ui {
        Ui::new(path, Params::of(query.iter().copied()), Some("ru"), Some("https://example.org/"))
    }

    #[test]
    fn links_are_relative_to_the_page() {
        let carried = Params::of([("ui", "kk")]);
        let home = ui("/", &[("ui", "kk")]);
        assert_eq!(home.search_link(&Params::default()), "./");
        assert_eq!(home.search_link(&carried), "./?ui=kk");
        assert_eq!(home.link("events", &carried), "events?ui=kk");
        assert_eq!(home.here_link(&Params::default()), "./");
        let person = ui("/people/pivovarova-i", &[]);
        assert_eq!(person.search_link(&Params::default()), "../");
        assert_eq!(person.search_link(&Params::of([("person", "a b")])), "../?person=a+b");
        assert_eq!(person.link("events", &Params::default()), "../events");
        assert_eq!(person.here_link(&Params::default()), "pivovarova-i");
        assert_eq!(person.here_link(&carried), "?ui=kk");
        assert_eq!(ui("/events", &[]).here_link(&Params::default()), "events");
        assert_eq!(ui("/events", &[]).link("", &Params::default()), "./");
        assert_eq!(person.post_url("/en/news/x"), "https://example.org/en/news/x");
    }

    #[test]
    fn the_shell_names_the_page_and_keeps_the_interface_language() {
        let ui = ui("/events", &[("ui", "kk"), ("page", "2")]);
        let html = page(&ui, "<Events>", html! { p { "body" } }).into_string();
        assert!(html.starts_with("<!DOCTYPE html><html lang=\"kk\">"), "{html}");
        assert!(html.contains("<title>&lt;Events&gt; — Жаңалықтар мұрағатынан іздеу</title>"), "{html}");
        assert!(html.contains("href=\"assets/app.css?v="));
        assert!(
            html.contains("<div class=\"layout single\"><main class=\"main\" id=\"main\"><p>body</p></main>")
        );
        // The form searches from any page, in the interface language, without the page's state.
        assert!(html.contains("action=\"./\""));
        assert!(html.contains("<input type=\"hidden\" name=\"ui\" value=\"kk\">"));
        assert!(!html.contains("name=\"page\""));
        // The language switch stays on this page and goes back to its first page.
        assert!(html.contains("href=\"?ui=ru\" hreflang=\"ru\""), "{html}");
        assert!(html.contains("<p class=\"brand\"><a href=\"./?ui=kk\">"), "{html}");
    }
}
