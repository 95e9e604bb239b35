// annals search page: enhances the server-rendered markup (ui.rs renders the same markup).
// The state of the search is the URL's query string: typing, filters, links and the
// back/forward buttons all change it, and the results are fetched from the JSON API.

const config = JSON.parse(document.getElementById('annals-config')?.textContent || '{}');
const strings = config.strings || {};
const ui = config.ui || 'en';
const site = config.site || '';

const DEBOUNCE_MS = 150;
const TIMEOUT_MS = 10000;
const FACET_SHOWN = 8;
const FACET_FOLD = FACET_SHOWN + 3; // "show all" hides at least three
const TIMELINE_MONTHS = 600;
const PAGE_PARAMS = new Set(['q', 'lang', 'person', 'category', 'tag', 'year', 'month', 'from', 'to',
  'event_from', 'event_to', 'sort', 'page', 'per_page', 'ui']);
/** Facets whose values are alternatives: counted without their own selection. */
const ANY_OF = ['year', 'month', 'category', 'tag'];
/** Checkbox facets of the sidebar and their legends. */
const LIST_FACETS = [['person', 'people'], ['year', 'years'], ['category', 'categories'], ['tag', 'tags']];
const FILTER_KEYS = ['person', 'category', 'tag', 'year', 'month', 'from', 'to', 'event_from', 'event_to'];

const $ = (id) => document.getElementById(id);
const form = $('search-form');
const input = $('q');

// ---------------------------------------------------------------------------------------
// Strings

/** Replaces `{name}` with values[name]; unknown names stay. */
const fill = (template, values) =>
  String(template ?? '').replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
const t = (key) => (typeof strings[key] === 'string' ? strings[key] : key);
const pluralRules = new Intl.PluralRules(ui);
const plural = (key, n) => {
  const forms = strings[key] || {};
  return fill(forms[pluralRules.select(n)] ?? forms.other ?? key, { n });
};
const langName = (code) => config.langs?.[code] ?? String(code).toUpperCase();

function ym(value) {
  const m = /^(\d{4})-(\d{2})/.exec(value || '');
  return m && +m[2] >= 1 && +m[2] <= 12 ? [+m[1], +m[2]] : null;
}

function formatDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
  if (!m || +m[2] < 1 || +m[2] > 12 || +m[3] < 1 || +m[3] > 31) return (iso || '').slice(0, 10);
  return fill(t('date'), { d: +m[3], month: strings.months_of?.[+m[2] - 1] ?? '', y: +m[1] });
}

function monthYear(value) {
  const parsed = ym(value);
  return parsed ? fill(t('month_year'), { month: strings.months?.[parsed[1] - 1] ?? '', y: parsed[0] }) : value;
}

// ---------------------------------------------------------------------------------------
// State: URLSearchParams, changed the way ui.rs's `Params` changes them

/** Known parameters, trimmed, without empty values (but `lang=`) or repeated pairs. */
function normalize(search) {
  const out = new URLSearchParams();
  for (const [key, raw] of new URLSearchParams(search)) {
    const value = raw.trim();
    if (!PAGE_PARAMS.has(key) || (!value && key !== 'lang') || has(out, key, value)) continue;
    out.append(key, value);
  }
  return out;
}

const has = (p, key, value) => p.getAll(key).includes(value);
const last = (p, key) => p.getAll(key).at(-1) ?? null;
const filtered = (p, keep) => new URLSearchParams([...p].filter(([k, v]) => keep(k, v)));
/** A copy without `page` (any change but paging goes back to the first page), then `f`. */
function changed(p, f = () => {}) {
  const out = filtered(p, (k) => k !== 'page');
  f(out);
  return out;
}
const withPair = (p, key, value) => changed(p, (o) => { if (!has(o, key, value)) o.append(key, value); });
const withoutPair = (p, key, value) => filtered(changed(p), (k, v) => !(k === key && v === value));
/** Only `value` for `key`; none when empty (unless `keepEmpty`). */
function setOnly(p, key, value, keepEmpty = false) {
  const out = filtered(changed(p), (k) => k !== key);
  if (value || keepEmpty) out.append(key, value);
  return out;
}
function withPage(p, page) {
  const out = changed(p);
  if (page > 1) out.append('page', String(page));
  return out;
}
/** The query text changed in place (first when new), on the first page. */
function withQuery(p, q) {
  const out = new URLSearchParams();
  let placed = false;
  for (const [k, v] of p.has('q') ? p : [['q', ''], ...p]) {
    if (k === 'page' || (k === 'q' && placed)) continue;
    if (k === 'q') {
      placed = true;
      if (q) out.append('q', q);
    } else {
      out.append(k, v);
    }
  }
  return out;
}
const cleared = (p) => filtered(changed(p), (k) => k === 'q' || k === 'ui');
const href = (p) => {
  const query = p.toString();
  return query ? `?${query}` : './';
};

/** The API's parameters: results in the interface language unless `lang` is given. */
function apiParams(p) {
  const out = filtered(p, (k) => k !== 'ui');
  if (!p.has('lang')) out.set('lang', ui);
  return out;
}
const currentLang = (p) => (p.has('lang') ? last(p, 'lang') : ui);

/** `2019`, `2019-07` or `2019-07-22` as the first (or last) day, for a date input. */
function dayOf(value, upper) {
  const m = /^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$/.exec(value || '');
  if (!m) return '';
  const y = +m[1];
  const mo = m[2] ? +m[2] : upper ? 12 : 1;
  const d = m[3] ? +m[3] : upper ? new Date(Date.UTC(y, mo, 0)).getUTCDate() : 1;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------
// DOM helpers

/** An element; string children become text nodes (never markup). */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (name === 'style') el.style.cssText = value;
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  el.append(...children.flat(Infinity).filter((c) => c != null && c !== false).map((c) => (c instanceof Node ? c : String(c))));
  return el;
}

/** The engine's snippet (escaped text with <mark>) as nodes: only text and <mark> survive. */
function snippetNodes(html) {
  const tpl = document.createElement('template');
  tpl.innerHTML = html || '';
  return [...tpl.content.childNodes].map((n) =>
    n.nodeName === 'MARK' ? h('mark', {}, n.textContent) : document.createTextNode(n.textContent));
}

// ---------------------------------------------------------------------------------------
// Rendering (the markup of ui.rs)

function renderFacetList(facet, values, p) {
  const item = (v) => h('li', {}, h('label', {},
    h('input', { type: 'checkbox', form: 'search-form', name: facet, value: v.value, checked: has(p, facet, v.value) }),
    ' ', h('span', { class: 'name' }, v.label), ' ', h('span', { class: 'count' }, v.count)));
  const shown = values.length >= FACET_FOLD ? FACET_SHOWN : values.length;
  const nodes = [h('ul', {}, values.slice(0, shown).map(item))];
  if (shown < values.length) {
    const rest = values.slice(shown);
    nodes.push(h('details', { class: 'more', open: rest.some((v) => has(p, facet, v.value)) },
      h('summary', {}, fill(t('more'), { n: values.length })), h('ul', {}, rest.map(item))));
  }
  return nodes;
}

/** Facet values plus any selected value missing from them; values without a key dropped. */
function withSelected(values, selected) {
  const out = (values || []).filter((v) => v.value !== '');
  for (const s of selected) if (!out.some((v) => v.value === s)) out.push({ value: s, label: s, count: 0 });
  return out;
}

function renderFacet(facet, values, p) {
  const fieldset = $(`facet-${facet}`);
  if (!fieldset) return;
  const list = withSelected(values, p.getAll(facet));
  fieldset.hidden = list.length === 0 && !(facet === 'person' && $('find-person')?.value.trim());
  for (const el of [...fieldset.children]) if (el.tagName !== 'LEGEND' && !el.classList.contains('facet-find')) el.remove();
  fieldset.append(...renderFacetList(facet, list, p));
}

function renderLangs(res, p) {
  const current = currentLang(p);
  const langs = [['', null], ...(res.facets?.lang || []).map((v) => [v.value, v.count])];
  if (!langs.some(([l]) => l === current)) langs.push([current, null]);
  $('facet-lang')?.querySelector('ul')?.replaceChildren(...langs.map(([lang, count]) => h('li', {}, h('label', {},
    h('input', { type: 'radio', name: 'lang', form: 'search-form', value: lang, checked: lang === current }),
    ' ', h('span', { class: 'name' }, lang ? langName(lang) : t('all_languages')),
    count == null ? null : [' ', h('span', { class: 'count' }, count)]))));
}

function renderChips(res, p) {
  const chips = [];
  for (const [key, value] of p) {
    let label;
    if (key === 'person') label = res.facets?.person?.find((f) => f.value === value)?.label ?? value;
    else if (['year', 'category', 'tag', 'event_from', 'event_to'].includes(key)) label = value;
    else if (key === 'month') label = monthYear(value);
    else if (key === 'from') label = fill(t('from_chip'), { date: value });
    else if (key === 'to') label = fill(t('to_chip'), { date: value });
    else if (key === 'lang' && value !== ui) label = value ? langName(value) : t('all_languages');
    else continue;
    chips.push([label, withoutPair(p, key, value)]);
  }
  $('chips').replaceChildren(chips.length ? h('ul', { class: 'chips', 'aria-label': t('active_filters') },
    chips.map(([label, target]) => h('li', {}, h('a', {
      class: 'chip', 'data-nav': true, href: href(target), 'aria-label': fill(t('remove_filter'), { label }),
    }, label, h('span', { 'aria-hidden': 'true' }, ' ×')))),
    h('li', {}, h('a', { class: 'clear', 'data-nav': true, href: href(cleared(p)) }, t('clear_all')))) : '');
}

function timelineMonths(values) {
  const counted = (values || []).map((v) => [ym(v.value), v.count]).filter(([m]) => m)
    .map(([[y, m], n]) => [y * 12 + m - 1, n]);
  if (!counted.length) return [];
  const lastMonth = Math.max(...counted.map(([i]) => i));
  const first = Math.max(Math.min(...counted.map(([i]) => i)), lastMonth - (TIMELINE_MONTHS - 1));
  const out = [];
  for (let i = first; i <= lastMonth; i++) {
    const count = counted.filter(([j]) => j === i).reduce((sum, [, n]) => sum + n, 0);
    out.push([`${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`, count]);
  }
  return out;
}

function renderTimeline(res, p) {
  const months = timelineMonths(res.facets?.month);
  const box = $('timeline');
  if (months.length < 2) return box.replaceChildren();
  const max = Math.max(1, ...months.map(([, n]) => n));
  const bars = months.map(([month, count]) => {
    if (!count) return h('span', { class: 'bar' });
    const on = has(p, 'month', month);
    const label = fill(t('timeline_bar'), { month: monthYear(month), posts: plural('posts', count) });
    return h('a', {
      class: 'bar', 'data-nav': true, href: href(on ? withoutPair(p, 'month', month) : setOnly(p, 'month', month)),
      'data-month': month, title: label, 'aria-label': label, 'aria-current': on ? 'true' : null,
      style: `--v:${(count / max).toFixed(3)}`,
    });
  });
  const years = [];
  for (const [month] of months) {
    const year = month.slice(0, 4);
    if (years.at(-1)?.[0] === year) years.at(-1)[1]++;
    else years.push([year, 1]);
  }
  box.replaceChildren(h('figure', { class: 'timeline' }, h('figcaption', {}, t('timeline')),
    h('div', { class: 'tl', style: `--n:${months.length}` },
      h('div', { class: 'tl-bars' }, bars),
      h('div', { class: 'tl-axis', 'aria-hidden': 'true' },
        years.map(([year, span]) => h('span', { style: `grid-column:span ${span}` }, span >= 3 ? year : null))))));
  rovingBars();
}

function renderHit(hit, p) {
  const date = (hit.published || '').slice(0, 10);
  const people = (hit.people || []).filter((person) => person.key);
  const translations = hit.translations || [];
  return h('li', { class: 'hit' },
    h('h2', { class: 'hit-title' }, h('a', { class: 'hit-link', href: site + hit.url, lang: hit.lang }, hit.title)),
    h('p', { class: 'hit-meta' }, h('time', { datetime: date }, formatDate(hit.published)), ' ',
      h('span', { class: 'hit-lang', title: langName(hit.lang) }, hit.lang)),
    h('p', { class: 'hit-snippet', lang: hit.lang }, snippetNodes(hit.snippet)),
    people.length ? h('p', { class: 'hit-people' }, h('span', { class: 'label' }, t('named')), ' ',
      people.map((person) => [h('a', {
        class: 'person', 'data-nav': true, href: href(withPair(p, 'person', person.key)), lang: hit.lang,
        'aria-current': has(p, 'person', person.key) ? 'true' : null,
      }, person.name), ' '])) : null,
    translations.length ? h('p', { class: 'hit-tr' }, h('span', { class: 'label' }, t('also_in')), ' ',
      translations.map((tr) => [h('a', { href: site + tr.url, hreflang: tr.lang, lang: tr.lang }, langName(tr.lang)), ' '])) : null);
}

function renderResults(res, p, error) {
  const box = $('results');
  if (error) return box.replaceChildren(h('p', { class: 'notice error', role: 'alert' }, error));
  const perPage = Math.max(1, res.per_page);
  const pages = Math.min(Math.ceil(res.total / perPage), 1000);
  box.replaceChildren(
    res.relaxed ? h('p', { class: 'notice' }, t('relaxed')) : null,
    res.hits.length ? null : h('p', { class: 'empty' }, t('no_results')),
    h('ol', { id: 'hits', class: 'hits', start: (res.page - 1) * perPage + 1 }, res.hits.map((hit) => renderHit(hit, p))),
    pages > 1 ? h('nav', { class: 'pager', 'aria-label': t('pages') },
      res.page > 1 ? h('a', { rel: 'prev', 'data-nav': true, href: href(withPage(p, res.page - 1)) }, '← ', t('prev')) : null,
      h('span', { 'aria-current': 'page' }, fill(t('page_of'), { n: res.page, total: pages })),
      res.page < pages ? h('a', { rel: 'next', 'data-nav': true, href: href(withPage(p, res.page + 1)) }, t('next'), ' →') : null,
    ) : null);
}

/** Everything that depends on the answer; `error` replaces the results. */
function render(res, error) {
  const p = state;
  const q = last(p, 'q') ?? '';
  document.title = q ? `${q} — ${t('title')}` : t('title');
  $('status').textContent = error ? '' : plural('results', res.total);
  const selected = FILTER_KEYS.reduce((n, k) => n + p.getAll(k).length, 0) + (p.has('lang') && currentLang(p) !== ui ? 1 : 0);
  const badge = $('filter-count');
  if (badge) { badge.textContent = selected; badge.hidden = selected === 0; }
  if (!error) {
    for (const [facet] of LIST_FACETS) renderFacet(facet, res.facets?.[facet], p);
    renderLangs(res, p);
    renderChips(res, p);
    renderTimeline(res, p);
    lastFacets = res.facets || {};
    if ($('find-person')?.value.trim()) findPeople();
  }
  renderResults(res, p, error);
  syncControls();
  // For listeners (the focus after a link, the browser tests): which state is shown.
  $('results').dispatchEvent(new CustomEvent('annals:rendered', { detail: { state: p.toString() } }));
}

/** Form controls as the state says (also undoes a browser's restored form values). */
function syncControls() {
  const p = state;
  if (document.activeElement !== input) input.value = last(p, 'q') ?? '';
  for (const el of document.querySelectorAll('input[form="search-form"]')) {
    if (el.type === 'checkbox') el.checked = has(p, el.name, el.value);
    else if (el.type === 'radio') el.checked = el.value === currentLang(p);
    else if (el.type === 'date') el.value = dayOf(last(p, el.name), el.name === 'to');
  }
  const sort = $('sort');
  if (sort) sort.value = last(p, 'sort') || 'relevance';
}

// ---------------------------------------------------------------------------------------
// Loading

let state = normalize(location.search);
let controller = null;
let lastFacets = {};

async function getJSON(url, signal) {
  const res = await fetch(url, { signal, headers: { accept: 'application/json' } });
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const message = res.status === 400 && body?.error?.message;
    throw new Error(message || t('error'));
  }
  return body;
}

/** Fetches the results of `state`; a newer call aborts an older one. */
async function load() {
  controller?.abort();
  const ctl = new AbortController();
  controller = ctl;
  const timer = setTimeout(() => ctl.abort(), TIMEOUT_MS);
  const results = $('results');
  results.setAttribute('aria-busy', 'true');
  const params = apiParams(state);
  try {
    const wider = ANY_OF.filter((k) => params.has(k)).map(async (k) => {
      const p = filtered(params, (key) => key !== k && key !== 'page');
      p.set('per_page', '1');
      return [k, (await getJSON(`api/search?${p}`, ctl.signal)).facets?.[k]];
    });
    const [res, ...extra] = await Promise.all([getJSON(`api/search?${params}`, ctl.signal), ...wider]);
    if (ctl !== controller) return;
    for (const [k, values] of extra) if (values) res.facets[k] = values;
    render(res, null);
  } catch (err) {
    if (ctl !== controller) return; // superseded by a newer search
    render(null, ctl.signal.aborted ? t('error') : err.message);
  } finally {
    clearTimeout(timer);
    if (ctl === controller) results.setAttribute('aria-busy', 'false');
  }
}

/** Makes `next` the state: in the history (`push`, or `replace` while typing), then loads. */
function commit(next, mode = 'push') {
  if (next.toString() === state.toString()) return false;
  state = next;
  history[mode === 'replace' ? 'replaceState' : 'pushState'](null, '', href(next));
  load();
  return true;
}

// People facet: values matching what is typed, from /api/facets/person.
let findController = null;
async function findPeople() {
  const typed = $('find-person').value.trim();
  findController?.abort();
  if (!typed) return renderFacet('person', lastFacets.person, state);
  const ctl = new AbortController();
  findController = ctl;
  const params = apiParams(state);
  const query = params.get('q');
  params.delete('q');
  params.delete('page');
  if (query) params.set('query', query);
  params.set('q', typed);
  try {
    const body = await getJSON(`api/facets/person?${params}`, ctl.signal);
    if (ctl === findController) renderFacet('person', body.values, state);
  } catch {
    // Aborted or failed: the list keeps what it showed.
  }
}

// ---------------------------------------------------------------------------------------
// Keyboard

const hits = () => [...document.querySelectorAll('#hits > .hit')];
function focusHit(i) {
  const link = hits()[i]?.querySelector('.hit-link');
  if (link) {
    link.focus();
    link.closest('.hit').scrollIntoView({ block: 'nearest' });
  }
}

const isTextField = (el) => el instanceof HTMLElement &&
  (el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' ||
    (el.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(el.type)));

function onKeydown(e) {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.key === '/' && !isTextField(e.target)) {
    e.preventDefault();
    input.focus();
    input.select();
    return;
  }
  if (e.key === 'Escape' && e.target === input && input.value) {
    input.value = '';
    input.dispatchEvent(new Event('input'));
    return;
  }
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  if (e.target === input) {
    if (e.key === 'ArrowDown' && (hits().length || typingTimer)) {
      e.preventDefault();
      flushTyping();
      // Results still loading would replace the focused one: focus once they are in.
      if ($('results').getAttribute('aria-busy') === 'true') {
        $('results').addEventListener('annals:rendered', () => focusHit(0), { once: true });
      } else {
        focusHit(0);
      }
    }
    return;
  }
  const i = hits().indexOf(e.target.closest?.('#hits > .hit'));
  if (i < 0 || isTextField(e.target)) return;
  e.preventDefault();
  if (e.key === 'ArrowDown') focusHit(Math.min(i + 1, hits().length - 1));
  else if (i === 0) input.focus();
  else focusHit(i - 1);
}

/**
 * One tab stop for the timeline (the chosen month, else the newest); arrows, Home and End
 * move along its bars. A timeline wider than the screen scrolls to that bar.
 */
function rovingBars() {
  const bars = [...document.querySelectorAll('.tl-bars a.bar')];
  const current = bars.find((b) => b.hasAttribute('aria-current')) ?? bars.at(-1);
  for (const b of bars) b.tabIndex = b === current ? 0 : -1;
  const tl = current?.closest('.tl');
  if (tl && tl.scrollWidth > tl.clientWidth) tl.scrollLeft = current.offsetLeft - tl.clientWidth / 2;
}

function onTimelineKey(e) {
  const bars = [...document.querySelectorAll('.tl-bars a.bar')];
  const i = bars.indexOf(e.target);
  if (i < 0) return;
  const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: bars.length - 1 }[e.key];
  if (to == null || !bars[to]) return;
  e.preventDefault();
  bars[i].tabIndex = -1;
  bars[to].tabIndex = 0;
  bars[to].focus();
}

// ---------------------------------------------------------------------------------------
// Events

let typingTimer = 0;
let typing = false; // a typing session: its first change is pushed, the next ones replace it

/** Commits what is typed: now if `force`, else only when a debounced change is pending. */
function flushTyping(force = false) {
  if (!typingTimer && !force) return;
  clearTimeout(typingTimer);
  typingTimer = 0;
  if (commit(withQuery(state, input.value.trim()), typing ? 'replace' : 'push')) typing = true;
}

/** Facet, date, sort and language controls (they belong to the form through `form=`). */
function onChange(e) {
  const el = e.target;
  if (el === input || el.form !== form || !el.name) return;
  typing = false;
  if (el.type === 'checkbox') commit(el.checked ? withPair(state, el.name, el.value) : withoutPair(state, el.name, el.value));
  else if (el.name === 'lang') commit(el.value === ui ? setOnly(state, 'lang', '') : setOnly(state, 'lang', el.value, true));
  else if (el.name === 'sort') commit(setOnly(state, 'sort', el.value === 'relevance' ? '' : el.value));
  else commit(setOnly(state, el.name, el.value));
}

/** Links to another state of this page: followed without reloading. */
function onClick(e) {
  const a = e.target.closest?.('a[data-nav]');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const url = new URL(a.href);
  if (url.origin !== location.origin || url.pathname !== location.pathname) return;
  e.preventDefault();
  typing = false;
  clearTimeout(typingTimer);
  typingTimer = 0;
  const next = normalize(url.search);
  input.value = last(next, 'q') ?? '';
  const pager = a.closest('.pager');
  const month = a.dataset.month;
  if (!commit(next)) return;
  // Keep the focus where the visitor is, once the new results are in.
  const refocus = () => {
    if (pager) return focusHit(0);
    const again = month && document.querySelector(`.tl-bars a.bar[data-month="${CSS.escape(month)}"]`);
    if (again) again.focus();
    else if (!document.activeElement || document.activeElement === document.body) input.focus({ preventScroll: true });
  };
  $('results').addEventListener('annals:rendered', refocus, { once: true });
}

function init() {
  $('keys').hidden = false;
  input.setAttribute('aria-describedby', 'keys');
  for (const el of document.querySelectorAll('.apply')) el.hidden = true;
  // The people the server listed, to show again when the person box is cleared.
  lastFacets.person = [...document.querySelectorAll('#facet-person input[type="checkbox"]')].map((el) => ({
    value: el.value,
    label: el.parentElement.querySelector('.name')?.textContent ?? el.value,
    count: Number(el.parentElement.querySelector('.count')?.textContent) || 0,
  }));
  const find = $('find-person');
  if (find) {
    find.hidden = false;
    let timer = 0;
    find.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(findPeople, DEBOUNCE_MS);
    });
  }
  // The filters fold above the results on narrow screens.
  const filters = $('filters');
  const narrow = matchMedia('(max-width: 760px)');
  const fold = () => { if (filters) filters.open = !narrow.matches; };
  fold();
  narrow.addEventListener('change', fold);

  input.addEventListener('input', () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(flushTyping, DEBOUNCE_MS);
  });
  input.addEventListener('blur', () => { flushTyping(); typing = false; });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    flushTyping(true);
  });
  document.addEventListener('change', onChange);
  document.addEventListener('click', onClick);
  document.addEventListener('keydown', onKeydown);
  $('timeline').addEventListener('keydown', onTimelineKey);
  addEventListener('popstate', () => {
    state = normalize(location.search);
    typing = false;
    input.value = last(state, 'q') ?? '';
    load();
  });
  rovingBars();
  syncControls();
  document.documentElement.classList.add('js');
}

if (form && input) init();
