//! Exact facet counts over a result set, from the fast-field columns.
//!
//! A search collects its whole result set (one document per post), so counting is a pass
//! over those documents' value ids, read into the catalog once per index generation
//! ([`Catalog::facets`]), into a flat array: no strings, no hashing, no column decoding.
//! Only the values a page shows are then labelled. Counts are exact and add up with the
//! total.
//!
//! People are the one dimension with many values per post and very many values in all (a
//! generated archive of 100k posts names 150,000 people, eight or nine per post), and a
//! search shows only the most frequent few. Over a large result set they are counted the
//! other way round ([`PersonDocs`]): person by person, the most named first, over a bitmap of
//! the result set, stopping once no person left can reach the shown ones. A person's count
//! can never exceed the number of documents naming it, so the stop loses nothing: the counts
//! shown are the same, exactly.

use std::cell::RefCell;

/// The facet dimensions of a search answer, by name: the `facets` keys of
/// [`crate::SearchResponse`] and the facets `/api/facets/{facet}` knows.
pub const NAMES: [&str; 7] = ["person", "year", "month", "lang", "category", "tag", "event_year"];

use tantivy::{DocAddress, Score};

use super::catalog::{Catalog, PERSON};

/// Result sets of at least this many posts, and at least one [`PERSON_BY_PERSON_SHARE`]th
/// of the archive's documents, count their people person by person (below that, the
/// most frequent people's lists hold mostly documents outside the set: measured on the
/// generated 100k archive, one sixteenth was slower than one eighth).
const PERSON_BY_PERSON_MIN: usize = 4096;
/// See [`PERSON_BY_PERSON_MIN`].
const PERSON_BY_PERSON_SHARE: usize = 8;

/// Mentions read person by person, as a multiple of those the per-document count would read,
/// before counting falls back to it. Measured at 100k posts: a mention read here costs about
/// a quarter of one counted per document (16,748 posts: 350k read in 0.3 ms against 250k
/// counted in 1.0 ms), and a count that falls back pays for both.
const BY_PERSON_BUDGET: usize = 4;

/// How many documents ahead counting asks for a document's run ([`crate::prefetch`]): the
/// time a few documents take to count covers a miss. (Measured at 100k posts: the time
/// spent counting fell by a fifth to a quarter.)
const PREFETCH_AHEAD: usize = 8;

thread_local! {
    /// Per-thread counters, one slot per catalog-wide facet id, all zero between calls: a
    /// search touches only the slots of the values it sees instead of allocating (and
    /// faulting in) a fresh array the size of all dimensions.
    static SLOTS: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
    /// Per-thread bitmap of a result set over [`PersonDocs`]' document numbers, all zero
    /// between calls.
    static MEMBERS: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
}

/// Counts every facet value over `docs`: per dimension (in the order of
/// [`super::catalog::COLUMN_FACETS`]), `(value id, count)` for the values seen. With
/// `person_limit`, the person dimension may hold only the values that can be among the
/// `person_limit` most frequent (by count, then id), with their exact counts.
pub fn count(
    catalog: &Catalog,
    docs: &[(DocAddress, Score)],
    person_limit: Option<usize>,
) -> Vec<Vec<(u32, u32)>> {
    // (the person dimension comes first: its ids are 0..persons)
    debug_assert_eq!(catalog.facets.get(PERSON).map(|f| f.base), Some(0));
    let persons = catalog.num_persons() as u32;
    let people = person_limit.filter(|_| {
        docs.len() >= PERSON_BY_PERSON_MIN && docs.len() * PERSON_BY_PERSON_SHARE >= catalog.num_docs()
    });
    let by_person = people.and_then(|limit| top_persons(catalog, docs, limit));
    SLOTS.with_borrow_mut(|slots| {
        if slots.len() < catalog.num_facet_ids() {
            slots.resize(catalog.num_facet_ids(), 0);
        }
        let mut seen = Vec::new();
        // (a large set's people are counted above: only the other dimensions are left)
        let others_only = by_person.is_some();
        for (k, &(addr, _)) in docs.iter().enumerate() {
            if let Some(&(ahead, _)) = docs.get(k + PREFETCH_AHEAD) {
                crate::prefetch::prefetch(catalog.facet_ids(ahead));
            }
            let run = if others_only { catalog.other_facet_ids(addr) } else { catalog.facet_ids(addr) };
            for &id in run {
                let slot = &mut slots[id as usize];
                if *slot == 0 {
                    seen.push(id);
                }
                *slot += 1;
            }
        }
        let mut out = vec![Vec::new(); catalog.facets.len()];
        // Counted here with a limit, people go straight into the shown few: a large set
        // names tens of thousands, and listing them all to pick 30 cost as much as counting.
        let mut shown = person_limit.filter(|_| by_person.is_none()).map(Top::new);
        for id in seen {
            let count = std::mem::take(&mut slots[id as usize]);
            if id < persons {
                match shown.as_mut() {
                    Some(top) => top.offer(id, count),
                    None => out[PERSON].push((id, count)),
                }
                continue;
            }
            let (dim, value) = catalog.facet_of(id);
            out[dim].push((value, count));
        }
        if let Some(top) = by_person.or(shown.map(|t| t.items)) {
            out[PERSON] = top;
        }
        out
    })
}

/// The `limit` best `(id, count)` pairs offered, best first: the higher count, then the lower id.
struct Top {
    limit: usize,
    items: Vec<(u32, u32)>,
}

impl Top {
    fn new(limit: usize) -> Top {
        Top { limit, items: Vec::with_capacity(limit + 1) }
    }

    /// The count the last shown has, once `limit` are shown.
    fn floor(&self) -> Option<u32> {
        (self.items.len() >= self.limit).then(|| self.items.last().map_or(u32::MAX, |l| l.1))
    }

    fn offer(&mut self, id: u32, count: u32) {
        if self.floor().is_some_and(|floor| count < floor) {
            return;
        }
        let at = self.items.partition_point(|&(i, c)| c > count || (c == count && i < id));
        if at < self.limit {
            self.items.insert(at, (id, count));
            self.items.truncate(self.limit);
        }
    }
}

/// The documents naming each person, as numbers across segments (a segment's documents
/// follow those of the segments before it), and the people from the most named down.
#[derive(Debug, Default)]
pub struct PersonDocs {
    /// Documents of person `p`: `docs[start[p]..start[p + 1]]`, ascending.
    start: Vec<u32>,
    docs: Vec<u32>,
    /// Person ids, the most named first (ties by id).
    by_frequency: Vec<u32>,
    /// Per segment: the number of its first document.
    base: Vec<u32>,
    /// Documents in all (the bitmap's size).
    size: usize,
}

impl PersonDocs {
    /// Inverts the catalog's per-document runs (two passes: count, then place).
    pub fn build(catalog: &Catalog) -> PersonDocs {
        let persons = catalog.num_persons();
        let mut base = Vec::new();
        let mut size = 0usize;
        for n in catalog.segment_sizes() {
            base.push(size as u32);
            size += n;
        }
        let each = |f: &mut dyn FnMut(u32, u32)| {
            for (addr, _) in catalog.documents() {
                let number = base[addr.segment_ord as usize] + addr.doc_id;
                for &id in catalog.person_ids(addr) {
                    f(id, number);
                }
            }
        };
        let mut start = vec![0u32; persons + 1];
        each(&mut |id, _| start[id as usize + 1] += 1);
        for p in 0..persons {
            start[p + 1] += start[p];
        }
        let mut docs = vec![0u32; start[persons] as usize];
        let mut next = start.clone();
        each(&mut |id, number| {
            docs[next[id as usize] as usize] = number;
            next[id as usize] += 1;
        });
        let mut by_frequency: Vec<u32> = (0..persons as u32).collect();
        by_frequency.sort_by_key(|&p| std::cmp::Reverse(start[p as usize + 1] - start[p as usize]));
        PersonDocs { start, docs, by_frequency, base, size }
    }

    fn of(&self, person: u32) -> &[u32] {
        let p = person as usize;
        match (self.start.get(p), self.start.get(p + 1)) {
            (Some(&a), Some(&b)) => &self.docs[a as usize..b as usize],
            _ => &[],
        }
    }

    /// Bytes held.
    pub fn heap_bytes(&self) -> usize {
        (self.start.capacity() + self.docs.capacity() + self.by_frequency.capacity() + self.base.capacity())
            * 4
    }
}

/// The people that can be among the `limit` most frequent over `docs` (by count, then id),
/// with their exact counts; `None` when counting person by person would visit more
/// documents than counting document by document.
fn top_persons(catalog: &Catalog, docs: &[(DocAddress, Score)], limit: usize) -> Option<Vec<(u32, u32)>> {
    let index = catalog.person_docs();
    MEMBERS.with_borrow_mut(|members| {
        let words = index.size.div_ceil(64);
        if members.len() < words {
            members.resize(words, 0);
        }
        for &(addr, _) in docs {
            if let Some(&b) = index.base.get(addr.segment_ord as usize) {
                let n = (b + addr.doc_id) as usize;
                if let Some(w) = members.get_mut(n / 64) {
                    *w |= 1 << (n % 64);
                }
            }
        }
        // The per-document count would read about as many mentions as the result set's share
        // of all mentions, each a jump into a table of every person; here a mention is a
        // sequential read and a bit of a bitmap that stays in the first-level cache, so
        // BY_PERSON_BUDGET times as many still cost less.
        let budget = BY_PERSON_BUDGET * index.docs.len() * docs.len() / catalog.num_docs().max(1) + 1;
        let mut visited = 0usize;
        let mut top = Top::new(limit);
        let mut complete = true;
        for &person in &index.by_frequency {
            let list = index.of(person);
            // No person from here on is named in more documents than this one: once that
            // is below the last shown count, none can be shown.
            if top.floor().is_some_and(|floor| (list.len() as u32) < floor) {
                break;
            }
            visited += list.len();
            if visited > budget {
                complete = false;
                break;
            }
            let count = list
                .iter()
                .filter(|&&n| members.get(n as usize / 64).is_some_and(|w| w & (1 << (n % 64)) != 0))
                .count() as u32;
            if count > 0 {
                top.offer(person, count);
            }
        }
        members.iter_mut().for_each(|w| *w = 0);
        complete.then_some(top.items)
    })
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::Engine;

    const GIVEN: [&str; 6] = ["John", "Mary", "Peter", "Anna", "David", "Laura"];
    const FAMILY: [&str; 4] = ["Smith", "Brown", "Taylor", "Wilson"];

    /// 48 posts naming people of a pool of 24 unevenly: post `i` names person `i % 24`,
    /// `i % 7` and `i % 3`.
    fn engine(dir: &Path) -> Engine {
        let pages = dir.join("site").join("pages").join("02.news");
        let person = |k: usize| format!("{} {}", GIVEN[k % 6], FAMILY[k / 6 % 4]);
        for i in 0..48 {
            let folder = pages.join(format!("{:02}.post-{i}", i + 1));
            std::fs::create_dir_all(&folder).expect("page folder");
            let page = format!(
                "---\ntitle: 'Meeting {i}'\ndate: '01-03-2019 10:00'\n---\n\nDr. {} met Professor {}. Mr. {} spoke about the plans of the centre.\n",
                person(i % 24),
                person(i % 7),
                person(i % 3),
            );
            std::fs::write(folder.join("item.en.md"), page).expect("page file");
        }
        let index = dir.join("index");
        let opts = annals_index::IngestOptions {
            content: dir.join("site"),
            index: index.clone(),
            full: true,
            threads: 1,
        };
        annals_index::ingest(&opts, &annals_index::Quiet).expect("indexing");
        Engine::open(&index).expect("opening the index")
    }

    /// The `limit` most frequent people of a full count, by count then id.
    fn top_of_full_count(cat: &Catalog, docs: &[(DocAddress, Score)], limit: usize) -> Vec<(u32, u32)> {
        let mut all = count(cat, docs, None).swap_remove(PERSON);
        all.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        all.truncate(limit);
        all
    }

    #[test]
    fn a_run_is_its_people_then_the_rest() {
        let dir = tempfile::tempdir().expect("temp dir");
        let engine = engine(dir.path());
        let view = engine.view().expect("view");
        let cat = &view.catalog;
        let persons = cat.num_persons() as u32;
        let mut named = 0;
        for (addr, _) in cat.documents() {
            let (people, rest) = (cat.person_ids(addr), cat.other_facet_ids(addr));
            assert!(people.iter().all(|&id| id < persons), "{addr:?}: {people:?}");
            assert!(!rest.is_empty() && rest.iter().all(|&id| id >= persons), "{addr:?}: {rest:?}");
            assert_eq!([people, rest].concat(), cat.facet_ids(addr), "{addr:?}");
            named += usize::from(!people.is_empty());
        }
        assert!(named > 0, "some post names people");
    }

    #[test]
    fn counting_person_by_person_finds_the_same_top_people() {
        let dir = tempfile::tempdir().expect("temp dir");
        let engine = engine(dir.path());
        let view = engine.view().expect("view");
        let cat = &view.catalog;
        assert!(cat.num_persons() >= 10, "the posts name people: {}", cat.num_persons());
        let all: Vec<(DocAddress, Score)> = cat.documents().map(|(a, _)| (a, 0.0)).collect();
        for limit in [1, 2, 3, 5, 8, 100] {
            let top = top_persons(cat, &all, limit).expect("within budget over every document");
            assert_eq!(top, top_of_full_count(cat, &all, limit), "limit {limit}");
        }
        // Subsets: when the budget allows counting person by person, the answer is the same;
        // and counting document by document with a limit keeps the same few.
        for step in [1, 2, 3, 5] {
            let some: Vec<(DocAddress, Score)> = all.iter().step_by(step).copied().collect();
            for limit in [1, 3, 5] {
                let mut limited = count(cat, &some, Some(limit)).swap_remove(PERSON);
                limited.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                assert_eq!(limited, top_of_full_count(cat, &some, limit), "one in {step}, limit {limit}");
                if let Some(top) = top_persons(cat, &some, limit) {
                    assert_eq!(top, top_of_full_count(cat, &some, limit), "one in {step}, limit {limit}");
                }
            }
        }
    }
}
