// Shared by the browser tests: the servers run.sh started, Chromium, bounded waits.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

function env(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through browser-tests/run.sh`);
  return value;
}

/** The annals server under test and the second origin (the "site"), no trailing slash. */
export const ANNALS = env('ANNALS_URL');
export const ORIGIN = env('ORIGIN_URL');
export const SCREENSHOTS = process.env.SCREENSHOTS ?? path.resolve('../target/screenshots');

/** Longest wait for anything in a page. */
export const WAIT_MS = 10_000;

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    timeout: 30_000,
  });
}

/**
 * A page in a new context (desktop, English, light unless told), with the page's script
 * errors collected in `page.errors` and `window.__rendered` set to the state the search page
 * last rendered (see the `annals:rendered` event of app.js).
 */
export async function open(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', ...options });
  context.setDefaultTimeout(WAIT_MS);
  context.setDefaultNavigationTimeout(WAIT_MS);
  await context.addInitScript(() => {
    document.addEventListener('annals:rendered', (e) => { window.__rendered = e.detail?.state ?? ''; }, true);
  });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e));
  // Console errors, but not failed loads: a 400 page and the site's missing favicon are expected.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) page.errors.push(new Error(m.text()));
  });
  return page;
}

/**
 * Opens `path` of the annals server in a fresh page of `browser`, runs `body` on it, checks
 * that the page's script raised no error, and closes the page with its context.
 */
export async function visit(browser, path, body, options) {
  const page = await open(browser, options);
  try {
    await page.goto(ANNALS + path);
    await body(page);
    if (page.errors.length > 0) throw new Error(`script errors: ${page.errors.map(String).join('; ')}`);
  } finally {
    await page.context().close();
  }
}

/** Waits until the results shown are those of the URL's state, and none is loading. */
export function settled(page) {
  return page.waitForFunction(() => window.__rendered === location.search.replace(/^\?/, '')
    && document.getElementById('results')?.getAttribute('aria-busy') !== 'true', null, { timeout: WAIT_MS });
}

/** Text of every element matching `selector`. */
export const texts = (page, selector) => page.locator(selector).allTextContents();

/** The number of results the status line says. */
export async function count(page) {
  const text = await page.locator('#status').textContent();
  const n = /\d+/.exec(text ?? '');
  if (!n) throw new Error(`no count in the status "${text}"`);
  return Number(n[0]);
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false });
}
