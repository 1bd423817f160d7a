//! A template's history (`GET /templates/{id}/history`): the events of its life, newest first.

use hsm_domain::history::History;
use hsm_domain::wire::percent_encode as encode;

use super::{Api, ApiError};

impl Api {
    /// `GET /templates/{id}/history`.
    pub async fn template_history(&self, id: &str) -> Result<History, ApiError> {
        self.get_json(&format!("/templates/{}/history", encode(id)))
            .await
    }
}
