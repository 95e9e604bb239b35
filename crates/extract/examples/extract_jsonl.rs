//! Evaluation driver: JSON lines on stdin (`{"id","lang","text","dct"}`), predictions on
//! stdout, in the format `score-extraction` reads.
//!
//! ```sh
//! cargo run --release -p annals-extract --example extract_jsonl < gold.jsonl > pred.jsonl
//! ```

fn main() -> std::io::Result<()> {
    let stdin = std::io::stdin().lock();
    let stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let stats = annals_extract::jsonl::run(stdin, stdout)?;
    eprintln!(
        "{} documents ({} bad), {} persons, {} dates",
        stats.lines, stats.bad, stats.persons, stats.dates
    );
    Ok(())
}
