//! The visitor-facing routes: the search page (`GET /`, and its regions for the page's
//! script), the page's assets and the embeddable widget (`GET /widget.js`).
//!
//! Pages are rendered by [`super::page`]; assets are served by [`super::assets`].
//!
//! `GET /` takes the page's state ([`search::params`]) and two controls the script sends:
//! `fragment=regions` answers only the page's regions (the results, the facets, the chips,
//! the timeline, the counts and the title) for the script to swap in, and `fragment=people`
//! only the people region; `find=…` is what is typed in the box above the people, whose
//! matching people then replace those of the answer.

use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use maud::Markup;
use tower_http::compression::CompressionLayer;

use super::page::{Params, Ui, events, params, person, search};
use super::routes::pairs;
use super::{ApiError, AppState, assets};
use annals_engine::request::clip;
use annals_engine::{FacetValue, ParamError, PeopleRequest, SearchRequest, SearchResponse};

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(search_page))
        .route("/people/{key}", get(person_page))
        .route("/events", get(events_page))
        .route("/assets/{name}", get(assets::asset))
        .route("/widget.js", get(assets::widget))
        .layer(CompressionLayer::new())
}

/// The browser's `Accept-Language`, for [`Ui::new`].
pub(crate) fn accept_language(headers: &HeaderMap) -> Option<&str> {
    headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok())
}

/// An HTML answer of a page (or part of one), with the headers every page has: never
/// cached without revalidation, varying with `Accept-Language`, scripts and styles only
/// from this server.
pub(crate) fn html_response(status: StatusCode, html: Markup) -> Response {
    let mut response = (status, axum::response::Html(html.into_string())).into_response();
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

/// What a part of the page the script asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fragment {
    /// The whole page.
    Page,
    /// The regions (`fragment=regions`).
    Regions,
    /// The people region (`fragment=people`).
    People,
}

/// A search's answer as the page shows it: the request and response, and the people
/// matching what is typed in their box (when something is).
struct Answer {
    req: SearchRequest,
    res: SearchResponse,
    people: Option<Vec<FacetValue>>,
}

/// `GET /`: the search page, or a part of it.
async fn search_page(State(state): State<AppState>, headers: HeaderMap, RawQuery(raw): RawQuery) -> Response {
    let pairs = pairs(raw);
    let control = |key: &str| pairs.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.trim().to_owned());
    let fragment = control("fragment");
    let find = clip(&control("find").unwrap_or_default(), 200).to_owned();
    let params = Params::parse(pairs, search::is_param);
    let ui = Ui::new("/", params.clone(), accept_language(&headers), state.options().site_url.as_deref())
        .searching(&params);
    let fragment = match fragment.as_deref() {
        None => Fragment::Page,
        Some("regions") => Fragment::Regions,
        Some("people") => Fragment::People,
        Some(other) => {
            let e = ParamError {
                code: "invalid_value",
                parameter: "fragment".into(),
                message: format!(
                    "`{}` is not a part of the page; use `regions` or `people`",
                    clip(other, 40)
                ),
            };
            return render(&ui, &params, Fragment::Page, "", (StatusCode::BAD_REQUEST, Err(e.to_string())));
        }
    };
    let outcome = answer(&state, &ui, &params, fragment, &find).await;
    render(&ui, &params, fragment, &find, outcome)
}

/// Runs the page's search (only what the fragment shows).
async fn answer(
    state: &AppState,
    ui: &Ui,
    params: &Params,
    fragment: Fragment,
    find: &str,
) -> (StatusCode, Result<Answer, String>) {
    let mut req = match search::request(params, ui.lang) {
        Ok(req) => req,
        Err(e) => return (StatusCode::BAD_REQUEST, Err(e.to_string())),
    };
    if fragment == Fragment::People {
        // Only the people are shown: one hit, no other recount.
        (req.page, req.per_page, req.disjunctive) = (1, 1, false);
    }
    let find = find.to_owned();
    let run = req.clone();
    let searched = state
        .run(move |engine| {
            let people = match find.as_str() {
                "" => None,
                typed => Some(engine.facet_search("person", typed, &run)?.values),
            };
            let res = match (&people, fragment) {
                (Some(_), Fragment::People) => None,
                _ => Some(engine.search(&run)?),
            };
            Ok((res, people))
        })
        .await;
    match searched {
        Ok((res, people)) => {
            let res = res.unwrap_or_else(search::no_answer);
            (StatusCode::OK, Ok(Answer { req, res, people }))
        }
        Err(ApiError::BadParam(e)) => (StatusCode::BAD_REQUEST, Err(e.to_string())),
        Err(e) => {
            if let ApiError::Internal(inner) = &e {
                tracing::error!(error = %inner, "search page");
            }
            (e.status(), Err(ui.t.s("error").to_owned()))
        }
    }
}

fn render(
    ui: &Ui,
    params: &Params,
    fragment: Fragment,
    find: &str,
    (status, outcome): (StatusCode, Result<Answer, String>),
) -> Response {
    let find_values = outcome.as_ref().ok().and_then(|a| a.people.as_deref());
    let shown = search::Shown {
        params,
        outcome: outcome.as_ref().map(|a| (&a.req, &a.res)).map_err(String::as_str),
        find: find_values.map(|values| (find, values)),
    };
    let html = match fragment {
        Fragment::Page => search::page(ui, &shown),
        Fragment::Regions => search::regions(ui, &shown),
        Fragment::People => {
            let people = match (&outcome, find_values) {
                (_, Some(found)) => found,
                (Ok(a), None) => a.res.facets.get("person").map(Vec::as_slice).unwrap_or_default(),
                (Err(_), None) => &[],
            };
            search::people(ui, params, find, people)
        }
    };
    html_response(status, html)
}

/// The language a staff page is read in: `lang` when given (the interface follows it unless
/// `ui` says otherwise), else the browser's.
fn reader_language<'a>(params: &'a Params, headers: &'a HeaderMap) -> Option<&'a str> {
    params.get("lang").or_else(|| accept_language(headers))
}

/// The page for an error of the engine (a bad parameter is the visitor's; anything else is
/// logged and said in general words).
fn failure(ui: &Ui, e: ApiError, what: &'static str) -> (StatusCode, String) {
    match e {
        ApiError::BadParam(e) => (StatusCode::BAD_REQUEST, e.to_string()),
        e => {
            if let ApiError::Internal(inner) = &e {
                tracing::error!(error = %inner, "{what}");
            }
            (e.status(), ui.t.s("error").to_owned())
        }
    }
}

/// `GET /people/{key}`: a person's page (`page` pages the posts, `ui` the interface
/// language, which is also the language of the names and posts shown).
async fn person_page(
    State(state): State<AppState>,
    Path(key): Path<String>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Response {
    let key = clip(&key, 200).to_owned();
    let here = Params::parse(pairs(raw), |k| matches!(k, "ui" | "page" | "lang"));
    let path = format!("/people/{}", params::encode(&key));
    let ui =
        Ui::new(&path, here.clone(), reader_language(&here, &headers), state.options().site_url.as_deref());
    // Names and posts in `lang` when given, else in the interface language.
    let lang = here.get("lang").unwrap_or(ui.lang);
    let req = PeopleRequest::from_params(here.iter().filter(|(k, _)| *k == "page").chain([("lang", lang)]));
    let req = match req {
        Ok(req) => req,
        Err(e) => return html_response(StatusCode::BAD_REQUEST, person::failed(&ui, &e.to_string())),
    };
    match state.run(move |engine| Ok(engine.person(&key, &req)?)).await {
        Ok(Some(page)) => html_response(StatusCode::OK, person::page(&ui, &here, &page)),
        Ok(None) => html_response(StatusCode::NOT_FOUND, person::not_found(&ui)),
        Err(e) => {
            let (status, message) = failure(&ui, e, "person page");
            html_response(status, person::failed(&ui, &message))
        }
    }
}

/// `GET /events`: the timeline of event dates, filtered by `q`, `person`, `from` and `to`.
async fn events_page(State(state): State<AppState>, headers: HeaderMap, RawQuery(raw): RawQuery) -> Response {
    let params = Params::parse(pairs(raw), |k| events::PARAMS.contains(&k));
    let ui = Ui::new(
        "/events",
        params.clone(),
        reader_language(&params, &headers),
        state.options().site_url.as_deref(),
    );
    // Posts in `lang` when given, else in the interface language.
    let lang = params.get("lang").unwrap_or(ui.lang);
    let asked = params.iter().filter(|(k, _)| !matches!(*k, "ui" | "lang")).chain([("lang", lang)]);
    let mut req = match SearchRequest::from_event_params(asked) {
        Ok(req) => req,
        Err(e) => {
            return html_response(
                StatusCode::BAD_REQUEST,
                events::page(&ui, &params, Err(&e.to_string()), None),
            );
        }
    };
    // Posts without a version in the reader's language still have their events.
    req.any_language = true;
    let key = params.get("person").map(str::to_owned);
    let lang = lang.to_owned();
    let found = state
        .run(move |engine| {
            let name = match &key {
                Some(key) => engine.person_name(key, Some(&lang))?,
                None => None,
            };
            Ok((engine.timeline(&req)?, name))
        })
        .await;
    match found {
        Ok((timeline, name)) => {
            html_response(StatusCode::OK, events::page(&ui, &params, Ok(&timeline), name.as_deref()))
        }
        Err(e) => {
            let (status, message) = failure(&ui, e, "events page");
            html_response(status, events::page(&ui, &params, Err(&message), None))
        }
    }
}
