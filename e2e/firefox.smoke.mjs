// The whole app in Firefox: the release build, served by the dev backend, driven over WebDriver
// (selenium-webdriver + geckodriver; Playwright cannot drive Debian's Firefox ESR). The list
// shows the seeded templates, a template is created through the editor, then deleted through
// the list's dialog, each step checked against the API.
//
// Not a `*.test.mjs`: the Chromium run does not pick it up. `cargo xtask test` runs it with
// HSM_APP_URL (the app), GECKODRIVER (the driver's path: given explicitly, so Selenium Manager
// never tries to download one) and FIREFOX (the browser binary).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { Builder, By, until } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { api, uniqueName, waitForApi, APP_URL, SCREENSHOTS } from './browser.mjs';

const GECKODRIVER = process.env.GECKODRIVER;
const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const WAIT = 20_000;

let driver;
before(async () => {
  assert.ok(GECKODRIVER, 'GECKODRIVER names the geckodriver binary');
  const options = new firefox.Options()
    .addArguments('-headless')
    .setBinary(FIREFOX)
    .windowSize({ width: 1280, height: 900 })
    // Keep Firefox off the network: no updates, telemetry, captive-portal or remote settings.
    .setPreference('app.update.enabled', false)
    .setPreference('datareporting.policy.dataSubmissionEnabled', false)
    .setPreference('network.captive-portal-service.enabled', false)
    .setPreference('network.connectivity-service.enabled', false)
    .setPreference('browser.safebrowsing.malware.enabled', false)
    .setPreference('browser.safebrowsing.phishing.enabled', false);
  driver = await new Builder()
    .forBrowser('firefox')
    .setFirefoxOptions(options)
    .setFirefoxService(new firefox.ServiceBuilder(GECKODRIVER))
    .build();
});
after(async () => { await driver?.quit(); });

/** Saves a screenshot as target/screenshots/NAME. */
async function shot(name) {
  writeFileSync(new URL(name, SCREENSHOTS), await driver.takeScreenshot(), 'base64');
}

const css = (selector) => By.css(selector);

/** The first element matching `selector` whose text contains `text`, once there is one. */
async function withText(selector, text) {
  const found = await driver.wait(async () => {
    for (const el of await driver.findElements(css(selector))) {
      if ((await el.getText()).includes(text)) return el;
    }
    return null;
  }, WAIT, `no ${selector} with text ${text}`);
  return found;
}

test('Firefox: the list shows the seeded templates', async () => {
  const { items, total } = await api('/template-groups');
  assert.ok(total > 0, 'the dev backend was seeded');
  await driver.get(`${APP_URL}/`);
  // The rows are painted before the app starts, then taken over by the app's own (a cold load
  // of the bare list): wait for the app's, or an element found now would be gone.
  await driver.wait(() => driver.executeScript(
    "return !document.querySelector('[data-hsm-painted]') && !!document.querySelector('.hsm-app:not([data-hsm-painted]) .hsm-page')",
  ), WAIT, 'the app never took over the painted list');
  await driver.wait(until.elementLocated(css('table tbody tr')), WAIT, 'the list never rendered');
  for (const t of items.slice(0, 5).flatMap((g) => g.templates)) {
    const row = await driver.wait(until.elementLocated(css(`tr[data-id="${t.id}"]`)), WAIT);
    assert.ok((await row.getText()).includes(t.name), `row ${t.id} shows ${t.name}`);
  }
  const entries = await driver.findElements(css('tbody.hsm-group'));
  assert.equal(entries.length, Math.min(total, 25));
  await shot('firefox-list.png');
});

let created;

test('Firefox: a template is created through the editor', async () => {
  const name = uniqueName('e2e_firefox');
  await driver.get(`${APP_URL}/new`);
  await withText('h1, h2', 'Novo template');
  const nameField = await driver.findElement(css('[data-path="name"]'));
  await nameField.sendKeys(name);
  const category = await driver.findElement(css('[data-path="category"]'));
  await category.findElement(css('option[value="UTILITY"]')).click();
  await driver.findElement(css('[data-path="body.text"]'))
    .sendKeys('Olá, seu pedido foi enviado e chega amanhã.');
  // The preview follows the typing.
  await withText('[data-testid=preview-bubble]', 'chega amanhã');
  assert.equal(await nameField.getAttribute('value'), name);
  await shot('firefox-new.png');

  await driver.findElement(css('button[type="submit"]')).click();
  await driver.wait(async () => new URL(await driver.getCurrentUrl()).pathname === '/', WAIT,
    'the editor did not return to the list');
  await withText('.hsm-notice', name);
  const found = await waitForApi(`/templates?q=${name}`, (p) => p.total === 1, { what: `${name} stored` });
  created = found.items[0];
  assert.equal(created.name, name);
  assert.equal(created.category, 'UTILITY');
  assert.equal(created.components.find((c) => c.type === 'BODY')?.text,
    'Olá, seu pedido foi enviado e chega amanhã.');
  // The list it returned to shows the new template under review.
  const row = await driver.wait(until.elementLocated(css(`tr[data-id="${created.id}"]`)), WAIT);
  assert.ok((await row.getText()).includes(name));
});

test('Firefox: the template is deleted through the dialog', async () => {
  assert.ok(created, 'the create step ran');
  await driver.get(`${APP_URL}/?q=${created.name}`);
  const row = await driver.wait(until.elementLocated(css(`tr[data-id="${created.id}"]`)), WAIT);
  await row.findElement(css('[data-action="delete"]')).click();
  const dialog = await driver.wait(until.elementLocated(css('dialog[open]')), WAIT);
  await driver.wait(until.elementIsVisible(dialog), WAIT);
  assert.ok((await dialog.getText()).includes(created.name), 'the dialog names the template');
  await shot('firefox-delete-dialog.png');
  await dialog.findElement(css('[data-action="confirm"]')).click();
  await driver.wait(until.stalenessOf(row), WAIT, 'the row stayed');
  await withText('.hsm-notice', 'excluído');
  const left = await api(`/templates?q=${created.name}`);
  assert.equal(left.total, 0, 'the backend no longer has it');
});
