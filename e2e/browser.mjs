// Shared set-up of the whole-app tests: Debian's Chromium driven by playwright-core (no
// browser downloads), with the flags that keep it off the network; pages that must not throw;
// the dev backend's API, for what a test owns and what the page should show.
import { after, afterEach, before } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

export const APP_URL = process.env.HSM_APP_URL ?? 'http://127.0.0.1:8080';
/** Where the demo portal embeds the app (`<citrus-hsm-templates>`). */
export const PORTAL = '/admin/configuracoes-gerais/whatsapp-hsm';
export const SCREENSHOTS = new URL('../target/screenshots/', import.meta.url);
mkdirSync(SCREENSHOTS, { recursive: true });

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A desktop-sized page that records uncaught page errors in `errors`. */
export async function openPage(browser, options = {}) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, ...options });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

/**
 * The browser of one test file: Chromium, launched before the file's first test and closed
 * after its last. `newPage(options)` opens a desktop-sized page in a fresh context (see
 * `openPage`); after each test every page it opened is closed, and an uncaught error in any of
 * them fails that test.
 */
export function browserPerFile() {
  let browser;
  const opened = [];
  before(async () => { browser = await launch(); });
  afterEach(async () => {
    const pages = opened.splice(0);
    // A test may have closed a page itself already.
    await Promise.all(pages.map(({ page }) => page.isClosed() || page.close()));
    for (const { errors } of pages) assert.deepEqual(errors, [], 'uncaught errors in the page');
  });
  after(async () => { await browser?.close(); });
  return {
    async newPage(options) {
      const page = await openPage(browser, options);
      opened.push(page);
      return page;
    },
  };
}

/** Saves a screenshot as target/screenshots/NAME. */
export function shot(page, name, { fullPage = true } = {}) {
  return page.screenshot({ path: new URL(name, SCREENSHOTS).pathname, fullPage });
}

/** JSON from the dev backend's API, the same data the page should show. */
export async function api(path) {
  const res = await fetch(`${APP_URL}/api/v1/whatsapp${path}`);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res.json();
}

/** The stored template named `name`, if there is one. */
export async function findByName(name) {
  const { items } = await api(`/templates?q=${name}`);
  return items.find((t) => t.name === name);
}

/**
 * A seeded APPROVED template with free buttons (the fullest locked editor); authentication
 * templates, whose editor has other fields, do not count.
 */
export async function seededApprovedWithButtons() {
  const { items } = await api('/templates?status=APPROVED&per_page=50');
  const approved = items.find((t) => t.category !== 'AUTHENTICATION' && t.components.some((c) => c.type === 'BUTTONS'));
  assert.ok(approved, 'the seed has an approved template with buttons');
  return approved;
}

/** A template name no other test (or earlier run) uses: `prefix_<time>_<random>`. */
export function uniqueName(prefix) {
  return `${prefix}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
}

/**
 * Creates a template through the API (a unique name from `prefix`, a plain pt_BR UTILITY body
 * unless `fields` says otherwise), so a test owns what it changes.
 */
export async function createTemplate(prefix, fields = {}) {
  const draft = {
    name: uniqueName(prefix),
    language: 'pt_BR',
    category: 'UTILITY',
    components: [{ type: 'BODY', text: 'Olá, seu pedido foi enviado hoje.' }],
    ...fields,
  };
  const res = await fetch(`${APP_URL}/api/v1/whatsapp/templates`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `e2e-${draft.name}` },
    body: JSON.stringify(draft),
  });
  if (res.status !== 201) {
    throw new Error(`creating ${draft.name}: HTTP ${res.status} ${await res.text()}`);
  }
  return res.json();
}

/** Polls `GET path` until `predicate(json)` holds; returns that JSON. */
export async function waitForApi(path, predicate, { timeout = 15_000, what = path } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const json = await api(path);
    if (predicate(json)) return json;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
