// A template's history and Meta's announced category changes, the whole app: an edit made here
// shows in the history field by field; the warning in the list and in the editor and its
// filter; insights and history reached from a list row with the keyboard alone; the history's
// chunk failing and retried; axe and screenshots at 1366 and 360 px in pt-BR and es.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserPerFile, api, createTemplate, shot, waitForApi, APP_URL, PORTAL } from './browser.mjs';
import { assertAccessible } from './axe.mjs';
import { appShown, messageBox, row as rowOf, saveAndSeeNotice } from './screens.mjs';

const { newPage } = browserPerFile();
const WIDE = { width: 1366, height: 900 };
const NARROW = { width: 360, height: 800 };

/** Presses Tab until the focused element matches `selector` (at most `max` times). */
async function tabTo(page, selector, max = 80) {
  for (let i = 0; i < max; i += 1) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${selector}`);
}

/** A template Meta announced it will re-categorise, as the API lists it (the seed has some). */
async function announced() {
  const { items, total } = await api('/templates?category_change=ANNOUNCED&per_page=100');
  assert.ok(items.length > 0, 'the seed has an announced category change');
  assert.ok(items.every((t) => t.category_change?.new_category), 'the filter keeps only announced changes');
  return { items, total };
}

test('an edit made here shows in the history, field by field, before → after', async () => {
  const t = await createTemplate('historico_e2e', {
    components: [{ type: 'BODY', text: 'Olá, seu pedido foi enviado hoje.' }],
  });
  // Editable once reviewed (a PENDING template is read-only).
  await waitForApi(`/templates/${t.id}`, (x) => x.status !== 'PENDING', { what: 'the review' });
  const { page } = await newPage();
  await page.goto(`${APP_URL}/${t.id}/edit`);
  const box = messageBox(page);
  await box.waitFor({ timeout: 20_000 });
  await box.fill('Olá, seu pedido foi entregue hoje.');
  await saveAndSeeNotice(page, t.name);

  // Back in the editor, from its header to the history, with the keyboard.
  await page.goto(`${APP_URL}/${t.id}/edit`);
  const link = page.locator('.hsm-editor__links a[data-action=history]');
  await link.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: `Histórico de ${t.name}`, level: 1 }).waitFor({ timeout: 20_000 });
  const edit = page.locator('li.hsm-event[data-type=edited]').first();
  await edit.waitFor();
  // As many fields as the event lists (saving may also write what the form defaults, such as
  // the variables' format); the message among them.
  const count = await edit.locator('[data-field]').count();
  assert.equal((await edit.locator('.hsm-event__what').textContent()).trim(),
    count === 1 ? 'Editado: 1 campo alterado' : `Editado: ${count} campos alterados`);
  const change = edit.locator('[data-field="body.text"]');
  assert.equal((await change.locator('.hsm-change__field').textContent()).trim(), 'Mensagem');
  assert.equal(await change.locator('del .hsm-change__text').textContent(), 'Olá, seu pedido foi enviado hoje.');
  assert.equal(await change.locator('ins .hsm-change__text').textContent(), 'Olá, seu pedido foi entregue hoje.');
  // Newest first, as the backend has them; each dated in a <time datetime>.
  const { items } = await api(`/templates/${t.id}/history`);
  const shown = await page.locator('li.hsm-event').evaluateAll((li) => li.map((e) => e.dataset.type));
  assert.deepEqual(shown, items.map((e) => e.type));
  assert.equal(await edit.locator('time').getAttribute('datetime'), items.find((e) => e.type === 'edited').at);
  assert.match(await edit.locator('.hsm-event__ago').textContent(), /agora|há /);
  await page.setViewportSize(WIDE);
  await shot(page, 'history-edit-pt-BR-1366.png');
  await page.setViewportSize(NARROW);
  await shot(page, 'history-edit-pt-BR-360.png');
});

test('the category warning shows in the list and in the editor, and filters the list', async () => {
  const { items, total } = await announced();
  const { page } = await newPage();
  await page.goto(`${APP_URL}/`);
  await appShown(page);
  await page.getByLabel('Mudança de categoria', { exact: true }).selectOption({ label: 'Mudança de categoria anunciada' });
  await page.waitForURL((u) => u.searchParams.get('category_change') === 'ANNOUNCED');
  await page.locator('tr.hsm-row[data-matched]').first().waitFor({ timeout: 20_000 });
  const matched = await page.locator('tr.hsm-row[data-matched]').evaluateAll((rows) => rows.map((r) => r.dataset.id));
  assert.deepEqual(matched.sort(), items.slice(0, matched.length).map((t) => t.id).sort(), 'the rows the API lists');
  assert.ok(matched.length === Math.min(total, items.length) || matched.length >= 1);
  for (const id of matched) {
    const warning = rowOf(page, id).locator('.hsm-row__recat');
    const t = items.find((x) => x.id === id);
    const category = { MARKETING: 'Marketing', UTILITY: 'Utilidade', AUTHENTICATION: 'Autenticação' }[t.category_change.new_category];
    assert.match(await warning.textContent(), new RegExp(`Vira ${category} em \\d{2}/\\d{2}/\\d{4}`));
    if (t.category_change.new_category === 'MARKETING') {
      assert.match(await warning.getAttribute('title'), /custa mais/);
    }
  }

  // The same warning in the editor of the first one.
  const first = items.find((t) => matched.includes(t.id));
  await page.goto(`${APP_URL}/${first.id}/edit`);
  const note = page.locator('[data-testid=category-change]');
  await note.waitFor({ timeout: 20_000 });
  assert.match(await note.textContent(), /Mudança de categoria anunciada/);
  assert.equal(await note.locator('time').getAttribute('datetime'), first.category_change.effective_at);
});

test('insights and history open from a list row with the keyboard alone', async () => {
  const t = await createTemplate('teclado_historico');
  const { page } = await newPage();
  await page.goto(`${APP_URL}/?q=${t.name}`);
  const row = rowOf(page, t.id);
  await row.waitFor({ timeout: 20_000 });
  assert.equal(await row.locator('a[data-action=insights]').getAttribute('aria-label'), `Números ${t.name} (Português)`);
  await page.locator('body').focus();
  await tabTo(page, `tr[data-id="${t.id}"] a[data-action=insights]`);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${APP_URL}/${t.id}/insights`);
  await page.goBack();
  await row.waitFor({ timeout: 20_000 });
  await page.locator('body').focus();
  await tabTo(page, `tr[data-id="${t.id}"] a[data-action=history]`);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${APP_URL}/${t.id}/history`);
  await page.getByRole('heading', { name: `Histórico de ${t.name}`, level: 1 }).waitFor({ timeout: 20_000 });
  await page.locator('li.hsm-event[data-type=created]').waitFor();
});

test('a history chunk that fails to load shows the error panel; its retry works once back', async () => {
  const t = await createTemplate('historico_chunk');
  const { page } = await newPage();
  // No idle preload of the editor; the history's chunks (and those it shares) fail at first.
  await page.addInitScript('window.requestIdleCallback = () => 0;');
  const state = { down: true, urls: [] };
  await page.route((url) => /\/(split|chunk)_[^/]*\.wasm$/.test(url.pathname), (route) => {
    state.urls.push(route.request().url());
    return state.down ? route.abort('internetdisconnected') : route.continue();
  });
  await page.goto(`${APP_URL}/${t.id}/history`);
  const panel = page.locator('[data-state=chunk-failed] [role=alert]');
  await panel.waitFor({ timeout: 20_000 });
  assert.ok(state.urls.some((u) => u.endsWith('/split_history.wasm')), 'the history has its own chunk');
  assert.match(await panel.textContent(), /Não foi possível falar com o servidor/);
  const retry = panel.getByRole('button', { name: 'Tentar novamente' });
  const tried = state.urls.length;
  await retry.click();
  const deadline = Date.now() + 5_000;
  while (state.urls.length === tried && Date.now() < deadline) await page.waitForTimeout(50);
  assert.ok(state.urls.length > tried, 'the retry fetched the chunk again');
  await panel.waitFor();
  state.down = false;
  await retry.click();
  await page.getByRole('heading', { name: `Histórico de ${t.name}`, level: 1 }).waitFor({ timeout: 20_000 });
  assert.equal(await page.locator('[data-state=chunk-failed]').count(), 0);
});

test('axe finds nothing on the history and the list; screenshots at 1366 and 360 px in pt-BR and es', async () => {
  // The seeded template whose history has the most kinds of events.
  const { items } = await announced();
  let richest = items[0];
  let kinds = 0;
  for (const t of items) {
    const history = await api(`/templates/${t.id}/history`);
    const n = new Set(history.items.map((e) => e.type)).size;
    if (n > kinds) [richest, kinds] = [t, n];
  }
  const { page } = await newPage({ viewport: WIDE });
  for (const [locale, base, title, filter] of [
    ['pt-BR', '', 'Histórico de', 'category_change=ANNOUNCED'],
    ['es', PORTAL, 'Historial de', 'category_change=ANNOUNCED&locale=es'],
  ]) {
    await page.setViewportSize(WIDE);
    const suffix = locale === 'es' ? '?locale=es' : '';
    await page.goto(`${APP_URL}${base}/${richest.id}/history${suffix}`);
    await page.getByRole('heading', { name: `${title} ${richest.name}`, level: 1 }).waitFor({ timeout: 20_000 });
    await page.locator('li.hsm-event').first().waitFor();
    await assertAccessible(page, `history (${locale})`);
    await shot(page, `history-${locale}-1366.png`);
    await page.setViewportSize(NARROW);
    await shot(page, `history-${locale}-360.png`);
    // The app's own box (the demo portal's header around it is not the app's).
    const overflow = await page.evaluate(() => {
      const roots = [document, ...[...document.querySelectorAll('*')].map((e) => e.shadowRoot).filter(Boolean)];
      const app = roots.map((r) => r.querySelector('.hsm-app')).find(Boolean);
      return [...app.querySelectorAll('*')].some((e) => e.getBoundingClientRect().right > window.innerWidth + 1);
    });
    assert.equal(overflow, false, `nothing of the history past 360 px (${locale})`);

    await page.setViewportSize(WIDE);
    await page.goto(`${APP_URL}${base}/?${filter}`);
    await appShown(page);
    await page.locator('.hsm-row__recat').first().waitFor({ timeout: 20_000 });
    await assertAccessible(page, `list with the warning (${locale})`);
    await shot(page, `list-category-change-${locale}-1366.png`);
    await page.setViewportSize(NARROW);
    await shot(page, `list-category-change-${locale}-360.png`);
  }
});
