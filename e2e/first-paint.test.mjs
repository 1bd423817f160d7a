// The list's first rows painted from the prefetched answer before the app's wasm has started
// (src/first_paint.js), and the app taking them over (template_list/first_paint.rs): the same
// markup and words, no layout shift, a link that works before the app, and what the admin
// typed meanwhile kept. The wasm is held back so each test sees the painted page first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserPerFile, APP_URL, PORTAL } from './browser.mjs';
import { editorHeading } from './screens.mjs';

const { newPage } = browserPerFile();

/** Holds the first request for the main wasm module until `release()` is called. */
async function holdWasm(page) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  let held = false;
  await page.route('**/hsm-admin_bg.wasm', async (route) => {
    if (!held) {
      held = true;
      await released;
    }
    await route.continue().catch(() => {});
  });
  return release;
}

const PAINTED = '#hsm-app > [data-hsm-painted]';
const APP = '#hsm-app > .hsm-app:not([data-hsm-painted])';

/**
 * Each group of the table as its rows' markup, with what only the app writes left out: the
 * note on drifted languages (the painter has not the domain's variable rules) and the
 * comments a framework leaves.
 */
const tableOf = (root) => root.locator('tbody.hsm-group').evaluateAll((groups) => groups.map((g) => {
  const copy = g.cloneNode(true);
  copy.querySelectorAll('.hsm-group__drift').forEach((d) => d.remove());
  return copy.outerHTML.replace(/<!--[^>]*-->/g, '');
}));

/** Top, height and width of every row before the first group with a drift note. */
const rowBoxes = (root) => root.locator('tbody.hsm-group').evaluateAll((groups) => {
  const out = [];
  for (const g of groups) {
    if (g.querySelector('.hsm-group__drift')) break;
    for (const tr of g.rows) {
      const r = tr.getBoundingClientRect();
      out.push([Math.round(r.top), Math.round(r.height), Math.round(r.width)]);
    }
  }
  return out;
});

const PLACES = [
  // [where, path, painted copy, the app's root, whether the copy is still there]
  ['the standalone page', '/', PAINTED, APP, () => Boolean(document.querySelector('[data-hsm-painted]'))],
  ['the portal (custom element, shadow root), in English', `${PORTAL}/?locale=en`,
    'citrus-hsm-templates [data-hsm-painted]', 'citrus-hsm-templates .hsm-app:not([data-hsm-painted])',
    () => Boolean(document.querySelector('citrus-hsm-templates').shadowRoot?.querySelector('[data-hsm-painted]'))],
];

for (const [where, path, paintedAt, appAt, stillPainted] of PLACES) {
  test(`${where}: the first rows are painted before the app starts, and the app takes them over unchanged`, async () => {
    const { page } = await newPage();
    const violations = [];
    page.on('console', (m) => { if (/Content.Security.Policy|CSP/i.test(m.text())) violations.push(m.text()); });
    const release = await holdWasm(page);
    await page.goto(`${APP_URL}${path}`);
    const painted = page.locator(paintedAt);
    await painted.locator('tr.hsm-row').first().waitFor({ timeout: 30_000 });
    // The first groups come at once, the others after the first frame.
    await page.locator(`${paintedAt}[data-hsm-painted="all"]`).waitFor({ timeout: 10_000 });
    assert.equal(await page.locator(appAt).count(), 0, 'the app has not started');
    const paintedTable = await tableOf(painted);
    const paintedText = await painted.locator('tbody.hsm-group tr.hsm-row').allInnerTexts();
    // The words outside the rows too: title, toolbar, paging.
    const shell = 'h1, label, .hsm-total, .hsm-pagination__current, thead';
    const paintedShell = await painted.locator(shell).allInnerTexts();
    assert.ok(paintedTable.length > 0, 'groups painted');
    assert.ok(await page.evaluate(() => performance.getEntriesByName('hsm:painted').length === 1));
    const firstBoxes = await rowBoxes(painted);
    // From now until the takeover, some rows must be on screen at every change of the DOM:
    // the painted ones, or the app's.
    await page.evaluate(() => {
      const host = document.querySelector('citrus-hsm-templates');
      const root = host ? host.shadowRoot : document;
      window.__gaps = 0;
      new MutationObserver(() => {
        const shown = root.querySelector('[data-hsm-painted] tr.hsm-row, .hsm-app:not([data-hsm-painted]) tr.hsm-row');
        if (!shown) window.__gaps += 1;
      }).observe(root, { childList: true, subtree: true });
    });

    release();
    await page.locator(`${appAt} tr.hsm-row`).first().waitFor({ timeout: 30_000 });
    await page.waitForFunction((f) => !new Function(`return (${f})()`)(), stillPainted.toString());
    const app = page.locator(appAt);
    assert.deepEqual(await tableOf(app), paintedTable, 'the app rows are the painted rows, markup and words');
    assert.deepEqual(await app.locator('tbody.hsm-group tr.hsm-row').allInnerTexts(), paintedText);
    assert.deepEqual(await app.locator(shell).allInnerTexts(), paintedShell);
    // The painter leaves out the drift notes: rows are compared up to the first one.
    const appBoxes = await rowBoxes(app);
    assert.ok(appBoxes.length > 0);
    assert.deepEqual(appBoxes, firstBoxes.slice(0, appBoxes.length), 'every row where it was painted');
    assert.equal(await page.evaluate(() => window.__gaps), 0, 'never a moment without rows');
    assert.deepEqual(violations, [], 'nothing blocked by the page\'s policy');
  });
}

test('a row painted before the app starts is a real link: its editor opens', async () => {
  const { page } = await newPage();
  const release = await holdWasm(page);
  await page.goto(`${APP_URL}/`);
  const link = page.locator(`${PAINTED} tr.hsm-row .hsm-row__name a`).first();
  await link.waitFor({ timeout: 30_000 });
  const href = await link.getAttribute('href');
  const name = await link.innerText();
  assert.match(href, /^\/[^/]+\/edit$/);
  await link.click();
  release();
  await page.waitForURL(`${APP_URL}${href}`);
  await editorHeading(page, new RegExp(name)).waitFor({ timeout: 30_000 });
});

test('what the admin typed before the app started carries over, with the focus', async () => {
  const { page } = await newPage();
  const release = await holdWasm(page);
  await page.goto(`${APP_URL}/`);
  const search = page.locator(`${PAINTED} input[name=q]`);
  await search.waitFor({ timeout: 30_000 });
  await search.click();
  await page.keyboard.type('pedido');
  release();
  await page.waitForFunction(() => !document.querySelector('[data-hsm-painted]'), null, { timeout: 30_000 });
  const appSearch = page.locator(`${APP} input[name=q]`);
  assert.equal(await appSearch.inputValue(), 'pedido');
  assert.equal(await appSearch.evaluate((el) => el === document.activeElement), true, 'focus in the search field');
  // The typing goes on in the app's field, and the search runs.
  await page.keyboard.type(' enviado');
  await page.waitForURL((url) => url.searchParams.get('q') === 'pedido enviado', { timeout: 10_000 });
});

test('the focus on a painted row moves to the same row of the app', async () => {
  const { page } = await newPage();
  const release = await holdWasm(page);
  await page.goto(`${APP_URL}/`);
  const row = page.locator(`${PAINTED} tr.hsm-row`).nth(1);
  await row.waitFor({ timeout: 30_000 });
  const id = await row.getAttribute('data-id');
  const name = await row.locator('.hsm-row__name a').innerText();
  await row.focus();
  release();
  await page.waitForFunction(() => !document.querySelector('[data-hsm-painted]'), null, { timeout: 30_000 });
  const focused = await page.evaluate(() => document.activeElement?.closest('tr')?.dataset.id);
  assert.equal(focused, id);
  // Enter on the focused row opens its editor, as on any row of the app.
  await page.keyboard.press('Enter');
  await editorHeading(page, new RegExp(name)).waitFor({ timeout: 30_000 });
});
