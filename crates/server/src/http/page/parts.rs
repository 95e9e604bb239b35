//! Pieces that any page may show: dates, people, hits, notices, a pager.

use maud::{Markup, PreEscaped, html};

use super::i18n::{Precision, Strings, fill, lang_name};
use super::layout::Ui;
use annals_engine::{Hit, PersonName};

/// A date of any precision (`2019-07-22…`, `2019-07`, `2019`, or a range `a/b` of them) as
/// the reader's language writes it, in `<time>` with the machine-readable value.
pub fn time(t: Strings, value: &str) -> Markup {
    if let Some((from, to)) = value.split_once('/') {
        let (from, to) = (time(t, from), time(t, to));
        return PreEscaped(fill(t.s("date_range"), &[("from", &from.0), ("to", &to.0)]));
    }
    html! { time datetime=[Precision::of(value).map(Precision::machine)] { (t.date(value)) } }
}

/// A person's name as a link to `href`; `current` when the page is about them already (a
/// chosen filter). The link is followed in place by the search page's script when it leads
/// to another state of the same page, and like any link otherwise.
pub fn person_link(name: &str, lang: &str, href: &str, current: bool) -> Markup {
    html! { a.person data-nav href=(href) lang=(lang) aria-current=[current.then_some("true")] { (name) } }
}

/// One found post: its title linking to the post, date, language, the snippet with the
/// matched words in `<mark>`, the people it names (`person` gives each one's link and
/// whether it is current) and its other language versions.
pub fn hit(ui: &Ui, hit: &Hit, person: &dyn Fn(&PersonName) -> (String, bool)) -> Markup {
    let t = ui.t;
    let people: Vec<&PersonName> = hit.people.iter().filter(|p| !p.key.is_empty()).collect();
    html! {
        li.hit {
            h2.hit-title { a.hit-link href=(ui.post_url(&hit.url)) lang=(hit.lang) { (hit.title) } }
            p.hit-meta {
                (time(t, &hit.published)) " "
                span.hit-lang title=(lang_name(&hit.lang)) { (hit.lang) }
            }
            // A date typed in the query that this post is of (an event first).
            @if let Some(date) = &hit.matched_date {
                p.hit-matched { span.label { (t.s("matched_date")) } " " (time(t, date)) }
            }
            // The snippet's text is escaped there, its matches put in <mark>.
            p.hit-snippet lang=(hit.lang) { (PreEscaped(crate::html::snippet(&hit.snippet))) }
            @if !people.is_empty() {
                p.hit-people {
                    span.label { (t.s("named")) } " "
                    @for p in people {
                        @let (href, current) = person(p);
                        (person_link(&p.name, &hit.lang, &href, current)) " "
                    }
                }
            }
            @if !hit.translations.is_empty() {
                p.hit-tr {
                    span.label { (t.s("also_in")) } " "
                    @for tr in &hit.translations {
                        a href=(ui.post_url(&tr.url)) hreflang=(tr.lang) lang=(tr.lang) { (lang_name(&tr.lang)) } " "
                    }
                }
            }
        }
    }
}

/// A notice above results; `error` ones are announced at once.
pub fn notice(message: &str, error: bool) -> Markup {
    html! {
        @if error { p.notice.error role="alert" { (message) } } @else { p.notice { (message) } }
    }
}

/// Links to the previous and next of `pages` pages around `page`; nothing for one page.
pub fn pager(t: Strings, page: usize, pages: usize, href: &dyn Fn(usize) -> String) -> Markup {
    html! {
        @if pages > 1 {
            nav.pager aria-label=(t.s("pages")) {
                @if page > 1 { a rel="prev" data-nav href=(href(page - 1)) { "← " (t.s("prev")) } }
                span aria-current="page" {
                    (fill(t.s("page_of"), &[("n", &page.to_string()), ("total", &pages.to_string())]))
                }
                @if page < pages { a rel="next" data-nav href=(href(page + 1)) { (t.s("next")) " →" } }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_carry_their_machine_value() {
        let en = Strings { lang: "en" };
        assert_eq!(
            time(en, "2019-07-22T10:00:00+06:00").0,
            "<time datetime=\"2019-07-22\">22 July 2019</time>"
        );
        assert_eq!(time(en, "2019").0, "<time datetime=\"2019\">2019</time>");
        assert_eq!(
            time(en, "2019-07-20/2019-07").0,
            "<time datetime=\"2019-07-20\">20 July 2019</time> – <time datetime=\"2019-07\">July 2019</time>"
        );
        assert_eq!(time(en, "<soon>").0, "<time>&lt;soon&gt;</time>");
    }

    #[test]
    fn a_pager_links_its_neighbours() {
        let t = Strings { lang: "ru" };
        let href = |n: usize| format!("?page={n}");
        assert_eq!(pager(t, 1, 1, &href).0, "");
        let html = pager(t, 2, 3, &href).0;
        assert!(html.contains("<a rel=\"prev\" data-nav href=\"?page=1\">← "), "{html}");
        assert!(html.contains("Страница 2 из 3") && html.contains("href=\"?page=3\""), "{html}");
        assert!(!pager(t, 3, 3, &href).0.contains("rel=\"next\""));
    }
}
