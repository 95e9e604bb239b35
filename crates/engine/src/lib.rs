//! The query engine of annals: one [`Engine`] answers searches, posts, suggestions, facet
//! look-ups and timelines over an annals index, for the HTTP service (`annals-server`) and the
//! CLI alike.
//!
//! The engine is synchronous and knows nothing about HTTP or HTML: it returns plain data
//! ([`response`]), snippets included as text plus highlight ranges ([`Snippet`]). Queries
//! are read leniently: nothing a visitor types is an error.
//!
//! ```
//! use annals_engine::query::{Item, parse};
//!
//! let q = parse(r#"silk "road forum" -covid"#);
//! assert_eq!(q.required.len(), 2);
//! assert_eq!(q.excluded, [Item::Word("covid".into())]);
//! assert!(!parse("\"unbalanced OR").is_empty());
//! ```
//!
//! A search runs in four steps: build the Tantivy query from the lenient query language and
//! the filters ([`query`]); collect the whole matching set with scores; collapse it to one
//! document per post (the visitor's language version when `lang` is given, else the best
//! matching one) with the per-generation [`catalog::Catalog`]; then sort, count facets over
//! the collapsed set ([`facets`]), and render the page's hits with snippets ([`snippet`]).

#![warn(missing_docs)]

pub mod aliases;
pub mod answer;
pub mod catalog;
pub mod dates;
pub mod disjunctive;
pub mod expand;
pub mod facets;
pub mod people;
mod prefetch;
pub mod query;
pub mod request;
pub mod response;
pub mod snippet;

use std::collections::BTreeMap;
use std::ops::Bound;
use std::path::Path;
use std::sync::{Arc, RwLock};
use std::time::Instant;

use annals_index::{Fields, PersonRef};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{
    DocAddress, DocId, Index, IndexReader, ReloadPolicy, Score, Searcher, SegmentOrdinal, SegmentReader,
    TantivyDocument, Term,
};

use catalog::Catalog;
pub use request::{ParamError, PeopleRequest, SearchRequest, Sort};
pub use response::*;

/// Entries of a timeline answer at most.
const MAX_TIMELINE: usize = 1000;
/// Below this many matching documents, documents with most of the words are added.
const FILL_BELOW: usize = 30;
/// Decompressed document-store blocks cached per segment (Tantivy's default is 100): a page
/// of hits is scattered over the archive, so a large cache holds memory and rarely hits.
const DOC_STORE_CACHE_BLOCKS: usize = 16;
/// Values per facet in a search answer (years and months are all listed).
const FACET_LIMIT: usize = 30;

/// What the engine itself can fail at: the index, never the user's input.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// Opening the index failed.
    #[error(transparent)]
    Open(#[from] annals_index::Error),
    /// Reading the index failed.
    #[error("reading the index failed")]
    Index(#[from] tantivy::TantivyError),
    /// A bug: a lock poisoned by a panic, a search task that panicked.
    #[error("internal error: {0}")]
    Internal(String),
}

/// A search engine over one index; cheap to share (`Arc`), safe to use from many threads.
/// Sees new commits of the index by itself.
pub struct Engine {
    reader: IndexReader,
    fields: Fields,
    catalog: RwLock<Option<(u64, Arc<Catalog>)>>,
}

/// A consistent view: a searcher and the catalog of the same generation.
struct View {
    searcher: Searcher,
    catalog: Arc<Catalog>,
}

impl Engine {
    /// Opens the index at `path`.
    pub fn open(path: &Path) -> Result<Engine, EngineError> {
        let (index, fields) = annals_index::open(path)?;
        Engine::from_index(index, fields)
    }

    /// An engine over an opened index.
    pub fn from_index(index: Index, fields: Fields) -> Result<Engine, EngineError> {
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .doc_store_cache_num_blocks(DOC_STORE_CACHE_BLOCKS)
            .try_into()?;
        Ok(Engine { reader, fields, catalog: RwLock::new(None) })
    }

    /// Reloads the reader now (tests and `--watch` call it after a commit).
    pub fn reload(&self) -> Result<(), EngineError> {
        Ok(self.reader.reload()?)
    }

    /// Documents (language versions) in the index.
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    fn view(&self) -> Result<View, EngineError> {
        let searcher = self.reader.searcher();
        let generation = searcher.generation().generation_id();
        if let Some((g, cat)) = self.catalog.read().map_err(|_| poisoned())?.as_ref()
            && *g == generation
        {
            return Ok(View { searcher, catalog: cat.clone() });
        }
        let started = Instant::now();
        let cat = Arc::new(Catalog::load(&searcher, &self.fields)?);
        tracing::info!(
            generation,
            groups = cat.num_groups(),
            persons = cat.num_persons(),
            facet_values = cat.num_facet_ids(),
            mib = format_args!("{:.1}", cat.heap_bytes() as f64 / (1 << 20) as f64),
            ms = started.elapsed().as_millis() as u64,
            "catalog loaded"
        );
        *self.catalog.write().map_err(|_| poisoned())? = Some((generation, cat.clone()));
        Ok(View { searcher, catalog: cat })
    }

    /// Runs a search.
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResponse, EngineError> {
        let started = Instant::now();
        let view = self.view()?;
        // A "when" question is searched without its question words.
        let question = answer::question(&req.q);
        let parsed = query::parse(question.as_deref().unwrap_or(&req.q));
        let Matched { docs: matched, relaxed, complete, variants } = self.matching(&view, &parsed, req)?;
        let ranked = collapse(&view.catalog, &matched, req.lang.as_deref(), req.any_language);
        let mut facets = BTreeMap::new();
        if req.facets {
            facets = self.facets(
                &view,
                &ranked.reps,
                &ranked.lang_counts,
                req.lang.as_deref(),
                Some(FACET_LIMIT),
            )?;
            if req.disjunctive {
                disjunctive::recount(self, &view, req, &mut facets)?;
            }
        }
        let total = ranked.reps.len();
        let start = (req.page - 1).saturating_mul(req.per_page).min(total);
        let end = (start + req.per_page).min(total);
        let asks = question.is_some() && req.page == 1 && req.sort == Sort::Relevance;
        // An answer weighs the best three hits, whatever the page size.
        let keep = if asks { end.max(answer::WEIGHED.min(total)) } else { end };
        let reps = sort(&view.catalog, ranked.reps, req.sort, parsed.is_empty(), keep);
        let prefix = parsed.last_is_prefix.then(|| parsed.words().last().map(|w| (*w).to_owned())).flatten();
        let mut highlighter = snippet::Highlighter::new(&parsed.words(), prefix.as_deref());
        let builder = query::QueryBuilder::new(&self.fields, &view.searcher, &view.catalog.langs);
        highlighter.set_dates(builder.date_ranges(&parsed));
        for (field, term) in variants {
            if let Some(lf) = self.fields.langs.iter().find(|lf| lf.title == field || lf.body == field) {
                highlighter.add_variant(lf.lang, term);
            }
        }
        let mut hits = Vec::with_capacity(end - start);
        for &(addr, score) in &reps[start..end] {
            hits.push(self.hit(&view, addr, score, &highlighter)?);
        }
        let answer = if !asks {
            None
        } else if hits.len() >= keep {
            answer::when(&hits, complete)
        } else {
            let mut weighed = hits.clone();
            for &(addr, score) in &reps[hits.len()..keep] {
                weighed.push(self.hit(&view, addr, score, &highlighter)?);
            }
            answer::when(&weighed, complete)
        };
        Ok(SearchResponse {
            total,
            took_ms: (started.elapsed().as_secs_f64() * 1e5).round() / 100.0,
            hits,
            facets,
            page: req.page,
            per_page: req.per_page,
            relaxed,
            answer,
        })
    }

    /// Every document matching the query and filters, with scores; relaxes a query with
    /// several words when no post has them all. Also says whether it relaxed, and which
    /// typo and prefix variants of the words the query matched, by field.
    fn matching(
        &self,
        view: &View,
        parsed: &query::ParsedQuery,
        req: &SearchRequest,
    ) -> Result<Matched, EngineError> {
        let filters = self.filters(&view.catalog, req);
        let mut builder = query::QueryBuilder::new(&self.fields, &view.searcher, &view.catalog.langs);
        if req.titles_only {
            builder = builder.titles_only();
        }
        let n = builder.required_count(parsed);
        // Posts with a version matching an exclusion: a flag per translation group, and the
        // documents outside every group, sorted (looked up without hashing).
        let cat = &view.catalog;
        let mut excluded_groups = Vec::new();
        let mut excluded_docs = Vec::new();
        if let Some(q) = builder.excluded(parsed) {
            excluded_groups = vec![false; cat.num_groups()];
            for (a, _) in view.searcher.search(&*q, &AllScored { scoring: false })? {
                match excluded_groups.get_mut(cat.group(a) as usize) {
                    Some(flag) => *flag = true,
                    None => excluded_docs.push(a),
                }
            }
            excluded_docs.sort_unstable();
        }
        let is_excluded = |a: DocAddress| match excluded_groups.get(cat.group(a) as usize) {
            Some(flag) => *flag,
            None => excluded_docs.binary_search(&a).is_ok(),
        };
        let any_excluded = excluded_groups.contains(&true) || !excluded_docs.is_empty();
        let run = |min: Option<usize>| -> Result<Vec<(DocAddress, Score)>, EngineError> {
            let text = builder.build(parsed, min);
            let scoring = text.is_some();
            let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            clauses.push((Occur::Must, text.unwrap_or_else(|| Box::new(AllQuery))));
            clauses.extend(filters.iter().map(|f| (Occur::Must, f.box_clone())));
            let mut docs = view.searcher.search(&BooleanQuery::new(clauses), &AllScored { scoring })?;
            if any_excluded {
                docs.retain(|(a, _)| !is_excluded(*a));
            }
            for (addr, score) in &mut docs {
                *score *= view.catalog.weight(*addr);
            }
            Ok(docs)
        };
        let mut docs = run(None)?;
        let complete = !docs.is_empty();
        if n < 2 || docs.len() >= FILL_BELOW {
            return Ok(Matched { docs, relaxed: false, complete, variants: builder.variants_found() });
        }
        // Few posts have every word: posts with most of them follow, ranked below all of
        // those (a half-remembered item is rarely described in its own words).
        let min = if n <= 3 { 1 } else { n.div_ceil(2) };
        let partial = run(Some(min))?;
        let floor = docs.iter().map(|(_, s)| *s).fold(f32::INFINITY, f32::min);
        let top = partial.iter().map(|(_, s)| *s).fold(0.0f32, f32::max).max(f32::EPSILON);
        let before = docs.len();
        // Both lists are in address order (segments in order, documents in order within
        // one): the full matches are skipped by walking them alongside.
        let mut full = 0;
        for (addr, score) in partial {
            while full < before && docs[full].0 < addr {
                full += 1;
            }
            if full < before && docs[full].0 == addr {
                continue;
            }
            let score = if floor.is_finite() { score / top * floor * 0.5 } else { score };
            docs.push((addr, score));
        }
        let relaxed = docs.len() > before;
        Ok(Matched { docs, relaxed, complete, variants: builder.variants_found() })
    }

    fn filters(&self, cat: &Catalog, req: &SearchRequest) -> Vec<Box<dyn Query>> {
        let f = &self.fields;
        let mut out: Vec<Box<dyn Query>> = Vec::new();
        for p in &req.persons {
            out.push(self.person_filter(cat, p));
        }
        let any_of = |field, values: &[String]| -> Option<Box<dyn Query>> {
            if values.is_empty() {
                return None;
            }
            let subs = values.iter().map(|v| (Occur::Should, term(field, v))).collect();
            Some(Box::new(BooleanQuery::new(subs)))
        };
        out.extend(any_of(f.category, &req.categories));
        out.extend(any_of(f.tag, &req.tags));
        out.extend(any_of(f.month, &req.months));
        let years: Vec<String> = req.years.iter().map(|y| y.to_string()).collect();
        out.extend(any_of(f.year, &years));
        if req.from.is_some() || req.to.is_some() {
            out.push(date_range(f.published, req.from, req.to));
        }
        if req.event_from.is_some() || req.event_to.is_some() {
            out.push(date_range(f.event_day, req.event_from, req.event_to));
        }
        out
    }

    /// Documents naming a person under any of the keys joined into its key.
    fn person_filter(&self, cat: &Catalog, key: &str) -> Box<dyn Query> {
        let Some(id) = cat.person_id(key).map(|id| cat.canonical_person(id)) else {
            return term(self.fields.person, key);
        };
        let keys: Vec<Box<dyn Query>> = std::iter::once(id)
            .chain(cat.person_aliases(id))
            .map(|p| term(self.fields.person, cat.person_key(p)))
            .collect();
        if keys.len() == 1 {
            keys.into_iter().next().unwrap_or_else(|| term(self.fields.person, key))
        } else {
            Box::new(BooleanQuery::new(keys.into_iter().map(|q| (Occur::Should, q)).collect()))
        }
    }

    /// The people stored with a document, under their archive-wide keys (aliases joined,
    /// one entry per person, in order of first mention).
    fn people_of(&self, cat: &Catalog, doc: &TantivyDocument) -> Vec<PersonRef> {
        let stored: Vec<PersonRef> = serde_json::from_str(&text(doc, self.fields.people)).unwrap_or_default();
        let mut out: Vec<PersonRef> = Vec::with_capacity(stored.len());
        for mut p in stored {
            p.key = cat.canonical_key(&p.key).to_owned();
            match out.iter_mut().find(|o| o.key == p.key) {
                Some(o) => {
                    if o.role.is_none() {
                        o.role = p.role;
                    }
                }
                None => out.push(p),
            }
        }
        out
    }

    /// Facet counts over the collapsed result set: the `limit` most frequent values of each
    /// dimension (every value of the time dimensions), labelled for a reader of `reader_lang`.
    fn facets(
        &self,
        view: &View,
        reps: &[(DocAddress, Score)],
        lang_counts: &[u32],
        reader_lang: Option<&str>,
        limit: Option<usize>,
    ) -> Result<BTreeMap<String, Vec<FacetValue>>, EngineError> {
        let cat = &view.catalog;
        // `reps` are nearly in address order already (a post's versions lie side by side, and
        // posts come in the order their first matched version does), so the per-document
        // tables are read nearly front to back without sorting a copy.
        let mut out = BTreeMap::new();
        let mut counts = facets::count(cat, reps, limit);
        for (dim, name) in catalog::COLUMN_FACETS.iter().enumerate() {
            let entries = std::mem::take(&mut counts[dim]);
            let values = &cat.facets[dim].values;
            let value = |id: u32| values.get(id);
            let label = |id: u32| {
                if dim == catalog::PERSON { cat.person_label(id, reader_lang) } else { value(id).to_owned() }
            };
            let time = matches!(*name, "year" | "month" | "event_year");
            out.insert((*name).to_owned(), top_values(entries, &value, &label, time, limit));
        }
        let entries = (0..lang_counts.len() as u32).map(|l| (l, lang_counts[l as usize])).filter(|e| e.1 > 0);
        let lang = |id: u32| cat.langs.get(id as usize).map_or("", String::as_str);
        out.insert(
            "lang".to_owned(),
            top_values(entries.collect(), &lang, &|id| lang(id).to_owned(), false, limit),
        );
        Ok(out)
    }

    fn hit(
        &self,
        view: &View,
        addr: DocAddress,
        score: Score,
        highlighter: &snippet::Highlighter,
    ) -> Result<Hit, EngineError> {
        let f = &self.fields;
        let doc: TantivyDocument = view.searcher.doc(addr)?;
        let lang = text(&doc, f.lang);
        let body = text(&doc, f.body_text);
        let snippet_text = if body.trim().is_empty() { text(&doc, f.summary) } else { body };
        let people = self.people_of(&view.catalog, &doc);
        let event_dates: Vec<String> = serde_json::from_str(&text(&doc, f.event_dates)).unwrap_or_default();
        let published = text(&doc, f.published_text);
        Ok(Hit {
            id: text(&doc, f.id),
            url: text(&doc, f.url),
            path: text(&doc, f.path),
            title: text(&doc, f.title_text),
            snippet: highlighter.snippet(&snippet_text, &lang),
            matched_date: highlighter.matched_date(&event_dates, &published),
            published,
            event_dates,
            people: people.into_iter().map(|p| PersonName { key: p.key, name: p.name }).collect(),
            score,
            translations: self.translations(view, addr)?,
            lang,
        })
    }

    fn translations(&self, view: &View, addr: DocAddress) -> Result<Vec<Translation>, EngineError> {
        let g = view.catalog.group(addr);
        let mut out = Vec::new();
        let cat = &view.catalog;
        for &(lang, other) in cat.versions(g) {
            if other == addr {
                continue;
            }
            let lang = cat.langs.get(lang as usize).cloned().unwrap_or_default();
            out.push(Translation { lang, url: cat.url(other) });
        }
        out.sort_by(|a, b| a.lang.cmp(&b.lang));
        Ok(out)
    }

    /// One post by id, with everything extracted from it.
    pub fn post(&self, id: &str) -> Result<Option<PostView>, EngineError> {
        let view = self.view()?;
        let f = &self.fields;
        let found = view.searcher.search(&*term(f.id, id), &AllScored { scoring: false })?;
        let Some(&(addr, _)) = found.first() else { return Ok(None) };
        let doc: TantivyDocument = view.searcher.doc(addr)?;
        let people = self.people_of(&view.catalog, &doc);
        Ok(Some(PostView {
            id: text(&doc, f.id),
            url: text(&doc, f.url),
            path: text(&doc, f.path),
            title: text(&doc, f.title_text),
            lang: text(&doc, f.lang),
            published: text(&doc, f.published_text),
            summary: text(&doc, f.summary),
            body: text(&doc, f.body_text),
            people: people
                .into_iter()
                .map(|p| PersonRole { key: p.key, name: p.name, role: p.role })
                .collect(),
            event_dates: serde_json::from_str(&text(&doc, f.event_dates)).unwrap_or_default(),
            translations: self.translations(&view, addr)?,
            meta: serde_json::from_str(&text(&doc, f.meta)).unwrap_or_default(),
        }))
    }

    /// Titles and people completing what is typed.
    pub fn suggest(&self, q: &str, lang: Option<&str>, limit: usize) -> Result<Suggestions, EngineError> {
        let q = request::clip(q, request::MAX_QUERY_BYTES);
        let mut out = Vec::new();
        if !q.trim().is_empty() {
            let req = SearchRequest {
                q: q.trim_end().to_owned(),
                lang: lang.map(str::to_owned),
                per_page: limit.clamp(1, 20),
                facets: false,
                titles_only: true,
                ..SearchRequest::default()
            };
            for hit in self.search(&req)?.hits {
                out.push(Suggestion { kind: "title", text: hit.title, value: hit.url, id: Some(hit.id) });
            }
            let view = self.view()?;
            // People from the generation's directory: names folded to Latin once, not per
            // request; the most named first.
            let typed: Vec<String> = annals_index::analysis::Analyzer::Latin.terms(q);
            let cat = &view.catalog;
            for id in cat.directory().find(&typed).take(limit.clamp(1, 20)) {
                out.push(Suggestion {
                    kind: "person",
                    text: cat.person_label(id, lang),
                    value: cat.person_key(id).to_owned(),
                    id: None,
                });
            }
        }
        Ok(Suggestions { q: q.to_owned(), suggestions: out })
    }

    /// Values of one facet for a search, filtered by what is typed (`q` matches the start of
    /// any word of the label or value, across scripts).
    pub fn facet_search(
        &self,
        facet: &str,
        typed: &str,
        req: &SearchRequest,
    ) -> Result<FacetSearch, EngineError> {
        let view = self.view()?;
        let parsed = query::parse(&req.q);
        let matched = self.matching(&view, &parsed, req)?.docs;
        let ranked = collapse(&view.catalog, &matched, req.lang.as_deref(), req.any_language);
        let all = self.facets(&view, &ranked.reps, &ranked.lang_counts, req.lang.as_deref(), None)?;
        let typed: Vec<String> = annals_index::analysis::Analyzer::Latin.terms(typed);
        let mut values: Vec<FacetValue> = all
            .get(facet)
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .filter(|v| {
                let mut words = annals_index::analysis::Analyzer::Latin.terms(&v.label);
                words.extend(annals_index::analysis::Analyzer::Latin.terms(&v.value));
                typed.iter().all(|t| words.iter().any(|w| w.starts_with(t.as_str())))
            })
            .collect();
        // (two people may share a label: the value, unique, settles it)
        values.sort_by(|a, b| {
            b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)).then_with(|| a.value.cmp(&b.value))
        });
        values.truncate(50);
        Ok(FacetSearch { facet: facet.to_owned(), values })
    }

    /// Event dates told in the posts matching `req` that fall in `[event_from, event_to]`,
    /// oldest first, with their posts and people.
    pub fn timeline(&self, req: &SearchRequest) -> Result<Timeline, EngineError> {
        let view = self.view()?;
        let parsed = query::parse(&req.q);
        let matched = self.matching(&view, &parsed, req)?.docs;
        let ranked = collapse(&view.catalog, &matched, req.lang.as_deref(), req.any_language);
        let f = &self.fields;
        let from = req.event_from.unwrap_or(jiff::civil::date(1, 1, 1));
        let to = req.event_to.unwrap_or(jiff::civil::date(9999, 12, 31));
        let mut entries: BTreeMap<(jiff::civil::Date, String), TimelineEntry> = BTreeMap::new();
        for &(addr, _) in &ranked.reps {
            let doc: TantivyDocument = view.searcher.doc(addr)?;
            let dates: Vec<String> = serde_json::from_str(&text(&doc, f.event_dates)).unwrap_or_default();
            let people = self.people_of(&view.catalog, &doc);
            for value in dates {
                let Some((first, last)) = annals_lang::iso::value_range(&value) else { continue };
                // Coarser than the period asked for ("2019" when asking for July 2019) says
                // nothing about it.
                let coarser = first < from && last > to;
                if last < from || first > to || coarser {
                    continue;
                }
                let entry = entries.entry((first, value.clone())).or_insert_with(|| TimelineEntry {
                    date: value.clone(),
                    posts: Vec::new(),
                    people: Vec::new(),
                });
                entry.posts.push(PostRef {
                    id: text(&doc, f.id),
                    title: text(&doc, f.title_text),
                    url: text(&doc, f.url),
                    lang: text(&doc, f.lang),
                });
                for p in &people {
                    if !entry.people.iter().any(|e| e.key == p.key) {
                        entry.people.push(PersonName { key: p.key.clone(), name: p.name.clone() });
                    }
                }
            }
        }
        let total = entries.len();
        let events = entries.into_values().take(MAX_TIMELINE).collect();
        Ok(Timeline { events, total })
    }
}

fn poisoned() -> EngineError {
    EngineError::Internal("the catalog lock was poisoned by a panic".into())
}

fn term(field: tantivy::schema::Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(Term::from_field_text(field, value), IndexRecordOption::Basic))
}

pub(crate) fn date_range(
    field: tantivy::schema::Field,
    from: Option<jiff::civil::Date>,
    to: Option<jiff::civil::Date>,
) -> Box<dyn Query> {
    // Days are compared in UTC: event days are indexed at UTC midnight, and publication
    // times are widened by a day on each side less than a day's worth of offsets.
    let secs = |d: jiff::civil::Date, end: bool| {
        let day = if end { d.tomorrow().unwrap_or(d) } else { d };
        // Days past what a timestamp holds (9999-12-31) bound nothing.
        let extreme =
            if end { annals_index::document::LATEST_SECS } else { annals_index::document::EARLIEST_SECS };
        day.to_zoned_datetime(jiff::tz::TimeZone::UTC).map_or(extreme, |z| z.timestamp().as_second())
    };
    let bound = |d: Option<jiff::civil::Date>, end: bool| match d {
        None => Bound::Unbounded,
        Some(d) => {
            let t = Term::from_field_date_for_search(field, annals_index::tantivy_date(secs(d, end)));
            if end { Bound::Excluded(t) } else { Bound::Included(t) }
        }
    };
    Box::new(RangeQuery::new(bound(from, false), bound(to, true)))
}

fn text(doc: &TantivyDocument, field: tantivy::schema::Field) -> String {
    doc.get_first(field).and_then(|v| v.as_str()).unwrap_or_default().to_owned()
}

/// What a query matched.
struct Matched {
    /// Matching documents with scores, in address order (full matches, then the partial
    /// ones when relaxed).
    docs: Vec<(DocAddress, Score)>,
    /// Whether posts with most of the words were added.
    relaxed: bool,
    /// Whether some document has every word (so the best hit does).
    complete: bool,
    /// The typo and prefix variants of the words the query matched, by field.
    variants: Vec<(tantivy::schema::Field, String)>,
}

/// The result set after collapsing language versions.
struct Collapsed {
    /// One document per post, with its score.
    reps: Vec<(DocAddress, Score)>,
    /// By language id: posts of the matched set that have a version in it.
    lang_counts: Vec<u32>,
}

/// One document per translation group: the version in `lang` when given (groups without one
/// are dropped, or with `fallback` answer with their best-scoring matched version), else the
/// best-scoring matched version.
fn collapse(cat: &Catalog, matched: &[(DocAddress, Score)], lang: Option<&str>, fallback: bool) -> Collapsed {
    thread_local! {
        /// Group → 1 + its index in `best` (0: not seen), all zero between calls.
        static SLOT_OF: std::cell::RefCell<Vec<u32>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let best = SLOT_OF.with_borrow_mut(|slot_of| {
        if slot_of.len() < cat.num_groups() {
            slot_of.resize(cat.num_groups(), 0);
        }
        let best = best_per_group(cat, matched, slot_of);
        for (g, _, _) in &best {
            if let Some(slot) = slot_of.get_mut(*g as usize) {
                *slot = 0;
            }
        }
        best
    });
    let mut lang_counts = vec![0u32; cat.langs.len()];
    let lang_id = lang.map(|l| cat.lang_id(l));
    let mut reps = Vec::with_capacity(best.len());
    for (g, addr, score) in best {
        let mut bits = cat.group_langs(g);
        while bits != 0 {
            let l = bits.trailing_zeros() as usize;
            if let Some(c) = lang_counts.get_mut(l) {
                *c += 1;
            }
            bits &= bits - 1;
        }
        match lang_id {
            Some(Some(id)) => match cat.version(g, id) {
                Some(v) => reps.push((v, score)),
                None if fallback => reps.push((addr, score)),
                None => {}
            },
            Some(None) if fallback => reps.push((addr, score)),
            Some(None) => {}
            None => reps.push((addr, score)),
        }
    }
    Collapsed { reps, lang_counts }
}

/// The best-scoring matched document of each group: `(group, document, score)`.
fn best_per_group(
    cat: &Catalog,
    matched: &[(DocAddress, Score)],
    slot_of: &mut [u32],
) -> Vec<(u32, DocAddress, Score)> {
    let mut best: Vec<(u32, DocAddress, Score)> = Vec::with_capacity(matched.len().min(1 << 16));
    for &(addr, score) in matched {
        let g = cat.group(addr);
        let Some(slot) = slot_of.get_mut(g as usize) else {
            // A document outside every group stands for itself.
            best.push((g, addr, score));
            continue;
        };
        if *slot == 0 {
            best.push((g, addr, score));
            *slot = best.len() as u32;
        } else {
            let b = &mut best[*slot as usize - 1];
            if score > b.2 {
                (b.1, b.2) = (addr, score);
            }
        }
    }
    best
}

/// Puts the first `keep` of `reps` in order (the rest stay, unordered, behind them).
fn sort(
    cat: &Catalog,
    reps: Vec<(DocAddress, Score)>,
    sort: Sort,
    browsing: bool,
    keep: usize,
) -> Vec<(DocAddress, Score)> {
    let newest = |a: &(DocAddress, Score), b: &(DocAddress, Score)| {
        cat.published(b.0).cmp(&cat.published(a.0)).then_with(|| a.0.cmp(&b.0))
    };
    // Each order is total (ties end on the address), so selecting then sorting the head
    // gives the same head as sorting everything. (Each is its own instance of `head`: the
    // comparison is inlined, not called through a pointer, for every document matched.)
    match (sort, browsing) {
        (Sort::Newest, _) | (Sort::Relevance, true) => head(reps, keep, newest),
        (Sort::Oldest, _) => head(reps, keep, |a, b| newest(b, a)),
        (Sort::Relevance, false) => head(reps, keep, |a, b| b.1.total_cmp(&a.1).then_with(|| newest(a, b))),
    }
}

/// `reps` with its first `keep` in `order`.
fn head<T>(mut reps: Vec<T>, keep: usize, order: impl Fn(&T, &T) -> std::cmp::Ordering) -> Vec<T> {
    if keep < reps.len() {
        if keep > 0 {
            reps.select_nth_unstable_by(keep - 1, &order);
        }
        reps[..keep].sort_unstable_by(&order);
    } else {
        reps.sort_unstable_by(&order);
    }
    reps
}

/// The `limit` values with the highest counts (ties by value), ordered by count then label;
/// for time dimensions, every value, newest first.
fn top_values<'a>(
    mut entries: Vec<(u32, u32)>,
    value: &dyn Fn(u32) -> &'a str,
    label: &dyn Fn(u32) -> String,
    time: bool,
    limit: Option<usize>,
) -> Vec<FacetValue> {
    if !time && let Some(limit) = limit.filter(|l| *l < entries.len()) {
        // Only the values shown get a label (person names are looked up).
        // Ids follow the values' byte order: ties are broken by value without comparing strings.
        entries.select_nth_unstable_by(limit, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        entries.truncate(limit);
    }
    let mut values: Vec<FacetValue> = entries
        .into_iter()
        .map(|(id, count)| FacetValue {
            value: value(id).to_owned(),
            label: label(id),
            count: count as usize,
        })
        .collect();
    if time {
        values.sort_by(|a, b| b.value.cmp(&a.value));
    } else {
        // (two people may share a label: the value, unique, settles it)
        values.sort_by(|a, b| {
            b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)).then_with(|| a.value.cmp(&b.value))
        });
    }
    values
}

/// Collects every matching document with its score.
struct AllScored {
    scoring: bool,
}

struct AllScoredSegment {
    segment: SegmentOrdinal,
    docs: Vec<(DocAddress, Score)>,
}

impl Collector for AllScored {
    type Fruit = Vec<(DocAddress, Score)>;
    type Child = AllScoredSegment;

    fn for_segment(&self, segment: SegmentOrdinal, _: &SegmentReader) -> tantivy::Result<AllScoredSegment> {
        Ok(AllScoredSegment { segment, docs: Vec::new() })
    }

    fn requires_scoring(&self) -> bool {
        self.scoring
    }

    fn merge_fruits(&self, fruits: Vec<Vec<(DocAddress, Score)>>) -> tantivy::Result<Self::Fruit> {
        // Segments come in order and each in document order; the relaxation relies on
        // address order, so it is checked (a linear pass) rather than assumed.
        let mut docs = fruits.concat();
        if !docs.is_sorted_by_key(|d| d.0) {
            docs.sort_unstable_by_key(|d| d.0);
        }
        Ok(docs)
    }
}

impl SegmentCollector for AllScoredSegment {
    type Fruit = Vec<(DocAddress, Score)>;

    fn collect(&mut self, doc: DocId, score: Score) {
        self.docs.push((DocAddress::new(self.segment, doc), score));
    }

    fn harvest(self) -> Self::Fruit {
        self.docs
    }
}
