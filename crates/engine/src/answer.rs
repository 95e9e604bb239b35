//! Answers to "when" questions: `когда прошёл форум`, `қашан өтті`, `when was the forum`.
//!
//! A query that asks when something happened is searched without its question words, and,
//! when the hits leave no doubt, answered with the event dates told in the best post. A
//! wrong answer is worse than none, so the engine answers only when:
//!
//! - the query asks "when" (a question word of kk, ru or en, [`question`]), and words remain
//!   once the question words are gone;
//! - the best hit has every remaining word (not a relaxed match) and tells of exactly one
//!   event date, once dates that merely contain another (`2019` around `2019-07-20`) are set
//!   aside, or of exactly one near its publication (news reports what just happened or is
//!   about to: "cooperation since 2019" or "the next forum in 2026" is background): the
//!   publication date alone is no answer;
//! - no close runner-up (a hit scoring within [`RUNNER_UP`] of the best) tells of another
//!   date.

use crate::response::{Answer, Hit, PostLink};

/// Hits an answer looks at: the best and its two runners-up.
pub const WEIGHED: usize = 3;

/// A runner-up scoring at least this share of the best hit's score is close enough for its
/// dates to count as a disagreement.
pub const RUNNER_UP: f32 = 0.8;

/// Phrases that ask "when", longest first within each language (lowercase; `ё` as `е`).
/// Written for this engine from the grammar of questions in each language.
const WHEN: &[&str] = &[
    // kk
    "қай жылы",
    "қай айда",
    "қай күні",
    "қашан",
    // ru
    "в каком году",
    "в каком месяце",
    "какого числа",
    "в какой день",
    "когда",
    // en
    "in what year",
    "in which year",
    "on what date",
    "on which date",
    "what year",
    "which year",
    "what date",
    "which date",
    "when",
];

/// Words that only carry the question ("was", "прошел", "өтті"): dropped with it, since a
/// post tells of the event in its own words. Written for this engine (auxiliaries and the
/// usual verbs of taking place, in kk, ru and en).
const QUESTION_WORDS: &[&str] = &[
    // kk
    "өтті",
    "өтеді",
    "болды",
    "болады",
    "басталды",
    "ашылды",
    "өткізілді",
    "ма",
    "ме",
    "ба",
    "бе",
    // ru
    "был",
    "была",
    "было",
    "были",
    "будет",
    "состоялся",
    "состоялась",
    "состоялось",
    "состоялись",
    "прошел",
    "прошла",
    "прошло",
    "прошли",
    "пройдет",
    "открылся",
    "открылась",
    "начался",
    "началась",
    "проводился",
    "проводилась",
    "проходил",
    "проходила",
    "ли",
    // en
    "did",
    "does",
    "do",
    "was",
    "were",
    "is",
    "are",
    "will",
    "take",
    "took",
    "taken",
    "place",
    "happen",
    "happened",
    "held",
    "start",
    "started",
    "open",
    "opened",
];

/// The query without its question words when it asks "when", else `None`.
pub fn question(q: &str) -> Option<String> {
    // Every search asks this: words are compared in place, no string built per phrase.
    let lower = q.to_lowercase().replace('ё', "е");
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '"')
        .filter(|w| !w.is_empty())
        .collect();
    let (at, len) = WHEN.iter().find_map(|phrase| {
        let len = phrase.split(' ').count();
        let at = words.windows(len).position(|w| w.iter().copied().eq(phrase.split(' ')))?;
        Some((at, len))
    })?;
    let kept: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|&(i, w)| !(at..at + len).contains(&i) && !QUESTION_WORDS.contains(w))
        .map(|(_, w)| *w)
        .collect();
    (!kept.is_empty()).then(|| kept.join(" "))
}

/// The dates of `dates` that say most: a year or month around a finer date of the list
/// gives way to it (`2019` to `2019-07-20`), and a day inside a range of the list gives way to
/// the range (the day is a part of the event the range tells of).
fn finest(dates: &[String]) -> Vec<&str> {
    let range = |d: &str| annals_lang::iso::value_range(d);
    let inside = |inner: (jiff::civil::Date, jiff::civil::Date),
                  outer: (jiff::civil::Date, jiff::civil::Date)| {
        outer.0 <= inner.0 && inner.1 <= outer.1 && inner != outer
    };
    dates
        .iter()
        .map(String::as_str)
        .filter(|d| {
            let Some(this) = range(d) else { return false };
            !dates.iter().any(|o| {
                let Some(other) = range(o) else { return false };
                let is_range = |v: &str| v.contains('/');
                // A coarse value (year, month) around another; a day inside a range.
                (!is_range(d) && inside(other, this)) || (is_range(o) && !is_range(d) && inside(this, other))
            })
        })
        .fold(Vec::new(), |mut out, d| {
            if !out.contains(&d) {
                out.push(d);
            }
            out
        })
}

/// Days before and after its publication within which a post's event is its news.
const NEWS_BEFORE_DAYS: i64 = 92;
const NEWS_AFTER_DAYS: i64 = 183;

/// The one date a post is about: its only finest date, else its only finest date near its
/// publication (`published`, RFC 3339).
fn date_of<'a>(dates: &[&'a str], published: &str) -> Option<&'a str> {
    if let [date] = dates {
        return Some(date);
    }
    let day: jiff::civil::Date = published.get(..10)?.parse().ok()?;
    let (from, to) = (
        day.checked_sub(jiff::Span::new().days(NEWS_BEFORE_DAYS)).ok()?,
        day.checked_add(jiff::Span::new().days(NEWS_AFTER_DAYS)).ok()?,
    );
    let near: Vec<&str> = dates
        .iter()
        .copied()
        .filter(|d| annals_lang::iso::value_range(d).is_some_and(|(a, b)| a <= to && b >= from))
        .collect();
    match near.as_slice() {
        [date] => Some(date),
        _ => None,
    }
}

/// The answer the best hits give, if they leave no doubt. `complete` says whether the best
/// hit has every word of the query.
pub fn when(hits: &[Hit], complete: bool) -> Option<Answer> {
    let best = hits.first().filter(|_| complete)?;
    let date = date_of(&finest(&best.event_dates), &best.published)?;
    for other in hits.iter().take(WEIGHED).skip(1) {
        if other.score >= best.score * RUNNER_UP && !finest(&other.event_dates).contains(&date) {
            return None;
        }
    }
    Some(Answer {
        kind: "when",
        dates: vec![date.to_owned()],
        post: PostLink { url: best.url.clone(), title: best.title.clone() },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::response::Snippet;

    fn hit(score: f32, dates: &[&str]) -> Hit {
        published(score, dates, "")
    }

    fn published(score: f32, dates: &[&str], published: &str) -> Hit {
        Hit {
            id: format!("s:en:/{score}"),
            url: format!("/{score}"),
            path: String::new(),
            title: format!("post {score}"),
            lang: "en".into(),
            published: published.to_owned(),
            event_dates: dates.iter().map(|d| (*d).to_owned()).collect(),
            people: Vec::new(),
            snippet: Snippet::default(),
            matched_date: None,
            score,
            translations: Vec::new(),
        }
    }

    #[test]
    fn questions_are_recognised_in_three_languages() {
        assert_eq!(question("когда прошёл форум Шёлкового пути?").as_deref(), Some("форум шелкового пути"));
        assert_eq!(question("В каком году открылся центр").as_deref(), Some("центр"));
        assert_eq!(question("донорлар күні қашан өтті").as_deref(), Some("донорлар күні"));
        assert_eq!(question("When was the EHA tutorial").as_deref(), Some("the eha tutorial"));
        assert_eq!(
            question("what year did the hemostasis school take place").as_deref(),
            Some("the hemostasis school")
        );
        assert_eq!(question("silk road forum"), None);
        assert_eq!(question("whenever"), None);
        assert_eq!(question("когда"), None);
    }

    #[test]
    fn one_clear_event_date_is_the_answer() {
        let a = when(&[hit(10.0, &["2019", "2019-07-20/2019-07-21"]), hit(5.0, &["2020-01"])], true);
        assert_eq!(a.map(|a| a.dates), Some(vec!["2019-07-20/2019-07-21".to_owned()]));
    }

    #[test]
    fn ranges_stand_for_their_days_and_days_for_their_years() {
        let dates = |v: &[&str]| v.iter().map(|d| (*d).to_owned()).collect::<Vec<_>>();
        assert_eq!(finest(&dates(&["2023-11-23", "2023-11-21/2023-11-23"])), ["2023-11-21/2023-11-23"]);
        assert_eq!(finest(&dates(&["2019", "2019-07", "2019-07-20"])), ["2019-07-20"]);
        assert_eq!(finest(&dates(&["2019", "2019-07-20/2019-07-21"])), ["2019-07-20/2019-07-21"]);
        assert_eq!(finest(&dates(&["2019-03-14", "2020-03-14"])), ["2019-03-14", "2020-03-14"]);
        assert_eq!(finest(&dates(&["nonsense", "2019"])), ["2019"]);
    }

    #[test]
    fn background_dates_leave_the_news_date() {
        let memo = published(10.0, &["2023-10-12", "2019"], "2023-10-16T10:00:00+06:00");
        assert_eq!(when(&[memo], true).map(|a| a.dates), Some(vec!["2023-10-12".to_owned()]));
        let forum = published(10.0, &["2024-09-12/2024-09-14", "2026"], "2024-09-16T10:00:00+05:00");
        assert_eq!(when(&[forum], true).map(|a| a.dates), Some(vec!["2024-09-12/2024-09-14".to_owned()]));
        // Two dates near the publication: no telling which.
        let two = published(10.0, &["2023-10-12", "2023-11-20"], "2023-10-16T10:00:00+06:00");
        assert!(when(&[two], true).is_none());
    }

    #[test]
    fn doubt_gives_no_answer() {
        // No event date: the publication date alone is no answer.
        assert!(when(&[hit(10.0, &[])], true).is_none());
        // Two dates in the best post.
        assert!(when(&[hit(10.0, &["2019-03-14", "2019-09-23"])], true).is_none());
        // A close runner-up tells of another date.
        assert!(when(&[hit(10.0, &["2019-03-14"]), hit(9.0, &["2020-03-14"])], true).is_none());
        // ... but one telling of the same event agrees.
        assert!(when(&[hit(10.0, &["2019-03-14"]), hit(9.0, &["2019-03-14"])], true).is_some());
        // The best hit lacks some of the words.
        assert!(when(&[hit(10.0, &["2019-03-14"])], false).is_none());
        assert!(when(&[], true).is_none());
    }
}
