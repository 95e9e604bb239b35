/*! annals search widget. On a page of the site:
 *   <script src="https://search.example.org/widget.js" data-input="#search" defer></script>
 * turns the input matched by data-input into an instant dropdown of results from the annals
 * server this file came from. Optional: data-lang (kk, ru, en; default: the page's <html lang>),
 * data-limit (results shown, 1 to 20, default 6), data-theme="auto" (follow the dark scheme).
 * Defines one global, window.AnnalsWidget = { attach(input, options), version }.
 */
(() => {
  'use strict';

  const script = document.currentScript;
  if (!script || !script.src || window.AnnalsWidget) return;

  /** The annals server: where this script was loaded from (a path prefix is kept). */
  const base = new URL('./', script.src);
  const DEBOUNCE_MS = 150;
  const MIN_CHARS = 2;
  const TIMEOUT_MS = 8000;
  const LANGS = ['kk', 'ru', 'en'];
  const STRINGS = {
    en: { label: 'Search results', none: 'Nothing found', all: 'All results for “{q}”', count: ['{n} result', '{n} results'] },
    ru: { label: 'Результаты поиска', none: 'Ничего не найдено', all: 'Все результаты по запросу «{q}»', count: ['{n} результат', '{n} результата', '{n} результатов'] },
    kk: { label: 'Іздеу нәтижелері', none: 'Ештеңе табылмады', all: '«{q}» бойынша барлық нәтижелер', count: ['{n} нәтиже', '{n} нәтиже'] },
  };
  const CSS = `
.annals-w{position:fixed;z-index:2147483000;box-sizing:border-box;margin:0;padding:4px;overflow:auto;
  background:var(--annals-bg,#fff);color:var(--annals-text,#172026);border:1px solid var(--annals-border,#d0d8de);
  border-radius:var(--annals-radius,10px);box-shadow:0 12px 32px rgba(0,0,0,.18);text-align:left;
  font:14px/1.4 var(--annals-font,system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif)}
.annals-w[hidden]{display:none}
.annals-w *{box-sizing:border-box}
.annals-w ul.annals-w-list{list-style:none;margin:0;padding:0}
.annals-w li.annals-w-item{margin:0;padding:0;list-style:none}
.annals-w a.annals-w-link{display:block;padding:8px 10px;border-radius:7px;color:inherit;text-decoration:none;cursor:pointer}
.annals-w li[aria-selected="true"]>a.annals-w-link{background:var(--annals-active,#e6f0f5)}
.annals-w .annals-w-title{display:block;font-weight:600;color:var(--annals-link,#0b5f8a)}
.annals-w .annals-w-meta{display:block;font-size:12px;opacity:.75}
.annals-w .annals-w-snippet{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden;margin-top:2px;font-size:13px}
.annals-w mark{padding:0 1px;border-radius:2px;background:var(--annals-mark,#fde68a);color:inherit}
.annals-w .annals-w-empty{padding:8px 10px;opacity:.75}
.annals-w li.annals-w-all{margin-top:2px;border-top:1px solid var(--annals-border,#d0d8de)}
.annals-w li.annals-w-all>a.annals-w-link{font-size:13px;color:var(--annals-link,#0b5f8a)}
@media (prefers-color-scheme:dark){.annals-w.annals-w-auto{--annals-bg:#172026;--annals-text:#e4eaee;
  --annals-border:#2c3942;--annals-active:#1f2f38;--annals-link:#7cc4f0;--annals-mark:#7a5d0c}}
.annals-w-sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap;border:0}`;

  let uid = 0;
  let styled = false;

  /** Scoped styles, once; a constructed sheet passes a strict style-src policy. */
  function addStyles() {
    if (styled) return;
    styled = true;
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    } catch {
      const style = document.createElement('style');
      style.textContent = CSS;
      document.head.append(style);
    }
  }

  /** An element; strings become text nodes, never markup. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v != null) node.setAttribute(k, String(v));
    node.append(...children.filter((c) => c != null));
    return node;
  }

  /** The engine's snippet is escaped text with <mark>: keep only text and <mark>. */
  function snippet(html) {
    const tpl = document.createElement('template');
    tpl.innerHTML = html || '';
    const out = el('span', { class: 'annals-w-snippet' });
    for (const n of tpl.content.childNodes) out.append(n.nodeName === 'MARK' ? el('mark', null, n.textContent) : n.textContent);
    return out;
  }

  const fill = (s, values) => s.replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m));

  function attach(input, options = {}) {
    if (!(input instanceof HTMLInputElement) || input.hasAttribute('data-annals-widget')) return null;
    input.setAttribute('data-annals-widget', '');
    addStyles();

    const pageLang = (document.documentElement.lang || '').slice(0, 2).toLowerCase();
    const lang = [options.lang, pageLang].find((l) => LANGS.includes(l)) || '';
    const text = STRINGS[lang] || STRINGS.en;
    const plural = new Intl.PluralRules(lang || 'en');
    const count = (n) => {
      const forms = text.count;
      const i = { one: 0, few: 1, many: 2 }[plural.select(n)] ?? 1;
      return fill(forms[Math.min(i, forms.length - 1)], { n });
    };
    const dates = new Intl.DateTimeFormat(lang || 'en', { dateStyle: 'medium', timeZone: 'UTC' });
    const limit = Math.min(20, Math.max(1, parseInt(options.limit, 10) || 6));
    const siteBase = options.site ? new URL(options.site, location.href) : new URL(location.href);

    const id = `annals-w-${++uid}`;
    const list = el('ul', { class: 'annals-w-list', id: `${id}-list`, role: 'listbox', 'aria-label': text.label });
    const box = el('div', { class: `annals-w${options.theme === 'auto' ? ' annals-w-auto' : ''}`, id, hidden: '' }, list);
    const live = el('div', { class: 'annals-w-sr', role: 'status' });
    document.body.append(box, live);

    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('autocomplete', 'off');

    let active = -1;
    let timer = 0;
    let controller = null;

    const items = () => [...list.querySelectorAll('[role="option"]')];

    function place() {
      const r = input.getBoundingClientRect();
      const vw = document.documentElement.clientWidth;
      const width = Math.min(Math.max(r.width, 320), vw - 16);
      box.style.left = `${Math.max(8, Math.min(r.left, vw - width - 8))}px`;
      box.style.top = `${r.bottom + 4}px`;
      box.style.width = `${width}px`;
      box.style.maxHeight = `${Math.max(160, window.innerHeight - r.bottom - 16)}px`;
    }

    function open() {
      if (!list.children.length) return;
      place();
      box.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }

    function close() {
      box.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      setActive(-1);
    }

    function setActive(i) {
      const all = items();
      active = all.length ? ((i % all.length) + all.length) % all.length : -1;
      if (i < 0) active = -1;
      all.forEach((o, j) => o.setAttribute('aria-selected', String(j === active)));
      if (active >= 0) {
        input.setAttribute('aria-activedescendant', all[active].id);
        all[active].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function option(i, href, ...content) {
      return el('li', { class: 'annals-w-item', role: 'option', id: `${id}-o${i}`, 'aria-selected': 'false' },
        el('a', { class: 'annals-w-link', href, tabindex: '-1' }, ...content));
    }

    function show(q, res) {
      const hits = res.hits || [];
      const items = hits.map((hit, i) => {
        const day = /^\d{4}-\d{2}-\d{2}/.test(hit.published || '') ? dates.format(new Date(hit.published.slice(0, 10))) : '';
        return option(i, new URL(hit.url, siteBase).href,
          el('span', { class: 'annals-w-title', lang: hit.lang }, hit.title || ''),
          el('span', { class: 'annals-w-meta' }, [day, (hit.lang || '').toUpperCase()].filter(Boolean).join(' · ')),
          snippet(hit.snippet));
      });
      if (!hits.length) items.push(el('li', { class: 'annals-w-empty', role: 'presentation' }, text.none));
      const all = new URL(base);
      all.searchParams.set('q', q);
      if (lang) all.searchParams.set('ui', lang);
      const more = option(hits.length, all.href, fill(text.all, { q }));
      more.classList.add('annals-w-all');
      items.push(more);
      list.replaceChildren(...items);
      live.textContent = hits.length ? count(res.total) : text.none;
      active = -1;
      open();
    }

    async function search() {
      const q = input.value.trim();
      controller?.abort();
      if (q.length < MIN_CHARS) {
        list.replaceChildren();
        close();
        return;
      }
      const ctl = new AbortController();
      controller = ctl;
      const stop = setTimeout(() => ctl.abort(), TIMEOUT_MS);
      const url = new URL('api/search', base);
      url.search = new URLSearchParams({ q, per_page: String(limit), facets: 'false', ...(lang ? { lang } : {}) });
      list.setAttribute('aria-busy', 'true');
      try {
        const res = await fetch(url, { signal: ctl.signal, credentials: 'omit', headers: { accept: 'application/json' } });
        if (!res.ok) throw new Error(`annals: HTTP ${res.status}`);
        const body = await res.json();
        if (ctl === controller && input.value.trim() === q) show(q, body);
      } catch (err) {
        if (ctl === controller && err.name !== 'AbortError') close();
      } finally {
        clearTimeout(stop);
        if (ctl === controller) list.removeAttribute('aria-busy');
      }
    }

    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(search, DEBOUNCE_MS);
    });
    input.addEventListener('keydown', (e) => {
      const expanded = !box.hidden;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        if (!expanded) {
          open();
          if (box.hidden) return;
        }
        e.preventDefault();
        const n = items().length;
        setActive(e.key === 'ArrowDown' ? (active < 0 ? 0 : active + 1) : (active < 0 ? n - 1 : active - 1));
      } else if (e.key === 'Enter' && expanded && active >= 0) {
        const link = items()[active]?.querySelector('a');
        if (link) {
          e.preventDefault();
          location.assign(link.href);
        }
      } else if (e.key === 'Escape' && expanded) {
        e.preventDefault();
        close();
      }
    });
    input.addEventListener('focus', () => { if (input.value.trim().length >= MIN_CHARS) open(); });
    input.addEventListener('blur', () => setTimeout(() => { if (!box.contains(document.activeElement)) close(); }, 0));
    // Keep the focus in the input while a result is clicked.
    box.addEventListener('mousedown', (e) => e.preventDefault());
    box.addEventListener('mousemove', (e) => {
      const item = e.target.closest('[role="option"]');
      const i = items().indexOf(item);
      if (i >= 0 && i !== active) setActive(i);
    });
    document.addEventListener('pointerdown', (e) => {
      if (!box.hidden && e.target !== input && !box.contains(e.target)) close();
    });
    const reposition = () => { if (!box.hidden) place(); };
    addEventListener('resize', reposition, { passive: true });
    addEventListener('scroll', reposition, { passive: true, capture: true });
    return { close, search };
  }

  function start() {
    const selector = script.dataset.input || '#search';
    const inputs = document.querySelectorAll(selector);
    if (!inputs.length) console.warn(`annals widget: no input matches ${selector}`);
    for (const input of inputs) {
      attach(input, { lang: script.dataset.lang, limit: script.dataset.limit, theme: script.dataset.theme, site: script.dataset.site });
    }
  }

  window.AnnalsWidget = Object.freeze({ attach, version: 1 });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
})();
