// The release build in two pieces: the list's module first, the editor's chunk (split_*.wasm /
// chunk_*.wasm, fetched relative to the module) when the editor is about to be needed or
// entered. A chunk that cannot be fetched shows the error panel, whose retry works once the
// network is back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserPerFile, APP_URL, PORTAL } from './browser.mjs';
import { appShown, editorHeading, nameBox, newLink } from './screens.mjs';

const { newPage } = browserPerFile();
const CHUNK = /\/(split|chunk)_[^/]*\.wasm$/;
const isChunk = (url) => CHUNK.test(new URL(url).pathname);

/**
 * Routes the chunk requests through a switch: `down` aborts them (as a dropped network would),
 * `held` keeps them waiting until `release()`. `urls` lists every chunk request.
 */
async function chunkSwitch(page) {
  const state = { down: false, held: false, urls: [], waiting: [] };
  await page.route((url) => isChunk(url.href), async (route) => {
    state.urls.push(route.request().url());
    if (state.down) return route.abort('internetdisconnected');
    if (state.held) {
      await new Promise((resolve) => state.waiting.push(resolve));
    }
    return route.continue();
  });
  state.release = () => {
    state.held = false;
    for (const resolve of state.waiting.splice(0)) resolve();
  };
  return state;
}

/** No idle preload: only what the test does fetches the chunk. */
const NO_IDLE = 'window.requestIdleCallback = () => 0;';

const rows = (page) => page.locator('table tbody tr');
/** The error panel shown in the editor's place when its chunk could not be fetched. */
const chunkFailed = (page) => page.locator('[data-state=chunk-failed] [role=alert]');
const retry = (panel) => panel.getByRole('button', { name: 'Tentar novamente' }).click();

test('the list shows without the editor chunk, which is preloaded once the list is idle', async () => {
  const { page } = await newPage();
  const chunks = await chunkSwitch(page);
  chunks.held = true;
  await page.goto(`${APP_URL}/`);
  await appShown(page);
  await rows(page).first().waitFor({ timeout: 20_000 });
  // The rows are up while every chunk request is still held back: the list never needed it.
  const deadline = Date.now() + 10_000;
  while (!chunks.urls.length && Date.now() < deadline) await page.waitForTimeout(100);
  assert.ok(chunks.urls.length > 0, 'the idle list preloads the editor chunk');
  for (const url of chunks.urls) {
    assert.equal(new URL(url).pathname.replace(/[^/]*$/, ''), '/', 'the chunk sits next to the module');
  }
  chunks.release();
  await newLink(page).first().click();
  await editorHeading(page).waitFor({ timeout: 20_000 });
});

test('hovering "Novo" or a template name fetches the chunk before the click', async () => {
  for (const target of ['Novo', 'name']) {
    const { page, errors } = await newPage();
    await page.addInitScript(NO_IDLE);
    const chunks = await chunkSwitch(page);
    await page.goto(`${APP_URL}/`);
    await appShown(page);
    await rows(page).first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(500);
    assert.equal(chunks.urls.length, 0, 'nothing fetched the chunk yet');
    const link = target === 'Novo'
      ? newLink(page).first()
      : page.locator('.hsm-row__name a').first();
    await link.hover();
    const deadline = Date.now() + 5_000;
    while (!chunks.urls.length && Date.now() < deadline) await page.waitForTimeout(50);
    assert.ok(chunks.urls.length > 0, `hovering ${target} fetches the chunk`);
    await link.click();
    await page.locator('.hsm-editor form, .hsm-editor [role=alert]').first().waitFor({ timeout: 20_000 });
    assert.equal(await page.locator('[data-state=chunk-failed]').count(), 0);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('a chunk that fails to load shows the error panel; retry works once the network is back', async () => {
  const { page } = await newPage();
  await page.addInitScript(NO_IDLE);
  const chunks = await chunkSwitch(page);
  chunks.down = true;
  await page.goto(`${APP_URL}/`);
  await appShown(page);
  await rows(page).first().waitFor({ timeout: 20_000 });
  await newLink(page).first().click();
  const panel = chunkFailed(page);
  await panel.waitFor({ timeout: 20_000 });
  assert.match(await panel.textContent(), /Não foi possível falar com o servidor/);
  // Still down: the retry fails again, the panel stays, the app lives on.
  const tried = chunks.urls.length;
  await retry(panel);
  const deadline = Date.now() + 5_000;
  while (chunks.urls.length === tried && Date.now() < deadline) await page.waitForTimeout(50);
  assert.ok(chunks.urls.length > tried, 'the retry fetched the chunk again');
  await panel.waitFor();
  // Back online: the retry shows the editor.
  chunks.down = false;
  await retry(panel);
  await editorHeading(page).waitFor({ timeout: 20_000 });
  assert.equal(await page.locator('[data-state=chunk-failed]').count(), 0);
  // The rest of the app still works: back to the list and into an editor again.
  await page.goBack();
  await rows(page).first().waitFor({ timeout: 20_000 });
  await page.locator('.hsm-row__name a').first().click();
  await nameBox(page).waitFor({ timeout: 20_000 });
});

test('a deep link to /new with the chunk down shows the panel, then the editor', async () => {
  const { page } = await newPage();
  const chunks = await chunkSwitch(page);
  chunks.down = true;
  await page.goto(`${APP_URL}/new`);
  const panel = chunkFailed(page);
  await panel.waitFor({ timeout: 20_000 });
  chunks.down = false;
  await retry(panel);
  await editorHeading(page).waitFor({ timeout: 20_000 });
  await page.reload();
  await editorHeading(page).waitFor({ timeout: 20_000 });
});

test("the editor's words come with its code: fetched once per locale, shown with a retry when they cannot be", async () => {
  const { page } = await newPage();
  const words = { down: true, urls: [] };
  await page.route('**/hsm-words-*.json', async (route) => {
    words.urls.push(new URL(route.request().url()).pathname);
    return words.down ? route.abort('internetdisconnected') : route.continue();
  });
  await page.goto(`${APP_URL}/new`);
  const panel = chunkFailed(page);
  await panel.waitFor({ timeout: 20_000 });
  words.down = false;
  await retry(panel);
  await editorHeading(page).waitFor({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Salvar' }).waitFor();
  // Back to the list and into the editor again: the words are in, not fetched again.
  const fetched = words.urls.filter((u) => u.endsWith('/hsm-words-pt-BR.json')).length;
  await page.locator('.hsm-editor__back').click();
  await rows(page).first().waitFor({ timeout: 20_000 });
  await newLink(page).first().click();
  await editorHeading(page).waitFor({ timeout: 20_000 });
  assert.equal(words.urls.filter((u) => u.endsWith('/hsm-words-pt-BR.json')).length, fetched);
  assert.ok(words.urls.every((u) => u.endsWith('/hsm-words-pt-BR.json')), `only pt-BR's words: ${words.urls}`);
});

test("switching the portal's language in the editor brings that language's editor words", async () => {
  const { page } = await newPage();
  await page.goto(`${APP_URL}${PORTAL}/new`);
  await editorHeading(page).waitFor({ timeout: 20_000 });
  const english = page.waitForResponse((r) => r.url().endsWith('/hsm-words-en.json'));
  await page.selectOption('#portal-locale', 'en');
  assert.equal((await english).status(), 200);
  await editorHeading(page, 'New template').waitFor({ timeout: 5_000 });
  await page.getByRole('button', { name: 'Save' }).waitFor();
});

test('embedded under script-src \'self\' \'wasm-unsafe-eval\': list, editor link, deep link, reload', async () => {
  const { page } = await newPage();
  const violations = [];
  await page.exposeFunction('__violation', (v) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  // The demo portal's page with the portal's policy; its own inline script (the locale picker)
  // is left out, as a portal under this policy would have it in a file.
  await page.route((url) => url.pathname.startsWith(PORTAL), async (route) => {
    const res = await route.fetch();
    const body = (await res.text()).replace(/<script type="module">[\s\S]*?<\/script>/, '');
    await route.fulfill({
      response: res,
      body,
      headers: { ...res.headers(), 'content-security-policy': "script-src 'self' 'wasm-unsafe-eval'" },
    });
  });
  const chunks = await chunkSwitch(page);
  await page.goto(`${APP_URL}${PORTAL}/`);
  await appShown(page);
  await page.locator('citrus-hsm-templates table tbody tr').first().waitFor({ timeout: 20_000 });
  await newLink(page).first().click();
  await page.waitForURL(`**${PORTAL}/new`);
  await editorHeading(page).waitFor({ timeout: 20_000 });
  await page.goto(`${APP_URL}${PORTAL}/new`);
  await editorHeading(page).waitFor({ timeout: 20_000 });
  await page.reload();
  await editorHeading(page).waitFor({ timeout: 20_000 });
  assert.ok(chunks.urls.length > 0, 'the embedded app fetched its chunk');
  for (const url of chunks.urls) {
    assert.equal(new URL(url).pathname.replace(/[^/]*$/, ''), '/', 'next to the module, not under the route');
  }
  assert.deepEqual(violations.filter((v) => v.startsWith('script-src')), []);
});
