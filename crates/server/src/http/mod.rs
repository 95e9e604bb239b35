//! The HTTP service: routes over the [`Engine`], limits, CORS, graceful shutdown.
//!
//! [`app`] builds the router from an [`AppState`]; [`serve`] runs it on a listener until a
//! shutdown future completes. A search runs on the runtime's worker that took its request,
//! once it holds one of the semaphore's permits: a burst of heavy queries waits its turn, and
//! a runtime with one worker more than permits (as `annals serve` builds it) always has one
//! free for connections. No thread hand-off per search: on a small virtual machine waking a
//! blocking-pool thread and then the worker again cost a tenth of a search's time, and with
//! two clients the threads crowded two cores (BENCHMARKS.md, 2026-12-03).

mod assets;
mod error;
pub mod openapi;
mod origin;
pub mod page;
mod routes;
mod ui;

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderValue, Method};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower_http::cors::AllowOrigin;
use tower_http::cors::CorsLayer;

pub use error::ApiError;
pub use origin::{InvalidOrigin, Origin};

use annals_engine::Engine;

/// Limits of the service; the defaults are documented in README.md.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Searches running at once; more wait (up to `timeout`) for a turn.
    pub max_concurrent: usize,
    /// Longest a request may take before it is answered 408 (or 503 while waiting).
    pub timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_concurrent: Limits::one_per_core(), timeout: Duration::from_secs(10) }
    }
}

impl Limits {
    /// One search per core: searches are CPU-bound, so more at once only add memory and
    /// stretch every one of them.
    pub fn one_per_core() -> usize {
        std::thread::available_parallelism().map_or(2, std::num::NonZero::get)
    }
}

/// Settings of the service besides the index.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Limits.
    pub limits: Limits,
    /// The origins allowed to call the API from their pages on another site (CORS): a site
    /// served at `www.` and at the bare domain has two.
    pub allow_origin: Vec<Origin>,
    /// Base URL of the site the posts live on (`https://example.org`), for links.
    pub site_url: Option<String>,
}

/// Shared state of the handlers; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    engine: Arc<Engine>,
    permits: Arc<Semaphore>,
    options: Arc<Options>,
}

impl AppState {
    /// State over an engine.
    pub fn new(engine: Arc<Engine>, options: Options) -> AppState {
        let permits = Arc::new(Semaphore::new(options.limits.max_concurrent.max(1)));
        AppState { engine, permits, options: Arc::new(options) }
    }

    /// Runs `f` with the engine once a search permit is free (waiting up to the timeout, then
    /// 503 `busy`), on the current worker: a search is a millisecond or two of CPU, cheaper
    /// than two thread wake-ups. A search that has started runs to its end (searches are
    /// bounded: `q` is clipped, at most 12 words count); the timeout bounds the wait.
    /// A panic in `f` (a bug) is answered 500 and leaves the worker running.
    pub(crate) async fn run<T>(&self, f: impl FnOnce(&Engine) -> Result<T, ApiError>) -> Result<T, ApiError> {
        let wait = self.options.limits.timeout;
        let _permit = tokio::time::timeout(wait, self.permits.acquire())
            .await
            .map_err(|_| ApiError::Busy)?
            .map_err(|_| ApiError::Busy)?;
        let engine = &*self.engine;
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(engine))).unwrap_or_else(|_| {
            Err(ApiError::Internal(annals_engine::EngineError::Internal("search task failed".into())))
        })
    }

    /// Runtime workers `annals serve` starts: one per search permit, and one more for
    /// connections while every permit is in use.
    pub fn workers(limits: &Limits) -> usize {
        limits.max_concurrent.max(1) + 1
    }

    pub(crate) fn options(&self) -> &Options {
        &self.options
    }
}

/// The router with every route and layer.
pub fn app(state: AppState) -> Router {
    let timeout = state.options.limits.timeout;
    let mut router = routes::router()
        .merge(ui::router())
        .with_state(state.clone())
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            timeout,
        ))
        .layer(axum::middleware::from_fn(api_timeout_as_json));
    if !state.options.allow_origin.is_empty() {
        let origins =
            state.options.allow_origin.iter().filter_map(|o| HeaderValue::from_str(o.as_str()).ok());
        router = router.layer(
            CorsLayer::new()
                .allow_origin(AllowOrigin::list(origins))
                .allow_methods([Method::GET])
                .max_age(Duration::from_secs(3600)),
        );
    }
    router
}

/// The timeout layer answers an empty 408; the API answers its JSON error shape instead.
async fn api_timeout_as_json(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let api = req.uri().path().starts_with("/api/");
    let res = next.run(req).await;
    if api && res.status() == axum::http::StatusCode::REQUEST_TIMEOUT {
        return axum::response::IntoResponse::into_response(ApiError::Timeout);
    }
    res
}

/// Serves `app(state)` on `listener` until `shutdown` completes, then finishes the requests
/// in flight.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app(state)).with_graceful_shutdown(shutdown).await
}
