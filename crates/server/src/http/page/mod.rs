//! The visitor's pages, rendered on the server from templates checked at compile time
//! ([`maud`]). There is one renderer: the search page's script does not build markup, it
//! swaps in regions the server renders ([`search::regions`]).
//!
//! - [`layout`]: [`Ui`] (the interface language, the site, where the page is) and the
//!   document shell every page shares ([`layout::page`]: head, header with the search form
//!   and language switch, `<main id="main">`, footer).
//! - [`parts`]: pieces any page may show: dates at day, month or year precision in the
//!   interface language ([`parts::time`]), person links, hits, notices, a pager.
//! - [`i18n`]: the interface languages and their strings (`assets/i18n.json`), plurals.
//! - [`params`]: a page's state as query parameters, changed one at a time for links.
//! - [`search`]: the search page and its regions.
//! - [`person`]: a person's page (`/people/{key}`).
//! - [`events`]: the events timeline (`/events`).
//!
//! # A new page
//!
//! A page is a route in `http/ui.rs` and a module here. The handler reads its parameters,
//! builds a [`Ui`], runs the engine and returns [`layout::page`] through
//! `ui::html_response` (which adds the security and caching headers):
//!
//! ```text
//! /// `GET /people/{key}`.
//! async fn person(State(state): State<AppState>, Path(key): Path<String>, uri: Uri,
//!                 headers: HeaderMap, RawQuery(raw): RawQuery) -> Response {
//!     let here = Params::parse(pairs(raw), |k| ["ui", "page"].contains(&k));
//!     let site = state.options().site_url.as_deref();
//!     // The path as requested (percent-encoded): links are made relative to it.
//!     let ui = Ui::new(uri.path(), here.clone(), accept_language(&headers), site);
//!     let req = SearchRequest { persons: vec![key.clone()], lang: Some(ui.lang.into()), ..Default::default() };
//!     let res = state.run(move |e| Ok(e.search(&req)?)).await?;  // errors: see ui::search_page
//!     let body = html! {
//!         h1 { (name) }
//!         ol.hits { @for hit in &res.hits { (parts::hit(&ui, hit, &|p| (person_href(&ui, p), p.key == key))) } }
//!         (parts::pager(ui.t, res.page, pages, &|n| ui.here_link(&here.page(n))))
//!     };
//!     html_response(StatusCode::OK, layout::page(&ui, &name, body))
//! }
//! ```
//!
//! Links are relative ([`Ui::link`], [`Ui::here_link`], [`Ui::search_link`]), so pages work
//! below any path; text is escaped by maud, and only a snippet's HTML ([`crate::html`]) is
//! inserted as it is. Strings go in `assets/i18n.json`, in every interface language (a test
//! checks). The page's script (`assets/app.js`) is loaded everywhere: it gives `/` to focus
//! the search box, and enhances the search page when it finds its regions.

pub mod events;
pub mod i18n;
pub mod layout;
pub mod params;
pub mod parts;
pub mod person;
pub mod search;

pub use layout::Ui;
pub use params::Params;
