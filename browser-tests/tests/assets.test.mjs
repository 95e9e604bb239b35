// Assets: caching headers, ETags, and the bytes a first visit transfers (gzip).
import assert from 'node:assert/strict';
import http from 'node:http';
import { describe, test } from 'node:test';

import { ANNALS } from '../lib.mjs';

/** GET with gzip allowed: status, headers and the bytes on the wire. */
function get(path, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.get(`${ANNALS}${path}`, { headers: { 'accept-encoding': 'gzip', ...headers } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk) => { bytes += chunk.length; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, bytes }));
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`timeout: ${path}`)));
    req.on('error', reject);
  });
}

describe('assets', () => {
  test('versioned assets are immutable; ETags answer 304', async () => {
    const page = await get('/?q=forum&ui=en');
    const html = await (await fetch(`${ANNALS}/?q=forum&ui=en`)).text();
    const css = /href="(assets\/app\.css\?v=[0-9a-f]+)"/.exec(html)?.[1];
    const js = /src="(assets\/app\.js\?v=[0-9a-f]+)"/.exec(html)?.[1];
    assert.ok(css && js, 'the page links versioned assets');
    assert.equal(page.headers['content-encoding'], 'gzip');
    for (const path of [css, js]) {
      const first = await get(`/${path}`);
      assert.equal(first.status, 200);
      assert.match(first.headers['cache-control'], /immutable/);
      assert.ok(first.headers.etag);
      const again = await get(`/${path}`, { 'if-none-match': first.headers.etag });
      assert.equal(again.status, 304);
    }
    const widget = await get('/widget.js');
    assert.match(widget.headers['content-type'], /javascript/);
    assert.match(widget.headers['cache-control'], /max-age=3600/);
    assert.equal((await get('/widget.js', { 'if-none-match': widget.headers.etag })).status, 304);
    assert.equal((await get('/assets/nope.js')).status, 404);
  });

  test('a first visit transfers under 30 kB', async (t) => {
    const html = await (await fetch(`${ANNALS}/?q=forum&ui=en`)).text();
    const paths = ['/?q=forum&ui=en', ...[...html.matchAll(/(?:href|src)="(assets\/[^"]+)"/g)].map((m) => `/${m[1]}`)];
    let total = 0;
    for (const path of paths) {
      const { bytes } = await get(path);
      t.diagnostic(`${path}: ${bytes} bytes`);
      total += bytes;
    }
    const browse = await get('/?ui=en');
    t.diagnostic(`total for /?q=forum: ${total} bytes gzip; the browse page /?ui=en alone: ${browse.bytes} bytes`);
    assert.ok(total < 30 * 1024, `${total} bytes`);
  });
});
