//! Facts about every live document that a search needs in bulk, read once per index
//! generation from the fast fields: translation group, language, publication time, the
//! kind of page, the facet values (as catalog-wide ids) and the display names of people.
//!
//! Rebuilt when the reader sees a new commit; shared by all searches of that generation.
//! Everything is kept in flat arrays indexed by document or by id, and strings in arenas,
//! so a search touches no hash map and allocates no string until it renders the page it
//! returns. Ids across segments come from merging the segments' sorted column dictionaries
//! (`merged_ids`), so ids follow the byte order of their values and loading builds no
//! hash map of strings either.

use annals_index::Fields;
use tantivy::columnar::StrColumn;
use tantivy::{DocAddress, Searcher};

/// Facet dimensions counted from a fast-field column, by their API names, in the order of
/// [`Fields::facet_columns`] (a test keeps the names equal to the columns' field names).
pub const COLUMN_FACETS: [&str; 6] = ["person", "year", "month", "category", "tag", "event_year"];
/// Index of the person dimension in [`COLUMN_FACETS`].
pub const PERSON: usize = 0;

/// Strings stored back to back.
#[derive(Debug, Default)]
pub struct Strings {
    text: String,
    /// End of string `i` in `text` (it starts where `i - 1` ends).
    ends: Vec<u32>,
}

impl Strings {
    /// Appends a string; returns its index.
    fn push(&mut self, s: &str) -> u32 {
        self.text.push_str(s);
        self.ends.push(self.text.len() as u32);
        self.ends.len() as u32 - 1
    }

    /// String `i` (empty when out of range).
    pub fn get(&self, i: u32) -> &str {
        let i = i as usize;
        let Some(&end) = self.ends.get(i) else { return "" };
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        self.text.get(start as usize..end as usize).unwrap_or("")
    }

    /// Number of strings.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    fn heap_bytes(&self) -> usize {
        self.text.capacity() + self.ends.capacity() * 4
    }

    fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

/// The values of one facet dimension.
#[derive(Debug, Default)]
pub struct FacetColumn {
    /// The distinct values, in byte order: comparing ids compares values.
    pub values: Strings,
    /// Catalog-wide facet ids of this dimension are `base + id`.
    pub base: u32,
}

/// Per-generation lookup tables.
#[derive(Debug, Default)]
pub struct Catalog {
    /// Per segment, per doc: translation group (`u32::MAX` for deleted docs).
    group_of: Vec<Vec<u32>>,
    /// Per segment, per doc: index into `langs`.
    lang_of: Vec<Vec<u8>>,
    /// Per segment, per doc: publication time, seconds since the epoch.
    published: Vec<Vec<i64>>,
    /// Per segment, per doc: relevance multiplier of the page's kind (news above pages).
    weight: Vec<Vec<f32>>,
    /// Language versions of group `g`: `members[start[g]..start[g + 1]]`.
    group_start: Vec<u32>,
    members: Vec<(u8, DocAddress)>,
    /// Per group: a bit per language id it has a version in (ids ≥ 64 share the last bit).
    group_langs: Vec<u64>,
    /// Language codes, by id.
    pub langs: Vec<String>,
    /// Facet dimensions, in the order of [`COLUMN_FACETS`].
    pub facets: Vec<FacetColumn>,
    /// Per segment: every facet value of each doc, all dimensions in one run per doc (its
    /// people first), as catalog-wide ids ([`FacetColumn::base`] plus the value id).
    facet_runs: Vec<Runs>,
    /// Per segment, per doc: how many people its run starts with (255: that many or more).
    /// A large result set counts its people person by person and skips them without
    /// searching each run for where they end.
    persons_in_run: Vec<Vec<u8>>,
    /// Per person id and language id (`person * langs.len() + lang`): index of the display
    /// name in `names` (the longest seen in documents of that language), or `u32::MAX`.
    person_names: Vec<u32>,
    names: Strings,
    /// Per person id: the id it is an alias of, itself when none ([`crate::aliases`]).
    person_canon: Vec<u32>,
    /// `(canonical id, alias id)` for every alias, sorted.
    person_aliases: Vec<(u32, u32)>,
    /// Per segment: the live documents.
    alive: Vec<Vec<u32>>,
    /// The people directory, built on first use ([`crate::people`]).
    directory: std::sync::OnceLock<crate::people::Directory>,
    /// The documents naming each person, built on first use ([`crate::facets`]).
    person_docs: std::sync::OnceLock<crate::facets::PersonDocs>,
    /// Per segment: the URL column, for the other language versions of a hit (no stored
    /// document is read for them).
    url_cols: Vec<Option<StrColumn>>,
}

/// A run of ids per document of a segment, all in one array.
#[derive(Debug, Default)]
struct Runs {
    /// Where the run of each doc starts in `ids` (one more than docs).
    start: Vec<u32>,
    ids: Vec<u32>,
}

impl Runs {
    fn with_docs(docs: usize) -> Runs {
        let mut start = Vec::with_capacity(docs + 1);
        start.push(0);
        Runs { start, ids: Vec::new() }
    }

    /// Ends the run of the next document: the ids pushed since the last call.
    fn end_doc(&mut self) {
        self.start.push(self.ids.len() as u32);
    }

    fn get(&self, doc: usize) -> &[u32] {
        match (self.start.get(doc), self.start.get(doc + 1)) {
            (Some(&a), Some(&b)) => self.ids.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    fn heap_bytes(&self) -> usize {
        (self.start.capacity() + self.ids.capacity()) * 4 + size_of::<Runs>()
    }
}

impl Catalog {
    /// Reads the tables from a searcher.
    pub fn load(searcher: &Searcher, fields: &Fields) -> tantivy::Result<Catalog> {
        let schema = searcher.schema();
        let name = |f| schema.get_field_name(f).to_owned();
        let segments = searcher.segment_readers();
        let columns = |field: &str| -> tantivy::Result<Vec<Option<StrColumn>>> {
            segments.iter().map(|s| s.fast_fields().str(field)).collect()
        };
        let mut cat = Catalog { url_cols: columns(&name(fields.url))?, ..Catalog::default() };

        // Catalog-wide ids of groups, languages and facet values.
        let group_cols = columns(&name(fields.group))?;
        let (group_ids, n_groups) = merged_ids(&group_cols, |_| {})?;
        let lang_cols = columns(&name(fields.lang))?;
        let (lang_ids, _) = merged_ids(&lang_cols, |l| cat.langs.push(l.to_owned()))?;
        let mut facet_cols = Vec::new();
        let mut facet_ids = Vec::new();
        let mut base = 0u32;
        for column in fields.facet_columns() {
            let cols = columns(&name(column))?;
            let mut values = Strings::default();
            let (ids, n) = merged_ids(&cols, |v| {
                values.push(v);
            })?;
            values.shrink_to_fit();
            cat.facets.push(FacetColumn { values, base });
            // Stored as catalog-wide ids from here on.
            facet_ids
                .push(ids.into_iter().map(|seg| seg.into_iter().map(|id| base + id).collect()).collect());
            facet_cols.push(cols);
            base = base.saturating_add(n);
        }
        let facet_ids: Vec<Vec<Vec<u32>>> = facet_ids;

        // Per-document tables.
        let mut groups: Vec<Vec<(u8, DocAddress)>> = vec![Vec::new(); n_groups as usize];
        let mut alive: Vec<Vec<u32>> = Vec::with_capacity(segments.len());
        let pub_f = name(fields.published);
        let template_f = name(fields.template);
        for (seg_ord, segment) in segments.iter().enumerate() {
            let ff = segment.fast_fields();
            let max = segment.max_doc() as usize;
            let mut group_of = vec![u32::MAX; max];
            let mut lang_of = vec![0u8; max];
            let mut published = vec![0i64; max];
            let mut weight = vec![1.0f32; max];
            let dates = ff.date(&pub_f)?;
            let templates = ff.str(&template_f)?;
            let mut template_weight = Vec::new();
            each_term(templates.as_ref(), |t| template_weight.push(template_boost(t)))?;
            let (groups_col, langs_col) = (group_cols[seg_ord].as_ref(), lang_cols[seg_ord].as_ref());
            let mut alive_here = Vec::new();
            for doc in segment.doc_ids_alive() {
                alive_here.push(doc);
                let d = doc as usize;
                let lang = first_ord(langs_col, doc)
                    .and_then(|o| lang_ids[seg_ord].get(o as usize))
                    .map_or(0, |&l| u8::try_from(l).unwrap_or(u8::MAX));
                lang_of[d] = lang;
                published[d] = dates.first(doc).map_or(0, |t| t.into_timestamp_secs());
                weight[d] = first_ord(templates.as_ref(), doc)
                    .and_then(|o| template_weight.get(o as usize).copied())
                    .unwrap_or(1.0);
                if let Some(&g) = first_ord(groups_col, doc).and_then(|o| group_ids[seg_ord].get(o as usize))
                {
                    group_of[d] = g;
                    groups[g as usize].push((lang, DocAddress::new(seg_ord as u32, doc)));
                }
            }
            // One run per doc across the dimensions: counting reads one place per doc.
            let mut all = Runs::with_docs(max);
            for doc in 0..max as u32 {
                for (dim, cols) in facet_cols.iter().enumerate() {
                    let Some(col) = cols[seg_ord].as_ref() else { continue };
                    let map = &facet_ids[dim][seg_ord];
                    all.ids.extend(col.term_ords(doc).filter_map(|o| map.get(o as usize).copied()));
                }
                all.end_doc();
            }
            all.ids.shrink_to_fit();
            alive.push(alive_here);
            cat.facet_runs.push(all);
            cat.group_of.push(group_of);
            cat.lang_of.push(lang_of);
            cat.published.push(published);
            cat.weight.push(weight);
        }
        cat.group_start = Vec::with_capacity(groups.len() + 1);
        cat.group_langs = Vec::with_capacity(groups.len());
        cat.group_start.push(0);
        for versions in groups {
            cat.group_langs.push(versions.iter().fold(0, |bits, (l, _)| bits | 1u64 << (*l).min(63)));
            cat.members.extend(versions);
            cat.group_start.push(cat.members.len() as u32);
        }
        cat.join_person_aliases(&alive);
        cat.count_persons_in_runs();
        cat.alive = alive;
        cat.load_person_names(&columns(&name(fields.person_label))?)?;
        cat.merge_alias_names();
        Ok(cat)
    }

    /// Finds the keys that name one person ([`crate::aliases`]) and rewrites every
    /// document's person ids to the kept key's, so counts and filters see one person.
    fn join_person_aliases(&mut self, alive: &[Vec<u32>]) {
        let n = self.num_persons();
        let mut docs = Vec::new();
        let mut runs: Vec<Vec<u32>> = Vec::new();
        for (seg, alive) in alive.iter().enumerate() {
            for &doc in alive {
                let addr = DocAddress::new(seg as u32, doc);
                let group = self.group(addr);
                runs.push(self.person_ids(addr).to_vec());
                docs.push(group);
            }
        }
        let people: Vec<crate::aliases::DocPeople<'_>> = docs
            .iter()
            .zip(&runs)
            .map(|(&group, persons)| crate::aliases::DocPeople { group, persons })
            .collect();
        let values = &self.facets[PERSON].values;
        let canon = crate::aliases::canonical(n, |id| values.get(id), &people);
        self.person_aliases =
            canon.iter().enumerate().filter(|(i, c)| *i as u32 != **c).map(|(i, &c)| (c, i as u32)).collect();
        self.person_aliases.sort_unstable();
        if !self.person_aliases.is_empty() {
            let persons = n as u32;
            for runs in &mut self.facet_runs {
                let docs = runs.start.len().saturating_sub(1);
                let mut out = Runs::with_docs(docs);
                out.ids.reserve(runs.ids.len());
                for doc in 0..docs {
                    let run_start = out.ids.len();
                    for &id in runs.get(doc) {
                        let id = if id < persons { canon[id as usize] } else { id };
                        if !out.ids[run_start..].contains(&id) {
                            out.ids.push(id);
                        }
                    }
                    out.end_doc();
                }
                out.ids.shrink_to_fit();
                *runs = out;
            }
        }
        self.person_canon = canon;
    }

    /// Notes where the people of each run end (after aliases are joined: joining shortens runs).
    fn count_persons_in_runs(&mut self) {
        let persons = self.num_persons() as u32;
        self.persons_in_run = self
            .facet_runs
            .iter()
            .map(|runs| {
                (0..runs.start.len().saturating_sub(1))
                    .map(|doc| {
                        let run = runs.get(doc);
                        u8::try_from(run.partition_point(|&id| id < persons)).unwrap_or(u8::MAX)
                    })
                    .collect()
            })
            .collect();
    }

    /// A kept person takes the names of its aliases in the languages it has none in.
    fn merge_alias_names(&mut self) {
        let n_langs = self.langs.len().max(1);
        for &(keep, alias) in &self.person_aliases {
            for l in 0..n_langs {
                let (k, a) = (keep as usize * n_langs + l, alias as usize * n_langs + l);
                if self.person_names.get(k) == Some(&u32::MAX)
                    && let Some(&name) = self.person_names.get(a)
                {
                    self.person_names[k] = name;
                }
            }
        }
    }

    /// Every live document with its translation group (`u32::MAX`: none).
    pub fn documents(&self) -> impl Iterator<Item = (DocAddress, u32)> + '_ {
        self.alive.iter().enumerate().flat_map(move |(seg, docs)| {
            docs.iter().map(move |&d| {
                let addr = DocAddress::new(seg as u32, d);
                (addr, self.group(addr))
            })
        })
    }

    /// The people directory of this generation (built on the first call).
    pub fn directory(&self) -> &crate::people::Directory {
        self.directory.get_or_init(|| crate::people::Directory::build(self))
    }

    /// The documents naming each person, for counting people over large result sets (built
    /// on the first call).
    pub fn person_docs(&self) -> &crate::facets::PersonDocs {
        self.person_docs.get_or_init(|| crate::facets::PersonDocs::build(self))
    }

    /// Live documents (language versions) in all.
    pub fn num_docs(&self) -> usize {
        self.alive.iter().map(Vec::len).sum()
    }

    /// One more than the highest document number of each segment, in segment order.
    pub fn segment_sizes(&self) -> impl Iterator<Item = usize> + '_ {
        self.group_of.iter().map(Vec::len)
    }

    /// The name of person `id` in documents of `lang`, if any.
    pub fn person_name_in(&self, id: u32, lang: &str) -> Option<&str> {
        let n_langs = self.langs.len().max(1);
        let l = self.lang_id(lang)? as usize;
        let slot = *self.person_names.get(id as usize * n_langs + l)?;
        (slot != u32::MAX).then(|| self.names.get(slot))
    }

    /// The id of a person key, if the archive names it.
    pub fn person_id(&self, key: &str) -> Option<u32> {
        binary_search(&self.facets[PERSON].values, key).ok().map(|i| i as u32)
    }

    /// The id a person id stands under (itself unless it is an alias).
    pub fn canonical_person(&self, id: u32) -> u32 {
        self.person_canon.get(id as usize).copied().unwrap_or(id)
    }

    /// The key a person key stands under: the kept key of its person, or the key itself
    /// when the archive does not name it.
    pub fn canonical_key<'a>(&'a self, key: &'a str) -> &'a str {
        match self.person_id(key) {
            Some(id) => self.person_key(self.canonical_person(id)),
            None => key,
        }
    }

    /// The aliases of a (kept) person id.
    pub fn person_aliases(&self, id: u32) -> impl Iterator<Item = u32> + '_ {
        let from = self.person_aliases.partition_point(|(c, _)| *c < id);
        self.person_aliases[from..].iter().take_while(move |(c, _)| *c == id).map(|(_, a)| *a)
    }

    /// Reads the display names of people from the `key \x1f lang \x1f name` labels: per
    /// person and language, the longest name (the first in label order among equals).
    fn load_person_names(&mut self, labels: &[Option<StrColumn>]) -> tantivy::Result<()> {
        let n_langs = self.langs.len().max(1);
        let persons = &self.facets[PERSON].values;
        let mut best = vec![u32::MAX; persons.len() * n_langs];
        let mut found = Strings::default();
        for col in labels {
            each_term(col.as_ref(), |label| {
                let mut parts = label.splitn(3, '\u{1f}');
                let (Some(key), Some(lang), Some(display)) = (parts.next(), parts.next(), parts.next())
                else {
                    return;
                };
                let Ok(person) = binary_search(persons, key) else { return };
                let Some(lang) = self.langs.iter().position(|l| l == lang) else { return };
                let slot = &mut best[person * n_langs + lang];
                if *slot == u32::MAX || display.chars().count() > found.get(*slot).chars().count() {
                    *slot = found.push(display);
                }
            })?;
        }
        // Only the names kept, compacted.
        for slot in best.iter_mut().filter(|s| **s != u32::MAX) {
            *slot = self.names.push(found.get(*slot));
        }
        self.names.shrink_to_fit();
        self.person_names = best;
        Ok(())
    }

    /// Approximate heap bytes held (arrays and strings, not allocator overhead).
    pub fn heap_bytes(&self) -> usize {
        fn nested<T>(v: &[Vec<T>]) -> usize {
            v.iter().map(|x| x.capacity() * size_of::<T>() + size_of::<Vec<T>>()).sum()
        }
        nested(&self.group_of)
            + nested(&self.lang_of)
            + nested(&self.published)
            + nested(&self.weight)
            + self.group_start.capacity() * 4
            + self.members.capacity() * size_of::<(u8, DocAddress)>()
            + self.group_langs.capacity() * 8
            + self.facets.iter().map(|f| f.values.heap_bytes()).sum::<usize>()
            + self.facet_runs.iter().map(Runs::heap_bytes).sum::<usize>()
            + nested(&self.persons_in_run)
            + self.person_names.capacity() * 4
            + self.names.heap_bytes()
            + self.person_canon.capacity() * 4
            + self.person_aliases.capacity() * 8
            + nested(&self.alive)
    }

    /// Number of translation groups.
    pub fn num_groups(&self) -> usize {
        self.group_langs.len()
    }

    /// The id of a language code, if any document has it.
    pub fn lang_id(&self, lang: &str) -> Option<u8> {
        self.langs.iter().position(|l| l == lang).and_then(|i| u8::try_from(i).ok())
    }

    /// The language code of a document.
    pub fn lang(&self, addr: DocAddress) -> &str {
        let id = self.lang_of[addr.segment_ord as usize][addr.doc_id as usize];
        self.langs.get(id as usize).map_or("", String::as_str)
    }

    /// Publication time of a document, seconds since the epoch.
    pub fn published(&self, addr: DocAddress) -> i64 {
        self.published[addr.segment_ord as usize][addr.doc_id as usize]
    }

    /// Relevance multiplier of a document's kind of page.
    pub fn weight(&self, addr: DocAddress) -> f32 {
        self.weight[addr.segment_ord as usize][addr.doc_id as usize]
    }

    /// Translation group of a document.
    pub fn group(&self, addr: DocAddress) -> u32 {
        self.group_of[addr.segment_ord as usize][addr.doc_id as usize]
    }

    /// The language versions of a group: `(language id, document)`.
    pub fn versions(&self, group: u32) -> &[(u8, DocAddress)] {
        let g = group as usize;
        match (self.group_start.get(g), self.group_start.get(g + 1)) {
            (Some(&a), Some(&b)) => &self.members[a as usize..b as usize],
            _ => &[],
        }
    }

    /// The URL of a document, from its fast-field column (empty when it has none).
    pub fn url(&self, addr: DocAddress) -> String {
        let mut out = String::new();
        if let Some(Some(col)) = self.url_cols.get(addr.segment_ord as usize)
            && let Some(ord) = col.term_ords(addr.doc_id).next()
            && col.ord_to_str(ord, &mut out).is_err()
        {
            out.clear();
        }
        out
    }

    /// Language ids a group has a version in, as bits.
    pub fn group_langs(&self, group: u32) -> u64 {
        self.group_langs.get(group as usize).copied().unwrap_or(0)
    }

    /// The version of a group in language `lang_id`, if it has one.
    pub fn version(&self, group: u32, lang_id: u8) -> Option<DocAddress> {
        self.versions(group).iter().find(|(l, _)| *l == lang_id).map(|(_, a)| *a)
    }

    /// Every facet value of a document, its people first, as catalog-wide ids (see
    /// [`Catalog::facet_of`]).
    pub fn facet_ids(&self, addr: DocAddress) -> &[u32] {
        self.facet_runs.get(addr.segment_ord as usize).map_or(&[], |r| r.get(addr.doc_id as usize))
    }

    /// The people of a document, as person ids (which are also their catalog-wide facet ids:
    /// the person dimension comes first).
    pub fn person_ids(&self, addr: DocAddress) -> &[u32] {
        let run = self.facet_ids(addr);
        let persons = self.num_persons() as u32;
        &run[..run.partition_point(|&id| id < persons)]
    }

    /// Every facet value of a document but its people, as catalog-wide ids (see
    /// [`Catalog::facet_of`]).
    pub fn other_facet_ids(&self, addr: DocAddress) -> &[u32] {
        let run = self.facet_ids(addr);
        let skip =
            self.persons_in_run.get(addr.segment_ord as usize).and_then(|p| p.get(addr.doc_id as usize));
        match skip {
            Some(&u8::MAX) => &run[self.person_ids(addr).len()..],
            Some(&n) => run.get(n as usize..).unwrap_or(&[]),
            None => &[],
        }
    }

    /// Number of catalog-wide facet ids.
    pub fn num_facet_ids(&self) -> usize {
        self.facets.last().map_or(0, |f| f.base as usize + f.values.len())
    }

    /// The dimension (index into [`COLUMN_FACETS`]) and value id of a catalog-wide facet id.
    pub fn facet_of(&self, id: u32) -> (usize, u32) {
        let dim = self.facets.partition_point(|f| f.base <= id).saturating_sub(1);
        (dim, id - self.facets.get(dim).map_or(0, |f| f.base))
    }

    /// Number of distinct people.
    pub fn num_persons(&self) -> usize {
        self.facets[PERSON].values.len()
    }

    /// The key of person `id`.
    pub fn person_key(&self, id: u32) -> &str {
        self.facets[PERSON].values.get(id)
    }

    /// The display name of person `id` for a reader of `lang`: the name in that language,
    /// else the longest name in any language (the first language among equals), else the
    /// key.
    pub fn person_label(&self, id: u32, lang: Option<&str>) -> String {
        let n_langs = self.langs.len().max(1);
        let from = id as usize * n_langs;
        let names = self.person_names.get(from..from + n_langs).unwrap_or(&[]);
        if let Some(l) = lang.and_then(|l| self.lang_id(l))
            && let Some(&slot) = names.get(l as usize).filter(|s| **s != u32::MAX)
        {
            return self.names.get(slot).to_owned();
        }
        names
            .iter()
            .filter(|s| **s != u32::MAX)
            .map(|&s| self.names.get(s))
            .fold(None::<&str>, |best, n| match best {
                Some(b) if b.chars().count() >= n.chars().count() => Some(b),
                _ => Some(n),
            })
            .map_or_else(|| self.person_key(id).to_owned(), str::to_owned)
    }
}

/// Blog posts (Grav's `item` template and its usual siblings) are what an archive search is
/// for: they rank a little above section, contract and contact pages with the same words.
fn template_boost(template: &str) -> f32 {
    match template {
        "item" | "post" | "blog_item" | "blog-item" | "article" | "news" => 1.3,
        _ => 1.0,
    }
}

fn first_ord(col: Option<&StrColumn>, doc: u32) -> Option<u64> {
    col?.term_ords(doc).next()
}

/// Calls `f` with each term of a column's dictionary, in ordinal order (one sequential pass;
/// random look-ups would decode a block each).
fn each_term(col: Option<&StrColumn>, mut f: impl FnMut(&str)) -> tantivy::Result<()> {
    let Some(col) = col else { return Ok(()) };
    let mut stream = col.dictionary().stream()?;
    while stream.advance() {
        f(&String::from_utf8_lossy(stream.key()));
    }
    Ok(())
}

/// Merges the sorted dictionaries of one column across segments: for each segment, its
/// term ordinals mapped to catalog-wide ids, given in byte order of the terms; and the
/// number of distinct terms. `on_new` sees each distinct term once, in that order.
fn merged_ids(
    cols: &[Option<StrColumn>],
    mut on_new: impl FnMut(&str),
) -> tantivy::Result<(Vec<Vec<u32>>, u32)> {
    let mut out: Vec<Vec<u32>> =
        cols.iter().map(|c| Vec::with_capacity(c.as_ref().map_or(0, |c| c.num_terms()))).collect();
    let mut streams = Vec::new();
    for (seg, col) in cols.iter().enumerate() {
        if let Some(col) = col {
            let mut stream = col.dictionary().stream()?;
            if stream.advance() {
                streams.push((seg, stream));
            }
        }
    }
    let mut next = 0u32;
    let mut least: Vec<u8> = Vec::new();
    while let Some(min) = streams.iter().map(|(_, s)| s.key()).min() {
        least.clear();
        least.extend_from_slice(min);
        on_new(&String::from_utf8_lossy(&least));
        streams.retain_mut(|(seg, s)| {
            if s.key() != least.as_slice() {
                return true;
            }
            out[*seg].push(next);
            s.advance()
        });
        next += 1;
    }
    Ok((out, next))
}

/// Index of `key` among strings in byte order.
fn binary_search(sorted: &Strings, key: &str) -> Result<usize, usize> {
    let (mut lo, mut hi) = (0usize, sorted.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        match sorted.get(mid as u32).cmp(key) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return Ok(mid),
        }
    }
    Err(lo)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facet_dimensions_are_named_as_their_columns() {
        let (schema, fields) = annals_index::schema::build();
        let names: Vec<&str> = fields.facet_columns().iter().map(|f| schema.get_field_name(*f)).collect();
        assert_eq!(names, COLUMN_FACETS);
        for name in COLUMN_FACETS {
            assert!(crate::facets::NAMES.contains(&name), "{name}");
        }
    }
}
