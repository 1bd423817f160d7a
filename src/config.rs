//! What the host gives the app: where the API is, how to authenticate, where the app lives.

/// Host-provided configuration of one mounted app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Base URL of the Citrus REST API, without a trailing slash (`""` = same origin).
    pub api_base_url: String,
    /// Bearer token sent on every request; `None` relies on cookies.
    pub token: Option<String>,
    /// URL prefix the app's routes live under (`""` when it owns the whole origin).
    pub base_path: String,
    /// BCP 47 locale, e.g. `pt-BR`.
    pub locale: String,
    /// Send the portal's cookies with every request (`credentials: "include"`).
    pub with_cookies: bool,
    /// Render inside a shadow root, so the host's CSS and the app's CSS never meet.
    pub shadow_dom: bool,
    /// Who is signed in to the host (e.g. the portal's user id). Drafts are kept per user and
    /// backend, in `localStorage`; without it they are kept in memory only.
    pub user_id: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            api_base_url: String::new(),
            token: None,
            base_path: String::new(),
            locale: "pt-BR".to_owned(),
            with_cookies: false,
            shadow_dom: false,
            user_id: None,
        }
    }
}

impl Config {
    /// Normalises what the host wrote: no trailing slashes, `/` as base means no prefix.
    pub fn normalized(mut self) -> Self {
        self.api_base_url = self.api_base_url.trim().trim_end_matches('/').to_owned();
        let base = self.base_path.trim().trim_end_matches('/');
        self.base_path = if base.is_empty() {
            String::new()
        } else if base.starts_with('/') {
            base.to_owned()
        } else {
            format!("/{base}")
        };
        self.token = self.token.filter(|t| !t.trim().is_empty());
        self.user_id = self
            .user_id
            .map(|u| u.trim().to_owned())
            .filter(|u| !u.is_empty());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_slashes_and_empty_token() {
        let c = Config {
            api_base_url: "http://api.test/".into(),
            token: Some("  ".into()),
            base_path: "admin/hsm/".into(),
            locale: "en".into(),
            user_id: Some("   ".into()),
            ..Config::default()
        }
        .normalized();
        assert_eq!(c.user_id, None);
        assert_eq!(c.api_base_url, "http://api.test");
        assert_eq!(c.base_path, "/admin/hsm");
        assert_eq!(c.token, None);
        assert_eq!(
            Config {
                base_path: "/".into(),
                ..Config::default()
            }
            .normalized()
            .base_path,
            ""
        );
    }
}
