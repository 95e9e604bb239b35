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
    automata: RefCell<HashMap<(String, Variant), std::rc::Rc<DfaWrapper>>>,
}

impl<'s> Expander<'s> {
    /// An expander over `searcher`'s segments.
    pub fn new(searcher: &'s Searcher) -> Self {
        Expander { searcher, automata: RefCell::new(HashMap::new()) }
    }

    fn automaton(&self, word: &str, variant: Variant) -> Option<std::rc::Rc<DfaWrapper>> {
        let key = (word.to_owned(), variant);
        if let Some(a) = self.automata.borrow().get(&key) {
            return Some(a.clone());
        }
        // The field of the term is irrelevant to the automaton: any field will do.
        let term = Term::from_field_text(Field::from_field_id(0), word);
        let query = match variant {
            Variant::Typo(d) => FuzzyTermQuery::new(term, d, true),
            Variant::Prefix => FuzzyTermQuery::new_prefix(term, 0, true),
        };
        let automaton = std::rc::Rc::new(query.automaton().ok()?);
        self.automata.borrow_mut().insert(key, automaton.clone());
        Some(automaton)
    }

    /// Documents holding `word` in `field`, over all segments.
    pub fn doc_freq(&self, field: Field, word: &str) -> u64 {
        self.searcher.doc_freq(&Term::from_field_text(field, word)).unwrap_or(0)
    }

    /// Terms of `field` matching `word` as `variant`, other than `word` itself, the most
    /// frequent first, at most `limit`.
    pub fn expand(&self, field: Field, word: &str, variant: Variant, limit: usize) -> Vec<String> {
        let Some(automaton) = self.automaton(word, variant) else { return Vec::new() };
        let mut found: HashMap<Vec<u8>, u32> = HashMap::new();
        for segment in self.searcher.segment_readers() {
            let Ok(inverted) = segment.inverted_index(field) else { continue };
            let Ok(mut stream) = inverted.terms().search(automaton.as_ref()).into_stream() else {
                continue;
            };
            while stream.advance() {
                if stream.key() != word.as_bytes() {
                    *found.entry(stream.key().to_vec()).or_default() += stream.value().doc_freq;
                }
            }
        }
        let mut terms: Vec<(Vec<u8>, u32)> = found.into_iter().collect();
        terms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        terms.truncate(limit);
        terms.into_iter().filter_map(|(t, _)| String::from_utf8(t).ok()).collect()
    }
}
