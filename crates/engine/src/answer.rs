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
//!   aside: the publication date alone is no answer;
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
    let lower = q.to_lowercase().replace('ё', "е");
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '"')
        .filter(|w| !w.is_empty())
        .collect();
    let joined = format!(" {} ", words.join(" "));
    let phrase = WHEN.iter().find(|p| joined.contains(&format!(" {p} ")))?;
    let rest = joined.replacen(&format!(" {phrase} "), " ", 1);
    let kept: Vec<&str> = rest.split_whitespace().filter(|w| !QUESTION_WORDS.contains(w)).collect();
    (!kept.is_empty()).then(|| kept.join(" "))
}

/// The dates of `dates` that contain no other date of the list.
fn finest(dates: &[String]) -> Vec<&str> {
    let range = |d: &str| annals_index::value_range(d);
    dates
        .iter()
        .map(String::as_str)
        .filter(|d| {
            let Some((a, b)) = range(d) else { return false };
            !dates
                .iter()
                .any(|o| o != d && range(o).is_some_and(|(c, e)| a <= c && e <= b && (a, b) != (c, e)))
        })
        .fold(Vec::new(), |mut out, d| {
            if !out.contains(&d) {
                out.push(d);
            }
            out
        })
}

/// The answer the best hits give, if they leave no doubt. `complete` says whether the best
/// hit has every word of the query.
pub fn when(hits: &[Hit], complete: bool) -> Option<Answer> {
    let best = hits.first().filter(|_| complete)?;
    let dates = finest(&best.event_dates);
    let [date] = dates.as_slice() else { return None };
    for other in hits.iter().take(WEIGHED).skip(1) {
        if other.score >= best.score * RUNNER_UP && !finest(&other.event_dates).contains(date) {
            return None;
        }
    }
    Some(Answer {
        kind: "when",
        dates: vec![(*date).to_owned()],
        post: PostLink { url: best.url.clone(), title: best.title.clone() },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::response::Snippet;

    fn hit(score: f32, dates: &[&str]) -> Hit {
        Hit {
            id: format!("s:en:/{score}"),
            url: format!("/{score}"),
            path: String::new(),
            title: format!("post {score}"),
            lang: "en".into(),
            published: String::new(),
            event_dates: dates.iter().map(|d| (*d).to_owned()).collect(),
            people: Vec::new(),
            snippet: Snippet::default(),
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
