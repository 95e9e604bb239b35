//! Typo and prefix variants of a word, found in the term dictionaries before the search.
//!
//! Instead of handing Tantivy one automaton query per field (which rebuilds the Levenshtein
//! automaton for every field and scores every variant the same), a word's automaton is built
//! once, run over each field's dictionary in every segment, and the variants it finds become
//! ordinary term queries: scored with BM25 like any word, the most frequent first, and at
//! most a bounded number of them, so a two-letter prefix cannot blow a query up.

use std::cell::RefCell;
use std::collections::HashMap;

use tantivy::query::{DfaWrapper, FuzzyTermQuery};
use tantivy::schema::Field;
use tantivy::{Searcher, Term};

/// Candidates kept per segment, as a multiple of the variants wanted.
const PER_SEGMENT: usize = 4;

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
            Variant::Prefix => None,
        };
        let mut found: HashMap<Vec<u8>, u32> = HashMap::new();
        let mut top = Top::new(keep);
        for segment in self.searcher.segment_readers() {
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
                            top.offer(s.key(), s.value().doc_freq, word);
                        }
                    })
                }
            };
            if walked.is_err() {
                continue;
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
    fn top_keeps_the_most_frequent_and_skips_the_word() {
        let mut top = Top::new(2);
        for (t, df) in [("a", 1), ("b", 5), ("word", 9), ("c", 3), ("d", 3), ("e", 1)] {
            top.offer(t.as_bytes(), df, "word");
        }
        let kept: Vec<(Vec<u8>, u32)> = top.drain().collect();
        assert_eq!(kept, vec![(b"b".to_vec(), 5), (b"c".to_vec(), 3)]);
    }
}
