//! `annals serve`: the HTTP service, optionally re-indexing a content folder as it changes.

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use annals_index::IngestOptions;
use annals_server::http::{AppState, Limits, Options};
use anyhow::Context;

use crate::args::ServeArgs;

/// How often `--watch` looks at the content folder's files.
const WATCH_EVERY: Duration = Duration::from_secs(2);

pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    // Searches run on the runtime's workers (see `annals_server::http`): one per permit, and
    // one more for connections.
    let workers = AppState::workers(&limits(&args));
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(workers).enable_all().build()?;
    runtime.block_on(serve(args))
}

fn limits(args: &ServeArgs) -> Limits {
    Limits {
        max_concurrent: match args.max_concurrent {
            0 => Limits::one_per_core(),
            n => n,
        },
        timeout: Duration::from_millis(args.timeout_ms),
    }
}

async fn serve(args: ServeArgs) -> anyhow::Result<ExitCode> {
    if let (true, Some(content)) = (args.watch, &args.content) {
        let opts = ingest_options(content, &args.index);
        let report = tokio::task::spawn_blocking(move || annals_index::ingest(&opts, &annals_index::Quiet))
            .await?
            .with_context(|| format!("indexing {}", content.display()))?;
        tracing::info!(indexed = report.indexed, unchanged = report.unchanged, "initial index");
    }
    let engine = annals_engine::Engine::open(&args.index)
        .with_context(|| format!("opening index {}", args.index.display()))?;
    let engine = Arc::new(engine);
    let options = Options {
        limits: limits(&args),
        allow_origin: args.allow_origin.clone(),
        site_url: args.site_url.clone(),
    };
    let listener = tokio::net::TcpListener::bind(args.addr)
        .await
        .with_context(|| format!("listening on {}", args.addr))?;
    let addr = listener.local_addr()?;
    println!("listening on http://{addr}");
    tracing::info!(%addr, documents = engine.num_docs(), "serving");
    if let (true, Some(content)) = (args.watch, args.content.clone()) {
        let index = args.index.clone();
        let engine = engine.clone();
        std::thread::spawn(move || watch(&content, &index, &engine));
    }
    annals_server::serve(listener, AppState::new(engine, options), shutdown_signal()).await?;
    Ok(ExitCode::SUCCESS)
}

fn ingest_options(content: &Path, index: &Path) -> IngestOptions {
    IngestOptions { content: content.to_owned(), index: index.to_owned(), full: false, threads: 0 }
}

/// Re-indexes whenever the content folder's files change (name, size or modification
/// time), then reloads the engine.
fn watch(content: &Path, index: &Path, engine: &annals_engine::Engine) {
    let mut last = fingerprint(content);
    loop {
        std::thread::sleep(WATCH_EVERY);
        let now = fingerprint(content);
        if now == last {
            continue;
        }
        last = now;
        match annals_index::ingest(&ingest_options(content, index), &annals_index::Quiet) {
            Ok(r) => {
                tracing::info!(
                    indexed = r.indexed,
                    removed = r.removed,
                    errors = r.errors.len(),
                    "re-indexed"
                );
                if let Err(e) = engine.reload() {
                    tracing::warn!(error = %e, "reloading the index");
                }
            }
            Err(e) => tracing::warn!(error = %format!("{e:#}"), "re-indexing failed"),
        }
    }
}

/// A cheap summary of a folder tree: every file's path, size and modification time.
fn fingerprint(dir: &Path) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        let mut entries: Vec<_> = entries.flatten().collect();
        entries.sort_by_key(|e| e.file_name());
        for e in entries {
            let Ok(meta) = e.metadata() else { continue };
            if meta.is_dir() {
                stack.push(e.path());
            } else {
                e.path().hash(&mut h);
                meta.len().hash(&mut h);
                meta.modified().unwrap_or(SystemTime::UNIX_EPOCH).hash(&mut h);
            }
        }
    }
    h.finish()
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}
