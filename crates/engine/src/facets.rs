//! Exact facet counts over a result set, from the fast-field columns.
//!
//! A search collects its whole result set (one document per post), so counting is a pass
//! over those documents' value ids, read into the catalog once per index generation
//! ([`Catalog::facets`]), into a flat array: no strings, no hashing, no column decoding.
//! Only the values a page shows are then labelled. Counts are exact and add up with the
//! total.

use std::cell::RefCell;

/// The facet dimensions of a search answer, by name: the `facets` keys of
/// [`crate::SearchResponse`] and the facets `/api/facets/{facet}` knows.
pub const NAMES: [&str; 7] = ["person", "year", "month", "lang", "category", "tag", "event_year"];

use tantivy::{DocAddress, Score};

use super::catalog::Catalog;

thread_local! {
    /// Per-thread counters, one slot per catalog-wide facet id, all zero between calls: a
    /// search touches only the slots of the values it sees instead of allocating (and
    /// faulting in) a fresh array the size of all dimensions.
    static SLOTS: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
}

/// Counts every facet value over `docs`: per dimension (in the order of
/// [`super::catalog::COLUMN_FACETS`]), `(value id, count)` for the values seen.
pub fn count(catalog: &Catalog, docs: &[(DocAddress, Score)]) -> Vec<Vec<(u32, u32)>> {
    SLOTS.with_borrow_mut(|slots| {
        if slots.len() < catalog.num_facet_ids() {
            slots.resize(catalog.num_facet_ids(), 0);
        }
        let mut seen = Vec::new();
        for &(addr, _) in docs {
            for &id in catalog.facet_ids(addr) {
                let slot = &mut slots[id as usize];
                if *slot == 0 {
                    seen.push(id);
                }
                *slot += 1;
            }
        }
        let mut out = vec![Vec::new(); catalog.facets.len()];
        for id in seen {
            let count = std::mem::take(&mut slots[id as usize]);
            let (dim, value) = catalog.facet_of(id);
            out[dim].push((value, count));
        }
        out
    })
}
