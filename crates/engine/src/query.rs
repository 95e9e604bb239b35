//! The query language, read leniently, and the Tantivy query built from it.
//!
//! Words, `"phrases"`, `-exclusions` and `OR` between items. Anything else (unbalanced
//! quotes, stray operators, `field:value` syntax) degrades to plain words: parsing never
//! fails. Each word is searched as written (title without stemming), stemmed in every
//! language's fields, transliterated to Latin in the names field, and (when long enough)
//! with typos; the last word of a query typed without a trailing space also as a prefix.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use annals_index::analysis::Analyzer;
use annals_index::schema::{LangFields, Script};
use annals_index::{Fields, Lang};
use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, Occur, PhraseQuery, Query, TermQuery,
    TermSetQuery,
};
use tantivy::{Searcher, Term};

use super::dates;
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
/// Score added, when a query is relaxed, for each of its words a post has: more than any date
/// and text score, so posts with more of the words come first.
const W_WORD_MATCHED: f32 = 2000.0;
/// A word being typed this short (in letters) does not match on its own in a relaxed query.
const STUB_LETTERS: usize = 2;
/// Score added to a post telling of an event on a date the query names (`meetup october
/// 2024`): more than any text score, so such posts come first (then by their text score).
const W_EVENT_DATE: f32 = 1000.0;
/// Score added to a post published on a date the query names: after posts telling of an event
/// then, before the rest.
const W_PUBLISHED_DATE: f32 = 500.0;
/// Typo variants of a word used per field, the most frequent first.
const MAX_TYPO_VARIANTS: usize = 8;
/// Completions of a prefix used per field, the most frequent first.
const MAX_PREFIX_VARIANTS: usize = 16;
/// Weight of a compound the word ends (`Wassermühle` for `mühle`): the compound is a kind of
/// what the word names.
const W_COMPOUND_HEAD: f32 = 0.5;
/// Weight of a compound the word starts (`Holzbearbeitung` for `holz`).
const W_COMPOUND_MODIFIER: f32 = 0.3;
/// Constant score of a post holding a compound of the word that is not among the scored ones.
const W_COMPOUND_MATCH: f32 = 0.3;
/// Weight of a word no dictionary knows, matched as two known words (`Weidetagung`).
const W_COMPOUND_SPLIT: f32 = 0.5;
/// Of several compounds of one word in a post, the best counts, and this share of the others.
const COMPOUND_TIE_BREAKER: f32 = 0.1;
/// Compounds of a word scored per field and direction, the most frequent first.
const MAX_COMPOUND_VARIANTS: usize = 8;
/// Compounds of a word that make a post match, per field and direction.
const MAX_COMPOUND_MATCHED: usize = 256;
/// Linking letters between the parts of a German or Nordic compound (`Frühling-s-tagung`).
const LINKS: &[&str] = &["es", "en", "er", "s", "n", "e"];
/// Letters a word must have to be looked for inside compounds.
const MIN_COMPOUND_PART: usize = 4;
/// Weight of two consecutive words of the query standing close together in a post.
const W_PROXIMITY: f32 = 1.0;
/// Words between two consecutive words of the query that still count as close.
const PROXIMITY_SLOP: u32 = 3;
/// Content words of a query above which closeness is not looked at (each pair costs a phrase
/// query per language field).
const MAX_PROXIMITY_WORDS: usize = 6;
/// Letters a word other than the last must have to be completed when no dictionary knows it.
const MIN_CUT_WORD: usize = 5;
/// Letters a word typed past its stem may lose to meet a term (`configurat` → `configur`).
const MAX_STEM_CUT: usize = 3;
/// Letters such a term keeps at least.
const MIN_STEM_CUT: usize = 4;
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
    /// The query as typed (dates are read from it: `25.05.2024` is one date, not three
    /// words).
    pub text: String,
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
    let mut out = ParsedQuery { text: input.to_owned(), ..ParsedQuery::default() };
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

/// What a word of the query was found to be, once asked.
struct Seen {
    word: String,
    /// A stop word of one of the index's languages.
    stop: Option<bool>,
    /// The month it names.
    month: Option<Option<i8>>,
}

/// Builds Tantivy queries for parsed queries over the annals fields.
pub struct QueryBuilder<'a> {
    fields: &'a Fields,
    expander: Expander<'a>,
    titles_only: bool,
    /// The languages whose fields the index fills (from its documents' `lang` codes): only
    /// their fields are searched.
    langs: Vec<Lang>,
    /// The index's language codes (primary subtags, lowercase: `de`, `nb`, `pl`): their stop
    /// words and month names count.
    codes: Vec<String>,
    /// Words looked up so far: whether each is a stop word, and the month it names (a query
    /// asks about its words many times).
    words_seen: RefCell<Vec<Seen>>,
    /// The dates of the last query text read.
    dates_seen: RefCell<Option<(String, Rc<dates::Found>)>>,
    /// The years of the index, once read.
    years_seen: RefCell<Option<Vec<i16>>>,
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
    /// A builder over `fields`, expanding typos and prefixes in `searcher`'s dictionaries,
    /// for an index whose documents are in the languages `langs` (codes as stored: `kk`, `de`,
    /// `pt-BR`; empty: every language).
    pub fn new(fields: &'a Fields, searcher: &'a Searcher, langs: &[String]) -> Self {
        let mut codes: Vec<String> = langs
            .iter()
            .map(|c| c.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase())
            .filter(|c| !c.is_empty())
            .collect();
        codes.sort();
        codes.dedup();
        let mut langs: Vec<Lang> = codes.iter().map(|c| Lang::of(c)).collect();
        langs.sort();
        langs.dedup();
        if langs.is_empty() {
            langs = Lang::ALL.to_vec();
        }
        QueryBuilder {
            fields,
            expander: Expander::new(searcher),
            titles_only: false,
            langs,
            codes,
            words_seen: RefCell::new(Vec::new()),
            dates_seen: RefCell::new(None),
            years_seen: RefCell::new(None),
        }
    }

    /// Whether the index has documents in the language `code` (`no` stands for `nb` and `nn`).
    fn speaks(&self, code: &str) -> bool {
        self.codes.is_empty()
            || self.codes.iter().any(|c| c == code || (code == "no" && matches!(c.as_str(), "nb" | "nn")))
    }

    /// The analysed fields of the index's languages.
    fn lang_fields(&self) -> impl Iterator<Item = &'a LangFields> + '_ {
        self.fields.langs.iter().filter(|lf| self.langs.contains(&lf.lang))
    }

    /// The index's languages a word is worth looking for with typos and prefixes in: those of
    /// its script, and the catch-all fields of other languages.
    fn script_langs(&self, word: &str) -> Vec<Lang> {
        let script = Script::of(word);
        let fits = |l: &Lang| *l == Lang::Other || (script != Script::Any && l.script() == script);
        self.langs.iter().copied().filter(fits).collect()
    }

    /// What `word` is (stop word, month), each looked up once per query, when first asked.
    fn look_up<T: Copy>(
        &self,
        word: &str,
        get: fn(&Seen) -> Option<T>,
        set: impl FnOnce(&mut Seen) -> T,
    ) -> T {
        let mut seen = self.words_seen.borrow_mut();
        let k = match seen.iter().position(|s| s.word == word) {
            Some(k) => k,
            None => {
                seen.push(Seen { word: word.to_owned(), stop: None, month: None });
                seen.len() - 1
            }
        };
        match get(&seen[k]) {
            Some(v) => v,
            None => set(&mut seen[k]),
        }
    }

    /// A function word of one of the index's languages (`the`, `und`, `и`).
    fn is_stop_word(&self, word: &str) -> bool {
        self.look_up(
            word,
            |s| s.stop,
            |s| {
                let stop = annals_lang::stopwords::is_stop_word(&s.word, |l| self.speaks(l));
                s.stop = Some(stop);
                stop
            },
        )
    }

    /// The month a word names in one of the index's languages (`July`, `июля`, `шілдеде`,
    /// `März`).
    fn month_of(&self, word: &str) -> Option<i8> {
        self.look_up(
            word,
            |s| s.month,
            |s| {
                let month = annals_lang::months::month_named(&s.word, |l| self.speaks(l)).map(|m| m as i8);
                s.month = Some(month);
                month
            },
        )
    }

    /// The dates `q` names ([`crate::dates`]), in the index's languages.
    pub fn dates(&self, q: &ParsedQuery) -> Rc<dates::Found> {
        if let Some((text, found)) = self.dates_seen.borrow().as_ref()
            && *text == q.text
        {
            return found.clone();
        }
        let mut found = dates::find(&q.text, |w| self.month_of(w).map(|m| m as u8));
        // A month name alone as the word being typed is more likely the start of another word
        // (`bone mar` for `marrow`): it is taken as typed.
        if q.last_is_prefix
            && let (Some(last), Some(word)) = (found.dates.last(), q.words().last())
            && last.year.is_none()
            && last.days.is_none()
            && found.words.last().is_some_and(|w| *w == word.to_lowercase())
        {
            found.dates.pop();
            found.words.pop();
        }
        let found = Rc::new(found);
        *self.dates_seen.borrow_mut() = Some((q.text.clone(), found.clone()));
        found
    }

    /// The days the dates of `q` cover; a date without a year stands for every year the
    /// index has posts or events in.
    pub fn date_ranges(&self, q: &ParsedQuery) -> Vec<(jiff::civil::Date, jiff::civil::Date)> {
        self.ranges(&self.dates(q))
    }

    fn ranges(&self, found: &dates::Found) -> Vec<(jiff::civil::Date, jiff::civil::Date)> {
        let years = if found.needs_years() { self.index_years() } else { Vec::new() };
        found.dates.iter().flat_map(|d| d.ranges(&years)).collect()
    }

    /// The years of the index's publication and event dates (the values of its `year` and
    /// `event_year` facets), the latest first-most.
    fn index_years(&self) -> Vec<i16> {
        if let Some(years) = self.years_seen.borrow().as_ref() {
            return years.clone();
        }
        let mut years = Vec::new();
        for field in [self.fields.year, self.fields.event_year] {
            years.extend(self.expander.terms(field).iter().filter_map(|y| y.parse::<i16>().ok()));
        }
        let years = dates::recent_years(years);
        *self.years_seen.borrow_mut() = Some(years.clone());
        years
    }

    /// A group that is one stop word or one word of a date: it only adds to the score.
    fn is_stop_group(&self, group: &[Item], found: &dates::Found) -> bool {
        matches!(group, [Item::Word(w)] if found.holds(w) || self.is_stop_word(w))
    }

    /// A group that is one word of a date.
    fn is_date_group(&self, group: &[Item], found: &dates::Found) -> bool {
        matches!(group, [Item::Word(w)] if found.holds(w))
    }

    /// Required groups of `q` that are not stop words: what relaxation counts.
    pub fn required_count(&self, q: &ParsedQuery) -> usize {
        let found = self.dates(q);
        let all_stop = q.required.iter().all(|g| self.is_stop_group(g, &found));
        let last = q.required.len().saturating_sub(1);
        q.required
            .iter()
            .enumerate()
            .filter(|(i, g)| {
                all_stop
                    || (q.last_is_prefix && *i == last && !self.is_date_group(g, &found))
                    || !self.is_stop_group(g, &found)
            })
            .count()
    }

    /// Variants of `word` in `field` as term queries with `weight`.
    fn variants(
        &self,
        alts: &mut Vec<Box<dyn Query>>,
        field: Field,
        word: &str,
        variant: Variant,
        weight: f32,
    ) -> usize {
        let limit = match variant {
            Variant::Typo(_) => MAX_TYPO_VARIANTS,
            Variant::Prefix => MAX_PREFIX_VARIANTS,
            Variant::Starts | Variant::Ends => MAX_COMPOUND_VARIANTS,
        };
        let found = self.expander.expand(field, word, variant, limit);
        for t in &found {
            alts.push(boosted(term(field, t), weight));
        }
        found.len()
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
        // The group of a word being typed, when it is two letters or fewer so far.
        let mut stub = None;
        // Stop words ("what did we do in July") only add to the score, unless the query
        // has nothing else.
        let found = self.dates(q);
        let all_stop = q.required.iter().all(|g| self.is_stop_group(g, &found));
        // A query that is nothing but a date (and stop words) lists the posts of that time.
        let only_dates = all_stop && !found.dates.is_empty();
        for (gi, group) in q.required.iter().enumerate() {
            let prefix = q.last_is_prefix && gi == last;
            let alternatives: Vec<Box<dyn Query>> =
                group.iter().map(|item| self.item(item, prefix, true)).collect();
            // The word being typed stays required unless it is a date (`forum 2019`).
            let optional = only_dates
                || (self.is_stop_group(group, &found)
                    && !all_stop
                    && (!prefix || self.is_date_group(group, &found)));
            if optional {
                clauses.push((Occur::Should, one_of(alternatives)));
            } else {
                if prefix && matches!(group.as_slice(), [Item::Word(w)] if w.chars().count() <= STUB_LETTERS)
                {
                    stub = Some(groups.len());
                }
                groups.push(one_of(alternatives));
            }
        }
        let n = groups.len();
        match min_groups {
            // Relaxed, a word being typed that is two letters so far (`волонтеры де`) is no
            // match on its own: it reaches most of the archive (`день`, `детей`, ...). The
            // posts with the other words then fill the page; the stub only adds to the score.
            Some(m) if m < n && n > 1 && stub.is_some() => {
                let stub = groups.remove(stub.unwrap_or_default());
                clauses.push((Occur::Should, stub));
                let m = m.min(groups.len()).max(1);
                for g in &groups {
                    clauses
                        .push((Occur::Should, Box::new(ConstScoreQuery::new(g.box_clone(), W_WORD_MATCHED))));
                }
                let subs = groups.into_iter().map(|g| (Occur::Should, g)).collect();
                clauses.push((Occur::Must, Box::new(BooleanQuery::with_minimum_required_clauses(subs, m))));
            }
            Some(m) if m < n => {
                // Posts with more of the words come first (then by date, then by text score).
                for g in &groups {
                    clauses
                        .push((Occur::Should, Box::new(ConstScoreQuery::new(g.box_clone(), W_WORD_MATCHED))));
                }
                let subs = groups.into_iter().map(|g| (Occur::Should, g)).collect();
                clauses.push((
                    Occur::Must,
                    Box::new(BooleanQuery::with_minimum_required_clauses(subs, m.max(1))),
                ));
            }
            _ => clauses.extend(groups.into_iter().map(|g| (Occur::Must, g))),
        }
        clauses.extend(self.proximity(q, &found).into_iter().map(|p| (Occur::Should, p)));
        // Exclusions are left to `excluded`: they apply to whole posts, not to one language
        // version (and under `MustNot`, Tantivy 0.27 seeks a finished phrase scorer backwards,
        // a debug assertion: finding F4).
        // "conference January 2023": posts telling of events then come first, then posts
        // published then. Each date counts once (a date without a year has a range per year).
        let years = if found.needs_years() { self.index_years() } else { Vec::new() };
        let mut any_date: Vec<Box<dyn Query>> = Vec::new();
        for date in &found.dates {
            let ranges = date.ranges(&years);
            if ranges.is_empty() {
                continue;
            }
            for (field, weight) in
                [(self.fields.event_day, W_EVENT_DATE), (self.fields.published, W_PUBLISHED_DATE)]
            {
                let within: Vec<Box<dyn Query>> =
                    ranges.iter().map(|(a, b)| super::date_range(field, Some(*a), Some(*b))).collect();
                let within = one_of(within);
                if only_dates {
                    any_date.push(within.box_clone());
                }
                clauses.push((Occur::Should, Box::new(ConstScoreQuery::new(within, weight))));
            }
        }
        if only_dates && !any_date.is_empty() {
            clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(one_of(any_date), 0.0))));
        }
        Some(Box::new(BooleanQuery::new(clauses)))
    }

    /// Posts where consecutive words of the query stand close together (within
    /// `PROXIMITY_SLOP` words, in order) score more: `saubere Kühe sauberes Gras` is a heading
    /// of one post, its words scattered in another. For each pair of consecutive content words
    /// (stop words and dates skipped), a sloppy phrase in each language's title and body.
    fn proximity(&self, q: &ParsedQuery, found: &dates::Found) -> Vec<Box<dyn Query>> {
        let words: Vec<&str> = q
            .required
            .iter()
            .filter(|g| !self.is_stop_group(g, found))
            .filter_map(|g| match g.as_slice() {
                [Item::Word(w)] => Some(w.as_str()),
                _ => None,
            })
            .collect();
        if words.len() < 2 || words.len() > MAX_PROXIMITY_WORDS || self.titles_only {
            return Vec::new();
        }
        let mut out: Vec<Box<dyn Query>> = Vec::new();
        for lf in self.lang_fields() {
            let analyzer = lf.lang.analyzer();
            let stems: Vec<Option<String>> =
                words.iter().map(|w| analyzer.terms(w).into_iter().next()).collect();
            for pair in stems.windows(2) {
                let (Some(a), Some(b)) = (&pair[0], &pair[1]) else { continue };
                for field in [lf.title, lf.body] {
                    if self.expander.doc_freq(field, a) == 0 || self.expander.doc_freq(field, b) == 0 {
                        continue;
                    }
                    let mut phrase = PhraseQuery::new(vec![
                        Term::from_field_text(field, a),
                        Term::from_field_text(field, b),
                    ]);
                    phrase.set_slop(PROXIMITY_SLOP);
                    out.push(boosted(Box::new(phrase), W_PROXIMITY));
                }
            }
        }
        out
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
        for lf in self.lang_fields() {
            let terms = lf.lang.analyzer().terms(word);
            // One term per language and field (a word the analyser splits is rare: `i.e.`).
            for t in terms.into_iter().take(2) {
                if !seen.insert((lf.lang, t.clone())) {
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
            let stems: Vec<(Lang, Option<String>)> = self
                .script_langs(word)
                .into_iter()
                .map(|lang| (lang, lang.analyzer().terms(word).into_iter().next()))
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
            let mut typo_variants = 0;
            for (lang, stem) in &stems {
                let lf = f.lang(*lang);
                let Some(stem) = stem else { continue };
                // The budget follows the shorter of the word and its stem: a stem two letters
                // away from a short word is another word.
                let typos = typos.min(typo_budget(stem));
                if typos > 0 && !known {
                    for field in self.text_fields(lf) {
                        typo_variants += self.variants(&mut alts, field, stem, Variant::Typo(typos), W_FUZZY);
                    }
                }
            }
            // A word no dictionary knows, nor any word within its typos, may be one cut short
            // before the next was typed (`hemostas school`): it completes like the word being
            // typed.
            let completes = prefix || (!known && typo_variants == 0 && word.chars().count() >= MIN_CUT_WORD);
            for (lang, stem) in &stems {
                let lf = f.lang(*lang);
                let Some(stem) = stem else { continue };
                if completes && word.chars().count() >= 2 {
                    // The typed prefix itself and its stem: `конференци` must reach
                    // `конференц`, `forum` must reach `forums`.
                    let plain = Analyzer::Plain.terms(word).into_iter().next().unwrap_or_default();
                    let fields = self.text_fields(lf);
                    let mut completed = vec![0; fields.len()];
                    for p in BTreeSet::from([plain, stem.clone()]) {
                        if p.chars().count() < 2 {
                            continue;
                        }
                        for (k, field) in fields.iter().enumerate() {
                            completed[k] += self.variants(&mut alts, *field, &p, Variant::Prefix, W_PREFIX);
                        }
                    }
                    // A word typed past its stem (`configurat`, whose stem the analyser leaves
                    // whole, for `configuration`, indexed as `configur`), so that nothing
                    // completes it: the longest term the typed word starts with, a few letters
                    // shorter.
                    if stem.chars().count() > MIN_STEM_CUT {
                        for (k, &field) in fields.iter().enumerate() {
                            if completed[k] == 0
                                && self.expander.doc_freq(field, stem) == 0
                                && let Some(t) =
                                    self.expander.stem_within(field, stem, MAX_STEM_CUT, MIN_STEM_CUT)
                            {
                                alts.push(boosted(term(field, &t), W_PREFIX));
                            }
                        }
                    }
                }
            }
            self.compounds(word, prefix, &mut alts);
        }
        one_of(alts)
    }

    /// In languages that glue words together (German, Dutch, the Nordic languages), the
    /// compounds the word is part of: those it ends (`mühle` finds `Wassermühle`, `brücke`
    /// finds `Emsbrücke`) and, unless it is being typed (a prefix reaches those already), those
    /// it starts (`holz` finds `Holzbearbeitung`). The few most frequent are scored, the best
    /// of them counting (a post is not worth more for holding five compounds of one word); the
    /// rest only make the post match, with a small constant score. A word no dictionary knows
    /// is also tried as a compound of two words that are known (`Weidetagung`: `Weide` and
    /// `Tagung`, found inside `Frühlingstagung`). Function words, months and years are not
    /// looked for.
    fn compounds(&self, word: &str, prefix: bool, alts: &mut Vec<Box<dyn Query>>) {
        if self.is_stop_word(word)
            || self.month_of(word).is_some()
            || word.bytes().all(|b| b.is_ascii_digit())
        {
            return;
        }
        let mut scored: Vec<Box<dyn Query>> = Vec::new();
        let mut matched: Vec<Term> = Vec::new();
        for lf in self.lang_fields().filter(|lf| lf.lang.compounds()) {
            let Some(stem) = lf.lang.analyzer().terms(word).into_iter().next() else { continue };
            if stem.chars().count() < MIN_COMPOUND_PART {
                continue;
            }
            let directions: &[Variant] =
                if prefix { &[Variant::Ends] } else { &[Variant::Ends, Variant::Starts] };
            self.compound_terms(lf, &stem, directions, &mut scored, &mut matched);
            if !self.known(lf, &stem)
                && let Some(split) = self.split_compound(lf, word)
            {
                alts.push(boosted(split, W_COMPOUND_SPLIT));
            }
        }
        self.push_compound_terms(scored, matched, alts);
    }

    /// The compounds of `stem` in one language's fields, in the `directions` given: the most
    /// frequent of each into `scored`, every one into `matched`.
    fn compound_terms(
        &self,
        lf: &LangFields,
        stem: &str,
        directions: &[Variant],
        scored: &mut Vec<Box<dyn Query>>,
        matched: &mut Vec<Term>,
    ) {
        for field in self.text_fields(lf) {
            for &variant in directions {
                let weight = if variant == Variant::Ends { W_COMPOUND_HEAD } else { W_COMPOUND_MODIFIER };
                let terms = self.expander.expand(field, stem, variant, MAX_COMPOUND_MATCHED);
                for (k, t) in terms.iter().enumerate() {
                    if k < MAX_COMPOUND_VARIANTS {
                        scored.push(boosted(term(field, t), weight));
                    }
                    matched.push(Term::from_field_text(field, t));
                }
            }
        }
    }

    /// The compound clauses: the best scored one counts, and every compound makes a post match.
    fn push_compound_terms(
        &self,
        scored: Vec<Box<dyn Query>>,
        matched: Vec<Term>,
        alts: &mut Vec<Box<dyn Query>>,
    ) {
        let unscored = matched.len() > scored.len();
        if !scored.is_empty() {
            alts.push(Box::new(DisjunctionMaxQuery::with_tie_breaker(scored, COMPOUND_TIE_BREAKER)));
        }
        if unscored {
            alts.push(Box::new(ConstScoreQuery::new(Box::new(TermSetQuery::new(matched)), W_COMPOUND_MATCH)));
        }
    }

    /// Whether `stem` is a term of the language's title or body.
    fn known(&self, lf: &LangFields, stem: &str) -> bool {
        self.expander.doc_freq(lf.body, stem) + self.expander.doc_freq(lf.title, stem) > 0
    }

    /// A word no dictionary of the language knows, as two words that are known: the first a
    /// term (maybe with a linking `s`, `es`, `n`, `en`, `er` or `e`: `Frühlings-tagung`), the
    /// second a term or the end of one. Both parts must match, each also inside compounds. The
    /// split keeping both parts longest wins.
    fn split_compound(&self, lf: &LangFields, word: &str) -> Option<Box<dyn Query>> {
        let analyzer = lf.lang.analyzer();
        let stem_of = |w: &str| analyzer.terms(w).into_iter().next();
        let cuts: Vec<usize> = word.char_indices().map(|(i, _)| i).collect();
        let mut best: Option<(usize, String, String)> = None;
        let last = cuts.len().saturating_sub(MIN_COMPOUND_PART - 1);
        for &cut in cuts.iter().take(last).skip(MIN_COMPOUND_PART) {
            let (left, right) = word.split_at(cut);
            let Some(right) = stem_of(right).filter(|r| r.chars().count() >= MIN_COMPOUND_PART) else {
                continue;
            };
            let tail_known = self.known(lf, &right)
                || self
                    .text_fields(lf)
                    .into_iter()
                    .any(|f| !self.expander.expand(f, &right, Variant::Ends, 1).is_empty());
            if !tail_known {
                continue;
            }
            let heads = LINKS.iter().filter_map(|link| left.strip_suffix(link)).chain([left]);
            for head in heads {
                let Some(head) = stem_of(head).filter(|h| h.chars().count() >= MIN_COMPOUND_PART - 1) else {
                    continue;
                };
                if !self.known(lf, &head) {
                    continue;
                }
                let shorter = head.chars().count().min(right.chars().count());
                if best.as_ref().is_none_or(|(b, _, _)| shorter > *b) {
                    best = Some((shorter, head, right.clone()));
                }
                break;
            }
        }
        let (_, head, tail) = best?;
        let part = |stem: &str, variant: Variant| -> Box<dyn Query> {
            let mut alts: Vec<Box<dyn Query>> = Vec::new();
            for field in self.text_fields(lf) {
                alts.push(term(field, stem));
            }
            let (mut scored, mut matched) = (Vec::new(), Vec::new());
            self.compound_terms(lf, stem, &[variant], &mut scored, &mut matched);
            self.push_compound_terms(scored, matched, &mut alts);
            one_of(alts)
        };
        Some(Box::new(BooleanQuery::new(vec![
            (Occur::Must, part(&head, Variant::Starts)),
            (Occur::Must, part(&tail, Variant::Ends)),
        ])))
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
        for lf in self.lang_fields() {
            add(lf.title, lf.lang.analyzer(), W_TITLE);
            add(lf.body, lf.lang.analyzer(), W_BODY);
        }
        one_of(alts)
    }
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

    /// A builder over an empty index with documents in `langs`.
    fn with_builder(langs: &[&str], test: impl FnOnce(&QueryBuilder<'_>)) {
        let (schema, fields) = annals_index::schema::build();
        let index = tantivy::Index::create_in_ram(schema);
        annals_index::analysis::register(&index);
        let searcher = index.reader().expect("reader").searcher();
        let langs: Vec<String> = langs.iter().map(|l| (*l).to_owned()).collect();
        test(&QueryBuilder::new(&fields, &searcher, &langs));
    }

    #[test]
    fn months_and_years_are_read_in_the_index_languages() {
        with_builder(&["kk", "ru", "en"], |b| {
            for (word, month) in
                [("July", 7), ("июля", 7), ("шілдеде", 7), ("қаңтардың", 1), ("мая", 5), ("Oct", 10)]
            {
                assert_eq!(b.month_of(word), Some(month), "{word}");
            }
            for word in ["market", "майонез", "мартин", "казахстан", "März"] {
                assert_eq!(b.month_of(word), None, "{word}");
            }
            let q = parse("конференция январь 2023");
            let first = jiff::civil::date(2023, 1, 1);
            assert_eq!(b.date_ranges(&q), [(first, first.last_of_month())]);
            assert_eq!(b.required_count(&q), 1);
            // The numbers of a date are not words the posts must have.
            assert_eq!(b.required_count(&parse("training 25.05.2024")), 1);
            // A month name being typed is taken as the start of a word; finished, as a month.
            assert!(b.dates(&parse("bone mar")).dates.is_empty());
            assert_eq!(b.dates(&parse("bone mar ")).dates.len(), 1);
            assert_eq!(b.dates(&parse("forum may 2019")).dates.len(), 1);
        });
        with_builder(&["de", "fr"], |b| {
            assert_eq!(b.month_of("März"), Some(3));
            assert_eq!(b.month_of("juin"), Some(6));
            assert_eq!(b.month_of("July"), None);
            // `der` and `den` are German stop words; `wurde` a question's auxiliary.
            let q = parse("wann wurde der verein gegründet");
            assert_eq!(b.required_count(&q), 2);
        });
    }

    /// Titles of the documents `query` matches in an index of `docs` (`(lang, title, body)`),
    /// best first.
    fn matches(docs: &[(&str, &str, &str)], query: &str) -> Vec<String> {
        let dated: Vec<(&str, &str, &str, &str, &str)> =
            docs.iter().map(|(l, t, b)| (*l, *t, *b, "", "")).collect();
        matches_dated(&dated, query)
    }

    /// [`matches`] of documents `(lang, title, body, published day, event day)` (days may be
    /// empty).
    fn matches_dated(docs: &[(&str, &str, &str, &str, &str)], query: &str) -> Vec<String> {
        matches_relaxed(docs, query, None)
    }

    /// [`matches_dated`], the query relaxed to `min` of its words when given.
    fn matches_relaxed(
        docs: &[(&str, &str, &str, &str, &str)],
        query: &str,
        min: Option<usize>,
    ) -> Vec<String> {
        use tantivy::collector::TopDocs;
        use tantivy::schema::Value;
        let (schema, fields) = annals_index::schema::build();
        let index = tantivy::Index::create_in_ram(schema);
        annals_index::analysis::register(&index);
        let mut writer: tantivy::IndexWriter = index.writer(15_000_000).expect("writer");
        let day = |d: &str| -> Option<tantivy::DateTime> {
            let d: jiff::civil::Date = d.parse().ok()?;
            let secs = d.to_zoned_datetime(jiff::tz::TimeZone::UTC).ok()?.timestamp().as_second();
            Some(tantivy::DateTime::from_timestamp_secs(secs))
        };
        for (lang, title, body, published, event) in docs {
            let mut d = tantivy::TantivyDocument::new();
            d.add_text(fields.lang, lang);
            d.add_text(fields.title_text, title);
            d.add_text(fields.title_exact, title);
            let lf = fields.lang(Lang::of(lang));
            d.add_text(lf.title, title);
            d.add_text(lf.body, body);
            if let Some(p) = day(published) {
                d.add_date(fields.published, p);
                d.add_text(fields.year, &published[..4]);
            }
            if let Some(e) = day(event) {
                d.add_date(fields.event_day, e);
                d.add_text(fields.event_year, &event[..4]);
            }
            writer.add_document(d).expect("add");
        }
        writer.commit().expect("commit");
        let searcher = index.reader().expect("reader").searcher();
        let mut langs: Vec<String> = docs.iter().map(|d| d.0.to_owned()).collect();
        langs.dedup();
        let builder = QueryBuilder::new(&fields, &searcher, &langs);
        let Some(q) = builder.build(&parse(query), min) else { return Vec::new() };
        let top = searcher.search(&*q, &TopDocs::with_limit(10).order_by_score()).expect("search");
        top.into_iter()
            .map(|(_, a)| {
                let d: tantivy::TantivyDocument = searcher.doc(a).expect("doc");
                d.get_first(fields.title_text).and_then(|v| v.as_str()).unwrap_or("").to_owned()
            })
            .collect()
    }

    #[test]
    fn a_relaxed_query_puts_posts_with_more_words_first() {
        let long = format!(
            "Children drew postcards for the day. {}",
            "The hall was full of people and music. ".repeat(20)
        );
        let docs = [
            ("en", "Drawings", long.as_str(), "", ""),
            ("en", "Medical", "Medical medical medical.", "", ""),
        ];
        // `medical` is the title and body of a short post, `children` and `postcards` are in
        // the long body of the other: by text score alone the first would win.
        assert_eq!(matches_relaxed(&docs, "children postcards medical ", Some(1)), ["Drawings", "Medical"]);
    }

    #[test]
    fn a_date_lifts_posts_of_that_time_and_hides_none() {
        let docs = [
            ("de", "Sommerfest 2007", "Unser Sommerfest im Park.", "2007-07-01", ""),
            ("de", "Sommerfest im Dorf", "Das Sommerfest am Teich.", "2016-08-01", ""),
            ("de", "Radtour", "Eine Radtour zum Sommerfest.", "2017-01-10", "2016-06-11"),
            ("de", "Vorstandswahl", "Der Vorstand wurde gewählt.", "2016-07-01", ""),
        ];
        // Every post with the word, the ones of 2016 first: an event then before a post
        // published then; the post of 2016 without the word is not added.
        assert_eq!(
            matches_dated(&docs, "sommerfest 2016 "),
            ["Radtour", "Sommerfest im Dorf", "Sommerfest 2007"]
        );
        // The numbers of the date are not required words.
        assert_eq!(matches_dated(&docs, "sommerfest 01.08.2016 ")[0], "Sommerfest im Dorf");
        assert_eq!(matches_dated(&docs, "Radtour juni 2016 "), ["Radtour"]);
        // A date alone lists the posts of that time; a yearless one, in every year.
        let mut only = matches_dated(&docs, "juli 2016 ");
        only.sort();
        assert_eq!(only, ["Vorstandswahl"]);
        assert_eq!(matches_dated(&docs, "1. Juli ").len(), 2);
    }

    #[test]
    fn a_word_finds_the_compounds_it_is_part_of() {
        let docs = [
            ("de", "Die alte Wassermühle", "Das Rad der Wassermühle dreht sich wieder."),
            ("de", "Neue Emsbrücke", "Die Emsbrücke wurde eröffnet."),
            ("de", "Holzbearbeitung", "Löffel und Schalen aus Holzresten."),
            ("de", "Ein Tag am Meer", "Wir fuhren mit dem Rad ans Meer."),
        ];
        assert_eq!(matches(&docs, "mühle "), ["Die alte Wassermühle"]);
        assert_eq!(matches(&docs, "muhle "), ["Die alte Wassermühle"]);
        assert_eq!(matches(&docs, "brücke "), ["Neue Emsbrücke"]);
        assert_eq!(matches(&docs, "holz "), ["Holzbearbeitung"]);
        // Not inside words of other languages' fields, nor for short or function words.
        assert!(matches(&docs, "der ").iter().all(|t| t != "Ein Tag am Meer"));
    }

    #[test]
    fn diacritics_and_prefixes_past_the_stem_match() {
        let docs = [
            ("ro", "Motorul pornește", "Motorul pornește greu iarna."),
            ("de", "Wanderung im Hümmling", "Der Hümmling ist ein Höhenzug im Emsland."),
            ("en", "Server setup", "The configuration of the server changed."),
        ];
        assert_eq!(matches(&docs, "porneste "), ["Motorul pornește"]);
        assert_eq!(matches(&docs, "hummling "), ["Wanderung im Hümmling"]);
        // The last word is being typed: `configurat` is past `configur`, the stem of
        // `configuration`.
        assert_eq!(matches(&docs, "configurat"), ["Server setup"]);
        assert_eq!(matches(&docs, "server configurat"), ["Server setup"]);
    }

    #[test]
    fn only_the_index_languages_are_searched() {
        with_builder(&["de", "nb", "pt-BR"], |b| {
            assert_eq!(
                b.langs,
                [Lang::De, Lang::Pt, Lang::No]
                    .iter()
                    .copied()
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect::<Vec<_>>()
            );
            assert!(b.speaks("no") && b.speaks("pt") && !b.speaks("en"));
            assert_eq!(b.script_langs("Mühle"), b.langs);
            assert!(b.script_langs("мельница").is_empty());
        });
    }

    #[test]
    fn typo_budget_grows_with_length() {
        assert_eq!(typo_budget("донор"), 1);
        assert_eq!(typo_budget("дом"), 0);
        assert_eq!(typo_budget("гематологии"), 2);
    }
}
