// Starts the list's first API request while the app's wasm is still on its way, so data and
// code arrive in parallel. The app, once mounted, takes the answer instead of asking again —
// only when it is the very request it would make (same URL, same bearer token, at most 10 s old);
// otherwise it is left unused and the app asks as usual.
//
//   import { prefetchList } from '/static/hsm/1.4.0/hsm-prefetch.js';
//   prefetchList({ apiBaseUrl, token, credentials, basePath });   // before `await init()`
//
// The standalone page (boot.js) and <citrus-hsm-templates> call it themselves.

const MAX_AGE_MS = 10_000;
/** What the prefetch adds to the list's URL (see `prefetchList`). */
const PREFETCH_QUERY = 'page=1';
/** The URL parameters the list reads (template_list/url.rs). */
const LIST_PARAMS = ['q', 'status', 'category', 'language', 'sort', 'page', 'per_page'];

/** The URL of the list's first page (what the app asks for first) for `config`. */
export function listUrl(config = {}) {
  const api = (config.apiBaseUrl ?? '').trim().replace(/\/+$/, '');
  return new URL(`${api}/api/v1/whatsapp/template-groups`, location.href).href;
}

/**
 * Fetches the list's first page if the page is on the list (the app's base path, no list
 * parameter in the query).
 * Takes the same config as `mount`; a `getToken` callback means the token is not known yet:
 * nothing is fetched then.
 */
export function prefetchList(config = {}) {
  if (typeof config.getToken === 'function') return;
  const base = (config.basePath ?? '').trim().replace(/\/+$/, '');
  const path = location.pathname.replace(/\/+$/, '');
  if (path !== (base === '' ? '' : (base.startsWith('/') ? base : `/${base}`))) return;
  // A search, filter, order or page in the URL asks for another page than the first; other
  // parameters (the portal's own) do not change what the list asks for.
  const params = new URLSearchParams(location.search);
  if (LIST_PARAMS.some((p) => params.has(p))) return;
  const url = listUrl(config);
  const token = (config.token ?? '').trim() || null;
  const init = {};
  if (token) init.headers = { Authorization: `Bearer ${token}` };
  if (config.credentials === 'include') init.credentials = 'include';
  // `?page=1` is the first page, as the app's plain URL is, under a URL of its own: a page may
  // preload exactly this request (the standalone page does), and a later request of the app
  // (the list reloaded after a save) must never be answered from that old preload.
  const response = fetch(`${url}?${PREFETCH_QUERY}`, init);
  response.catch(() => {});
  globalThis.__hsmPrefetch = { url, token, cookies: init.credentials === 'include', at: performance.now(), response };
}

/** Called by the app: the prefetched answer for `url`, `token` and cookie mode, once, or `undefined`. */
globalThis.__hsmTakePrefetch = (url, token, cookies) => {
  const entry = globalThis.__hsmPrefetch;
  if (!entry || entry.url !== new URL(url, location.href).href) return undefined;
  globalThis.__hsmPrefetch = undefined;
  const fresh = performance.now() - entry.at <= MAX_AGE_MS;
  return fresh && entry.token === (token || null) && entry.cookies === Boolean(cookies)
    ? entry.response
    : undefined;
};
