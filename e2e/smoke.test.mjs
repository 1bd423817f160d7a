// The release build, served by the dev backend, shows the seeded templates.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, api, APP_URL, SCREENSHOTS } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the list page shows the seeded templates', async () => {
  const { items, total } = await api('/templates');
  assert.ok(total > 0, 'the dev backend was seeded');
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${APP_URL}/`);
  const table = page.getByRole('table');
  await table.waitFor({ timeout: 20_000 });
  for (const t of items.slice(0, 10)) {
    await page.getByRole('link', { name: t.name, exact: true }).first().waitFor({ timeout: 5_000 });
  }
  await page.screenshot({ path: new URL('list.png', SCREENSHOTS).pathname, fullPage: true });
  assert.deepEqual(errors, []);
});

test('a deep link is served by the SPA fallback', async () => {
  const page = await browser.newPage();
  await page.goto(`${APP_URL}/new`);
  await page.getByRole('heading', { name: 'Novo template' }).waitFor({ timeout: 20_000 });
  await page.goto(`${APP_URL}/nada/aqui/existe`);
  await page.getByRole('heading', { name: 'Página não encontrada' }).waitFor({ timeout: 20_000 });
});
