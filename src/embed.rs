//! The JavaScript API the Citrus portal uses: `mount(element, config)` → handle.
//!
//! Errors a host can make (no element, a second mount on the same element, a malformed
//! config) are thrown as `Error`s with a clear message, never a panic.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::config::Config;
use crate::drafts::Drafts;
use crate::i18n::Locale;
use crate::{mount_into, MountHandle};

/// Marks an element an app is mounted on, so a second `mount` is refused.
const MOUNTED_ATTR: &str = "data-hsm-mounted";

/// Every stylesheet of the app, injected into the shadow root (the portal's CSS stays out).
const APP_CSS: &str = concat!(
    ":host{all:initial;display:block}\n",
    include_str!("../style/app.css"),
    include_str!("../style/list.css"),
    include_str!("../style/editor.css"),
    include_str!("../style/transfer.css"),
    include_str!("../style/insights.css"),
    include_str!("../style/history.css"),
);

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** How the portal configures a mounted HSM template admin. */
export interface HsmConfig {
  /** Base URL of the Citrus REST API; "" or absent = same origin. */
  apiBaseUrl?: string;
  /** Bearer token sent as `Authorization: Bearer …`. */
  token?: string;
  /** Called before each request; returns the current token (or a Promise of it), for refresh. */
  getToken?: () => string | null | undefined | Promise<string | null | undefined>;
  /** "include" sends the portal's cookies (session auth); default "same-origin". */
  credentials?: "include" | "same-origin" | "omit";
  /** URL prefix the app's routes live under, e.g. "/admin/configuracoes-gerais/whatsapp-hsm". */
  basePath?: string;
  /** "pt-BR" (default), "en" or "es". */
  locale?: string;
  /** Render inside a shadow root (default true): the portal's CSS cannot reach the app. */
  shadowDom?: boolean;
  /**
   * Who is signed in to the portal (e.g. its user id). Unsaved drafts are kept per user and
   * backend in localStorage, for 7 days; without it they are kept in memory only.
   */
  userId?: string | number;
}

/**
 * Mounts the app into `element`. Events are dispatched on `element`:
 * `hsm:unauthorized`, `hsm:saved` and `hsm:deleted` (detail: `{id, name, language}`).
 * Throws when `element` is missing, already has an app, or `config` is malformed.
 */
export function mount(element: HTMLElement, config?: HsmConfig): MountHandle;

/**
 * Forgets every unsaved draft of `config.userId` on `config.apiBaseUrl` (the portal's logout),
 * whether or not an app is mounted. `handle.clearDrafts()` does the same for a mounted app.
 */
export function clearDrafts(config?: HsmConfig): void;
"#;

/// JS entry (see the TypeScript declaration above).
#[wasm_bindgen(skip_typescript)]
pub fn mount(element: JsValue, config: JsValue) -> Result<MountHandle, JsValue> {
    let element: web_sys::HtmlElement = element.dyn_into().map_err(|_| {
        error("mount: `element` is missing or is not an HTML element (check the selector)")
    })?;
    if element.has_attribute(MOUNTED_ATTR) {
        return Err(error(
            "mount: an HSM app is already mounted on this element; call unmount() first",
        ));
    }
    let parsed = parse_config(&config).and_then(|(config, provider)| {
        let container = if config.shadow_dom {
            shadow_container(&element)?
        } else {
            element.clone()
        };
        Ok((config, provider, container))
    });
    let (config, provider, container) = match parsed {
        Ok(ok) => ok,
        Err(message) => {
            // Written where the app would have been, so the admin sees why, not a blank area.
            element.set_text_content(Some(&message));
            return Err(error(&message));
        }
    };
    let _ = element.set_attribute(MOUNTED_ATTR, "");
    let host = element.clone();
    let inner = container.clone();
    let shadow = config.shadow_dom;
    let mut handle = mount_into(container, host.clone(), config, provider);
    handle.on_unmount(Box::new(move || {
        if shadow {
            inner.remove();
            if let Some(root) = host.shadow_root() {
                clear_shadow(&root);
            }
        }
        let _ = host.remove_attribute(MOUNTED_ATTR);
    }));
    Ok(handle)
}

/// JS entry (see the TypeScript declaration above).
#[wasm_bindgen(js_name = clearDrafts, skip_typescript)]
pub fn clear_drafts(config: JsValue) -> Result<(), JsValue> {
    let (config, _) =
        parse_config(&config).map_err(|m| error(&m.replacen("mount:", "clearDrafts:", 1)))?;
    Drafts::for_config(&config.normalized()).clear_all();
    Ok(())
}

/// `userId`: a string, or a number (portals often number their users).
fn user_id(v: &JsValue) -> Result<Option<String>, String> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    if let Some(s) = v.as_string() {
        return Ok(Some(s));
    }
    match v.as_f64() {
        // Rust prints 42.0 as "42", as JavaScript does.
        Some(n) if n.is_finite() => Ok(Some(format!("{n}"))),
        _ => Err("mount: config.userId must be a string or a number".into()),
    }
}

fn error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}

/// A fresh `.hsm-app` host inside `element`'s (open) shadow root, with the app's styles.
fn shadow_container(element: &web_sys::HtmlElement) -> Result<web_sys::HtmlElement, String> {
    let root = match element.shadow_root() {
        Some(root) => root,
        None => element
            .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
            .map_err(|_| "mount: this element cannot host a shadow root; pass shadowDom: false")?,
    };
    let document = element
        .owner_document()
        .ok_or("mount: element has no document")?;
    // The list painted before the app started (`paintList`) stays where it is, in front of the
    // app's root, until the app's first load replaces it (`template_list::first_paint`): its
    // holder becomes the app's container (moving it would drop the focus inside it), whatever
    // else the root holds goes. (`:scope` means nothing on a shadow root: children are asked.)
    let children = root.children();
    let holder = (0..children.length())
        .filter_map(|i| children.item(i))
        .find(|c| {
            c.query_selector(":scope > [data-hsm-painted]")
                .ok()
                .flatten()
                .is_some()
        });
    let nodes = root.child_nodes();
    let others: Vec<web_sys::Node> = (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .filter(|n| holder.as_ref().is_none_or(|h| !h.is_same_node(Some(n))))
        .collect();
    for node in others {
        let _ = root.remove_child(&node);
    }
    let container: web_sys::HtmlElement = match holder {
        Some(holder) => holder.unchecked_into(),
        None => {
            let div: web_sys::HtmlElement = document
                .create_element("div")
                .map_err(|_| "mount: cannot create elements")?
                .unchecked_into();
            root.append_child(&div)
                .map_err(|_| "mount: cannot append")?;
            div
        }
    };
    match app_sheet(&document) {
        Some(sheet) => root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet)),
        None => {
            // No constructable stylesheets (Safari before 16.4): an inline <style>, which a
            // strict `style-src` blocks, is the only way left.
            let style = document
                .create_element("style")
                .map_err(|_| "mount: cannot create elements")?;
            style.set_text_content(Some(APP_CSS));
            root.append_child(&style)
                .map_err(|_| "mount: cannot append")?;
        }
    }
    Ok(container)
}

/// Takes the app's styles away from a shadow root it is unmounted from.
pub(crate) fn clear_shadow(root: &web_sys::ShadowRoot) {
    root.set_inner_html("");
    root.set_adopted_style_sheets(&js_sys::Array::new());
}

thread_local! {
    /// One parsed sheet for every app mounted in this window's document.
    static SHEET: std::cell::OnceCell<Option<web_sys::CssStyleSheet>> =
        const { std::cell::OnceCell::new() };
}

/// The app's styles as a constructable stylesheet (`adoptedStyleSheets`), which no
/// `style-src` policy blocks: it is not an inline `<style>`, and it is parsed once and shared
/// by every mount. `None` where the browser lacks them, or for an element of another document
/// (a sheet can only be adopted by the document that constructed it).
fn app_sheet(document: &web_sys::Document) -> Option<web_sys::CssStyleSheet> {
    let own = web_sys::window()?.document()?;
    if !own.is_same_node(Some(document)) {
        return None;
    }
    let global = js_sys::global();
    let has = |class: &str, member: &str| {
        js_sys::Reflect::get(&global, &class.into())
            .and_then(|c| js_sys::Reflect::get(&c, &"prototype".into()))
            .and_then(|p| js_sys::Reflect::has(&p, &member.into()))
            .unwrap_or(false)
    };
    let constructable =
        has("ShadowRoot", "adoptedStyleSheets") && has("CSSStyleSheet", "replaceSync");
    if !constructable {
        return None;
    }
    SHEET.with(|cell| {
        cell.get_or_init(|| {
            let sheet = web_sys::CssStyleSheet::new().ok()?;
            sheet.replace_sync(APP_CSS).ok()?;
            Some(sheet)
        })
        .clone()
    })
}

/// Reads the JS config object; the message names the field that is wrong.
fn parse_config(value: &JsValue) -> Result<(Config, Option<js_sys::Function>), String> {
    if value.is_undefined() || value.is_null() {
        return Ok((
            Config {
                shadow_dom: true,
                ..Config::default()
            },
            None,
        ));
    }
    if !value.is_object() || value.is_function() {
        return Err(
            "mount: config must be an object like { apiBaseUrl, token, basePath, locale }".into(),
        );
    }
    let field =
        |key: &str| js_sys::Reflect::get(value, &JsValue::from_str(key)).unwrap_or_default();
    let string = |key: &str| -> Result<Option<String>, String> {
        let v = field(key);
        if v.is_undefined() || v.is_null() {
            Ok(None)
        } else {
            v.as_string()
                .map(Some)
                .ok_or_else(|| format!("mount: config.{key} must be a string"))
        }
    };
    let defaults = Config::default();
    let locale = string("locale")?.unwrap_or(defaults.locale);
    if Locale::from_tag(&locale).is_none() {
        return Err(format!(
            "mount: config.locale `{locale}` is not supported (use pt-BR, en or es)"
        ));
    }
    let with_cookies = match string("credentials")?.as_deref() {
        None | Some("same-origin") | Some("omit") => false,
        Some("include") => true,
        Some(other) => {
            return Err(format!(
            "mount: config.credentials `{other}` must be \"include\", \"same-origin\" or \"omit\""
        ))
        }
    };
    let shadow_dom = match field("shadowDom") {
        v if v.is_undefined() || v.is_null() => true,
        v => v
            .as_bool()
            .ok_or("mount: config.shadowDom must be true or false")?,
    };
    let provider = match field("getToken") {
        v if v.is_undefined() || v.is_null() => None,
        v => Some(
            v.dyn_into::<js_sys::Function>()
                .map_err(|_| "mount: config.getToken must be a function")?,
        ),
    };
    let api_base_url = string("apiBaseUrl")?.unwrap_or_default();
    if !(api_base_url.is_empty()
        || api_base_url.starts_with("http://")
        || api_base_url.starts_with("https://")
        || api_base_url.starts_with('/'))
    {
        return Err(format!(
            "mount: config.apiBaseUrl `{api_base_url}` must be an http(s) URL or a path"
        ));
    }
    Ok((
        Config {
            api_base_url,
            token: string("token")?,
            base_path: string("basePath")?.unwrap_or(defaults.base_path),
            locale,
            with_cookies,
            shadow_dom,
            user_id: user_id(&field("userId"))?,
        },
        provider,
    ))
}
