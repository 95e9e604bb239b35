//! The OpenAPI 3 description of the API, generated from the route annotations.

use axum::Json;
use utoipa::OpenApi;

use crate::engine::response::*;

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
        spec,
    ),
    components(schemas(
        SearchResponse,
        Hit,
        PersonName,
        Translation,
        FacetValue,
        PostView,
        PersonRole,
        Suggestion,
        Suggestions,
        PostRef,
        TimelineEntry,
        Timeline,
        FacetSearch
    ))
)]
pub struct ApiDoc;

/// This description of the API (OpenAPI 3).
#[utoipa::path(get, path = "/api/openapi.json", responses((status = 200, description = "OpenAPI 3 document")))]
pub(crate) async fn spec() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
