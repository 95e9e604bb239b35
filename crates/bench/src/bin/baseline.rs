//! The raw-Tantivy baseline for `annals index --full`: the same page files into a plain
//! schema (`title` and `body`, both TEXT and stored, default tokenizer), front matter split off
//! naively, no Grav rules, no Markdown rendering, no extraction, one writer thread per core
//! with 128 MiB of heap each (annals' settings until it moved to one writer thread, kept so
//! the baseline's figures stay comparable from round to round), one commit. Prints one JSON
//! object.

use std::path::PathBuf;
use std::time::Instant;

use clap::Parser;
use tantivy::schema::{STORED, Schema, TEXT};
use tantivy::{Index, IndexWriter, TantivyDocument, doc};

/// Writer heap per indexing thread.
const WRITER_HEAP_PER_THREAD: usize = 128 << 20;

#[derive(Parser)]
struct Args {
    /// Content folder (every `*.md` below a `pages/` folder is indexed).
    #[arg(long)]
    content: PathBuf,
    /// Index folder (emptied first).
    #[arg(long)]
    index: PathBuf,
    /// Indexing threads (0 = one per core, at most 4, as annals).
    #[arg(long, default_value_t = 0)]
    threads: usize,
}

/// Title from the front matter (a `title:` line, quotes stripped) and the text after it.
fn split(text: &str) -> (&str, &str) {
    let Some(rest) = text.strip_prefix("---") else { return ("", text) };
    let Some(end) = rest.find("\n---") else { return ("", text) };
    let front = &rest[..end];
    let body = rest[end + 4..].split_once('\n').map_or("", |(_, b)| b);
    let title = front
        .lines()
        .find_map(|l| l.strip_prefix("title:"))
        .map(|t| t.trim().trim_matches(|c| c == '\'' || c == '"'))
        .unwrap_or("");
    (title, body)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let started = Instant::now();
    let files = annals_bench::sys::page_files(&args.content);
    if args.index.exists() {
        std::fs::remove_dir_all(&args.index)?;
    }
    std::fs::create_dir_all(&args.index)?;
    let mut builder = Schema::builder();
    let title = builder.add_text_field("title", TEXT | STORED);
    let body = builder.add_text_field("body", TEXT | STORED);
    let index = Index::create_in_dir(&args.index, builder.build())?;
    let threads = match args.threads {
        0 => std::thread::available_parallelism().map_or(2, |n| n.get()).min(4),
        n => n,
    };
    let mut writer: IndexWriter<TantivyDocument> =
        index.writer_with_num_threads(threads, threads * WRITER_HEAP_PER_THREAD)?;
    let mut bytes = 0u64;
    for path in &files {
        let raw = std::fs::read(path)?;
        bytes += raw.len() as u64;
        let text = String::from_utf8_lossy(&raw);
        let (t, b) = split(&text);
        writer.add_document(doc!(title => t, body => b))?;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    let secs = started.elapsed().as_secs_f64();
    let out = serde_json::json!({
        "docs": files.len(),
        "bytes": bytes,
        "threads": threads,
        "secs": secs,
    });
    println!("{out}");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn splits_front_matter() {
        assert_eq!(split("---\ntitle: 'Hi'\ndate: x\n---\n\nBody\n"), ("Hi", "\nBody\n"));
        assert_eq!(split("no front matter"), ("", "no front matter"));
    }
}
