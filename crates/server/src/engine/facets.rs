//! Exact facet counts over a result set, from the fast-field columns.
//!
//! A search collects its whole result set (one document per post), so counting is a pass
//! over those documents' column ordinals per segment, then one dictionary lookup per
//! distinct value. Counts are exact and add up with the total.

use std::collections::HashMap;

use tantivy::{DocAddress, Searcher};

/// Facet dimensions counted from a column of the same name.
pub const COLUMN_FACETS: [&str; 6] = ["person", "year", "month", "category", "tag", "event_year"];

/// Counts the values of the `column` fast field over `docs` (grouped by segment).
pub fn count(
    searcher: &Searcher,
    column: &str,
    docs_by_segment: &[Vec<u32>],
) -> tantivy::Result<HashMap<String, usize>> {
    let mut out: HashMap<String, usize> = HashMap::new();
    let mut buf = String::new();
    for (seg_ord, docs) in docs_by_segment.iter().enumerate() {
        if docs.is_empty() {
            continue;
        }
        let segment = searcher.segment_reader(seg_ord as u32);
        let Some(col) = segment.fast_fields().str(column)? else { continue };
        let mut counts = vec![0usize; col.num_terms()];
        for &doc in docs {
            for ord in col.term_ords(doc) {
                counts[ord as usize] += 1;
            }
        }
        // One sequential pass over the dictionary for the ordinals seen (random lookups
        // would decode a block each).
        let seen: Vec<u64> = (0..counts.len() as u64).filter(|&o| counts[o as usize] > 0).collect();
        let mut i = 0;
        col.dictionary().sorted_ords_to_term_cb(&seen, |term| {
            buf.clear();
            buf.push_str(&String::from_utf8_lossy(term));
            *out.entry(buf.clone()).or_default() += counts[seen[i] as usize];
            i += 1;
        })?;
    }
    Ok(out)
}

/// Groups addresses by segment ordinal.
pub fn by_segment(searcher: &Searcher, docs: impl IntoIterator<Item = DocAddress>) -> Vec<Vec<u32>> {
    let mut out = vec![Vec::new(); searcher.segment_readers().len()];
    for a in docs {
        out[a.segment_ord as usize].push(a.doc_id);
    }
    for v in &mut out {
        v.sort_unstable();
    }
    out
}
