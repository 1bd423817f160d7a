// Data and code in parallel: the list's first API request starts while the wasm is still on its
// way (hsm-prefetch.js, from boot.js and from <citrus-hsm-templates>), and the app, once
// mounted, takes that answer instead of asking again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserPerFile, APP_URL, PORTAL } from './browser.mjs';
import { appShown, editorHeading } from './screens.mjs';

const { newPage } = browserPerFile();

const isList = (url) => new URL(url).pathname.endsWith('/api/v1/whatsapp/template-groups');

/**
 * Holds the main wasm module back until the list's API request has been sent: if the request
 * waited for the app, it would never come and the page would stay without rows.
 */
async function holdWasmUntilListAsked(page) {
  const seen = { list: 0 };
  let asked;
  const listAsked = new Promise((resolve) => { asked = resolve; });
  page.on('request', (req) => {
    if (isList(req.url())) {
      seen.list += 1;
      asked();
    }
  });
  await page.route('**/hsm-admin_bg.wasm', async (route) => {
    const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 15_000));
    seen.beforeWasm = (await Promise.race([listAsked.then(() => 'asked'), timeout])) === 'asked';
    await route.continue();
  });
  return seen;
}

for (const [where, path, rows] of [
  ['the standalone page', '/', 'table tbody tr'],
  ['the portal (custom element)', `${PORTAL}/`, 'citrus-hsm-templates table tbody tr'],
]) {
  test(`${where}: the list request starts before the wasm arrives and is made once`, async () => {
    const { page } = await newPage();
    const seen = await holdWasmUntilListAsked(page);
    await page.goto(`${APP_URL}${path}`);
    // The app's own rows (the painted ones come before the wasm is even asked for).
    await appShown(page);
    await page.locator(rows).first().waitFor({ timeout: 30_000 });
    assert.equal(seen.beforeWasm, true, 'the list was asked for while the wasm was held back');
    await page.waitForTimeout(300);
    assert.equal(seen.list, 1, 'the app took the prefetched answer instead of asking again');
  });
}

// The standalone page preloads the first page while its HTML is parsed (a <link rel=preload>,
// the same on every path of that static page): off the list nothing but that preload asks
// for it, and nothing in the page uses it. The portal's element has no such link.
test('a page off the list asks for no list but the page\'s preload; a search asks for its own page', async () => {
  const { page } = await newPage();
  const lists = [];
  page.on('request', (req) => { if (isList(req.url())) lists.push(req.url()); });
  await page.goto(`${APP_URL}/new`);
  await editorHeading(page).waitFor({ timeout: 30_000 });
  await page.waitForTimeout(300);
  const initiators = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => new URL(e.name).pathname.endsWith('/api/v1/whatsapp/template-groups'))
    .map((e) => `${e.initiatorType} ${new URL(e.name).search}`));
  assert.deepEqual(initiators, ['link ?page=1'], 'the editor does not ask for the list: only the page\'s preload did');
  lists.length = 0;
  await page.goto(`${APP_URL}/?q=pedido`);
  await page.locator('table tbody tr, .hsm-empty-state').first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(300);
  const searched = lists.filter((u) => new URL(u).searchParams.has('q'));
  assert.equal(searched.length, 1, 'one request for the searched list');
  assert.equal(new URL(searched[0]).searchParams.get('q'), 'pedido', 'the search, not the first page');
});

test('off the list, the portal\'s element asks for no list at all', async () => {
  const { page } = await newPage();
  const lists = [];
  page.on('request', (req) => { if (isList(req.url())) lists.push(req.url()); });
  await page.goto(`${APP_URL}${PORTAL}/new`);
  await editorHeading(page).waitFor({ timeout: 30_000 });
  await page.waitForTimeout(300);
  assert.deepEqual(lists, [], 'the editor does not ask for the list');
});
