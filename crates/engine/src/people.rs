//! People as first-class entries of the archive: a page per person ([`Engine::person`]) and
//! a directory to find them by name in any script ([`Engine::people`]).
//!
//! A person is a key of the `person` facet, with the keys joined into it
//! ([`crate::aliases`]). The page reads the posts naming the person once: the names and
//! roles written there, their event dates, and the other people they name. The directory
//! (names folded to Latin, post counts) is built once per index generation, on first use.

use std::collections::BTreeMap;

use annals_index::analysis::Analyzer;
use tantivy::{DocAddress, TantivyDocument};

use crate::catalog::Catalog;
use crate::response::{
    CoMention, EventRef, PeopleList, PersonPage, PersonPosts, PersonSummary, PostLink, RoleRef,
};
use crate::{AllScored, Engine, EngineError, PeopleRequest, SearchRequest, Sort, text};

/// Roles and co-mentioned people listed on a page at most.
const LIST_LIMIT: usize = 20;
/// Spellings listed at most.
const SPELLINGS_LIMIT: usize = 30;

/// The people of one index generation, ready to be found by name.
#[derive(Debug, Default)]
pub struct Directory {
    /// Kept (not joined) person ids, most named first.
    order: Vec<u32>,
    /// Per person id: posts (translation groups) naming it, aliases included.
    posts: Vec<u32>,
    /// Per person id: the words of every name it has in any language, folded to Latin,
    /// space-separated (` a b c `), for prefix look-ups.
    words: Vec<String>,
}

impl Directory {
    pub(crate) fn build(cat: &Catalog) -> Directory {
        let n = cat.num_persons();
        // (person, post) pairs, deduplicated: language versions of a post count once.
        let mut pairs: Vec<(u32, u64)> = Vec::new();
        for (addr, group) in cat.documents() {
            let post = if group == u32::MAX {
                (1u64 << 63) | (u64::from(addr.segment_ord) << 32) | u64::from(addr.doc_id)
            } else {
                u64::from(group)
            };
            pairs.extend(cat.person_ids(addr).iter().map(|&id| (id, post)));
        }
        pairs.sort_unstable();
        pairs.dedup();
        let mut posts = vec![0u32; n];
        for (p, _) in pairs {
            posts[p as usize] += 1;
        }
        let mut words = vec![String::new(); n];
        for (id, w) in words.iter_mut().enumerate() {
            let id = id as u32;
            if cat.canonical_person(id) != id {
                continue;
            }
            let mut all: Vec<String> = Vec::new();
            for p in std::iter::once(id).chain(cat.person_aliases(id)) {
                all.extend(Analyzer::Latin.terms(cat.person_key(p).split('-').next().unwrap_or_default()));
                for lang in &cat.langs {
                    if let Some(name) = cat.person_name_in(p, lang) {
                        all.extend(Analyzer::Latin.terms(name));
                    }
                }
            }
            all.sort();
            all.dedup();
            *w = format!(" {} ", all.join(" "));
        }
        let mut order: Vec<u32> = (0..n as u32).filter(|&id| cat.canonical_person(id) == id).collect();
        order.sort_by(|&a, &b| posts[b as usize].cmp(&posts[a as usize]).then_with(|| a.cmp(&b)));
        Directory { order, posts, words }
    }

    /// Kept person ids whose names have a word starting with each typed word (folded to
    /// Latin, any script), most named first.
    pub fn find<'a>(&'a self, typed: &[String]) -> impl Iterator<Item = u32> + 'a {
        let starts: Vec<String> = typed.iter().map(|t| format!(" {t}")).collect();
        self.order.iter().copied().filter(move |&id| {
            let words = &self.words[id as usize];
            starts.iter().all(|t| words.contains(t.as_str()))
        })
    }

    /// Posts naming person `id`.
    pub fn posts(&self, id: u32) -> usize {
        self.posts.get(id as usize).copied().unwrap_or(0) as usize
    }
}

/// Text folded for comparing spellings and roles: lowercase, `ё` as `е`, single spaces.
fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase().replace('ё', "е")
}

/// Values with how often they were seen: per key, the shortest form seen and what came with
/// it.
struct Tally<T> {
    /// (folded, as first written, count, what came with the first).
    seen: Vec<(String, String, usize, T)>,
}

impl<T> Tally<T> {
    fn new() -> Self {
        Tally { seen: Vec::new() }
    }

    /// Counts `value` under `key` (values with one key are one); `with` gives what to keep
    /// with it the first time it is seen.
    fn add(&mut self, key: String, value: &str, with: impl FnOnce() -> T) {
        match self.seen.iter_mut().find(|(k, ..)| *k == key) {
            // The shortest form stands for the others (the nominative, most often).
            Some(entry) if value.trim().chars().count() < entry.1.chars().count() => {
                (entry.1, entry.2, entry.3) = (value.trim().to_owned(), entry.2 + 1, with());
            }
            Some(entry) => entry.2 += 1,
            None => self.seen.push((key, value.trim().to_owned(), 1, with())),
        }
    }

    /// Values and what came with them, most seen first (first seen among equals).
    fn ranked(mut self) -> Vec<(String, T)> {
        // A stable sort keeps the order of first sight among equals.
        self.seen.sort_by_key(|e| std::cmp::Reverse(e.2));
        self.seen.into_iter().map(|(_, v, _, t)| (v, t)).collect()
    }
}

impl Engine {
    /// People whose names match `req.q` (the start of any word of any of their names, in
    /// any script; everyone when empty), most named first; one page of them, named in the
    /// reader's language.
    pub fn people(&self, req: &PeopleRequest) -> Result<PeopleList, EngineError> {
        let view = self.view()?;
        let cat = &view.catalog;
        let typed = Analyzer::Latin.terms(&req.q);
        let dir = cat.directory();
        let found: Vec<u32> = dir.find(&typed).collect();
        let lang = req.lang.as_deref();
        let people = found
            .iter()
            .skip((req.page - 1).saturating_mul(req.per_page))
            .take(req.per_page)
            .map(|&id| PersonSummary {
                key: cat.person_key(id).to_owned(),
                name: cat.person_label(id, lang),
                posts: dir.posts(id),
            })
            .collect();
        Ok(PeopleList { q: req.q.clone(), total: found.len(), people })
    }

    /// The name of person `key` for a reader of `lang` (the kept person's, for a joined key).
    pub fn person_name(&self, key: &str, lang: Option<&str>) -> Result<Option<String>, EngineError> {
        let view = self.view()?;
        let cat = &view.catalog;
        Ok(cat.person_id(key).map(|id| cat.person_label(cat.canonical_person(id), lang)))
    }

    /// The page of person `key` (a joined key answers with its person's page), with one page
    /// of the posts naming them (`req.page`, `req.per_page`); `None` when the archive names
    /// no such person.
    pub fn person(&self, key: &str, req: &PeopleRequest) -> Result<Option<PersonPage>, EngineError> {
        let (lang, page, per_page) = (req.lang.as_deref(), req.page, req.per_page);
        let view = self.view()?;
        let cat = &view.catalog;
        let Some(id) = cat.person_id(key).map(|id| cat.canonical_person(id)) else { return Ok(None) };
        let key = cat.person_key(id).to_owned();
        let also_keys: Vec<String> = cat.person_aliases(id).map(|a| cat.person_key(a).to_owned()).collect();

        // Every document naming the person, language versions included.
        let f = &self.fields;
        let filter = self.person_filter(cat, &key);
        let mut docs: Vec<DocAddress> = view
            .searcher
            .search(&*filter, &AllScored { scoring: false })?
            .into_iter()
            .map(|(a, _)| a)
            .collect();
        // The reader's language first, so links and roles come from the version they read.
        let reader = lang.and_then(|l| cat.lang_id(l));
        docs.sort_by_key(|&a| (Some(cat.lang_id(cat.lang(a)).unwrap_or(u8::MAX)) != reader, a));

        let mut spellings = Tally::new();
        let mut roles = Tally::new();
        let mut events: Vec<(jiff::civil::Date, String, u32, PostLink)> = Vec::new();
        let mut event_groups: Vec<u32> = Vec::new();
        let mut co: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for (n, &addr) in docs.iter().enumerate() {
            let doc: TantivyDocument = view.searcher.doc(addr)?;
            let group = cat.group(addr);
            let post_id = if group == u32::MAX { u32::MAX - n as u32 } else { group };
            let link = PostLink { url: text(&doc, f.url), title: text(&doc, f.title_text) };
            let doc_lang = text(&doc, f.lang);
            for p in self.people_of(cat, &doc).into_iter().filter(|p| p.key != key) {
                let groups = co.entry(p.key).or_default();
                if !groups.contains(&post_id) {
                    groups.push(post_id);
                }
            }
            // Names and roles as written, before joining (the joined entry keeps one).
            let stored: Vec<annals_index::PersonRef> =
                serde_json::from_str(&text(&doc, f.people)).unwrap_or_default();
            for p in stored.iter().filter(|p| cat.canonical_key(&p.key) == key) {
                spellings.add(fold(&p.name), &p.name, || ());
                if let Some(role) = p.role.as_deref().filter(|r| !r.trim().is_empty()) {
                    // Inflected forms of one role are one role (`директор`, `директора`).
                    let stems = annals_index::Lang::of(&doc_lang).analyzer().terms(role).join(" ");
                    let theirs = Some(doc_lang.as_str()) == lang;
                    roles.add(stems, role, || (link.clone(), theirs));
                }
            }
            // Events once per post, from the first version read (the reader's language).
            if event_groups.contains(&post_id) {
                continue;
            }
            event_groups.push(post_id);
            let dates: Vec<String> = serde_json::from_str(&text(&doc, f.event_dates)).unwrap_or_default();
            for date in dates {
                if let Some((first, _)) = annals_lang::iso::value_range(&date) {
                    events.push((first, date, post_id, link.clone()));
                }
            }
        }
        events.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        events.dedup_by(|a, b| a.1 == b.1 && a.2 == b.2);

        let name = cat.person_label(id, lang);
        let mut names = BTreeMap::new();
        for l in &cat.langs {
            if let Some(n) = cat.person_name_in(id, l) {
                names.insert(l.clone(), n.to_owned());
            }
        }
        let name_key = fold(&name);
        let spellings: Vec<String> = spellings
            .ranked()
            .into_iter()
            .map(|(s, ())| s)
            .filter(|s| fold(s) != name_key)
            .take(SPELLINGS_LIMIT)
            .collect();
        // Roles as written in the reader's language first, then the most written.
        let mut roles = roles.ranked();
        roles.sort_by_key(|(_, (_, theirs))| !theirs);
        let roles: Vec<RoleRef> =
            roles.into_iter().take(LIST_LIMIT).map(|(role, (post, _))| RoleRef { role, post }).collect();

        let mut co_mentions: Vec<CoMention> = co
            .into_iter()
            .filter_map(|(k, groups)| {
                let other = cat.person_id(&k)?;
                Some(CoMention { name: cat.person_label(other, lang), key: k, count: groups.len() })
            })
            .collect();
        co_mentions.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        co_mentions.truncate(LIST_LIMIT);

        let req = SearchRequest {
            persons: vec![key.clone()],
            lang: lang.map(str::to_owned),
            any_language: true,
            sort: Sort::Newest,
            page,
            per_page,
            facets: false,
            ..SearchRequest::default()
        };
        let found = self.search(&req)?;
        Ok(Some(PersonPage {
            key,
            name,
            names,
            spellings,
            also_keys,
            roles,
            posts: PersonPosts { total: found.total, page, per_page, hits: found.hits },
            events: events.into_iter().map(|(_, date, _, post)| EventRef { date, post }).collect(),
            co_mentions,
        }))
    }
}
