//! The visitor-facing search page (`GET /`), its assets (`/assets/app.css`,
//! `/assets/app.js`) and the embeddable widget (`GET /widget.js`).
//!
//! The page is complete without JavaScript: the server renders the results, the facets (as
//! checkboxes of one `GET` form), the timeline and the pager, all as plain links and form
//! controls whose state is the URL. `app.js` then enhances the same markup: search as you
//! type through the JSON API, history, keyboard. Its strings come from `assets/i18n.json`,
//! shared by both sides, in the interface language chosen from `?ui=` or `Accept-Language`.
//!
//! Counts of the facets whose values are alternatives (years, months, categories, tags) are
//! taken without that facet's own selection, so choosing a year keeps the other years on
//! offer ("disjunctive" facets); people must all be named, so their counts narrow.
//!
//! Every asset is embedded in the binary and served with an `ETag`; the page asks for them
//! with `?v=<hash>`, which makes them cacheable for a year.

use std::sync::LazyLock;

use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::Value;
use tower_http::compression::CompressionLayer;

use super::routes::pairs;
use super::{ApiError, AppState};
use crate::html::escape_into;
use annals_engine::{Engine, FacetValue, Hit, SearchRequest, SearchResponse, Sort};

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(page))
        .route("/assets/{name}", get(asset))
        .route("/widget.js", get(widget))
        .layer(CompressionLayer::new())
}

// ---------------------------------------------------------------------------------------
// Embedded assets

const PAGE_HTML: &str = include_str!("../../assets/page.html");
const I18N_JSON: &str = include_str!("../../assets/i18n.json");

/// A file embedded in the binary.
struct Asset {
    name: &'static str,
    body: &'static str,
    mime: &'static str,
    hash: u64,
}

impl Asset {
    const fn new(name: &'static str, body: &'static str, mime: &'static str) -> Asset {
        Asset { name, body, mime, hash: fnv1a(body.as_bytes()) }
    }

    /// The `v=` that the page puts in the asset's URL.
    fn version(&self) -> String {
        format!("{:012x}", self.hash >> 16)
    }

    /// Weak, because the compression layer may change the bytes sent.
    fn etag(&self) -> String {
        format!("W/\"{:016x}\"", self.hash)
    }
}

const APP_CSS: Asset = Asset::new("app.css", include_str!("../../assets/app.css"), "text/css; charset=utf-8");
const APP_JS: Asset =
    Asset::new("app.js", include_str!("../../assets/app.js"), "text/javascript; charset=utf-8");
const WIDGET_JS: Asset =
    Asset::new("widget.js", include_str!("../../assets/widget.js"), "text/javascript; charset=utf-8");

/// FNV-1a, evaluated at compile time: a stable fingerprint of an asset for `ETag` and `?v=`.
const fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u64;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    hash
}

async fn asset(Path(name): Path<String>, RawQuery(raw): RawQuery, headers: HeaderMap) -> Response {
    let Some(asset) = [&APP_CSS, &APP_JS].into_iter().find(|a| a.name == name) else {
        return ApiError::NotFound { code: "not_found", message: "no such asset".into() }.into_response();
    };
    let versioned = pairs(raw).iter().any(|(k, v)| k == "v" && *v == asset.version());
    // A versioned URL never changes content; an unversioned one is revalidated.
    let cache = if versioned { "public, max-age=31536000, immutable" } else { "no-cache" };
    serve_asset(asset, &headers, cache)
}

async fn widget(headers: HeaderMap) -> Response {
    // Sites embed an unversioned URL: cache for a while, then revalidate by ETag.
    let mut response = serve_asset(&WIDGET_JS, &headers, "public, max-age=3600");
    response.headers_mut().insert("cross-origin-resource-policy", HeaderValue::from_static("cross-origin"));
    response
}

fn serve_asset(asset: &Asset, headers: &HeaderMap, cache: &'static str) -> Response {
    let etag = asset.etag();
    let fresh = headers.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()).is_some_and(|v| {
        v.split(',').map(|t| t.trim().trim_start_matches("W/")).any(|t| t == "*" || etag.ends_with(t))
    });
    let status = if fresh { StatusCode::NOT_MODIFIED } else { StatusCode::OK };
    let mut response = if fresh { status.into_response() } else { (status, asset.body).into_response() };
    let h = response.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if let Ok(etag) = HeaderValue::from_str(&etag) {
        h.insert(header::ETAG, etag);
    }
    if !fresh {
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static(asset.mime));
    }
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    response
}

// ---------------------------------------------------------------------------------------
// Interface language and strings

/// Interface languages, in the order the switcher shows them.
const UI_LANGS: [&str; 3] = ["kk", "ru", "en"];
/// When neither `?ui=` nor `Accept-Language` names one of them.
const DEFAULT_UI: &str = "en";

static I18N: LazyLock<Value> = LazyLock::new(|| serde_json::from_str(I18N_JSON).unwrap_or(Value::Null));

/// The interface language: `?ui=` when it is one of [`UI_LANGS`], else the visitor's most
/// preferred one in `Accept-Language`, else [`DEFAULT_UI`].
fn ui_language(param: Option<&str>, accept: Option<&str>) -> &'static str {
    if let Some(lang) = param.and_then(|p| UI_LANGS.into_iter().find(|l| *l == p)) {
        return lang;
    }
    let mut best: Option<(&'static str, f32)> = None;
    for range in accept.unwrap_or_default().split(',') {
        let mut parts = range.split(';');
        let tag = parts.next().unwrap_or_default().trim();
        let primary = tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        let quality = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .and_then(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        let Some(lang) = UI_LANGS.into_iter().find(|l| *l == primary) else { continue };
        if quality > 0.0 && best.is_none_or(|(_, q)| quality > q) {
            best = Some((lang, quality));
        }
    }
    best.map_or(DEFAULT_UI, |(lang, _)| lang)
}

/// A language's name in that language.
fn lang_name(code: &str) -> String {
    match code {
        "kk" => "Қазақша".to_owned(),
        "ru" => "Русский".to_owned(),
        "en" => "English".to_owned(),
        other => other.to_uppercase(),
    }
}

/// A language's name in three letters, for narrow screens.
fn lang_short(code: &str) -> &str {
    match code {
        "kk" => "ҚАЗ",
        "ru" => "РУС",
        "en" => "ENG",
        other => other,
    }
}

/// CLDR plural category of `n` (the rules of the interface languages, as `Intl.PluralRules`
/// gives them to the script).
fn plural_category(lang: &str, n: usize) -> &'static str {
    match lang {
        "ru" => {
            let (m10, m100) = (n % 10, n % 100);
            if m10 == 1 && m100 != 11 {
                "one"
            } else if (2..=4).contains(&m10) && !(12..=14).contains(&m100) {
                "few"
            } else {
                "many"
            }
        }
        _ if n == 1 => "one",
        _ => "other",
    }
}

/// Replaces each `{name}` of `template` with its value; other text is kept as is.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after
            .find('}')
            .and_then(|close| values.iter().find(|(k, _)| *k == &after[..close]).map(|(_, v)| (close, v)));
        match value {
            Some((close, v)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The strings of one interface language (English for any key it lacks).
#[derive(Clone, Copy)]
struct Strings {
    lang: &'static str,
}

impl Strings {
    fn value(self, key: &str) -> &'static Value {
        let lookup = |lang: &str| I18N.get(lang).and_then(|m| m.get(key));
        lookup(self.lang).or_else(|| lookup("en")).unwrap_or(&Value::Null)
    }

    fn s(self, key: &'static str) -> &'static str {
        self.value(key).as_str().unwrap_or(key)
    }

    fn plural(self, key: &'static str, n: usize) -> String {
        let forms = self.value(key);
        let form = forms.get(plural_category(self.lang, n)).or_else(|| forms.get("other"));
        fill(form.and_then(Value::as_str).unwrap_or(key), &[("n", &n.to_string())])
    }

    fn month(self, list: &'static str, month: u8) -> &'static str {
        let i = usize::from(month.saturating_sub(1));
        self.value(list).get(i).and_then(Value::as_str).unwrap_or_default()
    }

    /// `2019-07-22T10:00:00+06:00` (or any text starting with an ISO date) as a date to read.
    fn date(self, iso: &str) -> String {
        match ymd(iso) {
            Some((y, m, d)) => fill(
                self.s("date"),
                &[("d", &d.to_string()), ("month", self.month("months_of", m)), ("y", &y.to_string())],
            ),
            None => iso.get(..10).unwrap_or(iso).to_owned(),
        }
    }

    /// `2019-07` as a month to read.
    fn month_year(self, value: &str) -> String {
        match ym(value) {
            Some((y, m)) => {
                fill(self.s("month_year"), &[("month", self.month("months", m)), ("y", &y.to_string())])
            }
            None => value.to_owned(),
        }
    }

    /// All strings, for the script.
    fn all(self) -> &'static Value {
        I18N.get(self.lang).unwrap_or(&Value::Null)
    }
}

fn ym(s: &str) -> Option<(u16, u8)> {
    let y = s.get(..4)?.parse().ok()?;
    let m = s.get(5..7)?.parse().ok().filter(|m| (1..=12).contains(m))?;
    (s.as_bytes().get(4) == Some(&b'-')).then_some((y, m))
}

fn ymd(s: &str) -> Option<(u16, u8, u8)> {
    let (y, m) = ym(s)?;
    let d = s.get(8..10)?.parse().ok().filter(|d| (1..=31).contains(d))?;
    (s.as_bytes().get(7) == Some(&b'-')).then_some((y, m, d))
}

// ---------------------------------------------------------------------------------------
// The page's state: its query parameters

/// Parameters the page keeps in its URL; others are dropped from its links.
const PAGE_PARAMS: [&str; 15] = [
    "q",
    "lang",
    "person",
    "category",
    "tag",
    "year",
    "month",
    "from",
    "to",
    "event_from",
    "event_to",
    "sort",
    "page",
    "per_page",
    "ui",
];

/// Parameters without a visible control, carried through the form as hidden inputs.
const HIDDEN_PARAMS: [&str; 5] = ["month", "event_from", "event_to", "per_page", "ui"];

/// Facets whose values are alternatives: their counts ignore their own selection.
const ANY_OF_FACETS: [&str; 4] = ["year", "month", "category", "tag"];

/// Values of a facet list shown before "show all" (which hides at least three).
const FACET_SHOWN: usize = 8;
const FACET_FOLD: usize = FACET_SHOWN + 3;

/// Most months the timeline draws (the newest ones).
const TIMELINE_MONTHS: usize = 600;

/// The page's query parameters, in order: the state of the search, shareable as a URL.
#[derive(Debug, Clone, Default, PartialEq)]
struct Params(Vec<(String, String)>);

impl Params {
    /// Known parameters, trimmed, without empty values (but `lang=`, "all languages").
    fn new(pairs: Vec<(String, String)>) -> Params {
        let mut out: Vec<(String, String)> = Vec::new();
        for (k, v) in pairs {
            let v = v.trim();
            if !PAGE_PARAMS.contains(&k.as_str()) || (v.is_empty() && k != "lang") {
                continue;
            }
            if !out.iter().any(|(k2, v2)| *k2 == k && v2 == v) {
                out.push((k, v.to_owned()));
            }
        }
        Params(out)
    }

    fn iter(&self) -> impl DoubleEndedIterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// The value of a single-valued parameter (the last one, as the search reads it).
    fn get(&self, key: &str) -> Option<&str> {
        self.iter().rev().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    fn all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> {
        self.iter().filter(move |(k, _)| *k == key).map(|(_, v)| v)
    }

    fn has(&self, key: &str, value: &str) -> bool {
        self.iter().any(|(k, v)| k == key && v == value)
    }

    /// A changed copy; any change but paging goes back to the first page.
    fn changed(&self, f: impl FnOnce(&mut Vec<(String, String)>)) -> Params {
        let mut pairs = self.0.clone();
        pairs.retain(|(k, _)| k != "page");
        f(&mut pairs);
        Params(pairs)
    }

    fn with(&self, key: &str, value: &str) -> Params {
        self.changed(|p| {
            if !p.iter().any(|(k, v)| k == key && v == value) {
                p.push((key.to_owned(), value.to_owned()));
            }
        })
    }

    fn without(&self, key: &str, value: &str) -> Params {
        self.changed(|p| p.retain(|(k, v)| !(k == key && v == value)))
    }

    /// Only `value` for `key` (none when `value` is empty).
    fn set(&self, key: &str, value: &str) -> Params {
        self.changed(|p| {
            p.retain(|(k, _)| k != key);
            if !value.is_empty() {
                p.push((key.to_owned(), value.to_owned()));
            }
        })
    }

    fn page(&self, page: usize) -> Params {
        let mut p = self.changed(|_| {});
        if page > 1 {
            p.0.push(("page".to_owned(), page.to_string()));
        }
        p
    }

    /// Only the query text and the interface language: every filter cleared.
    fn cleared(&self) -> Params {
        self.changed(|p| p.retain(|(k, _)| k == "q" || k == "ui"))
    }

    /// A relative link to the page in this state.
    fn href(&self) -> String {
        if self.0.is_empty() {
            return "./".to_owned();
        }
        let mut s = form_urlencoded::Serializer::for_suffix(String::from("?"), 1);
        for (k, v) in self.iter() {
            s.append_pair(k, v);
        }
        s.finish()
    }

    /// The search this state asks for: results in the interface language unless `lang` is
    /// given (`lang=` asks for every language).
    fn request(&self, ui: &str) -> Result<SearchRequest, annals_engine::ParamError> {
        let mut req = SearchRequest::from_params(self.iter())?;
        if self.get("lang").is_none() {
            req.lang = Some(ui.to_owned());
        }
        Ok(req)
    }
}

/// Runs the search, then recounts each any-of facet that has a selection without it.
fn search(engine: &Engine, req: &SearchRequest) -> Result<SearchResponse, ApiError> {
    let mut response = engine.search(req)?;
    for facet in ANY_OF_FACETS {
        let mut wider = req.clone();
        let selection = match facet {
            "year" => std::mem::take(&mut wider.years).len(),
            "month" => std::mem::take(&mut wider.months).len(),
            "category" => std::mem::take(&mut wider.categories).len(),
            _ => std::mem::take(&mut wider.tags).len(),
        };
        if selection == 0 {
            continue;
        }
        wider.page = 1;
        wider.per_page = 1;
        if let Some(values) = engine.search(&wider)?.facets.remove(facet) {
            response.facets.insert(facet.to_owned(), values);
        }
    }
    Ok(response)
}

// ---------------------------------------------------------------------------------------
// The page

async fn page(State(state): State<AppState>, headers: HeaderMap, RawQuery(raw): RawQuery) -> Response {
    let params = Params::new(pairs(raw));
    let accept = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
    let ui = ui_language(params.get("ui"), accept);
    let t = Strings { lang: ui };
    let site = state.options().site_url.clone().unwrap_or_default();
    let (status, outcome) = match params.request(ui) {
        Err(e) => (StatusCode::BAD_REQUEST, Err(e.to_string())),
        Ok(req) => {
            let run = req.clone();
            match state.run(move |engine| search(engine, &run)).await {
                Ok(response) => (StatusCode::OK, Ok((req, response))),
                Err(ApiError::BadParam(e)) => (StatusCode::BAD_REQUEST, Err(e.to_string())),
                Err(e) => {
                    if let ApiError::Internal(inner) = &e {
                        tracing::error!(error = %inner, "search page");
                    }
                    (e.status(), Err(t.s("error").to_owned()))
                }
            }
        }
    };
    let view = View { t, ui, params: &params, site: site.trim_end_matches('/') };
    let html = view.document(outcome.as_ref().map(|(req, res)| (req, res)).map_err(String::as_str));
    let mut response = (status, axum::response::Html(html)).into_response();
    let h = response.headers_mut();
    h.insert(header::VARY, HeaderValue::from_static("Accept-Language"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("strict-origin-when-cross-origin"));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; \
             img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'",
        ),
    );
    response
}

/// HTML being written; `text` escapes, `raw` does not.
struct Out(String);

impl Out {
    fn raw(&mut self, s: &str) -> &mut Out {
        self.0.push_str(s);
        self
    }

    fn text(&mut self, s: &str) -> &mut Out {
        escape_into(s, &mut self.0);
        self
    }

    /// ` name="value"`, escaped.
    fn attr(&mut self, name: &str, value: &str) -> &mut Out {
        self.raw(" ").raw(name).raw("=\"").text(value).raw("\"")
    }

    /// ` name` when `on`.
    fn flag(&mut self, name: &str, on: bool) -> &mut Out {
        if on {
            self.raw(" ").raw(name);
        }
        self
    }
}

/// A search outcome: the request and its answer, or a message saying what went wrong.
type Outcome<'a> = Result<(&'a SearchRequest, &'a SearchResponse), &'a str>;

/// Everything the page is rendered from besides the outcome.
struct View<'a> {
    t: Strings,
    ui: &'static str,
    params: &'a Params,
    site: &'a str,
}

impl View<'_> {
    fn document(&self, outcome: Outcome<'_>) -> String {
        let t = self.t;
        let q = self.params.get("q").unwrap_or_default();
        let title = if q.is_empty() { t.s("title").to_owned() } else { format!("{q} — {}", t.s("title")) };
        let mut body = Out(String::with_capacity(32 * 1024));
        self.body(&mut body, outcome);
        let config = serde_json::json!({
            "ui": self.ui,
            "site": self.site,
            "strings": t.all(),
            "langs": UI_LANGS.iter().map(|l| (l.to_string(), Value::from(lang_name(l)))).collect::<serde_json::Map<_, _>>(),
        });
        // Inside <script>, `<` could close the element: JSON allows it escaped.
        let config = config.to_string().replace('<', "\\u003c");
        let mut html = String::with_capacity(body.0.len() + PAGE_HTML.len() + config.len() + 512);
        let mut rest = PAGE_HTML;
        while let Some(open) = rest.find("{{") {
            html.push_str(&rest[..open]);
            let after = &rest[open + 2..];
            let Some(close) = after.find("}}") else {
                rest = &rest[open..];
                break;
            };
            match &after[..close] {
                "lang" => html.push_str(self.ui),
                "title" => escape_into(&title, &mut html),
                "skip" => escape_into(t.s("skip"), &mut html),
                "css" => html.push_str(&APP_CSS.version()),
                "js" => html.push_str(&APP_JS.version()),
                "body" => html.push_str(&body.0),
                "config" => html.push_str(&config),
                _ => {}
            }
            rest = &after[close + 2..];
        }
        html.push_str(rest);
        html
    }

    fn body(&self, o: &mut Out, outcome: Outcome<'_>) {
        let t = self.t;
        let p = self.params;
        let q = p.get("q").unwrap_or_default();
        let fresh = Params(p.0.iter().filter(|(k, _)| k == "ui").cloned().collect());
        o.raw("<header class=\"top\"><div class=\"top-in\">");
        o.raw("<h1 class=\"brand\"><a")
            .attr("href", &fresh.href())
            .raw("><span class=\"logo\" aria-hidden=\"true\"></span>");
        o.text(t.s("title")).raw("</a></h1>");
        o.raw("<form id=\"search-form\" class=\"search\" role=\"search\" action=\"\" method=\"get\">");
        o.raw("<label class=\"sr-only\" for=\"q\">").text(t.s("search_label")).raw("</label>");
        o.raw("<input id=\"q\" name=\"q\" type=\"search\" autocomplete=\"off\" spellcheck=\"false\" enterkeyhint=\"search\" aria-keyshortcuts=\"/\" aria-controls=\"hits\"");
        o.attr("value", q).attr("placeholder", t.s("placeholder")).raw(">");
        o.raw("<button type=\"submit\">").text(t.s("search")).raw("</button>");
        for (k, v) in p.iter().filter(|(k, _)| HIDDEN_PARAMS.contains(k)) {
            o.raw("<input type=\"hidden\"").attr("name", k).attr("value", v).raw(">");
        }
        o.raw("</form>");
        o.raw("<nav class=\"ui-lang\"").attr("aria-label", t.s("ui_language")).raw("><ul>");
        for lang in UI_LANGS {
            let href = p.changed(|v| {
                v.retain(|(k, _)| k != "ui");
                v.push(("ui".to_owned(), lang.to_owned()));
            });
            o.raw("<li><a").attr("href", &href.href()).attr("hreflang", lang).attr("lang", lang);
            o.flag("aria-current=\"true\"", lang == self.ui)
                .raw("><span class=\"long\">")
                .text(&lang_name(lang));
            o.raw("</span><span class=\"short\" aria-hidden=\"true\">")
                .text(lang_short(lang))
                .raw("</span></a></li>");
        }
        o.raw("</ul></nav></div></header>");

        let empty = SearchResponse {
            total: 0,
            took_ms: 0.0,
            hits: Vec::new(),
            facets: Default::default(),
            page: 1,
            per_page: 10,
            relaxed: false,
        };
        let (req, res, error) = match outcome {
            Ok((req, res)) => (Some(req), res, None),
            Err(message) => (None, &empty, Some(message)),
        };
        let selected = self.selected_count();
        o.raw("<div class=\"layout\">");
        o.raw("<aside class=\"side\"").attr("aria-label", t.s("filters")).raw(">");
        o.raw("<details class=\"filters\" id=\"filters\" open><summary>").text(t.s("filters"));
        o.raw("<span class=\"badge\" id=\"filter-count\"").flag("hidden", selected == 0).raw(">");
        o.text(&selected.to_string()).raw("</span></summary><div class=\"facets\" id=\"facets\">");
        self.facets(o, res, req);
        o.raw("<p class=\"apply\"><button type=\"submit\" form=\"search-form\">").text(t.s("apply"));
        o.raw("</button></p></div></details></aside>");

        o.raw("<main class=\"main\" id=\"main\">");
        o.raw("<div class=\"toolbar\"><p id=\"status\" class=\"status\" role=\"status\">");
        if error.is_none() {
            o.text(&t.plural("results", res.total));
        }
        o.raw("</p><p class=\"sort\"><label for=\"sort\">").text(t.s("sort")).raw("</label> ");
        o.raw("<select id=\"sort\" name=\"sort\" form=\"search-form\">");
        let sort = req.map_or(Sort::Relevance, |r| r.sort);
        for (value, label, on) in [
            ("relevance", "sort_relevance", sort == Sort::Relevance),
            ("newest", "sort_newest", sort == Sort::Newest),
            ("oldest", "sort_oldest", sort == Sort::Oldest),
        ] {
            o.raw("<option")
                .attr("value", value)
                .flag("selected", on)
                .raw(">")
                .text(t.s(label))
                .raw("</option>");
        }
        o.raw("</select></p></div>");
        o.raw("<div id=\"chips\">");
        self.chips(o, res);
        o.raw("</div><div id=\"timeline\">");
        self.timeline(o, res);
        o.raw("</div><div id=\"results\" class=\"results\">");
        self.results(o, res, error);
        o.raw("</div></main></div>");
        o.raw("<footer class=\"foot\"><p id=\"keys\" hidden>").text(t.s("keys")).raw("</p></footer>");
    }

    /// Filters chosen, as counted on the "Filters" button.
    fn selected_count(&self) -> usize {
        let p = self.params;
        ["person", "category", "tag", "year", "month", "from", "to", "event_from", "event_to"]
            .iter()
            .map(|k| p.all(k).count())
            .sum::<usize>()
            + usize::from(p.get("lang").is_some_and(|l| l != self.ui))
    }

    fn facets(&self, o: &mut Out, res: &SearchResponse, req: Option<&SearchRequest>) {
        let t = self.t;
        for (facet, legend) in
            [("person", "people"), ("year", "years"), ("category", "categories"), ("tag", "tags")]
        {
            let values = res.facets.get(facet).map(Vec::as_slice).unwrap_or_default();
            let values = with_selected(values, self.params.all(facet));
            o.raw("<fieldset class=\"facet\"")
                .attr("id", &format!("facet-{facet}"))
                .flag("hidden", values.is_empty());
            o.raw("><legend>").text(t.s(legend)).raw("</legend>");
            if facet == "person" {
                o.raw("<input type=\"search\" class=\"facet-find\" id=\"find-person\" autocomplete=\"off\" hidden");
                o.attr("placeholder", t.s("find_person")).attr("aria-label", t.s("find_person")).raw(">");
            }
            self.facet_list(o, facet, &values);
            o.raw("</fieldset>");
        }

        // Language: one at a time (or all).
        let current = req.and_then(|r| r.lang.clone()).unwrap_or_default();
        let mut langs: Vec<(String, Option<usize>)> = vec![(String::new(), None)];
        for v in res.facets.get("lang").map(Vec::as_slice).unwrap_or_default() {
            langs.push((v.value.clone(), Some(v.count)));
        }
        if !langs.iter().any(|(l, _)| *l == current) {
            langs.push((current.clone(), None));
        }
        o.raw("<fieldset class=\"facet\" id=\"facet-lang\"><legend>")
            .text(t.s("language"))
            .raw("</legend><ul>");
        for (lang, count) in &langs {
            let label = if lang.is_empty() { t.s("all_languages").to_owned() } else { lang_name(lang) };
            o.raw("<li><label><input type=\"radio\" name=\"lang\" form=\"search-form\"").attr("value", lang);
            o.flag("checked", *lang == current).raw("> <span class=\"name\">").text(&label).raw("</span>");
            if let Some(n) = count {
                o.raw(" <span class=\"count\">").text(&n.to_string()).raw("</span>");
            }
            o.raw("</label></li>");
        }
        o.raw("</ul></fieldset>");

        // Publication dates.
        let date = |d: Option<jiff::civil::Date>| d.map(|d| d.to_string()).unwrap_or_default();
        o.raw("<fieldset class=\"facet\" id=\"facet-date\"><legend>").text(t.s("published")).raw("</legend>");
        o.raw("<div class=\"range\"><label>").text(t.s("from"));
        o.raw(
            " <input type=\"date\" name=\"from\" form=\"search-form\" min=\"1000-01-01\" max=\"9999-12-31\"",
        );
        o.attr("value", &date(req.and_then(|r| r.from))).raw("></label><label>").text(t.s("to"));
        o.raw(" <input type=\"date\" name=\"to\" form=\"search-form\" min=\"1000-01-01\" max=\"9999-12-31\"");
        o.attr("value", &date(req.and_then(|r| r.to))).raw("></label></div></fieldset>");
    }

    fn facet_list(&self, o: &mut Out, facet: &str, values: &[FacetValue]) {
        let item = |o: &mut Out, v: &FacetValue| {
            o.raw("<li><label><input type=\"checkbox\" form=\"search-form\"")
                .attr("name", facet)
                .attr("value", &v.value);
            o.flag("checked", self.params.has(facet, &v.value)).raw("> <span class=\"name\">").text(&v.label);
            o.raw("</span> <span class=\"count\">").text(&v.count.to_string()).raw("</span></label></li>");
        };
        let shown = if values.len() >= FACET_FOLD { FACET_SHOWN } else { values.len() };
        o.raw("<ul>");
        for v in &values[..shown] {
            item(o, v);
        }
        o.raw("</ul>");
        if shown < values.len() {
            let open = values[FACET_SHOWN..].iter().any(|v| self.params.has(facet, &v.value));
            o.raw("<details class=\"more\"").flag("open", open).raw("><summary>");
            o.text(&fill(self.t.s("more"), &[("n", &values.len().to_string())])).raw("</summary><ul>");
            for v in &values[FACET_SHOWN..] {
                item(o, v);
            }
            o.raw("</ul></details>");
        }
    }

    fn chips(&self, o: &mut Out, res: &SearchResponse) {
        let t = self.t;
        let p = self.params;
        let mut chips: Vec<(String, Params)> = Vec::new();
        for (k, v) in p.iter() {
            let label = match k {
                "person" => res
                    .facets
                    .get("person")
                    .and_then(|vs| vs.iter().find(|f| f.value == v))
                    .map_or_else(|| v.to_owned(), |f| f.label.clone()),
                "year" | "category" | "tag" | "event_from" | "event_to" => v.to_owned(),
                "month" => t.month_year(v),
                "from" => fill(t.s("from_chip"), &[("date", v)]),
                "to" => fill(t.s("to_chip"), &[("date", v)]),
                "lang" if v != self.ui => {
                    if v.is_empty() {
                        t.s("all_languages").to_owned()
                    } else {
                        lang_name(v)
                    }
                }
                _ => continue,
            };
            chips.push((label, p.without(k, v)));
        }
        if chips.is_empty() {
            return;
        }
        o.raw("<ul class=\"chips\"").attr("aria-label", t.s("active_filters")).raw(">");
        for (label, target) in &chips {
            o.raw("<li><a class=\"chip\" data-nav").attr("href", &target.href());
            o.attr("aria-label", &fill(t.s("remove_filter"), &[("label", label)])).raw(">");
            o.text(label).raw("<span aria-hidden=\"true\"> ×</span></a></li>");
        }
        o.raw("<li><a class=\"clear\" data-nav").attr("href", &p.cleared().href()).raw(">");
        o.text(t.s("clear_all")).raw("</a></li></ul>");
    }

    fn timeline(&self, o: &mut Out, res: &SearchResponse) {
        let t = self.t;
        let months = timeline_months(res.facets.get("month").map(Vec::as_slice).unwrap_or_default());
        if months.len() < 2 {
            return;
        }
        let max = months.iter().map(|(_, n)| *n).max().unwrap_or(1).max(1);
        o.raw("<figure class=\"timeline\"><figcaption>").text(t.s("timeline")).raw("</figcaption>");
        o.raw("<div class=\"tl\"")
            .attr("style", &format!("--n:{}", months.len()))
            .raw("><div class=\"tl-bars\">");
        for (month, count) in &months {
            if *count == 0 {
                o.raw("<span class=\"bar\"></span>");
                continue;
            }
            let on = self.params.has("month", month);
            let target =
                if on { self.params.without("month", month) } else { self.params.set("month", month) };
            let label = fill(
                t.s("timeline_bar"),
                &[("month", &t.month_year(month)), ("posts", &t.plural("posts", *count))],
            );
            o.raw("<a class=\"bar\" data-nav").attr("href", &target.href()).attr("data-month", month);
            o.attr("title", &label).attr("aria-label", &label);
            o.flag("aria-current=\"true\"", on)
                .attr("style", &format!("--v:{:.3}", *count as f64 / max as f64));
            o.raw("></a>");
        }
        o.raw("</div><div class=\"tl-axis\" aria-hidden=\"true\">");
        for (year, span) in timeline_years(&months) {
            o.raw("<span").attr("style", &format!("grid-column:span {span}")).raw(">");
            if span >= 3 {
                o.text(&year);
            }
            o.raw("</span>");
        }
        o.raw("</div></div></figure>");
    }

    fn results(&self, o: &mut Out, res: &SearchResponse, error: Option<&str>) {
        let t = self.t;
        if let Some(message) = error {
            o.raw("<p class=\"notice error\" role=\"alert\">").text(message).raw("</p>");
            return;
        }
        if res.relaxed {
            o.raw("<p class=\"notice\">").text(t.s("relaxed")).raw("</p>");
        }
        if res.hits.is_empty() {
            o.raw("<p class=\"empty\">").text(t.s("no_results")).raw("</p>");
        }
        o.raw("<ol id=\"hits\" class=\"hits\"")
            .attr("start", &((res.page - 1) * res.per_page + 1).to_string())
            .raw(">");
        for hit in &res.hits {
            self.hit(o, hit);
        }
        o.raw("</ol>");
        let pages = res.total.div_ceil(res.per_page.max(1)).min(annals_engine::request::MAX_PAGE);
        if pages > 1 {
            o.raw("<nav class=\"pager\"").attr("aria-label", t.s("pages")).raw(">");
            if res.page > 1 {
                o.raw("<a rel=\"prev\" data-nav")
                    .attr("href", &self.params.page(res.page - 1).href())
                    .raw(">← ");
                o.text(t.s("prev")).raw("</a>");
            }
            o.raw("<span aria-current=\"page\">");
            o.text(&fill(t.s("page_of"), &[("n", &res.page.to_string()), ("total", &pages.to_string())]));
            o.raw("</span>");
            if res.page < pages {
                o.raw("<a rel=\"next\" data-nav")
                    .attr("href", &self.params.page(res.page + 1).href())
                    .raw(">");
                o.text(t.s("next")).raw(" →</a>");
            }
            o.raw("</nav>");
        }
    }

    fn hit(&self, o: &mut Out, hit: &Hit) {
        let t = self.t;
        let date = hit.published.get(..10).unwrap_or_default();
        o.raw("<li class=\"hit\"><h2 class=\"hit-title\"><a class=\"hit-link\"");
        o.attr("href", &format!("{}{}", self.site, hit.url))
            .attr("lang", &hit.lang)
            .raw(">")
            .text(&hit.title);
        o.raw("</a></h2><p class=\"hit-meta\"><time")
            .attr("datetime", date)
            .raw(">")
            .text(&t.date(&hit.published));
        o.raw("</time> <span class=\"hit-lang\"")
            .attr("title", &lang_name(&hit.lang))
            .raw(">")
            .text(&hit.lang);
        // The snippet's text is escaped, its matches put in <mark>.
        o.raw("</span></p><p class=\"hit-snippet\"")
            .attr("lang", &hit.lang)
            .raw(">")
            .raw(&crate::html::snippet(&hit.snippet))
            .raw("</p>");
        let people: Vec<_> = hit.people.iter().filter(|p| !p.key.is_empty()).collect();
        if !people.is_empty() {
            o.raw("<p class=\"hit-people\"><span class=\"label\">").text(t.s("named")).raw("</span> ");
            for person in people {
                let on = self.params.has("person", &person.key);
                o.raw("<a class=\"person\" data-nav")
                    .attr("href", &self.params.with("person", &person.key).href());
                o.attr("lang", &hit.lang)
                    .flag("aria-current=\"true\"", on)
                    .raw(">")
                    .text(&person.name)
                    .raw("</a> ");
            }
            o.raw("</p>");
        }
        if !hit.translations.is_empty() {
            o.raw("<p class=\"hit-tr\"><span class=\"label\">").text(t.s("also_in")).raw("</span> ");
            for tr in &hit.translations {
                o.raw("<a").attr("href", &format!("{}{}", self.site, tr.url)).attr("hreflang", &tr.lang);
                o.attr("lang", &tr.lang).raw(">").text(&lang_name(&tr.lang)).raw("</a> ");
            }
            o.raw("</p>");
        }
        o.raw("</li>");
    }
}

/// `values` with every selected value not among them appended (count 0), so a selection can
/// always be seen and undone. Values without a key are left out: they cannot be chosen.
fn with_selected<'a>(values: &[FacetValue], selected: impl Iterator<Item = &'a str>) -> Vec<FacetValue> {
    let mut out: Vec<FacetValue> = values.iter().filter(|v| !v.value.is_empty()).cloned().collect();
    for s in selected {
        if !out.iter().any(|v| v.value == s) {
            out.push(FacetValue { value: s.to_owned(), label: s.to_owned(), count: 0 });
        }
    }
    out
}

/// Every month from the oldest to the newest of the `month` facet, with its count (at most
/// [`TIMELINE_MONTHS`], the newest).
fn timeline_months(values: &[FacetValue]) -> Vec<(String, usize)> {
    let counted: Vec<(u32, usize)> = values
        .iter()
        .filter_map(|v| ym(&v.value).map(|(y, m)| (u32::from(y) * 12 + u32::from(m) - 1, v.count)))
        .collect();
    let (Some(first), Some(last)) =
        (counted.iter().map(|(i, _)| *i).min(), counted.iter().map(|(i, _)| *i).max())
    else {
        return Vec::new();
    };
    let first = first.max(last.saturating_sub(TIMELINE_MONTHS as u32 - 1));
    (first..=last)
        .map(|i| {
            let count = counted.iter().filter(|(j, _)| *j == i).map(|(_, n)| n).sum();
            (format!("{:04}-{:02}", i / 12, i % 12 + 1), count)
        })
        .collect()
}

/// The years of a timeline and the number of its months in each.
fn timeline_years(months: &[(String, usize)]) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for (month, _) in months {
        let year = month.get(..4).unwrap_or_default();
        match out.last_mut() {
            Some((y, n)) if y == year => *n += 1,
            _ => out.push((year.to_owned(), 1)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use annals_engine::{PersonName, Translation};

    fn params(query: &str) -> Params {
        Params::new(
            form_urlencoded::parse(query.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect(),
        )
    }

    fn fv(value: &str, count: usize) -> FacetValue {
        FacetValue { value: value.into(), label: value.into(), count }
    }

    #[test]
    fn every_language_has_every_string() {
        let langs = I18N.as_object().expect("i18n.json is an object");
        let en = langs["en"].as_object().expect("English strings");
        for lang in UI_LANGS {
            let strings = langs[lang].as_object().expect("strings of a language");
            for key in en.keys() {
                assert!(strings.contains_key(key), "{lang} lacks {key}");
            }
            assert_eq!(strings["months"].as_array().map(Vec::len), Some(12), "{lang}");
            assert_eq!(strings["months_of"].as_array().map(Vec::len), Some(12), "{lang}");
        }
    }

    #[test]
    fn the_interface_language_follows_the_parameter_then_the_header() {
        assert_eq!(ui_language(Some("kk"), Some("ru")), "kk");
        assert_eq!(ui_language(Some("xx"), Some("ru-RU,ru;q=0.9,en;q=0.8")), "ru");
        assert_eq!(ui_language(None, Some("de-DE, en;q=0.5, kk;q=0.7")), "kk");
        assert_eq!(ui_language(None, Some("kk;q=0")), "en");
        assert_eq!(ui_language(None, Some(";;;,,q=")), "en");
        assert_eq!(ui_language(None, None), "en");
    }

    #[test]
    fn plurals_and_dates_read_naturally() {
        let ru = Strings { lang: "ru" };
        let n = |k: usize| ru.plural("results", k);
        assert_eq!(
            [n(1), n(3), n(5), n(11), n(21), n(112)],
            [
                "1 результат",
                "3 результата",
                "5 результатов",
                "11 результатов",
                "21 результат",
                "112 результатов"
            ]
        );
        assert_eq!(Strings { lang: "en" }.plural("results", 1), "1 result");
        assert_eq!(ru.date("2019-07-22T10:00:00+06:00"), "22 июля 2019");
        assert_eq!(Strings { lang: "kk" }.date("2019-07-22"), "2019 ж. 22 шілде");
        assert_eq!(Strings { lang: "en" }.month_year("2019-07"), "July 2019");
        assert_eq!(ru.date("garbage"), "garbage");
        assert_eq!(fill("{a} {b} {c", &[("a", "{b}"), ("b", "x")]), "{b} x {c");
    }

    #[test]
    fn links_change_one_thing_and_go_back_to_the_first_page() {
        let p = params("q=forum&year=2019&page=3&junk=1&from=");
        assert_eq!(p.href(), "?q=forum&year=2019&page=3");
        assert_eq!(p.with("year", "2020").href(), "?q=forum&year=2019&year=2020");
        assert_eq!(p.without("year", "2019").href(), "?q=forum");
        assert_eq!(p.set("month", "2019-07").href(), "?q=forum&year=2019&month=2019-07");
        assert_eq!(p.page(2).href(), "?q=forum&year=2019&page=2");
        assert_eq!(params("q=a&lang=&person=x").cleared().href(), "?q=a");
        assert_eq!(Params::default().href(), "./");
        assert_eq!(params("q=a+%26+b").href(), "?q=a+%26+b");
    }

    #[test]
    fn results_are_in_the_interface_language_unless_asked() {
        assert_eq!(params("q=x").request("kk").map(|r| r.lang), Ok(Some("kk".into())));
        assert_eq!(params("q=x&lang=ru").request("kk").map(|r| r.lang), Ok(Some("ru".into())));
        assert_eq!(params("q=x&lang=").request("kk").map(|r| r.lang), Ok(None));
        assert!(params("year=abc").request("kk").is_err());
    }

    #[test]
    fn the_timeline_fills_empty_months() {
        let months = timeline_months(&[fv("2019-11", 2), fv("2020-02", 1), fv("bad", 9)]);
        let shown: Vec<_> = months.iter().map(|(m, n)| format!("{m}:{n}")).collect();
        assert_eq!(shown, ["2019-11:2", "2019-12:0", "2020-01:0", "2020-02:1"]);
        assert_eq!(timeline_years(&months), [("2019".to_owned(), 2), ("2020".to_owned(), 2)]);
    }

    #[test]
    fn the_page_escapes_everything_but_the_snippet() {
        let evil = "\"><script>alert(1)</script>";
        let p = params(&format!("q={}&person={}", "%22%3E%3Cscript%3E", "%3Cb%3E"));
        let hit = Hit {
            id: "x".into(),
            url: "/news/\"onmouseover=x".into(),
            path: "p".into(),
            title: evil.into(),
            lang: "ru".into(),
            published: "2019-07-22T10:00:00+06:00".into(),
            event_dates: vec![],
            matched_date: None,
            people: vec![PersonName { key: "k\"".into(), name: evil.into() }],
            snippet: annals_engine::Snippet { text: "a b & c".into(), highlights: vec![(2, 3)] },
            score: 1.0,
            translations: vec![Translation { lang: "kk".into(), url: "/kk/<x>".into() }],
        };
        let mut facets = std::collections::BTreeMap::new();
        facets.insert(
            "person".to_owned(),
            vec![FacetValue { value: "<b>".into(), label: evil.into(), count: 1 }],
        );
        facets.insert("month".to_owned(), vec![fv("2019-07", 1), fv("2019-09", 2)]);
        let res = SearchResponse {
            total: 25,
            took_ms: 1.0,
            hits: vec![hit],
            facets,
            page: 1,
            per_page: 10,
            relaxed: true,
        };
        let req = p.request("ru").expect("a valid request");
        let view = View { t: Strings { lang: "ru" }, ui: "ru", params: &p, site: "https://example.org" };
        let html = view.document(Ok((&req, &res)));
        assert!(!html.contains("<script>alert") && !html.contains("\"><script>"), "{html}");
        assert!(html.contains("a <mark>b</mark> &amp; c"));
        assert!(html.contains("href=\"https://example.org/news/&quot;onmouseover=x\""));
        assert!(html.contains("25 результатов"));
        assert!(html.contains("class=\"timeline\"") && html.contains("Страница 1 из 3"));
        assert!(html.contains("value=\"&lt;b&gt;\" checked"));
        let config = html.split("id=\"annals-config\">").nth(1).unwrap_or_default();
        assert!(!config.split("</script>").next().unwrap_or_default().contains('<'));
    }

    #[test]
    fn errors_are_shown_on_the_page() {
        let p = params("year=abc");
        let view = View { t: Strings { lang: "en" }, ui: "en", params: &p, site: "" };
        let html = view.document(Err("`abc` is not a year"));
        assert!(html.contains("role=\"alert\">`abc` is not a year</p>"));
    }

    #[test]
    fn assets_are_fingerprinted() {
        assert_ne!(APP_CSS.hash, APP_JS.hash);
        assert_eq!(APP_JS.version().len(), 12);
        assert!(APP_JS.etag().starts_with("W/\""));
    }
}
