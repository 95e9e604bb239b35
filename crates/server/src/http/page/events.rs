//! The events page (`/events`): a timeline of the event dates told in the posts, grouped by
//! year and month, filtered by words, a person and a period (`q`, `person`, `from`, `to`).
//! It shows what `/api/events` answers for the same parameters.

use maud::{Markup, html};

use super::i18n::Precision;
use super::layout::{self, Ui};
use super::params::Params;
use super::{parts, person};
use annals_engine::{Timeline, TimelineEntry};

/// The parameters of the page.
pub const PARAMS: [&str; 6] = ["q", "person", "from", "to", "ui", "lang"];

/// The year and month (`2019`, `07`) an entry is filed under: its first day's.
fn filed_under(e: &TimelineEntry) -> (String, Option<u8>) {
    let first = e.date.split('/').next().unwrap_or(&e.date);
    match Precision::of(first) {
        Some(Precision::Day(y, m, _) | Precision::Month(y, m)) => (y.to_string(), Some(m)),
        Some(Precision::Year(y)) => (y.to_string(), None),
        None => (first.to_owned(), None),
    }
}

/// The page: the filter form, then the timeline (or `error`, a parameter that could not be
/// used, or a person's name when filtered by one).
pub fn page(ui: &Ui, params: &Params, found: Result<&Timeline, &str>, person_name: Option<&str>) -> Markup {
    let t = ui.t;
    let value = |k: &str| params.get(k).unwrap_or_default().to_owned();
    let main = html! {
        h1 { (t.s("events")) }
        p.lead { (t.s("events_intro")) }
        form.event-filters method="get" action="events" role="search" {
            @if let Some(ui_lang) = params.get("ui") { input type="hidden" name="ui" value=(ui_lang); }
            @if let Some(lang) = params.get("lang") { input type="hidden" name="lang" value=(lang); }
            @if let Some(key) = params.get("person") { input type="hidden" name="person" value=(key); }
            p {
                label for="ev-q" { (t.s("words")) } " "
                input #ev-q type="search" name="q" value=(value("q"));
            }
            p {
                label for="ev-from" { (t.s("from_date")) } " "
                input #ev-from type="text" name="from" inputmode="numeric" size="10" value=(value("from"));
            }
            p {
                label for="ev-to" { (t.s("to_date")) } " "
                input #ev-to type="text" name="to" inputmode="numeric" size="10" value=(value("to"));
            }
            p { button type="submit" { (t.s("show")) } }
        }
        @if let (Some(name), Some(key)) = (person_name, params.get("person")) {
            p.chips {
                span.label { (t.s("person")) ": " }
                (parts::person_link(name, ui.lang, &person::href(ui, key), false))
                " " a.chip-remove href=(ui.here_link(&params.without("person", key))) aria-label=(t.s("remove_filter")) { "×" }
            }
        }
        @match found {
            Err(message) => (parts::notice(message, true)),
            Ok(timeline) => (entries(ui, timeline)),
        }
    };
    layout::page(ui, t.s("events"), main)
}

/// Entries filed under one month of a year (`None`: the year as a whole).
type Month<'a> = (Option<u8>, Vec<&'a TimelineEntry>);

fn entries(ui: &Ui, timeline: &Timeline) -> Markup {
    let t = ui.t;
    // Years, then months (entries of a whole year first), in the order given: oldest first.
    let mut years: Vec<(String, Vec<Month<'_>>)> = Vec::new();
    for e in &timeline.events {
        let (year, month) = filed_under(e);
        if years.last().is_none_or(|(y, _)| *y != year) {
            years.push((year.clone(), Vec::new()));
        }
        let months = &mut years.last_mut().expect("a year was pushed").1;
        match months.iter_mut().find(|(m, _)| *m == month) {
            Some((_, list)) => list.push(e),
            None => months.push((month, vec![e])),
        }
    }
    for (_, months) in &mut years {
        months.sort_by_key(|(m, _)| m.unwrap_or(0));
    }
    html! {
        p.count role="status" { (t.plural("event_dates", timeline.total)) }
        @if timeline.events.is_empty() {
            (parts::notice(t.s("no_events"), false))
        }
        @for (year, months) in &years {
            section.event-year aria-labelledby=(format!("y{year}")) {
                h2 #(format!("y{year}")) { (year) }
                @for (month, list) in months {
                    @if let Some(m) = month {
                        h3 { (parts::time(t, &format!("{year}-{m:02}"))) }
                    }
                    ol.event-list {
                        @for e in list {
                            li {
                                span.event-date { (parts::time(t, &e.date)) }
                                ul.event-posts {
                                    @for p in &e.posts {
                                        li { a href=(ui.post_url(&p.url)) lang=(p.lang) { (p.title) } }
                                    }
                                }
                                @if !e.people.is_empty() {
                                    p.event-people {
                                        span.label { (t.s("named")) } " "
                                        @for p in &e.people {
                                            (parts::person_link(&p.name, ui.lang, &person::href(ui, &p.key), false)) " "
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use annals_engine::{PersonName, PostRef};

    fn entry(date: &str) -> TimelineEntry {
        TimelineEntry {
            date: date.into(),
            posts: vec![PostRef {
                id: "i".into(),
                title: "<Forum>".into(),
                url: "/en/x".into(),
                lang: "en".into(),
            }],
            people: vec![PersonName { key: "k\"".into(), name: "<b>N</b>".into() }],
        }
    }

    #[test]
    fn entries_are_grouped_by_year_and_month_and_escaped() {
        let ui = Ui::new("/events", Params::default(), Some("en"), None);
        let timeline = Timeline {
            events: vec![
                entry("2019"),
                entry("2019-07-20/2019-07-21"),
                entry("2019-07"),
                entry("2020-01-05"),
            ],
            total: 4,
        };
        let html = page(&ui, &Params::default(), Ok(&timeline), None).into_string();
        assert_eq!(html.matches("<h1>").count(), 1);
        let (y2019, y2020) = (html.find(">2019</h2>").expect("2019"), html.find(">2020</h2>").expect("2020"));
        assert!(y2019 < y2020);
        assert!(html.contains("July 2019</time></h3>"), "{html}");
        assert!(html.contains("20 July 2019</time> – <time datetime=\"2019-07-21\">21 July 2019"), "{html}");
        assert!(html.contains("4 event dates"));
        assert!(!html.contains("<b>N</b>") && !html.contains("<Forum>"));
        assert!(html.contains("href=\"people/k%22\""), "person links are encoded: {html}");
    }

    #[test]
    fn errors_and_empty_periods_are_said() {
        let ui = Ui::new("/events", Params::default(), Some("ru"), None);
        let html = page(&ui, &Params::default(), Err("invalid `from`"), None).into_string();
        assert!(html.contains("role=\"alert\"") && html.contains("invalid `from`"));
        let empty = Timeline { events: Vec::new(), total: 0 };
        let html = page(&ui, &Params::default(), Ok(&empty), None).into_string();
        assert!(html.contains("За этот период событий нет"), "{html}");
    }
}
