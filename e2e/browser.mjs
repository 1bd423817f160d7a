// Shared set-up of the whole-app tests: Debian's Chromium driven by playwright-core (no
// browser downloads), with the flags that keep it off the network.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

export const APP_URL = process.env.HSM_APP_URL ?? 'http://127.0.0.1:8080';
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

/** JSON from the dev backend's API, the same data the page should show. */
export async function api(path) {
  const res = await fetch(`${APP_URL}/api/v1/whatsapp${path}`);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res.json();
}
