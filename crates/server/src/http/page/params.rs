//! A page's state: its query parameters, in order, changed one at a time for links.

/// The query parameters of a page, in order: its state, shareable as a URL.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Params(Vec<(String, String)>);

impl Params {
    /// The parameters of `pairs` that the page knows (`known` says which), trimmed, without
    /// empty values (but `lang=`, "all languages") or repeated pairs.
    pub fn parse(pairs: Vec<(String, String)>, known: impl Fn(&str) -> bool) -> Params {
        let mut out: Vec<(String, String)> = Vec::new();
        for (k, v) in pairs {
            let v = v.trim();
            if !known(&k) || (v.is_empty() && k != "lang") {
                continue;
            }
            if !out.iter().any(|(k2, v2)| *k2 == k && v2 == v) {
                out.push((k, v.to_owned()));
            }
        }
        Params(out)
    }

    /// Parameters from `(key, value)` pairs as they are.
    pub fn of<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Params {
        Params(pairs.into_iter().map(|(k, v)| (k.to_owned(), v.to_owned())).collect())
    }

    /// The pairs, in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// No parameter at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The value of a single-valued parameter (the last one, as a search reads it).
    pub fn get(&self, key: &str) -> Option<&str> {
        self.iter().rev().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    /// Every value of `key`.
    pub fn all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> {
        self.iter().filter(move |(k, _)| *k == key).map(|(_, v)| v)
    }

    /// Whether `key=value` is one of the pairs.
    pub fn has(&self, key: &str, value: &str) -> bool {
        self.iter().any(|(k, v)| k == key && v == value)
    }

    /// Only the pairs whose key `keep` accepts.
    pub fn only(&self, keep: impl Fn(&str) -> bool) -> Params {
        Params(self.0.iter().filter(|(k, _)| keep(k)).cloned().collect())
    }

    /// A changed copy; any change but paging goes back to the first page.
    pub fn changed(&self, f: impl FnOnce(&mut Vec<(String, String)>)) -> Params {
        let mut pairs = self.0.clone();
        pairs.retain(|(k, _)| k != "page");
        f(&mut pairs);
        Params(pairs)
    }

    /// With `key=value` added (a repeatable key gains a value).
    pub fn with(&self, key: &str, value: &str) -> Params {
        self.changed(|p| {
            if !p.iter().any(|(k, v)| k == key && v == value) {
                p.push((key.to_owned(), value.to_owned()));
            }
        })
    }

    /// Without the pair `key=value`.
    pub fn without(&self, key: &str, value: &str) -> Params {
        self.changed(|p| p.retain(|(k, v)| !(k == key && v == value)))
    }

    /// Only `value` for `key` (none when `value` is empty).
    pub fn set(&self, key: &str, value: &str) -> Params {
        self.changed(|p| {
            p.retain(|(k, _)| k != key);
            if !value.is_empty() {
                p.push((key.to_owned(), value.to_owned()));
            }
        })
    }

    /// Page `page` (the first page has no parameter).
    pub fn page(&self, page: usize) -> Params {
        let mut p = self.changed(|_| {});
        if page > 1 {
            p.0.push(("page".to_owned(), page.to_string()));
        }
        p
    }

    /// `?key=value&…`, or nothing when there is no parameter.
    pub fn query(&self) -> String {
        if self.0.is_empty() {
            return String::new();
        }
        let mut s = form_urlencoded::Serializer::for_suffix(String::from("?"), 1);
        for (k, v) in self.iter() {
            s.append_pair(k, v);
        }
        s.finish()
    }
}

/// `segment` as one segment of a URL path (percent-encoded; a space is `%20`).
pub fn encode(segment: &str) -> String {
    form_urlencoded::byte_serialize(segment.as_bytes()).collect::<String>().replace('+', "%20")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(query: &str) -> Params {
        let pairs = form_urlencoded::parse(query.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned()));
        let known = ["q", "lang", "person", "year", "month", "from", "page"];
        Params::parse(pairs.collect(), |k| known.contains(&k))
    }

    #[test]
    fn links_change_one_thing_and_go_back_to_the_first_page() {
        let p = params("q=forum&year=2019&page=3&junk=1&from=&year=2019");
        assert_eq!(p.query(), "?q=forum&year=2019&page=3");
        assert_eq!(p.with("year", "2020").query(), "?q=forum&year=2019&year=2020");
        assert_eq!(p.with("year", "2019").query(), "?q=forum&year=2019");
        assert_eq!(p.without("year", "2019").query(), "?q=forum");
        assert_eq!(p.set("month", "2019-07").query(), "?q=forum&year=2019&month=2019-07");
        assert_eq!(p.set("year", "").query(), "?q=forum");
        assert_eq!(p.page(2).query(), "?q=forum&year=2019&page=2");
        assert_eq!(p.page(1).query(), "?q=forum&year=2019");
        assert_eq!(params("q=a&lang=&person=x").only(|k| k == "q").query(), "?q=a");
        assert_eq!(params("lang=").query(), "?lang=");
        assert_eq!(Params::default().query(), "");
        assert_eq!(params("q=a+%26+b").query(), "?q=a+%26+b");
        assert_eq!(params("q=%20x%20").get("q"), Some("x"));
    }

    #[test]
    fn path_segments_are_encoded() {
        assert_eq!(encode("pivovarova-i"), "pivovarova-i");
        assert_eq!(encode("a b/c?"), "a%20b%2Fc%3F");
        assert_eq!(encode("ә"), "%D3%99");
    }
}
