// The whole app under faults: a scripted session of 30 creates, edits and deletes through the
// real UI, against a dev backend failing 30% of the API requests (500, 503, connections dropped
// before or after the work is done) with 0.2–2 s of latency. Each failure must be shown with a
// retry; the script retries as a user would until each operation is done; then the server must
// hold exactly the intended templates: none lost, none duplicated, deleted ones gone.
//
// Not a *.test.mjs file: `cargo xtask test` runs it in its own step ("whole-app tests under
// faults") against its own faulty dev backend:
//   hsm-devserver --static-dir dist --fault-error-rate 0.3 --fault-latency-ms 200..2000 \
//     --fault-seed 7 --review-delay-ms 0
//   HSM_APP_URL=http://ADDR node --test --test-reporter=spec e2e/faults.suite.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserPerFile, shot, APP_URL } from './browser.mjs';
import { deleteDialog, messageBox, nameBox, notice, openNewTemplate } from './screens.mjs';

const OPERATIONS = 30;
/** Attempts a user makes at one step before the suite gives up on it. */
const MAX_ATTEMPTS = 12;
/** Longer than the longest injected latency plus the work: how long one attempt may take. */
const STEP_TIMEOUT = 15_000;
const API = '/api/v1/whatsapp/templates';

const { newPage } = browserPerFile();

/** A small seeded generator, so every run plays the same session. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The session: which operation comes when. Every template is edited at most once (the backend
 * takes one edit per day of an APPROVED template) and only existing ones are edited or deleted.
 */
function plan(prefix) {
  const random = rng(20251126);
  const ops = [];
  const live = [];
  const edited = new Set();
  let n = 0;
  while (ops.length < OPERATIONS) {
    const r = random();
    const editable = live.filter((x) => !edited.has(x));
    if (live.length < 2 || r < 0.45) {
      n += 1;
      const name = `${prefix}_${String(n).padStart(2, '0')}`;
      ops.push({ kind: 'create', name, text: `Olá, o pedido ${n} desta sessão foi registrado com sucesso.` });
      live.push(name);
    } else if (r < 0.75 && editable.length > 0) {
      const name = editable[Math.floor(random() * editable.length)];
      edited.add(name);
      ops.push({ kind: 'edit', name, text: `Olá, o pedido de ${name.slice(-2)} foi alterado na operação ${ops.length + 1}.` });
    } else {
      const [name] = live.splice(Math.floor(random() * live.length), 1);
      ops.push({ kind: 'delete', name });
    }
  }
  return ops;
}

/** What the session saw on the wire and on screen, for the checks at the end. */
function observe(page) {
  const seen = {
    inflight: new Set(),
    writeFailures: [], // writes that failed on the wire (5xx or no answer)
    ownWork: { replayed: 0, stale: 0, gone: 0 }, // retries that met work already done
    posts: [], // { name, key }
    created: new Map(), // name -> Set of ids answered with 201
    shown: [], // every error the page showed: { text, retry }
    pageErrors: [],
    retries: 0, // retries clicked, at any step
    writeRetries: 0, // retries clicked after a save or a delete failed
  };
  const isApi = (req) => new URL(req.url()).pathname.startsWith('/api/');
  const isWrite = (req) => ['POST', 'PUT', 'DELETE'].includes(req.method())
    && new URL(req.url()).pathname.startsWith(API);
  page.on('request', (req) => {
    if (!isApi(req)) return;
    seen.inflight.add(req);
    if (req.method() === 'POST' && new URL(req.url()).pathname === API) {
      const body = JSON.parse(req.postData() ?? '{}');
      seen.posts.push({ name: body.name, key: req.headers()['idempotency-key'] });
    }
  });
  page.on('requestfailed', (req) => {
    seen.inflight.delete(req);
    const aborted = (req.failure()?.errorText ?? '').includes('ERR_ABORTED');
    if (isWrite(req) && !aborted) seen.writeFailures.push(`${req.method()} ${req.failure()?.errorText}`);
  });
  page.on('requestfinished', (req) => seen.inflight.delete(req));
  page.on('response', async (res) => {
    const req = res.request();
    if (!isWrite(req)) return;
    const status = res.status();
    if (status >= 500) seen.writeFailures.push(`${req.method()} ${status}`);
    if (req.method() === 'POST' && status === 201) {
      if (res.headers()['idempotent-replayed'] === 'true') seen.ownWork.replayed += 1;
      const t = await res.json().catch(() => null);
      if (t) {
        if (!seen.created.has(t.name)) seen.created.set(t.name, new Set());
        seen.created.get(t.name).add(t.id);
      }
    }
    if (req.method() === 'PUT' && status === 412) seen.ownWork.stale += 1;
    if (req.method() === 'DELETE' && status === 404) seen.ownWork.gone += 1;
  });
  page.on('pageerror', (e) => seen.pageErrors.push(e.message));
  return seen;
}

/** Records, in the page, every error element the app puts on screen and whether a retry came with it. */
async function watchErrors(page, seen) {
  await page.exposeFunction('__hsmShownError', (info) => seen.shown.push(info));
  await page.addInitScript(() => {
    const retryOf = (el) => {
      const own = [...el.querySelectorAll('button')].some((b) => b.textContent.includes('Tentar novamente'));
      const dialog = el.closest('dialog');
      const confirm = dialog?.querySelector('button[data-action=confirm]');
      return own || Boolean(confirm && confirm.textContent.includes('Tentar novamente'));
    };
    new MutationObserver((records) => {
      for (const r of records) {
        for (const node of r.addedNodes) {
          if (!(node instanceof Element)) continue;
          const errors = node.matches('.hsm-error') ? [node] : [...node.querySelectorAll('.hsm-error')];
          for (const el of errors) {
            // Let the rest of the same update (a relabelled button) render first.
            setTimeout(() => window.__hsmShownError({ text: el.textContent.trim(), retry: retryOf(el) }), 60);
          }
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
}

/** Waits until no API request is under way for a moment (or 20 s have passed). */
async function settle(page, seen) {
  const until = Date.now() + 20_000;
  let quietSince = Date.now();
  while (Date.now() < until) {
    if (seen.inflight.size > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= 300) return;
    await page.waitForTimeout(50);
  }
}

/** Which of the named locators shows first (checked after each settle), within STEP_TIMEOUT. */
async function first(page, seen, choices) {
  const until = Date.now() + STEP_TIMEOUT;
  for (;;) {
    await settle(page, seen);
    for (const [kind, locator] of Object.entries(choices)) {
      if (await locator.first().isVisible().catch(() => false)) return kind;
    }
    if (Date.now() > until) return null;
    await page.waitForTimeout(100);
  }
}

/**
 * Runs one step of a user's session: `act` starts it, `outcomes` names what can show next.
 * An error is retried with the control shown with it; anything else unexpected fails the suite.
 */
async function step(page, seen, what, act, { done, error, retry, write = false, ...others }) {
  await act();
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const kind = await first(page, seen, { done, error, ...others });
    if (kind === 'done') return attempt;
    if (kind === null) {
      await shot(page, 'faults-stuck.png');
      assert.fail(`${what}: neither done nor an error shown within ${STEP_TIMEOUT} ms`);
    }
    if (kind !== 'error') {
      await shot(page, 'faults-unexpected.png');
      assert.fail(`${what}: unexpected ${kind}`);
    }
    const control = retry();
    assert.ok(await control.isVisible(), `${what}: the error comes with a retry`);
    seen.retries += 1;
    if (write) seen.writeRetries += 1;
    await control.click();
  }
  assert.fail(`${what}: not done after ${MAX_ATTEMPTS} attempts`);
}

async function editorSave(page, seen, what, name) {
  const errorPanel = page.locator('.hsm-editor__form div.hsm-error[role=alert]');
  await step(page, seen, `${what}: save`, () => page.getByRole('button', { name: 'Salvar' }).click(), {
    done: notice(page, name),
    error: errorPanel,
    retry: () => errorPanel.getByRole('button', { name: 'Tentar novamente' }),
    conflict: page.locator('dialog[open]', { hasText: 'Outra pessoa alterou' }),
    fieldError: page.locator('.hsm-editor__summary'),
    write: true,
  });
}

async function create(page, seen, op) {
  await openNewTemplate(page);
  await nameBox(page).fill(op.name);
  await messageBox(page).fill(op.text);
  await editorSave(page, seen, `create ${op.name}`, op.name);
}

async function edit(page, seen, op, id) {
  const loadError = page.locator('.hsm-editor div.hsm-error[role=alert]');
  const body = messageBox(page);
  await step(page, seen, `edit ${op.name}: open`, () => page.goto(`${APP_URL}/${id}/edit`), {
    done: body,
    error: loadError,
    retry: () => loadError.getByRole('button', { name: 'Tentar novamente' }),
  });
  await body.fill(op.text);
  await editorSave(page, seen, `edit ${op.name}`, op.name);
}

async function remove(page, seen, op) {
  const listError = page.locator('.hsm-list div.hsm-error[role=alert]');
  const row = page.locator('tbody tr.hsm-row', { hasText: op.name });
  await step(page, seen, `delete ${op.name}: open the list`, () => page.goto(`${APP_URL}/?q=${op.name}`), {
    done: row,
    error: listError,
    retry: () => listError.getByRole('button', { name: 'Tentar novamente' }),
  });
  await row.locator('button[data-action=delete]').click();
  const dialog = deleteDialog(page);
  await dialog.waitFor({ timeout: 5_000 });
  const dialogError = dialog.locator('.hsm-error[role=alert]');
  await step(page, seen, `delete ${op.name}`, () => dialog.getByRole('button', { name: 'Excluir', exact: true }).click(), {
    done: notice(page, op.name).filter({ hasText: 'excluído' }),
    error: dialogError,
    retry: () => dialog.locator('button[data-action=confirm]', { hasText: 'Tentar novamente' }),
    write: true,
  });
}

/** The backend's templates of this session, read through the faulty API with retries of its own. */
async function serverTemplates(prefix) {
  for (let attempt = 1; attempt <= 40; attempt += 1) {
    try {
      const res = await fetch(`${APP_URL}${API}?q=${prefix}&per_page=100`, { signal: AbortSignal.timeout(10_000) });
      if (res.ok) {
        const page = await res.json();
        assert.ok(page.total <= 100, 'one page holds the session');
        return page.items.filter((t) => t.name.startsWith(`${prefix}_`));
      }
    } catch {
      // A dropped connection or a timeout: try again, as with a 5xx.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.fail('the backend could not be read in 40 attempts');
}

test('30 creates, edits and deletes under faults end with exactly the intended templates', { timeout: 10 * 60_000 }, async () => {
  const started = Date.now();
  const prefix = `falha_${Date.now().toString(36)}`;
  const ops = plan(prefix);
  const count = (k) => ops.filter((o) => o.kind === k).length;
  assert.ok(count('create') >= 10 && count('edit') >= 5 && count('delete') >= 5, 'a real mix');

  const { page } = await newPage();
  page.on('dialog', (d) => d.accept());
  const seen = observe(page);
  await watchErrors(page, seen);

  /** name -> the body text the server must hold, or null once deleted. */
  const intended = new Map();
  for (const [i, op] of ops.entries()) {
    const t0 = Date.now();
    if (op.kind === 'create') {
      await create(page, seen, op);
      intended.set(op.name, op.text);
    } else if (op.kind === 'edit') {
      const ids = seen.created.get(op.name);
      assert.equal(ids?.size, 1, `${op.name} was created once`);
      await edit(page, seen, op, [...ids][0]);
      intended.set(op.name, op.text);
    } else {
      await remove(page, seen, op);
      intended.set(op.name, null);
    }
    console.log(`# ${String(i + 1).padStart(2)} ${op.kind.padEnd(6)} ${op.name} (${Date.now() - t0} ms)`);
  }
  await shot(page, 'faults-end.png');
  await page.close();

  // The server holds exactly what the session meant: each kept template once, with its last
  // text; the deleted ones gone; nothing else of this session.
  const stored = await serverTemplates(prefix);
  const byName = new Map();
  for (const t of stored) byName.set(t.name, [...(byName.get(t.name) ?? []), t]);
  for (const [name, text] of intended) {
    if (text === null) {
      assert.ok(!byName.has(name), `${name} was deleted`);
    } else {
      assert.equal(byName.get(name)?.length, 1, `${name} is stored once`);
      const body = byName.get(name)[0].components.find((c) => c.type === 'BODY');
      assert.equal(body.text, text, `${name} holds its last text`);
    }
  }
  assert.deepEqual([...byName.keys()].sort(), [...intended].filter(([, t]) => t !== null).map(([n]) => n).sort());

  // Creates were never duplicated: one id per name, every retry with the first attempt's key.
  for (const [name, ids] of seen.created) assert.equal(ids.size, 1, `${name}: one template`);
  const keys = new Map();
  for (const { name, key } of seen.posts) {
    assert.ok(key, `${name}: sent with an Idempotency-Key`);
    keys.set(name, new Set([...(keys.get(name) ?? []), key]));
  }
  for (const [name, k] of keys) assert.equal(k.size, 1, `${name}: retries reuse the key`);

  // Every failure the page met was shown with a retry; every failed write was shown.
  const withoutRetry = seen.shown.filter((e) => !e.retry);
  assert.deepEqual(withoutRetry, [], 'every error shown had a retry control');
  const failedWrites = seen.writeFailures.length;
  // A failed write is shown and retried; a retry can also follow a failed look-up after a 412.
  assert.ok(seen.writeRetries >= failedWrites, `${seen.writeRetries} retries for ${failedWrites} failed writes`);
  assert.deepEqual(seen.pageErrors, []);

  const secs = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`# ${ops.length} operations (${count('create')} creates, ${count('edit')} edits, ${count('delete')} deletes) in ${secs} s`);
  console.log(`# errors shown: ${seen.shown.length}, retries clicked: ${seen.retries} (${seen.writeRetries} of saves and deletes), failed writes: ${failedWrites}`);
  console.log(`# retries that met work already done: ${seen.ownWork.replayed} replayed creates, ${seen.ownWork.stale} stale edits, ${seen.ownWork.gone} deletes of the gone`);
});
