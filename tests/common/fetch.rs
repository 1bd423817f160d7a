//! `window.fetch` patched, as a broken network or server would behave, for the requests of one
//! method to one API path; every other request goes through. The patch records each request it
//! matched and is undone when dropped.

use serde_json::{json, Value};

use super::dom::eval;

/// What a patched `fetch` does with one matched request.
pub enum Fault {
    /// It goes through to the backend.
    Pass,
    /// The backend is never asked; this problem+json document (with its `status`) answers.
    Answer(Value),
    /// The backend is never asked; this JSON answers with 200 (an answer the backend of this
    /// run cannot make, such as an event type it never writes).
    Json(Value),
    /// The request never leaves (the promise rejects as an unreachable server makes it).
    Unreachable,
    /// The backend gets and handles the request, then its answer is lost (a dropped connection).
    LoseAnswer,
}

impl Fault {
    /// An answer `{ type: "about:blank", title, status }`.
    pub fn problem(status: u16, title: &str) -> Fault {
        Fault::Answer(json!({ "type": "about:blank", "title": title, "status": status }))
    }

    fn to_json(&self) -> Value {
        match self {
            Fault::Pass => json!({ "kind": "pass" }),
            Fault::Answer(body) => json!({ "kind": "answer", "body": body }),
            Fault::Json(body) => json!({ "kind": "json", "body": body }),
            Fault::Unreachable => json!({ "kind": "unreachable" }),
            Fault::LoseAnswer => json!({ "kind": "lose-answer" }),
        }
    }
}

/// Which requests a patch takes, and what each meets; see [`FetchPatch::on`].
pub struct FetchPlan {
    method: Option<String>,
    path: String,
    plan: Vec<Fault>,
    afterwards: Fault,
}

impl FetchPlan {
    /// The next matched request meets `fault` (the first call plans the first request).
    pub fn then(mut self, fault: Fault) -> Self {
        self.plan.push(fault);
        self
    }

    /// Every matched request after the planned ones meets `fault` ([`Fault::Pass`] unless said).
    pub fn afterwards(mut self, fault: Fault) -> Self {
        self.afterwards = fault;
        self
    }

    /// Patches `window.fetch` until the returned guard is dropped.
    pub fn install(self) -> FetchPatch {
        let patch = json!({
            "method": self.method,
            "path": self.path,
            "plan": self.plan.iter().map(Fault::to_json).collect::<Vec<_>>(),
            "afterwards": self.afterwards.to_json(),
        });
        eval(&format!(
            r#"
            window.__hsmRealFetch = window.__hsmRealFetch || window.fetch;
            const real = window.__hsmRealFetch;
            const patch = {{ ...{patch}, seen: [] }};
            window.__hsmFetchPatch = patch;
            window.fetch = function (input, init) {{
                const url = typeof input === 'string' ? input : input.url;
                const method = ((init && init.method) || (input && input.method) || 'GET').toUpperCase();
                if ((patch.method === null || method === patch.method) && url.includes(patch.path)) {{
                    const headers = (input && input.headers) || new Headers((init && init.headers) || {{}});
                    patch.seen.push({{
                        idempotencyKey: headers.get('Idempotency-Key'),
                        authorization: headers.get('Authorization'),
                    }});
                    const n = patch.seen.length - 1;
                    const fault = n < patch.plan.length ? patch.plan[n] : patch.afterwards;
                    if (fault.kind === 'answer') {{
                        return Promise.resolve(new Response(JSON.stringify(fault.body), {{
                            status: fault.body.status,
                            headers: {{ 'Content-Type': 'application/problem+json' }},
                        }}));
                    }}
                    if (fault.kind === 'json') {{
                        return Promise.resolve(new Response(JSON.stringify(fault.body), {{
                            status: 200,
                            headers: {{ 'Content-Type': 'application/json' }},
                        }}));
                    }}
                    if (fault.kind === 'unreachable') {{
                        return Promise.reject(new TypeError('Failed to fetch'));
                    }}
                    if (fault.kind === 'lose-answer') {{
                        return real.call(this, input, init).then(() => {{
                            throw new TypeError('Failed to fetch');
                        }});
                    }}
                }}
                return real.call(this, input, init);
            }};
            "#
        ));
        FetchPatch
    }
}

/// A patched `window.fetch`; dropping it puts the browser's own back.
pub struct FetchPatch;

impl FetchPatch {
    /// Requests of `method` (`None`: any) whose URL contains `path`; by default they go through.
    pub fn on(method: Option<&str>, path: &str) -> FetchPlan {
        FetchPlan {
            method: method.map(str::to_uppercase),
            path: path.to_owned(),
            plan: Vec::new(),
            afterwards: Fault::Pass,
        }
    }

    fn seen(&self, header: &str) -> Vec<Option<String>> {
        let seen = eval(&format!(
            "return JSON.stringify(window.__hsmFetchPatch.seen.map((r) => r.{header}));"
        ));
        serde_json::from_str(&seen.as_string().unwrap()).unwrap()
    }

    /// How many requests the patch matched.
    pub fn count(&self) -> usize {
        self.seen("idempotencyKey").len()
    }

    /// The `Idempotency-Key` of each matched request, in order.
    pub fn idempotency_keys(&self) -> Vec<Option<String>> {
        self.seen("idempotencyKey")
    }

    /// The `Authorization` of each matched request, in order.
    pub fn authorizations(&self) -> Vec<Option<String>> {
        self.seen("authorization")
    }
}

impl Drop for FetchPatch {
    fn drop(&mut self) {
        eval("window.fetch = window.__hsmRealFetch || window.fetch;");
    }
}
