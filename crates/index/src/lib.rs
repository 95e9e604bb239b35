//! Turns Grav posts into a Tantivy index.
//!
//! - [`ingest`] runs an indexing pass over a content folder: reads the sites with
//!   `annals-grav`, extracts people and dates with `annals-extract`, and writes one atomic
//!   commit, touching only files whose content changed. It returns a [`Report`] that places
//!   every page file in exactly one bucket (indexed, unchanged, skipped, error).
//! - [`schema`] spells every field; [`analysis`] the analysers that turn text into terms.
//! - [`open`] opens an existing index for searching, with its [`Fields`].
//!
//! The crate is synchronous and knows nothing about HTTP; the query engine lives in
//! `annals-engine`. Language knowledge (folding, stemming Kazakh, word cutting) comes from
//! `annals-lang`.
//!
//! Text becomes terms the same way at index and query time:
//!
//! ```
//! use annals_index::analysis::Analyzer;
//!
//! assert_eq!(Analyzer::Russian.terms("Конференции"), ["конференц"]);
//! assert_eq!(Analyzer::Latin.terms("Пивоварова"), Analyzer::Latin.terms("Pivovarova"));
//! ```

#![warn(missing_docs)]

pub mod analysis;
pub mod document;
mod error;
mod ingest;
pub mod schema;
mod store;

pub use document::{PersonRef, doc_id, rfc3339, tantivy_date};
pub use error::Error;
pub use ingest::{FileError, FileWarning, IngestOptions, Progress, Quiet, Report, Skipped, ingest};
pub use schema::{Fields, Lang};
pub use store::open;
