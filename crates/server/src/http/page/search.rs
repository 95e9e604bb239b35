//! The search page (`GET /`) and its regions.
//!
//! The page is complete without JavaScript: results, facets (checkboxes of the header's
//! `GET` form), the timeline and the pager are plain links and form controls whose state is
//! the URL. Each part the script refreshes is a *region*, an element with an `id` rendered
//! by one function here: `status`, `sort`, `filter-count`, `facets` (and `facet-person`
//! inside it), `chips`, `timeline`, `results`. [`page`] puts them in the document;
//! [`regions`] gives them alone, for `/?…&fragment=regions`, and the script swaps each one
//! in by its id, so both ways show the same markup. Facet counts are disjunctive
//! ([`annals_engine::disjunctive`]): choosing a year keeps the other years on offer.

use maud::{Markup, html};

use super::i18n::{fill, lang_name};
use super::layout::{self, Ui};
use super::params::Params;
use super::parts;
use annals_engine::request::{KNOWN_PARAMS, MAX_PAGE};
use annals_engine::{FacetValue, ParamError, SearchRequest, SearchResponse, Sort};

/// Search parameters the page does not take from its URL: it always counts facets, and
/// disjunctively, and pages with `page` and `per_page`.
const NOT_PAGE_PARAMS: [&str; 3] = ["facets", "disjunctive", "limit"];

/// Parameters the page keeps in its URL (the search's, and `ui`); others are dropped from
/// its links.
pub fn is_param(key: &str) -> bool {
    KNOWN_PARAMS.contains(&key) && !NOT_PAGE_PARAMS.contains(&key)
}

/// The parameters the page keeps in its URL, in the order the engine lists them.
pub fn params() -> impl Iterator<Item = &'static str> {
    KNOWN_PARAMS.iter().copied().filter(|k| is_param(k))
}

/// Parameters without a visible control, carried through the form as hidden inputs.
pub const HIDDEN_PARAMS: [&str; 5] = ["month", "event_from", "event_to", "per_page", "ui"];

/// Filters, as counted on the "Filters" button.
const FILTERS: [&str; 9] =
    ["person", "category", "tag", "year", "month", "from", "to", "event_from", "event_to"];

/// Checkbox facets of the sidebar, with the keys of their legends.
const LIST_FACETS: [(&str, &str); 4] =
    [("person", "people"), ("year", "years"), ("category", "categories"), ("tag", "tags")];

/// Values of a facet list shown before "show all" (which hides at least three).
const FACET_SHOWN: usize = 8;
const FACET_FOLD: usize = FACET_SHOWN + 3;

/// Most months the timeline draws (the newest ones).
const TIMELINE_MONTHS: usize = 600;

/// The search the page's state asks for: results in the interface language unless `lang`
/// is given (`lang=` asks for every language); facet counts disjunctive.
pub fn request(params: &Params, ui: &str) -> Result<SearchRequest, ParamError> {
    let mut req = SearchRequest::from_params(params.iter())?;
    if params.get("lang").is_none() {
        req.lang = Some(ui.to_owned());
    }
    req.disjunctive = true;
    Ok(req)
}

/// What the page shows: the page's state and the outcome of its search.
pub struct Shown<'a> {
    /// The page's state.
    pub params: &'a Params,
    /// The search and its answer, or what went wrong, for people.
    pub outcome: Result<(&'a SearchRequest, &'a SearchResponse), &'a str>,
    /// What is typed in the box above the people, with the people matching it (they
    /// replace the people of the answer).
    pub find: Option<(&'a str, &'a [FacetValue])>,
}

/// The whole search page.
pub fn page(ui: &Ui, shown: &Shown<'_>) -> Markup {
    let v = View::new(ui, shown);
    let t = ui.t;
    let aside = html! {
        aside.side aria-label=(t.s("filters")) {
            details.filters #filters open {
                summary { (t.s("filters")) (v.filter_count()) }
                (v.facets())
            }
        }
    };
    let main = html! {
        div.toolbar {
            (v.status())
            p.sort { label for="sort" { (t.s("sort")) } " " (v.sort()) }
        }
        (v.chips())
        (v.timeline())
        (v.results())
        // Shown by the script when a search cannot reach the server.
        template #search-failed { (parts::notice(t.s("error"), true)) }
    };
    layout::document(ui, shown.params.get("q").unwrap_or_default(), Some(aside), main)
}

/// The page's regions alone, and its title: what the script swaps in after a change.
pub fn regions(ui: &Ui, shown: &Shown<'_>) -> Markup {
    let v = View::new(ui, shown);
    html! {
        title { (layout::title(ui, shown.params.get("q").unwrap_or_default())) }
        (v.status()) (v.sort()) (v.filter_count()) (v.facets()) (v.chips()) (v.timeline()) (v.results())
    }
}

/// The people region alone: the people matching what is typed in its box.
pub fn people(ui: &Ui, params: &Params, find: &str, values: &[FacetValue]) -> Markup {
    let shown = Shown { params, outcome: Err(""), find: Some((find, values)) };
    View::new(ui, &shown).facet("person", "people")
}

/// The answer to a "when" question, above the results: the dates at their precision, then
/// the post they come from.
fn answer_card(ui: &Ui, answer: &annals_engine::Answer) -> Markup {
    let t = ui.t;
    html! {
        section.answer data-answer=(answer.kind) aria-label=(t.s("answer")) {
            p.answer-dates {
                @for (i, date) in answer.dates.iter().enumerate() {
                    @if i > 0 { ", " }
                    (parts::time(t, date))
                }
            }
            p.answer-post { a href=(ui.post_url(&answer.post.url)) { (answer.post.title) } }
        }
    }
}

/// An answer without hits, for a page whose search failed (or was not needed).
pub fn no_answer() -> SearchResponse {
    SearchResponse {
        total: 0,
        took_ms: 0.0,
        hits: Vec::new(),
        facets: Default::default(),
        page: 1,
        per_page: 10,
        relaxed: false,
        answer: None,
    }
}

struct View<'a> {
    ui: &'a Ui,
    p: &'a Params,
    req: Option<&'a SearchRequest>,
    res: std::borrow::Cow<'a, SearchResponse>,
    error: Option<&'a str>,
    find: Option<(&'a str, &'a [FacetValue])>,
}

impl<'a> View<'a> {
    fn new(ui: &'a Ui, shown: &Shown<'a>) -> View<'a> {
        let (req, res, error) = match shown.outcome {
            Ok((req, res)) => (Some(req), std::borrow::Cow::Borrowed(res), None),
            Err(message) => (None, std::borrow::Cow::Owned(no_answer()), Some(message)),
        };
        View { ui, p: shown.params, req, res, error, find: shown.find }
    }

    fn status(&self) -> Markup {
        let text =
            if self.error.is_none() { self.ui.t.plural("results", self.res.total) } else { String::new() };
        html! { p #status.status role="status" { (text) } }
    }

    fn sort(&self) -> Markup {
        let t = self.ui.t;
        let sort = self.req.map_or(Sort::Relevance, |r| r.sort);
        html! {
            select #sort name="sort" form="search-form" {
                @for (value, label, order) in [
                    ("relevance", "sort_relevance", Sort::Relevance),
                    ("newest", "sort_newest", Sort::Newest),
                    ("oldest", "sort_oldest", Sort::Oldest),
                ] {
                    option value=(value) selected[sort == order] { (t.s(label)) }
                }
            }
        }
    }

    /// Filters chosen, on the "Filters" button.
    fn filter_count(&self) -> Markup {
        let p = self.p;
        let n = FILTERS.iter().map(|k| p.all(k).count()).sum::<usize>()
            + usize::from(p.get("lang").is_some_and(|l| l != self.ui.lang));
        html! { span.badge #filter-count hidden[n == 0] { (n) } }
    }

    fn facets(&self) -> Markup {
        let t = self.ui.t;
        // Language: one at a time (or all).
        let current = self.req.and_then(|r| r.lang.clone()).unwrap_or_default();
        let mut langs: Vec<(String, Option<usize>)> = vec![(String::new(), None)];
        for v in self.res.facets.get("lang").map(Vec::as_slice).unwrap_or_default() {
            langs.push((v.value.clone(), Some(v.count)));
        }
        if !langs.iter().any(|(l, _)| *l == current) {
            langs.push((current.clone(), None));
        }
        let day = |d: Option<jiff::civil::Date>| d.map(|d| d.to_string()).unwrap_or_default();
        html! {
            div.facets #facets {
                @for (facet, legend) in LIST_FACETS { (self.facet(facet, legend)) }
                fieldset.facet #facet-lang {
                    legend { (t.s("language")) }
                    ul { @for (lang, count) in &langs {
                        li { label {
                            input type="radio" name="lang" form="search-form" value=(lang) checked[*lang == current];
                            " "
                            span.name { @if lang.is_empty() { (t.s("all_languages")) } @else { (lang_name(lang)) } }
                            @if let Some(n) = count { " " span.count { (n) } }
                        } }
                    } }
                }
                fieldset.facet #facet-date {
                    legend { (t.s("published")) }
                    div.range {
                        label { (t.s("from")) " "
                            input type="date" name="from" form="search-form" min="1000-01-01" max="9999-12-31"
                                value=(day(self.req.and_then(|r| r.from)));
                        }
                        label { (t.s("to")) " "
                            input type="date" name="to" form="search-form" min="1000-01-01" max="9999-12-31"
                                value=(day(self.req.and_then(|r| r.to)));
                        }
                    }
                }
                p.apply { button type="submit" form="search-form" { (t.s("apply")) } }
            }
        }
    }

    /// One checkbox facet; the people have a box to find more of them (shown by the script).
    fn facet(&self, facet: &str, legend: &'static str) -> Markup {
        let t = self.ui.t;
        let find = self.find.filter(|_| facet == "person");
        let values = match find {
            Some((_, found)) => found,
            None => self.res.facets.get(facet).map(Vec::as_slice).unwrap_or_default(),
        };
        let values = with_selected(values, self.p.all(facet));
        let typed = find.map_or("", |(typed, _)| typed);
        html! {
            fieldset.facet id=(format!("facet-{facet}")) hidden[values.is_empty() && typed.is_empty()] {
                legend { (t.s(legend)) }
                @if facet == "person" {
                    // Kept as it is when the region is swapped: the visitor may be typing.
                    input.facet-find #find-person type="search" autocomplete="off" hidden data-keep
                        value=(typed) placeholder=(t.s("find_person")) aria-label=(t.s("find_person"));
                }
                (self.facet_list(facet, &values))
            }
        }
    }

    fn facet_list(&self, facet: &str, values: &[FacetValue]) -> Markup {
        let t = self.ui.t;
        let item = |v: &FacetValue| {
            html! { li {
                label {
                    input type="checkbox" form="search-form" name=(facet) value=(v.value) checked[self.p.has(facet, &v.value)];
                    " " span.name { (v.label) } " " span.count { (v.count) }
                }
                // A person's page, beside the filter.
                @if facet == "person" {
                    " " a.to-person href=(super::person::href(self.ui, &v.value))
                        title=(fill(t.s("person_page_of"), &[("name", &v.label)]))
                        aria-label=(fill(t.s("person_page_of"), &[("name", &v.label)])) { "→" }
                }
            } }
        };
        let shown = if values.len() >= FACET_FOLD { FACET_SHOWN } else { values.len() };
        let (first, rest) = values.split_at(shown);
        html! {
            ul { @for v in first { (item(v)) } }
            @if !rest.is_empty() {
                details.more open[rest.iter().any(|v| self.p.has(facet, &v.value))] {
                    summary { (fill(self.ui.t.s("more"), &[("n", &values.len().to_string())])) }
                    ul { @for v in rest { (item(v)) } }
                }
            }
        }
    }

    /// The filters chosen, each a link that removes it, and one that removes them all.
    fn chips(&self) -> Markup {
        let (t, p, ui) = (self.ui.t, self.p, self.ui);
        let mut chips: Vec<(String, Params)> = Vec::new();
        for (k, v) in p.iter() {
            let label = match k {
                "person" => self
                    .res
                    .facets
                    .get("person")
                    .and_then(|vs| vs.iter().find(|f| f.value == v))
                    .map_or_else(|| v.to_owned(), |f| f.label.clone()),
                "year" | "category" | "tag" | "event_from" | "event_to" => v.to_owned(),
                "month" => t.date(v),
                "from" => fill(t.s("from_chip"), &[("date", v)]),
                "to" => fill(t.s("to_chip"), &[("date", v)]),
                "lang" if v != ui.lang => {
                    if v.is_empty() {
                        t.s("all_languages").to_owned()
                    } else {
                        lang_name(v)
                    }
                }
                _ => continue,
            };
            chips.push((label, p.without(k, v)));
        }
        let cleared = p.changed(|v| v.retain(|(k, _)| k == "q" || k == "ui"));
        html! {
            div #chips {
                @if !chips.is_empty() {
                    ul.chips aria-label=(t.s("active_filters")) {
                        @for (label, target) in &chips {
                            li { a.chip data-nav href=(ui.here_link(target))
                                aria-label=(fill(t.s("remove_filter"), &[("label", label)])) {
                                (label) span aria-hidden="true" { " ×" }
                            } }
                        }
                        li { a.clear data-nav href=(ui.here_link(&cleared)) { (t.s("clear_all")) } }
                    }
                }
            }
        }
    }

    /// Posts per month, each bar a link choosing (or leaving) its month.
    fn timeline(&self) -> Markup {
        let (t, p, ui) = (self.ui.t, self.p, self.ui);
        let months = timeline_months(self.res.facets.get("month").map(Vec::as_slice).unwrap_or_default());
        let max = months.iter().map(|(_, n)| *n).max().unwrap_or(1).max(1);
        html! {
            div #timeline {
                @if months.len() >= 2 {
                    figure.timeline {
                        figcaption { (t.s("timeline")) }
                        div.tl style=(format!("--n:{}", months.len())) {
                            div.tl-bars { @for (month, count) in &months {
                                @if *count == 0 {
                                    span.bar {}
                                } @else {
                                    @let on = p.has("month", month);
                                    @let target = if on { p.without("month", month) } else { p.set("month", month) };
                                    @let label = fill(t.s("timeline_bar"), &[("month", &t.date(month)), ("posts", &t.plural("posts", *count))]);
                                    a.bar data-nav href=(ui.here_link(&target)) data-month=(month) title=(label)
                                        aria-label=(label) aria-current=[on.then_some("true")]
                                        style=(format!("--v:{:.3}", *count as f64 / max as f64)) {}
                                }
                            } }
                            div.tl-axis aria-hidden="true" { @for (year, span) in timeline_years(&months) {
                                span style=(format!("grid-column:span {span}")) { @if span >= 3 { (year) } }
                            } }
                        }
                    }
                }
            }
        }
    }

    fn results(&self) -> Markup {
        let (t, p, ui, res) = (self.ui.t, self.p, self.ui, &self.res);
        let pages = res.total.div_ceil(res.per_page.max(1)).min(MAX_PAGE);
        // A person named in a hit links to their page.
        let person = |person: &annals_engine::PersonName| {
            (super::person::href(ui, &person.key), p.has("person", &person.key))
        };
        html! {
            div #results.results {
                @if let Some(message) = self.error {
                    (parts::notice(message, true))
                } @else {
                    @if let Some(answer) = &res.answer { (answer_card(ui, answer)) }
                    @if res.relaxed { (parts::notice(t.s("relaxed"), false)) }
                    @if res.hits.is_empty() { p.empty { (t.s("no_results")) } }
                    ol #hits.hits start=((res.page - 1) * res.per_page + 1) {
                        @for hit in &res.hits { (parts::hit(ui, hit, &person)) }
                    }
                    (parts::pager(t, res.page, pages, &|n| ui.here_link(&p.page(n))))
                }
            }
        }
    }
}

/// `values` with every selected value not among them appended (count 0), so a selection can
/// always be seen and undone. Values without a key are left out: they cannot be chosen.
fn with_selected<'a>(values: &[FacetValue], selected: impl Iterator<Item = &'a str>) -> Vec<FacetValue> {
    let mut out: Vec<FacetValue> = values.iter().filter(|v| !v.value.is_empty()).cloned().collect();
    for s in selected {
        if !out.iter().any(|v| v.value == s) {
            out.push(FacetValue { value: s.to_owned(), label: s.to_owned(), count: 0 });
        }
    }
    out
}

/// Every month from the oldest to the newest of the `month` facet, with its count (at most
/// [`TIMELINE_MONTHS`], the newest).
fn timeline_months(values: &[FacetValue]) -> Vec<(String, usize)> {
    let counted: Vec<(u32, usize)> = values
        .iter()
        .filter_map(|v| match super::i18n::Precision::of(&v.value) {
            Some(super::i18n::Precision::Month(y, m)) => {
                Some((u32::from(y) * 12 + u32::from(m) - 1, v.count))
            }
            _ => None,
        })
        .collect();
    let (Some(first), Some(last)) =
        (counted.iter().map(|(i, _)| *i).min(), counted.iter().map(|(i, _)| *i).max())
    else {
        return Vec::new();
    };
    let first = first.max(last.saturating_sub(TIMELINE_MONTHS as u32 - 1));
    (first..=last)
        .map(|i| {
            let count = counted.iter().filter(|(j, _)| *j == i).map(|(_, n)| n).sum();
            (format!("{:04}-{:02}", i / 12, i % 12 + 1), count)
        })
        .collect()
}

/// The years of a timeline and the number of its months in each.
fn timeline_years(months: &[(String, usize)]) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for (month, _) in months {
        let year = month.get(..4).unwrap_or_default();
        match out.last_mut() {
            Some((y, n)) if y == year => *n += 1,
            _ => out.push((year.to_owned(), 1)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use annals_engine::{Hit, PersonName, Translation};

    fn params(query: &str) -> Params {
        let pairs = form_urlencoded::parse(query.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned()));
        Params::parse(pairs.collect(), is_param)
    }

    fn fv(value: &str, count: usize) -> FacetValue {
        FacetValue { value: value.into(), label: value.into(), count }
    }

    fn ui(lang: &str, p: &Params, site: &str) -> Ui {
        Ui::new("/", p.clone(), Some(lang), Some(site)).searching(p)
    }

    fn evil_answer() -> SearchResponse {
        let evil = "\"><script>alert(1)</script>";
        let hit = Hit {
            id: "x".into(),
            url: "/news/\"onmouseover=x".into(),
            path: "p".into(),
            title: evil.into(),
            lang: "ru".into(),
            published: "2019-07-22T10:00:00+06:00".into(),
            event_dates: vec![],
            people: vec![PersonName { key: "k\"".into(), name: evil.into() }],
            snippet: annals_engine::Snippet { text: "a b & c".into(), highlights: vec![(2, 3)] },
            matched_date: None,
            score: 1.0,
            translations: vec![Translation { lang: "kk".into(), url: "/kk/<x>".into() }],
        };
        let mut facets = std::collections::BTreeMap::new();
        facets.insert(
            "person".to_owned(),
            vec![FacetValue { value: "<b>".into(), label: evil.into(), count: 1 }],
        );
        facets.insert("month".to_owned(), vec![fv("2019-07", 1), fv("2019-09", 2)]);
        facets.insert("tag".to_owned(), (0..12).map(|i| fv(&format!("t{i:02}"), 20 - i)).collect());
        SearchResponse {
            total: 25,
            took_ms: 1.0,
            hits: vec![hit],
            facets,
            page: 1,
            per_page: 10,
            relaxed: true,
            answer: None,
        }
    }

    #[test]
    fn results_are_in_the_interface_language_unless_asked_and_counted_disjunctively() {
        assert_eq!(request(&params("q=x"), "kk").map(|r| r.lang), Ok(Some("kk".into())));
        assert_eq!(request(&params("q=x&lang=ru"), "kk").map(|r| r.lang), Ok(Some("ru".into())));
        assert_eq!(request(&params("q=x&lang="), "kk").map(|r| r.lang), Ok(None));
        assert_eq!(request(&params("q=x"), "kk").map(|r| r.disjunctive), Ok(true));
        assert!(request(&params("year=abc"), "kk").is_err());
    }

    #[test]
    fn the_url_keeps_the_search_s_parameters_and_the_interface_language() {
        let kept: Vec<_> = super::params().collect();
        assert_eq!(kept.len(), KNOWN_PARAMS.len() - NOT_PAGE_PARAMS.len());
        assert!(["q", "person", "year", "page", "ui"].iter().all(|k| kept.contains(k)), "{kept:?}");
        assert!(HIDDEN_PARAMS.iter().all(|k| is_param(k)));
        assert_eq!(params("q=x&facets=false&disjunctive=false&limit=3&junk=1").iter().count(), 1);
    }

    #[test]
    fn the_timeline_fills_empty_months() {
        let months = timeline_months(&[fv("2019-11", 2), fv("2020-02", 1), fv("bad", 9)]);
        let shown: Vec<_> = months.iter().map(|(m, n)| format!("{m}:{n}")).collect();
        assert_eq!(shown, ["2019-11:2", "2019-12:0", "2020-01:0", "2020-02:1"]);
        assert_eq!(timeline_years(&months), [("2019".to_owned(), 2), ("2020".to_owned(), 2)]);
    }

    /// The page and its regions for the state `query` and the answer of [`evil_answer`].
    fn rendered(query: &str, lang: &str, site: &str) -> (String, String) {
        let p = params(query);
        let res = evil_answer();
        let req = request(&p, lang).expect("a valid request");
        let ui = ui(lang, &p, site);
        let shown = Shown { params: &p, outcome: Ok((&req, &res)), find: None };
        (page(&ui, &shown).into_string(), regions(&ui, &shown).into_string())
    }

    #[test]
    fn the_page_escapes_everything_but_the_snippet() {
        let (html, _) = rendered("q=%22%3E%3Cscript%3E&person=%3Cb%3E&tag=t11", "ru", "https://example.org");
        assert!(!html.contains("<script>alert") && !html.contains("\"><script>"), "{html}");
        assert!(
            html.contains("<title>&quot;&gt;&lt;script&gt; — Поиск по архиву новостей</title>"),
            "{html}"
        );
        assert!(html.contains("a <mark>b</mark> &amp; c"));
        assert!(html.contains("href=\"https://example.org/news/&quot;onmouseover=x\""));
        assert!(html.contains("href=\"https://example.org/kk/&lt;x&gt;\""));
        assert!(html.contains("value=\"&quot;&gt;&lt;script&gt;\""), "the query in the box");
        assert!(html.contains("25 результатов"));
        assert!(html.contains("class=\"timeline\"") && html.contains("Страница 1 из 3"));
        assert!(html.contains("value=\"&lt;b&gt;\" checked"));
        // A chosen person's chip shows the name (escaped), and links without them.
        assert!(
            html.contains("aria-label=\"Убрать фильтр: &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""),
            "{html}"
        );
        // Twelve tags fold after eight; the chosen one keeps the fold open.
        assert!(html.contains("<details class=\"more\" open><summary>Показать все (12)</summary>"), "{html}");
        // Two filters chosen; no script data on the page.
        assert!(html.contains("<span class=\"badge\" id=\"filter-count\">2</span>"), "{html}");
        assert!(!html.contains("annals-config"));
    }

    #[test]
    fn the_regions_are_the_page_s_own() {
        let (full, parts) = rendered("q=forum&year=2019&ui=en", "en", "");
        let title = "<title>forum — News archive search</title>";
        assert!(parts.starts_with(title) && full.contains(title), "{parts}");
        for id in ["status", "sort", "filter-count", "facets", "chips", "timeline", "results"] {
            let region = element(&parts, id);
            assert!(!region.is_empty(), "{id} missing from the regions");
            assert_eq!(element(&full, id), region, "{id}");
        }
    }

    /// The element with `id` (`<tag … id="…">` to its matching close), assuming no element
    /// of the same tag inside it.
    fn element(html: &str, id: &str) -> String {
        let Some(at) = html.find(&format!(" id=\"{id}\"")) else { return String::new() };
        let start = html[..at].rfind('<').unwrap_or(0);
        let tag: String = html[start + 1..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
        let mut depth = 0usize;
        let mut i = start;
        while i < html.len() {
            if html[i..].starts_with(&open) {
                depth += 1;
            } else if html[i..].starts_with(&close) {
                depth -= 1;
                if depth == 0 {
                    return html[start..i + close.len()].to_owned();
                }
            }
            i += html[i..].chars().next().map_or(1, char::len_utf8);
        }
        String::new()
    }

    #[test]
    fn errors_are_shown_on_the_page() {
        let p = params("year=abc");
        let ui = ui("en", &p, "");
        let html =
            page(&ui, &Shown { params: &p, outcome: Err("`abc` is not a year"), find: None }).into_string();
        assert!(html.contains("role=\"alert\">`abc` is not a year</p>"));
        assert!(html.contains("<p class=\"status\" id=\"status\" role=\"status\"></p>"), "{html}");
        // The bad value can still be seen and undone.
        assert!(html.contains("value=\"abc\" checked"), "{html}");
    }

    #[test]
    fn people_found_by_typing_replace_the_people_of_the_answer() {
        let p = params("person=b");
        let ui = ui("en", &p, "");
        let found = [fv("pivovarova-i", 3)];
        let html = people(&ui, &p, "piv", &found).into_string();
        assert!(html.starts_with("<fieldset class=\"facet\" id=\"facet-person\">"), "{html}");
        assert!(html.contains("value=\"piv\""));
        assert!(html.contains("value=\"pivovarova-i\"") && html.contains("value=\"b\" checked"), "{html}");
        // Nothing found for what is typed: the box stays, so it can be changed.
        let none = people(&ui, &Params::default(), "zzz", &[]).into_string();
        assert!(none.starts_with("<fieldset class=\"facet\" id=\"facet-person\">"), "{none}");
    }
}
