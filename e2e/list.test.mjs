// The template list in the real browser: statuses and rejected reasons, search and a filter
// written to the URL, and a delete through the confirmation dialog with the keyboard only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserPerFile, api, createTemplate, shot, APP_URL } from './browser.mjs';
import { appShown, deleteDialog, notice, row as rowOf, searchBox } from './screens.mjs';

const { newPage } = browserPerFile();
/** The `data-action` of the element that has the focus. */
const focusedAction = (page) => page.evaluate(() => document.activeElement?.dataset?.action);

test('the list shows one entry per name, statuses, and rejected templates with their reason', async () => {
  const { page } = await newPage();
  const { items } = await api('/template-groups?per_page=50&sort=name');
  const rejected = items.flatMap((g) => g.templates).find((t) => t.status === 'REJECTED');
  assert.ok(rejected, 'the seed has a rejected template');
  await page.goto(`${APP_URL}/?per_page=50&sort=name`);
  const row = rowOf(page, rejected.id);
  await row.getByText('Motivo:').waitFor({ timeout: 20_000 });
  await row.getByRole('link', { name: /Corrigir/ }).waitFor();
  // Other suites may create templates meanwhile: the entries match the total this page was given.
  const total = Number((await page.locator('.hsm-total').textContent()).replace(/\D/g, ''));
  assert.ok(total >= items.length, `${total} names`);
  assert.equal(await page.locator('tbody.hsm-group').count(), Math.min(total, 50));
  // Each entry holds its languages: one name, its rows side by side.
  const names = await page.locator('tbody.hsm-group').evaluateAll((groups) =>
    groups.map((g) => [...g.querySelectorAll('tr.hsm-row .hsm-row__name')].map((a) => a.textContent.trim())));
  assert.ok(names.every((rows) => rows.length >= 1 && rows.every((n) => n === rows[0])), 'one name per entry');
  assert.ok(names.some((rows) => rows.length > 1), 'a name with several languages');
  const statuses = await page.locator('tbody tr.hsm-row').evaluateAll((rows) => rows.map((r) => r.dataset.status));
  assert.ok(new Set(statuses).size >= 3, `a mix of statuses: ${[...new Set(statuses)]}`);
  assert.equal(await page.getByRole('columnheader', { name: 'Nome' }).getAttribute('aria-sort'), 'ascending');
  await shot(page, 'list-statuses.png');
});

/** How many names, and which languages match, the backend answers for `query`. */
async function groupsOf(query) {
  const page = await api(`/template-groups?${query}`);
  return { total: page.total, matched: page.items.flatMap((g) => g.matched) };
}

test('typing a search and choosing a filter write the URL', async () => {
  const { page } = await newPage();
  await page.goto(`${APP_URL}/`);
  await appShown(page);
  await page.getByRole('table').waitFor({ timeout: 20_000 });
  await searchBox(page).pressSequentially('pedido', { delay: 40 });
  await page.waitForURL((u) => u.searchParams.get('q') === 'pedido', { timeout: 5_000 });
  const { total } = await groupsOf('q=pedido');
  await page.waitForFunction((n) => document.querySelectorAll('tbody.hsm-group').length === n, Math.min(total, 25));

  await page.getByLabel('Status', { exact: true }).selectOption('REJECTED');
  await page.waitForURL((u) => u.searchParams.get('status') === 'REJECTED', { timeout: 5_000 });
  const both = await groupsOf('q=pedido&status=REJECTED');
  if (both.total === 0) {
    await page.getByRole('heading', { name: 'Nenhum resultado' }).waitFor({ timeout: 5_000 });
  } else {
    // Every entry shown has a rejected language, marked; its other languages are shown too.
    await page.waitForFunction(
      (n) => document.querySelectorAll('tbody tr.hsm-row[data-matched][data-status="REJECTED"]').length === n
        && document.querySelectorAll('tbody tr.hsm-row[data-matched]').length === n,
      both.matched.length,
    );
  }
  // Back undoes the filter, keeping the search.
  await page.goBack();
  await page.waitForURL((u) => !u.searchParams.has('status') && u.searchParams.get('q') === 'pedido');
  await page.getByRole('button', { name: 'Limpar filtros' }).first().click();
  await page.waitForURL((u) => u.search === '', { timeout: 5_000 });
  assert.equal(await searchBox(page).inputValue(), '');
});

test('a delete through the dialog, with the keyboard only', async () => {
  const created = await createTemplate('e2e_excluir');
  const { page } = await newPage();
  await page.goto(`${APP_URL}/?q=${created.name}`);
  const row = rowOf(page, created.id);
  await row.waitFor({ timeout: 20_000 });

  // Tab from the search field until the row's Excluir has the focus.
  await searchBox(page).focus();
  for (let i = 0; i < 30; i += 1) {
    const action = await focusedAction(page);
    if (action === 'delete') break;
    await page.keyboard.press('Tab');
  }
  assert.equal(await focusedAction(page), 'delete');

  // Escape cancels, and the focus comes back to the button.
  await page.keyboard.press('Enter');
  const dialog = deleteDialog(page);
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await focusedAction(page), 'delete');

  await page.keyboard.press('Enter');
  await dialog.waitFor();
  assert.ok((await dialog.textContent()).includes(created.name));
  assert.equal(await focusedAction(page), 'cancel');
  await shot(page, 'list-delete-dialog.png', { fullPage: false });
  await page.keyboard.press('Tab');
  assert.equal(await focusedAction(page), 'confirm');
  await page.keyboard.press('Enter');

  await row.waitFor({ state: 'hidden', timeout: 10_000 });
  await notice(page, 'excluído').waitFor({ timeout: 5_000 });
  const after = await api(`/templates?q=${created.name}`);
  assert.equal(after.total, 0);
});

test('a refined search moves the rows it keeps, and shows exactly what a fresh load shows', async () => {
  const { page } = await newPage();
  const tables = (p) => p.locator('tbody.hsm-group').evaluateAll((groups) =>
    groups.map((g) => g.outerHTML.replace(/<!--[^>]*-->/g, '')));
  await page.goto(`${APP_URL}/?q=pe`);
  await page.locator('tbody tr.hsm-row').first().waitFor({ timeout: 20_000 });
  // Tag every row element: a row that is moved, not rebuilt, keeps its tag.
  await page.locator('tbody tr.hsm-row').evaluateAll((rows) => rows.forEach((r) => { r.__kept = true; }));
  for (const q of ['ped', 'pedi', 'pedid']) {
    await searchBox(page).fill(q);
    await page.waitForURL((u) => u.searchParams.get('q') === q, { timeout: 10_000 });
    const { total } = await groupsOf(`q=${q}`);
    await page.waitForFunction((n) => document.querySelectorAll('tbody.hsm-group').length === n
      && document.querySelector('table')?.getAttribute('aria-busy') === 'false', Math.min(total, 25));
    const shown = await tables(page);
    const fresh = (await newPage()).page;
    await fresh.goto(page.url());
    await appShown(fresh);
    await fresh.locator('tbody tr.hsm-row').first().waitFor({ timeout: 20_000 });
    assert.deepEqual(shown, await tables(fresh), `q=${q}: the same table as a fresh load`);
    await fresh.close();
  }
  const kept = await page.locator('tbody tr.hsm-row').evaluateAll((rows) => rows.filter((r) => r.__kept).length);
  assert.ok(kept > 0, 'rows the searches share were moved, not parsed again');
});
