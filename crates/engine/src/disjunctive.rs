//! Disjunctive facet counts: "OR within a facet, AND across facets".
//!
//! A dimension whose selected values are alternatives (a post needs one of the chosen years,
//! months, categories or tags: [`ANY_OF`]) is counted as if its own selection were off, with
//! every other filter on. So after choosing 2019, the other years keep the counts they would
//! add ("2020: 12" means choosing 2020 as well brings 12 posts of 2020), instead of dropping
//! to zero. People are not among them: a post must name every chosen person, so a person's
//! count is what choosing them narrows the results to, as plain counts already say. Language
//! counts never depend on the language chosen.
//!
//! The option is [`SearchRequest::disjunctive`] (`disjunctive=true` in the API); the search
//! page always sets it. `recount` runs the search once more per any-of dimension that has
//! a selection, without that dimension's filter, on the same index generation, and takes
//! that dimension's counts from it: counting is exact, never estimated.

use std::collections::BTreeMap;

use crate::{Engine, EngineError, FACET_LIMIT, FacetValue, SearchRequest, View, collapse, query};

/// Dimensions whose selected values are alternatives, so their counts ignore their own
/// selection when counting disjunctively.
pub const ANY_OF: [&str; 4] = ["year", "month", "category", "tag"];

impl SearchRequest {
    /// This request without the filter of the any-of dimension `dim`; `None` when nothing of
    /// it is selected (or it is not one of [`ANY_OF`]).
    pub fn without_dimension(&self, dim: &str) -> Option<SearchRequest> {
        let mut wider = self.clone();
        let selected = match dim {
            "year" => std::mem::take(&mut wider.years).len(),
            "month" => std::mem::take(&mut wider.months).len(),
            "category" => std::mem::take(&mut wider.categories).len(),
            "tag" => std::mem::take(&mut wider.tags).len(),
            _ => 0,
        };
        (selected > 0).then_some(wider)
    }
}

/// Replaces the counts of each any-of dimension that `req` selects in by its counts over
/// the search without that selection.
pub(crate) fn recount(
    engine: &Engine,
    view: &View,
    req: &SearchRequest,
    facets: &mut BTreeMap<String, Vec<FacetValue>>,
) -> Result<(), EngineError> {
    for dim in ANY_OF {
        let Some(wider) = req.without_dimension(dim) else { continue };
        // The words the search itself matched (a question without its question words).
        let parsed = query::parse(crate::answer::question(&wider.q).as_deref().unwrap_or(&wider.q));
        let matched = engine.matching(view, &parsed, &wider)?.docs;
        let lang = wider.lang.as_deref();
        let ranked = collapse(&view.catalog, &matched, lang, wider.any_language);
        let mut counted = engine.facets(view, &ranked.reps, &ranked.lang_counts, lang, Some(FACET_LIMIT))?;
        if let Some(values) = counted.remove(dim) {
            facets.insert(dim.to_owned(), values);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    /// Posts: (folder, year, category, tags, words). Every post is in English.
    const POSTS: [(&str, u16, &str, &[&str], &str); 9] = [
        ("01.a", 2018, "events", &["donors"], "forum of donors"),
        ("02.b", 2018, "science", &["blood"], "forum on blood"),
        ("03.c", 2019, "events", &["donors", "blood"], "forum for blood donors"),
        ("04.d", 2019, "events", &["nurses"], "forum of nurses"),
        ("05.e", 2019, "science", &["blood"], "forum of science"),
        ("06.f", 2020, "events", &["donors"], "forum again"),
        ("07.g", 2020, "education", &["nurses"], "training for nurses"),
        ("08.h", 2020, "science", &["blood"], "forum on research"),
        ("09.i", 2021, "events", &["donors"], "a quiet year"),
    ];

    fn write_site(root: &Path) {
        for (i, (folder, year, category, tags, words)) in POSTS.iter().enumerate() {
            let dir = root.join("pages").join("02.news").join(folder);
            std::fs::create_dir_all(&dir).expect("page folder");
            let tags: String = tags.iter().map(|t| format!("        - {t}\n")).collect();
            let page = format!(
                "---\ntitle: 'Post {folder}'\ndate: '{:02}-03-{year} 10:00'\ntaxonomy:\n    category:\n        - {category}\n    tag:\n{tags}---\n\nThe {words}.\n",
                i + 1
            );
            std::fs::write(dir.join("item.en.md"), page).expect("page file");
        }
    }

    fn engine(dir: &Path) -> Engine {
        let content = dir.join("site");
        write_site(&content);
        let index = dir.join("index");
        let opts = annals_index::IngestOptions { content, index: index.clone(), full: true, threads: 1 };
        let report = annals_index::ingest(&opts, &annals_index::Quiet).expect("indexing");
        assert_eq!(report.indexed, POSTS.len(), "{report:?}");
        Engine::open(&index).expect("opening the index")
    }

    fn counts(values: &[FacetValue]) -> Vec<(String, usize)> {
        let mut out: Vec<_> = values.iter().map(|v| (v.value.clone(), v.count)).collect();
        out.sort();
        out
    }

    fn request(pairs: &[(&str, &str)]) -> SearchRequest {
        SearchRequest::from_params(pairs.iter().copied()).expect("a valid request")
    }

    #[test]
    fn each_selected_dimension_is_counted_without_its_own_filter() {
        let dir = tempfile::tempdir().expect("temp dir");
        let engine = engine(dir.path());
        let pairs = [("q", "forum"), ("year", "2019"), ("category", "events"), ("disjunctive", "true")];
        let req = request(&pairs);
        let res = engine.search(&req).expect("search");
        let plain = engine.search(&SearchRequest { disjunctive: false, ..req.clone() }).expect("search");
        // The hits and the total are those of the filtered search.
        assert_eq!(res.total, 2);
        assert_eq!(res.total, plain.total);
        assert_eq!(
            res.hits.iter().map(|h| &h.id).collect::<Vec<_>>(),
            plain.hits.iter().map(|h| &h.id).collect::<Vec<_>>()
        );
        // Years: the forum posts of "events", in any year (c, d of 2019; a of 2018; f of 2020).
        let year = |n: &str, c: usize| (n.to_owned(), c);
        assert_eq!(counts(&res.facets["year"]), [year("2018", 1), year("2019", 2), year("2020", 1)]);
        // Categories: the forum posts of 2019, in any category.
        assert_eq!(counts(&res.facets["category"]), [year("events", 2), year("science", 1)]);
        // Plain counts only see the two hits.
        assert_eq!(counts(&plain.facets["year"]), [year("2019", 2)]);
        // Each equals the search with that dimension's filter removed.
        for (dim, key) in [("year", "year"), ("category", "category")] {
            let wider: Vec<_> = pairs.iter().copied().filter(|(k, _)| *k != key).collect();
            let alone = engine.search(&request(&wider)).expect("search");
            assert_eq!(counts(&res.facets[dim]), counts(&alone.facets[dim]), "{dim}");
        }
        // Dimensions without a selection keep the plain counts.
        for dim in ["tag", "person", "month", "lang"] {
            assert_eq!(counts(&res.facets[dim]), counts(&plain.facets[dim]), "{dim}");
        }
    }

    #[test]
    fn several_values_of_one_dimension_are_alternatives() {
        let dir = tempfile::tempdir().expect("temp dir");
        let engine = engine(dir.path());
        let req = request(&[("tag", "nurses"), ("tag", "donors"), ("year", "2020"), ("disjunctive", "1")]);
        let res = engine.search(&req).expect("search");
        // f (donors) and g (nurses) of 2020.
        assert_eq!(res.total, 2);
        let without_tags = request(&[("year", "2020")]);
        let alone = engine.search(&without_tags).expect("search");
        assert_eq!(counts(&res.facets["tag"]), counts(&alone.facets["tag"]));
        let expected = [("blood", 1), ("donors", 1), ("nurses", 1)];
        assert_eq!(counts(&res.facets["tag"]), expected.map(|(v, n)| (v.to_owned(), n)));
        // Years over the posts tagged nurses or donors: a (2018), c, d (2019), f, g (2020), i (2021).
        let expected = [("2018", 1), ("2019", 2), ("2020", 2), ("2021", 1)];
        assert_eq!(counts(&res.facets["year"]), expected.map(|(v, n)| (v.to_owned(), n)));
    }

    #[test]
    fn without_a_selection_or_facets_nothing_changes() {
        let dir = tempfile::tempdir().expect("temp dir");
        let engine = engine(dir.path());
        let req = request(&[("q", "forum"), ("disjunctive", "true")]);
        let res = engine.search(&req).expect("search");
        let plain = engine.search(&request(&[("q", "forum")])).expect("search");
        for (dim, values) in &plain.facets {
            assert_eq!(counts(&res.facets[dim]), counts(values), "{dim}");
        }
        let off = request(&[("year", "2019"), ("disjunctive", "true"), ("facets", "false")]);
        assert!(engine.search(&off).expect("search").facets.is_empty());
        assert_eq!(request(&[("year", "2019")]).without_dimension("person"), None);
        assert!(request(&[("year", "2019")]).without_dimension("year").is_some_and(|r| r.years.is_empty()));
    }
}
