//! The one error type of the HTTP layer and its JSON shape.
//!
//! Every error answer is `{"error": {"code", "message", "parameter"}}`. Codes are stable
//! snake_case strings; each maps to one status in [`ApiError::status`]. Internal failures
//! answer `internal` with a generic message; the details go to the log only.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use annals_engine::{EngineError, ParamError};

/// An error answer.
#[derive(Debug)]
pub enum ApiError {
    /// A parameter could not be used (400).
    BadParam(ParamError),
    /// No such post, facet or route (404).
    NotFound {
        /// `post_not_found`, `unknown_facet`, `not_found`.
        code: &'static str,
        /// For people.
        message: String,
    },
    /// Too many searches are waiting (503).
    Busy,
    /// The request took longer than the limit (408).
    Timeout,
    /// The index failed (500).
    Internal(EngineError),
}

#[derive(Serialize)]
struct Body<'a> {
    error: Inner<'a>,
}

#[derive(Serialize)]
struct Inner<'a> {
    code: &'a str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    parameter: Option<&'a str>,
}

impl ApiError {
    /// The HTTP status of this error.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadParam(_) => StatusCode::BAD_REQUEST,
            ApiError::NotFound { .. } => StatusCode::NOT_FOUND,
            ApiError::Busy => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Timeout => StatusCode::REQUEST_TIMEOUT,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl From<ParamError> for ApiError {
    fn from(e: ParamError) -> Self {
        ApiError::BadParam(e)
    }
}

impl From<EngineError> for ApiError {
    fn from(e: EngineError) -> Self {
        ApiError::Internal(e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let (code, message, parameter) = match &self {
            ApiError::BadParam(e) => (e.code, e.to_string(), Some(e.parameter.as_str())),
            ApiError::NotFound { code, message } => (*code, message.clone(), None),
            ApiError::Busy => ("busy", "too many searches at once; retry shortly".to_owned(), None),
            ApiError::Timeout => {
                ("timeout", "the request took longer than the server allows".to_owned(), None)
            }
            ApiError::Internal(e) => {
                tracing::error!(error = %e, source = ?std::error::Error::source(e), "internal error");
                ("internal", "internal error".to_owned(), None)
            }
        };
        let body = Body { error: Inner { code, message: &message, parameter } };
        (status, Json(body)).into_response()
    }
}
