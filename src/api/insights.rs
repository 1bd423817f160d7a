//! A template's numbers (`GET /templates/{id}/insights`), for the insights screen (the other
//! languages of its name come from `Api::group_of`).

use hsm_domain::insights::{Insights, InsightsQuery};
use hsm_domain::wire::percent_encode as encode;

use super::{Api, ApiError};

impl Api {
    /// `GET /templates/{id}/insights?…`.
    pub async fn insights(&self, id: &str, query: &InsightsQuery) -> Result<Insights, ApiError> {
        self.get_json(&format!(
            "/templates/{}/insights?{}",
            encode(id),
            query.to_query_string()
        ))
        .await
    }
}
