/**
 * The card's behaviour in the real browser (issue #5, WCAG 2.1 SC 1.4.13): dwell and
 * speed intent, grace period, entering the card, pin, Esc, click elsewhere, keyboard
 * stepping (the `backstory/step` command from the service worker) with focus inside and
 * Tab cycling, reveal + flash, modifier and click modes (links keep their click), touch,
 * live settings and "Don't mark this site" with Undo. The card lives in a closed shadow
 * root: tests read its state from the diagnostics and find it on screen by hit-testing.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  diagnostics,
  hoverText,
  launchChromium,
  readWatch,
  startServer,
  tabIdOf,
  textRect,
  waitForDiagnostics,
  waitForScan,
  watchPage,
  type Diagnostics,
  type ExtensionBrowser,
  type TestServer,
} from './harness/index.ts';
import { hasChromium } from './harness/suite.ts';
import type { Settings } from '../../src/shared/settings.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!hasChromium)('The card (Chromium)', () => {
  let server: TestServer;
  let ctx: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    ctx = await launchChromium();
  });
  afterAll(async () => {
    await ctx?.close();
    await server?.close();
  });

  /** Replaces part of the stored settings (as the popup does). */
  async function setSettings(patch: Partial<Settings>): Promise<void> {
    await ctx.sw.evaluate(async (patch) => {
      const got = await chrome.storage.sync.get('settings');
      await chrome.storage.sync.set({ settings: { ...((got.settings as object) ?? {}), ...patch } });
    }, patch);
  }

  /** Sends a message to the page's content script from the service worker. */
  async function send(message: Record<string, unknown>): Promise<Record<string, unknown>> {
    const tabId = await tabIdOf(ctx, page);
    return ctx.sw.evaluate(({ tabId, message }) => chrome.tabs.sendMessage(tabId, message, { frameId: 0 }), { tabId, message }) as Promise<Record<string, unknown>>;
  }

  const card = async (): Promise<Diagnostics['card']> => (await diagnostics(ctx, page))!.card;
  const opened = (what = 'card open') => waitForDiagnostics(ctx, page, (d) => d.card.open, { what });
  const closed = (what = 'card closed') => waitForDiagnostics(ctx, page, (d) => !d.card.open, { what });

  /** The card's box on screen, found by the page's own hit-testing (the root is closed). */
  async function cardBox(): Promise<{ left: number; top: number; right: number; bottom: number } | null> {
    return page.evaluate(() => {
      const host = document.querySelector('backstory-root');
      if (!host) return null;
      let left = Infinity;
      let top = Infinity;
      let right = -Infinity;
      let bottom = -Infinity;
      for (let y = 0; y < innerHeight; y += 3) {
        for (let x = 0; x < innerWidth; x += 3) {
          if (document.elementFromPoint(x, y) !== host) continue;
          left = Math.min(left, x);
          top = Math.min(top, y);
          right = Math.max(right, x);
          bottom = Math.max(bottom, y);
        }
      }
      return left === Infinity ? null : { left, top, right, bottom };
    });
  }

  beforeEach(async () => {
    await setSettings({
      showMode: 'hover',
      showDelayMs: 250,
      hideDelayMs: 300,
      hiddenTopics: [],
      hiddenTypes: [],
      highlightStyle: 'underline',
      firstMentionOnly: false,
      enabled: true,
      disabledPacks: [],
    });
    await ctx.sw.evaluate(() => chrome.storage.local.set({ disabledSites: [] }));
    page = await ctx.newPage();
    await watchPage(page);
    await page.goto(server.url('/card/page.html'));
    await waitForScan(ctx, page);
    return async () => {
      const w = await readWatch(page);
      expect(w.mutations).toEqual([]);
      expect(w.errors).toEqual([]);
      await page.close();
    };
  });

  it('shows only after the dwell, then hides after the grace period once the pointer leaves', async () => {
    await hoverText(page, 'Galuzin');
    expect((await card()).open).toBe(false);
    const d = await opened();
    expect(d.card.entityId).toBe('mikhail-galuzin');
    expect(d.card.focused).toBe(false);
    // Away to blank space (not the card): still open within the grace period, closed after it.
    await page.mouse.move(8, 880, { steps: 2 });
    await sleep(120);
    expect((await card()).open).toBe(true);
    await closed();
  });

  it('does not open while the pointer sweeps fast over a name, and opens once it rests', async () => {
    const r = await textRect(page, 'Mikhail Galuzin');
    const y = r.y + r.height / 2;
    await page.mouse.move(r.x + 2, y);
    // ~1.5 px/ms back and forth across the name for ~600 ms (well past the dwell).
    for (let i = 0; i < 30; i++) {
      await page.mouse.move(i % 2 ? r.x + 4 : r.x + r.width - 4, y);
      await sleep(20);
    }
    expect((await card()).open).toBe(false);
    await opened('card open after the pointer rests');
  });

  it('stays open while the pointer is in the card, and clicking inside does not close it', async () => {
    await hoverText(page, 'Galuzin');
    await opened();
    const box = (await cardBox())!;
    const r = await textRect(page, 'Galuzin');
    expect(box.top).toBeGreaterThan(r.y + r.height - 1); // below the name, not on it
    // Into the card through the gap, then linger past the grace period.
    await page.mouse.move(box.left + 40, box.top + 60, { steps: 4 });
    await sleep(700);
    expect((await card()).open).toBe(true);
    await page.mouse.click(box.left + 40, box.top + 60);
    await sleep(100);
    expect((await card()).open).toBe(true);
    // A click elsewhere closes it.
    await page.mouse.click(8, 880);
    await closed();
  });

  describe('placement (the card-placement fixture)', () => {
    type Box = { left: number; top: number; right: number; bottom: number };
    /** cardBox() probes every 3 px: edges are known to within this. */
    const SLACK = 4;

    beforeEach(async () => {
      await page.goto(server.url('/card-placement/page.html'));
      const d = await waitForScan(ctx, page);
      expect([...d.entities].sort()).toEqual(['geneva-international-discussions', 'mikhail-galuzin', 'moscow', 'tbilisi']);
    });

    /** The line boxes of `text` where it is now (no scrolling). */
    const lineBoxes = (text: string): Promise<Box[]> =>
      page.evaluate((text) => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const i = (n as Text).data.indexOf(text);
          if (i < 0) continue;
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + text.length);
          return [...r.getClientRects()].filter((b) => b.width > 0).map((b) => ({ left: b.left, top: b.top, right: b.right, bottom: b.bottom }));
        }
        return [];
      }, text);
    const overlaps = (a: Box, b: Box): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

    /** The card is inside the viewport, 8 px in, give or take the probe's step. */
    async function expectInView(box: Box): Promise<void> {
      const view = await page.evaluate(() => ({ width: document.documentElement.clientWidth, height: document.documentElement.clientHeight }));
      expect(box.left).toBeGreaterThanOrEqual(8 - SLACK);
      expect(box.top).toBeGreaterThanOrEqual(8 - SLACK);
      expect(box.right).toBeLessThanOrEqual(view.width - 8);
      expect(box.bottom).toBeLessThanOrEqual(view.height - 8);
    }

    it('opens below the mention, left edges aligned; at the right edge it shifts in', async () => {
      await hoverText(page, 'Moscow');
      await opened();
      const [name] = await lineBoxes('Moscow');
      const box = (await cardBox())!;
      await expectInView(box);
      expect(box.top - name!.bottom).toBeGreaterThanOrEqual(6 - SLACK);
      expect(box.top - name!.bottom).toBeLessThanOrEqual(6 + SLACK);
      expect(box.left).toBeLessThan(name!.left); // shifted left of the name to stay in view
      expect(overlaps(box, name!)).toBe(false);
    });

    it('flips above a mention at the bottom edge of the viewport', async () => {
      await page.evaluate(() => window.scrollTo(0, document.getElementById('low')!.offsetTop - innerHeight + 50));
      const [name] = await lineBoxes('Tbilisi');
      expect(name!.bottom).toBeLessThan(await page.evaluate(() => innerHeight));
      await page.mouse.move(2, 2);
      await page.mouse.move((name!.left + name!.right) / 2, (name!.top + name!.bottom) / 2, { steps: 4 });
      expect((await opened()).card.entityId).toBe('tbilisi');
      const box = (await cardBox())!;
      await expectInView(box);
      expect(name!.top - box.bottom).toBeGreaterThanOrEqual(6 - SLACK);
      expect(name!.top - box.bottom).toBeLessThanOrEqual(6 + SLACK);
      expect(Math.abs(box.left - name!.left)).toBeLessThanOrEqual(SLACK);
    });

    it('for a name wrapped over lines, aligns with the line under the pointer and covers none of them', async () => {
      await hoverText(page, 'Geneva');
      expect((await opened()).card.entityId).toBe('geneva-international-discussions');
      const lines = await lineBoxes('Geneva International Discussions');
      expect(lines.length).toBeGreaterThanOrEqual(2); // the fixture really wraps it
      const box = (await cardBox())!;
      await expectInView(box);
      expect(Math.abs(box.left - lines[0]!.left)).toBeLessThanOrEqual(SLACK); // "Geneva", not the column's edge
      expect(box.top).toBeGreaterThanOrEqual(lines.at(-1)!.bottom + 6 - SLACK);
      for (const line of lines) expect(overlaps(box, line)).toBe(false);
    });

    it('follows its mention when a scrolling box or the page scrolls', async () => {
      await setSettings({ showMode: 'click' });
      await sleep(100);
      const r = await textRect(page, 'Galuzin');
      await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
      expect((await opened()).card.entityId).toBe('mikhail-galuzin');
      const below = async (): Promise<number> => {
        const [name] = await lineBoxes('Galuzin');
        return (await cardBox())!.top - name!.bottom;
      };
      const top0 = (await cardBox())!.top;
      expect(Math.abs((await below()) - 6)).toBeLessThanOrEqual(SLACK);
      // The box's scroll event does not reach the window: the card hears it all the same.
      await page.evaluate(() => (document.getElementById('scroller')!.scrollTop = 10));
      await sleep(150);
      expect(Math.abs((await cardBox())!.top - (top0 - 10))).toBeLessThanOrEqual(SLACK);
      expect(Math.abs((await below()) - 6)).toBeLessThanOrEqual(SLACK);
      await page.evaluate(() => window.scrollBy(0, 40));
      await sleep(150);
      expect(Math.abs((await cardBox())!.top - (top0 - 50))).toBeLessThanOrEqual(SLACK);
      expect(Math.abs((await below()) - 6)).toBeLessThanOrEqual(SLACK);
    });
  });

  it('keeps a pinned card open when the pointer leaves; Esc still closes it', async () => {
    await hoverText(page, 'Galuzin');
    await opened();
    const box = (await cardBox())!;
    // The pin is the first of the two 28 px buttons at the card's top right.
    await page.mouse.move(box.right - 56, box.top + 24, { steps: 4 });
    await page.mouse.click(box.right - 56, box.top + 24);
    await waitForDiagnostics(ctx, page, (d) => d.card.pinned, { what: 'pinned' });
    await page.mouse.move(8, 880, { steps: 2 });
    await page.mouse.click(8, 880);
    await sleep(700);
    expect((await card()).open).toBe(true);
    await page.keyboard.press('Escape');
    await closed();
  });

  it('closes on Esc', async () => {
    await hoverText(page, 'Moscow');
    await opened();
    await page.keyboard.press('Escape');
    await closed();
  });

  it('steps through the mentions with the keyboard command, focus inside, Tab cycling, Esc returning focus', async () => {
    await page.focus('#before');
    const reply = await send({ type: 'backstory/step', direction: 1 });
    expect(reply).toMatchObject({ ok: true, found: true });
    const d = await opened();
    expect(d.card.entityId).toBe('izvestia');
    expect(d.card.focused).toBe(true);
    // Tab moves inside the card and never leaves it.
    for (let i = 0; i < 12; i++) await page.keyboard.press('Tab');
    expect((await card()).focused).toBe(true);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Tab');
    expect((await card()).focused).toBe(true);
    // Next, next, previous.
    await send({ type: 'backstory/step', direction: 1 });
    await waitForDiagnostics(ctx, page, (x) => x.card.entityId === 'mikhail-galuzin', { what: 'step to Galuzin' });
    await send({ type: 'backstory/step', direction: 1 });
    await waitForDiagnostics(ctx, page, (x) => x.card.entityId === 'moscow', { what: 'step to Moscow' });
    await send({ type: 'backstory/step', direction: -1 });
    await waitForDiagnostics(ctx, page, (x) => x.card.entityId === 'mikhail-galuzin', { what: 'back to Galuzin' });
    // The last mention is far below the fold: stepping scrolls it into view.
    for (let i = 0; i < 3; i++) await send({ type: 'backstory/step', direction: 1 });
    await waitForDiagnostics(ctx, page, (x) => x.card.entityId === 'geneva-international-discussions', { what: 'step to the last one' });
    const inView = await page.evaluate(() => {
      const r = document.getElementById('p4')!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    expect(inView).toBe(true);
    await page.keyboard.press('Escape');
    await closed();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('before');
  });

  it('reveals an entity: scrolls to its next mention and flashes it for a moment', async () => {
    const reply = await send({ type: 'backstory/reveal', entityId: 'geneva-international-discussions' });
    expect(reply).toMatchObject({ ok: true, found: true, index: 0, total: 1 });
    const d = await waitForDiagnostics(ctx, page, (x) => x.highlights['backstory-flash'] === 1, { what: 'flash' });
    expect(d.highlights['backstory-underline']).toBe(5);
    await waitForDiagnostics(ctx, page, (x) => !x.highlights['backstory-flash'], { what: 'flash gone', timeout: 4000 });
    expect(await send({ type: 'backstory/reveal', entityId: 'no-such-entity' })).toMatchObject({ found: false });
  });

  it('modifier mode: hovering alone shows nothing; holding Alt over a name shows its card', async () => {
    await setSettings({ showMode: 'modifier' });
    await sleep(100);
    await hoverText(page, 'Galuzin');
    await sleep(600);
    expect((await card()).open).toBe(false);
    await page.keyboard.down('Alt');
    const d = await opened('card open with Alt');
    expect(d.card.entityId).toBe('mikhail-galuzin');
    await page.keyboard.up('Alt');
  });

  it('click mode: a click on a name opens its card; a marked link keeps its click', async () => {
    await setSettings({ showMode: 'click' });
    await sleep(100);
    await hoverText(page, 'Moscow');
    await sleep(500);
    expect((await card()).open).toBe(false);
    const r = await textRect(page, 'Moscow');
    await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
    expect((await opened()).card.entityId).toBe('moscow');
    await page.keyboard.press('Escape');
    await closed();
    // The link navigates as it would without Backstory, and no card opens for it.
    const l = await textRect(page, 'Tbilisi');
    await page.mouse.click(l.x + l.width / 2, l.y + l.height / 2);
    await page.waitForURL(/#linked$/);
    await sleep(400);
    expect((await card()).entityId).not.toBe('tbilisi');
  });

  it('hover mode: clicking a marked link still follows it', async () => {
    const l = await textRect(page, 'Tbilisi');
    await page.mouse.move(l.x + l.width / 2, l.y + l.height / 2, { steps: 2 });
    await opened();
    await page.mouse.click(l.x + l.width / 2, l.y + l.height / 2);
    await page.waitForURL(/#linked$/);
  });

  it('touch: a tap on a name opens its card, a tap elsewhere closes it', async () => {
    // Real (trusted) touches through the DevTools protocol: made-up events are ignored.
    const cdp = await page.context().newCDPSession(page);
    const tap = async (x: number, y: number): Promise<void> => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    const r = await textRect(page, 'Izvestia');
    await tap(r.x + r.width / 2, r.y + r.height / 2);
    expect((await opened()).card.entityId).toBe('izvestia');
    await tap(8, 880);
    await closed();
    await cdp.detach();
  });

  it('applies settings live: a hidden topic or type loses its marks at once, the highlight style switches, none still opens cards', async () => {
    await setSettings({ hiddenTopics: ['media'] });
    let d = await waitForDiagnostics(ctx, page, (x) => !x.entities.includes('izvestia'), { what: 'media hidden' });
    expect(d.mentions).toBe(4);
    await setSettings({ hiddenTopics: [], hiddenTypes: ['person'] });
    d = await waitForDiagnostics(ctx, page, (x) => x.entities.includes('izvestia') && !x.entities.includes('mikhail-galuzin'), { what: 'people hidden' });
    expect(d.mentions).toBe(4);
    await setSettings({ hiddenTypes: [], highlightStyle: 'background' });
    d = await waitForDiagnostics(ctx, page, (x) => x.highlights['backstory-background'] === 5, { what: 'background style' });
    expect(d.highlights['backstory-underline']).toBeUndefined();
    await setSettings({ highlightStyle: 'none' });
    d = await waitForDiagnostics(ctx, page, (x) => Object.keys(x.highlights).length === 0, { what: 'style none' });
    expect(d.mentions).toBe(5);
    await hoverText(page, 'Galuzin');
    expect((await opened('card open with style none')).card.entityId).toBe('mikhail-galuzin');
    await setSettings({ highlightStyle: 'underline', firstMentionOnly: true });
    await waitForDiagnostics(ctx, page, (x) => x.highlights['backstory-underline'] === 5, { what: 'underline again' });
  });

  it('switching the bundled pack off removes its marks; on brings them back', async () => {
    await setSettings({ disabledPacks: ['russia-georgia'] });
    const off = await waitForDiagnostics(ctx, page, (x) => x.mentions === 0 && x.status === 'done', { what: 'pack off' });
    expect(off.highlights['backstory-underline'] ?? 0).toBe(0);
    await setSettings({ disabledPacks: [] });
    await waitForDiagnostics(ctx, page, (x) => x.mentions === 5 && x.status === 'done', { what: 'pack on' });
  });

  it('switches Backstory off and on: marks and our host go, then come back', async () => {
    await hoverText(page, 'Galuzin');
    await opened();
    await setSettings({ enabled: false });
    const off = await waitForDiagnostics(ctx, page, (x) => !x.active, { what: 'inactive' });
    expect(off.mentions).toBe(0);
    expect(off.highlights).toEqual({});
    expect(off.card.open).toBe(false);
    expect(await page.evaluate(() => document.querySelector('backstory-root'))).toBeNull();
    await setSettings({ enabled: true });
    const on = await waitForDiagnostics(ctx, page, (x) => x.active && x.status === 'done' && x.mentions === 5, { what: 'active again' });
    expect(on.highlights['backstory-underline']).toBe(5);
  });

  it('“Don’t mark this site” works in one step from the card, with an Undo', async () => {
    await send({ type: 'backstory/step', direction: 1 });
    await opened();
    // Focus starts on "Full background"; the next control is "Don't mark this site".
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const off = await waitForDiagnostics(ctx, page, (x) => !x.active, { what: 'site off' });
    expect(off.highlights).toEqual({});
    expect(off.card.open).toBe(true); // showing the Undo
    const stored = await ctx.sw.evaluate(() => chrome.storage.local.get('disabledSites'));
    expect(stored.disabledSites).toEqual(['127.0.0.1']);
    // Focus moved to Undo.
    await page.keyboard.press('Enter');
    const on = await waitForDiagnostics(ctx, page, (x) => x.active && x.status === 'done' && x.mentions === 5, { what: 'site on again' });
    expect(on.card.open).toBe(true);
    await page.keyboard.press('Escape');
    await closed();
  });
});
