//! The JSON API: `/api/search`, `/api/suggest`, `/api/posts/{id}`, `/api/events`,
//! `/api/facets/{facet}`, `/api/openapi.json` and `/healthz`.

use axum::extract::{Path, RawQuery, State};
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;

use super::{ApiError, AppState, openapi};
use crate::json::{PersonBody, SearchBody};
use annals_engine::{
    FacetSearch, ParamError, PeopleList, PeopleRequest, PostView, SearchRequest, Suggestions, Timeline,
    request::{clip, parse_count},
};

use annals_engine::facets::NAMES as FACETS;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(health))
        .route("/api/search", get(search))
        .route("/api/suggest", get(suggest))
        .route("/api/posts/{*id}", get(post))
        .route("/api/events", get(events))
        .route("/api/facets/{facet}", get(facet_values))
        .route("/api/people", get(people))
        .route("/api/people/{key}", get(person))
        .route("/api/openapi.json", get(openapi::spec))
        .fallback(not_found)
}

/// Decoded `key=value` pairs of a query string (invalid UTF-8 replaced, never rejected).
pub(crate) fn pairs(raw: Option<String>) -> Vec<(String, String)> {
    let raw = raw.unwrap_or_default();
    form_urlencoded::parse(raw.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect()
}

fn request(pairs: &[(String, String)]) -> Result<SearchRequest, ParamError> {
    SearchRequest::from_params(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

fn get_param<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

#[derive(Serialize)]
struct Health {
    status: &'static str,
    documents: u64,
}

/// Liveness and the number of indexed documents.
#[utoipa::path(get, path = "/healthz", responses((status = 200, description = "The service is up")))]
pub(crate) async fn health(State(state): State<AppState>) -> Json<serde_json::Value> {
    let documents = state.engine.num_docs();
    Json(serde_json::to_value(Health { status: "ok", documents }).unwrap_or_default())
}

/// Faceted full-text search.
#[utoipa::path(get, path = "/api/search", params(
    ("q" = Option<String>, Query, description = "Free text: words, \"phrases\", -exclusions, OR; empty browses newest first"),
    ("lang" = Option<String>, Query, description = "Visitor's language: hits in that language, found through any version"),
    ("person" = Option<Vec<String>>, Query, description = "Person key (repeatable; all must be named)"),
    ("category" = Option<Vec<String>>, Query, description = "Category (repeatable; any)"),
    ("tag" = Option<Vec<String>>, Query, description = "Tag (repeatable; any)"),
    ("year" = Option<Vec<i32>>, Query, description = "Publication year (repeatable; any)"),
    ("month" = Option<Vec<String>>, Query, description = "Publication month YYYY-MM (repeatable; any)"),
    ("from" = Option<String>, Query, description = "Published on or after (YYYY-MM-DD, YYYY-MM or YYYY)"),
    ("to" = Option<String>, Query, description = "Published on or before"),
    ("event_from" = Option<String>, Query, description = "An event date ends on or after"),
    ("event_to" = Option<String>, Query, description = "An event date starts on or before"),
    ("sort" = Option<String>, Query, description = "relevance (default), newest or oldest"),
    ("page" = Option<usize>, Query, description = "1-based page"),
    ("per_page" = Option<usize>, Query, description = "Hits per page, 1 to 100 (default 10)"),
    ("facets" = Option<bool>, Query, description = "Compute facet counts (default true)"),
    ("disjunctive" = Option<bool>, Query, description = "Count each of year, month, category and tag as if its own selection were off, every other filter on (\"OR within a facet, AND across facets\"; default false). The search page uses it"),
), responses(
    (status = 200, body = openapi::SearchResponse),
    (status = 400, description = "A parameter is invalid: {\"error\": {\"code\", \"message\", \"parameter\"}}"),
))]
pub(crate) async fn search(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<SearchBody>, ApiError> {
    let req = request(&pairs(raw))?;
    Ok(Json(SearchBody(state.run(move |e| Ok(e.search(&req)?)).await?)))
}

/// Titles and people completing what is typed.
#[utoipa::path(get, path = "/api/suggest", params(
    ("q" = String, Query, description = "What is typed so far"),
    ("lang" = Option<String>, Query, description = "Visitor's language"),
    ("limit" = Option<usize>, Query, description = "Suggestions of each kind, 1 to 20 (default 5)"),
), responses((status = 200, body = openapi::Suggestions), (status = 400, description = "A parameter is invalid")))]
pub(crate) async fn suggest(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Suggestions>, ApiError> {
    let pairs = pairs(raw);
    let req = request(&pairs)?;
    let limit = match get_param(&pairs, "limit") {
        Some(v) if !v.is_empty() => parse_count("limit", v, 1, 20)?,
        _ => 5,
    };
    Ok(Json(state.run(move |e| Ok(e.suggest(&req.q, req.lang.as_deref(), limit)?)).await?))
}

/// One post with its extracted people and dates.
#[utoipa::path(get, path = "/api/posts/{id}", params(("id" = String, Path, description = "Document id")),
    responses((status = 200, body = openapi::PostView), (status = 404, description = "No post with this id")))]
pub(crate) async fn post(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<PostView>, ApiError> {
    let id = clip(&id, 2048).to_owned();
    let found = state.run(move |e| Ok(e.post(&id)?)).await?;
    found
        .map(Json)
        .ok_or_else(|| ApiError::NotFound { code: "post_not_found", message: "no post with this id".into() })
}

/// A timeline of the event dates told in the posts.
#[utoipa::path(get, path = "/api/events", params(
    ("from" = Option<String>, Query, description = "First day of the period (YYYY-MM-DD, YYYY-MM or YYYY)"),
    ("to" = Option<String>, Query, description = "Last day of the period"),
    ("q" = Option<String>, Query, description = "Only events of posts matching this query"),
    ("lang" = Option<String>, Query, description = "Visitor's language"),
    ("person" = Option<Vec<String>>, Query, description = "Only events of posts naming this person"),
), responses((status = 200, body = openapi::Timeline), (status = 400, description = "A parameter is invalid")))]
pub(crate) async fn events(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Timeline>, ApiError> {
    let pairs = pairs(raw);
    let req = SearchRequest::from_event_params(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))?;
    Ok(Json(state.run(move |e| Ok(e.timeline(&req)?)).await?))
}

/// Values of one facet, filtered by what is typed (for long lists such as people).
#[utoipa::path(get, path = "/api/facets/{facet}", params(
    ("facet" = String, Path, description = "person, year, month, lang, category, tag or event_year"),
    ("q" = Option<String>, Query, description = "Start of a word of the value or its label (any script)"),
    ("query" = Option<String>, Query, description = "Count over the posts matching this search text"),
), responses((status = 200, body = openapi::FacetSearch), (status = 404, description = "Unknown facet")))]
pub(crate) async fn facet_values(
    State(state): State<AppState>,
    Path(facet): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Json<FacetSearch>, ApiError> {
    if !FACETS.contains(&facet.as_str()) {
        return Err(ApiError::NotFound {
            code: "unknown_facet",
            message: format!("no facet `{}`; use one of {}", clip(&facet, 40), FACETS.join(", ")),
        });
    }
    let pairs = pairs(raw);
    let typed = clip(get_param(&pairs, "q").unwrap_or_default(), 200).to_owned();
    // The search text of this route is `query`: `q` is what is typed into the facet box.
    let search_pairs: Vec<(String, String)> = pairs
        .iter()
        .filter(|(k, _)| k != "q")
        .map(|(k, v)| if k == "query" { ("q".to_owned(), v.clone()) } else { (k.clone(), v.clone()) })
        .collect();
    let req = request(&search_pairs)?;
    Ok(Json(state.run(move |e| Ok(e.facet_search(&facet, &typed, &req)?)).await?))
}

fn people_request(raw: Option<String>) -> Result<PeopleRequest, ParamError> {
    let pairs = pairs(raw);
    PeopleRequest::from_params(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

/// People whose names match what is typed, in any script; everyone when `q` is empty.
#[utoipa::path(get, path = "/api/people", params(
    ("q" = Option<String>, Query, description = "A name or the start of one, any script (Pivovarova, Пивовар)"),
    ("lang" = Option<String>, Query, description = "Reader's language: names in it"),
    ("page" = Option<usize>, Query, description = "1-based page"),
    ("per_page" = Option<usize>, Query, description = "People per page, 1 to 100 (default 10)"),
), responses((status = 200, body = openapi::PeopleList), (status = 400, description = "A parameter is invalid")))]
pub(crate) async fn people(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<PeopleList>, ApiError> {
    let req = people_request(raw)?;
    Ok(Json(state.run(move |e| Ok(e.people(&req)?)).await?))
}

/// One person: names and spellings, roles, every post naming them (newest first, paged),
/// the events of those posts and the people named with them.
#[utoipa::path(get, path = "/api/people/{key}", params(
    ("key" = String, Path, description = "Person key, as in the person facet"),
    ("lang" = Option<String>, Query, description = "Reader's language: names and post versions in it"),
    ("page" = Option<usize>, Query, description = "1-based page of the posts"),
    ("per_page" = Option<usize>, Query, description = "Posts per page, 1 to 100 (default 10)"),
), responses(
    (status = 200, body = openapi::PersonPage),
    (status = 400, description = "A parameter is invalid"),
    (status = 404, description = "No such person: {\"error\": {\"code\": \"person_not_found\"}}"),
))]
pub(crate) async fn person(
    State(state): State<AppState>,
    Path(key): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Json<PersonBody>, ApiError> {
    let req = people_request(raw)?;
    let key = clip(&key, 200).to_owned();
    let shown = clip(&key, 60).to_owned();
    let found = state.run(move |e| Ok(e.person(&key, &req)?)).await?;
    found.map(|p| Json(PersonBody(p))).ok_or_else(|| ApiError::NotFound {
        code: "person_not_found",
        message: format!("no person with the key `{shown}`; find keys with /api/people?q=NAME"),
    })
}

async fn not_found() -> ApiError {
    ApiError::NotFound { code: "not_found", message: "no such route; see /api/openapi.json".into() }
}
