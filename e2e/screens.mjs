// The app's screens as the admin meets them: the controls by their role and label (or the form
// path a field is bound to), and the steps the whole-app tests take again and again.
import { APP_URL } from './browser.mjs';

/** The editor's control of a form path (`body.text`, `buttons.1.url`). */
export const field = (page, path) => page.locator(`[data-path="${path}"]`);
export const nameBox = (page) => page.getByRole('textbox', { name: /^Nome/ });
export const messageBox = (page) => page.getByRole('textbox', { name: /^Mensagem/ });
export const formatBox = (page) => page.getByRole('combobox', { name: 'Variáveis', exact: true });
export const headerKind = (page) => page.getByRole('combobox', { name: /^Cabeçalho/ });
export const preview = (page) => page.locator('[data-testid=preview-bubble]');
/** The summary that a save with errors shows. */
export const errorSummary = (page) => page.getByRole('alert').filter({ hasText: 'Corrija os erros' });
export const editorHeading = (page, name = 'Novo template') => page.getByRole('heading', { name });
/** The notice after a save or a delete that names `text`. */
export const notice = (page, text) => page.locator('.hsm-notice').filter({ hasText: text });

/** The list's row of template `id`. */
export const row = (page, id) => page.locator(`tr[data-id="${id}"]`);
export const searchBox = (page) => page.getByRole('searchbox', { name: 'Pesquisar' });
export const newLink = (page) => page.getByRole('link', { name: 'Novo', exact: true });
export const deleteDialog = (page) => page.getByRole('dialog', { name: 'Excluir template?' });

/**
 * Waits until the app shows its own list: on a cold load of the bare list the rows are first
 * painted before the app starts (src/first_paint.js) and then taken over; until then the page
 * holds the painted copy, whose elements go away. Documents and open shadow roots alike.
 */
export async function appShown(page, timeout = 30_000) {
  await page.waitForFunction(() => {
    const roots = [document, ...[...document.querySelectorAll('*')].map((e) => e.shadowRoot).filter(Boolean)];
    const painted = roots.some((r) => r.querySelector('[data-hsm-painted]'));
    const app = roots.some((r) => r.querySelector('.hsm-app:not([data-hsm-painted]) .hsm-page'));
    return app && !painted;
  }, null, { timeout });
}

/** Opens the editor of a new template at `path` (standalone `/new` unless said) and waits for it. */
export async function openNewTemplate(page, path = '/new') {
  await page.goto(`${APP_URL}${path}`);
  await editorHeading(page).waitFor({ timeout: 20_000 });
}

/** "Adicionar botão", then the button kind from its menu. */
export async function addButton(page, kind) {
  await page.getByRole('button', { name: 'Adicionar botão' }).click();
  await page.getByRole('button', { name: kind, exact: true }).click();
}

/** "Salvar", then the notice that `name` was saved. */
export async function saveAndSeeNotice(page, name) {
  await page.getByRole('button', { name: 'Salvar' }).click();
  await notice(page, name).waitFor({ timeout: 10_000 });
}

/** Types `text` into the list's search and waits for it in the URL. */
export async function searchFor(page, text) {
  await searchBox(page).fill(text);
  await page.waitForURL((u) => u.searchParams.get('q') === text);
}
