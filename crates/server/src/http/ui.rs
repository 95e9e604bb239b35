//! The search page (`GET /`): rendered on the server, so a plain `?q=` works without
//! JavaScript.

use axum::Router;
use axum::extract::{RawQuery, State};
use axum::response::Html;
use axum::routing::get;

use super::routes::pairs;
use super::{ApiError, AppState};
use crate::engine::SearchRequest;
use crate::engine::snippet::escape_into;

pub(super) fn router() -> Router<AppState> {
    Router::new().route("/", get(page))
}

fn esc(s: &str) -> String {
    let mut out = String::new();
    escape_into(s, &mut out);
    out
}

async fn page(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Result<Html<String>, ApiError> {
    let pairs = pairs(raw);
    let req = SearchRequest::from_params(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))?;
    let q = req.q.clone();
    let site = state.options().site_url.clone().unwrap_or_default();
    let results = state.run(move |e| Ok(e.search(&req)?)).await?;
    let mut html = String::from(
        "<!doctype html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">\
         <title>annals</title></head><body><main><form role=\"search\" action=\"/\">\
         <label for=\"q\">Search</label> <input id=\"q\" name=\"q\" type=\"search\" value=\"",
    );
    html.push_str(&esc(&q));
    html.push_str("\"> <button>Search</button></form>");
    html.push_str(&format!("<p>{} results</p><ol>", results.total));
    for hit in &results.hits {
        html.push_str(&format!(
            "<li><a href=\"{}{}\">{}</a> <small>{} · {}</small><p>{}</p></li>",
            esc(&site),
            esc(&hit.url),
            esc(&hit.title),
            esc(hit.published.get(..10).unwrap_or_default()),
            esc(&hit.lang),
            hit.snippet
        ));
    }
    html.push_str("</ol></main></body></html>");
    Ok(Html(html))
}
