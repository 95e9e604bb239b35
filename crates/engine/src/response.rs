//! What the engine answers: the shapes that leave the process as JSON, over HTTP and from
//! `annals search --json` alike.

use std::collections::BTreeMap;

use serde::Serialize;

/// A page of search results with facet counts.
#[derive(Debug, Clone, Serialize)]
pub struct SearchResponse {
    /// Posts matching the query and filters (one per post: language versions are collapsed).
    pub total: usize,
    /// Time spent in the engine, milliseconds.
    pub took_ms: f64,
    /// This page of hits.
    pub hits: Vec<Hit>,
    /// Counts per facet value for the whole result set: `person`, `year`, `month`, `lang`,
    /// `category`, `tag`, `event_year`.
    pub facets: BTreeMap<String, Vec<FacetValue>>,
    /// 1-based page.
    pub page: usize,
    /// Hits per page.
    pub per_page: usize,
    /// True when, few posts having every word, posts with most of them were added (ranked
    /// below every post that has them all).
    pub relaxed: bool,
    /// The answer to a "when" question, when the hits leave no doubt ([`crate::answer`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<Answer>,
}

/// A direct answer above the results.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Answer {
    /// What was asked: `when`.
    pub kind: &'static str,
    /// The dates, each at its own precision (`2023-03-12/2023-03-14`, `2019-07`).
    pub dates: Vec<String>,
    /// The post the answer comes from.
    pub post: PostLink,
}

/// A link to a post.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PostLink {
    /// URL path on the site.
    pub url: String,
    /// Title.
    pub title: String,
}

/// One post in the results.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// Document id: `<site>:<lang>:<route>`.
    pub id: String,
    /// URL path on the site.
    pub url: String,
    /// Source file, relative to the content root.
    pub path: String,
    /// Title.
    pub title: String,
    /// Language of this version.
    pub lang: String,
    /// Publication time, RFC 3339 with the site's offset.
    pub published: String,
    /// Dates of the events the post tells of (ISO dates, months, years or `A/B` ranges).
    pub event_dates: Vec<String>,
    /// When the query names a date (`meetup october 2024`): the post's event date that
    /// matched it (one of `event_dates`), else its publication day (`2024-10-12`) when that
    /// did. Absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched_date: Option<String>,
    /// People named in the post.
    pub people: Vec<PersonName>,
    /// An excerpt with the words that matched.
    pub snippet: Snippet,
    /// Relevance score (0 when browsing).
    pub score: f32,
    /// The post's other language versions.
    pub translations: Vec<Translation>,
}

/// An excerpt of a post's text and where the query's words are in it.
///
/// The engine writes no markup: the HTTP layer turns this into HTML with `<mark>`, the CLI
/// into terminal emphasis.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, Default)]
pub struct Snippet {
    /// The excerpt, whitespace collapsed, with `…` where the text was cut.
    pub text: String,
    /// Byte ranges `[start, end)` of `text` that matched, in order, not overlapping.
    pub highlights: Vec<(usize, usize)>,
}

impl Snippet {
    /// The excerpt cut into pieces, each saying whether it matched.
    pub fn pieces(&self) -> impl Iterator<Item = (&str, bool)> {
        let mut pos = 0;
        let mut marks = self.highlights.iter().peekable();
        std::iter::from_fn(move || {
            if pos >= self.text.len() {
                return None;
            }
            match marks.peek() {
                Some(&&(s, e)) if s == pos => {
                    marks.next();
                    pos = e;
                    Some((self.text.get(s..e).unwrap_or(""), true))
                }
                Some(&&(s, _)) => {
                    let piece = self.text.get(pos..s).unwrap_or("");
                    pos = s;
                    Some((piece, false))
                }
                None => {
                    let piece = self.text.get(pos..).unwrap_or("");
                    pos = self.text.len();
                    Some((piece, false))
                }
            }
        })
    }
}

/// A person as shown with a hit.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PersonName {
    /// Archive-wide key (the `person` filter's value).
    pub key: String,
    /// Name as written in this post.
    pub name: String,
}

/// Another language version of a post.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Translation {
    /// Language.
    pub lang: String,
    /// URL path of that version.
    pub url: String,
}

/// One value of a facet.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FacetValue {
    /// The value to filter by.
    pub value: String,
    /// What to show (a person's name; the value itself elsewhere).
    pub label: String,
    /// Posts in the result set with this value.
    pub count: usize,
}

/// A person as stored with a post, role included.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PersonRole {
    /// Archive-wide key.
    pub key: String,
    /// Name as written in this post.
    pub name: String,
    /// Title or role in this post.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// One post with everything extracted from it.
#[derive(Debug, Clone, Serialize)]
pub struct PostView {
    /// Document id.
    pub id: String,
    /// URL path on the site.
    pub url: String,
    /// Source file, relative to the content root.
    pub path: String,
    /// Title.
    pub title: String,
    /// Language.
    pub lang: String,
    /// Publication time, RFC 3339.
    pub published: String,
    /// Summary (text before `===`).
    pub summary: String,
    /// Plain text of the body.
    pub body: String,
    /// People, with roles.
    pub people: Vec<PersonRole>,
    /// Event dates told in the text.
    pub event_dates: Vec<String>,
    /// Other language versions.
    pub translations: Vec<Translation>,
    /// Taxonomy, dates' and language's sources, as JSON.
    pub meta: serde_json::Value,
}

/// A completion offered while typing.
#[derive(Debug, Clone, Serialize)]
pub struct Suggestion {
    /// `title` or `person`.
    pub kind: &'static str,
    /// Text to show.
    pub text: String,
    /// For a title: the post's URL; for a person: the `person` filter value.
    pub value: String,
    /// For a title: the post's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// Completions for what is typed.
#[derive(Debug, Clone, Serialize)]
pub struct Suggestions {
    /// The query as received.
    pub q: String,
    /// Titles first, then people.
    pub suggestions: Vec<Suggestion>,
}

/// A post in the timeline.
#[derive(Debug, Clone, Serialize)]
pub struct PostRef {
    /// Document id.
    pub id: String,
    /// Title.
    pub title: String,
    /// URL path.
    pub url: String,
    /// Language.
    pub lang: String,
}

/// Everything that happened at one event date.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineEntry {
    /// The event date as told (ISO date, month, year or range).
    pub date: String,
    /// Posts telling of it.
    pub posts: Vec<PostRef>,
    /// People named in those posts.
    pub people: Vec<PersonName>,
}

/// Event dates in a period, oldest first.
#[derive(Debug, Clone, Serialize)]
pub struct Timeline {
    /// Entries, oldest first.
    pub events: Vec<TimelineEntry>,
    /// Entries in the period (the list is cut at 1,000).
    pub total: usize,
}

/// Values of one facet matching a typed prefix.
#[derive(Debug, Clone, Serialize)]
pub struct FacetSearch {
    /// The facet.
    pub facet: String,
    /// Matching values, most frequent first.
    pub values: Vec<FacetValue>,
}

/// A person's page: names, roles, posts, events and the people named with them.
#[derive(Debug, Clone, Serialize)]
pub struct PersonPage {
    /// The person's key (the `person` filter's value); a key joined into another answers
    /// with the kept one.
    pub key: String,
    /// The name in the reader's language.
    pub name: String,
    /// The name in each language the archive has it in (`kk`, `ru`, `en`, ...).
    pub names: BTreeMap<String, String>,
    /// Every other way the name is written in the archive (scripts, initials, inflected
    /// forms folded), most frequent first.
    pub spellings: Vec<String>,
    /// Keys joined into this one: spellings extraction keyed apart that name this person.
    pub also_keys: Vec<String>,
    /// Titles and roles written next to the name, each with a post it came from.
    pub roles: Vec<RoleRef>,
    /// Every post naming the person, newest first, one page of them.
    pub posts: PersonPosts,
    /// Event dates of the posts naming the person, oldest first.
    pub events: Vec<EventRef>,
    /// The people most often named in the same posts.
    pub co_mentions: Vec<CoMention>,
}

/// The posts naming a person.
#[derive(Debug, Clone, Serialize)]
pub struct PersonPosts {
    /// Posts naming the person (language versions collapsed).
    pub total: usize,
    /// 1-based page.
    pub page: usize,
    /// Hits per page.
    pub per_page: usize,
    /// This page of posts, in the shape of search hits.
    pub hits: Vec<Hit>,
}

/// A role or title written next to a name.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RoleRef {
    /// The role as written.
    pub role: String,
    /// A post it came from.
    pub post: PostLink,
}

/// An event date and the post telling of it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct EventRef {
    /// The date at its own precision: `2019-07-20`, `2019-07`, `2019` or `A/B`.
    pub date: String,
    /// The post.
    pub post: PostLink,
}

/// A person named in the same posts.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct CoMention {
    /// Key.
    pub key: String,
    /// Name in the reader's language.
    pub name: String,
    /// Posts naming both.
    pub count: usize,
}

/// People whose names match what is typed.
#[derive(Debug, Clone, Serialize)]
pub struct PeopleList {
    /// What was typed.
    pub q: String,
    /// People matching it (everyone when empty), most named first.
    pub total: usize,
    /// The first of them.
    pub people: Vec<PersonSummary>,
}

/// A person in a list.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PersonSummary {
    /// Key.
    pub key: String,
    /// Name in the reader's language.
    pub name: String,
    /// Posts naming the person.
    pub posts: usize,
}
