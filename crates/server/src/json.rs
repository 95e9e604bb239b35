//! The API's JSON shapes of the engine's answers.
//!
//! The engine's types serialize as plain data; the API differs in one place: a hit's
//! `snippet` is HTML (escaped text, matches in `<mark>`), ready for a page. The wrappers
//! here write every other field exactly as the engine's type does (a test keeps the two in
//! step), so the CLI's `--json` and the HTTP API print the same objects.

use annals_engine::{Hit, PersonPage, SearchResponse};
use serde::ser::{Serialize, SerializeStruct, Serializer};

/// A search answer as the API writes it.
pub struct SearchJson<'a>(pub &'a SearchResponse);

/// One hit as the API writes it.
pub struct HitJson<'a>(pub &'a Hit);

/// Hits as the API writes them.
pub struct HitsJson<'a>(pub &'a [Hit]);

/// An owned search answer as the API writes it (what a handler returns).
pub struct SearchBody(pub SearchResponse);

impl Serialize for SearchBody {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        SearchJson(&self.0).serialize(serializer)
    }
}

impl Serialize for HitJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let h = self.0;
        let fields = 11 + usize::from(h.matched_date.is_some());
        let mut s = serializer.serialize_struct("Hit", fields)?;
        s.serialize_field("id", &h.id)?;
        s.serialize_field("url", &h.url)?;
        s.serialize_field("path", &h.path)?;
        s.serialize_field("title", &h.title)?;
        s.serialize_field("lang", &h.lang)?;
        s.serialize_field("published", &h.published)?;
        s.serialize_field("event_dates", &h.event_dates)?;
        if let Some(matched) = &h.matched_date {
            s.serialize_field("matched_date", matched)?;
        }
        s.serialize_field("people", &h.people)?;
        s.serialize_field("snippet", &crate::html::snippet(&h.snippet))?;
        s.serialize_field("score", &h.score)?;
        s.serialize_field("translations", &h.translations)?;
        s.end()
    }
}

impl Serialize for HitsJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(HitJson))
    }
}

impl Serialize for SearchJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let r = self.0;
        let mut s = serializer.serialize_struct("SearchResponse", 8)?;
        s.serialize_field("total", &r.total)?;
        s.serialize_field("took_ms", &r.took_ms)?;
        s.serialize_field("hits", &HitsJson(&r.hits))?;
        s.serialize_field("facets", &r.facets)?;
        s.serialize_field("page", &r.page)?;
        s.serialize_field("per_page", &r.per_page)?;
        s.serialize_field("relaxed", &r.relaxed)?;
        if let Some(answer) = &r.answer {
            s.serialize_field("answer", answer)?;
        } else {
            s.skip_field("answer")?;
        }
        s.end()
    }
}

/// A person's page as the API writes it (its posts are search hits).
pub struct PersonJson<'a>(pub &'a PersonPage);

/// An owned person's page as the API writes it (what a handler returns).
pub struct PersonBody(pub PersonPage);

impl Serialize for PersonBody {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        PersonJson(&self.0).serialize(serializer)
    }
}

struct PostsJson<'a>(&'a annals_engine::PersonPosts);

impl Serialize for PostsJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let p = self.0;
        let mut s = serializer.serialize_struct("PersonPosts", 4)?;
        s.serialize_field("total", &p.total)?;
        s.serialize_field("page", &p.page)?;
        s.serialize_field("per_page", &p.per_page)?;
        s.serialize_field("hits", &HitsJson(&p.hits))?;
        s.end()
    }
}

impl Serialize for PersonJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let p = self.0;
        let mut s = serializer.serialize_struct("PersonPage", 9)?;
        s.serialize_field("key", &p.key)?;
        s.serialize_field("name", &p.name)?;
        s.serialize_field("names", &p.names)?;
        s.serialize_field("spellings", &p.spellings)?;
        s.serialize_field("also_keys", &p.also_keys)?;
        s.serialize_field("roles", &p.roles)?;
        s.serialize_field("posts", &PostsJson(&p.posts))?;
        s.serialize_field("events", &p.events)?;
        s.serialize_field("co_mentions", &p.co_mentions)?;
        s.end()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use annals_engine::{PersonName, Snippet, Translation};

    pub(crate) fn hit() -> Hit {
        Hit {
            id: "s:en:/news/a".into(),
            url: "/en/news/a".into(),
            path: "pages/01.news/a/item.en.md".into(),
            title: "A".into(),
            lang: "en".into(),
            published: "2019-07-22T10:00:00+06:00".into(),
            event_dates: vec!["2019-07-20/2019-07-21".into()],
            matched_date: Some("2019-07-20/2019-07-21".into()),
            people: vec![PersonName { key: "k".into(), name: "N".into() }],
            snippet: Snippet { text: "a <b>".into(), highlights: vec![(2, 5)] },
            score: 1.5,
            translations: vec![Translation { lang: "ru".into(), url: "/ru/news/a".into() }],
        }
    }

    /// Every field of the engine's type, in its order, and nothing else: only `snippet`
    /// changes shape.
    #[test]
    fn the_api_writes_every_field_of_the_engine_types() {
        let h = hit();
        let engine = serde_json::to_value(&h).expect("json");
        let api = serde_json::to_value(HitJson(&h)).expect("json");
        let keys = |v: &serde_json::Value| v.as_object().map(|o| o.keys().cloned().collect::<Vec<_>>());
        assert_eq!(keys(&engine), keys(&api));
        for (k, v) in engine.as_object().into_iter().flatten() {
            if k != "snippet" {
                assert_eq!(Some(v), api.get(k), "{k}");
            }
        }
        assert_eq!(api["snippet"], "a <mark>&lt;b&gt;</mark>");

        let res = SearchResponse {
            total: 1,
            took_ms: 0.5,
            hits: vec![h],
            facets: Default::default(),
            page: 1,
            per_page: 10,
            relaxed: false,
            answer: None,
        };
        let engine = serde_json::to_value(&res).expect("json");
        let api = serde_json::to_value(SearchJson(&res)).expect("json");
        assert_eq!(keys(&engine), keys(&api));
        let mut res = res;
        res.answer = Some(annals_engine::Answer {
            kind: "when",
            dates: vec!["2019-07-20/2019-07-21".into()],
            post: annals_engine::PostLink { url: "/en/news/a".into(), title: "A".into() },
        });
        let engine = serde_json::to_value(&res).expect("json");
        let api = serde_json::to_value(SearchJson(&res)).expect("json");
        assert_eq!(keys(&engine), keys(&api));
        assert_eq!(engine["answer"], api["answer"]);

        let page = person();
        let engine = serde_json::to_value(&page).expect("json");
        let api = serde_json::to_value(PersonJson(&page)).expect("json");
        assert_eq!(keys(&engine), keys(&api));
        assert_eq!(keys(&engine["posts"]), keys(&api["posts"]));
        for k in keys(&engine).into_iter().flatten().filter(|k| k != "posts") {
            assert_eq!(engine[k.as_str()], api[k.as_str()], "{k}");
        }
        assert_eq!(api["posts"]["hits"][0]["snippet"], "a <mark>&lt;b&gt;</mark>");
    }

    pub(crate) fn person() -> PersonPage {
        use annals_engine::{CoMention, EventRef, PersonPosts, PostLink, RoleRef};
        let link = PostLink { url: "/en/news/a".into(), title: "A".into() };
        PersonPage {
            key: "k".into(),
            name: "N".into(),
            names: [("en".to_owned(), "N".to_owned())].into_iter().collect(),
            spellings: vec!["Н.".into()],
            also_keys: vec!["k2".into()],
            roles: vec![RoleRef { role: "head nurse".into(), post: link.clone() }],
            posts: PersonPosts { total: 1, page: 1, per_page: 10, hits: vec![hit()] },
            events: vec![EventRef { date: "2019-07-20".into(), post: link }],
            co_mentions: vec![CoMention { key: "o".into(), name: "O".into(), count: 2 }],
        }
    }
}
