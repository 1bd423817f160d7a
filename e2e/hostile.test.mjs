// Hostile text never runs: markup-looking payloads typed into every editor field, returned by
// the server in every field it stores, or carried in the URL stay text. Each page counts
// script executions in window.__xss and the app's DOM is searched for injected elements and
// event-handler attributes. The page's Content-Security-Policy (`--csp strict` in the test run)
// is bypassed here, so an injected handler would really run: escaping alone must hold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserPerFile, createTemplate, shot, uniqueName, APP_URL } from './browser.mjs';
import {
  addButton, errorSummary, field, headerKind, openNewTemplate, preview, row, searchBox,
} from './screens.mjs';

// Short enough for the 25-character button texts (an empty src fails to load too); `__xss`
// resolves to window.__xss in an inline handler.
const P = {
  img: '<img src onerror=__xss++>',
  script: '<script>__xss++</script>',
  js: 'javascript:__xss++',
  svg: '"><svg onload=__xss++>',
  b: '{{1}}<b onmouseover=__xss++>',
};
// What shows that a payload stayed text (underscores may turn into italics in the preview).
const VISIBLE = ['<img src onerror=', '<script>', '</script>', '"><svg onload=', '<b onmouseover='];

const { newPage } = browserPerFile();

async function hostilePage() {
  const { page, errors } = await newPage({ bypassCSP: true });
  await page.addInitScript(() => { window.__xss = 0; });
  page.on('dialog', (d) => d.dismiss());
  return { page, errors };
}

/** No payload ran and none became an element or an attribute. */
async function assertInert(page, errors, where) {
  // Hovering everything in the app gives onmouseover payloads their chance.
  for (const el of await page.locator('#hsm-app :is(p, span, li, strong, em, b, td, label)').all()) {
    if (await el.isVisible()) await el.hover({ timeout: 1_000, force: true }).catch(() => {});
  }
  const found = await page.evaluate(() => ({
    xss: window.__xss,
    injected: [...document.querySelectorAll(
      '#hsm-app script, #hsm-app img:not(.hsm-preview__image), #hsm-app b, [onerror], [onload], [onmouseover]',
    )].map((e) => e.outerHTML.slice(0, 80)),
    jsLinks: [...document.querySelectorAll('#hsm-app a[href]')]
      .map((a) => a.getAttribute('href'))
      .filter((h) => /^\s*javascript:/i.test(h)),
  }));
  assert.deepEqual(found, { xss: 0, injected: [], jsLinks: [] }, where);
  assert.deepEqual(errors, [], `${where}: page errors`);
}

async function assertShown(locator, texts, where) {
  const text = await locator.textContent();
  for (const t of texts) assert.ok(text.includes(t), `${where} shows ${t} as text: ${text}`);
}

test('payloads typed into every editor field stay text, in the fields and the preview', async () => {
  const { page, errors } = await hostilePage();
  await openNewTemplate(page);

  await field(page, 'name').fill(P.img);
  await headerKind(page).selectOption('text');
  await field(page, 'header.text').fill(P.b);
  await field(page, 'header.example').fill(P.svg);
  const body = Object.values(P).join(' ');
  await field(page, 'body.text').fill(body);
  await field(page, 'body.example.1').fill(P.script);
  await field(page, 'footer.text').fill(P.svg);

  await addButton(page, 'Resposta Rápida');
  await field(page, 'buttons.0.text').fill(P.script);
  await addButton(page, 'Site');
  await field(page, 'buttons.1.text').fill(P.img);
  await field(page, 'buttons.1.url').fill(`${P.js}{{1}}`);
  await field(page, 'buttons.1.example').fill(P.js);
  await addButton(page, 'Ligação');
  await field(page, 'buttons.2.text').fill(P.svg);
  await field(page, 'buttons.2.phone_number').fill(P.b);

  // The fields hold exactly what was typed (the name becomes a valid name).
  assert.equal(await field(page, 'body.text').inputValue(), body);
  assert.equal(await field(page, 'buttons.1.url').inputValue(), `${P.js}{{1}}`);
  assert.match(await field(page, 'name').inputValue(), /^[a-z0-9_]+$/);

  const bubble = preview(page);
  await bubble.getByText('onerror=', { exact: false }).first().waitFor();
  await assertShown(bubble, VISIBLE, 'the preview');
  await assertShown(page.locator('.hsm-preview__buttons'), ['<script>', '"><svg onload='], 'the preview buttons');
  // A fourth button folds the preview's list; the coupon code takes a payload too.
  await addButton(page, 'Copiar código');
  await field(page, 'buttons.3.example').fill(P.svg);
  assert.equal(await field(page, 'buttons.3.example').inputValue(), P.svg);

  // Saving shows every message about these values.
  await page.getByRole('button', { name: 'Salvar' }).click();
  await errorSummary(page).waitFor({ timeout: 5_000 });
  await shot(page, 'hostile-editor-typed.png');
  await assertInert(page, errors, 'the editor after typing payloads');
});

test('a payload typed as a variable name is refused as text, and nothing is inserted', async () => {
  const { page, errors } = await hostilePage();
  await openNewTemplate(page);
  await page.getByRole('combobox', { name: 'Variáveis', exact: true }).selectOption('NAMED');
  await field(page, 'body.text').fill('Olá, seu pedido foi enviado hoje.');
  await page.locator('.hsm-field').filter({ has: field(page, 'body.text') })
    .getByRole('button', { name: 'Adicionar variável' }).click();
  const prompt = page.getByRole('combobox', { name: 'Nome da variável' });
  await prompt.fill(P.img);
  await prompt.press('Enter');
  await page.getByText('Use letras minúsculas, números e _').waitFor();
  assert.equal(await prompt.inputValue(), P.img, 'what was typed stays');
  assert.equal(await field(page, 'body.text').inputValue(), 'Olá, seu pedido foi enviado hoje.');
  await assertInert(page, errors, 'the variable name prompt');
});

test('payloads stored on the server stay text in the list and the editor', async () => {
  const prefix = uniqueName('e2e_hostil');
  const buttons = (extra) => ({
    type: 'BUTTONS',
    buttons: [
      { type: 'QUICK_REPLY', text: P.script },
      { type: 'URL', text: P.svg, url: 'https://citrus.cx/a"><svg/onload=__xss++>/{{1}}', example: [`https://citrus.cx/a"><svg/onload=__xss++>/${P.img}`] },
      { type: 'PHONE_NUMBER', text: P.img, phone_number: '+551130000000' },
      ...extra,
    ],
  });
  const hostile = (bodyExtra) => [
    { type: 'HEADER', format: 'TEXT', text: `${P.b}`, example: { header_text: [P.img] } },
    {
      type: 'BODY',
      text: `Olá {{1}}, ${P.img} ${P.script} ${P.svg} ${P.js} ${bodyExtra}`,
      example: { body_text: [[P.script]] },
    },
    { type: 'FOOTER', text: P.svg },
  ];
  const approved = await createTemplate(`${prefix}_a`, {
    components: [...hostile(''), buttons([])],
  });
  // A rejection: reason and recommendation come back from the review.
  const rejected = await createTemplate(`${prefix}_r`, {
    category: 'MARKETING',
    components: [...hostile('reject-me:SCAM'), buttons([])],
  });
  // A media header whose stored handle is itself a payload.
  const media = await createTemplate(`${prefix}_m`, {
    components: [
      { type: 'HEADER', format: 'IMAGE', example: { header_handle: [`x" onerror="__xss++`] } },
      { type: 'BODY', text: `Imagem ${P.img}` },
    ],
  });

  const { page, errors } = await hostilePage();
  await page.goto(`${APP_URL}/?q=${prefix}&sort=name`);
  await row(page, media.id).waitFor({ timeout: 20_000 });
  // Wait for the review, so the rejected row shows its reason and recommendation.
  const rejectedRow = row(page, rejected.id);
  for (let i = 0; i < 40 && (await rejectedRow.getAttribute('data-status')) !== 'REJECTED'; i += 1) {
    await page.waitForTimeout(250);
    await page.locator('[data-action="refresh"]').click();
  }
  await rejectedRow.locator('.hsm-reason').waitFor({ timeout: 5_000 });
  await shot(page, 'hostile-list.png');
  await assertInert(page, errors, 'the list');

  for (const t of [approved, rejected, media]) {
    await page.goto(`${APP_URL}/${t.id}/edit`);
    await field(page, 'body.text').waitFor({ timeout: 20_000 });
    const bubble = preview(page);
    await assertShown(bubble, ['<img src onerror='], `${t.draft?.name ?? t.name}: the preview`);
    assert.equal(
      await field(page, 'body.text').inputValue(),
      (t.components ?? t.draft.components).find((c) => c.type === 'BODY').text,
    );
    if (t === media) {
      await page.getByText('Arquivo: x" onerror="__xss++').waitFor();
    } else {
      await assertShown(bubble, VISIBLE, 'the preview');
      assert.equal(await field(page, 'footer.text').inputValue(), P.svg);
      assert.equal(await field(page, 'buttons.0.text').inputValue(), P.script);
      assert.match(await field(page, 'buttons.1.url').inputValue(), /<svg\/onload=/);
    }
    await shot(page, `hostile-editor-${t === approved ? 'approved' : t === rejected ? 'rejected' : 'media'}.png`);
    await assertInert(page, errors, `the editor of ${t.id}`);
  }
});

test('payloads in the URL stay text', async () => {
  const { page, errors } = await hostilePage();
  const q = `${P.img}${P.svg}`;
  await page.goto(`${APP_URL}/?q=${encodeURIComponent(q)}&status=${encodeURIComponent(P.script)}`);
  await page.getByRole('heading', { name: 'Nenhum resultado' }).waitFor({ timeout: 20_000 });
  assert.equal(await searchBox(page).inputValue(), q);
  await assertInert(page, errors, 'the list with a hostile search');

  await page.goto(`${APP_URL}/new?from=${encodeURIComponent(P.svg)}`);
  await page.locator('#hsm-app [role="alert"], #hsm-app .hsm-error').first().waitFor({ timeout: 20_000 });
  await assertInert(page, errors, 'a duplicate of a hostile id');

  await page.goto(`${APP_URL}/${encodeURIComponent(P.img)}/edit`);
  await page.locator('#hsm-app [role="alert"], #hsm-app .hsm-error').first().waitFor({ timeout: 20_000 });
  await assertInert(page, errors, 'the editor of a hostile id');
});

test('an imported file with payloads, huge strings, wrong types, 501 templates or 5 MB+ stays text', async () => {
  const { page, errors } = await hostilePage();
  await page.goto(`${APP_URL}/import`);
  const input = page.getByLabel('Arquivo JSON de modelos');
  await input.waitFor();
  const huge = 'x'.repeat(200_000);
  const hostileName = uniqueName('hostile');
  const payloads = [
    { name: P.img, language: P.script, category: P.svg, components: [{ type: 'BODY', text: P.b }] },
    { name: hostileName, language: 'pt_BR', category: 'UTILITY',
      components: [{ type: 'BODY', text: `${P.script} ${P.img}` }, { type: 'FOOTER', text: huge }] },
    { name: { $gt: '' }, language: ['pt_BR'], category: 7, components: 'BODY' },
    { name: huge, language: 'pt_BR', category: 'UTILITY', components: [{ type: P.svg }] },
    P.script,
    null,
  ];
  await input.setInputFiles({ name: 'hostil.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(payloads)) });
  const invalid = page.locator('[data-group="invalid"]');
  await invalid.waitFor();
  await assertShown(invalid, ['<img src onerror=', '<script>', '"><svg onload='], 'the invalid group');
  await shot(page, 'hostile-import.png');
  await assertInert(page, errors, 'import preview of a hostile file');

  for (const [name, buffer, words] of [
    ['muitos.json', Buffer.from(JSON.stringify(Array.from({ length: 501 }, (_, i) => ({ name: `t${i}`, language: 'pt_BR', category: 'UTILITY', components: [] })))), 'traz 501 modelos'],
    ['grande.json', Buffer.alloc(5 * 1024 * 1024 + 1, 0x20), 'passa de 5 MB'],
    ['script.json', Buffer.from(`${P.script}${P.img}`), 'não é JSON'],
  ]) {
    await input.setInputFiles({ name, mimeType: 'application/json', buffer });
    await page.getByRole('alert').filter({ hasText: words }).waitFor();
    await assertInert(page, errors, `refused ${name}`);
  }
  assert.equal(await page.getByRole('button', { name: /^Criar/ }).count(), 0, 'nothing to create');
  const { items } = await (await fetch(`${APP_URL}/api/v1/whatsapp/templates?q=${hostileName}`)).json();
  assert.deepEqual(items, [], 'nothing was created');
});
