// Two admins share one browser (one contact-centre workstation) through the demo portal, which
// passes its signed-in user as the element's `user-id`: neither is ever offered the other's
// unsaved draft, each gets their own back after a reload, and "Sair" (logout) clears only the
// drafts of who leaves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserPerFile, uniqueName, PORTAL } from './browser.mjs';
import { messageBox, openNewTemplate } from './screens.mjs';

const { newPage } = browserPerFile();

/** The editor of a new template in the portal, signed in as `user`. */
const editorAs = (page, user) => openNewTemplate(page, `${PORTAL}/new?user=${user}`);

async function writeDraft(page, name) {
  await page.getByLabel('Nome').fill(name);
  await messageBox(page).fill(`Texto de ${name}.`);
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
  // One page, one context: the browser the two admins share.
  const { page } = await newPage();
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
});
