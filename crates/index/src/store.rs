//! Opening and creating the index folder, and checking that it is ours: with `ingest`, the
//! only module of the crate that touches the filesystem.

use std::path::Path;

use tantivy::Index;
use tantivy::directory::MmapDirectory;

use crate::analysis;
use crate::error::Error;
use crate::schema::{self, Fields, SCHEMA_VERSION};

/// Bytes of stored documents compressed together (Tantivy's default is 16 KiB). A hit reads
/// its document by decompressing the whole block it is in, and a stored post (its plain body,
/// summary and metadata) is ~6–7 KB in a news archive: blocks of about one post halve the
/// bytes decompressed per hit, for a store 6% larger (100k generated posts: in-process p50
/// 1.79 → 1.71 ms, the widget's 1.05 → 0.98 ms). An index keeps the block size it was
/// created with: nothing needs rebuilding.
const DOCSTORE_BLOCK: usize = 4 << 10;

/// The commit payload: which schema version wrote the index.
pub(crate) fn payload() -> String {
    format!("{{\"annals_schema\":{SCHEMA_VERSION}}}")
}

fn payload_ok(index: &Index) -> bool {
    index.load_metas().ok().and_then(|m| m.payload).is_none_or(|p| p == payload())
}

/// Opens an existing annals index for reading (analysers registered).
pub fn open(path: &Path) -> Result<(Index, Fields), Error> {
    if !path.join("meta.json").is_file() {
        return Err(Error::NoIndex { path: path.to_owned() });
    }
    let index = Index::open_in_dir(path)?;
    let fields = Fields::from_schema(&index.schema())
        .filter(|_| payload_ok(&index))
        .ok_or_else(|| Error::IncompatibleIndex { path: path.to_owned() })?;
    analysis::register(&index);
    Ok((index, fields))
}

/// Opens the index at `path` for writing, creating it when missing. An index written by
/// another schema version is deleted and created anew (its documents are rebuilt by the run).
pub(crate) fn open_or_create(path: &Path) -> Result<(Index, Fields), Error> {
    let io = |source| Error::IndexDir { path: path.to_owned(), source };
    std::fs::create_dir_all(path).map_err(io)?;
    if path.join("meta.json").is_file() {
        match open(path) {
            Ok(opened) => return Ok(opened),
            Err(Error::IncompatibleIndex { .. }) => {
                tracing::warn!(index = %path.display(), "index built by another version: rebuilding");
                clear_dir(path).map_err(io)?;
            }
            Err(e) => return Err(e),
        }
    }
    let (schema, fields) = schema::build();
    let dir = MmapDirectory::open(path).map_err(|e| Error::Tantivy(e.into()))?;
    let settings = tantivy::IndexSettings { docstore_blocksize: DOCSTORE_BLOCK, ..Default::default() };
    let index = Index::create(dir, schema, settings)?;
    analysis::register(&index);
    Ok((index, fields))
}

/// Removes the index files in `path` (only files: a user's stray folder is left alone).
fn clear_dir(path: &Path) -> std::io::Result<()> {
    for entry in std::fs::read_dir(path)? {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if entry.file_type()?.is_file() && !name.starts_with("README") && name != ".gitkeep" {
            std::fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    /// Only `ingest` (the content folder) and `store` (the index folder) may touch the
    /// filesystem; every other module works on values.
    #[test]
    fn only_ingest_and_store_touch_the_filesystem() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let signs =
            ["std::fs", "fs::", "File::", "read_dir", "open_in_dir", "create_in_dir", "MmapDirectory"];
        let mut checked = 0;
        for entry in std::fs::read_dir(&src).expect("src folder") {
            let path = entry.expect("entry").path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
            if !name.ends_with(".rs") || name == "ingest.rs" || name == "store.rs" {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("readable");
            for sign in signs {
                assert!(
                    !text.contains(sign),
                    "{name} uses `{sign}`: only ingest.rs and store.rs touch the filesystem"
                );
            }
            checked += 1;
        }
        assert!(checked >= 5, "only {checked} modules found in {}", src.display());
    }
}
