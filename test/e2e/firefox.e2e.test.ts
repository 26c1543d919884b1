/**
 * Firefox ESR smoke test: dist/firefox installed as a temporary add-on over WebDriver BiDi
 * marks the demo article (seen from the page's main world through the shared
 * `CSS.highlights` registry and through the diagnostics contract), opens the card on a
 * hovered name with real BiDi pointer and key input (dwell, grace period, Esc, pin; the
 * card's state is read from the diagnostics, its buttons found through BiDi's view into
 * the closed shadow root), and its sidebar page renders. Skipped without firefox-esr.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIREFOX_MISSING, firefoxDiagnostics, firefoxPath, firefoxSetSettings, launchFirefox, outDir, startServer, type Diagnostics, type FirefoxBrowser, type TestServer } from './harness/index.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/settings-model.ts';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const hasFirefox = firefoxPath() !== undefined;
if (!hasFirefox) console.warn(FIREFOX_MISSING);

/** Our highlights as the page sees them: name → number of ranges (main world may iterate). */
const HIGHLIGHTS = `(() => {
  const out = {};
  for (const [name, h] of CSS.highlights) if (name.startsWith('backstory')) out[name] = h.size;
  return out;
})()`;

describe.skipIf(!hasFirefox)('Backstory in Firefox ESR (smoke)', () => {
  let server: TestServer;
  let ff: FirefoxBrowser;
  const shots = outDir('firefox');
  let demoTabId = 0;

  beforeAll(async () => {
    server = await startServer();
    ff = await launchFirefox();
  });

  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  it('installs as a temporary add-on with its gecko id', () => {
    expect(ff.extensionId).toBe('backstory@backstory.invalid');
  });

  it('marks the demo article', async () => {
    await ff.navigate(server.demoUrl);
    let marks: Record<string, number> = {};
    const end = Date.now() + 15_000;
    while (Date.now() < end) {
      marks = await ff.evaluate<Record<string, number>>(HIGHLIGHTS);
      if (Object.values(marks).reduce((a, b) => a + b, 0) > 40) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await ff.screenshot(join(shots, 'demo.png'));
    expect(Object.keys(marks).length, `no backstory highlight registered; Firefox log:\n${ff.log().slice(-2000)}`).toBeGreaterThan(0);
    expect(Object.values(marks).reduce((a, b) => a + b, 0)).toBeGreaterThan(40);
    // The page's text is untouched (marks are highlights, not elements).
    expect(await ff.evaluate<number>(`document.querySelectorAll('mark, [data-backstory]').length`)).toBe(0);
  });

  it('reports diagnostics for the demo tab to an extension page', async () => {
    const probe = await ff.openExtensionTab('src/sidepanel/index.html');
    try {
      const all = await firefoxDiagnostics(ff, probe);
      const demo = all.find((x) => x.diag.url === server.demoUrl);
      expect(demo, `no diagnostics from the demo tab: ${JSON.stringify(all)}`).toBeDefined();
      demoTabId = demo!.tabId;
      expect(demo!.diag.status).toBe('done');
      expect(demo!.diag.mentions as number).toBeGreaterThan(40);
      expect(demo!.diag.entities).toEqual(expect.arrayContaining(['mikhail-galuzin', 'tbilisi']));
    } finally {
      await ff.send('browsingContext.close', { context: probe });
    }
  });

  describe('the card', () => {
    /** An extension tab (in the background) that reads the diagnostics and writes settings. */
    let probe = '';
    /** A blank point far from the article's text and from the card. */
    let farAway = { x: 8, y: 800 };

    async function demoDiag(): Promise<Diagnostics> {
      const all = await firefoxDiagnostics(ff, probe);
      const demo = all.find((x) => x.diag.url === server.demoUrl);
      if (!demo) throw new Error(`no diagnostics from the demo tab: ${JSON.stringify(all)}`);
      return demo.diag as unknown as Diagnostics;
    }
    const card = async (): Promise<Diagnostics['card']> => (await demoDiag()).card;

    /** Polls the demo tab's diagnostics until `pred` holds (generous timeout: a loaded CI machine). */
    async function waitDiag(pred: (d: Diagnostics) => boolean, what: string, timeout = 10_000): Promise<Diagnostics> {
      const end = Date.now() + timeout;
      for (;;) {
        const last = await demoDiag();
        if (pred(last)) return last;
        if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for: ${what}; card: ${JSON.stringify(last.card)}`);
        await sleep(50);
      }
    }
    const waitCard = async (pred: (c: Diagnostics['card']) => boolean, what: string): Promise<Diagnostics['card']> => (await waitDiag((d) => pred(d.card), what)).card;

    /** Stores settings (as the popup does) and waits until the content script uses them. */
    async function setSettings(patch: Partial<Settings>): Promise<void> {
      const settings = { ...DEFAULT_SETTINGS, ...patch };
      await firefoxSetSettings(ff, probe, settings);
      // The highlight's name follows the style: proof that this very change has arrived.
      const name = `backstory-${settings.highlightStyle}`;
      await waitDiag((d) => (d.highlights[name] ?? 0) > 0, `highlights repainted as ${name}`);
    }

    /** The n-th occurrence of `text` in the page's text, scrolled to the middle; its viewport rect. */
    async function mentionRect(text: string, nth = 0): Promise<{ x: number; y: number; width: number; height: number }> {
      const r = await ff.evaluate<{ x: number; y: number; width: number; height: number } | null>(`(() => {
        const text = ${JSON.stringify(text)};
        let seen = 0;
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const s = n.nodeValue || '';
          for (let i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + 1)) {
            if (seen++ < ${nth}) continue;
            const range = document.createRange();
            range.setStart(n, i);
            range.setEnd(n, i + text.length);
            n.parentElement.scrollIntoView({ block: 'center', behavior: 'instant' });
            const b = range.getBoundingClientRect();
            return { x: b.x, y: b.y, width: b.width, height: b.height };
          }
        }
        return null;
      })()`);
      if (!r) throw new Error(`"${text}" (occurrence ${nth}) not found on the demo page`);
      return r;
    }

    /** Comes in from the left margin in a few moves and rests on the middle of the name. */
    async function hover(text: string, nth = 0): Promise<void> {
      const r = await mentionRect(text, nth);
      const y = r.y + r.height / 2;
      await ff.pointerMove(10, y);
      await ff.pointerMove(r.x + r.width / 2, y, { steps: 5, stepMs: 30 });
    }

    const leave = (): Promise<void> => ff.pointerMove(farAway.x, farAway.y, { steps: 3, stepMs: 16 });

    /**
     * Timing seen from the page itself, so a slow machine cannot skew it: the main world
     * shares the `CSS.highlights` registry, where `backstory-active` marks the mention
     * whose card is open. On every frame the recorder notes when that name appears
     * (opened) or goes (closed), as ms since the last pointermove. A frame comes after the
     * change and the last move is at or after the one that started the timer, so the
     * numbers can only err on the long side: lower bounds on them are safe to assert.
     */
    const RECORDER = `(() => {
      if (window.__bsCardTiming) return true;
      const t = (window.__bsCardTiming = { lastMove: 0, open: false, opened: [], closed: [] });
      addEventListener('pointermove', () => { t.lastMove = performance.now(); }, true);
      const tick = () => {
        const open = CSS.highlights.has('backstory-active');
        if (open !== t.open) {
          t.open = open;
          (open ? t.opened : t.closed).push(Math.round(performance.now() - t.lastMove));
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      return true;
    })()`;
    /** Once the recorder has seen the card open (or closed): ms from the last move to that. */
    async function recorded(open: boolean): Promise<number> {
      const end = Date.now() + 5_000;
      for (;;) {
        const t = await ff.evaluate<{ open: boolean; opened: number[]; closed: number[] }>('window.__bsCardTiming');
        if (t.open === open) return (open ? t.opened : t.closed).at(-1)!;
        if (Date.now() > end) throw new Error(`the page never saw the card ${open ? 'open' : 'closed'}: ${JSON.stringify(t)}`);
        await sleep(50);
      }
    }

    beforeAll(async () => {
      probe = await ff.openExtensionTab('src/sidepanel/index.html');
      // Input needs the demo tab in front: a background tab gets no animation frames.
      await ff.send('browsingContext.activate', { context: ff.tab });
      const url = await ff.evaluate<string>('location.href');
      if (url !== server.demoUrl) await ff.navigate(server.demoUrl);
      await waitDiag((d) => d.status === 'done' && d.card !== undefined, 'demo scanned', 15_000);
      await ff.evaluate(RECORDER);
      const height = await ff.evaluate<number>('innerHeight');
      farAway = { x: 8, y: height - 8 };
    });

    beforeEach(async () => {
      // Every test starts with no card and the pointer resting on blank space.
      if ((await card()).open) await ff.keyPress('Escape');
      await leave();
      await waitCard((c) => !c.open, 'no card before the test');
    });

    afterAll(async () => {
      if (!probe) return;
      await setSettings({}).catch(() => undefined);
      await ff.releaseInput().catch(() => undefined);
      await ff.send('browsingContext.close', { context: probe });
    });

    it('opens on a hovered name after the dwell, for that name, on screen', async () => {
      await hover('Galuzin');
      const c = await waitCard((c) => c.open, 'card open after resting on "Galuzin"');
      expect(c).toMatchObject({ open: true, entityId: 'mikhail-galuzin', pinned: false, focused: false });
      // Not before the dwell (250 ms; the margin covers the dwell starting at an earlier move onto the name).
      expect(await recorded(true), 'ms from the last move to the card').toBeGreaterThanOrEqual(DEFAULT_SETTINGS.showDelayMs - 150);
      // Painted where the page's own hit-testing finds our host.
      const box = await ff.shadowRect('backstory-root', '.card');
      expect(box, 'no .card in the shadow root').not.toBeNull();
      expect(box!.width).toBeGreaterThan(150);
      expect(box!.height).toBeGreaterThan(60);
      const viewport = await ff.evaluate<{ w: number; h: number }>('({ w: innerWidth, h: innerHeight })');
      expect(box!.left).toBeGreaterThanOrEqual(0);
      expect(box!.top).toBeGreaterThanOrEqual(0);
      expect(box!.left + box!.width).toBeLessThanOrEqual(viewport.w);
      expect(box!.top + box!.height).toBeLessThanOrEqual(viewport.h);
      const hit = await ff.evaluate<string | null>(`document.elementFromPoint(${box!.left + box!.width / 2}, ${box!.top + box!.height / 2})?.localName ?? null`);
      expect(hit).toBe('backstory-root');
      await ff.screenshot(join(shots, 'card.png'));
      // A hover card reports its dwell-end to paint time.
      expect((await demoDiag()).lastCardMs).toBeGreaterThan(0);
    });

    it('closes after the grace period once the pointer moves far away', async () => {
      await hover('Tbilisi');
      expect((await waitCard((c) => c.open, 'card open on "Tbilisi"')).entityId).toBe('tbilisi');
      await leave();
      await waitCard((c) => !c.open, 'card closed after the pointer left');
      // Not before the grace period (300 ms, counted from the first move off the name).
      expect(await recorded(false), 'ms from the last move to the card gone').toBeGreaterThanOrEqual(DEFAULT_SETTINGS.hideDelayMs - 150);
    });

    it('follows the dwell and grace period set in the settings (1 s each, changed live)', async () => {
      await setSettings({ showDelayMs: 1000, hideDelayMs: 1000, highlightStyle: 'background' });
      try {
        await hover('Izvestia');
        expect((await waitCard((c) => c.open, 'card open after the long dwell')).entityId).toBe('izvestia');
        expect(await recorded(true), 'ms from the last move to the card').toBeGreaterThanOrEqual(800);
        await leave();
        await waitCard((c) => !c.open, 'card closed after the long grace period');
        expect(await recorded(false), 'ms from the last move to the card gone').toBeGreaterThanOrEqual(800);
      } finally {
        await setSettings({});
      }
    });

    it('closes on Escape while the pointer still rests on the name', async () => {
      await hover('Moscow');
      expect((await waitCard((c) => c.open, 'card open on "Moscow"')).entityId).toBe('moscow');
      await ff.keyPress('Escape');
      await waitCard((c) => !c.open, 'card closed by Escape');
    });

    it('keeps a pinned card open when the pointer leaves and clicks elsewhere; Escape still closes it', async () => {
      await hover('Galuzin', 1);
      expect((await waitCard((c) => c.open, 'card open on the second "Galuzin"')).entityId).toBe('mikhail-galuzin');
      const pin = await ff.shadowRect('backstory-root', '[data-action="pin"]');
      expect(pin, 'no pin button in the card').not.toBeNull();
      const target = { x: pin!.left + pin!.width / 2, y: pin!.top + pin!.height / 2 };
      // Into the card (entering it cancels the grace period), then click the pin.
      await ff.pointerMove(target.x, target.y, { steps: 3, stepMs: 16 });
      await ff.pointerClick(target.x, target.y);
      expect((await waitCard((c) => c.pinned, 'card pinned')).entityId).toBe('mikhail-galuzin');
      await leave();
      await ff.pointerClick(farAway.x, farAway.y);
      // A negative check needs a wait: three times the default grace period.
      await sleep(3 * DEFAULT_SETTINGS.hideDelayMs);
      expect(await card()).toMatchObject({ open: true, pinned: true, entityId: 'mikhail-galuzin' });
      await ff.keyPress('Escape');
      await waitCard((c) => !c.open, 'pinned card closed by Escape');
    });
  });

  it('renders the sidebar page with the entities of the demo tab', async () => {
    expect(demoTabId, 'needs the demo tab id from the previous test').toBeGreaterThan(0);
    // As a tab the panel would follow itself; ?tab=<id> pins it to the demo tab.
    const panel = await ff.openExtensionTab(`src/sidepanel/index.html?tab=${demoTabId}`);
    try {
      let text = '';
      const end = Date.now() + 10_000;
      while (Date.now() < end) {
        text = await ff.evaluate<string>('document.body ? document.body.innerText : ""', panel);
        if (text.includes('Galuzin')) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      await ff.screenshot(join(shots, 'sidebar-page.png'), panel);
      expect(text).toContain('Galuzin');
      expect(text).toContain('Tbilisi');
    } finally {
      await ff.send('browsingContext.close', { context: panel });
    }
  });

  it('opens its sidebar', async () => {
    expect(await ff.openSidebar()).toBe(ff.extensionUrl('src/sidepanel/index.html'));
  });
});
