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
    let etag = format!("W/{}", asset.opaque_tag());
    let fresh = headers.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()).is_some_and(|v| {
        v.split(',').map(|t| t.trim().trim_start_matches("W/")).any(|t| t == "*" || etag.ends_with(t))
    });
    let mut response = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        (StatusCode::OK, asset.body).into_response()
    };
    let h = response.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    // Weak, because the compression layer may change the bytes sent.
    if let Ok(etag) = HeaderValue::from_str(&etag) {
        h.insert(header::ETAG, etag);
    }
    if !fresh {
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static(asset.mime));
    }
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assets_are_fingerprinted() {
        assert_ne!(APP_CSS.hash, APP_JS.hash);
        assert_eq!(APP_JS.version().len(), 12);
        assert_eq!(APP_JS.opaque_tag().len(), 18);
    }
}
