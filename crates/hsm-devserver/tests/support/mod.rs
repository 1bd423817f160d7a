//! Shared test support: an in-process server on a temp dir, an HTTP client, and validation of
//! every body against the schemas in docs/openapi.yaml.

#![allow(dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use hsm_devserver::{Config, Server};
use reqwest::header::HeaderMap;
use reqwest::{RequestBuilder, StatusCode};
use serde_json::{json, Value};

pub const TEMPLATES: &str = "/api/v1/whatsapp/templates";
pub const MEDIA: &str = "/api/v1/whatsapp/media";

/// A running server and what it needs.
pub struct Srv {
    pub server: Option<Server>,
    pub base: String,
    pub http: reqwest::Client,
    pub dir: PathBuf,
    tmp: Option<tempfile::TempDir>,
}

/// Starts a server on a fresh temp dir; `f` adjusts the config (review delay 60 s by default).
pub async fn start(f: impl FnOnce(&mut Config)) -> Srv {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().to_path_buf();
    let mut s = start_in(&dir, f).await;
    s.tmp = Some(tmp);
    s
}

/// Starts a server on an existing data dir (for restarts).
pub async fn start_in(dir: &Path, f: impl FnOnce(&mut Config)) -> Srv {
    let mut config = Config::for_tests(dir);
    config.review_delay_ms = 60_000;
    f(&mut config);
    let server = Server::start(config).await.expect("server starts");
    Srv {
        base: format!("http://{}", server.addr()),
        server: Some(server),
        http: reqwest::Client::builder()
            .pool_max_idle_per_host(0)
            .build()
            .expect("client"),
        dir: dir.to_path_buf(),
        tmp: None,
    }
}

impl Srv {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn get(&self, path: &str) -> RequestBuilder {
        self.http.get(self.url(path))
    }

    pub fn post(&self, path: &str) -> RequestBuilder {
        self.http.post(self.url(path))
    }

    pub fn put(&self, path: &str) -> RequestBuilder {
        self.http.put(self.url(path))
    }

    pub fn delete(&self, path: &str) -> RequestBuilder {
        self.http.delete(self.url(path))
    }

    /// Stops the server; returns the data dir (and its guard) for a restart.
    pub async fn stop(mut self) -> (PathBuf, Option<tempfile::TempDir>) {
        if let Some(s) = self.server.take() {
            s.shutdown().await;
        }
        (self.dir.clone(), self.tmp.take())
    }

    /// Creates a template, expecting 201.
    pub async fn create(&self, draft: &Value) -> Value {
        let r = send(self.post(TEMPLATES).json(draft)).await;
        r.expect(201, "Template");
        r.body
    }

    pub async fn fetch(&self, id: &str) -> Reply {
        send(self.get(&format!("{TEMPLATES}/{id}"))).await
    }

    /// Polls a template until `cond` holds (5 s at most).
    pub async fn wait_for(&self, id: &str, cond: impl Fn(&Value) -> bool) -> Value {
        let until = Instant::now() + Duration::from_secs(5);
        loop {
            let r = self.fetch(id).await;
            r.expect(200, "Template");
            if cond(&r.body) {
                return r.body;
            }
            assert!(
                Instant::now() < until,
                "condition never held; last: {}",
                r.body
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Waits until the template is APPROVED with quality GREEN (no review step left).
    pub async fn wait_settled_approved(&self, id: &str) -> Value {
        self.wait_for(id, |t| {
            t["status"] == "APPROVED" && t["quality_score"]["score"] == "GREEN"
        })
        .await
    }
}

/// One answer, with the body parsed (JSON, or `Value::String` for other bodies).
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
}

impl Reply {
    /// Asserts the status and validates the body against a schema from the spec.
    pub fn expect(&self, status: u16, schema: &str) -> &Self {
        assert_eq!(
            self.status.as_u16(),
            status,
            "unexpected status; body: {}",
            self.body
        );
        check(schema, &self.body);
        self
    }

    /// Asserts a problem answer with this status and `code`.
    pub fn problem(&self, status: u16, code: &str) -> &Self {
        self.expect(status, "Problem");
        assert_eq!(self.body["code"], code, "{}", self.body);
        assert_eq!(self.body["status"], status);
        self
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// `errors[*].code`
    pub fn codes(&self) -> Vec<String> {
        self.body["errors"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|e| e["code"].as_str().unwrap_or("").to_owned())
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Sends; every error answer must be problem+json and match the Problem schema.
pub async fn send(rb: RequestBuilder) -> Reply {
    try_send(rb).await.expect("an answer")
}

/// Like [`send`], but a connection closed without an answer (an injected fault) is `None`.
pub async fn try_send(rb: RequestBuilder) -> Option<Reply> {
    let res = rb.send().await.ok()?;
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.bytes().await.ok()?;
    let body = serde_json::from_slice(&bytes)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into()));
    if status.as_u16() >= 400 {
        assert_eq!(
            headers.get("content-type").and_then(|v| v.to_str().ok()),
            Some("application/problem+json"),
            "error answers are problem+json"
        );
        check("Problem", &body);
    }
    Some(Reply {
        status,
        headers,
        body,
    })
}

fn spec() -> &'static Value {
    static SPEC: OnceLock<Value> = OnceLock::new();
    SPEC.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/openapi.yaml");
        let text = std::fs::read_to_string(path).expect("docs/openapi.yaml");
        serde_norway::from_str(&text).expect("openapi.yaml parses")
    })
}

/// Validates `value` against `components/schemas/<schema>` of docs/openapi.yaml.
pub fn check(schema: &str, value: &Value) {
    static VALIDATORS: OnceLock<std::sync::Mutex<HashMap<String, jsonschema::Validator>>> =
        OnceLock::new();
    let mut map = VALIDATORS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    let v = map.entry(schema.to_owned()).or_insert_with(|| {
        let root = json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$ref": format!("#/components/schemas/{schema}"),
            "components": { "schemas": spec()["components"]["schemas"].clone() },
        });
        jsonschema::validator_for(&root).unwrap_or_else(|e| panic!("schema {schema}: {e}"))
    });
    let errors: Vec<String> = v
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "body does not match {schema}: {errors:?}\n{value}"
    );
}

/// A valid UTILITY draft in pt_BR.
pub fn draft(name: &str, body: &str) -> Value {
    json!({
        "name": name,
        "language": "pt_BR",
        "category": "UTILITY",
        "parameter_format": "POSITIONAL",
        "components": [{ "type": "BODY", "text": body }]
    })
}

/// A body no rule objects to.
pub const PLAIN: &str = "Olá, seu cadastro foi atualizado com sucesso e já está ativo.";

pub fn id_of(t: &Value) -> String {
    t["id"].as_str().expect("id").to_owned()
}

/// Every template, through the list endpoint, 100 per page.
pub async fn all(s: &Srv, filter: &str) -> Vec<Value> {
    let mut out = Vec::new();
    for page in 1.. {
        let r = send(s.get(&format!("{TEMPLATES}?per_page=100&page={page}{filter}"))).await;
        r.expect(200, "TemplatePage");
        let items = r.body["items"].as_array().unwrap().clone();
        let total = r.body["total"].as_u64().unwrap() as usize;
        out.extend(items);
        if out.len() >= total {
            break;
        }
    }
    out
}
