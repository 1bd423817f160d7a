// Two admins share one browser (one contact-centre workstation) through the demo portal, which
// passes its signed-in user as the element's `user-id`: neither is ever offered the other's
// unsaved draft, each gets their own back after a reload, and "Sair" (logout) clears only the
// drafts of who leaves.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, uniqueName, APP_URL } from './browser.mjs';

const BASE = '/admin/configuracoes-gerais/whatsapp-hsm';
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The editor of a new template in the portal, signed in as `user`. */
async function editorAs(page, user) {
  await page.goto(`${APP_URL}${BASE}/new?user=${user}`);
  await page.getByRole('heading', { name: 'Novo template' }).waitFor({ timeout: 20_000 });
}

async function writeDraft(page, name) {
  await page.getByLabel('Nome').fill(name);
  await page.getByRole('textbox', { name: /^Mensagem/ }).fill(`Texto de ${name}.`);
  // Kept on each change; give the effect its turn.
  await page.waitForTimeout(200);
}

/**
 * The name of the draft offered back (restored), or null when none is offered: the offer is
 * rendered with the editor, so once the editor is there it is there or it never will be.
 */
async function offered(page) {
  await page.getByLabel('Nome').waitFor();
  const restore = page.getByRole('button', { name: 'Restaurar rascunho' });
  if (!(await restore.isVisible())) return null;
  await restore.click();
  return page.getByLabel('Nome').inputValue();
}

test('two admins sharing one browser never see each other’s drafts; logout clears its own', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const [ana, bruno] = [uniqueName('rascunho_ana'), uniqueName('rascunho_bruno')];

  await editorAs(page, 'ana');
  await writeDraft(page, ana);
  await editorAs(page, 'bruno');
  assert.equal(await offered(page), null, "Bruno is not offered Ana's draft");
  await writeDraft(page, bruno);

  // Ana signs in again at the same page: the element remounts as her.
  await page.selectOption('#portal-user', 'ana');
  await page.getByRole('button', { name: 'Restaurar rascunho' }).waitFor({ timeout: 10_000 });
  assert.equal(await offered(page), ana);
  await page.getByRole('button', { name: 'Sair' }).click();
  await page.getByText('logout ana: drafts cleared').waitFor();

  await editorAs(page, 'ana');
  assert.equal(await offered(page), null, "Ana's drafts went with her logout");
  await editorAs(page, 'bruno');
  assert.equal(await offered(page), bruno, "Bruno's draft stays his");
  assert.deepEqual(errors, []);
  await context.close();
});
