// Starts the standalone page (index.html). Trunk's default start is an inline module script,
// which a strict `script-src 'self'` blocks; `pattern_script` in Trunk.toml loads this file
// instead. `init()` fetches hsm-admin_bg.wasm from next to hsm-admin.js and runs `main`, which
// mounts the app into #hsm-app.
import init from './hsm-admin.js';

await init();
