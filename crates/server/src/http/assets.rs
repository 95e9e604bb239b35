//! Files embedded in the binary (`/assets/app.css`, `/assets/app.js`, `/widget.js`), served
//! with a fingerprint `ETag` and answered `304 Not Modified` when the browser has them.
//!
//! Pages ask for the page's assets with `?v=<fingerprint>`, which makes them cacheable for a
//! year; sites embed the widget's unversioned URL, cached for an hour, then revalidated.

use axum::extract::{Path, RawQuery};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::ApiError;
use super::routes::pairs;

/// A file embedded in the binary.
pub(crate) struct Asset {
    /// Its name under `/assets/`.
    pub name: &'static str,
    body: &'static str,
    mime: &'static str,
    hash: u64,
}

impl Asset {
    const fn new(name: &'static str, body: &'static str, mime: &'static str) -> Asset {
        Asset { name, body, mime, hash: fnv1a(body.as_bytes()) }
    }

    /// The `v=` that pages put in the asset's URL.
    pub fn version(&self) -> String {
        format!("{:012x}", self.hash >> 16)
    }

    /// The opaque tag (with its quotes) of the `ETag`.
    fn opaque_tag(&self) -> String {
        format!("\"{:016x}\"", self.hash)
    }
}

pub(crate) const APP_CSS: Asset =
    Asset::new("app.css", include_str!("../../assets/app.css"), "text/css; charset=utf-8");
pub(crate) const APP_JS: Asset =
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

/// `GET /assets/{name}`.
pub(super) async fn asset(Path(name): Path<String>, RawQuery(raw): RawQuery, headers: HeaderMap) -> Response {
    let Some(asset) = [&APP_CSS, &APP_JS].into_iter().find(|a| a.name == name) else {
        return ApiError::NotFound { code: "not_found", message: "no such asset".into() }.into_response();
    };
    let versioned = pairs(raw).iter().any(|(k, v)| k == "v" && *v == asset.version());
    // A versioned URL never changes content; an unversioned one is revalidated.
    let cache = if versioned { "public, max-age=31536000, immutable" } else { "no-cache" };
    serve(asset, &headers, cache)
}

/// `GET /widget.js`.
pub(super) async fn widget(headers: HeaderMap) -> Response {
    let mut response = serve(&WIDGET_JS, &headers, "public, max-age=3600");
    response.headers_mut().insert("cross-origin-resource-policy", HeaderValue::from_static("cross-origin"));
    response
}

fn serve(asset: &Asset, headers: &HeaderMap, cache: &'static str) -> Response {
    let tag = asset.opaque_tag();
    // Every If-None-Match header line counts (a list may be split over several).
    let fresh = headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| none_match(v, &tag) == Some(true));
    let mut response = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        (StatusCode::OK, asset.body).into_response()
    };
    let h = response.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    // Weak, because the compression layer may change the bytes sent.
    if let Ok(etag) = HeaderValue::from_str(&format!("W/{tag}")) {
        h.insert(header::ETAG, etag);
    }
    if !fresh {
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static(asset.mime));
    }
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    response
}

/// Whether an `If-None-Match` value (RFC 9110, 13.1.2) names the representation whose
/// opaque tag is `tag` (with its quotes): `*`, or a comma-separated list of entity tags
/// (`"x"` or weak `W/"x"`) one of which is `tag` by the weak comparison (the `W/` does not
/// count). `None` when the value is not a valid header: it then names nothing.
pub(crate) fn none_match(value: &str, tag: &str) -> Option<bool> {
    let value = value.trim_matches([' ', '\t']);
    if value == "*" {
        return Some(true);
    }
    let mut rest = value;
    let mut matched = false;
    let mut tags = 0;
    loop {
        rest = rest.trim_start_matches([' ', '\t']);
        if rest.is_empty() {
            break;
        }
        // Empty list elements (`a, , b`) are allowed by the list syntax.
        if let Some(after) = rest.strip_prefix(',') {
            rest = after;
            continue;
        }
        let (opaque, after) = entity_tag(rest)?;
        matched |= opaque == tag;
        tags += 1;
        rest = after.trim_start_matches([' ', '\t']);
        if !rest.is_empty() {
            rest = rest.strip_prefix(',')?;
        }
    }
    (tags > 0).then_some(matched)
}

/// The opaque tag (with its quotes) at the start of `s`, and what follows it.
fn entity_tag(s: &str) -> Option<(&str, &str)> {
    let s = s.strip_prefix("W/").unwrap_or(s);
    let body = s.strip_prefix('"')?;
    // etagc: %x21 / %x23-7E / obs-text (any byte from 0x80 on).
    let end = body.bytes().position(|b| b == b'"')?;
    body.as_bytes()[..end]
        .iter()
        .all(|&b| b == 0x21 || (0x23..=0x7e).contains(&b) || b >= 0x80)
        .then_some(())?;
    Some((&s[..end + 2], &body[end + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TAG: &str = "\"00ff\"";

    #[test]
    fn assets_are_fingerprinted() {
        assert_ne!(APP_CSS.hash, APP_JS.hash);
        assert_eq!(APP_JS.version().len(), 12);
        assert_eq!(APP_JS.opaque_tag().len(), 18);
    }

    #[test]
    fn if_none_match_compares_whole_tags() {
        for (value, expected) in [
            ("\"00ff\"", Some(true)),
            ("W/\"00ff\"", Some(true)),
            ("*", Some(true)),
            (" \"a\", W/\"00ff\" ", Some(true)),
            ("\"a\",,\t\"00ff\"", Some(true)),
            (", \"00ff\",", Some(true)),
            ("\"a\", \"b\"", Some(false)),
            ("\"0ff\"", Some(false)),
            ("\"f\"", Some(false)),
            ("W/\"\"", Some(false)),
            // Malformed: never a match, whatever the asset.
            ("\"", None),
            ("x, ", None),
            ("ff\"", None),
            ("00ff", None),
            ("\"00ff", None),
            ("\"00ff\" \"00ff\"", None),
            ("w/\"00ff\"", None),
            ("\"a b\"", None),
            ("*, \"00ff\"", None),
            ("", None),
            (" , ", None),
        ] {
            assert_eq!(none_match(value, TAG), expected, "{value:?}");
        }
    }

    #[test]
    fn a_malformed_header_gets_the_asset() {
        for value in ["\"", "x, ", "W/", "*x"] {
            let mut headers = HeaderMap::new();
            headers.insert(header::IF_NONE_MATCH, HeaderValue::from_static(value));
            let res = serve(&APP_JS, &headers, "no-cache");
            assert_eq!(res.status(), StatusCode::OK, "{value:?}");
        }
        let mut headers = HeaderMap::new();
        headers.append(header::IF_NONE_MATCH, HeaderValue::from_static("\"other\""));
        let etag = format!("W/{}", APP_JS.opaque_tag());
        headers.append(header::IF_NONE_MATCH, HeaderValue::from_str(&etag).expect("a header value"));
        assert_eq!(serve(&APP_JS, &headers, "no-cache").status(), StatusCode::NOT_MODIFIED);
    }
}
