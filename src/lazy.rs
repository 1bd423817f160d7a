//! The editor, the import, the insights and the history screens as separate chunks of code, each
//! fetched when its route is first entered.
//!
//! Only the split release build (`cargo xtask`, which sets `--cfg hsm_split` and cuts the module
//! with `wasm-split-cli`) has a split point: every other build — `trunk serve`, debug builds, the
//! wasm-bindgen-test suites — renders the editor directly from the one module, and the preload
//! calls below do nothing there.
//!
//! The split point is fallible: a chunk that cannot be fetched (network down, a 404 after a
//! redeploy) shows the app's error panel with a retry, never a panic (under `panic = "abort"` a
//! panic would take the whole app down). The screens' words (`i18n::deferred`) come with their
//! code, and a failure to fetch them is shown the same way.

use crate::i18n::Locale;

/// Declares `$route()`, the route view of a screen with a chunk of its own: the chunk behind
/// its split point (split builds, `split::$handle`) or the screen itself.
macro_rules! chunk_routes {
    ($($(#[$doc:meta])* $route:ident => $handle:ident, $screen:ident;)+) => {$(
        $(#[$doc])*
        #[cfg(hsm_split)]
        pub fn $route() -> leptos_router::Lazy<split::$handle> {
            leptos_router::Lazy::new()
        }

        $(#[$doc])*
        #[cfg(not(hsm_split))]
        pub fn $route() -> impl Fn() -> leptos::prelude::AnyView + Clone + Send + 'static {
            use crate::pages::$screen;
            use leptos::prelude::*;
            || view! { <$screen /> }.into_any()
        }
    )+};
}

chunk_routes! {
    /// The editor's route view (new and edit).
    editor_route => EditorRoute, TemplateEditor;
    /// The import screen's route view.
    import_route => ImportRoute, TemplateImport;
    /// The insights screen's route view.
    insights_route => InsightsRoute, TemplateInsights;
    /// The history screen's route view.
    history_route => HistoryRoute, TemplateHistory;
}

/// Starts fetching the editor's chunk and its words in `locale`, if this build has them and
/// they are neither in nor on their way. A failure is silent here: entering the route tries
/// again and shows it.
pub fn preload_editor(locale: Locale) {
    crate::i18n::deferred::preload(locale);
    #[cfg(hsm_split)]
    split::preload();
}

/// [`preload_editor`] once the browser has nothing more urgent to do (after the list shows).
pub fn preload_editor_when_idle(locale: Locale) {
    #[cfg(hsm_split)]
    split::preload_when_idle(locale);
    #[cfg(not(hsm_split))]
    let _ = locale;
}

#[cfg(hsm_split)]
mod split {
    use std::cell::Cell;

    use leptos::prelude::*;
    use leptos::task::spawn_local;
    use leptos::wasm_split::SplitLoaderError;
    use leptos_router::LazyRoute;
    use send_wrapper::SendWrapper;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    use crate::api::ApiError;
    use crate::components::ErrorPanel;
    use crate::i18n::{deferred, use_i18n, Locale};
    use crate::pages::{TemplateEditor, TemplateHistory, TemplateImport, TemplateInsights};

    /// A chunk with a route of its own.
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Chunk {
        Editor,
        Import,
        History,
        Insights,
    }

    /// The screen: its code and its words in `locale`, fetched side by side; `None` when
    /// either could not be fetched.
    async fn load(chunk: Chunk, locale: Locale) -> Option<AnyView> {
        deferred::preload(locale);
        let view = match chunk {
            Chunk::Editor => editor_view().await,
            Chunk::Import => import_view().await,
            Chunk::History => history_view().await,
            Chunk::Insights => insights_view().await,
        };
        let words = deferred::load(locale).await;
        view.ok().filter(|_| words.is_ok())
    }

    /// The locale the screen opens in.
    fn locale() -> Locale {
        use_i18n().locale_untracked()
    }

    /// Everything only the editor uses ends up in the chunk `split_editor.wasm`.
    #[leptos::wasm_split::wasm_split(
        editor,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(load_editor_chunk)
    )]
    fn editor_view() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <TemplateEditor /> }.into_any())
    }

    /// Everything only the import screen uses ends up in the chunk `split_import.wasm`.
    #[leptos::wasm_split::wasm_split(
        import,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(load_import_chunk)
    )]
    fn import_view() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <TemplateImport /> }.into_any())
    }

    /// Everything only the insights screen uses ends up in the chunk `split_insights.wasm`.
    #[leptos::wasm_split::wasm_split(
        insights,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(load_insights_chunk)
    )]
    fn insights_view() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <TemplateInsights /> }.into_any())
    }

    /// Everything only the history screen uses ends up in the chunk `split_history.wasm`.
    #[leptos::wasm_split::wasm_split(
        history,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(load_history_chunk)
    )]
    fn history_view() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <TemplateHistory /> }.into_any())
    }

    /// Declares the router's handle on a chunk's split point, which keeps the locale the
    /// screen opens in.
    macro_rules! lazy_route {
        ($($handle:ident => $chunk:ident, $preload:ident;)+) => {$(
            pub struct $handle(Locale);

            impl LazyRoute for $handle {
                fn data() -> Self {
                    $handle(locale())
                }

                async fn view(this: Self) -> AnyView {
                    match load(Chunk::$chunk, this.0).await {
                        Some(view) => view,
                        None => view! { <ChunkUnavailable chunk=Chunk::$chunk /> }.into_any(),
                    }
                }

                async fn preload() {
                    let _ = $preload().await;
                }
            }
        )+};
    }

    lazy_route! {
        InsightsRoute => Insights, load_insights_chunk;
        HistoryRoute => History, load_history_chunk;
        ImportRoute => Import, load_import_chunk;
        EditorRoute => Editor, load_editor_chunk;
    }

    thread_local! {
        /// Loaded, or a fetch on its way: no second one.
        static STARTED: Cell<bool> = const { Cell::new(false) };
    }

    pub fn preload() {
        if STARTED.replace(true) {
            return;
        }
        spawn_local(async {
            if load_editor_chunk().await.is_err() {
                STARTED.set(false);
            }
        });
    }

    pub fn preload_when_idle(locale: Locale) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let callback = Closure::once_into_js(move || super::preload_editor(locale));
        let idle = js_sys::Reflect::get(&window, &JsValue::from_str("requestIdleCallback"))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        // Safari has no requestIdleCallback: a short timeout lets the list paint first.
        let _ = match idle {
            Some(request) => request.call1(&window, &callback),
            None => window
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    callback.unchecked_ref(),
                    200,
                )
                .map(JsValue::from),
        };
    }

    /// A screen's code could not be fetched: the error panel, whose retry fetches it again
    /// and shows the screen once it arrives.
    #[component]
    fn ChunkUnavailable(chunk: Chunk) -> impl IntoView {
        let i18n = use_i18n();
        let attempt = RwSignal::new(0u32);
        let retry = Callback::new(move |()| attempt.update(|n| *n += 1));
        let failed = move || {
            view! {
                <section class="hsm-page hsm-editor" data-state="chunk-failed">
                    <a class="hsm-editor__back" href=crate::links::list()>
                        {move || i18n.t("common.back_to_list")}
                    </a>
                    <ErrorPanel
                        error=ApiError::Network("the screen's code could not be fetched".into())
                        on_retry=retry
                    />
                </section>
            }
            .into_any()
        };
        move || {
            let first = attempt.get() == 0;
            // The panel stays up while a retry is on its way; the editor replaces it.
            Suspend::new(SendWrapper::new(async move {
                if first {
                    return failed();
                }
                match load(chunk, i18n.locale_untracked()).await {
                    Some(view) => {
                        if chunk == Chunk::Editor {
                            STARTED.set(true);
                        }
                        view
                    }
                    None => failed(),
                }
            }))
        }
    }
}
