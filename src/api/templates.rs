//! Template endpoints. The list query, its page and the availability answer are the shared
//! wire vocabulary of [`hsm_domain::wire`].

use hsm_domain::wire::{percent_encode as encode, Availability, ListQuery, Page};
use hsm_domain::{Language, Template, TemplateDraft, TemplateGroup};

use super::{Api, ApiError, Method, Versioned};

/// `path` with the list query, if it says anything (the first page's URL stays bare, as
/// `hsm-prefetch.js` asks for it).
fn with_query(path: &str, query: &ListQuery) -> String {
    let qs = query.to_query_string();
    if qs.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{qs}")
    }
}

impl Api {
    /// `GET /templates` with the list query.
    pub async fn list_templates(&self, query: &ListQuery) -> Result<Page<Template>, ApiError> {
        self.get_json(&with_query("/templates", query)).await
    }

    /// `GET /template-groups`: one entry per name, with every language of it.
    pub async fn list_groups(&self, query: &ListQuery) -> Result<Page<TemplateGroup>, ApiError> {
        let page = self.get_json(&with_query("/template-groups", query)).await;
        if page.is_ok() {
            mark_first_answer();
        }
        page
    }

    /// The entry of `name` in `GET /template-groups?q=name`: its templates, one per language.
    pub async fn group_of(&self, name: &str) -> Result<Option<TemplateGroup>, ApiError> {
        let query = ListQuery {
            q: name.to_owned(),
            per_page: 100,
            ..ListQuery::default()
        };
        let page = self.list_groups(&query).await?;
        Ok(page.items.into_iter().find(|g| g.name == name))
    }

    /// The languages `name` exists in (its entry of `GET /template-groups?q=name`).
    pub async fn languages_of(&self, name: &str) -> Result<Vec<Language>, ApiError> {
        Ok(self
            .group_of(name)
            .await?
            .map(|g| g.templates.into_iter().map(|t| t.draft.language).collect())
            .unwrap_or_default())
    }

    /// Every template `query` selects (its search, filters and order), page after page at
    /// the largest page size; `query.page` and `query.per_page` are ignored. Stops when a page
    /// comes back short or the total is reached, so a list that changes meanwhile still ends.
    pub async fn list_all_templates(&self, query: &ListQuery) -> Result<Vec<Template>, ApiError> {
        let mut query = query.clone();
        query.per_page = *ListQuery::PER_PAGE.end();
        query.page = 1;
        let mut all = Vec::new();
        loop {
            let page = self.list_templates(&query).await?;
            let short = page.items.len() < query.per_page as usize;
            all.extend(page.items);
            if short || all.len() as u64 >= page.total || query.page >= *ListQuery::PAGES.end() {
                return Ok(all);
            }
            query.page += 1;
        }
    }

    /// `GET /templates/{id}`.
    pub async fn get_template(&self, id: &str) -> Result<Template, ApiError> {
        self.get_json(&format!("/templates/{}", encode(id))).await
    }

    /// `GET /templates/{id}` with its `ETag`, for editing.
    pub async fn get_template_versioned(&self, id: &str) -> Result<Versioned<Template>, ApiError> {
        self.get_versioned(&format!("/templates/{}", encode(id)))
            .await
    }

    /// `POST /templates`. A retry must reuse `idempotency_key`, so a create the server already
    /// did is answered with the same template instead of a second one.
    pub async fn create_template(
        &self,
        draft: &TemplateDraft,
        idempotency_key: &str,
    ) -> Result<Versioned<Template>, ApiError> {
        self.send_json(
            Method::Post,
            "/templates",
            draft,
            &[("Idempotency-Key", idempotency_key)],
        )
        .await
    }

    /// `PUT /templates/{id}` with `If-Match: etag`; a stale etag gives
    /// [`ApiError::PreconditionFailed`].
    pub async fn update_template(
        &self,
        id: &str,
        draft: &TemplateDraft,
        etag: &str,
    ) -> Result<Versioned<Template>, ApiError> {
        self.send_json(
            Method::Put,
            &format!("/templates/{}", encode(id)),
            draft,
            &[("If-Match", etag)],
        )
        .await
    }

    /// `DELETE /templates/{id}`.
    pub async fn delete_template(&self, id: &str) -> Result<(), ApiError> {
        self.delete(&format!("/templates/{}", encode(id))).await
    }

    /// Whether `name` is free in `language` (`GET /templates/availability`).
    pub async fn check_availability(
        &self,
        name: &str,
        language: &Language,
    ) -> Result<Availability, ApiError> {
        self.get_json(&format!(
            "/templates/availability?name={}&language={}",
            encode(name),
            encode(language.as_str())
        ))
        .await
    }
}

/// `hsm:answer-read`, once per page: the first list answer's body read and parsed (the list's
/// first page on a cold load; later answers are not marked).
fn mark_first_answer() {
    static DONE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if !DONE.swap(true, std::sync::atomic::Ordering::Relaxed) {
        crate::marks::mark("hsm:answer-read");
    }
}
