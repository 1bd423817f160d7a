// axe-core's WCAG 2.1 A/AA check of a page as it is now, shared by the whole-app tests.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

// Evaluated through the DevTools protocol rather than added as an inline <script>, which the
// strict Content-Security-Policy the pages are served with (`--csp strict`) blocks.
const AXE = readFileSync(new URL('../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe on the page as it is now; fails listing every violation and where it is. */
export async function assertAccessible(page, screen) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(AXE);
  }
  const { violations } = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    TAGS,
  );
  const report = violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    ${n.target.join(' >>> ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ')}`);
      return `  ${v.id} (${v.impact}): ${v.help}\n    ${v.helpUrl}\n${nodes.join('\n')}`;
    })
    .join('\n');
  assert.equal(violations.length, 0, `${screen}: ${violations.length} axe violation(s)\n${report}`);
}
