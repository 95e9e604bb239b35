//! The query language, read leniently, and the Tantivy query built from it.
//!
//! Words, `"phrases"`, `-exclusions` and `OR` between items. Anything else (unbalanced
//! quotes, stray operators, `field:value` syntax) degrades to plain words: parsing never
//! fails. Each word is searched as written (title without stemming), stemmed in every
//! language's fields, transliterated to Latin in the names field, and (when long enough)
//! with typos; the last word of a query typed without a trailing space also as a prefix.

use std::collections::BTreeSet;

use annals_index::analysis::Analyzer;
use annals_index::{Fields, Lang};
use tantivy::query::{BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::{Searcher, Term};

use super::expand::{Expander, Variant};
use tantivy::schema::{Field, IndexRecordOption};

/// Weight of a match in the unstemmed title.
const W_TITLE_EXACT: f32 = 4.0;
/// Weight of a stemmed match in the title.
const W_TITLE: f32 = 2.5;
/// Weight of a stemmed match in the body.
const W_BODY: f32 = 1.0;
/// Weight of a transliterated name match.
const W_NAMES: f32 = 2.0;
/// Weight of a typo-tolerant match (constant-scored by Tantivy).
const W_FUZZY: f32 = 0.4;
/// Weight of a prefix match on the word being typed.
const W_PREFIX: f32 = 0.6;
/// Weight of a post published, or telling of an event, in a month or year the query names.
const W_DATE: f32 = 4.0;
/// Typo variants of a word used per field, the most frequent first.
const MAX_TYPO_VARIANTS: usize = 8;
/// Completions of a prefix used per field, the most frequent first.
const MAX_PREFIX_VARIANTS: usize = 16;
/// Most words of a query that are used.
const MAX_ITEMS: usize = 12;

/// One element of a parsed query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// A word.
    Word(String),
    /// Words that must appear together, in order.
    Phrase(Vec<String>),
}

/// A query as the user meant it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ParsedQuery {
    /// Groups that must all match; each group matches when one of its items does (`a OR b`).
    pub required: Vec<Vec<Item>>,
    /// Items that must not match.
    pub excluded: Vec<Item>,
    /// The last word was still being typed (no trailing space or quote).
    pub last_is_prefix: bool,
}

impl ParsedQuery {
    /// True when there is nothing to match (browse).
    pub fn is_empty(&self) -> bool {
        self.required.is_empty()
    }

    /// Every word of the required groups (for snippets and highlighting).
    pub fn words(&self) -> Vec<&str> {
        let mut out = Vec::new();
        for group in &self.required {
            for item in group {
                match item {
                    Item::Word(w) => out.push(w.as_str()),
                    Item::Phrase(ws) => out.extend(ws.iter().map(String::as_str)),
                }
            }
        }
        out
    }
}

/// Splits text into words the way the analysers do (letters and digits).
pub fn words(text: &str) -> Vec<String> {
    annals_lang::words::split(text)
}

/// Reads a query; never fails.
pub fn parse(input: &str) -> ParsedQuery {
    let mut out = ParsedQuery::default();
    let chars: Vec<char> = input.chars().collect();
    let mut i = 0;
    let mut pending_or = false;
    let mut last_word_open = false;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let negated = c == '-' && i + 1 < chars.len() && !chars[i + 1].is_whitespace();
        let start = if negated { i + 1 } else { i };
        let (item, next, open) = if chars.get(start) == Some(&'"') {
            match chars[start + 1..].iter().position(|&c| c == '"') {
                Some(len) => {
                    let inner: String = chars[start + 1..start + 1 + len].iter().collect();
                    let ws = words(&inner);
                    let item = match ws.len() {
                        0 => None,
                        1 => Some(Item::Word(ws[0].clone())),
                        _ => Some(Item::Phrase(ws)),
                    };
                    (item, start + len + 2, false)
                }
                // An unbalanced quote: the rest is plain words.
                None => {
                    i = start + 1;
                    continue;
                }
            }
        } else {
            let end =
                chars[start..].iter().position(|c| c.is_whitespace()).map_or(chars.len(), |p| start + p);
            let token: String = chars[start..end].iter().collect();
            if token == "OR" && !negated {
                pending_or = !out.required.is_empty();
                i = end;
                continue;
            }
            let ws = words(&token);
            if ws.len() > 1 && !negated {
                // `covid-19`, `field:value`, `a.b`: several words; keep them as separate
                // required words (the analysers would split them the same way).
                for (k, w) in ws.iter().enumerate() {
                    push(&mut out, Item::Word(w.clone()), pending_or && k == 0);
                }
                pending_or = false;
                i = end;
                last_word_open = end == chars.len();
                continue;
            }
            let item = match ws.len() {
                0 => None,
                1 => Some(Item::Word(ws[0].clone())),
                _ => Some(Item::Phrase(ws)),
            };
            (item, end, end == chars.len())
        };
        i = next;
        last_word_open = open;
        let Some(item) = item else { continue };
        if negated {
            out.excluded.push(item);
        } else {
            push(&mut out, item, pending_or);
        }
        pending_or = false;
    }
    out.last_is_prefix =
        last_word_open && matches!(out.required.last().and_then(|g| g.last()), Some(Item::Word(_)));
    out.required.truncate(MAX_ITEMS);
    out.excluded.truncate(MAX_ITEMS);
    out
}

fn push(out: &mut ParsedQuery, item: Item, or_with_previous: bool) {
    match out.required.last_mut() {
        Some(group) if or_with_previous => group.push(item),
        _ => out.required.push(vec![item]),
    }
}

/// Builds Tantivy queries for parsed queries over the annals fields.
pub struct QueryBuilder<'a> {
    fields: &'a Fields,
    expander: Expander<'a>,
    titles_only: bool,
}

/// Which languages' fields a word is worth looking for with typos and prefixes.
fn script_langs(word: &str) -> &'static [Lang] {
    if word.chars().any(|c| matches!(c, '\u{0400}'..='\u{04FF}')) {
        &[Lang::Ru, Lang::Kk, Lang::Other]
    } else if word.chars().any(|c| c.is_ascii_alphabetic()) {
        &[Lang::En, Lang::Other]
    } else {
        &[Lang::Other]
    }
}

/// Typos allowed for a word of this many letters: 1 from 5, 2 from 9.
pub fn typo_budget(word: &str) -> u8 {
    match word.chars().count() {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

impl<'a> QueryBuilder<'a> {
    /// A builder over `fields`, expanding typos and prefixes in `searcher`'s dictionaries.
    pub fn new(fields: &'a Fields, searcher: &'a Searcher) -> Self {
        QueryBuilder { fields, expander: Expander::new(searcher), titles_only: false }
    }

    /// Variants of `word` in `field` as term queries with `weight`.
    fn variants(
        &self,
        alts: &mut Vec<Box<dyn Query>>,
        field: Field,
        word: &str,
        variant: Variant,
        weight: f32,
    ) {
        let limit = match variant {
            Variant::Typo(_) => MAX_TYPO_VARIANTS,
            Variant::Prefix => MAX_PREFIX_VARIANTS,
        };
        for t in self.expander.expand(field, word, variant, limit) {
            alts.push(boosted(term(field, &t), weight));
        }
    }

    /// The typo and prefix variants the queries built so far match, by field: what a
    /// snippet should mark besides the words themselves.
    pub fn variants_found(&self) -> Vec<(Field, String)> {
        self.expander.found()
    }

    /// What `q` excludes (`-word`, `-"a phrase"`) as one query, if anything: the engine drops
    /// every post with a version it matches.
    pub fn excluded(&self, q: &ParsedQuery) -> Option<Box<dyn Query>> {
        let items: Vec<Box<dyn Query>> = q.excluded.iter().map(|i| self.item(i, false, false)).collect();
        (!items.is_empty()).then(|| one_of(items))
    }

    /// Match words in titles only (completions).
    pub fn titles_only(mut self) -> Self {
        self.titles_only = true;
        self
    }

    /// The text part of a search: `None` when the query is empty. `min_groups` relaxes the
    /// query: at least that many of the required groups must match (all when `None`).
    pub fn build(&self, q: &ParsedQuery, min_groups: Option<usize>) -> Option<Box<dyn Query>> {
        if q.is_empty() {
            return None;
        }
        let last = q.required.len() - 1;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut groups: Vec<Box<dyn Query>> = Vec::new();
        // Stop words ("what did we do in July") only add to the score, unless the query
        // has nothing else.
        let all_stop = q.required.iter().all(|g| is_stop_group(g));
        for (gi, group) in q.required.iter().enumerate() {
            let prefix = q.last_is_prefix && gi == last;
            let alternatives: Vec<Box<dyn Query>> =
                group.iter().map(|item| self.item(item, prefix, true)).collect();
            // The word being typed stays required unless it is a date (`forum 2019`).
            let optional = is_stop_group(group) && !all_stop && (!prefix || is_date_group(group));
            if optional {
                clauses.push((Occur::Should, one_of(alternatives)));
            } else {
                groups.push(one_of(alternatives));
            }
        }
        let n = groups.len();
        match min_groups {
            Some(m) if m < n => {
                let subs = groups.into_iter().map(|g| (Occur::Should, g)).collect();
                clauses.push((
                    Occur::Must,
                    Box::new(BooleanQuery::with_minimum_required_clauses(subs, m.max(1))),
                ));
            }
            _ => clauses.extend(groups.into_iter().map(|g| (Occur::Must, g))),
        }
        // Exclusions are left to `excluded`: they apply to whole posts, not to one language
        // version (and under `MustNot`, Tantivy 0.27 seeks a finished phrase scorer backwards,
        // a debug assertion: finding F4).
        // "conference January 2023": posts published or telling of events then come first.
        for (year, month) in query_dates(q) {
            let (first, last) = match month {
                Some(m) => match jiff::civil::Date::new(year, m, 1) {
                    Ok(d) => (d, d.last_of_month()),
                    Err(_) => continue,
                },
                None => (jiff::civil::date(year, 1, 1), jiff::civil::date(year, 12, 31)),
            };
            for field in [self.fields.published, self.fields.event_day] {
                let range = super::date_range(field, Some(first), Some(last));
                clauses.push((Occur::Should, boosted(range, W_DATE)));
            }
        }
        Some(Box::new(BooleanQuery::new(clauses)))
    }

    /// A word or phrase in every field it can match in.
    fn item(&self, item: &Item, prefix: bool, tolerant: bool) -> Box<dyn Query> {
        match item {
            Item::Word(w) => self.word(w, prefix, tolerant),
            Item::Phrase(ws) => self.phrase(ws),
        }
    }

    fn word(&self, word: &str, prefix: bool, tolerant: bool) -> Box<dyn Query> {
        let f = self.fields;
        let mut alts: Vec<Box<dyn Query>> = Vec::new();
        let mut seen = BTreeSet::new();
        for t in Analyzer::Plain.terms(word) {
            alts.push(boosted(term(f.title_exact, &t), W_TITLE_EXACT));
        }
        if !self.titles_only {
            for t in Analyzer::Latin.terms(word) {
                alts.push(boosted(term(f.names, &t), W_NAMES));
            }
        }
        for lf in &f.langs {
            let terms = lf.lang.analyzer().terms(word);
            // One term per language and field (a word the analyser splits is rare: `i.e.`).
            for t in terms.into_iter().take(2) {
                if !seen.insert((lf.lang as u8, t.clone())) {
                    continue;
                }
                alts.push(boosted(term(lf.title, &t), W_TITLE));
                if !self.titles_only {
                    alts.push(boosted(term(lf.body, &t), W_BODY));
                }
            }
        }
        if tolerant {
            let typos = typo_budget(word);
            let stems: Vec<(Lang, Option<String>)> = script_langs(word)
                .iter()
                .map(|&lang| (lang, lang.analyzer().terms(word).into_iter().next()))
                .collect();
            // A word the archive knows, in any language of its script, is taken as typed:
            // looking for its typos would cost more than it finds (misspellings are what is
            // absent from every dictionary; a Russian word is not a typo in Kazakh, nor an
            // inflected word a typo of a name).
            let known = stems.iter().any(|(lang, stem)| {
                let lf = f.lang(*lang);
                stem.as_ref().is_some_and(|s| {
                    self.expander.doc_freq(lf.body, s) + self.expander.doc_freq(lf.title, s) > 0
                })
            });
            if !self.titles_only {
                self.tolerant_names(word, prefix, known, &mut alts);
            }
            for (lang, stem) in stems {
                let lf = f.lang(lang);
                let Some(stem) = stem else { continue };
                // The budget follows the shorter of the word and its stem: a stem two letters
                // away from a short word is another word.
                let typos = typos.min(typo_budget(&stem));
                if typos > 0 && !known {
                    for field in self.text_fields(lf) {
                        self.variants(&mut alts, field, &stem, Variant::Typo(typos), W_FUZZY);
                    }
                }
                if prefix && word.chars().count() >= 2 {
                    // The typed prefix itself and its stem: `конференци` must reach
                    // `конференц`, `forum` must reach `forums`.
                    let plain = Analyzer::Plain.terms(word).into_iter().next().unwrap_or_default();
                    for p in BTreeSet::from([plain, stem.clone()]) {
                        if p.chars().count() < 2 {
                            continue;
                        }
                        for field in self.text_fields(lf) {
                            self.variants(&mut alts, field, &p, Variant::Prefix, W_PREFIX);
                        }
                    }
                }
            }
        }
        one_of(alts)
    }

    /// Title fields, plus the body unless building for titles only.
    fn text_fields(&self, lf: &annals_index::schema::LangFields) -> Vec<Field> {
        if self.titles_only { vec![lf.title] } else { vec![lf.title, lf.body] }
    }

    /// Prefix and typo variants of a word in the transliterated names field (no typos for a
    /// word `known` to a text dictionary).
    fn tolerant_names(&self, word: &str, prefix: bool, known: bool, alts: &mut Vec<Box<dyn Query>>) {
        let f = self.fields;
        let Some(latin) = Analyzer::Latin.terms(word).into_iter().next() else { return };
        if prefix && latin.len() >= 3 {
            self.variants(alts, f.names, &latin, Variant::Prefix, W_PREFIX);
        }
        let typos = typo_budget(word).min(typo_budget(&latin));
        if typos > 0 && !known && self.expander.doc_freq(f.names, &latin) == 0 {
            self.variants(alts, f.names, &latin, Variant::Typo(typos), W_FUZZY);
        }
    }

    fn phrase(&self, words: &[String]) -> Box<dyn Query> {
        let f = self.fields;
        let text = words.join(" ");
        let mut alts: Vec<Box<dyn Query>> = Vec::new();
        let mut add = |field: Field, analyzer: Analyzer, weight: f32| {
            let terms = analyzer.terms(&text);
            match terms.len() {
                0 => {}
                1 => alts.push(boosted(term(field, &terms[0]), weight)),
                _ => {
                    let terms = terms.iter().map(|t| Term::from_field_text(field, t)).collect();
                    alts.push(boosted(Box::new(PhraseQuery::new(terms)), weight));
                }
            }
        };
        add(f.title_exact, Analyzer::Plain, W_TITLE_EXACT);
        add(f.names, Analyzer::Latin, W_NAMES);
        for lf in &f.langs {
            add(lf.title, lf.lang.analyzer(), W_TITLE);
            add(lf.body, lf.lang.analyzer(), W_BODY);
        }
        one_of(alts)
    }
}

/// Required groups of `q` that are not stop words: what relaxation counts.
pub fn required_count(q: &ParsedQuery) -> usize {
    let all_stop = q.required.iter().all(|g| is_stop_group(g));
    let last = q.required.len().saturating_sub(1);
    q.required
        .iter()
        .enumerate()
        .filter(|(i, g)| {
            all_stop || (q.last_is_prefix && *i == last && !is_date_group(g)) || !is_stop_group(g)
        })
        .count()
}

fn is_stop_group(group: &[Item]) -> bool {
    matches!(group, [Item::Word(w)] if is_stop_word(w) || month_of(w).is_some() || year_of(w).is_some())
}

fn is_date_group(group: &[Item]) -> bool {
    matches!(group, [Item::Word(w)] if month_of(w).is_some() || year_of(w).is_some())
}

/// A year as typed (`2019`), within the years an archive holds.
fn year_of(word: &str) -> Option<i16> {
    let y: i16 = word.parse().ok().filter(|_| word.len() == 4)?;
    (1900..=2100).contains(&y).then_some(y)
}

/// The month a word names, in English, Russian or Kazakh, inflected forms included
/// (`July`, `июля`, `шілдеде`, `қаңтардың`).
fn month_of(word: &str) -> Option<i8> {
    annals_lang::months::month_named(word, |l| matches!(l, "en" | "ru" | "kk")).map(|m| m as i8)
}

/// Dates a query names: (year, month) pairs for boosting posts of that time.
fn query_dates(q: &ParsedQuery) -> Vec<(i16, Option<i8>)> {
    let words: Vec<&str> = q.words();
    let years: Vec<i16> = words.iter().filter_map(|w| year_of(w)).collect();
    let months: Vec<i8> = words.iter().filter_map(|w| month_of(w)).collect();
    match (years.as_slice(), months.as_slice()) {
        ([], _) => Vec::new(),
        (ys, []) => ys.iter().map(|y| (*y, None)).collect(),
        (ys, ms) => ys.iter().flat_map(|y| ms.iter().map(move |m| (*y, Some(*m)))).collect(),
    }
}

/// Function words of en, ru and kk.
fn is_stop_word(word: &str) -> bool {
    annals_lang::stopwords::is_stop_word(word, |_| true)
}

fn term(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::WithFreqs))
}

fn boosted(q: Box<dyn Query>, weight: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(q, weight))
}

fn one_of(mut alts: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    if alts.len() == 1 {
        return alts.pop().expect("one element");
    }
    Box::new(BooleanQuery::union(alts))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Item {
        Item::Word(s.to_owned())
    }

    #[test]
    fn words_phrases_exclusions_and_or() {
        let q = parse(r#"silk "road forum" -covid a OR b "#);
        assert_eq!(
            q.required,
            vec![
                vec![w("silk")],
                vec![Item::Phrase(vec!["road".into(), "forum".into()])],
                vec![w("a"), w("b")]
            ]
        );
        assert_eq!(q.excluded, vec![w("covid")]);
        assert!(!q.last_is_prefix);
    }

    #[test]
    fn the_word_being_typed_is_a_prefix() {
        assert!(parse("гематол").last_is_prefix);
        assert!(!parse("гематол ").last_is_prefix);
        assert!(!parse("\"silk road\"").last_is_prefix);
    }

    #[test]
    fn hostile_input_degrades_to_words() {
        for input in ["\"unbalanced quote", "OR OR -", "title:forum", "-", "\"\"", "a\0b", "((()))", "*?~^"] {
            let q = parse(input);
            for word in q.words() {
                assert!(!word.is_empty() && word.chars().all(char::is_alphanumeric), "{input:?}: {word:?}");
            }
        }
        assert_eq!(parse("\"unbalanced quote").required, vec![vec![w("unbalanced")], vec![w("quote")]]);
        assert_eq!(parse("title:forum").required, vec![vec![w("title")], vec![w("forum")]]);
        assert!(parse("OR -").is_empty());
    }

    #[test]
    fn months_and_years_are_read_in_three_languages() {
        for (word, month) in
            [("July", 7), ("июля", 7), ("шілдеде", 7), ("қаңтардың", 1), ("мая", 5), ("Oct", 10)]
        {
            assert_eq!(month_of(word), Some(month), "{word}");
        }
        for word in ["market", "майонез", "мартин", "казахстан"] {
            assert_eq!(month_of(word), None, "{word}");
        }
        assert_eq!(year_of("2019"), Some(2019));
        assert_eq!(year_of("19"), None);
        let q = parse("конференция январь 2023");
        assert_eq!(query_dates(&q), [(2023, Some(1))]);
        assert_eq!(required_count(&q), 1);
    }

    #[test]
    fn typo_budget_grows_with_length() {
        assert_eq!(typo_budget("донор"), 1);
        assert_eq!(typo_budget("дом"), 0);
        assert_eq!(typo_budget("гематологии"), 2);
    }
}
