// Starts the standalone page of the release build (`cargo xtask` writes its index.html). A file,
// not an inline script, so the page also runs under `script-src 'self'`. Everything is found
// next to this file, whatever the page's path (a deep link like /42/edit included).
import { prefetchList } from './hsm-prefetch.js';
import init from './hsm-admin.js';

// The list's first page is asked for now, while the wasm downloads and compiles; main.rs mounts
// the app with the same `#hsm-app` attributes, and the app takes this answer.
const app = document.getElementById('hsm-app');
if (app) {
  prefetchList({
    apiBaseUrl: app.dataset.apiBase ?? '',
    token: app.dataset.token,
    basePath: app.dataset.basePath ?? '',
  });
}
// `init()` fetches hsm-admin_bg.wasm from next to hsm-admin.js and runs main.rs.
init();
