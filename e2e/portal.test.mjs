// The app embedded in the demo portal through <citrus-hsm-templates>: the portal keeps its
// links and its look, the app keeps its own, deep links reload, unmount leaves nothing behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserPerFile, shot, APP_URL, PORTAL } from './browser.mjs';
import { appShown, newLink } from './screens.mjs';

const { newPage } = browserPerFile();

/** A page of the demo portal (its list unless said). */
async function portalPage(path = `${PORTAL}/`) {
  const { page } = await newPage();
  await page.goto(`${APP_URL}${path}`);
  await appShown(page);
  return page;
}

/** Playwright's CSS locators pierce open shadow roots: these find the app inside the element. */
const appHeading = (page, name) => page.getByRole('heading', { name, exact: true });

test('the app renders inside the portal, in pt-BR and in English', async () => {
  const page = await portalPage();
  await appHeading(page, 'WhatsApp – HSM').waitFor({ timeout: 20_000 });
  await page.locator('citrus-hsm-templates table tbody tr').first().waitFor();
  await shot(page, 'portal-pt-BR.png');
  await page.selectOption('#portal-locale', 'en');
  await page.getByRole('link', { name: 'New', exact: true }).waitFor({ timeout: 5_000 });
  assert.equal(await page.locator('citrus-hsm-templates .hsm-app').getAttribute('lang'), 'en');
  await shot(page, 'portal-en.png');
});

test("the portal's links navigate normally; the app's links stay in the app", async () => {
  const page = await portalPage();
  await appHeading(page, 'WhatsApp – HSM').waitFor({ timeout: 20_000 });
  // A marker on window survives client-side navigation and dies with a full page load.
  await page.evaluate(() => { window.__stillHere = true; });
  await newLink(page).click();
  await page.waitForURL(`**${PORTAL}/new`);
  assert.equal(await page.evaluate(() => window.__stillHere), true, 'in-app link: no reload');
  await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Início' }).click();
  await page.waitForURL('**/admin/');
  await page.getByRole('heading', { name: 'Portal Citrus – Início' }).waitFor();
  assert.equal(await page.evaluate(() => window.__stillHere), undefined, 'portal link: real navigation');
});

test("the portal's CSS does not break the app, and the app's CSS stays out of the portal", async () => {
  // The portal's look before the app exists on the page…
  const { page: bare } = await newPage();
  await bare.goto(`${APP_URL}/admin/`);
  const portalLinkBefore = await bare.locator('nav a').first().evaluate((a) => {
    const s = getComputedStyle(a);
    return { color: s.color, font: s.fontFamily, transform: s.textTransform };
  });
  await bare.close();

  const page = await portalPage();
  await appHeading(page, 'WhatsApp – HSM').waitFor({ timeout: 20_000 });
  const portalLinkAfter = await page.locator('nav a').first().evaluate((a) => {
    const s = getComputedStyle(a);
    return { color: s.color, font: s.fontFamily, transform: s.textTransform };
  });
  assert.deepEqual(portalLinkAfter, portalLinkBefore, 'portal links look the same with the app');
  const portalButton = await page.locator('#portal-button').evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.equal(portalButton, 'rgb(220, 50, 47)');
  // No stylesheet of the app was added to the document itself.
  const documentRules = await page.evaluate(() =>
    [...document.styleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).filter((t) => t.includes('hsm-')));
  assert.deepEqual(documentRules, []);

  const appNew = await newLink(page).evaluate((a) => {
    const s = getComputedStyle(a);
    return { bg: s.backgroundColor, font: s.fontFamily, transform: s.textTransform };
  });
  assert.equal(appNew.bg, 'rgb(11, 110, 79)', "the app's primary button keeps its colour");
  assert.ok(!appNew.font.includes('Georgia'), `the app keeps its font (${appNew.font})`);
  assert.equal(appNew.transform, 'none');
  const tableBorder = await page.locator('citrus-hsm-templates table').evaluate((t) => getComputedStyle(t).borderTopWidth);
  assert.equal(tableBorder, '0px', "the portal's table border does not reach the app");
});

test('the portal can theme the app through custom properties', async () => {
  const page = await portalPage();
  await appHeading(page, 'WhatsApp – HSM').waitFor({ timeout: 20_000 });
  // As a portal under a strict CSP would add it: a constructed sheet, not an inline <style>.
  await page.evaluate(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('citrus-hsm-templates { --hsm-color-primary: rgb(109, 40, 217); }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  });
  const bg = await newLink(page).evaluate((a) => getComputedStyle(a).backgroundColor);
  assert.equal(bg, 'rgb(109, 40, 217)');
});

test('a reload on a deep link inside the app works', async () => {
  const page = await portalPage(`${PORTAL}/new`);
  await page.getByRole('navigation', { name: 'Portal' }).waitFor();
  await page.locator('citrus-hsm-templates h1').first().waitFor({ timeout: 20_000 });
  await page.reload();
  await page.locator('citrus-hsm-templates h1').first().waitFor({ timeout: 20_000 });
  assert.match(page.url(), /\/whatsapp-hsm\/new$/);
});

test('unmounting leaves no nodes and no listeners behind, over repeated mounts', async () => {
  const page = await portalPage();
  await appHeading(page, 'WhatsApp – HSM').waitFor({ timeout: 20_000 });
  const cdp = await page.context().newCDPSession(page);
  const listeners = async () => {
    let total = 0;
    for (const expr of ['window', 'document', 'document.body']) {
      const { result } = await cdp.send('Runtime.evaluate', { expression: expr });
      const { listeners: l } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
      total += l.length;
    }
    return total;
  };
  const cycle = async () => {
    await page.evaluate(() => {
      const el = document.getElementById('hsm');
      window.__hsmParent = el.parentNode;
      window.__hsmNext = el.nextSibling;
      el.remove();
    });
  };
  const remount = async () => {
    await page.evaluate(() => window.__hsmParent.insertBefore(document.getElementById('hsm') ?? window.__hsmEl, window.__hsmNext));
  };
  await page.evaluate(() => { window.__hsmEl = document.getElementById('hsm'); });
  await cycle();
  const shadowNodes = await page.evaluate(() => window.__hsmEl.shadowRoot?.childNodes.length ?? 0);
  assert.equal(shadowNodes, 0, 'the shadow root is emptied on unmount');
  assert.equal(await page.evaluate(() => window.__hsmEl.hasAttribute('data-hsm-mounted')), false);
  const baseline = await listeners();
  for (let i = 0; i < 5; i += 1) {
    await remount();
    await page.locator('citrus-hsm-templates table tbody tr').first().waitFor({ timeout: 20_000 });
    await cycle();
  }
  assert.equal(await listeners(), baseline, 'no listener left behind after 5 mount/unmount cycles');
  assert.equal(await page.evaluate(() => window.__hsmEl.shadowRoot.childNodes.length), 0);
});
