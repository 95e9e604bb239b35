//! The API's JSON shapes of the engine's answers.
//!
//! The engine's types serialize as plain data; the API differs in one place: a hit's
//! `snippet` is HTML (escaped text, matches in `<mark>`), ready for a page. The wrappers
//! here write every other field exactly as the engine's type does (a test keeps the two in
//! step), so the CLI's `--json` and the HTTP API print the same objects.

use annals_engine::{Hit, SearchResponse};
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
        };
        let engine = serde_json::to_value(&res).expect("json");
        let api = serde_json::to_value(SearchJson(&res)).expect("json");
        assert_eq!(keys(&engine), keys(&api));
    }
}
