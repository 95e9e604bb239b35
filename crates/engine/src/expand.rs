//! Typo and prefix variants of a word, found in the term dictionaries before the search.
//!
//! Instead of handing Tantivy one automaton query per field (which rebuilds the Levenshtein
//! automaton for every field and scores every variant the same), a word's automaton is built
//! once, run over each field's dictionary in every segment, and the variants it finds become
//! ordinary term queries: scored with BM25 like any word, the most frequent first, and at
//! most a bounded number of them, so a two-letter prefix cannot blow a query up.
//!
//! Besides typos and completions, two kinds of variant serve languages that glue words into
//! compounds (German `Wassermühle`, `Holzbearbeitung`): terms a word starts
//! ([`Variant::Starts`]: a range of the dictionary, like a prefix) and terms a word ends
//! ([`Variant::Ends`]): a range of the segment's terms reversed, built once per segment and
//! field and kept while the segment lives.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use tantivy::index::SegmentId;
use tantivy::query::{DfaWrapper, FuzzyTermQuery};
use tantivy::schema::Field;
use tantivy::{Searcher, SegmentReader, Term};

/// Candidates kept per segment, as a multiple of the variants wanted.
const PER_SEGMENT: usize = 4;
/// Bytes a compound has beyond the word it contains, at least (`ems` + `bruck`).
const COMPOUND_EXTRA: usize = 3;
/// Reversed dictionaries kept (per segment and field) before those of segments no longer
/// searched are dropped.
const REVERSED_KEPT: usize = 64;
/// Completions of prefixes this short (in letters) are kept per segment and field: such a
/// prefix reaches thousands of terms (`кр`: 2,900 in one segment of the 100k archive), and
/// walking them was the largest cost of a query typed in the search box.
const SHORT_PREFIX: usize = 3;
/// Short-prefix completion lists kept before those of segments no longer searched are
/// dropped (and, when all are live, before the table starts over).
const COMPLETIONS_KEPT: usize = 2048;

/// The smallest byte string above every string starting with `prefix` (`None`: no bound).
fn successor(prefix: &[u8]) -> Option<Vec<u8>> {
    let mut end = prefix.to_vec();
    while let Some(last) = end.pop() {
        if last < u8::MAX {
            end.push(last + 1);
            return Some(end);
        }
    }
    None
}

/// The `cap` most frequent terms offered, copying a term only when it gets in.
struct Top {
    cap: usize,
    /// `(doc freq, term)`, kept sorted by frequency descending once full.
    items: Vec<(u32, Vec<u8>)>,
}

impl Top {
    fn new(cap: usize) -> Top {
        Top { cap, items: Vec::with_capacity(cap) }
    }

    fn clear(&mut self) {
        self.items.clear();
    }

    fn offer(&mut self, term: &[u8], df: u32, word: &str) {
        if term == word.as_bytes() {
            return;
        }
        if self.items.len() == self.cap {
            // Full: the last is the least frequent (ties: the first seen stays).
            if self.items.last().is_none_or(|(least, _)| df <= *least) {
                return;
            }
            self.items.pop();
        }
        let at = self.items.partition_point(|(f, _)| *f >= df);
        self.items.insert(at, (df, term.to_vec()));
    }

    fn drain(&mut self) -> impl Iterator<Item = (Vec<u8>, u32)> + '_ {
        self.items.drain(..).map(|(df, t)| (t, df))
    }
}

/// How a word's variants are matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Variant {
    /// Within this many edits (adjacent transpositions count one).
    Typo(u8),
    /// Starting with the word.
    Prefix,
    /// Compounds the word starts: starting with it and at least three letters longer
    /// (`holz` → `holzbearbeitung`).
    Starts,
    /// Compounds the word ends: ending with it and at least three letters longer (`muhl` →
    /// `wassermuhl`).
    Ends,
}

/// The terms of one segment's field, each written backwards, sorted: the terms ending with a
/// string are then a range, found by binary search.
struct Reversed {
    terms: Vec<(Box<[u8]>, u32)>,
}

impl Reversed {
    fn build(segment: &SegmentReader, field: Field) -> Option<Reversed> {
        let inverted = segment.inverted_index(field).ok()?;
        let mut stream = inverted.terms().stream().ok()?;
        let mut terms = Vec::new();
        while stream.advance() {
            let reversed: Box<[u8]> = stream.key().iter().rev().copied().collect();
            terms.push((reversed, stream.value().doc_freq));
        }
        terms.sort_unstable();
        Some(Reversed { terms })
    }

    /// The terms ending with `suffix` (written backwards), with their document frequencies.
    fn ending_with(&self, suffix_reversed: &[u8]) -> &[(Box<[u8]>, u32)] {
        let from = self.terms.partition_point(|(t, _)| &**t < suffix_reversed);
        let to = match successor(suffix_reversed) {
            Some(end) => self.terms.partition_point(|(t, _)| **t < *end),
            None => self.terms.len(),
        };
        &self.terms[from..to.max(from)]
    }
}

/// Reversed dictionaries by segment and field, shared by all searches: segments never change,
/// so an entry is valid as long as its segment is searched.
static REVERSED: LazyLock<Mutex<ReversedCache>> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// Reversed dictionaries by segment and field id.
type ReversedCache = HashMap<(SegmentId, u32), Arc<Reversed>>;

/// The reversed dictionary of `field` in `segment`, built on first use.
fn reversed(searcher: &Searcher, segment: &SegmentReader, field: Field) -> Option<Arc<Reversed>> {
    let key = (segment.segment_id(), field.field_id());
    if let Some(r) = REVERSED.lock().ok()?.get(&key) {
        return Some(r.clone());
    }
    let built = Arc::new(Reversed::build(segment, field)?);
    let mut cache = REVERSED.lock().ok()?;
    if cache.len() >= REVERSED_KEPT {
        let live: Vec<SegmentId> = searcher.segment_readers().iter().map(|s| s.segment_id()).collect();
        cache.retain(|(id, _), _| live.contains(id));
    }
    cache.insert(key, built.clone());
    Some(built)
}

/// The most frequent completions of a short prefix in one segment's field: `(term, doc freq)`.
type Completions = Arc<Vec<(Vec<u8>, u32)>>;

/// Completion lists by segment, field, prefix and list length, shared by all searches.
/// Segments never change, so a list stays valid as long as its segment is searched: this is
/// a table of each segment's completions, filled as prefixes are first typed.
static COMPLETIONS: LazyLock<Mutex<CompletionTable>> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// Completion lists by segment, field id, prefix and list length.
type CompletionTable = HashMap<(SegmentId, u32, Vec<u8>, usize), Completions>;

fn completions_get(segment: &SegmentReader, field: Field, prefix: &str, keep: usize) -> Option<Completions> {
    let key = (segment.segment_id(), field.field_id(), prefix.as_bytes().to_vec(), keep);
    COMPLETIONS.lock().ok()?.get(&key).cloned()
}

fn completions_put(
    searcher: &Searcher,
    segment: &SegmentReader,
    field: Field,
    prefix: &str,
    keep: usize,
    list: Completions,
) {
    let Ok(mut table) = COMPLETIONS.lock() else { return };
    if table.len() >= COMPLETIONS_KEPT {
        let live: Vec<SegmentId> = searcher.segment_readers().iter().map(|s| s.segment_id()).collect();
        table.retain(|(id, ..), _| live.contains(id));
        if table.len() >= COMPLETIONS_KEPT {
            table.clear();
        }
    }
    table.insert((segment.segment_id(), field.field_id(), prefix.as_bytes().to_vec(), keep), list);
}

/// Finds variants of words in the dictionaries of one searcher; caches automata per query.
pub struct Expander<'s> {
    searcher: &'s Searcher,
    automata: RefCell<HashMap<(String, u8), std::rc::Rc<DfaWrapper>>>,
    /// Every variant handed out so far, with its field (for highlighting).
    found: RefCell<Vec<(Field, String)>>,
}

impl<'s> Expander<'s> {
    /// An expander over `searcher`'s segments.
    pub fn new(searcher: &'s Searcher) -> Self {
        Expander { searcher, automata: RefCell::new(HashMap::new()), found: RefCell::new(Vec::new()) }
    }

    /// The Levenshtein automaton of `word` within `typos` edits, built once per query.
    fn automaton(&self, word: &str, typos: u8) -> Option<std::rc::Rc<DfaWrapper>> {
        let key = (word.to_owned(), typos);
        if let Some(a) = self.automata.borrow().get(&key) {
            return Some(a.clone());
        }
        // The field of the term is irrelevant to the automaton: any field will do.
        let term = Term::from_field_text(Field::from_field_id(0), word);
        let automaton = std::rc::Rc::new(FuzzyTermQuery::new(term, typos, true).automaton().ok()?);
        self.automata.borrow_mut().insert(key, automaton.clone());
        Some(automaton)
    }

    /// Documents holding `word` in `field`, over all segments.
    pub fn doc_freq(&self, field: Field, word: &str) -> u64 {
        self.searcher.doc_freq(&Term::from_field_text(field, word)).unwrap_or(0)
    }

    /// Terms of `field` matching `word` as `variant`, other than `word` itself, the most
    /// frequent first, at most `limit`.
    ///
    /// Each segment keeps only its `PER_SEGMENT` (4) × `limit` most frequent candidates
    /// before the segments' document frequencies are summed: a two-letter prefix reaches
    /// thousands of terms, and hashing each of them cost more than the rest of a search.
    pub fn expand(&self, field: Field, word: &str, variant: Variant, limit: usize) -> Vec<String> {
        let keep = limit.saturating_mul(PER_SEGMENT).max(1);
        let automaton = match variant {
            Variant::Typo(typos) => match self.automaton(word, typos) {
                Some(a) => Some(a),
                None => return Vec::new(),
            },
            Variant::Prefix | Variant::Starts | Variant::Ends => None,
        };
        // Compounds are longer than the word by a few letters at least.
        let min_len = match variant {
            Variant::Starts | Variant::Ends => word.len() + COMPOUND_EXTRA,
            _ => 0,
        };
        let reversed_word: Vec<u8> = word.bytes().rev().collect();
        let mut forward = Vec::new();
        let mut found: HashMap<Vec<u8>, u32> = HashMap::new();
        let mut top = Top::new(keep);
        for segment in self.searcher.segment_readers() {
            if variant == Variant::Ends {
                let Some(reversed) = reversed(self.searcher, segment, field) else { continue };
                top.clear();
                for (term, df) in reversed.ending_with(&reversed_word) {
                    if term.len() >= min_len {
                        forward.clear();
                        forward.extend(term.iter().rev());
                        top.offer(&forward, *df, word);
                    }
                }
                for (term, df) in top.drain() {
                    *found.entry(term).or_default() += df;
                }
                continue;
            }
            let short = variant == Variant::Prefix && word.chars().count() <= SHORT_PREFIX;
            if short && let Some(list) = completions_get(segment, field, word, keep) {
                for (term, df) in list.iter() {
                    *found.entry(term.clone()).or_default() += df;
                }
                continue;
            }
            let Ok(inverted) = segment.inverted_index(field) else { continue };
            let terms = inverted.terms();
            top.clear();
            // A prefix is a range of the sorted dictionary: no automaton to run per term.
            let walked = match &automaton {
                // Typos are looked for among terms with the word's first letter: a typo in
                // the first letter is rare, and walking the whole dictionary with a
                // two-edit automaton costs a search many times over (Lucene's
                // `prefixLength` makes the same trade).
                Some(a) => {
                    let first = word.chars().next().map(|c| &word[..c.len_utf8()]).unwrap_or_default();
                    let mut range = terms.search(a.as_ref()).ge(first.as_bytes());
                    if let Some(end) = successor(first.as_bytes()) {
                        range = range.lt(end);
                    }
                    range.into_stream().map(|mut s| {
                        while s.advance() {
                            top.offer(s.key(), s.value().doc_freq, word);
                        }
                    })
                }
                None => {
                    let mut range = terms.range().ge(word.as_bytes());
                    if let Some(end) = successor(word.as_bytes()) {
                        range = range.lt(end);
                    }
                    range.into_stream().map(|mut s| {
                        while s.advance() {
                            if s.key().len() >= min_len {
                                top.offer(s.key(), s.value().doc_freq, word);
                            }
                        }
                    })
                }
            };
            if walked.is_err() {
                continue;
            }
            if short {
                completions_put(
                    self.searcher,
                    segment,
                    field,
                    word,
                    keep,
                    Arc::new(top.items.iter().map(|(df, t)| (t.clone(), *df)).collect()),
                );
            }
            for (term, df) in top.drain() {
                *found.entry(term).or_default() += df;
            }
        }
        let mut terms: Vec<(Vec<u8>, u32)> = found.into_iter().collect();
        terms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        terms.truncate(limit);
        let terms: Vec<String> = terms.into_iter().filter_map(|(t, _)| String::from_utf8(t).ok()).collect();
        self.found.borrow_mut().extend(terms.iter().map(|t| (field, t.clone())));
        terms
    }

    /// The longest term of `field` that `word` starts with and that is at most `max_cut` bytes
    /// shorter, down to `min_len` bytes: what a word typed past its stem reaches (`configurat`
    /// → `configur`, the stem of `configuration`). Recorded among the variants found.
    pub fn stem_within(&self, field: Field, word: &str, max_cut: usize, min_len: usize) -> Option<String> {
        let shortest = word.len().saturating_sub(max_cut).max(min_len);
        let mut cut = word.len();
        while cut > shortest {
            cut -= 1;
            if !word.is_char_boundary(cut) {
                continue;
            }
            let stem = &word[..cut];
            if self.doc_freq(field, stem) > 0 {
                self.found.borrow_mut().push((field, stem.to_owned()));
                return Some(stem.to_owned());
            }
        }
        None
    }

    /// Every term of `field` (for the small facet fields: the years of the index).
    pub fn terms(&self, field: Field) -> Vec<String> {
        let mut out = Vec::new();
        for segment in self.searcher.segment_readers() {
            let Ok(inverted) = segment.inverted_index(field) else { continue };
            let Ok(mut stream) = inverted.terms().stream() else { continue };
            while stream.advance() {
                out.extend(std::str::from_utf8(stream.key()).ok().map(str::to_owned));
            }
        }
        out.sort();
        out.dedup();
        out
    }

    /// Every variant [`Expander::expand`] has returned, with its field.
    pub fn found(&self) -> Vec<(Field, String)> {
        self.found.borrow().clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn successor_bounds_every_extension() {
        assert_eq!(successor(b"ab"), Some(b"ac".to_vec()));
        assert_eq!(successor(&[b'a', 0xff]), Some(b"b".to_vec()));
        assert_eq!(successor(&[0xff, 0xff]), None);
        let end = successor("кр".as_bytes()).unwrap();
        assert!("крови".as_bytes() < end.as_slice() && "кс".as_bytes() >= end.as_slice());
    }

    #[test]
    fn reversed_terms_give_the_terms_ending_with_a_word() {
        let mut terms: Vec<(Box<[u8]>, u32)> =
            ["wassermuhl", "muhl", "olmuhl", "muhle", "bruck", "emsbruck", "zmuhl"]
                .iter()
                .map(|t| (t.bytes().rev().collect(), 1))
                .collect();
        terms.sort_unstable();
        let reversed = Reversed { terms };
        let ending = |w: &str| -> Vec<String> {
            let rev: Vec<u8> = w.bytes().rev().collect();
            let mut out: Vec<String> = reversed
                .ending_with(&rev)
                .iter()
                .map(|(t, _)| String::from_utf8(t.iter().rev().copied().collect()).unwrap())
                .collect();
            out.sort();
            out
        };
        assert_eq!(ending("muhl"), ["muhl", "olmuhl", "wassermuhl", "zmuhl"]);
        assert_eq!(ending("bruck"), ["bruck", "emsbruck"]);
        assert!(ending("xyz").is_empty());
    }

    #[test]
    fn top_keeps_the_most_frequent_and_skips_the_word() {
        let mut top = Top::new(2);
        for (t, df) in [("a", 1), ("b", 5), ("word", 9), ("c", 3), ("d", 3), ("e", 1)] {
            top.offer(t.as_bytes(), df, "word");
        }
        let kept: Vec<(Vec<u8>, u32)> = top.drain().collect();
        assert_eq!(kept, vec![(b"b".to_vec(), 5), (b"c".to_vec(), 3)]);
    }
}
