// The admin's everyday flows in the real app: create with each header and button kind and
// follow the review, fix a rejection, find templates (search, filter, sort, pages, all in the
// URL), duplicate, and move around with back/forward and reloads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  browserPerFile, api, createTemplate, findByName, shot, uniqueName, waitForApi, APP_URL,
} from './browser.mjs';
import { addButton, appShown, editorHeading, field, headerKind, notice, openNewTemplate, preview, row, saveAndSeeNotice, searchBox, searchFor } from './screens.mjs';

const { newPage } = browserPerFile();

// Small valid files of each media kind; the backend types uploads by their first bytes.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);
/** An ISO BMFF file: `ftyp` (brand isom) and an empty `free` box. */
const MP4 = Buffer.concat([
  Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isommp41'),
  Buffer.from([0, 0, 0, 8]), Buffer.from('free'),
]);
/** A one-page PDF with a correct cross-reference table. */
function pdf() {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
const FILES = {
  image: { name: 'cabecalho.png', mimeType: 'image/png', buffer: PNG, format: 'IMAGE' },
  video: { name: 'video.mp4', mimeType: 'video/mp4', buffer: MP4, format: 'VIDEO' },
  document: { name: 'contrato.pdf', mimeType: 'application/pdf', buffer: pdf(), format: 'DOCUMENT' },
};

const badge = (page, id) => row(page, id).locator('.hsm-badge');

/** Waits for the backend's review, then asks the list for it with "Atualizar status". */
async function refreshUntil(page, id, status, label) {
  await waitForApi(`/templates/${id}`, (t) => t.status === status, { what: `${id} ${status}` });
  await page.getByRole('button', { name: 'Atualizar status' }).click();
  await badge(page, id).filter({ hasText: label }).waitFor({ timeout: 5_000 });
}

for (const kind of ['text', 'image', 'video', 'document']) {
  test(`a template with ${kind === 'image' ? 'an' : 'a'} ${kind} header and every kind of button is created and approved`, async () => {
    const { page } = await newPage();
    page.on('dialog', (d) => d.accept());
    await openNewTemplate(page);
    const name = uniqueName(`e2e_fluxo_${kind}`);
    await field(page, 'name').fill(name);
    await page.getByLabel('Categoria').selectOption('UTILITY');
    await headerKind(page).selectOption(kind);
    if (kind === 'text') {
      await field(page, 'header.text').fill('Pedido {{1}}');
      await field(page, 'header.example').fill('12345');
    } else {
      const { format, ...file } = FILES[kind];
      await field(page, 'header.media').setInputFiles(file);
      await page.getByText(`Arquivo: ${file.name}`).waitFor({ timeout: 10_000 });
    }
    await field(page, 'body.text').fill('Olá {{1}}, seu pedido foi enviado e chega amanhã.');
    await field(page, 'body.example.1').fill('Ana');
    await field(page, 'footer.text').fill('Citrus.cx');
    await addButton(page, 'Resposta Rápida');
    await field(page, 'buttons.0.text').fill('Recebi');
    await addButton(page, 'Site');
    await field(page, 'buttons.1.text').fill('Rastrear pedido');
    await field(page, 'buttons.1.url').fill('https://citrus.cx/rastreio/{{1}}');
    await field(page, 'buttons.1.example').fill('https://citrus.cx/rastreio/BR123');
    await addButton(page, 'Ligação');
    await field(page, 'buttons.2.text').fill('Ligar');
    await field(page, 'buttons.2.phone_number').fill('+551130000000');

    const bubble = preview(page);
    await bubble.getByText('Ana').waitFor();
    if (kind === 'text') await bubble.getByText('12345').waitFor();
    if (kind === 'image') {
      const img = bubble.locator('img.hsm-preview__image');
      await img.waitFor();
      await page.waitForFunction((el) => el.complete && el.naturalWidth === 1, await img.elementHandle());
    }
    if (kind === 'video') await bubble.locator('.hsm-preview__media--video').getByText('Vídeo').waitFor();
    if (kind === 'document') await bubble.locator('.hsm-preview__media--doc').getByText('Documento').waitFor();
    await shot(page, `flows-new-${kind}.png`);

    await page.getByRole('button', { name: 'Salvar' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await notice(page, name).waitFor({ timeout: 10_000 });
    const saved = await findByName(name);
    assert.ok(saved, `${name} was created`);
    // The list the editor returns to (newest first) shows it under review: the review takes
    // 1.5 s, so this is checked right away.
    await badge(page, saved.id).filter({ hasText: 'Em análise' }).waitFor({ timeout: 5_000 });
    const header = saved.components.find((c) => c.type === 'HEADER');
    if (kind === 'text') {
      assert.deepEqual(header, { type: 'HEADER', format: 'TEXT', text: 'Pedido {{1}}', example: { header_text: ['12345'] } });
    } else {
      assert.equal(header.format, FILES[kind].format);
      const [handle] = header.example.header_handle;
      const media = await fetch(new URL(handle, `${APP_URL}/api/v1/whatsapp/media/`));
      assert.equal(media.headers.get('content-type'), FILES[kind].mimeType);
      assert.deepEqual(Buffer.from(await media.arrayBuffer()), FILES[kind].buffer);
    }
    assert.deepEqual(saved.components.find((c) => c.type === 'BUTTONS').buttons, [
      { type: 'QUICK_REPLY', text: 'Recebi' },
      { type: 'URL', text: 'Rastrear pedido', url: 'https://citrus.cx/rastreio/{{1}}', example: ['https://citrus.cx/rastreio/BR123'] },
      { type: 'PHONE_NUMBER', text: 'Ligar', phone_number: '+551130000000' },
    ]);

    // Then approved, found by its name.
    await searchFor(page, name);
    await refreshUntil(page, saved.id, 'APPROVED', 'Aprovado');
    await shot(page, `flows-approved-${kind}.png`);
  });
}

test('a rejected template is fixed and goes back to review', async () => {
  const created = await createTemplate('e2e_fluxo_rejeitado', {
    components: [{ type: 'BODY', text: 'Seu pedido saiu para entrega. reject-me:PROMOTIONAL' }],
  });
  await waitForApi(`/templates/${created.id}`, (t) => t.status === 'REJECTED', { what: 'the rejection' });
  const { page } = await newPage();
  await page.goto(`${APP_URL}/?q=${created.name}`);
  await badge(page, created.id).filter({ hasText: 'Rejeitado' }).waitFor({ timeout: 20_000 });
  await row(page, created.id).getByText('Motivo: Conteúdo promocional').waitFor();
  await shot(page, 'flows-rejected-list.png');

  await row(page, created.id).getByRole('link', { name: /Corrigir/ }).click();
  await page.waitForURL((u) => u.pathname.endsWith(`/${created.id}/edit`));
  // PROMOTIONAL concerns the category: the reason is shown there, and at the top.
  await page.locator('.hsm-field').filter({ hasText: 'Rejeitado pela Meta: Conteúdo promocional' }).waitFor({ timeout: 20_000 });
  await field(page, 'body.text').fill('Seu pedido saiu para entrega.');
  await shot(page, 'flows-rejected-editor.png');
  await saveAndSeeNotice(page, created.name);
  // Back in the list, newest first, under review again (checked before the 1.5 s review).
  await badge(page, created.id).filter({ hasText: 'Em análise' }).waitFor({ timeout: 5_000 });
  assert.equal(await row(page, created.id).locator('.hsm-reason').count(), 0, 'no reason while in review');
  await searchFor(page, created.name);
  await refreshUntil(page, created.id, 'APPROVED', 'Aprovado');
  const fixed = await api(`/templates/${created.id}`);
  assert.equal(fixed.components[0].text, 'Seu pedido saiu para entrega.');
});

test('search, filter, sort and pages are written to the URL', async () => {
  // Twelve templates of this test only: 4 MARKETING, 8 UTILITY.
  const prefix = uniqueName('e2e_lista');
  const names = [];
  for (let i = 0; i < 12; i += 1) {
    const name = `${prefix}_${String.fromCharCode(97 + ((i * 5) % 12))}`; // created out of order
    names.push(name);
    await createTemplate('x', {
      name,
      category: i % 3 === 0 ? 'MARKETING' : 'UTILITY',
      components: [{ type: 'BODY', text: `Aviso número ${i} sobre a sua conta.` }],
    });
  }
  const sorted = [...names].sort();
  const { page } = await newPage();
  const shown = () => page.locator('tbody tr:not([hidden]) .hsm-row__name').allTextContents();
  const url = () => new URL(page.url());
  await page.goto(`${APP_URL}/`);
  await appShown(page);
  await page.locator('tbody tr').first().waitFor({ timeout: 20_000 });

  await searchFor(page, prefix);
  await page.getByText('12 templates').waitFor({ timeout: 5_000 });

  await page.getByLabel('Categoria', { exact: true }).selectOption('MARKETING');
  await page.waitForURL((u) => u.searchParams.get('category') === 'MARKETING' && u.searchParams.get('q') === prefix);
  await page.getByText('4 templates').waitFor({ timeout: 5_000 });
  const categories = await page.locator('tbody tr.hsm-row td:nth-child(2)').allTextContents();
  assert.deepEqual(categories, Array(4).fill('Marketing'));
  await shot(page, 'flows-list-filtered.png');
  await page.goBack();
  await page.waitForURL((u) => !u.searchParams.has('category'));
  await page.getByText('12 templates').waitFor({ timeout: 5_000 });

  // Name ascending, then descending.
  const nameHeader = page.getByRole('columnheader', { name: 'Nome' });
  assert.equal(await nameHeader.getAttribute('aria-sort'), 'none');
  await nameHeader.getByRole('button').click();
  await page.waitForURL((u) => u.searchParams.get('sort') === 'name');
  await page.waitForFunction(() => document.querySelector('th[aria-sort="ascending"]'));
  assert.equal(await nameHeader.getAttribute('aria-sort'), 'ascending');
  assert.deepEqual(await shown(), sorted);
  await nameHeader.getByRole('button').click();
  await page.waitForURL((u) => u.searchParams.get('sort') === '-name');
  await page.waitForFunction(() => document.querySelector('th[aria-sort="descending"]'));
  assert.equal(await nameHeader.getAttribute('aria-sort'), 'descending');
  assert.equal(await page.getByRole('columnheader', { name: 'Atualizado em' }).getAttribute('aria-sort'), 'none');
  assert.deepEqual(await shown(), [...sorted].reverse());

  // Ten per page: two pages.
  await page.getByLabel('Itens por página').selectOption('10');
  await page.waitForURL((u) => u.searchParams.get('per_page') === '10');
  await page.getByText('Página 1 de 2').waitFor({ timeout: 5_000 });
  assert.deepEqual(await shown(), [...sorted].reverse().slice(0, 10));
  await page.getByRole('button', { name: 'Próxima' }).click();
  await page.waitForURL((u) => u.searchParams.get('page') === '2');
  await page.getByText('Página 2 de 2').waitFor({ timeout: 5_000 });
  assert.deepEqual(await shown(), [...sorted].reverse().slice(10));
  assert.ok(await page.getByRole('button', { name: 'Próxima' }).isDisabled());
  assert.deepEqual(Object.fromEntries(url().searchParams), { q: prefix, sort: '-name', page: '2', per_page: '10' });
  await shot(page, 'flows-list-page2.png');

  // A new search goes back to the first page.
  await page.getByLabel('Status', { exact: true }).selectOption('PENDING');
  await page.waitForURL((u) => u.searchParams.get('status') === 'PENDING');
  assert.equal(url().searchParams.get('page'), null);
});

test('Duplicar opens a pre-filled editor that saves under a new name', async () => {
  const original = await createTemplate('e2e_fluxo_original', {
    category: 'MARKETING',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Novidades' },
      { type: 'BODY', text: 'Olá {{1}}, chegaram novidades na loja.', example: { body_text: [['Bia']] } },
      { type: 'FOOTER', text: 'Citrus.cx' },
      { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Quero ver' }] },
    ],
  });
  const { page } = await newPage();
  await page.goto(`${APP_URL}/?q=${original.name}`);
  await row(page, original.id).getByRole('link', { name: /Duplicar/ }).click();
  await page.waitForURL((u) => u.pathname === '/new' && u.searchParams.get('from') === original.id);
  await editorHeading(page, 'Duplicar template').waitFor({ timeout: 20_000 });
  assert.equal(await field(page, 'name').inputValue(), `${original.name}_copia`);
  assert.equal(await page.getByLabel('Categoria').inputValue(), 'MARKETING');
  assert.equal(await field(page, 'header.text').inputValue(), 'Novidades');
  assert.equal(await field(page, 'body.text').inputValue(), 'Olá {{1}}, chegaram novidades na loja.');
  assert.equal(await field(page, 'body.example.1').inputValue(), 'Bia');
  assert.equal(await field(page, 'footer.text').inputValue(), 'Citrus.cx');
  assert.equal(await field(page, 'buttons.0.text').inputValue(), 'Quero ver');
  await shot(page, 'flows-duplicate.png');

  const copy = uniqueName('e2e_fluxo_copia');
  await field(page, 'name').fill(copy);
  await saveAndSeeNotice(page, copy);
  const saved = await findByName(copy);
  assert.ok(saved, 'the copy was created');
  assert.notEqual(saved.id, original.id);
  assert.deepEqual(saved.components, original.components);
  assert.equal(saved.category, 'MARKETING');
  assert.ok(await findByName(original.name), 'the original is still there');
});

test('back and forward move between list and editor; deep links survive a reload', async () => {
  const prefix = uniqueName('e2e_nav');
  const made = [];
  for (let i = 0; i < 12; i += 1) made.push(await createTemplate(`${prefix}_${String(i).padStart(2, '0')}`));
  const { page } = await newPage();
  const listUrl = `${APP_URL}/?q=${prefix}&sort=name&page=2&per_page=10`;
  await page.goto(listUrl);
  await page.getByText('Página 2 de 2').waitFor({ timeout: 20_000 });
  const target = made[10];
  await row(page, target.id).waitFor();

  await row(page, target.id).getByRole('link', { name: target.name, exact: true }).click();
  await page.waitForURL(`**/${target.id}/edit`);
  await editorHeading(page, `Editar ${target.name}`).waitFor({ timeout: 20_000 });
  await page.goBack();
  await page.waitForURL(listUrl);
  await page.getByText('Página 2 de 2').waitFor({ timeout: 5_000 });
  assert.equal(await searchBox(page).inputValue(), prefix);
  await page.goForward();
  await page.waitForURL(`**/${target.id}/edit`);
  await editorHeading(page, `Editar ${target.name}`).waitFor({ timeout: 20_000 });

  // Reloading the editor's deep link shows the same template.
  await page.reload();
  await editorHeading(page, `Editar ${target.name}`).waitFor({ timeout: 20_000 });
  assert.equal(await field(page, 'body.text').inputValue(), 'Olá, seu pedido foi enviado hoje.');
  await shot(page, 'flows-reload-editor.png');

  // And the list's.
  await page.goto(listUrl);
  await page.getByText('Página 2 de 2').waitFor({ timeout: 20_000 });
  await page.reload();
  await page.getByText('Página 2 de 2').waitFor({ timeout: 20_000 });
  assert.deepEqual(
    await page.locator('tbody tr .hsm-row__name').allTextContents(),
    made.slice(10).map((t) => t.name),
  );
  assert.equal(await searchBox(page).inputValue(), prefix);
  assert.equal(await page.getByRole('columnheader', { name: 'Nome' }).getAttribute('aria-sort'), 'ascending');
  await shot(page, 'flows-reload-list.png');
});
