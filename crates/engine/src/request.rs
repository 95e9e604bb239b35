//! What a search asks for, and how it is read from `key=value` parameters.
//!
//! HTTP query strings and the CLI's flags both become a list of `(key, value)` pairs and go
//! through [`SearchRequest::from_params`], so both validate the same way and name the same
//! parameter when something is wrong.

use jiff::civil::Date;

/// Most hits one page may hold.
pub const MAX_PER_PAGE: usize = 100;
/// Hits per page when not asked.
pub const DEFAULT_PER_PAGE: usize = 10;
/// Longest accepted query, in bytes; longer input is cut at a character boundary.
pub const MAX_QUERY_BYTES: usize = 1024;
/// Deepest page that can be asked for.
pub const MAX_PAGE: usize = 1000;

/// Order of hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Best match first (recent posts first among equals); newest first for an empty query.
    #[default]
    Relevance,
    /// Newest publication first.
    Newest,
    /// Oldest publication first.
    Oldest,
}

/// A faceted search.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchRequest {
    /// Free text; empty browses the archive.
    pub q: String,
    /// The visitor's language: hits are given in it (a post found through another language's
    /// version answers with its version in this one); posts without one are left out.
    pub lang: Option<String>,
    /// Person keys; a post must name every one.
    pub persons: Vec<String>,
    /// Categories; a post must have one of them.
    pub categories: Vec<String>,
    /// Tags; a post must have one of them.
    pub tags: Vec<String>,
    /// Publication years; a post must be from one of them.
    pub years: Vec<i16>,
    /// Publication months (`2019-07`); a post must be from one of them.
    pub months: Vec<String>,
    /// Published on or after this day.
    pub from: Option<Date>,
    /// Published on or before this day.
    pub to: Option<Date>,
    /// One of the post's event dates ends on or after this day.
    pub event_from: Option<Date>,
    /// One of the post's event dates starts on or before this day.
    pub event_to: Option<Date>,
    /// Order of hits.
    pub sort: Sort,
    /// 1-based page.
    pub page: usize,
    /// Hits per page.
    pub per_page: usize,
    /// Compute facet counts.
    pub facets: bool,
    /// Count each any-of dimension (years, months, categories, tags) as if its own
    /// selection were off ([`crate::disjunctive`]).
    pub disjunctive: bool,
    /// Match words in titles only (completions; not a parameter).
    pub titles_only: bool,
    /// Keep posts without a version in `lang`, in their best version (a person's page
    /// lists every post naming them; not a parameter).
    pub any_language: bool,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            q: String::new(),
            lang: None,
            persons: Vec::new(),
            categories: Vec::new(),
            tags: Vec::new(),
            years: Vec::new(),
            months: Vec::new(),
            from: None,
            to: None,
            event_from: None,
            event_to: None,
            sort: Sort::Relevance,
            page: 1,
            per_page: DEFAULT_PER_PAGE,
            facets: true,
            disjunctive: false,
            titles_only: false,
            any_language: false,
        }
    }
}

/// A parameter that could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid `{parameter}`: {message}")]
pub struct ParamError {
    /// Stable snake_case code (`invalid_date`, `invalid_number`, ...).
    pub code: &'static str,
    /// The parameter's name as given.
    pub parameter: String,
    /// What is wrong and what would be accepted.
    pub message: String,
}

impl ParamError {
    pub(crate) fn new(code: &'static str, parameter: &str, message: impl Into<String>) -> Self {
        ParamError { code, parameter: parameter.to_owned(), message: message.into() }
    }
}

/// Parameters that [`SearchRequest::from_params`] knows (also used by the other routes).
pub const KNOWN_PARAMS: &[&str] = &[
    "q",
    "lang",
    "person",
    "category",
    "tag",
    "year",
    "month",
    "from",
    "to",
    "event_from",
    "event_to",
    "sort",
    "page",
    "per_page",
    "facets",
    "disjunctive",
    "limit",
    "ui",
];

impl SearchRequest {
    /// Reads a request from `key=value` pairs (repeatable keys repeat). Unknown keys are
    /// ignored (so a page can carry its own state), bad values are errors naming the key.
    pub fn from_params<'a>(
        params: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<SearchRequest, ParamError> {
        let mut r = SearchRequest::default();
        for (key, value) in params {
            let value = value.trim();
            match key {
                "q" => r.q = clip(value, MAX_QUERY_BYTES).to_owned(),
                "lang" if !value.is_empty() => r.lang = Some(parse_lang(key, value)?),
                "person" if !value.is_empty() => r.persons.push(bounded(key, value)?),
                "category" if !value.is_empty() => r.categories.push(bounded(key, value)?),
                "tag" if !value.is_empty() => r.tags.push(bounded(key, value)?),
                "year" if !value.is_empty() => r.years.push(parse_year(key, value)?),
                "month" if !value.is_empty() => r.months.push(parse_month(key, value)?),
                "from" if !value.is_empty() => r.from = Some(parse_date(key, value, false)?),
                "to" if !value.is_empty() => r.to = Some(parse_date(key, value, true)?),
                "event_from" if !value.is_empty() => r.event_from = Some(parse_date(key, value, false)?),
                "event_to" if !value.is_empty() => r.event_to = Some(parse_date(key, value, true)?),
                "sort" if !value.is_empty() => {
                    r.sort = match value {
                        "relevance" => Sort::Relevance,
                        "newest" => Sort::Newest,
                        "oldest" => Sort::Oldest,
                        _ => {
                            return Err(ParamError::new(
                                "invalid_sort",
                                key,
                                format!(
                                    "`{}` is not a sort order; use `relevance`, `newest` or `oldest`",
                                    shown(value)
                                ),
                            ));
                        }
                    }
                }
                "page" if !value.is_empty() => r.page = parse_count(key, value, 1, MAX_PAGE)?,
                "per_page" | "limit" if !value.is_empty() => {
                    r.per_page = parse_count(key, value, 1, MAX_PER_PAGE)?
                }
                "facets" if !value.is_empty() => r.facets = parse_bool(key, value)?,
                "disjunctive" if !value.is_empty() => r.disjunctive = parse_bool(key, value)?,
                _ => {}
            }
        }
        if let (Some(from), Some(to)) = (r.from, r.to)
            && from > to
        {
            return Err(ParamError::new(
                "invalid_range",
                "from",
                format!("`from` ({from}) is after `to` ({to})"),
            ));
        }
        if let (Some(from), Some(to)) = (r.event_from, r.event_to)
            && from > to
        {
            return Err(ParamError::new(
                "invalid_range",
                "event_from",
                format!("`event_from` ({from}) is after `event_to` ({to})"),
            ));
        }
        Ok(r)
    }
}

impl SearchRequest {
    /// Reads the request of a timeline (`/api/events`, `annals events`): there `from` and
    /// `to` bound the events, not the publication; errors name them as given.
    pub fn from_event_params<'a>(
        params: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<SearchRequest, ParamError> {
        let renamed = params.into_iter().map(|(k, v)| match k {
            "from" => ("event_from", v),
            "to" => ("event_to", v),
            "event_from" | "event_to" => ("", v),
            _ => (k, v),
        });
        SearchRequest::from_params(renamed).map_err(|mut e| {
            e.parameter = e.parameter.trim_start_matches("event_").to_owned();
            e.message = e.message.replace("`event_from`", "`from`").replace("`event_to`", "`to`");
            e
        })
    }
}

/// What a person's page (`/api/people/{key}`, `annals person`) or the people directory
/// (`/api/people`, `annals people`) asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeopleRequest {
    /// A name, or the start of one, in any script (the directory only).
    pub q: String,
    /// The reader's language.
    pub lang: Option<String>,
    /// 1-based page of the posts (a person's page) or people (the directory).
    pub page: usize,
    /// Posts or people per page.
    pub per_page: usize,
}

impl PeopleRequest {
    /// Reads `q`, `lang`, `page` and `per_page` (or `limit`); other keys are ignored.
    pub fn from_params<'a>(
        params: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<PeopleRequest, ParamError> {
        let mut r = PeopleRequest { q: String::new(), lang: None, page: 1, per_page: DEFAULT_PER_PAGE };
        for (key, value) in params {
            let value = value.trim();
            match key {
                "q" => r.q = clip(value, MAX_QUERY_BYTES).to_owned(),
                "lang" if !value.is_empty() => r.lang = Some(parse_lang(key, value)?),
                "page" if !value.is_empty() => r.page = parse_count(key, value, 1, MAX_PAGE)?,
                "per_page" | "limit" if !value.is_empty() => {
                    r.per_page = parse_count(key, value, 1, MAX_PER_PAGE)?
                }
                _ => {}
            }
        }
        Ok(r)
    }
}

/// Cuts `s` to at most `max` bytes at a character boundary.
pub fn clip(s: &str, max: usize) -> &str {
    &s[..s.floor_char_boundary(max)]
}

/// A value as shown in an error message: clipped, control characters replaced.
fn shown(value: &str) -> String {
    clip(value, 40).chars().map(|c| if c.is_control() { '\u{fffd}' } else { c }).collect()
}

fn bounded(key: &str, value: &str) -> Result<String, ParamError> {
    if value.len() > 200 || value.chars().any(char::is_control) {
        return Err(ParamError::new(
            "invalid_value",
            key,
            "values are at most 200 bytes, without control characters",
        ));
    }
    Ok(value.to_owned())
}

fn parse_lang(key: &str, value: &str) -> Result<String, ParamError> {
    let ok = (2..=3).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_lowercase());
    if ok {
        Ok(value.to_owned())
    } else {
        Err(ParamError::new(
            "invalid_lang",
            key,
            format!(
                "`{}` is not a language code; use two or three lowercase letters such as `kk`, `ru`, `en`",
                shown(value)
            ),
        ))
    }
}

fn parse_year(key: &str, value: &str) -> Result<i16, ParamError> {
    value.parse::<i16>().ok().filter(|y| (1000..=9999).contains(y)).ok_or_else(|| {
        ParamError::new(
            "invalid_year",
            key,
            format!("`{}` is not a year; use four digits such as `2019`", shown(value)),
        )
    })
}

fn parse_month(key: &str, value: &str) -> Result<String, ParamError> {
    let bad = || {
        ParamError::new(
            "invalid_month",
            key,
            format!("`{}` is not a month; use `YYYY-MM` such as `2019-07`", shown(value)),
        )
    };
    let (y, m) = value.split_once('-').ok_or_else(bad)?;
    let y: i16 = y.parse().map_err(|_| bad())?;
    let m: i8 = m.parse().map_err(|_| bad())?;
    if !(1000..=9999).contains(&y) || !(1..=12).contains(&m) {
        return Err(bad());
    }
    Ok(format!("{y:04}-{m:02}"))
}

fn parse_bool(key: &str, value: &str) -> Result<bool, ParamError> {
    match value {
        "true" | "1" | "yes" => Ok(true),
        "false" | "0" | "no" => Ok(false),
        _ => Err(ParamError::new(
            "invalid_boolean",
            key,
            format!("`{}` is not a boolean; use `true` or `false`", shown(value)),
        )),
    }
}

/// `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` meaning the first (or, for an upper bound, the last)
/// day of that month or year.
fn parse_date(key: &str, value: &str, upper: bool) -> Result<Date, ParamError> {
    let bad = || {
        ParamError::new(
            "invalid_date",
            key,
            format!("`{}` is not a date; use `YYYY-MM-DD`, `YYYY-MM` or `YYYY`", shown(value)),
        )
    };
    let mut parts = value.splitn(3, '-');
    let y: i16 = parts.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
    if !(1000..=9999).contains(&y) {
        return Err(bad());
    }
    let m: Option<i8> = match parts.next() {
        Some(p) => Some(p.parse().map_err(|_| bad())?),
        None => None,
    };
    let d: Option<i8> = match parts.next() {
        Some(p) => Some(p.parse().map_err(|_| bad())?),
        None => None,
    };
    let date = match (m, d) {
        (None, _) => Date::new(y, if upper { 12 } else { 1 }, if upper { 31 } else { 1 }),
        (Some(m), None) => Date::new(y, m, 1).map(|d| if upper { d.last_of_month() } else { d }),
        (Some(m), Some(d)) => Date::new(y, m, d),
    };
    date.map_err(|_| bad())
}

/// A whole number from `min` to `max` given as `key` (for the routes' own counts, such as
/// `/api/suggest`'s `limit`).
pub fn parse_count(key: &str, value: &str, min: usize, max: usize) -> Result<usize, ParamError> {
    value.parse::<usize>().ok().filter(|n| (min..=max).contains(n)).ok_or_else(|| {
        ParamError::new(
            "invalid_number",
            key,
            format!("`{}` is not a whole number from {min} to {max}", shown(value)),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pairs: &[(&str, &str)]) -> Result<SearchRequest, ParamError> {
        SearchRequest::from_params(pairs.iter().copied())
    }

    #[test]
    fn repeatable_filters_accumulate() {
        let r = parse(&[("person", "a"), ("person", "b"), ("year", "2019"), ("month", "2019-7")]).unwrap();
        assert_eq!(r.persons, ["a", "b"]);
        assert_eq!(r.years, [2019]);
        assert_eq!(r.months, ["2019-07"]);
    }

    #[test]
    fn partial_dates_widen_to_the_period() {
        let r = parse(&[("event_from", "2019-07"), ("event_to", "2019-07")]).unwrap();
        assert_eq!(r.event_from, Some(jiff::civil::date(2019, 7, 1)));
        assert_eq!(r.event_to, Some(jiff::civil::date(2019, 7, 31)));
        let r = parse(&[("to", "2019")]).unwrap();
        assert_eq!(r.to, Some(jiff::civil::date(2019, 12, 31)));
    }

    #[test]
    fn bad_values_name_their_parameter() {
        for (pairs, param, code) in [
            (vec![("per_page", "1000")], "per_page", "invalid_number"),
            (vec![("page", "0")], "page", "invalid_number"),
            (vec![("year", "19")], "year", "invalid_year"),
            (vec![("from", "2019-02-30")], "from", "invalid_date"),
            (vec![("sort", "best")], "sort", "invalid_sort"),
            (vec![("lang", "../x")], "lang", "invalid_lang"),
            (vec![("disjunctive", "maybe")], "disjunctive", "invalid_boolean"),
            (vec![("from", "2020"), ("to", "2019")], "from", "invalid_range"),
        ] {
            let err = parse(&pairs).unwrap_err();
            assert_eq!((err.parameter.as_str(), err.code), (param, code), "{pairs:?}");
        }
    }

    #[test]
    fn long_queries_are_clipped_at_a_char_boundary() {
        let q = "ж".repeat(5000);
        let r = parse(&[("q", &q)]).unwrap();
        assert!(r.q.len() <= MAX_QUERY_BYTES && r.q.chars().all(|c| c == 'ж'));
    }
}
