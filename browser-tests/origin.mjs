// A second loopback origin standing in for the Grav site: a page embedding the widget, a
// page without it, and a stand-in page for any post URL (so following a result lands).
//
//   node origin.mjs   → prints "listening on http://127.0.0.1:PORT", serves until SIGTERM
import http from 'node:http';

const escape = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(lang, body) {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Hematology Center</title>
<style>body{margin:0;font:17px/1.5 Georgia,serif;background:#fbfaf7;color:#222}
header{display:flex;gap:2rem;align-items:center;padding:1rem 2rem;background:#7a1f24;color:#fff}
header h1{margin:0;font-size:1.3rem}#search{width:22rem;max-width:60vw;padding:.45rem .7rem;font:inherit;border:0;border-radius:4px}
main{padding:2rem;max-width:40rem}</style></head><body>${body}</body></html>`;
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const lang = ['kk', 'ru', 'en'].includes(url.searchParams.get('lang')) ? url.searchParams.get('lang') : 'en';
  const send = (status, html) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
  };
  const header = '<header><h1>Hematology Center</h1><form action="/search" method="get" role="search">'
    + '<input id="search" name="q" type="search" placeholder="Search the site" aria-label="Search the site"></form></header>'
    + '<main><h2>News</h2><p>The center\'s latest news and events.</p></main>';
  if (url.pathname === '/widget.html') {
    const annals = url.searchParams.get('annals') ?? '';
    if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(annals)) return send(400, 'annals= must be a loopback origin');
    return send(200, page(lang, `${header}<script src="${annals}/widget.js" data-input="#search" data-limit="5" defer></script>`));
  }
  if (url.pathname === '/plain.html') return send(200, page(lang, header));
  if (url.pathname === '/favicon.ico') return send(204, '');
  return send(200, page(lang, `<main><h1 id="post">${escape(url.pathname)}</h1></main>`));
});

server.listen(0, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port}`));
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
