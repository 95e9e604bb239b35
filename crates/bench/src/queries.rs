//! The benchmark query set: `CLASS<TAB>QUERY<TAB>YEAR` lines, `#` comments.

use std::path::Path;

/// One benchmark query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// `word`, `two`, `phrase`, `name`, `prefix` or `facet`.
    pub class: String,
    /// The query as typed.
    pub q: String,
    /// Publication year filter, empty for none.
    pub year: String,
}

impl Query {
    /// The default search API request for this query (facets and snippets on).
    pub fn path(&self) -> String {
        self.path_with("")
    }

    /// The search API request for this query with fixed parameters appended (`extra`, already
    /// URL-encoded `key=value` pairs joined by `&`, e.g. `facets=false&per_page=6`; empty for
    /// none).
    pub fn path_with(&self, extra: &str) -> String {
        let base = "/api/search?";
        let mut p = form_urlencoded::Serializer::for_suffix(base.to_owned(), base.len());
        p.append_pair("q", &self.q);
        if !self.year.is_empty() {
            p.append_pair("year", &self.year);
        }
        let mut path = p.finish();
        let extra = extra.trim_matches('&');
        if !extra.is_empty() {
            path.push('&');
            path.push_str(extra);
        }
        path
    }

    /// The same request as `key=value` pairs, for `SearchRequest::from_params`.
    pub fn params(&self) -> Vec<(&str, &str)> {
        let mut p = vec![("q", self.q.as_str())];
        if !self.year.is_empty() {
            p.push(("year", self.year.as_str()));
        }
        p
    }
}

/// Reads a query file.
pub fn load(path: &Path) -> std::io::Result<Vec<Query>> {
    let text = std::fs::read_to_string(path)?;
    Ok(parse(&text))
}

/// Parses the query file format.
pub fn parse(text: &str) -> Vec<Query> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut parts = l.split('\t');
            let class = parts.next()?.trim().to_owned();
            let q = parts.next()?.trim().to_owned();
            let year = parts.next().unwrap_or("").trim().to_owned();
            Some(Query { class, q, year })
        })
        .collect()
}

/// The indexes `0..n` in a fixed pseudo-random order (the same on every run), so that a
/// phase cut short by its time bound still samples every class of the set.
pub fn shuffled(n: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    fastrand::Rng::with_seed(0x9E37_79B9_7F4A_7C15).shuffle(&mut order);
    order
}

/// Classes in order of first appearance.
pub fn classes(queries: &[Query]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for q in queries {
        if !out.contains(&q.class) {
            out.push(q.class.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_encodes() {
        let qs = parse("# header\nword\tкровь\t\nfacet\tstem cell\t2019\n\n");
        assert_eq!(qs.len(), 2);
        assert_eq!(qs[0].path(), "/api/search?q=%D0%BA%D1%80%D0%BE%D0%B2%D1%8C");
        assert_eq!(qs[1].path(), "/api/search?q=stem+cell&year=2019");
        assert_eq!(
            qs[1].path_with("&facets=false&per_page=6"),
            "/api/search?q=stem+cell&year=2019&facets=false&per_page=6"
        );
        assert_eq!(classes(&qs), ["word", "facet"]);
        let mut order = shuffled(50);
        assert_eq!(order, shuffled(50));
        order.sort();
        assert_eq!(order, (0..50).collect::<Vec<_>>());
    }
}
