//! Facts about every live document that a search needs in bulk, read once per index
//! generation from the fast fields: translation group, language, publication time, the
//! kind of page, the facet values (as catalog-wide ids) and the display names of people.
//!
//! Rebuilt when the reader sees a new commit; shared by all searches of that generation.
//! Everything is kept in flat arrays indexed by document or by id, so a search touches no
//! hash map and allocates no string until it renders the page it returns.

use std::collections::HashMap;

use annals_index::Fields;
use tantivy::columnar::StrColumn;
use tantivy::{DocAddress, Searcher};

/// Facet dimensions counted from a fast-field column of the same name.
pub const COLUMN_FACETS: [&str; 6] = ["person", "year", "month", "category", "tag", "event_year"];
/// Index of the person dimension in [`COLUMN_FACETS`].
pub const PERSON: usize = 0;

/// The values of one facet dimension.
#[derive(Debug, Default)]
pub struct FacetColumn {
    /// The distinct values, in byte order: comparing ids compares values.
    pub values: Vec<Box<str>>,
    /// Catalog-wide facet ids of this dimension are `base + id`.
    pub base: u32,
}

/// One dimension while loading: per segment and doc, provisional value ids.
#[derive(Default)]
struct Loading {
    /// Per segment, per doc: where its ids start in `ids` (one more entry than docs).
    start: Vec<Vec<u32>>,
    /// Per segment: the value ids of its docs, one run per doc.
    ids: Vec<Vec<u32>>,
    values: Vec<Box<str>>,
}

impl Loading {
    fn of(&self, seg: usize, doc: usize) -> &[u32] {
        let (Some(start), Some(ids)) = (self.start.get(seg), self.ids.get(seg)) else { return &[] };
        match (start.get(doc), start.get(doc + 1)) {
            (Some(&a), Some(&b)) => &ids[a as usize..b as usize],
            _ => &[],
        }
    }

    /// Reads a segment's column: the docs' ordinals mapped through `global` (ordinal →
    /// provisional id).
    fn push_segment(&mut self, col: Option<&StrColumn>, global: &[u32], max_doc: u32) {
        let mut start = Vec::with_capacity(max_doc as usize + 1);
        let mut ids = Vec::new();
        start.push(0);
        for doc in 0..max_doc {
            if let Some(col) = col {
                ids.extend(col.term_ords(doc).filter_map(|o| global.get(o as usize).copied()));
            }
            start.push(ids.len() as u32);
        }
        self.start.push(start);
        self.ids.push(ids);
    }

    /// Puts the values in byte order; returns the old id of each new one.
    fn sort_values(&mut self) -> Vec<u32> {
        let mut order: Vec<u32> = (0..self.values.len() as u32).collect();
        order.sort_unstable_by(|a, b| self.values[*a as usize].cmp(&self.values[*b as usize]));
        let mut values: Vec<Option<Box<str>>> =
            std::mem::take(&mut self.values).into_iter().map(Some).collect();
        self.values = order.iter().map(|&old| values[old as usize].take().unwrap_or_default()).collect();
        order
    }
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
    /// Per segment, per doc: where its facet ids start in `facet_ids` (one more than docs).
    facet_start: Vec<Vec<u32>>,
    /// Per segment: every facet value of each doc, all dimensions in one run per doc, as
    /// catalog-wide ids ([`FacetColumn::base`] plus the value id).
    facet_ids: Vec<Vec<u32>>,
    /// Per person id (the person facet's ids): display names by language id, the longest
    /// seen in documents of that language.
    person_names: Vec<Vec<(u8, Box<str>)>>,
}

impl Catalog {
    /// Reads the tables from a searcher.
    pub fn load(searcher: &Searcher, fields: &Fields) -> tantivy::Result<Catalog> {
        let schema = searcher.schema();
        let name = |f| schema.get_field_name(f).to_owned();
        let (group_f, lang_f, pub_f, label_f, template_f) = (
            name(fields.group),
            name(fields.lang),
            name(fields.published),
            name(fields.person_label),
            name(fields.template),
        );
        let mut cat = Catalog::default();
        let mut group_ids: HashMap<Box<str>, u32> = HashMap::new();
        let mut lang_ids: HashMap<Box<str>, u8> = HashMap::new();
        let mut facet_ids: Vec<HashMap<Box<str>, u32>> = vec![HashMap::new(); COLUMN_FACETS.len()];
        let mut loading: Vec<Loading> = COLUMN_FACETS.iter().map(|_| Loading::default()).collect();
        let mut groups: Vec<Vec<(u8, DocAddress)>> = Vec::new();
        let mut person_names: Vec<Vec<(u8, Box<str>)>> = Vec::new();
        for (seg_ord, segment) in searcher.segment_readers().iter().enumerate() {
            let ff = segment.fast_fields();
            let max = segment.max_doc() as usize;
            let mut group_of = vec![u32::MAX; max];
            let mut lang_of = vec![0u8; max];
            let mut published = vec![0i64; max];
            let seg_groups_col = ff.str(&group_f)?;
            let langs = ff.str(&lang_f)?;
            let dates = ff.date(&pub_f)?;
            let templates = ff.str(&template_f)?;
            let mut template_weight = Vec::new();
            each_term(templates.as_ref(), |t| template_weight.push(template_boost(t)))?;
            let mut weight = vec![1.0f32; max];
            // Map this segment's dictionary ordinals to catalog-wide ids once.
            let seg_groups = global_ids(seg_groups_col.as_ref(), &mut group_ids, None)?;
            groups.resize_with(group_ids.len(), Vec::new);
            let seg_langs = global_ids(langs.as_ref(), &mut lang_ids, None)?;
            for (dim, column) in COLUMN_FACETS.iter().enumerate() {
                let col = ff.str(column)?;
                let table = &mut loading[dim];
                let ids = global_ids(col.as_ref(), &mut facet_ids[dim], Some(&mut table.values))?;
                table.push_segment(col.as_ref(), &ids, segment.max_doc());
            }
            for doc in segment.doc_ids_alive() {
                let d = doc as usize;
                let lang = first_ord(langs.as_ref(), doc).map_or(0, |o| seg_langs[o as usize]);
                lang_of[d] = lang;
                published[d] = dates.first(doc).map_or(0, |t| t.into_timestamp_secs());
                weight[d] = first_ord(templates.as_ref(), doc)
                    .and_then(|o| template_weight.get(o as usize).copied())
                    .unwrap_or(1.0);
                if let Some(g) = first_ord(seg_groups_col.as_ref(), doc) {
                    let g = seg_groups[g as usize];
                    group_of[d] = g;
                    groups[g as usize].push((lang, DocAddress::new(seg_ord as u32, doc)));
                }
            }
            cat.group_of.push(group_of);
            cat.lang_of.push(lang_of);
            cat.published.push(published);
            cat.weight.push(weight);
            // Labels are `key \x1f lang \x1f name`.
            let persons = &facet_ids[PERSON];
            person_names.resize_with(persons.len(), Vec::new);
            let labels = ff.str(&label_f)?;
            each_term(labels.as_ref(), |label| {
                let mut parts = label.splitn(3, '\u{1f}');
                let (Some(key), Some(lang), Some(display)) = (parts.next(), parts.next(), parts.next())
                else {
                    return;
                };
                let Some(&person) = persons.get(key) else { return };
                let next = lang_ids.len();
                let Some(lang) = u8::try_from(next).ok().map(|n| *lang_ids.entry(lang.into()).or_insert(n))
                else {
                    return;
                };
                let names = &mut person_names[person as usize];
                match names.iter_mut().find(|(l, _)| *l == lang) {
                    Some((_, name)) if display.chars().count() > name.chars().count() => {
                        *name = display.into()
                    }
                    Some(_) => {}
                    None => names.push((lang, display.into())),
                }
            })?;
        }
        // Ids in value order; person names follow their person's new id.
        let mut person_order = Vec::new();
        let mut new_ids = Vec::new();
        let mut base = 0u32;
        for (dim, table) in loading.iter_mut().enumerate() {
            let order = table.sort_values();
            let mut new_id = vec![0u32; order.len()];
            for (new, &old) in order.iter().enumerate() {
                new_id[old as usize] = base + new as u32;
            }
            new_ids.push(new_id);
            let values = std::mem::take(&mut table.values);
            let n = values.len() as u32;
            cat.facets.push(FacetColumn { values, base });
            base = base.saturating_add(n);
            if dim == PERSON {
                person_order = order;
            }
        }
        // One run per doc across the dimensions: counting reads one place per doc.
        for seg in 0..cat.group_of.len() {
            let max = cat.group_of[seg].len();
            let mut start = Vec::with_capacity(max + 1);
            let mut ids = Vec::new();
            start.push(0);
            for doc in 0..max {
                for (dim, table) in loading.iter().enumerate() {
                    ids.extend(table.of(seg, doc).iter().map(|&old| new_ids[dim][old as usize]));
                }
                start.push(ids.len() as u32);
            }
            ids.shrink_to_fit();
            cat.facet_start.push(start);
            cat.facet_ids.push(ids);
        }
        let mut person_names: Vec<Option<_>> = person_names.into_iter().map(Some).collect();
        cat.person_names = person_order
            .iter()
            .map(|&old| person_names.get_mut(old as usize).and_then(Option::take).unwrap_or_default())
            .collect();
        cat.langs = vec![String::new(); lang_ids.len()];
        for (lang, id) in lang_ids {
            cat.langs[id as usize] = lang.into();
        }
        cat.group_start = Vec::with_capacity(groups.len() + 1);
        cat.group_langs = Vec::with_capacity(groups.len());
        cat.group_start.push(0);
        for versions in groups {
            cat.group_langs.push(versions.iter().fold(0, |bits, (l, _)| bits | 1u64 << (*l).min(63)));
            cat.members.extend(versions);
            cat.group_start.push(cat.members.len() as u32);
        }
        Ok(cat)
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

    /// Language ids a group has a version in, as bits.
    pub fn group_langs(&self, group: u32) -> u64 {
        self.group_langs.get(group as usize).copied().unwrap_or(0)
    }

    /// The version of a group in language `lang_id`, if it has one.
    pub fn version(&self, group: u32, lang_id: u8) -> Option<DocAddress> {
        self.versions(group).iter().find(|(l, _)| *l == lang_id).map(|(_, a)| *a)
    }

    /// Number of distinct people.
    pub fn num_persons(&self) -> usize {
        self.person_names.len()
    }

    /// Every facet value of a document, as catalog-wide ids (see [`Catalog::facet_of`]).
    pub fn facet_ids(&self, addr: DocAddress) -> &[u32] {
        let (seg, doc) = (addr.segment_ord as usize, addr.doc_id as usize);
        let (Some(start), Some(ids)) = (self.facet_start.get(seg), self.facet_ids.get(seg)) else {
            return &[];
        };
        match (start.get(doc), start.get(doc + 1)) {
            (Some(&a), Some(&b)) => &ids[a as usize..b as usize],
            _ => &[],
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

    /// The key of person `id`.
    pub fn person_key(&self, id: u32) -> &str {
        self.facets[PERSON].values.get(id as usize).map_or("", |v| v)
    }

    /// The display name of person `id` for a reader of `lang`: the name in that language,
    /// else the longest name in any language, else the key.
    pub fn person_label(&self, id: u32, lang: Option<&str>) -> String {
        let names = self.person_names.get(id as usize).map_or(&[][..], Vec::as_slice);
        if let Some(l) = lang.and_then(|l| self.lang_id(l))
            && let Some((_, name)) = names.iter().find(|(n, _)| *n == l)
        {
            return name.to_string();
        }
        // A stable choice for readers of other languages: the longest, then the first in order.
        names
            .iter()
            .map(|(_, n)| n)
            .max_by(|a, b| a.chars().count().cmp(&b.chars().count()).then_with(|| b.cmp(a)))
            .map_or_else(|| self.person_key(id).to_owned(), |n| n.to_string())
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

/// For each term ordinal of a segment's column, its catalog-wide id; new terms get the next
/// id and are appended to `values` when given.
fn global_ids<T: TryFrom<usize> + Copy + Default>(
    col: Option<&StrColumn>,
    ids: &mut HashMap<Box<str>, T>,
    mut values: Option<&mut Vec<Box<str>>>,
) -> tantivy::Result<Vec<T>> {
    let mut out = Vec::with_capacity(col.map_or(0, |c| c.num_terms()));
    each_term(col, |term| {
        let id = match ids.get(term) {
            Some(id) => *id,
            None => {
                let id = T::try_from(ids.len()).unwrap_or_default();
                ids.insert(term.into(), id);
                if let Some(values) = values.as_mut() {
                    values.push(term.into());
                }
                id
            }
        };
        out.push(id);
    })?;
    Ok(out)
}
