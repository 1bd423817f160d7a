//! A template's numbers (`GET /templates/{id}/insights`) and the other languages of its name,
//! for the insights screen.

use hsm_domain::insights::{Insights, InsightsQuery};
use hsm_domain::wire::{percent_encode as encode, ListQuery};
use hsm_domain::TemplateGroup;

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

    /// The entry of `name` in `GET /template-groups?q=name` (the search matches names by
    /// substring: the entry with exactly this name), `None` when there is none.
    pub async fn group_of(&self, name: &str) -> Result<Option<TemplateGroup>, ApiError> {
        let query = ListQuery {
            q: name.to_owned(),
            per_page: *ListQuery::PER_PAGE.end(),
            ..ListQuery::default()
        };
        let page = self.list_groups(&query).await?;
        Ok(page.items.into_iter().find(|g| g.name == name))
    }
}
