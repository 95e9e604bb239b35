//! Facts about every live document that a search needs in bulk, read once per index
//! generation from the fast fields: translation group, language, publication time, and the
//! display names of people.
//!
//! Rebuilt when the reader sees a new commit; shared by all searches of that generation.

use std::collections::HashMap;

use annals_index::Fields;
use tantivy::columnar::StrColumn;
use tantivy::{DocAddress, Searcher};

/// Per-generation lookup tables.
#[derive(Debug, Default)]
pub struct Catalog {
    /// Per segment, per doc: index into `groups` (`u32::MAX` for deleted docs).
    pub group_of: Vec<Vec<u32>>,
    /// Per segment, per doc: index into `langs`.
    pub lang_of: Vec<Vec<u8>>,
    /// Per segment, per doc: publication time, seconds since the epoch.
    pub published: Vec<Vec<i64>>,
    /// Per segment, per doc: relevance multiplier of the page's kind (news above pages).
    pub weight: Vec<Vec<f32>>,
    /// Language versions of each translation group.
    pub groups: Vec<Vec<(u8, DocAddress)>>,
    /// Language codes, by index.
    pub langs: Vec<String>,
    /// Person key → language → display name (the longest seen).
    pub person_names: HashMap<String, HashMap<String, String>>,
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
        let mut group_ids: HashMap<String, u32> = HashMap::new();
        let mut lang_ids: HashMap<String, u8> = HashMap::new();
        let mut buf = String::new();
        for (seg_ord, segment) in searcher.segment_readers().iter().enumerate() {
            let ff = segment.fast_fields();
            let max = segment.max_doc() as usize;
            let mut group_of = vec![u32::MAX; max];
            let mut lang_of = vec![0u8; max];
            let mut published = vec![0i64; max];
            let groups = ff.str(&group_f)?;
            let langs = ff.str(&lang_f)?;
            let dates = ff.date(&pub_f)?;
            let templates = ff.str(&template_f)?;
            let mut template_weight = vec![1.0f32; templates.as_ref().map_or(0, |c| c.num_terms())];
            if let Some(col) = templates.as_ref() {
                let mut stream = col.dictionary().stream()?;
                let mut ord = 0;
                while stream.advance() {
                    template_weight[ord] = template_boost(&String::from_utf8_lossy(stream.key()));
                    ord += 1;
                }
            }
            let mut weight = vec![1.0f32; max];
            // Map this segment's dictionary ordinals to global ids once.
            let mut n_groups = group_ids.len();
            let seg_groups = global_ids(groups.as_ref(), &mut group_ids, &mut n_groups, &mut buf)?;
            cat.groups.resize_with(n_groups, Vec::new);
            let mut n_langs = lang_ids.len();
            let seg_langs = global_ids(langs.as_ref(), &mut lang_ids, &mut n_langs, &mut buf)?;
            for doc in segment.doc_ids_alive() {
                let d = doc as usize;
                let lang = first_ord(langs.as_ref(), doc).map_or(0, |o| seg_langs[o as usize]);
                lang_of[d] = lang;
                published[d] = dates.first(doc).map_or(0, |t| t.into_timestamp_secs());
                weight[d] = first_ord(templates.as_ref(), doc)
                    .and_then(|o| template_weight.get(o as usize).copied())
                    .unwrap_or(1.0);
                if let Some(g) = first_ord(groups.as_ref(), doc) {
                    let g = seg_groups[g as usize];
                    group_of[d] = g;
                    cat.groups[g as usize].push((lang, DocAddress::new(seg_ord as u32, doc)));
                }
            }
            cat.group_of.push(group_of);
            cat.lang_of.push(lang_of);
            cat.published.push(published);
            cat.weight.push(weight);
            if let Some(labels) = ff.str(&label_f)? {
                let mut stream = labels.dictionary().stream()?;
                while stream.advance() {
                    let Ok(label) = std::str::from_utf8(stream.key()) else { continue };
                    let mut parts = label.splitn(3, '\u{1f}');
                    let (Some(key), Some(lang), Some(display)) = (parts.next(), parts.next(), parts.next())
                    else {
                        continue;
                    };
                    let by_lang = cat.person_names.entry(key.to_owned()).or_default();
                    let slot = by_lang.entry(lang.to_owned()).or_default();
                    if display.chars().count() > slot.chars().count() {
                        *slot = display.to_owned();
                    }
                }
            }
        }
        cat.langs = vec![String::new(); lang_ids.len()];
        for (lang, id) in lang_ids {
            cat.langs[id as usize] = lang;
        }
        Ok(cat)
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

    /// The version of a group in `lang`, if it has one.
    pub fn version(&self, group: u32, lang: &str) -> Option<DocAddress> {
        let id = self.langs.iter().position(|l| l == lang)? as u8;
        self.groups.get(group as usize)?.iter().find(|(l, _)| *l == id).map(|(_, a)| *a)
    }

    /// The display name of a person for a reader of `lang`: the name in that language,
    /// else the longest name in any language, else the key.
    pub fn person_label(&self, key: &str, lang: Option<&str>) -> String {
        let Some(names) = self.person_names.get(key) else { return key.to_owned() };
        if let Some(name) = lang.and_then(|l| names.get(l)) {
            return name.clone();
        }
        // Stable choice: prefer Latin-script names for readers of other languages, then length.
        names
            .values()
            .max_by_key(|n| (n.chars().count(), std::cmp::Reverse((*n).clone())))
            .cloned()
            .unwrap_or_else(|| key.to_owned())
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

/// For each term ordinal of a segment's column, its global id (assigning new ids).
fn global_ids<T: TryFrom<usize> + Copy + Default>(
    col: Option<&StrColumn>,
    ids: &mut HashMap<String, T>,
    next: &mut usize,
    buf: &mut String,
) -> tantivy::Result<Vec<T>> {
    let Some(col) = col else { return Ok(Vec::new()) };
    let mut out = Vec::with_capacity(col.num_terms());
    // Terms come in ordinal order from one sequential pass over the dictionary.
    let mut stream = col.dictionary().stream()?;
    while stream.advance() {
        buf.clear();
        buf.push_str(&String::from_utf8_lossy(stream.key()));
        let id = match ids.get(buf.as_str()) {
            Some(id) => *id,
            None => {
                let id = T::try_from(*next).unwrap_or_default();
                *next += 1;
                ids.insert(buf.clone(), id);
                id
            }
        };
        out.push(id);
    }
    Ok(out)
}
