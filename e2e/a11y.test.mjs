// WCAG 2.1 A/AA checks by axe-core on each screen of the standalone app (it renders in the
// light DOM of index.html's #hsm-app, so axe sees the whole document: lang, title, landmarks).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible } from './axe.mjs';
import {
  browserPerFile, createTemplate, seededApprovedWithButtons, shot, APP_URL, PORTAL,
} from './browser.mjs';
import { addButton, appShown, deleteDialog, editorHeading, errorSummary, field, headerKind, newLink, openNewTemplate, row } from './screens.mjs';

const { newPage } = browserPerFile();

test('the list has no WCAG 2.1 A/AA violations', async () => {
  const { page } = await newPage();
  await page.goto(`${APP_URL}/?per_page=50&sort=name`);
  await page.locator('tbody tr').first().waitFor({ timeout: 20_000 });
  await page.locator('.hsm-reason').first().waitFor();
  await assertAccessible(page, 'list');
});

test('the editor, empty, showing errors and with every kind of control, has no violations', async () => {
  const { page } = await newPage();
  await openNewTemplate(page);
  await assertAccessible(page, 'empty editor');

  await page.getByRole('button', { name: 'Salvar' }).click();
  await errorSummary(page).waitFor({ timeout: 5_000 });
  await page.locator('.hsm-msg--error').first().waitFor();
  await shot(page, 'a11y-editor-errors.png');
  await assertAccessible(page, 'editor with errors');

  // Every kind of control: header variable and its sample, a media input, each button kind.
  await headerKind(page).selectOption('text');
  await field(page, 'header.text').fill('Pedido {{1}}');
  await field(page, 'body.text').fill('Olá {{1}}, *seu pedido* saiu.');
  for (const kind of ['Resposta Rápida', 'Site', 'Ligação']) await addButton(page, kind);
  await field(page, 'buttons.0.text').fill('Recebi');
  await field(page, 'buttons.1.text').fill('Rastrear');
  await field(page, 'buttons.1.url').fill('https://citrus.cx/{{1}}');
  await field(page, 'buttons.2.text').fill('Ligar');
  await page.getByRole('button', { name: 'Adicionar botão' }).click();
  await field(page, 'buttons.1.example').waitFor();
  await assertAccessible(page, 'editor with every kind of control, the button menu open');
  await headerKind(page).selectOption('image');
  await field(page, 'header.media').waitFor();
  await assertAccessible(page, 'editor with a media header');
});

test('an approved template (locked fields, warning) and an empty search have no violations', async () => {
  const { page } = await newPage();
  const approved = await seededApprovedWithButtons();
  await page.goto(`${APP_URL}/${approved.id}/edit`);
  await page.getByText('volta para análise').waitFor({ timeout: 20_000 });
  await assertAccessible(page, 'approved template editor');

  await page.goto(`${APP_URL}/?q=nada_corresponde_${Date.now()}`);
  await page.getByRole('heading', { name: 'Nenhum resultado' }).waitFor({ timeout: 20_000 });
  await assertAccessible(page, 'list without results');
});

test('the delete confirmation dialog has no violations', async () => {
  const created = await createTemplate('e2e_a11y_excluir');
  const { page } = await newPage();
  await page.goto(`${APP_URL}/?q=${created.name}`);
  await row(page, created.id).waitFor({ timeout: 20_000 });
  await row(page, created.id).locator('[data-action="delete"]').click();
  await deleteDialog(page).waitFor();
  await assertAccessible(page, 'delete dialog');
});

test('the app embedded in the demo portal (open shadow root) has no violations', async () => {
  const { page } = await newPage();
  await page.goto(`${APP_URL}${PORTAL}/`);
  await appShown(page);
  await page.locator('citrus-hsm-templates table tbody tr').first().waitFor({ timeout: 20_000 });
  assert.ok(await page.evaluate(() => document.querySelector('citrus-hsm-templates').shadowRoot), 'axe sees inside');
  await assertAccessible(page, 'portal list');
  await newLink(page).click();
  await editorHeading(page).waitFor({ timeout: 20_000 });
  await assertAccessible(page, 'portal editor');
});
