/**
 * Firefox ESR smoke test: dist/firefox installed as a temporary add-on over WebDriver BiDi
 * marks the demo article (seen from the page's main world through the shared
 * `CSS.highlights` registry and through the diagnostics contract), opens the card on a
 * hovered name with real BiDi pointer and key input (dwell, grace period, Esc, pin; the
 * card's state is read from the diagnostics, its buttons found through BiDi's view into
 * the closed shadow root), and its sidebar page renders. Then the popup and the sidebar
 * page as tabs, checked as the Chromium popup and side-panel tests check them (see their
 * describe blocks below). Skipped without firefox-esr.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBundledEntities } from '../../scripts/lib/packs.ts';
import {
  FIREFOX_MISSING,
  firefoxDiagnostics,
  firefoxPath,
  firefoxSetSettings,
  launchFirefox,
  lettersOf,
  outDir,
  scriptShare,
  startServer,
  type Diagnostics,
  type FirefoxBrowser,
  type TestServer,
} from './harness/index.ts';
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

/**
 * The settings popup in Firefox, as the Chromium popup tests check it (popup.e2e.test.ts),
 * opened as a tab (moz-extension://<pinned uuid>/src/popup/index.html?tab=<demo tab>):
 * counts per type and topic, a type and a topic hidden and brought back, the highlight
 * style, first mention only, the site switched off and on, and choices that survive a
 * restart of Firefox on the same profile, then reset to the defaults. The controls are
 * driven with DOM clicks in the popup's document (BiDi has no locators; the handlers are
 * the same). Not here: axe (its harness runs through Playwright) and the card's open-mode
 * and delay (the card tests above cover the delays from settings with real input).
 */
describe.skipIf(!hasFirefox)('the popup in Firefox ESR (as a tab)', () => {
  let server: TestServer;
  let ff: FirefoxBrowser;
  let profile = '';
  const uuid = randomUUID();
  /** The popup tab (selected) and the demo tab's browser.tabs id. */
  let popup = '';
  let tabId = 0;
  let base: Diagnostics;
  const shots = outDir('firefox');

  const ENTITIES = new Map(loadBundledEntities().map((e) => [e.id, e]));

  async function demoDiag(): Promise<Diagnostics> {
    const all = await firefoxDiagnostics(ff, popup);
    const demo = all.find((x) => x.diag.url === server.demoUrl);
    if (!demo) throw new Error(`no diagnostics from the demo tab: ${JSON.stringify(all)}`);
    tabId = demo.tabId;
    return demo.diag as unknown as Diagnostics;
  }
  async function settle(what: string, until: (d: Diagnostics) => boolean, timeout = 8000): Promise<Diagnostics> {
    const end = Date.now() + timeout;
    for (;;) {
      const d = await demoDiag().catch(() => null);
      if (d && until(d)) return d;
      if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}; last diagnostics: ${JSON.stringify(d && { ...d, entities: d.entities.slice(0, 20) })}`);
      await sleep(100);
    }
  }
  /** Polls an expression in the popup until `until` holds on its value. */
  async function popupValue<T>(expression: string, until: (v: T) => boolean, what: string, timeout = 5000): Promise<T> {
    const end = Date.now() + timeout;
    for (;;) {
      const v = await ff.evaluate<T>(expression, popup).catch(() => undefined as T);
      if (until(v)) return v;
      if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what} in the popup; last: ${JSON.stringify(v)}`);
      await sleep(100);
    }
  }
  const ranges = (d: Diagnostics, name: string): number => d.highlights[name] ?? 0;
  /** Clicks an element of the popup (a DOM click: the same handlers as a user's). */
  const click = (selector: string): Promise<unknown> =>
    ff.evaluate(
      `(() => { const el = document.querySelector(${JSON.stringify(selector)}); if (!el) throw new Error('no ' + ${JSON.stringify(selector)}); el.click(); return true })()`,
      popup,
    );
  const checked = (selector: string): Promise<boolean> => ff.evaluate<boolean>(`document.querySelector(${JSON.stringify(selector)})?.checked === true`, popup);
  /** The popup's filter rows of one group ('type' or 'topic'): id → the count shown. */
  const COUNTS = (group: 'type' | 'topic'): string =>
    `Object.fromEntries([...document.querySelectorAll('input[id^="${group}-"]')].map((i) => [i.id.slice(${group.length + 1}), parseInt(document.querySelector('label[for="' + i.id + '"] .pp-count')?.textContent ?? '', 10)]))`;
  /** The checkbox "Mark the first mention only" (found by its label, as a user would). */
  const FIRST_ONLY = `[...document.querySelectorAll('label.pp-check')].find((l) => l.textContent.includes('Mark the first mention only'))?.querySelector('input')`;

  /** Opens the demo article in the first tab and the popup over it; waits for the popup's controls. */
  async function openAll(): Promise<void> {
    await ff.navigate(server.demoUrl);
    const probe = await ff.openExtensionTab('src/sidepanel/index.html');
    popup = probe;
    base = await settle('demo scanned', (d) => d.status === 'done' && d.mentions > 0, 15_000);
    await ff.send('browsingContext.close', { context: probe });
    popup = await ff.openExtensionTab(`src/popup/index.html?tab=${tabId}`);
    await popupValue<boolean>(`!!document.querySelector('#pp-enabled') && document.querySelectorAll('.pp-count').length > 0`, (v) => v, 'the switches and counts');
  }

  beforeAll(async () => {
    server = await startServer();
    profile = mkdtempSync(join(tmpdir(), 'backstory-ff-popup-'));
    ff = await launchFirefox({ profile, uuid });
    await openAll();
  });

  afterAll(async () => {
    await ff?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('shows how many mentions on the page each type and topic covers', async () => {
    const byType = await popupValue<Record<string, number>>(
      COUNTS('type'),
      (v) => !!v && Object.values(v).reduce((n, c) => n + c, 0) === base.mentions,
      `type counts adding up to the page's ${base.mentions} mentions`,
    );
    // A type or topic shows a count exactly when an entity marked on the page has it.
    const types = new Set(base.entities.map((id) => ENTITIES.get(id)!.type));
    expect(
      Object.keys(byType)
        .filter((t) => byType[t]! > 0)
        .sort(),
    ).toEqual([...types].sort());
    const byTopic = await ff.evaluate<Record<string, number>>(COUNTS('topic'), popup);
    const topics = new Set(base.entities.flatMap((id) => ENTITIES.get(id)!.topics));
    expect(
      Object.keys(byTopic)
        .filter((t) => byTopic[t]! > 0)
        .sort(),
    ).toEqual([...topics].sort());
    for (const c of Object.values(byTopic)) expect(c).toBeLessThanOrEqual(base.mentions);
    await ff.screenshot(join(shots, 'popup.png'), popup);
  });

  it('hides a type and brings it back', async () => {
    const id = base.entities[0]!;
    const type = ENTITIES.get(id)!.type;
    await click(`#type-${type}`);
    expect(await checked(`#type-${type}`)).toBe(false);
    const hidden = await settle(`type ${type} hidden`, (d) => !d.entities.includes(id) && d.mentions < base.mentions);
    expect(hidden.entities.every((e) => ENTITIES.get(e)?.type !== type)).toBe(true);
    await click(`#type-${type}`);
    await settle('all back', (d) => d.mentions === base.mentions);
  });

  it('hides a topic and brings it back', async () => {
    const topic = ENTITIES.get(base.entities.find((e) => ENTITIES.get(e)?.topics.length)!)!.topics[0]!;
    await click(`#topic-${topic}`);
    const hidden = await settle(`topic ${topic} hidden`, (d) => d.mentions < base.mentions);
    expect(hidden.entities.every((e) => !ENTITIES.get(e)?.topics.includes(topic))).toBe(true);
    await click(`#topic-${topic}`);
    await settle('all back', (d) => d.mentions === base.mentions);
  });

  it('changes the highlight style: background, none, underline', async () => {
    await click('input[name="highlightStyle"][value="background"]');
    await settle('background style', (d) => ranges(d, 'backstory-background') > 0 && ranges(d, 'backstory-underline') === 0);
    await click('input[name="highlightStyle"][value="none"]');
    await settle('no style', (d) => ranges(d, 'backstory-background') === 0 && ranges(d, 'backstory-underline') === 0);
    await click('input[name="highlightStyle"][value="underline"]');
    await settle('underline style', (d) => ranges(d, 'backstory-underline') > 0);
  });

  it('marks the first mention only, and every mention again', async () => {
    await ff.evaluate(`${FIRST_ONLY}.click()`, popup);
    await settle('first mentions only', (d) => d.mentions === d.entities.length && d.mentions < base.mentions);
    await ff.evaluate(`${FIRST_ONLY}.click()`, popup);
    await settle('all mentions', (d) => d.mentions === base.mentions);
  });

  it('switches the site off and back on', async () => {
    const state = `document.querySelector('#pp-site')?.getAttribute('aria-checked')`;
    expect(await popupValue<string>(state, (v) => v === 'true', 'the site switch on')).toBe('true');
    expect(await ff.evaluate<string>(`document.querySelector('#pp-site .bs-switch__hint')?.textContent ?? ''`, popup)).toBe('127.0.0.1');
    await click('#pp-site');
    await settle('site off', (d) => !d.active && d.mentions === 0);
    await popupValue<string>(state, (v) => v === 'false', 'the site switch off');
    await click('#pp-site');
    await settle('site on', (d) => d.active && d.mentions === base.mentions);
    await popupValue<string>(state, (v) => v === 'true', 'the site switch on again');
  });

  it('turns to the language chosen in its Language menu, and so does the card (Georgian in an English Firefox)', async () => {
    const choose = (value: string): Promise<unknown> =>
      ff.evaluate(
        `(() => { const s = document.querySelector('#pp-language'); s.value = ${JSON.stringify(value)}; s.dispatchEvent(new Event('change', { bubbles: true })); return true })()`,
        popup,
      );
    await choose('ka');
    await popupValue<string>('document.documentElement.lang', (v) => v === 'ka', 'the popup in Georgian');
    const text = await ff.evaluate<string>('document.body.innerText', popup);
    expect(scriptShare(lettersOf(text), 'ka'), text.slice(0, 300)).toBeGreaterThan(0.6);
    expect(await ff.evaluate<string>(`document.querySelector('#pp-language').value`, popup)).toBe('ka');
    await ff.evaluate(`browser.tabs.sendMessage(${tabId}, { type: 'backstory/step', direction: 1 }, { frameId: 0 }).then(() => true)`, popup);
    await settle('a Georgian card', (d) => d.card.open && d.card.letters !== undefined && scriptShare(d.card.letters, 'ka') > 0.6);
    await choose('browser');
    await popupValue<string>('document.documentElement.lang', (v) => v === 'en', 'the popup in English again');
    await settle('an English card', (d) => d.card.open && d.card.letters !== undefined && d.card.letters.georgian === 0);
  });

  it('keeps its choices after a restart of Firefox, and resets to the defaults', async () => {
    await click('input[name="highlightStyle"][value="background"]');
    await ff.evaluate(`${FIRST_ONLY}.click()`, popup);
    await settle('first mentions, background', (d) => d.mentions === d.entities.length && ranges(d, 'backstory-background') > 0);

    await ff.close();
    ff = await launchFirefox({ profile, uuid });
    await openAll();
    expect(base.mentions).toBe(base.entities.length);
    expect(ranges(base, 'backstory-background')).toBeGreaterThan(0);
    expect(await checked('input[name="highlightStyle"][value="background"]')).toBe(true);
    expect(await ff.evaluate<boolean>(`${FIRST_ONLY}.checked`, popup)).toBe(true);

    await ff.evaluate(`[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Reset to defaults').click()`, popup);
    const after = await settle('defaults', (d) => d.mentions > d.entities.length && ranges(d, 'backstory-underline') > 0);
    expect(ranges(after, 'backstory-background')).toBe(0);
    await popupValue<boolean>(`document.querySelector('input[name="highlightStyle"][value="underline"]').checked`, (v) => v, 'Underline checked');
    expect(await ff.evaluate<boolean>(`${FIRST_ONLY}.checked`, popup)).toBe(false);
  });
});

/** A second article with other names, for the tab switch (as in sidepanel.e2e.test.ts). */
const OTHER_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Other</title></head><body><article>
<h1>Alliance talks</h1>
<p>NATO foreign ministers met in Brussels. The EU foreign policy chief Kaja Kallas said the alliance and the European Union would keep working together.</p>
<p>Later, Kaja Kallas travelled to Batumi on the Black Sea coast, where NATO ships had called earlier this year.</p>
</article></body></html>`;

/**
 * The sidebar page in Firefox, as the Chromium side-panel tests check it
 * (sidepanel.e2e.test.ts), opened as a tab: the demo page's entities grouped by type with
 * counts, an entity's facts with dates and safe source links and "Show in page", the
 * article's merged timeline, search in three scripts, following the active tab, and the
 * real sidebar opened from the popup's button by a real (BiDi) click, a user gesture.
 * Controls are driven with DOM events in the page (BiDi has no locators). Not here: axe
 * (its harness runs through Playwright) and the Russian UI (Firefox ESR here has no ru
 * language pack).
 */
describe.skipIf(!hasFirefox)('the sidebar page in Firefox ESR (as a tab)', () => {
  let server: TestServer;
  let ff: FirefoxBrowser;
  let scanned: Diagnostics;
  let tabId = 0;
  const ENTITIES = new Map(loadBundledEntities().map((e) => [e.id, e]));
  const nameOf = (id: string): string => ENTITIES.get(id)?.name ?? id;
  const shots = outDir('firefox');

  /** Diagnostics of every tab, asked from an extension page `ctx`; the one at `url`. */
  async function diagAt(ctx: string, url: string): Promise<{ tabId: number; diag: Diagnostics } | undefined> {
    const hit = (await firefoxDiagnostics(ff, ctx)).find((x) => x.diag.url === url);
    return hit && { tabId: hit.tabId, diag: hit.diag as unknown as Diagnostics };
  }
  async function waitScan(ctx: string, url: string): Promise<{ tabId: number; diag: Diagnostics }> {
    const end = Date.now() + 15_000;
    for (;;) {
      const hit = await diagAt(ctx, url);
      if (hit?.diag.status === 'done') return hit;
      if (Date.now() > end) throw new Error(`no scan of ${url}: ${JSON.stringify(hit)}`);
      await sleep(100);
    }
  }
  /** Polls an expression in an extension page until `until` holds. */
  async function pageValue<T>(ctx: string, expression: string, until: (v: T) => boolean, what: string, timeout = 10_000): Promise<T> {
    const end = Date.now() + timeout;
    for (;;) {
      const v = await ff.evaluate<T>(expression, ctx).catch(() => undefined as T);
      if (until(v)) return v;
      if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}; last: ${JSON.stringify(v)}`);
      await sleep(100);
    }
  }
  const MAIN_TEXT = `document.querySelector('main')?.innerText ?? ''`;
  /** Clicks the first element matching `selector` whose text includes `text` (a DOM click). */
  const clickText = (ctx: string, selector: string, text: string): Promise<unknown> =>
    ff.evaluate(
      `(() => { const el = [...document.querySelectorAll(${JSON.stringify(selector)})].find((e) => e.textContent.includes(${JSON.stringify(text)})); if (!el) throw new Error('nothing to click'); el.click(); return true })()`,
      ctx,
    );

  const openPanel = async (): Promise<string> => {
    const panel = await ff.openExtensionTab(`src/sidepanel/index.html?tab=${tabId}`);
    await pageValue<number>(panel, `document.querySelectorAll('.sp-row').length`, (n) => n > 0, 'the first entity row');
    return panel;
  };
  const close = (ctx: string): Promise<unknown> => ff.send('browsingContext.close', { context: ctx });

  beforeAll(async () => {
    server = await startServer({ routes: { '/other.html': OTHER_PAGE } });
    ff = await launchFirefox();
    await ff.navigate(server.demoUrl);
    const probe = await ff.openExtensionTab('src/sidepanel/index.html');
    ({ tabId, diag: scanned } = await waitScan(probe, server.demoUrl));
    await close(probe);
  });

  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  it('lists the demo page’s entities grouped by type, with mention counts', async () => {
    const panel = await openPanel();
    await pageValue<number>(panel, `document.querySelectorAll('.sp-row').length`, (n) => n === scanned.entities.length, `${scanned.entities.length} rows`);
    const text = await ff.evaluate<string>(MAIN_TEXT, panel);
    for (const id of scanned.entities) expect(text).toContain(nameOf(id));
    expect(await ff.evaluate<number>(`document.querySelectorAll('.sp-group h2').length`, panel)).toBeGreaterThan(1);
    const counts = await ff.evaluate<string[]>(`[...document.querySelectorAll('.sp-row__count')].map((c) => c.textContent)`, panel);
    expect(counts.every((c) => Number(c) >= 1)).toBe(true);
    await ff.screenshot(join(shots, 'sidebar-entities.png'), panel);
    await close(panel);
  });

  it('shows an entity’s facts with dates and safe source links, and reveals it in the page', async () => {
    const panel = await openPanel();
    const first = scanned.entities.find((id) => (ENTITIES.get(id)?.facts.length ?? 0) > 0)!;
    await clickText(panel, '.sp-row', nameOf(first));
    await pageValue<string>(panel, `document.querySelector('h2#sp-entity-name, article h2')?.textContent ?? ''`, (t) => t === nameOf(first), `the heading ${nameOf(first)}`);
    const links = await ff.evaluate<{ href: string; target: string; rel: string }[]>(
      `[...document.querySelectorAll('article a')].map((a) => ({ href: a.getAttribute('href'), target: a.getAttribute('target'), rel: a.getAttribute('rel') }))`,
      panel,
    );
    expect(links.length).toBeGreaterThan(0);
    for (const a of links) {
      expect(a.href).toMatch(/^https?:\/\//);
      expect(a.target).toBe('_blank');
      expect(a.rel).toBe('noopener noreferrer');
    }
    expect(await ff.evaluate<number>(`document.querySelectorAll('.bs-fact time').length`, panel)).toBe(ENTITIES.get(first)!.facts.length);
    await ff.screenshot(join(shots, 'sidebar-entity.png'), panel);
    await clickText(panel, 'button', 'Show in page');
    const end = Date.now() + 5000;
    for (;;) {
      const d = (await diagAt(panel, server.demoUrl))?.diag;
      if ((d?.highlights['backstory-flash'] ?? 0) > 0) break;
      if (Date.now() > end) throw new Error(`no flash of the revealed mention: ${JSON.stringify(d?.highlights)}`);
      await sleep(50);
    }
    await close(panel);
  });

  it('shows the merged timeline of the article in date order, linking back to entities', async () => {
    const panel = await openPanel();
    await clickText(panel, 'button', 'This article');
    const LIST = `document.querySelector('[aria-label="Timeline of this article"]')`;
    const expected = scanned.entities.flatMap((id) => ENTITIES.get(id)?.timeline ?? []).length;
    const dates = await pageValue<string[]>(
      panel,
      `[...(${LIST}?.querySelectorAll('time') ?? [])].map((t) => t.getAttribute('datetime') ?? '')`,
      (d) => Array.isArray(d) && d.length > 0,
      'the timeline',
    );
    expect(dates.length).toBe(expected);
    expect(dates).toEqual([...dates].sort());
    await ff.evaluate(`${LIST}.querySelector('button').click()`, panel);
    await pageValue<boolean>(panel, `!!document.querySelector('article h2')`, (v) => v, 'an entity heading');
    await close(panel);
  });

  it('searches the whole dataset in Latin, Cyrillic and Georgian script', async () => {
    const panel = await openPanel();
    for (const [q, id] of [
      ['kodori', 'kodori-gorge'],
      ['ПЕСКОВ', 'dmitry-peskov'],
      ['ნატო', 'nato'],
      ['erdogan', 'recep-tayyip-erdogan'],
    ] as const) {
      // As typing does: the value, then an input event.
      await ff.evaluate(
        `(() => { const box = document.querySelector('input[type="search"]'); box.value = ${JSON.stringify(q)}; box.dispatchEvent(new Event('input', { bubbles: true })); return true })()`,
        panel,
      );
      await pageValue<string>(panel, `document.querySelector('.sp-row__name')?.textContent ?? ''`, (t) => t === nameOf(id), `"${q}" finding ${nameOf(id)}`, 5000);
    }
    expect(
      await ff.evaluate<string>(`document.querySelector('input[type="search"]').getAttribute('aria-label') ?? document.querySelector('label[for="sp-q"]')?.textContent ?? ''`, panel),
    ).toContain('Search all of Backstory');
    await close(panel);
  });

  it('follows the active tab', async () => {
    const other = (await ff.send<{ context: string }>('browsingContext.create', { type: 'tab' })).context;
    await ff.navigate(server.url('/other.html'), other);
    // Unpinned, the panel follows whichever tab is active.
    const panel = await ff.openExtensionTab('src/sidepanel/index.html');
    const otherScan = await waitScan(panel, server.url('/other.html'));
    expect(otherScan.diag.entities).toContain('nato');
    await ff.send('browsingContext.activate', { context: other });
    await pageValue<string>(panel, MAIN_TEXT, (t) => !!t && t.includes(nameOf('nato')), 'the other tab’s entities');
    await ff.send('browsingContext.activate', { context: ff.tab });
    await pageValue<string>(panel, MAIN_TEXT, (t) => !!t && t.includes(nameOf(scanned.entities[0]!)), 'the demo tab’s entities');
    expect(await ff.evaluate<string>(MAIN_TEXT, panel)).not.toContain(nameOf('kaja-kallas'));
    await close(panel);
    await close(other);
  });

  it('opens the real sidebar from the popup’s button (a real click)', async () => {
    await ff.chromeEvaluate('SidebarController.hide(), true');
    const popup = await ff.openExtensionTab(`src/popup/index.html?tab=${tabId}`);
    const button = await pageValue<{ x: number; y: number } | null>(
      popup,
      `(() => { const b = [...document.querySelectorAll('button')].find((e) => e.textContent.trim() === 'Open side panel'); if (!b) return null; const r = b.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; })()`,
      (v) => !!v,
      'the "Open side panel" button',
    );
    // A trusted click (BiDi input): sidebarAction.open() needs the user's gesture. A click
    // that lands while the tab is still settling can be lost; one more click is allowed
    // (each must open the real sidebar itself).
    let url = '';
    for (let attempt = 0; attempt < 2 && !url.startsWith('moz-extension:'); attempt++) {
      await ff.pointerClick(button!.x, button!.y, { context: popup });
      const end = Date.now() + 5000;
      while (Date.now() < end) {
        url = await ff.chromeEvaluate<string>(
          `SidebarController.isOpen ? (SidebarController.browser.contentDocument?.getElementById('webext-panels-browser')?.currentURI?.spec ?? 'open') : ''`,
        );
        if (url.startsWith('moz-extension:')) break;
        await sleep(100);
      }
    }
    expect(url).toBe(ff.extensionUrl('src/sidepanel/index.html'));
    await ff.releaseInput(popup);
    await close(popup);
  });
});
