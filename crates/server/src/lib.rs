//! The query engine over an annals index, and the HTTP service in front of it.
//!
//! - [`engine::Engine`] answers searches ([`engine::SearchRequest`] →
//!   [`engine::SearchResponse`]), posts, suggestions, facet look-ups and timelines. The CLI
//!   uses it directly; the HTTP routes call it on the blocking pool.
//! - [`http::app`] builds the axum router (JSON API, search page, OpenAPI description);
//!   [`http::serve`] runs it with graceful shutdown.
//!
//! The engine is synchronous; only [`http`] is async.
//!
//! Queries are read leniently: nothing a visitor types is an error.
//!
//! ```
//! use annals_server::engine::query::{Item, parse};
//!
//! let q = parse(r#"silk "road forum" -covid"#);
//! assert_eq!(q.required.len(), 2);
//! assert_eq!(q.excluded, [Item::Word("covid".into())]);
//! assert!(!parse("\"unbalanced OR").is_empty());
//! ```

#![warn(missing_docs)]

pub mod engine;
pub mod http;

pub use engine::{Engine, EngineError, SearchRequest, SearchResponse};
pub use http::{AppState, Limits, Options, app, serve};
