// The search page (GET /): search as you type, facets, history, shared URLs, keyboard,
// interface languages, narrow screens, and the same page without JavaScript.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { ORIGIN, count, launch, settled, texts, visit } from '../lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A fresh page at `path` of the annals server, closed (with its context) after `body`. */
const withPage = (path, body, options) => visit(browser, path, body, options);

describe('search page', () => {
  test('shows results as the visitor types, without reloading', () => withPage('/?ui=en', async (page) => {
    const all = await count(page);
    await page.evaluate(() => { window.__sameDocument = true; });
    const searches = [];
    page.on('request', (r) => { if (r.url().includes('fragment=regions')) searches.push(r.url()); });
    await page.locator('#q').pressSequentially('forum', { delay: 40 });
    await page.waitForURL(/[?&]q=forum(&|$)/);
    await settled(page);
    const n = await count(page);
    assert.ok(n > 0 && n < all, `forum: ${n} of ${all}`);
    assert.equal(await page.locator('#hits > .hit').count(), Math.min(n, 10));
    assert.ok(await page.locator('#hits .hit-snippet mark').count() > 0, 'matches are highlighted');
    assert.match((await texts(page, '#hits .hit-snippet mark')).join(' '), /forum/i);
    assert.ok(searches.length > 0 && searches.length < 'forum'.length, `debounced: ${searches.length} searches for 5 keys`);
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no page load');
    assert.equal(await page.title(), 'forum — News archive search');
    // Links go to the site, the status is a live region.
    const href = await page.locator('#hits .hit-link').first().getAttribute('href');
    assert.ok(href.startsWith(`${ORIGIN}/en/`), href);
    assert.equal(await page.locator('#status').getAttribute('role'), 'status');
  }));

  test('a facet narrows the results and the URL; back and forward restore them', () => withPage('/?ui=en', async (page) => {
    const all = await count(page);
    await page.locator('#facet-year input[value="2019"]').check();
    await page.waitForURL(/[?&]year=2019/);
    await settled(page);
    const in2019 = await count(page);
    assert.ok(in2019 > 0 && in2019 < all, `2019: ${in2019} of ${all}`);
    for (const d of await page.locator('#hits time').evaluateAll((els) => els.map((e) => e.dateTime))) {
      assert.match(d, /^2019-/);
    }
    // Years are alternatives: the others stay on offer, and a second one widens.
    assert.ok(await page.locator('#facet-year input').count() > 1, 'other years still listed');
    await page.locator('#facet-year input[value="2020"]').check();
    await page.waitForURL(/year=2019&year=2020/);
    await settled(page);
    assert.ok(await count(page) > in2019);
    assert.equal(await page.locator('.chips .chip').count(), 2);

    await page.goBack();
    await page.waitForURL((u) => u.search === '?ui=en&year=2019');
    await settled(page);
    assert.equal(await count(page), in2019);
    assert.equal(await page.locator('#facet-year input[value="2020"]').isChecked(), false);
    await page.goBack();
    await page.waitForURL((u) => u.search === '?ui=en');
    await settled(page);
    assert.equal(await count(page), all);
    assert.equal(await page.locator('#facet-year input:checked').count(), 0);
    await page.goForward();
    await page.waitForURL(/year=2019/);
    await settled(page);
    assert.equal(await page.locator('#facet-year input[value="2019"]').isChecked(), true);

    // Clear all keeps the words, drops the filters.
    await page.locator('.chips .clear').click();
    await page.waitForURL((u) => u.search === '?ui=en');
    await settled(page);
    assert.equal(await count(page), all);
  }));

  test('a shared URL opens in the same state, and reloads keep it', () => withPage('/?q=forum&year=2019&ui=en', async (page) => {
    const check = async () => {
      assert.equal(await page.locator('#q').inputValue(), 'forum');
      assert.equal(await page.locator('#facet-year input[value="2019"]').isChecked(), true);
      assert.equal(await page.locator('.chips .chip').count(), 1);
      const n = await count(page);
      assert.ok(n >= 1, `${n} results`);
      for (const d of await page.locator('#hits time').evaluateAll((els) => els.map((e) => e.dateTime))) {
        assert.match(d, /^2019-/);
      }
    };
    await check();
    await page.reload();
    await check();
  }));

  test('people in a result open their page', () => withPage('/?ui=en', async (page) => {
    const person = page.locator('#hits .person').first();
    const name = (await person.textContent()).trim();
    await person.click();
    await page.waitForURL(/\/people\/[^/?]+/);
    assert.equal(await page.locator('h1').count(), 1);
    assert.ok((await page.locator('h1').textContent()).trim().length > 0, name);
    // Its posts are a search filtered by the person.
    await page.locator('a.search-person').click();
    await page.waitForURL(/[?&]person=/);
    await page.locator('#hits > .hit').first().waitFor();
    const key = new URL(page.url()).searchParams.get('person');
    assert.equal(await page.locator(`#facet-person input[value="${key}"]`).isChecked(), true);
    assert.ok(await page.locator('#hits > .hit .person[aria-current]').count() > 0, 'hits name them');
  }));

  test('every person of the facet links to their page', () => withPage('/?ui=en', async (page) => {
    const values = await page.locator('#facet-person li').count();
    assert.ok(values > 0);
    assert.equal(await page.locator('#facet-person li a.to-person').count(), values);
    const href = await page.locator('#facet-person li a.to-person').first().getAttribute('href');
    assert.match(href, /^people\/[^/?]+/);
  }));

  test('the person box finds people through the server', () => withPage('/?ui=en', async (page) => {
    await page.locator('#find-person').fill('piv');
    await page.waitForFunction(() => [...document.querySelectorAll('#facet-person .name')]
      .every((n) => /piv/i.test(n.textContent)) && document.querySelectorAll('#facet-person .name').length > 0);
    await page.locator('#facet-person input[type="checkbox"]').first().check();
    await page.waitForURL(/person=pivovarova/);
    await settled(page);
    assert.ok(await count(page) > 0);
  }));

  test('a bar of the timeline filters by its month', () => withPage('/?ui=en', async (page) => {
    const bar = page.locator('.tl-bars a.bar').first();
    const month = await bar.getAttribute('data-month');
    await bar.click();
    await page.waitForURL(new RegExp(`month=${month}`));
    await settled(page);
    assert.equal(await page.locator(`.tl-bars a.bar[data-month="${month}"]`).getAttribute('aria-current'), 'true');
    for (const d of await page.locator('#hits time').evaluateAll((els) => els.map((e) => e.dateTime))) {
      assert.ok(d.startsWith(month), `${d} in ${month}`);
    }
    assert.ok(await page.locator('.tl-bars a.bar').count() > 1, 'the other months stay');
  }));

  test('date range, order and paging', () => withPage('/?ui=en&sort=oldest', async (page) => {
    const first = await page.locator('#hits time').first().getAttribute('datetime');
    await page.locator('input[name="from"]').fill('2020-01-01');
    await page.waitForURL(/from=2020-01-01/);
    await settled(page);
    const dates = await page.locator('#hits time').evaluateAll((els) => els.map((e) => e.dateTime));
    assert.ok(dates.every((d) => d >= '2020-01-01'), dates.join());
    assert.ok(first < '2020-01-01');
    assert.deepEqual(dates, [...dates].sort(), 'oldest first');
    if (await page.locator('.pager a[rel="next"]').count()) {
      await page.locator('.pager a[rel="next"]').click();
      await page.waitForURL(/page=2/);
      await settled(page);
      assert.equal(await page.locator('#hits').getAttribute('start'), '11');
      assert.equal(await page.evaluate(() => document.activeElement?.className), 'hit-link');
    }
  }));

  test('keyboard: / focuses the box, arrows move through results, Enter opens', () => withPage('/?ui=en&q=forum', async (page) => {
    await page.locator('body').click({ position: { x: 5, y: 700 } });
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'q');
    const titles = await texts(page, '#hits .hit-link');
    assert.ok(titles.length >= 2);
    const focused = () => page.evaluate(() => document.activeElement?.textContent);
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), titles[0]);
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), titles[1]);
    await page.keyboard.press('ArrowUp');
    assert.equal(await focused(), titles[0]);
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'q');
    // Typing `/` in the box types it.
    await page.keyboard.press('End');
    await page.keyboard.type('/');
    assert.equal(await page.locator('#q').inputValue(), 'forum/');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => document.activeElement?.classList.contains('hit-link'));
    const target = await page.locator('#hits .hit-link').first().getAttribute('href');
    await page.keyboard.press('Enter');
    await page.waitForURL(target);
    assert.equal(await page.locator('#post').textContent(), new URL(target).pathname);
  }));

  test('the interface language comes from ?ui= or Accept-Language; results follow it', async () => {
    await withPage('/?ui=kk', async (page) => {
      assert.equal(await page.locator('html').getAttribute('lang'), 'kk');
      assert.equal(await page.locator('#q').getAttribute('placeholder'), 'Сөздер, «тіркестер», есімдер…');
      assert.match(await page.locator('#status').textContent(), /нәтиже/);
      assert.deepEqual([...new Set(await texts(page, '#hits .hit-lang'))], ['kk']);
      await page.locator('.ui-lang a[hreflang="ru"]').click();
      await page.waitForURL(/ui=ru/);
      assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
      assert.match(await page.locator('#status').textContent(), /результат/);
      assert.deepEqual([...new Set(await texts(page, '#hits .hit-lang'))], ['ru']);
      // "All languages" is a choice of its own, kept in the URL.
      await page.locator('#facet-lang input[value=""]').check();
      await page.waitForURL(/lang=(&|$)/);
      await settled(page);
      assert.ok((await texts(page, '.chips .chip')).some((c) => c.includes('Все языки')));
    });
    await withPage('/', async (page) => {
      assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
      assert.equal(await page.locator('#search-form button').textContent(), 'Найти');
    }, { locale: 'ru-RU' });
  });

  test('narrow screens fold the filters above the results and never scroll sideways', () => withPage('/?ui=ru&q=форум', async (page) => {
    assert.equal(await page.locator('#filters').evaluate((d) => d.open), false);
    const summary = page.locator('#filters > summary');
    assert.ok(await summary.isVisible());
    const filtersTop = (await summary.boundingBox()).y;
    const resultsTop = (await page.locator('#results').boundingBox()).y;
    assert.ok(filtersTop < resultsTop, 'filters come first');
    await summary.click();
    assert.ok(await page.locator('#facet-year').isVisible());
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no horizontal scroll');
  }, { viewport: { width: 360, height: 740 } }));

  test('without JavaScript: results, facets and filters still work', () => withPage('/?q=forum&ui=en', async (page) => {
    assert.ok(await page.locator('#hits > .hit').count() > 0);
    assert.ok(await page.locator('#hits mark').count() > 0);
    assert.match(await page.locator('#status').textContent(), /^\d+ results?$/);
    const all = await count(page);
    const apply = page.locator('.apply button');
    assert.ok(await apply.isVisible(), 'an Apply button submits the filters');
    const year = await page.locator('#facet-year input').first().getAttribute('value');
    await page.locator('#facet-year input').first().check();
    await Promise.all([page.waitForURL(new RegExp(`year=${year}`)), apply.click()]);
    assert.equal(new URL(page.url()).searchParams.get('q'), 'forum');
    assert.ok(await count(page) <= all);
    assert.equal(await page.locator('#facet-year input:checked').getAttribute('value'), year);
    // Chips are links.
    await Promise.all([page.waitForURL((u) => !u.search.includes('year=')), page.locator('.chips .chip').first().click()]);
    assert.equal(await count(page), all);
  }, { javaScriptEnabled: false }));

  test('instant results are the regions the server renders for the same URL', () => withPage('/?ui=en', async (page) => {
    const fragments = [];
    const api = [];
    page.on('request', (r) => {
      if (r.url().includes('fragment=')) fragments.push(r.url());
      if (r.url().includes('/api/')) api.push(r.url());
    });
    await page.locator('#q').pressSequentially('forum', { delay: 40 });
    await page.waitForURL(/[?&]q=forum(&|$)/);
    await settled(page);
    await page.locator('#facet-year input').first().check();
    await page.waitForURL(/[?&]year=/);
    await settled(page);
    // Finding people, then clearing the box, brings back the people of the answer.
    const people = await texts(page, '#facet-person .name');
    await page.locator('#find-person').fill('zz');
    await page.waitForFunction(() => document.querySelectorAll('#facet-person .name').length === 0);
    await page.locator('#find-person').fill('');
    await page.waitForFunction((n) => document.querySelectorAll('#facet-person .name').length === n, people.length);
    assert.deepEqual(await texts(page, '#facet-person .name'), people);
    assert.ok(fragments.some((u) => u.includes('fragment=regions')), fragments.join('\n'));
    assert.deepEqual(api, [], 'the page asks the server for markup, not for data to render');
    // Each region, with what the script itself changes on them set aside: the focus order
    // of the timeline's bars and the box above the people (shown, and kept while typing).
    const regions = (p) => p.evaluate(() => Object.fromEntries(
      ['status', 'sort', 'filter-count', 'facets', 'chips', 'timeline', 'results'].map((id) => {
        const el = document.getElementById(id).cloneNode(true);
        for (const e of el.querySelectorAll('[tabindex]')) e.removeAttribute('tabindex');
        el.querySelector('#find-person')?.remove();
        el.removeAttribute('aria-busy');
        return [id, el.outerHTML];
      }).concat([['title', document.title]])));
    const live = await regions(page);
    assert.ok(live.results.includes('<mark>'), live.results);
    const nojs = await page.context().browser().newContext({ javaScriptEnabled: false, locale: 'en-US' });
    try {
      const plain = await nojs.newPage();
      await plain.goto(page.url());
      assert.deepEqual(await regions(plain), live);
    } finally {
      await nojs.close();
    }
  }));

  test('bad parameters are explained on the page', () => withPage('/?ui=en&year=19', async (page) => {
    assert.match(await page.locator('#results .error').textContent(), /year/);
  }));
});
