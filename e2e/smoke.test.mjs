// The release build, served by the dev backend, shows the seeded templates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserPerFile, api, shot, APP_URL } from './browser.mjs';
import { appShown, editorHeading } from './screens.mjs';

const { newPage } = browserPerFile();

test('the list page shows the seeded templates', async () => {
  const { items, total } = await api('/templates');
  assert.ok(total > 0, 'the dev backend was seeded');
  const { page } = await newPage();
  await page.goto(`${APP_URL}/`);
  await appShown(page);
  const table = page.getByRole('table');
  await table.waitFor({ timeout: 20_000 });
  for (const t of items.slice(0, 10)) {
    await page.getByRole('link', { name: t.name, exact: true }).first().waitFor({ timeout: 5_000 });
  }
  await shot(page, 'list.png');
});

test('a deep link is served by the SPA fallback', async () => {
  const { page } = await newPage();
  await page.goto(`${APP_URL}/new`);
  await editorHeading(page).waitFor({ timeout: 20_000 });
  await page.goto(`${APP_URL}/nada/aqui/existe`);
  await page.getByRole('heading', { name: 'Página não encontrada' }).waitFor({ timeout: 20_000 });
});
