// One entry per template name in the real app: its languages side by side, "Adicionar idioma"
// from the entry, deleting one language or all of a name, and the list in a narrow pane.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible } from './axe.mjs';
import { api, browserPerFile, createTemplate, shot, uniqueName, APP_URL } from './browser.mjs';
import { deleteDialog, field, messageBox, nameBox, notice, row, saveAndSeeNotice } from './screens.mjs';

const { newPage } = browserPerFile();

const entry = (page, name) => page.locator(`tbody.hsm-group[data-name="${name}"]`);

/** A name in Portuguese with a text header and two buttons, to translate from. */
async function portugueseOriginal(prefix) {
  return createTemplate(prefix, {
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Pedido enviado' },
      { type: 'BODY', text: 'Seu pedido foi enviado hoje e chega em breve na sua casa.' },
      { type: 'FOOTER', text: 'Loja Citrus' },
      { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Recebi' }, { type: 'QUICK_REPLY', text: 'Ajuda' }] },
    ],
  });
}

test('"Adicionar idioma" starts the translation from the original, with the keyboard only', async () => {
  const original = await portugueseOriginal('e2e_traduzir');
  const { page } = await newPage();
  await page.goto(`${APP_URL}/?q=${original.name}`);
  const add = entry(page, original.name).locator('[data-action="add-language"]');
  await add.waitFor({ timeout: 20_000 });
  await add.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: `Novo idioma de ${original.name}` }).waitFor({ timeout: 20_000 });
  assert.equal(await nameBox(page).inputValue(), original.name);
  assert.equal(await nameBox(page).getAttribute('readonly'), '');
  assert.equal(await page.getByLabel('Idioma').inputValue(), 'en_US', 'a language the name lacks');
  // The structure is copied: header kind, footer, both buttons in order.
  assert.equal(await field(page, 'header.text').inputValue(), 'Pedido enviado');
  assert.equal(await field(page, 'buttons.1.text').inputValue(), 'Ajuda');
  await page.getByText('Em Português: Seu pedido foi enviado hoje').waitFor();
  await shot(page, 'editor-add-language.png');
  await assertAccessible(page, 'editor adding a language');

  await field(page, 'header.text').fill('Order shipped');
  await messageBox(page).fill('Your order was shipped today and arrives at your home soon.');
  await field(page, 'footer.text').fill('Citrus Store');
  await field(page, 'buttons.0.text').fill('Got it');
  await field(page, 'buttons.1.text').fill('Help');
  await saveAndSeeNotice(page, original.name);

  await page.goto(`${APP_URL}/?q=${original.name}`);
  await entry(page, original.name).getByText('2 idioma(s)').waitFor({ timeout: 20_000 });
  const { items } = await api(`/template-groups?q=${original.name}`);
  const languages = items[0].templates.map((t) => t.language);
  assert.deepEqual(languages, ['en_US', 'pt_BR']);
  const en = items[0].templates.find((t) => t.language === 'en_US');
  assert.deepEqual(en.components.map((c) => c.type), ['HEADER', 'BODY', 'FOOTER', 'BUTTONS']);
  await shot(page, 'list-entry-two-languages.png');
});

test('one language or all of a name is deleted, each language named in the question', async () => {
  const original = await portugueseOriginal('e2e_excluir_nome');
  const { page } = await newPage();
  // Its English version, added through the API.
  const res = await fetch(`${APP_URL}/api/v1/whatsapp/templates`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `e2e-en-${original.name}` },
    body: JSON.stringify({
      name: original.name,
      language: 'en_US',
      category: 'UTILITY',
      components: [{ type: 'BODY', text: 'Your order was shipped today and arrives soon.' }],
    }),
  });
  assert.equal(res.status, 201);
  const en = await res.json();
  await page.goto(`${APP_URL}/?q=${original.name}`);
  const group = entry(page, original.name);
  // The languages differ in header and buttons: the entry says so.
  await group.getByText('Os idiomas diferem em: tipo de cabeçalho, botões.').waitFor({ timeout: 20_000 });
  await assertAccessible(page, 'list entry with two languages and a drift warning');

  await group.locator('[data-action="delete-all"]').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Excluir todos os idiomas?' });
  await dialog.waitFor();
  const text = await dialog.textContent();
  assert.ok(text.includes('Inglês') && text.includes('Português'), text);
  await shot(page, 'list-delete-all.png', { fullPage: false });
  await assertAccessible(page, 'delete all languages question');
  await page.keyboard.press('Escape');

  // One language: only English goes.
  await row(page, en.id).locator('[data-action="delete"]').click();
  await deleteDialog(page).waitFor();
  await deleteDialog(page).getByRole('button', { name: 'Excluir' }).click();
  await notice(page, 'excluído').waitFor({ timeout: 10_000 });
  await row(page, en.id).waitFor({ state: 'hidden', timeout: 10_000 });
  assert.equal((await api(`/template-groups?q=${original.name}`)).items[0].templates.length, 1);
});

test('at 1366, 768 and 360 px the list never scrolls sideways and every entry keeps its status and actions', async () => {
  const { page } = await newPage();
  for (const width of [1366, 768, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${APP_URL}/?per_page=10&sort=name`);
    await page.locator('tbody tr.hsm-row').first().waitFor({ timeout: 20_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${width} px: the page scrolls sideways by ${overflow} px`);
    const outside = await page.locator('tbody tr.hsm-row').evaluateAll((rows, w) => rows.flatMap((r) => {
      const parts = [r.querySelector('.hsm-badge'), ...r.querySelectorAll('.hsm-row__actions > *')];
      return parts.filter((el) => el && el.getBoundingClientRect().right > w + 1).map((el) => `${r.dataset.id}: ${el.textContent}`);
    }), width);
    assert.deepEqual(outside, [], `${width} px: status and actions on screen`);
    await shot(page, `list-${width}.png`);
    if (width === 360) await assertAccessible(page, 'list at 360 px');
  }
});

test('a search marks the languages that match and keeps the others of the name', async () => {
  const name = uniqueName('e2e_marcado');
  await createTemplate('x', { name, components: [{ type: 'BODY', text: 'Seu boleto vence amanhã, fique atento.' }] });
  const res = await fetch(`${APP_URL}/api/v1/whatsapp/templates`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `e2e-es-${name}` },
    body: JSON.stringify({
      name,
      language: 'es',
      category: 'UTILITY',
      components: [{ type: 'BODY', text: 'Tu factura vence mañana, no lo olvides.' }],
    }),
  });
  assert.equal(res.status, 201);
  const { page } = await newPage();
  await page.goto(`${APP_URL}/?q=${name}&language=es`);
  const group = entry(page, name);
  await group.waitFor({ timeout: 20_000 });
  assert.equal(await group.locator('tr.hsm-row').count(), 2);
  assert.equal(await group.locator('tr.hsm-row[data-matched]').count(), 1);
  await group.getByText('(fora do filtro)').waitFor();
  await shot(page, 'list-matched-languages.png');
});
