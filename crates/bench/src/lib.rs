//! Shared pieces of the benchmark binaries (`make bench`, see BENCHMARKS.md): measuring a
//! child process from `/proc`, percentiles, the query set, a minimal HTTP/1.1 keep-alive
//! client for loopback load, and the crude reading of a page file that the peers of annals
//! (SQLite FTS5, tantivy-cli) index.
//!
//! Nothing here is used by the product; the crate is `publish = false` and only
//! `scripts/bench.sh` runs its binaries.

#![warn(missing_docs)]

pub mod http;
pub mod post;
pub mod queries;
pub mod stats;
pub mod sys;
