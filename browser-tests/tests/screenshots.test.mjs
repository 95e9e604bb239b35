// Screenshots for a person to look at (target/screenshots/): desktop 1280×800 and phone
// 390×844, light and dark, with results, facets and the timeline.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { ANNALS, launch, open, screenshot } from '../lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const shots = [
  { name: 'desktop-light', path: '/?q=transplantation&ui=en', viewport: { width: 1280, height: 800 }, colorScheme: 'light' },
  { name: 'desktop-dark', path: '/?q=пивоварова&ui=ru&year=2019&year=2020', viewport: { width: 1280, height: 800 }, colorScheme: 'dark' },
  { name: 'phone-light', path: '/?q=школа&ui=kk&lang=ru', viewport: { width: 390, height: 844 }, colorScheme: 'light' },
  { name: 'phone-dark', path: '/?q=forum&ui=en', viewport: { width: 390, height: 844 }, colorScheme: 'dark', filters: true },
  { name: 'nojs-light', path: '/?q=donor&ui=en', viewport: { width: 1280, height: 800 }, colorScheme: 'light', javaScriptEnabled: false },
];

for (const { name, path, filters, ...options } of shots) {
  test(`screenshot ${name}`, async () => {
    const page = await open(browser, { ...options, isMobile: options.viewport.width < 500, hasTouch: options.viewport.width < 500 });
    try {
      await page.goto(ANNALS + path);
      assert.ok(await page.locator('#hits > .hit').count() > 0, 'results shown');
      if (filters) await page.locator('#filters > summary').click();
      await screenshot(page, name);
    } finally {
      await page.context().close();
    }
  });
}
