//! A read post plus what was extracted from it, turned into one Tantivy document.
//!
//! Pure: no I/O. [`PostDoc::build`] runs the extraction, [`PostDoc::to_document`] fills the
//! fields named in [`crate::schema`].

use std::collections::BTreeSet;

use annals_extract::Extraction;
use annals_grav::Post;
use serde::{Deserialize, Serialize};
use tantivy::{DateTime, TantivyDocument};

use crate::schema::{Fields, Lang};

/// Ranges longer than this many days are indexed by their first and last day only.
const MAX_EVENT_DAYS: i64 = 400;

/// Earliest moment Tantivy's nanosecond dates can hold safely (1700-01-01T00:00:00Z).
pub const EARLIEST_SECS: i64 = -8_520_336_000;
/// Latest moment Tantivy's nanosecond dates can hold safely (2200-01-01T00:00:00Z).
pub const LATEST_SECS: i64 = 7_258_118_400;

/// A Tantivy date for `secs` since the epoch, clamped to what Tantivy can store (a page
/// dated `9999` or an event "in 1034" must not overflow its nanoseconds).
pub fn tantivy_date(secs: i64) -> DateTime {
    DateTime::from_timestamp_secs(secs.clamp(EARLIEST_SECS, LATEST_SECS))
}

/// A person named in a post, as stored with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonRef {
    /// Archive-wide key (`annals_extract::person_key`).
    pub key: String,
    /// Fullest form of the name in this post.
    pub name: String,
    /// Title or role next to the name in this post.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub role: Option<String>,
}

/// What a post yields for the index, before it becomes fields.
#[derive(Debug, Clone)]
pub struct PostDoc {
    /// Document id (`<site>:<lang>:<route>`).
    pub id: String,
    /// Source file relative to the content root, `/`-separated.
    pub path: String,
    /// Content hash of the source.
    pub hash: u64,
    /// Site id.
    pub site: String,
    /// Translation group (site + page folder).
    pub group: String,
    /// Grav template of the page file (`item` for a blog post).
    pub template: String,
    /// The post as read.
    pub post: Post,
    /// People, one entry per key, in order of first mention.
    pub people: Vec<PersonRef>,
    /// Event dates told in the text, ISO values, deduplicated, in text order.
    pub event_dates: Vec<String>,
}

/// Document id for a post of `site` at `route` in `lang`.
pub fn doc_id(site: &str, lang: &str, route: &str) -> String {
    format!("{site}:{lang}:{route}")
}

impl PostDoc {
    /// Runs people and date extraction over the post's title and body.
    pub fn build(site: &str, group: String, path: String, hash: u64, post: Post) -> PostDoc {
        let text = format!("{}\n\n{}", post.title, post.body);
        let extraction = annals_extract::extract(&text, &post.lang, Some(post.date.date()));
        let (people, event_dates) = summarise(&extraction);
        PostDoc {
            id: doc_id(site, &post.lang, &post.route),
            path,
            hash,
            site: site.to_owned(),
            group,
            template: String::new(),
            post,
            people,
            event_dates,
        }
    }

    /// The Tantivy document.
    pub fn to_document(&self, f: &Fields) -> TantivyDocument {
        let p = &self.post;
        let mut d = TantivyDocument::new();
        d.add_text(f.id, &self.id);
        d.add_text(f.path, &self.path);
        d.add_u64(f.hash, self.hash);
        let expires = p.unpublish_date.map(|t| t.as_second().max(0) as u64);
        d.add_u64(f.expires, expires.unwrap_or(u64::MAX));
        d.add_text(f.site, &self.site);
        d.add_text(f.group, &self.group);
        d.add_text(f.url, &p.url);
        d.add_text(f.lang, &p.lang);
        d.add_text(f.template, &self.template);
        d.add_text(f.title_text, &p.title);
        d.add_text(f.title_exact, &p.title);
        let lf = f.lang(Lang::of(&p.lang));
        d.add_text(lf.title, &p.title);
        d.add_text(lf.body, &p.body);
        d.add_text(f.summary, &p.summary);
        d.add_text(f.body_text, &p.body);
        d.add_text(f.names, &p.title);
        let ts = p.date.timestamp();
        d.add_date(f.published, tantivy_date(ts.as_second()));
        d.add_text(f.published_text, rfc3339(&p.date));
        let date = p.date.date();
        d.add_text(f.year, date.year().to_string());
        d.add_text(f.month, format!("{:04}-{:02}", date.year(), date.month()));
        for (key, values) in &p.taxonomy {
            let field = match key.as_str() {
                "category" | "categories" => f.category,
                "tag" | "tags" => f.tag,
                _ => continue,
            };
            for v in values {
                d.add_text(field, v);
            }
        }
        for person in &self.people {
            d.add_text(f.person, &person.key);
            d.add_text(f.person_label, format!("{}\u{1f}{}\u{1f}{}", person.key, p.lang, person.name));
            d.add_text(f.names, &person.name);
        }
        d.add_text(f.people, serde_json::to_string(&self.people).unwrap_or_default());
        let mut years = BTreeSet::new();
        for value in &self.event_dates {
            if let Some((first, last)) = annals_lang::iso::value_range(value) {
                years.extend(first.year()..=last.year());
                for day in event_days(value, first, last) {
                    let secs =
                        day.to_zoned_datetime(jiff::tz::TimeZone::UTC).map(|z| z.timestamp().as_second());
                    // Days Tantivy cannot hold are not indexed (they stay in `event_dates`).
                    if let Some(secs) = secs.ok().filter(|s| (EARLIEST_SECS..=LATEST_SECS).contains(s)) {
                        d.add_date(f.event_day, tantivy_date(secs));
                    }
                }
            }
        }
        for y in years {
            d.add_text(f.event_year, y.to_string());
        }
        d.add_text(f.event_dates, serde_json::to_string(&self.event_dates).unwrap_or_default());
        let meta = Meta {
            date_source: p.date_source,
            lang_source: p.lang_source,
            visible: p.visible,
            taxonomy: &p.taxonomy,
        };
        d.add_text(f.meta, serde_json::to_string(&meta).unwrap_or_default());
        d
    }
}

/// Secondary stored facts about a post.
#[derive(Serialize)]
struct Meta<'a> {
    date_source: annals_grav::DateSource,
    lang_source: annals_grav::LangSource,
    visible: bool,
    taxonomy: &'a std::collections::BTreeMap<String, Vec<String>>,
}

/// RFC 3339 with the site's UTC offset, seconds precision: `2019-07-22T10:00:00+06:00`.
pub fn rfc3339(z: &jiff::ZonedDateTime) -> String {
    z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

fn summarise(x: &Extraction) -> (Vec<PersonRef>, Vec<String>) {
    let mut people: Vec<PersonRef> = Vec::new();
    for m in &x.persons {
        match people.iter_mut().find(|p| p.key == m.key) {
            Some(p) => {
                if m.name.chars().count() > p.name.chars().count() {
                    p.name = m.name.clone();
                }
                if p.role.is_none() {
                    p.role = m.role.clone();
                }
            }
            None => people.push(PersonRef { key: m.key.clone(), name: m.name.clone(), role: m.role.clone() }),
        }
    }
    let mut dates: Vec<String> = Vec::new();
    // A date without a value ("now" with no anchor) says nothing about when.
    for m in x.dates.iter().filter(|m| annals_lang::iso::value_range(&m.value).is_some()) {
        if !dates.contains(&m.value) {
            dates.push(m.value.clone());
        }
    }
    (people, dates)
}

/// The days indexed for an event date `value` covering `first..=last`: every day of a date
/// given to the day (`2019-07-20`, `2019-07-20/2019-07-21`); only the first and last day of a
/// month or year (`2019-07`, `2019`, `1993/1996`), which say nothing about their days: a search
/// for a day of them does not take them for an event then, a search for the whole does.
fn event_days(value: &str, first: jiff::civil::Date, last: jiff::civil::Date) -> Vec<jiff::civil::Date> {
    if value.split('/').all(|part| part.split('-').count() == 3) {
        days(first, last)
    } else {
        vec![first, last]
    }
}

fn days(first: jiff::civil::Date, last: jiff::civil::Date) -> Vec<jiff::civil::Date> {
    let span = first.until(last).map(|s| s.get_days() as i64).unwrap_or(0);
    if span > MAX_EVENT_DAYS {
        return vec![first, last];
    }
    let mut out = Vec::new();
    let mut day = first;
    while day <= last {
        out.push(day);
        match day.tomorrow() {
            Ok(next) => day = next,
            Err(_) => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::event_days;
    use jiff::civil::date;

    #[test]
    fn days_of_an_event_are_indexed_to_its_precision() {
        let (a, b) = (date(2019, 7, 20), date(2019, 7, 22));
        assert_eq!(event_days("2019-07-20/2019-07-22", a, b), [a, date(2019, 7, 21), b]);
        let (a, b) = (date(2019, 7, 1), date(2019, 7, 31));
        assert_eq!(event_days("2019-07", a, b), [a, b]);
        let (a, b) = (date(2019, 1, 1), date(2019, 12, 31));
        assert_eq!(event_days("2019", a, b), [a, b]);
    }
}
