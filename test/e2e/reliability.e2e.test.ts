/**
 * Reliability (DESIGN.md "Reliability, privacy, security"):
 * - switching Backstory off and on 20 times through storage (as the popup does) leaves the
 *   page DOM exactly as it was, and the marks come back;
 * - a stopped service worker (CDP ServiceWorker.stopAllWorkers) leaves marking and cards
 *   working;
 * - a full storage.local quota, then importing a pack on the options page: a clear
 *   message, and the pack imported before is still there;
 * - a corrupted stored setting: the popup says so, and pages work with the defaults;
 * - what a page can reach (made-up events on our host, the document and the window; focus;
 *   a selection of the whole page) neither drives the card nor reads it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  diagnostics,
  hoverText,
  launchChromium,
  openExtensionPage,
  readWatch,
  serviceWorkerRunning,
  setSettings,
  setStorageRaw,
  startServer,
  stopServiceWorker,
  waitForDiagnostics,
  waitForScan,
  wakeServiceWorker,
  watchPage,
  type ExtensionBrowser,
  type TestServer,
} from './harness/index.ts';
import { hostilePack } from '../unit/security/hostile-pack.ts';

let ctx: ExtensionBrowser;
let server: TestServer;
let page: Page;

/** The page's markup without our host. */
const domWithoutHost = (p: Page): Promise<string> =>
  p.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('backstory-root').forEach((h) => h.remove());
    return clone.outerHTML;
  });

beforeAll(async () => {
  server = await startServer();
  ctx = await launchChromium();
  page = await ctx.newPage();
});

afterAll(async () => {
  await ctx?.close();
  await server?.close();
});

describe('reliability', () => {
  it('switching off and on 20 times leaves the DOM exactly as it was', async () => {
    await watchPage(page);
    await page.goto(server.demoUrl);
    const first = await waitForScan(ctx, page);
    expect(first.mentions).toBeGreaterThan(0);
    // Open a card once so the host exists, then close it.
    await hoverText(page, 'Galuzin');
    await waitForDiagnostics(ctx, page, (d) => d.card.open, { what: 'card open' });
    await page.mouse.move(2, 2);
    await waitForDiagnostics(ctx, page, (d) => !d.card.open, { what: 'card closed' });
    const before = await domWithoutHost(page);
    const text = await page.evaluate(() => document.body.innerText);
    for (let i = 0; i < 20; i++) {
      await setSettings(ctx, { enabled: false });
      await waitForDiagnostics(ctx, page, (d) => !d.active && Object.keys(d.highlights).length === 0, { what: `off (${i + 1})`, interval: 30 });
      await setSettings(ctx, { enabled: true });
      await waitForDiagnostics(ctx, page, (d) => d.active && d.status === 'done' && d.mentions === first.mentions, { what: `on (${i + 1})`, interval: 30 });
    }
    expect(await domWithoutHost(page)).toBe(before);
    expect(await page.evaluate(() => document.body.innerText)).toBe(text);
    expect((await readWatch(page)).mutations).toEqual([]);
    // Once off, not even our host remains.
    await setSettings(ctx, { enabled: false });
    await waitForDiagnostics(ctx, page, (d) => !d.active, { what: 'off' });
    expect(await page.evaluate(() => document.querySelectorAll('backstory-root').length)).toBe(0);
    await setSettings(ctx, { enabled: true });
    await waitForScan(ctx, page);
  }, 60_000);

  it('a stopped service worker: marking and cards keep working', async () => {
    await page.goto(server.demoUrl);
    await waitForScan(ctx, page);
    await stopServiceWorker(ctx, page);
    expect(await serviceWorkerRunning(ctx, page)).toBe(false);
    // A new document needs the worker for its records and report: its messages wake it.
    await page.goto(server.url('/demo/article.html?after-stop'));
    const d = await waitForScan(ctx, page);
    for (let i = 0; i < 50 && !(await serviceWorkerRunning(ctx, page)); i++) await page.waitForTimeout(100);
    expect(await serviceWorkerRunning(ctx, page)).toBe(true);
    expect(d.mentions).toBeGreaterThan(0);
    await hoverText(page, 'Tbilisi');
    const open = await waitForDiagnostics(ctx, page, (d) => d.card.open, { what: 'card open after a worker restart' });
    expect(open.card.entityId).toBe('tbilisi');
    // And a settings change made while the worker is stopped still applies.
    await page.mouse.move(2, 2);
    await stopServiceWorker(ctx, page);
    await wakeServiceWorker(ctx);
    await setSettings(ctx, { hiddenTypes: ['place'] });
    await waitForDiagnostics(ctx, page, (d) => !d.entities.includes('tbilisi') && d.mentions > 0, { what: 'places hidden' });
    await setSettings(ctx, { hiddenTypes: [] });
    await waitForDiagnostics(ctx, page, (d) => d.entities.includes('tbilisi'), { what: 'places back' });
  }, 60_000);

  it('a full storage.local quota: importing a pack says so clearly and loses nothing', async () => {
    // One pack imported while there was room.
    const kept = { ...hostilePack(), id: 'kept-pack', name: 'Kept pack' };
    await ctx.sw.evaluate(async (pack) => {
      await chrome.storage.local.set({ 'pack:kept-pack': pack });
      await chrome.storage.local.set({ userPacks: ['kept-pack'] });
    }, kept);
    // Fill the quota (10 MB without unlimitedStorage) until set() rejects, halving the chunk.
    const filled = await ctx.sw.evaluate(async () => {
      let n = 0;
      let bytes = 0;
      let lastError = '';
      for (let size = 1 << 20; size >= 64;) {
        try {
          await chrome.storage.local.set({ [`fill:${n}`]: 'x'.repeat(size) });
          n++;
          bytes += size;
        } catch (e) {
          lastError = String(e);
          size >>= 1;
        }
      }
      return { n, bytes, lastError };
    });
    expect(filled.lastError).toMatch(/quota/i);
    const before = await ctx.sw.evaluate(async () => chrome.storage.local.get(['userPacks', 'pack:kept-pack']));

    const options = await openExtensionPage(ctx, 'src/options/index.html');
    const newPack = { ...hostilePack(), id: 'new-pack', name: 'New pack', entities: [{ ...(hostilePack().entities as object[])[0], summary: 'y'.repeat(250) }] };
    await options.locator('input[type="file"]').setInputFiles({ name: 'new-pack.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(newPack)) });
    const message = options.getByText(/too large|space|quota/i).first();
    await message.waitFor({ timeout: 10_000 });
    const said = (await message.textContent()) ?? '';
    expect(said).toMatch(/Nothing was changed|nothing was changed/);

    const after = await ctx.sw.evaluate(async () => chrome.storage.local.get(['userPacks', 'pack:kept-pack', 'pack:new-pack']));
    expect(after['userPacks']).toEqual(before['userPacks']);
    expect(after['pack:kept-pack']).toEqual(before['pack:kept-pack']);
    expect(after['pack:new-pack']).toBeUndefined();
    await options.close();
    // Free the space again (and drop the kept pack) for the other tests.
    await ctx.sw.evaluate(async (n) => {
      await chrome.storage.local.remove(Array.from({ length: n }, (_, i) => `fill:${i}`));
      await chrome.storage.local.remove(['pack:kept-pack', 'userPacks']);
    }, filled.n);
  }, 60_000);

  it('a corrupted setting: the popup shows a notice and pages work with the defaults', async () => {
    for (const [value, notice] of [
      ['garbage', /could not be read/i],
      [{ enabled: 'yes', showDelayMs: -5 }, /setting “Backstory on” was not valid/i],
    ] as const) {
      await setStorageRaw(ctx, 'sync', { settings: value });
      const popup = await openExtensionPage(ctx, 'src/popup/index.html');
      await popup.getByText(notice).first().waitFor({ timeout: 10_000 });
      await popup.close();
      await page.goto(server.demoUrl);
      const d = await waitForScan(ctx, page);
      expect(d.active).toBe(true);
      expect(d.mentions).toBeGreaterThan(0);
    }
    await ctx.sw.evaluate(async () => chrome.storage.sync.remove('settings'));
  }, 60_000);

  it('what a page can reach (events on our host, the document and the window, focus, selection) neither drives nor reads the card', async () => {
    await page.goto(server.demoUrl);
    const d0 = await waitForScan(ctx, page);
    await hoverText(page, 'Galuzin');
    const open = await waitForDiagnostics(ctx, page, (d) => d.card.open, { what: 'card open' });
    const seen = await page.evaluate(() => {
      const host = document.querySelector('backstory-root') as HTMLElement;
      const mark = [...document.querySelectorAll('p')].find((p) => p.textContent?.includes('Galuzin'))!;
      const r = mark.getBoundingClientRect();
      const at = { clientX: r.left + 4, clientY: r.top + 4, bubbles: true, composed: true, cancelable: true };
      const away = { clientX: 5, clientY: window.innerHeight - 5, bubbles: true, composed: true, cancelable: true };
      // Made-up input, on our host and around it: Esc, Alt, clicks and taps away and on a name,
      // the pointer leaving the window, focus moves.
      for (const target of [host, document, window, document.documentElement, document.body]) {
        target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
        target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Alt', altKey: true, bubbles: true, composed: true }));
        for (const init of [away, at]) {
          target.dispatchEvent(new PointerEvent('pointerdown', { ...init, pointerType: 'mouse' }));
          target.dispatchEvent(new PointerEvent('pointerdown', { ...init, pointerType: 'touch' }));
          target.dispatchEvent(new PointerEvent('pointerup', { ...init, pointerType: 'touch' }));
          target.dispatchEvent(new PointerEvent('pointermove', { ...init, pointerType: 'mouse' }));
          target.dispatchEvent(new MouseEvent('click', init));
        }
        target.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
      }
      document.documentElement.dispatchEvent(new PointerEvent('pointerleave', { bubbles: false }));
      host.click();
      host.focus();
      // What the page can read of the card: nothing through the host, the focus or a selection.
      const sel = document.getSelection()!;
      sel.selectAllChildren(document.documentElement);
      const selected = sel.toString();
      sel.removeAllRanges();
      return {
        shadowRoot: host.shadowRoot === null,
        children: host.childNodes.length,
        text: host.textContent,
        innerText: host.innerText,
        activeInside: document.activeElement !== null && document.activeElement !== host && host.contains(document.activeElement),
        selected,
      };
    });
    expect(seen.shadowRoot).toBe(true);
    expect(seen.children).toBe(0);
    expect(seen.text).toBe('');
    expect(seen.innerText).toBe('');
    expect(seen.activeInside).toBe(false);
    expect(seen.selected).toContain('Galuzin');
    expect(seen.selected).not.toContain('Full background');
    await page.waitForTimeout(600); // longer than the hide grace period
    const d1 = await diagnostics(ctx, page);
    expect(d1?.card).toEqual({ ...open.card, height: d1?.card.height, scrolls: d1?.card.scrolls, letters: d1?.card.letters });
    expect(d1?.card.open).toBe(true);
    expect(d1?.mentions).toBe(d0.mentions);
    expect(d1?.highlights).toEqual({ ...d0.highlights, 'backstory-active': 1 });
    expect(d1?.passes).toBe(d0.passes);
    await page.keyboard.press('Escape'); // the reader's Esc still closes it
    await waitForDiagnostics(ctx, page, (d) => !d.card.open, { what: 'closed by the reader' });
  });
});
