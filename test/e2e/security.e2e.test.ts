/**
 * Security and privacy (DESIGN.md "Reliability, privacy, security"):
 * - dataset strings are text, never HTML: a pack whose every string holds
 *   `<img src=x onerror=…>` and `<script>` shows them as text in the card and the side
 *   panel (no image requested, no handler run, no element made);
 * - a page cannot detect or read Backstory: no extension URL is fetchable from the page,
 *   nothing is posted to the page, the card's shadow root is closed, and the page's text
 *   and DOM outside our host are unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  closePlainChromium,
  hoverText,
  launchChromium,
  openExtensionPage,
  outDir,
  plainPage,
  readWatch,
  startServer,
  waitForDiagnostics,
  waitForScan,
  watchPage,
  type ExtensionBrowser,
  type TestServer,
} from './harness/index.ts';
import { hostilePack, XSS_IMG } from '../unit/security/hostile-pack.ts';
import { join } from 'node:path';

const HOSTILE_PAGE = '/security/hostile.html';
const PAGE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile strings</title></head>
<body><article><h1>Talks</h1><p>Yesterday Zalgo Vartanian met the press in Tbilisi.</p><p>More text without names.</p></article>
<script>
  window.__posted = [];
  addEventListener('message', (e) => window.__posted.push(typeof e.data === 'string' ? e.data : JSON.stringify(e.data)));
  window.__events = [];
  for (const t of ['backstory', 'backstory/diagnostics', 'backstory/report', 'message']) document.addEventListener(t, (e) => window.__events.push(e.type), true);
</script></body></html>`;

let ctx: ExtensionBrowser;
let server: TestServer;
let page: Page;

const pwned = (p: Page): Promise<unknown> => p.evaluate(() => (window as unknown as { __backstoryPwned?: unknown }).__backstoryPwned);

/** Requests for the payload's relative `<img src=x>` (would be /x or /security/x). */
const imgRequests = (): string[] => server.requests.filter((r) => /\/x$/.test(r));

beforeAll(async () => {
  server = await startServer({ routes: { [HOSTILE_PAGE]: PAGE_HTML } });
  ctx = await launchChromium();
  // Import the pack as the options page stores it: the pack under pack:<id>, then the index.
  const pack = hostilePack();
  await ctx.sw.evaluate(async (pack) => {
    await chrome.storage.local.set({ [`pack:${pack.id as string}`]: pack });
    await chrome.storage.local.set({ userPacks: [pack.id] });
  }, pack);
  page = await ctx.newPage();
  await watchPage(page);
});

afterAll(async () => {
  await ctx?.close();
  await server?.close();
  await closePlainChromium();
});

describe('hostile dataset strings are text', () => {
  it('the card shows the imported entity without running or loading its markup', async () => {
    await page.goto(server.url(HOSTILE_PAGE));
    await waitForDiagnostics(ctx, page, (d) => d.status === 'done' && d.entities.includes('zalgo-vartanian'), { what: 'zalgo-vartanian marked' });
    await hoverText(page, 'Zalgo Vartanian');
    await waitForDiagnostics(ctx, page, (d) => d.card.open && d.card.entityId === 'zalgo-vartanian', { what: 'card open' });
    // Give a would-be <img> time to error and its handler time to run.
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(outDir('security'), 'hostile-card.png') });
    expect(await pwned(page)).toBeUndefined();
    expect(imgRequests()).toEqual([]);
    // The host is the only node added to the page, and its shadow root is closed.
    const dom = await page.evaluate(() => ({
      hosts: document.querySelectorAll('backstory-root').length,
      shadowRoot: (document.querySelector('backstory-root') as HTMLElement | null)?.shadowRoot ?? null,
      imgs: document.images.length,
    }));
    expect(dom).toEqual({ hosts: 1, shadowRoot: null, imgs: 0 });
    expect((await readWatch(page)).mutations).toEqual([]);
  });

  it('the side panel shows the same strings as text, links are http(s) with noopener noreferrer', async () => {
    const panel = await openExtensionPage(ctx, 'src/sidepanel/index.html');
    await panel.locator('input[type="search"]').fill('Zalgo');
    const row = panel.locator('.sp-row', { hasText: 'Zalgo' }).first();
    await row.waitFor({ timeout: 10_000 });
    await row.click();
    await panel.getByText('Summary', { exact: false }).first().waitFor({ timeout: 10_000 });
    await panel.waitForTimeout(300);
    const seen = await panel.evaluate((needle) => {
      const body = document.body;
      return {
        text: body.textContent ?? '',
        imgs: [...body.querySelectorAll('img')].map((i) => i.getAttribute('src')),
        scripts: [...body.querySelectorAll('script')].length,
        onerror: [...body.querySelectorAll('[onerror]')].length,
        links: [...body.querySelectorAll('a[href]')].map((a) => ({ href: a.getAttribute('href') ?? '', rel: a.getAttribute('rel') ?? '', target: a.getAttribute('target') ?? '' })),
        hasNeedle: (body.textContent ?? '').includes(needle),
      };
    }, XSS_IMG);
    await panel.screenshot({ path: join(outDir('security'), 'hostile-sidepanel.png'), fullPage: true });
    expect(seen.hasNeedle, 'the markup is shown as text').toBe(true);
    expect(seen.imgs.filter((s) => s === 'x')).toEqual([]);
    expect(seen.onerror).toBe(0);
    expect(seen.scripts).toBe(0);
    expect(await pwned(panel)).toBeUndefined();
    for (const l of seen.links.filter((l) => /^[a-z]+:/i.test(l.href))) {
      expect(l.href).toMatch(/^https?:\/\//);
      if (l.target === '_blank') expect(l.rel).toMatch(/noopener/);
      if (l.target === '_blank') expect(l.rel).toMatch(/noreferrer/);
    }
    expect(imgRequests()).toEqual([]);
    await panel.close();
  });
});

describe('a page cannot detect or read Backstory', () => {
  it('no extension resource is reachable from the page', async () => {
    await page.goto(server.demoUrl);
    await waitForScan(ctx, page);
    const id = ctx.extensionId;
    const paths = ['content.js', 'content.css', 'manifest.json', 'icons/icon-16.png', 'icons/icon-128.png', 'src/popup/index.html', 'service-worker-loader.js', '_locales/en/messages.json'];
    const results = await page.evaluate(
      async ({ id, paths }) =>
        Promise.all(
          paths.map(async (p) => {
            const url = `chrome-extension://${id}/${p}`;
            const fetched = await fetch(url).then(
              (r) => `status ${r.status}`,
              () => 'failed',
            );
            const img = await new Promise<string>((resolve) => {
              const i = new Image();
              i.onload = () => resolve('loaded');
              i.onerror = () => resolve('failed');
              i.src = url;
            });
            return { p, fetched, img };
          }),
        ),
      { id, paths },
    );
    for (const r of results) expect(r, r.p).toEqual({ p: r.p, fetched: 'failed', img: 'failed' });
  });

  it('nothing is posted to the page, the shadow root is closed, text and DOM outside our host are unchanged', async () => {
    await page.goto(server.url(HOSTILE_PAGE));
    await waitForScan(ctx, page);
    await hoverText(page, 'Tbilisi');
    await waitForDiagnostics(ctx, page, (d) => d.card.open, { what: 'card open' });
    const seen = await page.evaluate(() => {
      const w = window as unknown as { __posted: string[]; __events: string[] };
      const host = document.querySelector('backstory-root') as HTMLElement | null;
      const clone = document.documentElement.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('backstory-root').forEach((h) => h.remove());
      return {
        posted: w.__posted,
        events: w.__events,
        hostShadow: host ? host.shadowRoot : 'no host',
        hostChildren: host ? host.childNodes.length : -1,
        hostAttrs: host ? host.getAttributeNames() : [],
        html: clone.outerHTML,
        innerText: document.body.innerText,
      };
    });
    expect(seen.posted).toEqual([]);
    expect(seen.events).toEqual([]);
    expect(seen.hostShadow).toBeNull();
    expect(seen.hostChildren).toBe(0);
    expect(seen.hostAttrs).toEqual([]);

    const plain = await plainPage();
    await plain.goto(server.url(HOSTILE_PAGE));
    const ref = await plain.evaluate(() => ({ html: document.documentElement.outerHTML, innerText: document.body.innerText }));
    await plain.close();
    expect(seen.innerText).toBe(ref.innerText);
    expect(seen.html).toBe(ref.html);
    expect((await readWatch(page)).mutations).toEqual([]);
  });
});
