// annals pages: behaviour only. The server renders all markup (crates/server/src/http/page/).
// On the search page the state of the search is the URL's query string: typing, filters,
// links and the back/forward buttons change it, and the page's regions for the new state
// are fetched from the server (`?…&fragment=regions`) and swapped in by their ids.

const DEBOUNCE_MS = 150;
const TIMEOUT_MS = 10000;

const $ = (id) => document.getElementById(id);
const form = $('search-form');
const input = $('q');
/** The interface language: choosing it as the results' language is the default. */
const ui = document.documentElement.lang || 'en';
/** Parameters of the search page's state, as the server lists them on its form. */
const PAGE_PARAMS = new Set((form?.dataset.params || '').split(' ').filter(Boolean));

// ---------------------------------------------------------------------------------------
// State: URLSearchParams, changed the way the server's `Params` changes them

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
const href = (p) => {
  const query = p.toString();
  return query ? `?${query}` : './';
};

// ---------------------------------------------------------------------------------------
// Regions rendered by the server

/**
 * Swaps in each region of `html` (elements with an id, and a `<title>`): the live element
 * takes the new one's attributes and children, so it stays the same element (listeners,
 * live regions). Elements marked `data-keep` stay as they are (what is typed in them).
 * The focus stays where it was, or moves to the new twin of the control that had it.
 */
function swap(html) {
  const tpl = document.createElement('template');
  tpl.innerHTML = html;
  const active = document.activeElement;
  const selection = typeof active?.selectionStart === 'number' ? [active.selectionStart, active.selectionEnd] : null;
  for (const next of [...tpl.content.children]) {
    if (next.tagName === 'TITLE') {
      document.title = next.textContent;
      continue;
    }
    const live = next.id && $(next.id);
    if (!live) continue;
    for (const keep of next.querySelectorAll('[data-keep][id]')) {
      const old = $(keep.id);
      if (old) keep.replaceWith(old);
    }
    for (const { name } of [...live.attributes]) if (!next.hasAttribute(name)) live.removeAttribute(name);
    for (const { name, value } of next.attributes) live.setAttribute(name, value);
    live.replaceChildren(...next.childNodes);
  }
  if (active && active !== document.body && document.activeElement !== active) {
    const again = active.isConnected ? active : twin(active);
    again?.focus({ preventScroll: true });
    if (again === active && selection) active.setSelectionRange(...selection);
  }
  rovingBars();
}

/** The element now standing for `el`, which a swap removed: same id, or same control. */
function twin(el) {
  if (el.id) return $(el.id);
  if (el.name && el.value != null && el.tagName === 'INPUT') {
    return document.querySelector(`input[name="${CSS.escape(el.name)}"][value="${CSS.escape(el.value)}"]`);
  }
  return null;
}

/** The server's rendering of `part` of the page in state `p` (`regions` or `people`). */
async function fetchPart(p, part, signal) {
  const query = new URLSearchParams(p);
  query.set('fragment', part);
  const typed = $('find-person')?.value.trim();
  if (typed) query.set('find', typed);
  const res = await fetch(`?${query}`, { signal, headers: { accept: 'text/html' } });
  // Errors of the search come as regions too (a message in the results); anything else
  // (a timeout of the server, a proxy's page) is a failure.
  if (!(res.headers.get('content-type') || '').startsWith('text/html')) throw new Error(`HTTP ${res.status}`);
  return res.text();
}

// ---------------------------------------------------------------------------------------
// Loading

let state = normalize(location.search);
let controller = null;

/** Fetches and shows the regions of `state`; a newer call aborts an older one. */
async function load() {
  controller?.abort();
  const ctl = new AbortController();
  controller = ctl;
  const timer = setTimeout(() => ctl.abort(), TIMEOUT_MS);
  $('results').setAttribute('aria-busy', 'true');
  const shown = state.toString();
  try {
    const html = await fetchPart(state, 'regions', ctl.signal);
    if (ctl !== controller) return;
    swap(html);
  } catch {
    if (ctl !== controller) return; // superseded by a newer search
    $('status').textContent = '';
    $('results').replaceChildren($('search-failed').content.cloneNode(true));
  } finally {
    clearTimeout(timer);
    if (ctl === controller) {
      $('results').setAttribute('aria-busy', 'false');
      // For listeners (the focus after a link, the browser tests): which state is shown.
      $('results').dispatchEvent(new CustomEvent('annals:rendered', { detail: { state: shown } }));
    }
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

// The people facet: the people matching what is typed in its box.
let findController = null;
async function findPeople() {
  findController?.abort();
  const ctl = new AbortController();
  findController = ctl;
  try {
    const html = await fetchPart(state, 'people', ctl.signal);
    if (ctl === findController) swap(html);
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
  if (!$('results')) return;
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

/** Form controls as the server rendered them (undoes a browser's restored form values). */
function resetControls() {
  for (const el of document.querySelectorAll('input, select')) {
    if (el === document.activeElement) continue;
    if (el.type === 'checkbox' || el.type === 'radio') el.checked = el.defaultChecked;
    else if (el.tagName === 'SELECT') for (const o of el.options) o.selected = o.defaultSelected;
    else if (el.type !== 'hidden') el.value = el.defaultValue;
  }
}

/** The search page: instant search, facets, history, keyboard. */
function enhance() {
  $('keys').hidden = false;
  input.setAttribute('aria-describedby', 'keys');
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
  $('timeline').addEventListener('keydown', onTimelineKey);
  addEventListener('popstate', () => {
    state = normalize(location.search);
    typing = false;
    input.value = last(state, 'q') ?? '';
    load();
  });
  rovingBars();
}

if (form && input) {
  resetControls();
  document.addEventListener('keydown', onKeydown);
  if ($('results')) enhance();
  document.documentElement.classList.add('js');
}
