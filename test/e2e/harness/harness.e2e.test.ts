/**
 * The harness checks itself, without the extension: the server's types and headers, the
 * offline rule, and that the page watcher does see mutations (a watcher that cannot fail
 * would make the "no mutation" tests worthless).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_MISSING, chromiumPath, closePlainChromium, plainPage, readWatch, startServer, watchPage, bodyText, type TestServer } from './index.ts';

const hasChromium = chromiumPath() !== undefined;
if (!hasChromium) console.warn(CHROMIUM_MISSING);

describe('startServer', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({
      routes: { '/inline.html': '<!doctype html><p>hi</p>', '/data.json': { body: '{"a":1}', status: 201 } },
      headers: { '/inline.html': { 'Content-Security-Policy': "default-src 'self'" }, '/demo/*': { 'X-Demo': '1' } },
    });
  });
  afterAll(() => server.close());

  it('serves the demo article as UTF-8 HTML with per-path headers', async () => {
    const r = await fetch(server.demoUrl);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(r.headers.get('x-demo')).toBe('1');
    expect(await r.text()).toContain('Mikhail Galuzin');
  });

  it('serves in-memory routes with their headers and status', async () => {
    const page = await fetch(server.url('/inline.html'));
    expect(page.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const data = await fetch(server.url('/data.json'));
    expect(data.status).toBe(201);
    expect(data.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('answers 404 for missing files and paths outside its folders', async () => {
    expect((await fetch(server.url('/nope.html'))).status).toBe(404);
    expect((await fetch(server.url('/demo/%2e%2e/%2e%2e/package.json'))).status).toBe(404);
  });
});

describe.skipIf(!hasChromium)('plainPage and watchPage', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({
      routes: {
        '/remote.html': '<!doctype html><img src="http://example.invalid/a.png"><script src="https://cdn.example.com/x.js"></script><p>offline</p>',
        '/mutates.html': `<!doctype html><body><p id="p">text</p><script>
          addEventListener('load', () => setTimeout(() => {
            document.getElementById('p').setAttribute('data-x', '1');
            document.body.append(document.createElement('span'));
            const host = document.createElement('backstory-root');
            document.documentElement.append(host);
            host.append(document.createElement('div'));
            window.done = true;
          }, 10));
        </script></body>`,
      },
    });
  });
  afterAll(async () => {
    await closePlainChromium();
    await server.close();
  });

  it('loads a page with remote resources fast, since remote requests are aborted', async () => {
    const page = await plainPage();
    const t0 = Date.now();
    await page.goto(server.url('/remote.html'), { waitUntil: 'load' });
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(await bodyText(page)).toContain('offline');
    await page.close();
  });

  it('records page mutations after DOMContentLoaded and ignores <backstory-root>', async () => {
    const page = await plainPage();
    await watchPage(page);
    await page.goto(server.url('/mutates.html'));
    await page.waitForFunction(() => (window as unknown as { done?: boolean }).done === true);
    const seen = await readWatch(page);
    expect(seen.mutations.map((m) => [m.type, m.target, m.attributeName ?? '', m.added.join(',')].filter(Boolean).join(' '))).toEqual(['attributes p#p data-x', 'childList body span']);
    expect(seen.textAtDomReady).toContain('text');
    await page.close();
  });
});
