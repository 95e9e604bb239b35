// The widget (GET /widget.js) on a page of another origin (the "site"), calling the API
// across origins.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { ANNALS, ORIGIN, WAIT_MS, launch, screenshot } from '../lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function withSite(path, body, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  context.setDefaultTimeout(WAIT_MS);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(`${ORIGIN}${path}${path.includes('?') ? '&' : '?'}annals=${encodeURIComponent(ANNALS)}`);
    await page.waitForFunction(() => window.AnnalsWidget);
    await body(page);
    assert.deepEqual(errors, [], 'no script errors');
  } finally {
    await context.close();
  }
}

const dropdown = (page) => page.locator('.annals-w');
const options = (page) => page.locator('.annals-w [role="option"]');

describe('widget', () => {
  test('turns the site\'s input into a dropdown of results from the other origin', () => withSite('/widget.html', async (page) => {
    const input = page.locator('#search');
    assert.equal(await input.getAttribute('role'), 'combobox');
    const calls = [];
    page.on('request', (r) => { if (r.url().startsWith(`${ANNALS}/api/`)) calls.push(r.url()); });
    await input.pressSequentially('forum', { delay: 40 });
    await dropdown(page).waitFor({ state: 'visible' });
    await page.waitForFunction(() => document.querySelectorAll('.annals-w [role="option"]').length > 1);
    assert.equal(await input.getAttribute('aria-expanded'), 'true');
    const url = new URL(calls.at(-1));
    assert.equal(url.searchParams.get('q'), 'forum');
    assert.equal(url.searchParams.get('lang'), 'en');
    assert.equal(url.searchParams.get('per_page'), '5');
    assert.ok(await page.locator('.annals-w mark').count() > 0, 'matches highlighted');
    assert.match(await page.locator('.annals-w [role="status"], .annals-w-sr').last().textContent(), /\d+ results?/);
    await screenshot(page, 'widget');

    // Arrows move the active option, Escape closes, Enter opens the active one.
    await page.keyboard.press('ArrowDown');
    const first = options(page).first();
    assert.equal(await first.getAttribute('aria-selected'), 'true');
    assert.equal(await input.getAttribute('aria-activedescendant'), await first.getAttribute('id'));
    await page.keyboard.press('ArrowDown');
    assert.equal(await options(page).nth(1).getAttribute('aria-selected'), 'true');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Escape');
    assert.equal(await dropdown(page).isVisible(), false);
    assert.equal(await input.getAttribute('aria-expanded'), 'false');
    await page.keyboard.press('ArrowDown'); // opens the list on its first option
    assert.equal(await first.getAttribute('aria-selected'), 'true');
    const target = await first.locator('a').getAttribute('href');
    assert.ok(target.startsWith(`${ORIGIN}/en/news/`), target);
    await page.keyboard.press('Enter');
    await page.waitForURL(target);
    assert.equal(await page.locator('#post').textContent(), new URL(target).pathname);
  }));

  test('the mouse picks a result; the last option opens the search page', () => withSite('/widget.html?lang=ru', async (page) => {
    await page.locator('#search').pressSequentially('донор', { delay: 30 });
    await page.waitForFunction(() => document.querySelectorAll('.annals-w [role="option"]').length > 1);
    const all = options(page).last();
    assert.match(await all.textContent(), /Все результаты по запросу «донор»/);
    const href = new URL(await all.locator('a').getAttribute('href'));
    assert.equal(href.origin, ANNALS);
    assert.equal(href.searchParams.get('ui'), 'ru');
    const second = options(page).nth(1);
    await second.hover();
    assert.equal(await second.getAttribute('aria-selected'), 'true');
    const target = await second.locator('a').getAttribute('href');
    await second.click();
    await page.waitForURL(target);
    assert.match(new URL(target).pathname, /^\/ru\//);
  }));

  test('never injects markup, defines one global, leaves the form alone without a choice', () => withSite('/widget.html', async (page) => {
    const input = page.locator('#search');
    await input.fill('<img src=x onerror="window.pwned=1"> forum');
    await page.waitForFunction(() => document.querySelectorAll('.annals-w [role="option"]').length > 0);
    assert.equal(await page.locator('.annals-w img').count(), 0);
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    assert.match(await options(page).last().textContent(), /<img src=x/);

    const globals = await page.evaluate(() => Object.keys(window));
    const plain = await page.context().newPage();
    await plain.goto(`${ORIGIN}/plain.html`);
    const before = new Set(await plain.evaluate(() => Object.keys(window)));
    assert.deepEqual(globals.filter((k) => !before.has(k)), ['AnnalsWidget']);

    // Enter with no active option submits the site's own form.
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/search');
  }));

  test('a phone-sized page keeps the dropdown inside the screen', () => withSite('/widget.html', async (page) => {
    await page.locator('#search').pressSequentially('school', { delay: 30 });
    await page.waitForFunction(() => document.querySelectorAll('.annals-w [role="option"]').length > 1);
    const box = await dropdown(page).boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390, JSON.stringify(box));
  }, { viewport: { width: 390, height: 844 } }));
});
