//! The HTTP service of annals: the JSON API, its OpenAPI description, the search page and
//! the embeddable widget, in front of the query engine ([`annals_engine::Engine`]).
//!
//! - [`http::app`] builds the axum router; [`http::serve`] runs it with graceful shutdown.
//! - [`http::page`] renders the visitor's pages from maud templates: the shell every page
//!   shares, the search page, and the regions of it that the page's script swaps in.
//! - [`json`] gives the API's JSON shapes of the engine's answers (snippets become HTML with
//!   `<mark>` there); `annals search --json` prints the same objects.
//! - [`html`] turns a snippet into HTML (escaped text, matches in `<mark>`).
//!
//! The engine is synchronous; the routes run it behind a semaphore on the runtime's workers.

#![warn(missing_docs)]

pub mod html;
pub mod http;
pub mod json;

pub use http::{AppState, Limits, Options, app, serve};
