/**
 * The content app started, stopped (the reader's switch) and torn down 20 times in one
 * document: nothing of ours may be left behind — no listener on the window, the document
 * or its root, no storage or message listener, no interval, no highlight, no host node.
 * happy-dom has no CSS Custom Highlight API: a Map-backed `CSS.highlights` and a Set-backed
 * `Highlight` stand in, so the registry's size is what the page would see.
 */
import { describe, it, expect, vi, beforeAll, afterAll } from 'vitest';

vi.mock('../../../src/shared/browser.ts', () => import('../../fakes/browser.ts'));
const { browser, fake } = await import('../../fakes/browser.ts');
const { startContent } = await import('../../../src/content/app.ts');
const { compileMatcher, compiledScripts } = await import('../../../src/matcher/index.ts');
const { DEFAULT_SETTINGS, watchSettings } = await import('../../../src/shared/settings.ts');
const { loadContentState } = await import('../../../src/shared/content-state.ts');
const { ENTITIES } = await import('../../unit/matcher/entities.ts');

const compiled = compileMatcher(ENTITIES);
const g = globalThis as unknown as { CSS?: { highlights?: unknown }; Highlight?: unknown };
const registry = new Map<string, Set<unknown>>();

/** Live listeners per target, counting those removed by an AbortSignal as removed. */
const live = new Map<EventTarget, Set<string>>();
const restore: (() => void)[] = [];
let intervals = new Set<unknown>();

function track(target: EventTarget, name: string): void {
  const add = target.addEventListener;
  const remove = target.removeEventListener;
  const key = (type: string, l: unknown, o?: boolean | AddEventListenerOptions): string =>
    `${type}|${typeof o === 'boolean' ? o : Boolean(o?.capture)}|${ids.get(l) ?? ids.set(l, ids.size).get(l)}`;
  const ids = new Map<unknown, number>();
  const set = new Set<string>();
  live.set(target, set);
  target.addEventListener = function (type: string, l: EventListenerOrEventListenerObject | null, o?: boolean | AddEventListenerOptions) {
    const k = key(type, l, o);
    set.add(k);
    if (typeof o === 'object' && o.signal) o.signal.addEventListener('abort', () => set.delete(k));
    return add.call(this, type, l, o);
  };
  target.removeEventListener = function (type: string, l: EventListenerOrEventListenerObject | null, o?: boolean | EventListenerOptions) {
    set.delete(key(type, l, o));
    return remove.call(this, type, l, o);
  };
  restore.push(() => {
    target.addEventListener = add;
    target.removeEventListener = remove;
  });
  void name;
}

function countListeners(): number {
  let n = 0;
  for (const s of live.values()) n += s.size;
  return n;
}

/** Storage and message listeners registered through the browser seam. */
const apiListeners = new Set<unknown>();
function trackApi(ev: { addListener(l: never): void; removeListener(l: never): void }): void {
  const add = ev.addListener.bind(ev);
  const remove = ev.removeListener.bind(ev);
  ev.addListener = (l: never) => {
    apiListeners.add(l);
    add(l);
  };
  ev.removeListener = (l: never) => {
    apiListeners.delete(l);
    remove(l);
  };
}

beforeAll(() => {
  g.Highlight = class extends Set<unknown> {
    priority = 0;
  };
  g.CSS = { ...(g.CSS ?? {}), highlights: registry };
  track(window, 'window');
  track(document, 'document');
  track(document.documentElement, 'html');
  trackApi(browser.storage.onChanged as never);
  trackApi(browser.runtime.onMessage as never);
  const si = globalThis.setInterval;
  const ci = globalThis.clearInterval;
  globalThis.setInterval = ((fn: () => void, ms?: number) => {
    const id = si(fn, ms);
    intervals.add(id);
    return id;
  }) as typeof setInterval;
  globalThis.clearInterval = ((id: ReturnType<typeof setInterval>) => {
    intervals.delete(id);
    ci(id);
  }) as typeof clearInterval;
  restore.push(() => {
    globalThis.setInterval = si;
    globalThis.clearInterval = ci;
  });
});

afterAll(() => restore.forEach((f) => f()));

const marked = (): number => registry.get('backstory-underline')?.size ?? 0;
const setEnabled = (enabled: boolean) => fake.sync.set({ settings: { ...DEFAULT_SETTINGS, enabled } });

describe('content app lifecycle', () => {
  it('leaves no listener, interval, highlight or node behind after 20 start / stop / restart cycles', async () => {
    document.title = 'Talks in Geneva';
    document.body.innerHTML = '<article><p>Mikhail Galuzin met officials in Tbilisi.</p><p>The Geneva International Discussions resumed.</p></article>';
    // The background's part: it answers a frame's first question from storage and tells every
    // frame what changes there (src/background/index.ts).
    const stopServing = fake.serveBackground((m) =>
      m.type === 'backstory/entities' ? { ok: true, entities: [] } : m.type === 'backstory/state' ? loadContentState().then((s) => ({ ok: true, ...s })) : { ok: true },
    );
    const stopTelling = watchSettings(({ settings, disabledSites }) => {
      void fake.broadcast({ type: 'backstory/state-changed', ...(settings ? { settings: settings.settings } : { disabledSites }) });
    });
    const before = { listeners: countListeners(), api: apiListeners.size, intervals: intervals.size };
    try {
      for (let i = 0; i < 20; i++) {
        await setEnabled(true);
        const teardown = startContent(document, { version: `test-${i}`, scripts: compiledScripts(compiled), load: async () => compiled });
        await vi.waitFor(() => expect(marked()).toBe(3), { timeout: 3000, interval: 10 });
        expect(document.querySelectorAll('backstory-root').length).toBeLessThanOrEqual(1);
        // The reader switches it off: everything painted goes, the app keeps listening for the background.
        await setEnabled(false);
        await vi.waitFor(() => expect(registry.size).toBe(0), { timeout: 3000, interval: 10 });
        // … and on again: the marks come back.
        await setEnabled(true);
        await vi.waitFor(() => expect(marked()).toBe(3), { timeout: 3000, interval: 10 });
        teardown();
        expect(registry.size, `cycle ${i}: highlights left`).toBe(0);
        expect(countListeners(), `cycle ${i}: DOM listeners left`).toBe(before.listeners);
        expect(apiListeners.size, `cycle ${i}: storage/message listeners left`).toBe(before.api);
        expect(intervals.size, `cycle ${i}: intervals left`).toBe(before.intervals);
        expect(document.querySelectorAll('backstory-root').length, `cycle ${i}: host left`).toBe(0);
      }
    } finally {
      stopServing();
      stopTelling();
      intervals = new Set();
    }
  }, 60_000);
});
