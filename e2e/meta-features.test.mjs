// What Meta offers beyond the plain editor, in the real app and with the keyboard alone: named
// variables, the copy-code (coupon) button, a rejection fixed from "Corrigir", the edit budget
// of an approved template. Each new state is screenshotted and checked by axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible } from './axe.mjs';
import {
  browserPerFile, createTemplate, findByName, shot, uniqueName, waitForApi, APP_URL,
} from './browser.mjs';
import { appShown, field, formatBox, messageBox, nameBox, notice, openNewTemplate, preview, row, searchFor } from './screens.mjs';

const { newPage } = browserPerFile();

const activePath = (page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-path') ?? null);

/** Focuses the control and presses Enter (a button) or types nothing more. */
async function press(locator, key = 'Enter') {
  await locator.focus();
  await locator.page().keyboard.press(key);
}

test('a marketing template with named variables and a coupon is written with the keyboard and approved', async () => {
  const { page } = await newPage();
  await openNewTemplate(page);
  const name = uniqueName('cupom_nomeado');
  await nameBox(page).focus();
  await page.keyboard.type(name);
  await page.getByLabel('Categoria').focus();
  await page.getByLabel('Categoria').selectOption('MARKETING');
  await formatBox(page).focus();
  await formatBox(page).selectOption('NAMED');

  await messageBox(page).focus();
  await page.keyboard.type('Olá ');
  // Tab reaches "Adicionar variável"; in named mode it asks for the name.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const prompt = page.getByRole('combobox', { name: 'Nome da variável' });
  await prompt.waitFor();
  await page.keyboard.type('Nome');
  await page.getByText('Use letras minúsculas, números e _').waitFor();
  await shot(page, 'editor-named-prompt.png');
  await assertAccessible(page, 'named variable prompt with an invalid name');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('nome_cliente');
  await page.keyboard.press('Enter');
  assert.equal(await activePath(page), 'body.text', 'focus is back in the body');
  await page.keyboard.press('End');
  await page.keyboard.type(', use o cupom abaixo na sua próxima compra em nossas lojas.');
  await field(page, 'body.example.nome_cliente').focus();
  await page.keyboard.type('Ana');
  await preview(page).getByText('Ana').waitFor();

  await page.getByRole('button', { name: 'Adicionar botão' }).focus();
  await page.keyboard.press('Enter');
  await press(page.getByRole('button', { name: 'Copiar código', exact: true }));
  assert.equal(await activePath(page), 'buttons.0.example', 'focus goes to the code');
  await page.keyboard.type('NATAL10');
  await page.locator('.hsm-preview .hsm-preview__button').filter({ hasText: 'Copiar código' }).waitFor();
  await shot(page, 'editor-named-coupon.png');
  await assertAccessible(page, 'editor with named variables and a coupon');

  await press(page.getByRole('button', { name: 'Salvar' }));
  await notice(page, name).waitFor({ timeout: 10_000 });
  const saved = await findByName(name);
  assert.equal(saved.parameter_format, 'NAMED');
  const body = saved.components.find((c) => c.type === 'BODY');
  assert.deepEqual(body.example.body_text_named_params, [{ param_name: 'nome_cliente', example: 'Ana' }]);
  assert.deepEqual(saved.components.find((c) => c.type === 'BUTTONS').buttons, [{ type: 'COPY_CODE', example: 'NATAL10' }]);

  // Meta's review (simulated) approves it, and the list says so.
  await waitForApi(`/templates/${saved.id}`, (t) => t.status === 'APPROVED', { what: 'the approval' });
  await page.goto(`${APP_URL}/`);
  await appShown(page);
  await searchFor(page, name);
  await row(page, saved.id).getByText('Aprovado').waitFor({ timeout: 20_000 });

  // Approved: the edit budget shows before editing.
  const opened = page.waitForResponse((r) => r.url().endsWith(`/templates/${saved.id}`) && r.request().method() === 'GET');
  await page.goto(`${APP_URL}/${saved.id}/edit`);
  const loaded = await (await opened).json();
  await page.getByText('Restam 10 de 10 edições em 30 dias; uma edição é possível agora.').waitFor({ timeout: 20_000 });
  await shot(page, 'editor-edit-budget.png');
  await assertAccessible(page, 'approved editor with its edit budget');
  await field(page, 'buttons.0.example').fill('NATAL15');
  // Meta's quality rating arrives while the editor is open (it moves the version): that is no
  // one else's edit, so the save goes through instead of reporting a conflict.
  if (loaded.quality_score?.score === 'UNKNOWN') {
    await waitForApi(`/templates/${saved.id}`, (t) => t.quality_score?.score === 'GREEN', { what: 'the quality rating' });
  }
  await press(page.getByRole('button', { name: 'Salvar' }));
  await notice(page, name).waitFor({ timeout: 10_000 });
  const edited = await findByName(name);
  assert.deepEqual(edited.components.find((c) => c.type === 'BUTTONS').buttons, [{ type: 'COPY_CODE', example: 'NATAL15' }]);
  await waitForApi(`/templates/${saved.id}`, (t) => t.status === 'APPROVED', { what: 'the second approval' });

  // The day's edit is spent: saving waits, and says until when.
  await page.goto(`${APP_URL}/${saved.id}/edit`);
  await page.getByText('Nenhuma edição disponível agora').waitFor({ timeout: 20_000 });
  const saveButton = page.getByRole('button', { name: 'Salvar' });
  assert.ok(await saveButton.isDisabled());
  const note = await saveButton.getAttribute('aria-describedby');
  assert.match(await page.locator(`[id="${note}"]`).textContent(), /Nenhuma edição disponível agora: a próxima é possível em/);
  await page.getByText('Restam 9 de 10 edições em 30 dias; próxima edição possível em').waitFor();
  await shot(page, 'editor-edit-budget-spent.png');
  await assertAccessible(page, 'approved editor with no edit left');
});

test('switching the variable format asks before names become numbers', async () => {
  const { page } = await newPage();
  await openNewTemplate(page);
  await formatBox(page).selectOption('NAMED');
  await messageBox(page).fill('Olá {{nome}}, seu pedido {{pedido}} saiu para entrega hoje.');
  await formatBox(page).focus();
  await formatBox(page).selectOption('POSITIONAL');
  const dialog = page.getByRole('dialog', { name: 'Trocar o formato das variáveis?' });
  await dialog.waitFor();
  await dialog.getByText('{{nome}}, {{pedido}}').waitFor();
  await shot(page, 'editor-format-question.png');
  await assertAccessible(page, 'variable format question');
  // Escape keeps everything as it was.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await formatBox(page).inputValue(), 'NAMED');
  await formatBox(page).selectOption('POSITIONAL');
  await press(dialog.getByRole('button', { name: 'Converter' }));
  assert.equal(await messageBox(page).inputValue(), 'Olá {{1}}, seu pedido {{2}} saiu para entrega hoje.');
});

test('a utility template is offered no coupon, and a coupon becomes an error if the category changes', async () => {
  const { page } = await newPage();
  await openNewTemplate(page);
  await page.getByLabel('Categoria').selectOption('MARKETING');
  await page.getByRole('button', { name: 'Adicionar botão' }).click();
  await page.getByRole('button', { name: 'Copiar código', exact: true }).click();
  await field(page, 'buttons.0.example').fill('CUPOM NATAL');
  await page.getByLabel('Categoria').selectOption('UTILITY');
  await page.getByText('só é aceito em templates de Marketing').waitFor();
  await page.getByText('Use só letras e números no código').waitFor();
  await page.getByRole('button', { name: 'Adicionar botão' }).click();
  await page.getByText('Só em templates de Marketing.').waitFor();
  assert.ok(await page.getByRole('button', { name: 'Copiar código', exact: true }).isDisabled());
  await shot(page, 'editor-coupon-utility.png');
  await assertAccessible(page, 'coupon refused on a utility template');
});

test('"Corrigir" opens a rejected template at the field of its reason, and the fix is approved', async () => {
  const created = await createTemplate('e2e_corrigir', {
    components: [{ type: 'BODY', text: 'Seu pedido reject-me foi enviado hoje e chega em breve.' }],
  });
  await waitForApi(`/templates/${created.id}`, (t) => t.status === 'REJECTED', { what: 'the rejection' });
  const { page } = await newPage();
  await page.goto(`${APP_URL}/`);
  await appShown(page);
  await searchFor(page, created.name);
  await press(row(page, created.id).locator('[data-action="fix"]'));
  await page.getByText('Rejeitado pela Meta: Formato inválido.').first().waitFor({ timeout: 20_000 });
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-path') === 'body.text');
  const described = await messageBox(page).getAttribute('aria-describedby');
  const texts = await Promise.all(
    described.split(' ').map((id) => page.locator(`[id="${id}"]`).textContent()),
  );
  assert.ok(texts.some((t) => t.includes('Rejeitado pela Meta')), 'the reason describes the body');
  await shot(page, 'editor-rejection-at-field.png');
  await assertAccessible(page, 'rejected template with the reason at its field');

  await page.keyboard.press('Control+A');
  await page.keyboard.type('Seu pedido foi enviado hoje e chega em breve na sua casa.');
  await press(page.getByRole('button', { name: 'Salvar' }));
  await notice(page, created.name).waitFor({ timeout: 10_000 });
  await waitForApi(`/templates/${created.id}`, (t) => t.status === 'APPROVED', { what: 'the approval of the fix' });
});
