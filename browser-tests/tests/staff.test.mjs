// Pages for staff: a person's page (/people/{key}), the events timeline (/events) and the
// answer to a "when" question above the search results; screenshots of each on desktop and
// phone, light and dark; landmarks, one h1 and keyboard use.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { ANNALS, launch, screenshot, settled, visit } from '../lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A fresh page at `path` of the annals server, closed (with its context) after `body`. */
const withPage = (path, body, options) => visit(browser, path, body, options);

/** The key of the person the archive names most (from the API). */
async function topPerson() {
  const res = await fetch(`${ANNALS}/api/people?per_page=1`);
  const body = await res.json();
  assert.ok(body.people.length > 0, 'the demo archive names people');
  return body.people[0];
}

/** Landmarks, one h1, a skip link that reaches <main>. */
async function accessible(page) {
  assert.equal(await page.locator('h1').count(), 1, 'one h1');
  assert.equal(await page.locator('main#main').count(), 1, 'a main landmark');
  assert.ok(await page.locator('header.top').count() === 1 && await page.locator('footer').count() === 1);
  assert.equal(await page.locator('[role="search"]').count() >= 1, true, 'a search landmark');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), '#main', 'skip link first');
}

/** Tabs until an element matching `selector` has the focus (at most `max` presses). */
async function tabTo(page, selector, max = 400) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  assert.fail(`${selector} is not reachable with the keyboard`);
}

describe('person page', () => {
  test('shows names, roles, a timeline, posts and co-mentions', async () => {
    const top = await topPerson();
    await withPage(`/people/${encodeURIComponent(top.key)}?ui=en`, async (page) => {
      await accessible(page);
      assert.equal((await page.locator('h1').textContent()).trim(), top.name);
      assert.ok(await page.locator('.person-names dd').count() >= 1, 'names by language');
      assert.ok(await page.locator('.person-posts .hit').count() > 0, 'posts naming them');
      assert.ok(await page.locator('.person-events .event-list li time').count() > 0, 'a timeline with dates');
      assert.ok(await page.locator('.co-mentions a.person').count() > 0, 'people named with them');
      // Keyboard: a co-mentioned person's page is reachable and opens.
      await tabTo(page, '.co-mentions a.person');
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.pathname.startsWith('/people/') && !u.pathname.endsWith(encodeURIComponent(top.key)));
      assert.equal(await page.locator('h1').count(), 1);
    });
  });

  test('follows the interface language and answers 404 for an unknown key', async () => {
    const top = await topPerson();
    await withPage(`/people/${encodeURIComponent(top.key)}?ui=ru`, async (page) => {
      assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
      assert.match(await page.locator('#posts-h').textContent(), /Публикации/);
      await page.locator('.ui-lang a[hreflang="kk"]').click();
      await page.waitForURL(/ui=kk/);
      assert.match(page.url(), /\/people\//);
    });
    const res = await fetch(`${ANNALS}/people/nobody-at-all?ui=en`);
    assert.equal(res.status, 404);
    assert.match(await res.text(), /no such person/);
  });

  for (const [name, options] of [
    ['person-desktop-light', { viewport: { width: 1280, height: 800 }, colorScheme: 'light' }],
    ['person-desktop-dark', { viewport: { width: 1280, height: 800 }, colorScheme: 'dark' }],
    ['person-phone-light', { viewport: { width: 390, height: 844 }, colorScheme: 'light', isMobile: true, hasTouch: true }],
    ['person-phone-dark', { viewport: { width: 390, height: 844 }, colorScheme: 'dark', isMobile: true, hasTouch: true }],
  ]) {
    test(`screenshot ${name}`, async () => {
      const top = await topPerson();
      await withPage(`/people/${encodeURIComponent(top.key)}?ui=en`, async (page) => {
        await screenshot(page, name);
      }, options);
    });
  }
});

describe('events page', () => {
  test('answers "what happened in July 2019", grouped by year and month', () => withPage('/events?from=2019-07&to=2019-07&ui=en', async (page) => {
    await accessible(page);
    assert.equal((await page.locator('h1').textContent()).trim(), 'Events');
    const years = await page.locator('.event-year h2').allTextContents();
    assert.deepEqual(years.map((y) => y.trim()), ['2019']);
    assert.ok(await page.locator('.event-year h3').count() >= 1, 'months');
    const dates = await page.locator('.event-list .event-date time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
    assert.ok(dates.length > 0 && dates.every((d) => d.startsWith('2019-07')), dates.join(' '));
    // The same entries as the API.
    const api = await (await fetch(`${ANNALS}/api/events?from=2019-07&to=2019-07`)).json();
    assert.equal(await page.locator('.event-list > li').count(), api.events.length);
  }));

  test('filters by words and person through its form, with the keyboard', () => withPage('/events?ui=en', async (page) => {
    const all = await page.locator('.event-list > li').count();
    assert.ok(all > 0);
    await tabTo(page, '#ev-q');
    await page.keyboard.type('forum');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=forum/);
    const some = await page.locator('.event-list > li').count();
    assert.ok(some > 0 && some < all, `${some} of ${all}`);
    const person = page.locator('.event-people a.person').first();
    await person.click();
    await page.waitForURL(/\/people\//);
  }));

  test('says what is wrong with a bad date', async () => {
    const res = await fetch(`${ANNALS}/events?from=July&ui=en`);
    assert.equal(res.status, 400);
    await withPage('/events?from=July&ui=en', async (page) => {
      assert.match(await page.locator('.notice.error').textContent(), /from/);
    });
  });

  for (const [name, options] of [
    ['events-desktop-light', { viewport: { width: 1280, height: 800 }, colorScheme: 'light' }],
    ['events-desktop-dark', { viewport: { width: 1280, height: 800 }, colorScheme: 'dark' }],
    ['events-phone-light', { viewport: { width: 390, height: 844 }, colorScheme: 'light', isMobile: true, hasTouch: true }],
    ['events-phone-dark', { viewport: { width: 390, height: 844 }, colorScheme: 'dark', isMobile: true, hasTouch: true }],
  ]) {
    test(`screenshot ${name}`, () => withPage('/events?from=2019&to=2019&ui=ru', async (page) => {
      await screenshot(page, name);
    }, options));
  }
});

describe('when answers', () => {
  test('a "when" question is answered above the results', () => withPage('/?q=when+was+the+first+congress+of+hematologists&ui=en', async (page) => {
    const card = page.locator('[data-answer="when"]');
    assert.equal(await card.count(), 1);
    assert.equal(await card.locator('time').first().getAttribute('datetime'), '2017-09-28');
    assert.match(await card.textContent(), /28 September 2017/);
    const post = card.locator('.answer-post a');
    assert.equal((await post.textContent()).trim(), (await page.locator('#hits > .hit .hit-link').first().textContent()).trim());
  }));

  test('typed in the search box, the card comes with the results; other searches have none', () => withPage('/?ui=ru', async (page) => {
    await page.locator('#q').fill('когда прошла летняя школа молодых гематологов');
    await page.waitForURL(/q=/);
    await settled(page);
    await page.locator('[data-answer="when"]').waitFor();
    assert.match(await page.locator('[data-answer="when"]').textContent(), /июля 2023/);
    await page.locator('#q').fill('летняя школа');
    await page.waitForURL(/q=%D0%BB%D0%B5%D1%82%D0%BD%D1%8F%D1%8F\+%D1%88%D0%BA%D0%BE%D0%BB%D0%B0(&|$)/);
    await settled(page);
    assert.equal(await page.locator('[data-answer]').count(), 0);
  }));

  for (const [name, options] of [
    ['answer-desktop-light', { viewport: { width: 1280, height: 800 }, colorScheme: 'light' }],
    ['answer-desktop-dark', { viewport: { width: 1280, height: 800 }, colorScheme: 'dark' }],
    ['answer-phone-light', { viewport: { width: 390, height: 844 }, colorScheme: 'light', isMobile: true, hasTouch: true }],
    ['answer-phone-dark', { viewport: { width: 390, height: 844 }, colorScheme: 'dark', isMobile: true, hasTouch: true }],
  ]) {
    test(`screenshot ${name}`, () => withPage('/?q=when+was+the+first+congress+of+hematologists&ui=en', async (page) => {
      await page.locator('[data-answer="when"]').waitFor();
      await screenshot(page, name);
    }, options));
  }
});
