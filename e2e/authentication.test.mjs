// Authentication (one-time code) templates in the real app: one of each delivery mode written
// with the keyboard, previewed as WhatsApp draws it, saved, found in the list with its mode,
// its expiry edited; each rule's error at its field and the time-to-live's warning; the three
// exported and imported back under new names. axe on each new state; screenshots at 1366 and
// 360 px, in Portuguese and English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserPerFile, findByName, shot, uniqueName, waitForApi, api, APP_URL, PORTAL } from './browser.mjs';
import { assertAccessible } from './axe.mjs';
import { errorSummary, field, nameBox, notice, openNewTemplate, preview } from './screens.mjs';

const { newPage } = browserPerFile();
const WIDE = { width: 1366, height: 900 };
const NARROW = { width: 360, height: 800 };

/** Types into the control at `path` after focusing it. */
async function typeAt(page, path, text) {
  await field(page, path).focus();
  await page.keyboard.type(text);
}

/** A new authentication template named `name`, its mode picked with the arrow keys. */
async function startCode(page, name, arrows) {
  await openNewTemplate(page);
  await nameBox(page).focus();
  await page.keyboard.type(name);
  await page.getByLabel('Categoria').selectOption('AUTHENTICATION');
  const copy = page.getByRole('radio', { name: /^Copiar código/ });
  await copy.focus();
  assert.ok(await copy.isChecked(), 'copy code is the default mode');
  for (let i = 0; i < arrows; i += 1) await page.keyboard.press('ArrowDown');
}

async function save(page, name) {
  await page.getByRole('button', { name: 'Salvar' }).focus();
  await page.keyboard.press('Enter');
  await notice(page, name).waitFor({ timeout: 10_000 });
}

const otpOf = (t) => t.components.find((c) => c.type === 'BUTTONS').buttons[0];
const MODES = [
  { otp: 'COPY_CODE', arrows: 0, label: 'Copiar código', button: 'Copiar código' },
  { otp: 'ONE_TAP', arrows: 1, label: 'Preenchimento automático (one-tap)', button: 'Preencher código' },
  { otp: 'ZERO_TAP', arrows: 2, label: 'Zero-tap', button: 'Preencher código' },
];
const prefix = uniqueName('codigo');
const names = MODES.map((m) => `${prefix}_${m.otp.toLowerCase()}`);

test('one template of each delivery mode, with the keyboard: preview, save, list', async () => {
  const { page } = await newPage({ viewport: WIDE });
  page.on('dialog', (d) => d.accept());
  for (const [i, mode] of MODES.entries()) {
    await startCode(page, names[i], mode.arrows);
    if (mode.otp !== 'COPY_CODE') {
      // The mode asks for its apps: one row is there to fill in.
      await typeAt(page, 'buttons.0.supported_apps.0.package_name', 'com.citrus.app');
      await typeAt(page, 'buttons.0.supported_apps.0.signature_hash', 'K8a/AINcGX7');
      await typeAt(page, 'buttons.0.autofill_text', mode.button);
    }
    if (mode.otp === 'ZERO_TAP') {
      await field(page, 'buttons.0.zero_tap_terms_accepted').focus();
      await page.keyboard.press('Space');
    }
    await field(page, 'body.add_security_recommendation').focus();
    await page.keyboard.press('Space');
    await typeAt(page, 'footer.code_expiration_minutes', '10');
    await typeAt(page, 'message_send_ttl_seconds', '300');

    const bubble = preview(page);
    await bubble.getByText('Este código expira em 10 minutos.').waitFor();
    assert.equal(await bubble.locator('strong').textContent(), '123456');
    assert.match(await bubble.textContent(), /Seu código de verificação é 123456\. Para sua segurança, não o compartilhe\./);
    await page.locator('.hsm-preview__button').getByText(mode.button).waitFor();
    const fallback = page.locator('.hsm-preview__note');
    assert.equal(await fallback.count(), mode.otp === 'COPY_CODE' ? 0 : 1);
    if (mode.otp === 'ZERO_TAP') {
      assert.match(await fallback.textContent(), /o botão vira “Copiar código”/);
      await assertAccessible(page, 'zero-tap template filled in');
      await shot(page, 'auth-zero-tap-1366.png');
      await page.setViewportSize(NARROW);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      assert.equal(overflow, false, 'no horizontal scroll at 360 px');
      await shot(page, 'auth-zero-tap-360.png');
      await page.setViewportSize(WIDE);
    }
    await save(page, names[i]);
    const saved = await findByName(names[i]);
    assert.equal(saved.category, 'AUTHENTICATION');
    assert.equal(saved.message_send_ttl_seconds, 300);
    assert.equal(otpOf(saved).otp_type, mode.otp);
    assert.equal(saved.components.find((c) => c.type === 'FOOTER').code_expiration_minutes, 10);
  }

  // The list shows each one's delivery mode under its category.
  await page.goto(`${APP_URL}/?q=${prefix}`);
  for (const [i, mode] of MODES.entries()) {
    const stored = await findByName(names[i]);
    const cell = page.locator(`tr[data-id="${stored.id}"] td`).nth(1);
    await cell.waitFor();
    assert.equal(await cell.locator('.hsm-row__mode').textContent(), mode.label);
  }
  await assertAccessible(page, 'list with authentication templates');
  await shot(page, 'auth-list-1366.png');
});

test('each rule shows its error at its field, the time-to-live its warning', async () => {
  const { page } = await newPage({ viewport: WIDE });
  await startCode(page, uniqueName('codigo_erros'), 2);
  await typeAt(page, 'buttons.0.supported_apps.0.package_name', 'citrus');
  await typeAt(page, 'buttons.0.supported_apps.0.signature_hash', 'curto');
  await typeAt(page, 'buttons.0.autofill_text', 'x'.repeat(26));
  await typeAt(page, 'footer.code_expiration_minutes', '95');
  await page.getByRole('button', { name: 'Salvar' }).focus();
  await page.keyboard.press('Enter');
  await errorSummary(page).waitFor({ timeout: 5_000 });
  const invalid = async (path) => {
    assert.equal(await field(page, path).getAttribute('aria-invalid'), 'true', `${path} is marked`);
  };
  await invalid('buttons.0.supported_apps.0.package_name');
  await invalid('buttons.0.supported_apps.0.signature_hash');
  await invalid('buttons.0.autofill_text');
  await invalid('buttons.0.zero_tap_terms_accepted');
  await invalid('footer.code_expiration_minutes');
  await page.getByText('De 1 a 90').first().waitFor();
  await assertAccessible(page, 'authentication errors');
  await shot(page, 'auth-errors-1366.png');

  // Removing the only app: the list says it needs one.
  await page.getByRole('button', { name: 'Remover app 1' }).focus();
  await page.keyboard.press('Enter');
  await page.locator('fieldset').filter({ hasText: 'Apps Android' }).locator('.hsm-msg--error').waitFor();
  // The focus went to "Adicionar app"; Enter there adds an app and focuses its package name.
  const focusedPath = (path) => page.waitForFunction((p) => document.activeElement?.getAttribute('data-path') === p, path, { timeout: 5_000 });
  await focusedPath('buttons.0.supported_apps');
  await page.keyboard.press('Enter');
  await focusedPath('buttons.0.supported_apps.0.package_name');

  // A 5-minute code with the default time-to-live (600 s): a warning, not an error.
  await field(page, 'footer.code_expiration_minutes').fill('');
  await typeAt(page, 'footer.code_expiration_minutes', '5');
  const ttl = page.locator('.hsm-field').filter({ has: field(page, 'message_send_ttl_seconds') });
  await ttl.locator('.hsm-msg--warning').waitFor();
  assert.equal(await field(page, 'message_send_ttl_seconds').getAttribute('aria-invalid'), 'false');
  await typeAt(page, 'message_send_ttl_seconds', '20');
  await ttl.locator('.hsm-msg--error').waitFor();
  await page.setViewportSize(NARROW);
  await shot(page, 'auth-errors-360.png');
});

test('an approved code template: expiry edited, category locked', async () => {
  const name = names[0];
  const stored = await waitForApi(`/templates?q=${name}`, (p) => p.items.some((t) => t.name === name && t.status === 'APPROVED'), { what: `${name} approved` });
  const t = stored.items.find((x) => x.name === name);
  const { page } = await newPage({ viewport: WIDE });
  page.on('dialog', (d) => d.accept());
  await page.goto(`${APP_URL}/${t.id}/edit`);
  await field(page, 'footer.code_expiration_minutes').waitFor({ timeout: 20_000 });
  assert.ok(await page.getByLabel('Categoria').isDisabled());
  await field(page, 'footer.code_expiration_minutes').fill('');
  await typeAt(page, 'footer.code_expiration_minutes', '15');
  await preview(page).getByText('Este código expira em 15 minutos.').waitFor();
  await page.getByRole('button', { name: 'Salvar' }).focus();
  await page.keyboard.press('Enter');
  await waitForApi(`/templates/${t.id}`, (x) => x.components.find((c) => c.type === 'FOOTER')?.code_expiration_minutes === 15, { what: 'the new expiry' });
});

test('in English: the zero-tap template reads in English at 1366 and 360 px', async () => {
  const { page } = await newPage({ viewport: WIDE });
  await page.goto(`${APP_URL}${PORTAL}/new?locale=en`);
  await page.getByRole('heading', { name: 'New template' }).waitFor({ timeout: 20_000 });
  await page.getByLabel('Category').selectOption('AUTHENTICATION');
  await page.getByRole('combobox', { name: /^Language/ }).selectOption('en_US');
  const zero = page.getByRole('radio', { name: /^Zero-tap/ });
  await zero.focus();
  await page.keyboard.press('Space');
  await field(page, 'footer.code_expiration_minutes').focus();
  await page.keyboard.type('10');
  await page.getByText('This code expires in 10 minutes.').waitFor();
  assert.equal(await preview(page).locator('strong').textContent(), '123456');
  await preview(page).getByText('is your verification code.').waitFor();
  await assertAccessible(page, 'English zero-tap');
  await shot(page, 'auth-en-1366.png');
  await page.setViewportSize(NARROW);
  await shot(page, 'auth-en-360.png');
});

test('the three are exported and imported back under new names', async () => {
  const { page } = await newPage({ viewport: NARROW, acceptDownloads: true });
  await page.goto(`${APP_URL}/?q=${prefix}`);
  await page.getByRole('link', { name: names[2], exact: true }).waitFor({ timeout: 20_000 });
  const exportButton = page.getByRole('button', { name: 'Exportar' });
  await exportButton.focus();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.deepEqual(exported.map((t) => t.name).sort(), [...names].sort());
  const zero = exported.find((t) => t.name === names[2]);
  assert.deepEqual(otpOf(zero), {
    type: 'OTP', otp_type: 'ZERO_TAP', autofill_text: 'Preencher código',
    supported_apps: [{ package_name: 'com.citrus.app', signature_hash: 'K8a/AINcGX7' }],
    zero_tap_terms_accepted: true,
  });
  const fresh = uniqueName('reimp');
  const renamed = exported.map((t) => ({ ...t, name: t.name.replace(prefix, fresh) }));
  const dir = await mkdtemp(join(tmpdir(), 'hsm-auth-'));
  const file = join(dir, 'codigos.json');
  await writeFile(file, JSON.stringify(renamed, null, 2));
  await page.getByRole('link', { name: 'Importar' }).focus();
  await page.keyboard.press('Enter');
  await page.getByLabel('Arquivo JSON de modelos').setInputFiles(file);
  await page.getByText('A criar: 3 · Já existem: 0 · Inválidos: 0').waitFor();
  await assertAccessible(page, 'import of authentication templates');
  await page.getByRole('button', { name: 'Criar 3 modelos' }).focus();
  await page.keyboard.press('Enter');
  await page.getByText('Importação concluída: 3 modelos criados.').waitFor();
  for (const t of renamed) {
    const back = await findByName(t.name);
    assert.ok(back, `${t.name} imported`);
    assert.deepEqual(back.components, t.components);
    assert.equal(back.message_send_ttl_seconds, t.message_send_ttl_seconds);
  }
  assert.equal((await api(`/templates?q=${fresh}`)).items.length, 3);
});
