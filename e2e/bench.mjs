// `cargo xtask bench`: measures the release build served by the dev backend (seeded with 6000
// templates) in headless Chromium, prints a table and writes target/bench.json. A report, not a
// test: budgets are compared, never enforced. `--quick` (`cargo xtask bench --quick`) is the
// working loop: fewer samples, no Lighthouse, no backend or editor keystroke timings; the full
// run is what docs/performance.md quotes. `--no-lighthouse` skips Lighthouse alone.
import { readFileSync, writeFileSync, statSync, readdirSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { launch, APP_URL } from './browser.mjs';
import { appShown } from './screens.mjs';

const DIST = new URL('../dist/', import.meta.url);
const OUT = new URL('../target/bench.json', import.meta.url);
const QUICK = process.argv.includes('--quick');
const COLD_LOADS = QUICK ? 7 : 11;
const SEARCHES = QUICK ? 30 : 100;
const EDITOR_KEYSTROKES = 100;
const NAVIGATIONS = QUICK ? 20 : 50;
const SWITCHES = 30;
/**
 * The cold load's `performance.mark`s (docs/performance.md says where each is set): the list's
 * phases are read from these, with a few Resource Timing entries, and shown in time order.
 * `hsm:painted` (rows painted before the wasm) is reported when a build sets it.
 */
const PHASE_MARKS = ['hsm:boot', 'hsm:init', 'hsm:painted', 'hsm:instantiated', 'hsm:app-start', 'hsm:answer-read'];
/** Marks every list load sets; after the first row, the bench waits a moment for the late ones. */
const EXPECTED_MARKS = PHASE_MARKS.filter((m) => m !== 'hsm:painted');

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(s.length * p) - 1))];
};
const median = (xs) => pct(xs, 0.5);
const kb = (n) => n / 1024;
const rows = [];
function row(metric, value, unit, budget, met, note = '') {
  rows.push({ metric, value: Math.round(value * 100) / 100, unit, budget, met, note });
}

const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length;
const brotliSize = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const distFiles = () => readdirSync(DIST).filter((f) => /\.(wasm|js|css)$/.test(f) && statSync(new URL(f, DIST)).isFile());
const isChunk = (f) => /^(split|chunk)_.*\.wasm$/.test(f);

/**
 * Stamps `performance.now()` inside the page when the first row of a table (or, for the editor,
 * its form) enters the DOM — also inside the custom element's shadow root — so the time is the
 * page's own, not a poll's. Playwright only reads the stamp afterwards.
 */
const FIRST_ROW_PROBE = `
  (() => {
    const SELECTOR = window.__probeSelector ?? 'table tbody tr';
    const check = () => {
      if (window.__firstRow !== undefined) return;
      if (document.querySelector(SELECTOR)) {
        window.__firstRow = performance.now();
        observer.disconnect();
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true });
  })();`;

/** The resources the page fetched before `until` (ms since navigation start), by path. */
const fetchedBefore = (until) => performance.getEntriesByType('resource')
  .concat(performance.getEntriesByType('navigation'))
  .filter((e) => e.responseEnd <= until)
  .map((e) => ({ path: new URL(e.name).pathname + new URL(e.name).search, wire: e.encodedBodySize }));

/**
 * The first `hsm:*` mark of each name (ms since navigation start), read inside the page, and
 * from Resource Timing the network's side of the same load: the page's HTML in, the main wasm
 * module in, the list's first answer asked for and in (headers and body received, before the
 * app reads it).
 */
const readMarks = (names) => {
  const out = Object.fromEntries(names
    .map((n) => [n, performance.getEntriesByName(n, 'mark')[0]?.startTime])
    .filter(([, t]) => t !== undefined));
  const nav = performance.getEntriesByType('navigation')[0];
  if (nav) out['html-in'] = nav.responseEnd;
  const resources = performance.getEntriesByType('resource');
  const wasm = resources.find((e) => new URL(e.name).pathname.endsWith('_bg.wasm'));
  if (wasm) out['wasm-in'] = wasm.responseEnd;
  const api = resources.find((e) => new URL(e.name).pathname.endsWith('/template-groups'));
  if (api) {
    out['api-asked'] = api.startTime;
    out['api-in'] = api.responseEnd;
  }
  return out;
};
/** What the Resource Timing phases mean, for the table. */
const RESOURCE_PHASES = {
  'html-in': 'Resource Timing: index.html responseEnd',
  'wasm-in': 'Resource Timing: hsm-admin_bg.wasm responseEnd',
  'api-asked': 'Resource Timing: first /template-groups startTime',
  'api-in': 'Resource Timing: first /template-groups responseEnd',
};

/**
 * One cold load of `path` (fresh context: no cache); the stamp, what came before it, and the
 * page's phase marks (`phases`: read after the stamp; a mark set after the first row, as when
 * rows are painted before the wasm, is waited for up to 5 s).
 */
async function coldLoad(browser, path, selector, phases) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.addInitScript(`window.__probeSelector = ${JSON.stringify(selector)};`);
  await page.addInitScript(FIRST_ROW_PROBE);
  await page.goto(`${APP_URL}${path}`, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__firstRow !== undefined, null, { timeout: 30_000, polling: 100 });
  const at = await page.evaluate(() => window.__firstRow);
  const fetched = await page.evaluate(fetchedBefore, at);
  let marks = {};
  if (phases) {
    await page.waitForFunction((names) => names.every((n) => performance.getEntriesByName(n, 'mark').length), EXPECTED_MARKS, { timeout: 5_000, polling: 50 }).catch(() => {});
    marks = await page.evaluate(readMarks, PHASE_MARKS);
  }
  await ctx.close();
  return { at, fetched, marks: { ...marks, 'first-row': at } };
}

/** `COLD_LOADS` cold loads; the median one (by its stamp), with every load kept for the phases. */
async function coldMedian(browser, path, selector, phases = false) {
  const loads = [];
  for (let i = 0; i < COLD_LOADS; i += 1) loads.push(await coldLoad(browser, path, selector, phases));
  loads.sort((a, b) => a.at - b.at);
  return { ...loads[Math.floor(loads.length / 2)], loads };
}

/**
 * The cold list load by phase: for each mark, its median time over the loads, and the median
 * step from the phase before it (within the same load). Marks no load set are left out.
 */
function phaseTable(loads) {
  const medianOf = (n) => median(loads.map((l) => l.marks[n]).filter((t) => t !== undefined));
  // In time order (a painter's mark falls wherever it lands), set marks only.
  const names = [...PHASE_MARKS, ...Object.keys(RESOURCE_PHASES), 'first-row']
    .filter((n) => loads.some((l) => l.marks[n] !== undefined))
    .sort((a, b) => medianOf(a) - medianOf(b));
  const out = [];
  for (const [i, name] of names.entries()) {
    const prev = names[i - 1];
    const steps = prev === undefined ? [] : loads
      .filter((l) => l.marks[name] !== undefined && l.marks[prev] !== undefined)
      .map((l) => l.marks[name] - l.marks[prev]);
    out.push({
      phase: name.replace(/^hsm:/, ''),
      mark: name === 'first-row' ? 'bench stamp (MutationObserver)' : RESOURCE_PHASES[name] ?? name,
      median_ms: Math.round(medianOf(name) * 10) / 10,
      step_ms: steps.length ? Math.round(median(steps) * 10) / 10 : null,
      loads: loads.filter((l) => l.marks[name] !== undefined).length,
    });
  }
  return out;
}
let phases = [];

/** The first module's size, `gzip -9`, before issue 27 (insights, history, category warning). */
const MAIN_BEFORE_INSIGHTS = 332_022;

/**
 * The insights screen's chunk and the shared chunks its loader fetches with it: the loader
 * (`__wasm_split.js`) heads each shared chunk with a comment naming the split points that use it.
 */
function insightsChunks(files) {
  const own = files.find((f) => f === 'split_insights.wasm');
  const loader = existsSync(new URL('__wasm_split.js', DIST)) ? readFileSync(new URL('__wasm_split.js', DIST), 'utf8') : '';
  const shared = [...loader.matchAll(/\/\* ([a-z, ]+) \*\/\s*const __chunk_\d+ = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/(chunk_\d+\.wasm)"/g)]
    .filter((m) => m[1].split(', ').includes('insights'))
    .map((m) => m[2]);
  return { own, shared };
}

// 1. Sizes: what the first screen needs, the editor chunk, everything.
async function sizes(listLoad) {
  // Initial transfer = every file the browser fetched before the first row showed (as the
  // in-page stamp saw it), gzip -9 of each; the API answer too, fetched again here.
  let gz = 0, br = 0, wire = 0;
  const names = [];
  for (const { path, wire: w } of listLoad.fetched) {
    const file = path.replace(/^\//, '').replace(/\?.*$/, '');
    let bytes;
    if (path.startsWith('/api/')) {
      bytes = Buffer.from(await (await fetch(`${APP_URL}${path}`)).arrayBuffer());
    } else if (file && existsSync(new URL(file, DIST))) {
      bytes = readFileSync(new URL(file, DIST));
    } else if (file === '' || !file.includes('.')) {
      bytes = Buffer.from(await (await fetch(`${APP_URL}${path}`)).arrayBuffer());
    } else {
      continue;
    }
    names.push(file || 'index.html');
    gz += gzipSize(bytes);
    br += brotliSize(bytes);
    wire += w;
  }
  row('initial transfer gzip (before the first row)', kb(gz), 'KB', '≤ 200 KB', kb(gz) <= 200, names.join(' '));
  row('  same, brotli', kb(br), 'KB', '', null);
  row('  same, on the wire as served (Resource Timing)', kb(wire), 'KB', '', null);
  const main = readFileSync(new URL('hsm-admin_bg.wasm', DIST));
  // The baseline was measured with `gzip -9` (a few KB below zlib's level 9): compared alike.
  const cli = spawnSync('gzip', ['-9c', new URL('hsm-admin_bg.wasm', DIST).pathname], { maxBuffer: 1 << 26 });
  const mainGz = cli.status === 0 ? cli.stdout.length : NaN;
  const growth = mainGz - MAIN_BEFORE_INSIGHTS;
  row('main wasm module gzip', kb(gzipSize(main)), 'KB', `gzip -9 ≤ ${MAIN_BEFORE_INSIGHTS} + 3 KB`, growth <= 3 * 1024,
    `${kb(main.length).toFixed(0)} KB raw; gzip -9 ${mainGz} bytes, ${growth >= 0 ? '+' : ''}${growth} against ${MAIN_BEFORE_INSIGHTS} (before issue 27)`);
  const files = distFiles();
  const chunks = files.filter(isChunk);
  const insights = insightsChunks(files);
  if (insights.own) {
    const own = gzipSize(readFileSync(new URL(insights.own, DIST)));
    const shared = insights.shared.reduce((n, f) => n + gzipSize(readFileSync(new URL(f, DIST))), 0);
    row('insights chunk gzip', kb(own), 'KB', '≤ 60 KB', kb(own) <= 60, insights.own);
    row('  with the shared chunks it loads', kb(own + shared), 'KB', '', null, insights.shared.join(' ') || 'none');
  } else {
    row('insights chunk gzip', NaN, 'KB', '≤ 60 KB', null, 'no chunk: unsplit build');
  }
  const chunkGz = chunks.reduce((n, f) => n + gzipSize(readFileSync(new URL(f, DIST))), 0);
  row('editor chunk(s) gzip', kb(chunkGz), 'KB', '', null, chunks.join(' ') || 'no chunk: unsplit build');
  const total = files.reduce((n, f) => n + gzipSize(readFileSync(new URL(f, DIST))), 0);
  row('all wasm + JS + CSS gzip', kb(total), 'KB', '', null, `${files.length} files`);
}

async function firstRender(browser) {
  const groups = await (await fetch(`${APP_URL}/api/v1/whatsapp/template-groups`)).json();
  const items = groups.items.flatMap((g) => g.templates);
  // The same first page (every language of its names) as plain HTML with the same
  // stylesheets: the browser's own floor.
  const cells = items.map((t) => `<tr><td><a href="#">${t.name}</a></td><td>${t.category}</td><td>${t.language}</td><td>${t.status}</td><td>${t.updated_at}</td></tr>`).join('');
  writeFileSync(new URL('bench-static.html', DIST), `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/app.css"><link rel="stylesheet" href="/list.css"></head><body><div class="hsm-app"><h1>WhatsApp – HSM</h1><table class="hsm-table"><tbody>${cells}</tbody></table></div></body></html>`);
  const floor = await coldMedian(browser, '/bench-static.html', 'table tbody tr');
  const list = await coldMedian(browser, '/', 'table tbody tr', true);
  phases = phaseTable(list.loads);
  const editor = await coldMedian(browser, '/new', '.hsm-editor form');
  const ratio = (x) => `${(x / floor.at).toFixed(2)}× the floor`;
  row(`first row, cold (median of ${COLD_LOADS}, in-page stamp)`, list.at, 'ms', `≤ 2× floor (${(2 * floor.at).toFixed(0)} ms)`, list.at <= 2 * floor.at, ratio(list.at));
  row(`/new deep link, cold, form shown (median of ${COLD_LOADS})`, editor.at, 'ms', `≤ 3× floor (${(3 * floor.at).toFixed(0)} ms)`, editor.at <= 3 * floor.at, ratio(editor.at));
  row(`static HTML floor, cold (median of ${COLD_LOADS}, in-page stamp)`, floor.at, 'ms', '', null);
  return list;
}

/** Lighthouse (npm, pinned) with its mobile defaults, median of three runs per page. */
async function lighthouse() {
  // Installed by `cargo xtask bench` next to the build, not in package.json: the tests do not
  // need it, and its 12.x line is the last to run on Node 20.
  const bin = new URL('../target/lighthouse/node_modules/.bin/lighthouse', import.meta.url).pathname;
  if (!existsSync(bin)) {
    row('Lighthouse', NaN, '', '≥ 98', null, 'lighthouse not installed (cargo xtask bench installs it)');
    return;
  }
  const flags = '--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync';
  for (const [label, path] of [['list', '/'], ['/new', '/new']]) {
    const runs = [];
    for (let i = 0; i < 3; i += 1) {
      const dir = mkdtempSync(join(tmpdir(), 'hsm-lh-'));
      const out = join(dir, 'report.json');
      const r = spawnSync(bin, [`${APP_URL}${path}`, '--quiet', '--output=json', `--output-path=${out}`,
        '--only-categories=performance', `--chrome-flags=${flags} --user-data-dir=${join(dir, 'profile')}`],
      { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' }, stdio: ['ignore', 'ignore', 'pipe'] });
      if (r.status === 0) {
        const report = JSON.parse(readFileSync(out, 'utf8'));
        runs.push({
          score: report.categories.performance.score * 100,
          lcp: report.audits['largest-contentful-paint'].numericValue,
          tbt: report.audits['total-blocking-time'].numericValue,
        });
      }
      rmSync(dir, { recursive: true, force: true });
    }
    if (!runs.length) {
      row(`Lighthouse ${label}`, NaN, '', '≥ 98', false, 'lighthouse failed');
      continue;
    }
    const m = (k) => median(runs.map((x) => x[k]));
    row(`Lighthouse mobile ${label}: performance (median of ${runs.length})`, m('score'), '', '≥ 98', m('score') >= 98, runs.map((x) => x.score).join(' / '));
    row(`Lighthouse mobile ${label}: LCP`, m('lcp'), 'ms', '≤ 2000 ms', m('lcp') <= 2000);
    row(`Lighthouse mobile ${label}: total blocking time`, m('tbt'), 'ms', '', null);
  }
}

// Captures the wasm instance's memory so its size can be read from the page.
const WASM_HOOK = `
  (() => {
    const keep = (r) => { const inst = r.instance ?? r; if (inst?.exports?.memory) window.__wasmMemory = inst.exports.memory; return r; };
    const si = WebAssembly.instantiateStreaming;
    if (si) WebAssembly.instantiateStreaming = (...a) => si.apply(WebAssembly, a).then(keep);
    const i = WebAssembly.instantiate;
    WebAssembly.instantiate = (...a) => i.apply(WebAssembly, a).then(keep);
  })();`;

/**
 * Waits for the list's rows without keeping a handle on one: an ElementHandle from
 * `waitForSelector` pins its element, and with it every detached page the memory test leaves.
 */
const waitForRows = (page) => page.locator('table tbody tr').first().waitFor({ timeout: 30_000 });

/**
 * Instruments the page: for each list response, when its headers arrived and when its body was
 * in (the app reads it with `text()`), and each mutation of the app's DOM after that.
 */
const LIST_PROBE = `
  (() => {
    const real = window.fetch;
    window.__resp = [];
    window.fetch = async function (input, init) {
      const r = await real.call(this, input, init);
      // A string, a URL (wasm-bindgen's init, the chunk loader) or a Request.
      const url = String(input instanceof Request ? input.url : input);
      if (url.includes('/template-groups?') || url.endsWith('/template-groups')) {
        const entry = { headers: performance.now(), body: null };
        window.__resp.push(entry);
        const text = r.text.bind(r);
        r.text = async () => { const t = await text(); entry.body = performance.now(); return t; };
      }
      return r;
    };
  })();`;

async function searchKeystrokes(browser) {
  const page = await browser.newPage();
  await page.addInitScript(LIST_PROBE);
  await page.goto(`${APP_URL}/`);
  // The app's own list, once it has taken over the rows painted before it started.
  await appShown(page);
  await waitForRows(page);
  const search = page.getByLabel('Pesquisar');
  if (!(await search.count())) {
    row('search keystroke → list updated', NaN, 'ms', '≤ 16 ms p95', false, 'no search field');
    return page.close();
  }
  const deltas = [];
  const transfers = [];
  const words = ['promocao', 'pedido', 'boas', 'lembrete', 'codigo', 'pesquisa'];
  for (let i = 0; i < SEARCHES; i += 1) {
    const word = words[i % words.length];
    const text = word.slice(0, 2 + (i % (word.length - 1)));
    const before = await page.evaluate(() => window.__resp.length);
    await page.evaluate(() => {
      window.__mut = [];
      window.__obs?.disconnect();
      window.__obs = new MutationObserver(() => window.__mut.push(performance.now()));
      window.__obs.observe(document.querySelector('.hsm-app'), { childList: true, subtree: true, characterData: true });
    });
    await search.fill(text);
    await page.waitForFunction((n) => window.__resp.length > n && window.__resp.at(-1).body !== null, before, { timeout: 10_000 });
    await page.waitForTimeout(150);
    const d = await page.evaluate(() => {
      const r = window.__resp[window.__resp.length - 1];
      const after = window.__mut.filter((t) => t >= r.headers);
      return after.length ? { app: Math.max(...after) - r.body, transfer: r.body - r.headers } : null;
    });
    if (d !== null) {
      deltas.push(d.app);
      transfers.push(d.transfer);
    }
  }
  await page.close();
  // The answer is in when its body is: from there on the time is the app's (parse, render).
  row('search keystroke → list updated p50', median(deltas), 'ms', '', null, 'from the answer received');
  row('search keystroke → list updated p95', pct(deltas, 0.95), 'ms', '≤ 16 ms', pct(deltas, 0.95) <= 16, `${deltas.length} searches`);
  row('  (answer headers → body in, p95)', pct(transfers, 0.95), 'ms', '', null, 'the browser receiving the body, not the app');
}

/**
 * A template with 90 days of sends whose name has three languages (the bench's seed has many),
 * for the insights rows.
 */
async function insightsTemplate() {
  for (let page = 1; page <= 5; page += 1) {
    const groups = await (await fetch(`${APP_URL}/api/v1/whatsapp/template-groups?per_page=100&page=${page}`)).json();
    for (const g of groups.items.filter((x) => x.templates.length >= 3)) {
      for (const t of g.templates) {
        const a = await (await fetch(`${APP_URL}/api/v1/whatsapp/templates/${t.id}/insights?window=90d`)).json();
        if (a.points?.length === 90 && a.points.filter((p) => p.sent > 0).length >= 60) return t;
      }
    }
  }
  return null;
}

/** The first mark of each name, read inside the page. */
const marksIn = (page, names) => page.evaluate((ns) => ns.map((n) => performance.getEntriesByName(n, 'mark')[0]?.startTime), names);

// Insights: the chart drawn after the answer (cold opens), and window switches.
async function insightsTimings(browser) {
  const t = await insightsTemplate();
  if (!t) {
    row('insights chart drawn after the answer', NaN, 'ms', '≤ 50 ms median', null, 'no template with 90 days × 3 languages');
    return;
  }
  const drawn = [];
  for (let i = 0; i < COLD_LOADS; i += 1) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${APP_URL}/${t.id}/insights?window=90d`);
    await page.waitForFunction(() => performance.getEntriesByName('hsm:insights-chart-drawn', 'mark').length > 0, null, { timeout: 30_000, polling: 50 });
    const [answer, chart] = await marksIn(page, ['hsm:insights-answer', 'hsm:insights-chart-drawn']);
    drawn.push(chart - answer);
    await ctx.close();
  }
  row(`insights chart drawn after the answer (median of ${COLD_LOADS} cold opens)`, median(drawn), 'ms', '≤ 50 ms', median(drawn) <= 50,
    `template ${t.id}, 90 days × 3 languages; max ${Math.max(...drawn).toFixed(1)} ms`);

  const page = await browser.newPage();
  await page.goto(`${APP_URL}/${t.id}/insights?window=90d`);
  await page.waitForFunction(() => performance.getEntriesByName('hsm:insights-chart-drawn', 'mark').length > 0, null, { timeout: 30_000 });
  // The other languages' rows are in: switches redraw the whole screen.
  await page.locator('.hsm-insights__languages tbody tr').nth(2).waitFor();
  const switches = [];
  const order = ['7d', '30d', '90d'];
  for (let i = 0; i < SWITCHES; i += 1) {
    const before = await page.evaluate(() => performance.getEntriesByName('hsm:insights-switch-end', 'mark').length);
    // A click on the segment (the radio's label), as the admin clicks it.
    await page.locator(`label[for$="-${order[i % 3]}"]`).click();
    await page.waitForFunction((n) => performance.getEntriesByName('hsm:insights-switch-end', 'mark').length > n, before, { timeout: 5_000, polling: 20 });
    switches.push(await page.evaluate(() => {
      const last = (n) => performance.getEntriesByName(n, 'mark').at(-1).startTime;
      return last('hsm:insights-switch-end') - last('hsm:insights-switch-start');
    }));
  }
  await page.close();
  row('insights window switch p50', median(switches), 'ms', '', null, 'change of the radio → DOM updated');
  row('insights window switch p95', pct(switches, 0.95), 'ms', '≤ 16 ms', pct(switches, 0.95) <= 16, `${switches.length} switches 7 → 30 → 90 days`);
}

async function editorKeystrokes(browser) {
  const page = await browser.newPage();
  await page.goto(`${APP_URL}/new`);
  const body = page.getByLabel('Mensagem', { exact: false }).first();
  try {
    await body.waitFor({ timeout: 20_000 });
  } catch {
    row('editor keystroke → counters, issues, preview p95', NaN, 'ms', '≤ 8 ms', false, 'no Mensagem field');
    return page.close();
  }
  // 1024 characters with 10 variables.
  let text = 'Olá {{1}}, seu pedido {{2}} foi enviado para {{3}} em {{4}}; previsão {{5}}, valor {{6}}, código {{7}}, loja {{8}}, vendedor {{9}} e protocolo {{10}} para consulta. ';
  while (text.length < 1024) text += 'Obrigado pela preferência! ';
  text = text.slice(0, 1023) + '.';
  await body.fill(text);
  await page.waitForTimeout(300);
  const deltas = await page.evaluate(async ({ n }) => {
    const el = [...document.querySelectorAll('textarea')].find((t) => t.value.length >= 1000);
    const out = [];
    for (let i = 0; i < n; i += 1) {
      let last = 0;
      const obs = new MutationObserver(() => { last = performance.now(); });
      obs.observe(document.querySelector('.hsm-app'), { childList: true, subtree: true, characterData: true, attributes: true });
      const start = performance.now();
      el.value = el.value.slice(0, 1000) + String.fromCharCode(97 + (i % 26)) + el.value.slice(1001);
      el.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 50));
      obs.disconnect();
      if (last) out.push(last - start);
    }
    return out;
  }, { n: EDITOR_KEYSTROKES });
  await page.close();
  row('editor keystroke → counters, issues, preview p50', median(deltas), 'ms', '', null, '1024 chars, 10 variables');
  row('editor keystroke → counters, issues, preview p95', pct(deltas, 0.95), 'ms', '≤ 8 ms', pct(deltas, 0.95) <= 8);
}

async function memory(browser) {
  const page = await browser.newPage();
  await page.addInitScript(WASM_HOOK);
  const cdp = await page.context().newCDPSession(page);
  const used = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? 0);
    return (usedSize + wasm) / (1024 * 1024);
  };
  await page.goto(`${APP_URL}/?per_page=100`);
  await waitForRows(page);
  const loaded = await used();
  row('JS heap + wasm memory, list loaded (6000 in store, 100 shown)', loaded, 'MB', '≤ 40 MB', loaded <= 40);
  const navigate = async (times) => {
    for (let i = 0; i < times; i += 1) {
      await page.getByRole('link', { name: 'Novo', exact: true }).first().click();
      await page.waitForURL('**/new');
      await page.goBack();
      await waitForRows(page);
    }
  };
  // Wasm linear memory only grows (to the allocator's high-water mark): warm up first, so the
  // comparison shows a leak, not the first editor's allocations.
  await navigate(10);
  const warm = await used();
  await navigate(NAVIGATIONS);
  const after = await used();
  row(`JS heap + wasm memory after ${NAVIGATIONS} list ↔ editor navigations`, after, 'MB', 'no growth', after - warm <= 0.25, `${(after - warm).toFixed(2)} MB more than after 10 warm-up navigations`);
  await page.close();
}

async function backend() {
  const queries = ['', 'q=promocao', 'q=pedido&status=APPROVED', 'status=APPROVED,REJECTED&sort=name&page=3',
    'status=PENDING&language=pt_BR,es&sort=-name', 'category=MARKETING&sort=updated_at&page=20&per_page=100',
    'q=rastreio&category=UTILITY&language=en_US&page=2', 'q=nada_encontrado_xyz'];
  const timed = async (path) => {
    const times = [];
    for (let round = 0; round < 100; round += 1) {
      for (const q of queries) {
        const t0 = performance.now();
        const r = await fetch(`${APP_URL}/api/v1/whatsapp/${path}?${q}`);
        await r.arrayBuffer();
        times.push(performance.now() - t0);
      }
    }
    return times;
  };
  const flat = await timed('templates');
  row('dev backend GET /templates p99 (6000 templates, 8 filters)', pct(flat, 0.99), 'ms', '', null, `p50 ${median(flat).toFixed(1)} ms`);
  // What the list asks for: one entry per name.
  const times = await timed('template-groups');
  row('dev backend GET list p50 (6000 templates, 8 filters)', median(times), 'ms', '', null);
  row('dev backend GET list (/template-groups) p99 (6000 templates, 8 filters)', pct(times, 0.99), 'ms', '≤ 20 ms', pct(times, 0.99) <= 20, `${times.length} requests`);
}

const started = performance.now();
const browser = await launch();
try {
  if (!QUICK) await backend();
  const listLoad = await firstRender(browser);
  await sizes(listLoad);
  await searchKeystrokes(browser);
  await insightsTimings(browser);
  if (!QUICK) await editorKeystrokes(browser);
  await memory(browser);
} finally {
  await browser.close();
}
if (!QUICK && !process.argv.includes('--no-lighthouse')) await lighthouse();
const width = Math.max(...rows.map((r) => r.metric.length));
console.log(`\n${'metric'.padEnd(width)}  ${'value'.padStart(10)}  budget              met`);
for (const r of rows) {
  const met = r.met === null ? '' : r.met ? 'yes' : 'NO';
  console.log(`${r.metric.padEnd(width)}  ${`${Number.isNaN(r.value) ? '—' : r.value} ${r.unit}`.padStart(10)}  ${String(r.budget).padEnd(18)}  ${met}  ${r.note}`);
}
if (phases.length) {
  console.log(`\ncold list load by phase (median of ${COLD_LOADS}; at: ms since navigation start, step: from the row above in the same load)`);
  const w = Math.max(...phases.map((p) => p.phase.length));
  console.log(`${'phase'.padEnd(w)}  ${'at'.padStart(8)}  ${'step'.padStart(8)}  loads  mark`);
  for (const p of phases) {
    const step = p.step_ms === null ? '' : `${p.step_ms >= 0 ? '+' : ''}${p.step_ms}`;
    console.log(`${p.phase.padEnd(w)}  ${String(p.median_ms).padStart(8)}  ${step.padStart(8)}  ${`${p.loads}/${COLD_LOADS}`.padStart(5)}  ${p.mark}`);
  }
}
const seconds = (performance.now() - started) / 1000;
console.log(`\n${QUICK ? 'quick' : 'full'} bench: measured in ${seconds.toFixed(0)} s (after the build)`);
writeFileSync(OUT, JSON.stringify({
  measured_at: new Date().toISOString(),
  mode: QUICK ? 'quick' : 'full',
  samples: { cold_loads: COLD_LOADS, searches: SEARCHES, navigations: NAVIGATIONS },
  seconds: Math.round(seconds),
  rows,
  phases,
}, null, 2));
console.log(`\nwritten ${OUT.pathname.replace(/.*\/target\//, 'target/')}`);
