//! An indexing run: walk the content folder, read what changed, write one atomic commit.
//!
//! The index is its own manifest: every document stores its source path and content hash in
//! fast fields, so a re-run reads them back, skips unchanged files without parsing them, and
//! deletes documents whose file is gone. Everything lands in a single Tantivy commit, so a
//! server reading the index sees either the previous state or the new one, never a mix; a
//! killed run leaves the last commit in place.
//!
//! This module and `store` are the only ones of the crate that touch the filesystem: this
//! one reads the content folder (page files, through `annals-grav`'s `discover` and
//! `page_files`) and `/proc/meminfo` (to size the writer's heap), `store` opens, creates and
//! clears the index folder. The test `only_ingest_and_store_touch_the_filesystem` keeps it so.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use annals_grav::{Outcome, PageFile, Site};
use rayon::prelude::*;
use serde::Serialize;
use tantivy::schema::Term;
use tantivy::{Index, IndexWriter, TantivyDocument};

use crate::document::PostDoc;
use crate::error::Error;
use crate::schema::{Fields, SCHEMA_VERSION};
use crate::store;

/// Files are read and parsed in parallel in batches of this size, then written in order.
const BATCH: usize = 512;
/// The index writer's heap, shared by its threads. A writer thread writes a segment each
/// time its share fills: with 1 GiB one segment holds ~150k generated posts, so a full run
/// of 100k posts ends with one segment, and every search visits each segment once (at 100k,
/// one segment instead of six took the in-process p50 from 1.45 to 1.2 ms and the widget's
/// from 0.89 to 0.63 ms). The arena grows as it is used: a small archive does not pay for it.
/// On a machine with less than 4 GiB available it is a quarter of what is available
/// ([`writer_heap`]), so a small server indexes without swapping, in more segments.
const WRITER_HEAP: usize = 1 << 30;
/// Writer threads by default. Reading pages and extracting people and dates run on every
/// core; writing is a third of a run's CPU, which one thread keeps up with as long as it
/// never waits (batch k+1 is parsed while batch k is written). More threads write as many
/// segments.
const WRITER_THREADS: usize = 1;
/// Tantivy's least heap per writer thread, with a margin.
const MIN_HEAP_PER_THREAD: usize = 32 << 20;

/// What to index and how.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Content folder: a Grav `user/` folder, a `pages/` folder, or a folder of sites.
    pub content: PathBuf,
    /// Index folder (created when missing).
    pub index: PathBuf,
    /// Rebuild everything instead of only what changed.
    pub full: bool,
    /// Threads writing the index (0 = the default, one); pages are read and extracted on
    /// every core whatever this says.
    pub threads: usize,
}

/// A page file that was read but is not searchable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// Source file, relative to the content root.
    pub path: String,
    /// Why, for people.
    pub reason: String,
}

/// A page file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileError {
    /// Source file, relative to the content root.
    pub path: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// What went wrong.
    pub message: String,
}

/// Something odd about a page file that was read all the same (see [`annals_grav::Warning`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileWarning {
    /// Source file, relative to the content root.
    pub path: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// What was odd and what was done about it.
    pub message: String,
}

/// The outcome of a run: every page file found lands in exactly one of `indexed`,
/// `unchanged`, `skipped` and `errors`; `removed` counts documents whose file is gone.
/// `warnings` are about the files read in this run (an unchanged file is not read again).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Files (re)indexed in this run.
    pub indexed: usize,
    /// Files whose document was already up to date.
    pub unchanged: usize,
    /// Documents removed because their file no longer exists.
    pub removed: usize,
    /// Files read but not searchable.
    pub skipped: Vec<Skipped>,
    /// Files that could not be read.
    pub errors: Vec<FileError>,
    /// What was odd about files read in this run, in file order.
    pub warnings: Vec<FileWarning>,
    /// Sites found.
    #[serde(skip)]
    pub sites: usize,
    /// Documents in the index after the run.
    #[serde(skip)]
    pub documents: u64,
    /// Wall time of the run.
    #[serde(skip)]
    pub took: Duration,
}

/// Progress of a run, for a progress bar.
pub trait Progress: Sync {
    /// `total` page files were found.
    fn start(&self, total: usize);
    /// `n` more files were handled.
    fn advance(&self, n: usize);
}

/// No progress output.
pub struct Quiet;

impl Progress for Quiet {
    fn start(&self, _: usize) {}
    fn advance(&self, _: usize) {}
}

/// What the index already holds for one source file.
struct Known {
    hash: u64,
    expires: u64,
    site: String,
    url: String,
}

/// One file after the parallel phase.
enum Handled {
    Unchanged { path: String },
    Post { doc: Box<PostDoc> },
    Skipped(Skipped),
    Error(FileError),
}

/// Runs one indexing pass.
pub fn ingest(opts: &IngestOptions, progress: &dyn Progress) -> Result<Report, Error> {
    let started = Instant::now();
    let sites = annals_grav::discover(&opts.content)?;
    let files: Vec<(&Site, PageFile)> =
        sites.iter().flat_map(|s| s.page_files().into_iter().map(move |f| (s, f))).collect();
    progress.start(files.len());

    let (index, fields) = store::open_or_create(&opts.index)?;
    let threads = match opts.threads {
        0 => WRITER_THREADS,
        n => n,
    };
    let mut writer: IndexWriter<TantivyDocument> = index
        .writer_with_num_threads(threads, writer_heap(available_memory()).max(threads * MIN_HEAP_PER_THREAD))
        .map_err(|e| match e {
            tantivy::TantivyError::LockFailure(..) => Error::IndexLocked { path: opts.index.clone() },
            e => Error::Tantivy(e),
        })?;
    let known = if opts.full { HashMap::new() } else { read_known(&index, &fields)? };
    if opts.full {
        writer.delete_all_documents()?;
    }

    let now = jiff::Timestamp::now();
    let mut w = Writing {
        writer: &mut writer,
        fields: &fields,
        known: &known,
        report: Report { sites: sites.len(), ..Report::default() },
        claimed: HashMap::new(),
        seen: HashSet::new(),
        changed: opts.full,
    };

    // What every document of a site depends on besides its file, hashed once per site.
    let site_hashes: HashMap<&str, u64> = sites.iter().map(|s| (s.id.as_str(), site_hash(s))).collect();
    // Batch k+1 is read and parsed while batch k is written, so no core waits for the other.
    let mut parsed: Vec<Handled> = Vec::new();
    for batch in files.chunks(BATCH) {
        let parse = || {
            batch
                .par_iter()
                .map(|(site, file)| {
                    let site_hash = site_hashes.get(site.id.as_str()).copied().unwrap_or_default();
                    handle(site, site_hash, file, &opts.content, &known, now)
                })
                .collect::<Vec<Handled>>()
        };
        let previous = std::mem::take(&mut parsed);
        let written = previous.len();
        let (next, absorbed) = rayon::join(parse, || w.absorb(previous));
        absorbed?;
        progress.advance(written);
        parsed = next;
    }
    let written = parsed.len();
    w.absorb(parsed)?;
    progress.advance(written);
    let Writing { mut report, seen, mut changed, .. } = w;
    for path in known.keys().filter(|p| !seen.contains(*p)) {
        writer.delete_term(Term::from_field_text(fields.path, path));
        report.removed += 1;
        changed = true;
    }
    if changed {
        let mut commit = writer.prepare_commit()?;
        commit.set_payload(&store::payload());
        commit.commit()?;
    }
    writer.wait_merging_threads()?;
    report.documents = index.reader()?.searcher().num_docs();
    report.took = started.elapsed();
    Ok(report)
}

/// The writing side of a run: documents go to the index in file order, and every file lands
/// in the report.
struct Writing<'a> {
    writer: &'a mut IndexWriter<TantivyDocument>,
    fields: &'a Fields,
    known: &'a HashMap<String, Known>,
    report: Report,
    /// `(site, url)` → the file serving it.
    claimed: HashMap<(String, String), String>,
    /// Files found in this run.
    seen: HashSet<String>,
    /// Whether there is anything to commit.
    changed: bool,
}

impl Writing<'_> {
    /// Writes one batch of parsed files, in order.
    fn absorb(&mut self, handled: Vec<Handled>) -> Result<(), Error> {
        let Writing { writer, fields, known, report, claimed, seen, changed } = self;
        for h in handled {
            let path = match &h {
                Handled::Unchanged { path } => path.clone(),
                Handled::Post { doc } => doc.path.clone(),
                Handled::Skipped(s) => s.path.clone(),
                Handled::Error(e) => e.path.clone(),
            };
            seen.insert(path.clone());
            let was_indexed = known.contains_key(&path);
            match h {
                Handled::Unchanged { path } => {
                    let k = &known[&path];
                    let key = (k.site.clone(), k.url.clone());
                    if let Some(owner) = claimed.get(&key) {
                        writer.delete_term(Term::from_field_text(fields.path, &path));
                        *changed = true;
                        report.skipped.push(duplicate(path, &k.url, owner));
                    } else {
                        claimed.insert(key, path);
                        report.unchanged += 1;
                    }
                }
                Handled::Post { mut doc } => {
                    let warnings = std::mem::take(&mut doc.post.warnings);
                    report.warnings.extend(warnings.into_iter().map(|w| FileWarning {
                        path: doc.path.clone(),
                        line: w.line,
                        message: w.message,
                    }));
                    if was_indexed {
                        writer.delete_term(Term::from_field_text(fields.path, &doc.path));
                    }
                    *changed = true;
                    let key = (doc.site.clone(), doc.post.url.clone());
                    if let Some(owner) = claimed.get(&key) {
                        report.skipped.push(duplicate(doc.path.clone(), &doc.post.url, owner));
                    } else {
                        writer.add_document(doc.to_document(fields))?;
                        claimed.insert(key, doc.path.clone());
                        report.indexed += 1;
                    }
                }
                Handled::Skipped(s) => {
                    if was_indexed {
                        writer.delete_term(Term::from_field_text(fields.path, &s.path));
                        *changed = true;
                    }
                    report.skipped.push(s);
                }
                Handled::Error(e) => {
                    if was_indexed {
                        writer.delete_term(Term::from_field_text(fields.path, &e.path));
                        *changed = true;
                    }
                    report.errors.push(e);
                }
            }
        }
        Ok(())
    }
}

fn duplicate(path: String, url: &str, owner: &str) -> Skipped {
    Skipped { path, reason: format!("duplicate: {url} is already served by {owner}") }
}

/// Reads, hashes and (when changed) parses one file. Runs on the rayon pool.
fn handle(
    site: &Site,
    site_hash: u64,
    file: &PageFile,
    content: &Path,
    known: &HashMap<String, Known>,
    now: jiff::Timestamp,
) -> Handled {
    let path = relative(content, &file.path);
    let bytes = match std::fs::read(&file.path) {
        Ok(b) => b,
        Err(e) => {
            return Handled::Error(FileError { path, line: None, message: format!("cannot read: {e}") });
        }
    };
    let hash = content_hash(site_hash, &bytes);
    if let Some(k) = known.get(&path)
        && k.hash == hash
        && k.expires > now.as_second().max(0) as u64
    {
        return Handled::Unchanged { path };
    }
    let modified = std::fs::metadata(&file.path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| jiff::Timestamp::try_from(t).ok());
    // Reading and extraction are pure functions of the bytes; should one of them still panic
    // on some input, that file is reported and the run goes on.
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        match annals_grav::read_page(site, file, &bytes, modified, now) {
            Ok(Outcome::Post(post)) => {
                let group = format!("{}:{}", site.id, relative(&site.pages_dir, &file.folder));
                let mut doc = PostDoc::build(&site.id, group, path.clone(), hash, *post);
                doc.template = file.template.clone();
                Handled::Post { doc: Box::new(doc) }
            }
            Ok(Outcome::Skipped(reason)) => Handled::Skipped(Skipped { path: path.clone(), reason }),
            Err(e) => Handled::Error(FileError { path: path.clone(), line: e.line, message: e.message }),
        }
    }));
    read.unwrap_or_else(|_| {
        tracing::error!(path, "internal error while reading this page (a bug: please report it)");
        Handled::Error(FileError {
            path,
            line: None,
            message: "internal error while reading this page".into(),
        })
    })
}

/// The writer heap for a machine with `available` bytes of memory (`None`: unknown): a
/// quarter of it, at most [`WRITER_HEAP`].
fn writer_heap(available: Option<u64>) -> usize {
    match available {
        Some(bytes) => usize::try_from(bytes / 4).unwrap_or(usize::MAX).min(WRITER_HEAP),
        None => WRITER_HEAP,
    }
}

/// `MemAvailable` of `/proc/meminfo`, in bytes (Linux; `None` elsewhere).
fn available_memory() -> Option<u64> {
    let info = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = info.lines().find(|l| l.starts_with("MemAvailable:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Hash of what every document of a site depends on besides its file: the site's
/// configuration and id, and the version of the schema and extraction.
fn site_hash(site: &Site) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(&SCHEMA_VERSION.to_le_bytes());
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    h.update(format!("{:?}|{}", site.config, site.id).as_bytes());
    h.digest()
}

/// Hash of everything a document depends on: its site ([`site_hash`]) and its file.
fn content_hash(site_hash: u64, bytes: &[u8]) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(&site_hash.to_le_bytes());
    h.update(bytes);
    h.digest()
}

/// `path` relative to `root`, `/`-separated; the path itself when it is not below `root`.
fn relative(root: &Path, path: &Path) -> String {
    let Ok(rel) = path.strip_prefix(root) else { return path.to_string_lossy().into_owned() };
    let parts: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    parts.join("/")
}

/// Reads path, hash, expiry, site and URL of every live document from the fast fields.
fn read_known(index: &Index, f: &Fields) -> Result<HashMap<String, Known>, Error> {
    let searcher = index.reader()?.searcher();
    let mut known = HashMap::new();
    let name = |field| index.schema().get_field_name(field).to_owned();
    let (path_f, hash_f, expires_f, site_f, url_f) =
        (name(f.path), name(f.hash), name(f.expires), name(f.site), name(f.url));
    for segment in searcher.segment_readers() {
        let ff = segment.fast_fields();
        let paths = ff.str(&path_f)?;
        let sites = ff.str(&site_f)?;
        let urls = ff.str(&url_f)?;
        let hashes = ff.u64(&hash_f)?;
        let expires = ff.u64(&expires_f)?;
        let (Some(paths), Some(sites), Some(urls)) = (paths, sites, urls) else { continue };
        let terms = |col| terms(col).map_err(tantivy::TantivyError::from);
        let (path_terms, site_terms, url_terms) = (terms(&paths)?, terms(&sites)?, terms(&urls)?);
        let text = |col: &tantivy::columnar::StrColumn, terms: &[String], doc: u32| -> String {
            col.term_ords(doc).next().and_then(|o| terms.get(o as usize)).cloned().unwrap_or_default()
        };
        for doc in segment.doc_ids_alive() {
            let entry = Known {
                hash: hashes.first(doc).unwrap_or(0),
                expires: expires.first(doc).unwrap_or(u64::MAX),
                site: text(&sites, &site_terms, doc),
                url: text(&urls, &url_terms, doc),
            };
            known.insert(text(&paths, &path_terms, doc), entry);
        }
    }
    Ok(known)
}

/// Every term of a string column, by ordinal: one sequential pass over its dictionary.
fn terms(col: &tantivy::columnar::StrColumn) -> std::io::Result<Vec<String>> {
    let mut out = Vec::with_capacity(col.num_terms());
    let mut stream = col.dictionary().stream()?;
    while stream.advance() {
        out.push(String::from_utf8_lossy(stream.key()).into_owned());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::{WRITER_HEAP, relative, writer_heap};
    use std::path::Path;

    #[test]
    fn the_writer_heap_is_a_quarter_of_available_memory_up_to_1_gib() {
        assert_eq!(writer_heap(None), WRITER_HEAP);
        assert_eq!(writer_heap(Some(64 << 30)), WRITER_HEAP);
        assert_eq!(writer_heap(Some(2 << 30)), 512 << 20);
        assert_eq!(writer_heap(Some(400 << 20)), 100 << 20);
    }

    #[test]
    fn relative_paths_use_slashes() {
        assert_eq!(relative(Path::new("/a/b"), Path::new("/a/b/c/d.md")), "c/d.md");
        assert_eq!(relative(Path::new("/x"), Path::new("/a/b.md")), "/a/b.md");
    }
}
