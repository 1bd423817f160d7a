// Starts the standalone page of the release build (`cargo xtask` writes its index.html). A file,
// not an inline script, so the page also runs under `script-src 'self'`. Everything is found
// next to this file, whatever the page's path (a deep link like /42/edit included).
// hsm-first-paint.js carries hsm-prefetch.js's functions too (the build writes them in).
import { paintList, prefetchList } from './hsm-first-paint.js';

// The cold load's phases (docs/performance.md). This module imports only the two small ones
// above, so it runs as soon as the page is parsed; the app's glue is imported below.
performance.mark('hsm:boot');

// The list's first page is asked for now, while the wasm downloads (the page preloads it);
// main.rs mounts the app with the same `#hsm-app` attributes, and the app takes this answer.
// An `async` module: it runs as soon as it is loaded, without waiting for the stylesheets
// (the rows it paints are shown once they are in, as the page's own would be), possibly
// before the parser has reached the app's element.
if (document.readyState === 'loading' && !document.getElementById('hsm-app')) {
  await new Promise((done) => document.addEventListener('DOMContentLoaded', done, { once: true }));
}
const app = document.getElementById('hsm-app');
let painted = Promise.resolve(false);
if (app) {
  const config = {
    apiBaseUrl: app.dataset.apiBase ?? '',
    token: app.dataset.token,
    basePath: app.dataset.basePath ?? '',
    locale: app.dataset.locale,
    // main.rs mounts the standalone app into the element itself, not a shadow root.
    shadowDom: false,
  };
  prefetchList(config);
  painted = paintList(app, config);
}
// A deep link to the editor paints nothing: its chunks are asked for now, beside the main
// module, rather than once the app has started and entered the route (the build lists them).
const EDITOR_CHUNKS = /* generated: editor chunks */ [];
if (app) {
  const base = (app.dataset.basePath ?? '').trim().replace(/\/+$/, '');
  const path = location.pathname.slice(base === '' ? 0 : (base.startsWith('/') ? base : `/${base}`).length);
  if (/^\/(new|[^/]+\/edit)\/?$/.test(path)) {
    for (const chunk of EDITOR_CHUNKS) {
      const link = document.createElement('link');
      link.rel = 'preload';
      link.as = 'fetch';
      link.crossOrigin = 'anonymous';
      link.href = new URL(`./${chunk}`, import.meta.url).href;
      document.head.append(link);
    }
  }
}
// The app's own start-up (its glue, the wasm's download and compile, the first render) would
// compete with the painting for the network and the cores: it waits until the painted rows are
// on screen, or the painter gave up (not the list, no answer), or 3 s passed without an answer.
await Promise.race([painted, new Promise((done) => setTimeout(done, 3000))]);
// The wasm is asked for at once, while its glue loads, rather than by `init()` after it; the
// glue and the chunks' loader it imports are fetched side by side, not one after the other.
const wasm = fetch(new URL('./hsm-admin_bg.wasm', import.meta.url));
wasm.catch(() => {});
for (const module of ['hsm-admin.js', '__wasm_split.js']) {
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.href = new URL(`./${module}`, import.meta.url).href;
  document.head.append(link);
}
const { default: init } = await import('./hsm-admin.js');
// `init()` compiles the wasm as it streams in and runs main.rs (which marks `hsm:instantiated`
// as its first line, then `hsm:app-start` when it mounts the app).
performance.mark('hsm:init');
init({ module_or_path: wasm });
