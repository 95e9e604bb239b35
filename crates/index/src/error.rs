//! Errors that stop an indexing run or make an index unusable.

use std::path::PathBuf;

/// What can go wrong with a whole index (a single broken post is never an `Error`: it is
/// reported in [`crate::Report`] and the run goes on).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The content folder could not be read as Grav sites.
    #[error(transparent)]
    Content(#[from] annals_grav::Error),
    /// The index folder could not be created or read.
    #[error("cannot use index folder {}", path.display())]
    IndexDir {
        /// The folder.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// There is no index at the path.
    #[error("no index at {} (build one with `annals index --content DIR --index {}`)", path.display(), path.display())]
    NoIndex {
        /// The folder.
        path: PathBuf,
    },
    /// The index was written by another version of annals or is not an annals index.
    #[error("index at {} was built by another version of annals; rebuild it with `annals index --full`", path.display())]
    IncompatibleIndex {
        /// The folder.
        path: PathBuf,
    },
    /// Another `annals index` is writing this index.
    #[error("index at {} is being written by another process", path.display())]
    IndexLocked {
        /// The folder.
        path: PathBuf,
    },
    /// Tantivy failed (I/O or corruption).
    #[error("index operation failed")]
    Tantivy(#[from] tantivy::TantivyError),
}
