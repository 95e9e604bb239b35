//! The HTTP service of annals: the JSON API, its OpenAPI description, the search page and
//! the embeddable widget, in front of the query engine ([`annals_engine::Engine`]).
//!
//! - [`http::app`] builds the axum router; [`http::serve`] runs it with graceful shutdown.
//! - [`json`] gives the API's JSON shapes of the engine's answers (snippets become HTML with
//!   `<mark>` there); `annals search --json` prints the same objects.
//! - [`html`] escapes text for the page and turns a snippet into HTML.
//!
//! The engine is synchronous; the routes run it on the blocking pool behind a semaphore.

#![warn(missing_docs)]

pub mod html;
pub mod http;
pub mod json;

pub use http::{AppState, Limits, Options, app, serve};
