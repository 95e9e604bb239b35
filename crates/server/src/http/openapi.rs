//! The OpenAPI 3 description of the API: paths from the route annotations, the shapes of
//! the answers from `schemas.json`.
//!
//! The engine's answer types carry no OpenAPI derive (the engine knows nothing about HTTP),
//! so their schemas are written once, in `schemas.json`; the routes name them through the
//! markers below. Tests check that every schema lists exactly the fields the API writes.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use axum::Json;
use utoipa::OpenApi;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::Schema;

/// The answer shapes, by name.
fn components() -> &'static BTreeMap<String, RefOr<Schema>> {
    static PARSED: OnceLock<BTreeMap<String, RefOr<Schema>>> = OnceLock::new();
    PARSED.get_or_init(|| {
        // A bad file is caught by the tests; a server never starts without it parsing.
        serde_json::from_str(include_str!("schemas.json")).unwrap_or_default()
    })
}

macro_rules! markers {
    ($($name:ident),* $(,)?) => {
        $(
            #[doc = concat!("The `", stringify!($name), "` schema of `schemas.json`, for route annotations.")]
            pub struct $name;

            impl utoipa::PartialSchema for $name {
                fn schema() -> RefOr<Schema> {
                    components().get(stringify!($name)).cloned().unwrap_or_else(|| RefOr::T(Schema::default()))
                }
            }

            impl utoipa::ToSchema for $name {}
        )*
    };
}

markers!(SearchResponse, PostView, Suggestions, Timeline, FacetSearch, PersonPage, PeopleList);

/// The API description.
#[derive(OpenApi)]
#[openapi(
    info(title = "annals", description = "Faceted search over a Grav news archive"),
    paths(
        super::routes::health,
        super::routes::search,
        super::routes::suggest,
        super::routes::post,
        super::routes::events,
        super::routes::facet_values,
        super::routes::people,
        super::routes::person,
        spec,
    )
)]
pub struct ApiDoc;

/// The whole description: the annotated paths plus every schema of `schemas.json`.
pub fn document() -> utoipa::openapi::OpenApi {
    let mut doc = ApiDoc::openapi();
    let components = doc.components.get_or_insert_with(Default::default);
    for (name, schema) in self::components() {
        components.schemas.insert(name.clone(), schema.clone());
    }
    doc
}

/// This description of the API (OpenAPI 3).
#[utoipa::path(get, path = "/api/openapi.json", responses((status = 200, description = "OpenAPI 3 document")))]
pub(crate) async fn spec() -> Json<utoipa::openapi::OpenApi> {
    Json(document())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn properties(name: &str) -> Vec<String> {
        let all: serde_json::Value =
            serde_json::from_str(include_str!("schemas.json")).expect("schemas.json is JSON");
        let mut keys: Vec<String> =
            all[name]["properties"].as_object().map(|o| o.keys().cloned().collect()).unwrap_or_default();
        keys.sort();
        keys
    }

    fn keys(v: &serde_json::Value) -> Vec<String> {
        let mut keys: Vec<String> = v.as_object().map(|o| o.keys().cloned().collect()).unwrap_or_default();
        keys.sort();
        keys
    }

    #[test]
    fn every_schema_parses_and_every_reference_resolves() {
        let text = include_str!("schemas.json");
        let raw: BTreeMap<String, serde_json::Value> = serde_json::from_str(text).expect("JSON");
        assert_eq!(components().len(), raw.len(), "every schema parses as an OpenAPI schema");
        for reference in text.split("#/components/schemas/").skip(1) {
            let name = reference.split('"').next().unwrap_or_default();
            assert!(raw.contains_key(name), "no schema {name}");
        }
        let doc = serde_json::to_value(document()).expect("json");
        assert_eq!(
            doc["paths"]["/api/search"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]["$ref"],
            "#/components/schemas/SearchResponse"
        );
    }

    #[test]
    fn schemas_list_exactly_the_fields_the_api_writes() {
        let hit = crate::json::tests::hit();
        assert_eq!(properties("Hit"), keys(&serde_json::to_value(crate::json::HitJson(&hit)).expect("json")));
        let res = annals_engine::SearchResponse {
            total: 1,
            took_ms: 0.5,
            hits: vec![hit],
            facets: Default::default(),
            page: 1,
            per_page: 10,
            relaxed: false,
            answer: None,
        };
        let page = crate::json::tests::person();
        let written = serde_json::to_value(crate::json::PersonJson(&page)).expect("json");
        assert_eq!(properties("PersonPage"), keys(&written));
        assert_eq!(properties("PersonPosts"), keys(&written["posts"]));
        assert_eq!(properties("RoleRef"), keys(&written["roles"][0]));
        assert_eq!(properties("EventRef"), keys(&written["events"][0]));
        assert_eq!(properties("CoMention"), keys(&written["co_mentions"][0]));
        let list = annals_engine::PeopleList {
            q: String::new(),
            total: 1,
            people: vec![annals_engine::PersonSummary { key: "k".into(), name: "N".into(), posts: 1 }],
        };
        let written = serde_json::to_value(&list).expect("json");
        assert_eq!(properties("PeopleList"), keys(&written));
        assert_eq!(properties("PersonSummary"), keys(&written["people"][0]));
        let written = serde_json::to_value(crate::json::SearchJson(&res)).expect("json");
        let mut expected = keys(&written);
        // Optional fields, absent here.
        expected.extend(properties("SearchResponse").into_iter().filter(|k| written.get(k).is_none()));
        expected.sort();
        assert_eq!(properties("SearchResponse"), expected);
    }
}
