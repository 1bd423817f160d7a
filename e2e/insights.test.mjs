// A template's insights, the whole app: opened from its list row with the keyboard alone, the
// window switched with the keyboard (no request), the funnel and the clicks per button read
// against the dev backend's numbers, the table of days toggled, the CSV exported and checked
// row by row against `GET …/insights`, the chunk failing to load and retried; axe on the
// screen, screenshots at 1366 and 360 px in pt-BR and es.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { browserPerFile, shot, api, APP_URL, PORTAL } from './browser.mjs';
import { assertAccessible } from './axe.mjs';

const { newPage } = browserPerFile();

/** Presses Tab until the focus is on `selector`. */
async function tabTo(page, selector, max = 120) {
  for (let i = 0; i < max; i += 1) {
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${selector}`);
}

/** A seeded template with counted buttons, sends and other languages of its name. */
async function richTemplate() {
  const { items } = await api('/template-groups?per_page=100');
  for (const group of items.filter((g) => g.templates.length > 1)) {
    for (const t of group.templates) {
      const answer = await api(`/templates/${t.id}/insights?window=90d`);
      if (answer.buttons.length > 0 && answer.points.some((p) => p.sent > 0)) return { template: t, group };
    }
  }
  throw new Error('the seed has no template with counted buttons and other languages');
}

/** Sums of a `GET …/insights` answer, as the funnel shows them. */
function totals(answer) {
  const sum = (f) => answer.points.reduce((n, p) => n + f(p), 0);
  return {
    sent: sum((p) => p.sent),
    delivered: sum((p) => p.delivered),
    read: sum((p) => p.read),
    clicked: sum((p) => p.clicked.reduce((a, b) => a + b, 0)),
    perButton: answer.buttons.map((_, i) => sum((p) => p.clicked[i] ?? 0)),
  };
}

const count = (page, step) => page.locator(`[data-step=${step}] .hsm-funnel__count`).getAttribute('data-count').then(Number);
const chart = (page) => page.locator('svg.hsm-chart__svg');
/** How many points the line of `series` has. */
const points = (page, series) =>
  page.locator(`svg.hsm-chart__svg path[data-series=${series}]`).getAttribute('d').then((d) => d.match(/[ML]/g).length);

test('window, funnel, clicks per button, table and CSV match the backend, by keyboard', async () => {
  const { template, group } = await richTemplate();
  const { page } = await newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const insightsAsked = [];
  page.on('request', (r) => { if (r.url().includes('/insights?')) insightsAsked.push(r.url()); });
  // The page is served with the strict policy: the chart's SVG must not need anything it blocks.
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  // From the list, with the keyboard alone: Tab to the row's "Números", Enter.
  await page.goto(`${APP_URL}/?q=${template.name}`);
  await page.locator(`tr[data-id="${template.id}"]`).waitFor({ timeout: 20_000 });
  await page.locator('body').focus();
  await tabTo(page, `tr[data-id="${template.id}"] a[data-action=insights]`);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${APP_URL}/${template.id}/insights`);
  await chart(page).waitFor();
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), `Desempenho de ${template.name}`);
  await assert.doesNotReject(page.getByRole('link', { name: 'Editar template' }).waitFor());
  assert.equal(await page.getByRole('link', { name: 'Ver histórico' }).getAttribute('href'), `/${template.id}/history`);

  // 30 days unless the URL says otherwise; the funnel is the backend's.
  const month = await api(`/templates/${template.id}/insights?window=30d`);
  let sums = totals(month);
  for (const step of ['sent', 'delivered', 'read', 'clicked']) assert.equal(await count(page, step), sums[step], step);
  assert.equal(await points(page, 'sent'), 30);
  await shot(page, 'insights-pt-BR-1366.png');
  await assertAccessible(page, 'insights');

  // The keyboard alone: Tab onto the window's radio group, an arrow to the 7 days before it.
  const asked = insightsAsked.length;
  const radio30 = page.getByRole('radio', { name: '30 dias' });
  await radio30.focus();
  await page.keyboard.press('ArrowLeft');
  await page.waitForURL(/window=7d/);
  assert.ok(await page.getByRole('radio', { name: '7 dias' }).isChecked());
  await page.waitForFunction(() => document.querySelector('path[data-series=sent]')?.getAttribute('d').match(/[ML]/g).length === 7);
  const week = await api(`/templates/${template.id}/insights?window=7d`);
  sums = totals(week);
  for (const step of ['sent', 'delivered', 'read', 'clicked']) assert.equal(await count(page, step), sums[step], step);
  const rate = await page.locator('[data-step=delivered] .hsm-funnel__rate').textContent();
  const tenths = Math.round((sums.delivered / sums.sent) * 1000);
  assert.equal(rate, `${Math.floor(tenths / 10)},${tenths % 10}% das enviadas`);
  assert.equal(insightsAsked.length, asked, 'a window switch asks for nothing');

  // Clicks per button: the backend's sums, button by button.
  for (const [i, button] of week.buttons.entries()) {
    const cell = page.locator('.hsm-insights__buttons tbody tr').nth(i).locator('td[data-clicks]');
    assert.equal(Number(await cell.getAttribute('data-clicks')), sums.perButton[i], button.text);
  }

  // The other languages of the name, side by side, each linking to its own insights.
  const languages = page.locator('.hsm-insights__languages tbody tr');
  await languages.nth(group.templates.length - 1).waitFor();
  assert.equal(await languages.count(), group.templates.length);
  const other = group.templates.find((t) => t.id !== template.id);
  const otherWeek = totals(await api(`/templates/${other.id}/insights?window=7d`));
  const otherRow = page.locator(`.hsm-insights__languages tr[data-language=${other.language}]`);
  assert.equal(Number(await otherRow.locator('td[data-sent]').getAttribute('data-sent')), otherWeek.sent);
  assert.equal(await otherRow.getByRole('link').getAttribute('href'), `/${other.id}/insights?window=7d`);

  // The table of days, with the keyboard.
  const toggle = page.getByRole('button', { name: 'Mostrar a tabela dos dias' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  const hide = page.getByRole('button', { name: 'Ocultar a tabela dos dias' });
  assert.equal(await hide.getAttribute('aria-expanded'), 'true');
  const controlled = page.locator(`[id="${await hide.getAttribute('aria-controls')}"]`);
  assert.equal(await controlled.locator('tbody tr').count(), 7);

  // The CSV of the 7 days, row by row the backend's points.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exportar CSV' }).press('Enter'),
  ]);
  assert.equal(download.suggestedFilename(), `${template.name}_${template.language}_${week.from}_${week.to}.csv`);
  const lines = (await readFile(await download.path(), 'utf8')).trimEnd().split('\r\n');
  assert.match(lines[0], /^date,sent,delivered,read,clicked,/);
  assert.equal(lines.length, 1 + week.points.length);
  for (const [i, p] of week.points.entries()) {
    const cells = lines[i + 1].split(',');
    assert.deepEqual(cells.slice(0, 5), [p.date, p.sent, p.delivered, p.read, p.clicked.reduce((a, b) => a + b, 0)].map(String));
  }
  await assertAccessible(page, 'insights with the table open');

  await page.setViewportSize({ width: 360, height: 800 });
  await page.waitForFunction(() => {
    const svg = document.querySelector('svg.hsm-chart__svg');
    return svg && Number(svg.getAttribute('viewBox').split(' ')[2]) < 400;
  });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `nothing wider than 360 px (${overflow} px over)`);
  await shot(page, 'insights-pt-BR-360.png');
  await assertAccessible(page, 'insights at 360 px');
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no Content-Security-Policy violation');
});

test('in Spanish, in the portal: words, numbers and dates of the locale, at 1366 and 360 px', async () => {
  const { template } = await richTemplate();
  const { page } = await newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(`${APP_URL}${PORTAL}/${template.id}/insights?locale=es&window=90d`);
  await page.getByRole('heading', { name: `Rendimiento de ${template.name}` }).waitFor();
  await chart(page).waitFor();
  assert.ok(await page.getByRole('radio', { name: '90 días' }).isChecked());
  assert.equal(await points(page, 'read'), 90);
  const range = await page.locator('.hsm-insights__range').textContent();
  assert.match(range, /^Del \d{2}\/\d{2}\/\d{4} al \d{2}\/\d{2}\/\d{4}$/);
  await shot(page, 'insights-es-1366.png');
  await assertAccessible(page, 'insights in Spanish');
  await page.setViewportSize({ width: 360, height: 800 });
  await page.waitForTimeout(300);
  await shot(page, 'insights-es-360.png');
});

test('the insights chunk failing to load shows the error panel; its retry brings the screen', async () => {
  const { template } = await richTemplate();
  const { page } = await newPage();
  let down = true;
  let tries = 0;
  await page.route((url) => /\/split_insights\.wasm$/.test(url.pathname), (route) => {
    tries += 1;
    return down ? route.abort('internetdisconnected') : route.continue();
  });
  await page.goto(`${APP_URL}/${template.id}/insights`);
  const panel = page.locator('[data-state=chunk-failed] [role=alert]');
  await panel.waitFor();
  assert.ok(tries > 0);
  down = false;
  await panel.getByRole('button', { name: 'Tentar novamente' }).click();
  await chart(page).waitFor();
  assert.equal(await page.locator('[data-state=chunk-failed]').count(), 0);
});

test('an unknown template says so, with a link to the list', async () => {
  const { page } = await newPage();
  await page.goto(`${APP_URL}/987654321987/insights`);
  await page.getByRole('heading', { name: 'Template não encontrado' }).waitFor();
  await page.getByRole('link', { name: 'Voltar para a lista' }).click();
  await page.locator('table tbody tr').first().waitFor();
});
