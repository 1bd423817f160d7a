// The template editor in the real app: filled with the keyboard, saved, checked through the API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserPerFile, findByName, seededApprovedWithButtons, shot, APP_URL } from './browser.mjs';
import {
  errorSummary, field, headerKind, messageBox, nameBox, notice, openNewTemplate, preview,
} from './screens.mjs';

const { newPage } = browserPerFile();

const activePath = (page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-path') ?? null);

test('a template is written with the keyboard, previewed and saved', async () => {
  const { page } = await newPage();
  page.on('dialog', (d) => d.accept());
  await openNewTemplate(page);
  await shot(page, 'editor-empty.png');

  // Saving an empty form lists the errors and puts the focus on the first one.
  await page.getByRole('button', { name: 'Salvar' }).focus();
  await page.keyboard.press('Enter');
  await errorSummary(page).waitFor({ timeout: 5_000 });
  assert.equal(await activePath(page), 'name');
  await page.getByLabel('Rodapé').fill('x'.repeat(61));
  await shot(page, 'editor-errors.png');
  await page.getByLabel('Rodapé').fill('');

  const suffix = String(Date.now()).slice(-8);
  await nameBox(page).focus();
  await page.keyboard.type(`Promoção de Natal ${suffix}`);
  const name = `promocao_de_natal_${suffix}`;
  assert.equal(await nameBox(page).inputValue(), name);

  await page.getByLabel('Categoria').selectOption('MARKETING');
  await headerKind(page).selectOption('text');
  await page.getByLabel('Texto do Cabeçalho').focus();
  await page.keyboard.type('Feliz Natal, {{1}}!');
  await field(page, 'header.example').focus();
  await page.keyboard.type('Ana');

  await messageBox(page).focus();
  await page.keyboard.type('Olá! Sua oferta de *Natal* chegou: ');
  // "Adicionar variável" right after the body inserts {{1}} at the caret.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.keyboard.type(' de desconto em _todas_ as lojas até o dia 25.');
  await field(page, 'body.example.1').focus();
  await page.keyboard.type('20%');
  await page.getByLabel('Rodapé').focus();
  await page.keyboard.type('Citrus.cx – loja oficial');

  const addButton = async (kind) => {
    await page.getByRole('button', { name: 'Adicionar botão' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: kind, exact: true }).focus();
    await page.keyboard.press('Enter');
  };
  await addButton('Resposta Rápida');
  await page.keyboard.type('Quero saber mais');
  await addButton('Resposta Rápida');
  await page.keyboard.type('Não tenho interesse');
  await addButton('Site');
  await page.keyboard.type('Ver ofertas');
  await field(page, 'buttons.2.url').focus();
  await page.keyboard.type('https://citrus.cx/natal');
  await addButton('Ligação');
  await page.keyboard.type('Ligar para a loja');
  await field(page, 'buttons.3.phone_number').focus();
  await page.keyboard.type('+551130000000');

  const bubble = preview(page);
  await bubble.getByText('20%').waitFor();
  assert.equal(await bubble.locator('strong').first().textContent(), 'Natal');
  await page.getByText('Ver todas as opções').waitFor();
  await shot(page, 'editor-full.png');

  await page.getByRole('button', { name: 'Salvar' }).focus();
  await page.keyboard.press('Enter');
  await notice(page, name).waitFor({ timeout: 10_000 });
  const saved = await findByName(name);
  assert.ok(saved, 'the template was created');
  assert.equal(saved.status, 'PENDING');
  assert.equal(saved.components.find((c) => c.type === 'BUTTONS').buttons.length, 4);
});

test('an approved template opens with its locks and the review warning', async () => {
  const approved = await seededApprovedWithButtons();
  const { page } = await newPage();
  await page.goto(`${APP_URL}/${approved.id}/edit`);
  await page.getByText('volta para análise').waitFor({ timeout: 20_000 });
  assert.equal(await nameBox(page).getAttribute('readonly'), '');
  assert.ok(await page.getByLabel('Categoria').isDisabled());
  await shot(page, 'editor-edit-approved.png');
  // Narrow screens stack the preview under the form.
  await page.setViewportSize({ width: 420, height: 900 });
  const form = await page.locator('.hsm-editor__form').boundingBox();
  const previewBox = await page.locator('.hsm-editor__preview').boundingBox();
  assert.ok(previewBox.y >= form.y + form.height, 'the preview comes after the form');
  await shot(page, 'editor-narrow.png');
});
