// The app under a strict Content-Security-Policy, as many enterprise portals send it: the dev
// backend serves every page with `--csp strict` (cargo xtask test starts it so). The demo
// portal and the standalone page must work and look right with no `securitypolicyviolation`:
// no inline <style> or style="", no inline script, no eval.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserPerFile, createTemplate, shot, APP_URL, PORTAL } from './browser.mjs';
import { appShown, deleteDialog, editorHeading, messageBox, newLink } from './screens.mjs';

const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const { newPage } = browserPerFile();

/**
 * Opens `path` and checks the page came with the strict policy. Every violation the page
 * reports (the event, and Chromium's console message) is collected from before the first script.
 */
async function openStrict(path) {
  const { page, errors } = await newPage();
  const refused = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
  });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push({
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        source: `${e.sourceFile}:${e.lineNumber}`,
        sample: e.sample,
      });
    }, true);
  });
  const res = await page.goto(`${APP_URL}${path}`);
  assert.equal(
    res.headers()['content-security-policy'],
    STRICT,
    `${path} must come with the strict policy: start the dev backend with --csp strict`,
  );
  await appShown(page);
  const violations = async () => ({ events: await page.evaluate(() => window.__csp), console: refused });
  return { page, errors, violations };
}

async function assertNoViolations({ violations, errors }, where) {
  const v = await violations();
  assert.deepEqual(v, { events: [], console: [] }, `${where}: the policy blocked something`);
  assert.deepEqual(errors, [], `${where}: page errors`);
}

/** Computed style properties of the first element matching `selector` (pierces the shadow root). */
function styleOf(page, selector, props) {
  return page.locator(selector).first().evaluate((el, names) => {
    const s = getComputedStyle(el);
    return Object.fromEntries(names.map((n) => [n, s.getPropertyValue(n)]));
  }, props);
}

test('the demo portal under the strict policy: list, editor with preview, delete dialog', async () => {
  const created = await createTemplate('csp_excluir');
  const strict = await openStrict(`${PORTAL}/?q=${created.name}`);
  const { page } = strict;
  const row = page.locator(`citrus-hsm-templates tr[data-id="${created.id}"]`);
  await row.waitFor({ timeout: 20_000 });

  // The rules reach the shadow root through an adopted sheet, not an inline <style>.
  const sheets = await page.evaluate(() => {
    const root = document.querySelector('citrus-hsm-templates').shadowRoot;
    return { adopted: root.adoptedStyleSheets.length, inline: root.querySelectorAll('style').length };
  });
  assert.deepEqual(sheets, { adopted: 1, inline: 0 });
  const newLinkStyle = await styleOf(page, 'citrus-hsm-templates a.hsm-btn--primary', ['background-color', 'font-family', 'text-transform']);
  assert.equal(newLinkStyle['background-color'], 'rgb(11, 110, 79)', "the app's primary colour applies");
  assert.ok(!newLinkStyle['font-family'].includes('Georgia'), `the app's font, not the portal's: ${newLinkStyle['font-family']}`);
  assert.equal(newLinkStyle['text-transform'], 'none');
  const table = await styleOf(page, 'citrus-hsm-templates table', ['border-collapse', 'border-top-width']);
  assert.deepEqual(table, { 'border-collapse': 'collapse', 'border-top-width': '0px' });
  await shot(page, 'csp-portal-list.png');

  // The delete dialog, styled.
  await row.locator('[data-action="delete"]').click();
  const dialog = deleteDialog(page);
  await dialog.waitFor();
  const d = await dialog.evaluate((el) => {
    const s = getComputedStyle(el);
    return { radius: s.borderTopLeftRadius, maxWidth: s.maxWidth, border: s.borderTopWidth };
  });
  assert.deepEqual(d, { radius: '6px', maxWidth: '480px', border: '1px' });
  await shot(page, 'csp-portal-delete.png');
  await dialog.getByRole('button', { name: 'Cancelar' }).click();
  await dialog.waitFor({ state: 'hidden' });

  // The editor and its live preview.
  await newLink(page).click();
  await editorHeading(page).waitFor({ timeout: 20_000 });
  await messageBox(page).fill('Olá *cliente*, seu pedido saiu hoje.');
  const bubble = page.locator('citrus-hsm-templates [data-testid="preview-bubble"]');
  await bubble.locator('strong', { hasText: 'cliente' }).waitFor();
  const b = await styleOf(page, 'citrus-hsm-templates [data-testid="preview-bubble"]', ['background-color', 'max-width']);
  assert.deepEqual(b, { 'background-color': 'rgb(255, 255, 255)', 'max-width': '340px' });
  const chat = await styleOf(page, 'citrus-hsm-templates .hsm-preview__chat', ['background-color']);
  assert.equal(chat['background-color'], 'rgb(229, 221, 213)');
  await shot(page, 'csp-portal-editor.png');

  await assertNoViolations(strict, 'demo portal');
});

test('the standalone page under the strict policy: no inline script, styles apply', async () => {
  const html = await (await fetch(`${APP_URL}/`)).text();
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>/g)].map((m) => m[0]);
  assert.deepEqual(inline, [], 'index.html has no inline script');
  assert.doesNotMatch(html, /<style\b|\sstyle=/, 'index.html has no inline style');

  const strict = await openStrict('/');
  const { page } = strict;
  await page.locator('tbody tr').first().waitFor({ timeout: 20_000 });
  const link = await styleOf(page, 'a.hsm-btn--primary', ['background-color']);
  assert.equal(link['background-color'], 'rgb(11, 110, 79)');
  await newLink(page).click();
  await messageBox(page).fill('Olá *cliente*');
  await page.locator('[data-testid="preview-bubble"] strong').waitFor();
  await assertNoViolations(strict, 'standalone page');
});

test('the check itself sees what the policy blocks: an inline <style> in the shadow root', async () => {
  // What the app did before: its stylesheet as an inline <style> inside the shadow root.
  const strict = await openStrict(`${PORTAL}/`);
  const { page } = strict;
  await page.locator('citrus-hsm-templates table').waitFor({ timeout: 20_000 });
  const applied = await page.evaluate(async () => {
    const root = document.querySelector('citrus-hsm-templates').shadowRoot;
    const style = document.createElement('style');
    style.textContent = '.hsm-app { outline: 7px solid rgb(255, 0, 0); }';
    root.append(style);
    await new Promise((r) => setTimeout(r, 100));
    return getComputedStyle(root.querySelector('.hsm-app')).outlineStyle;
  });
  assert.equal(applied, 'none', 'the inline rule was not applied');
  const v = await strict.violations();
  assert.ok(
    v.events.some((e) => e.directive === 'style-src-elem'),
    `a style-src-elem violation was reported: ${JSON.stringify(v)}`,
  );
});
