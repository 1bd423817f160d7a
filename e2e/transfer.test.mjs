// Exportar and Importar, the whole app: the filtered list exported to a file, that file
// renamed into a fresh name set and imported back with the keyboard, in a 360 px wide pane;
// axe on the preview and on the result; each template then exists exactly once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserPerFile, createTemplate, shot, uniqueName, api, APP_URL } from './browser.mjs';
import { assertAccessible } from './axe.mjs';

const { newPage } = browserPerFile();

test('export the filtered list, import it under new names, axe-clean preview and result', async () => {
  const prefix = uniqueName('xfer');
  const made = [
    await createTemplate(`${prefix}_a`),
    await createTemplate(`${prefix}_b`, {
      category: 'MARKETING',
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Oferta' },
        { type: 'BODY', text: 'Olá {{1}}, confira a oferta de hoje.', example: { body_text: [['Ana']] } },
        { type: 'FOOTER', text: 'Responda SAIR para não receber' },
        { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Quero' }] },
      ],
    }),
  ];
  const { page } = await newPage({ acceptDownloads: true });
  await page.goto(`${APP_URL}/?q=${prefix}`);
  await page.getByRole('link', { name: made[0].name, exact: true }).waitFor();

  // Exportar, with the keyboard.
  const exportButton = page.getByRole('button', { name: 'Exportar' });
  await exportButton.focus();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.match(download.suggestedFilename(), /^templates-hsm-\d{4}-\d{2}-\d{2}\.json$/);
  const text = await readFile(await download.path(), 'utf8');
  assert.ok(text.startsWith('[\n  {\n    "name": '), `pretty-printed: ${text.slice(0, 80)}`);
  const exported = JSON.parse(text);
  assert.deepEqual(exported.map((t) => t.name).sort(), made.map((t) => t.name).sort());
  for (const t of exported) {
    assert.deepEqual(Object.keys(t).filter((k) => !['name', 'language', 'category', 'parameter_format', 'components'].includes(k)), []);
  }
  await page.getByRole('status').filter({ hasText: '2 modelos exportados.' }).waitFor();

  // The same file under a fresh name set.
  const fresh = uniqueName('imp');
  const renamed = exported.map((t) => ({ ...t, name: t.name.replace(prefix, fresh) }));
  const dir = await mkdtemp(join(tmpdir(), 'hsm-transfer-'));
  const file = join(dir, 'modelos.json');
  await writeFile(file, JSON.stringify(renamed, null, 2));

  // Importar, in a narrow pane, with the keyboard.
  await page.setViewportSize({ width: 360, height: 800 });
  const importLink = page.getByRole('link', { name: 'Importar' });
  await importLink.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Importar modelos', level: 1 }).waitFor();
  await assertAccessible(page, 'import, no file yet');
  await page.getByLabel('Arquivo JSON de modelos').setInputFiles(file);
  await page.getByRole('heading', { name: 'Prévia da importação' }).waitFor();
  await page.getByText('A criar: 2 · Já existem: 0 · Inválidos: 0').waitFor();
  await assertAccessible(page, 'import preview');
  await shot(page, 'transfer-preview-360.png');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(overflow, false, 'no horizontal scroll at 360 px');

  const start = page.getByRole('button', { name: 'Criar 2 modelos' });
  await start.focus();
  await page.keyboard.press('Enter');
  await page.getByText('Importação concluída: 2 modelos criados.').waitFor();
  await page.getByRole('heading', { name: 'Resultado da importação' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Resultado da importação');
  await assertAccessible(page, 'import result');
  await shot(page, 'transfer-result-360.png');

  for (const t of renamed) {
    const page1 = await api(`/templates?q=${t.name}`);
    assert.equal(page1.items.filter((x) => x.name === t.name).length, 1, `${t.name} once`);
    const stored = page1.items.find((x) => x.name === t.name);
    assert.deepEqual(stored.components, t.components, `${t.name} as in the file`);
  }

  // The same file again: everything already exists; the invalid and existing groups are axe-clean too.
  const bad = [...renamed, { name: 'Nome Ruim', language: 'pt_BR', category: 'UTILITY', components: [] }];
  await writeFile(file, JSON.stringify(bad));
  await page.getByLabel('Arquivo JSON de modelos').setInputFiles(file);
  await page.getByText('A criar: 0 · Já existem: 2 · Inválidos: 1').waitFor();
  await assertAccessible(page, 'import preview: existing and invalid');

  // A refused file: the message is announced, nothing is created.
  await writeFile(file, 'isto não é json');
  await page.getByLabel('Arquivo JSON de modelos').setInputFiles(file);
  await page.getByRole('alert').filter({ hasText: 'O arquivo não é JSON' }).waitFor();
  await assertAccessible(page, 'import refused');
});
