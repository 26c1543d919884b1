/**
 * Where a frame gets its settings: from the background, which reads storage and tells every
 * frame what changes, so that a frame never loads the storage API; from storage itself only
 * when the background gives no usable answer.
 */
import { describe, it, expect, vi, beforeAll, beforeEach, afterEach } from 'vitest';

vi.mock('../../../src/shared/browser.ts', () => import('../../fakes/browser.ts'));
const { browser, fake } = await import('../../fakes/browser.ts');
const { startContent } = await import('../../../src/content/app.ts');
const { compileMatcher, compiledScripts } = await import('../../../src/matcher/index.ts');
const { DEFAULT_SETTINGS } = await import('../../../src/shared/settings.ts');
const { ENTITIES } = await import('../../unit/matcher/entities.ts');

const compiled = compileMatcher(ENTITIES);
const registry = new Map<string, Set<unknown>>();
const marked = (): number => registry.get('backstory-underline')?.size ?? 0;
const start = () => startContent(document, { version: 'test', scripts: compiledScripts(compiled), load: async () => compiled });

/** Every storage call a frame makes (reads, writes, listeners). */
const storageCalls: string[] = [];

beforeAll(() => {
  const g = globalThis as unknown as { CSS?: { highlights?: unknown }; Highlight?: unknown };
  g.Highlight = class extends Set<unknown> {
    priority = 0;
  };
  g.CSS = { ...(g.CSS ?? {}), highlights: registry };
  for (const [name, area] of [
    ['sync', browser.storage.sync],
    ['local', browser.storage.local],
  ] as const) {
    const get = area.get.bind(area);
    area.get = ((keys?: never) => {
      storageCalls.push(`${name}.get`);
      return get(keys);
    }) as typeof area.get;
  }
  const add = browser.storage.onChanged.addListener;
  browser.storage.onChanged.addListener = ((l: never) => {
    storageCalls.push('onChanged');
    add(l);
  }) as typeof add;
});

let teardown: (() => void) | null = null;
beforeEach(() => {
  fake.reset();
  registry.clear();
  storageCalls.length = 0;
  document.title = 'Talks in Geneva';
  document.body.innerHTML = '<article><p>Mikhail Galuzin met officials in Tbilisi.</p><p>The Geneva International Discussions resumed.</p></article>';
});
afterEach(() => {
  teardown?.();
  teardown = null;
});

describe('the content state', () => {
  it('comes from the background, and a frame that gets it never touches storage', async () => {
    await fake.sync.set({ settings: { ...DEFAULT_SETTINGS, enabled: false } }); // storage says off: it must not be read
    fake.serveBackground((m) => {
      if (m.type === 'backstory/state') return Promise.resolve({ ok: true, settings: DEFAULT_SETTINGS, disabledSites: [], imported: { ids: [], compiled: null } });
      return m.type === 'backstory/entities' ? Promise.resolve({ ok: true, entities: [] }) : undefined;
    });
    storageCalls.length = 0;
    teardown = start();
    await vi.waitFor(() => expect(marked()).toBe(3), { timeout: 3000, interval: 10 });
    expect(storageCalls).toEqual([]);
  });

  it('follows what the background tells: switched off, the marks go; this site back on, they return', async () => {
    fake.serveBackground((m) => {
      if (m.type === 'backstory/state') return Promise.resolve({ ok: true, settings: DEFAULT_SETTINGS, disabledSites: [], imported: { ids: [], compiled: null } });
      return m.type === 'backstory/entities' ? Promise.resolve({ ok: true, entities: [] }) : undefined;
    });
    teardown = start();
    await vi.waitFor(() => expect(marked()).toBe(3), { timeout: 3000, interval: 10 });
    await fake.broadcast({ type: 'backstory/state-changed', disabledSites: [location.hostname] });
    await vi.waitFor(() => expect(registry.size).toBe(0), { timeout: 3000, interval: 10 });
    await fake.broadcast({ type: 'backstory/state-changed', disabledSites: [] });
    await vi.waitFor(() => expect(marked()).toBe(3), { timeout: 3000, interval: 10 });
    await fake.broadcast({ type: 'backstory/state-changed', settings: { ...DEFAULT_SETTINGS, enabled: false } });
    await vi.waitFor(() => expect(registry.size).toBe(0), { timeout: 3000, interval: 10 });
  });

  it('is read from storage when the background gives no usable answer', async () => {
    // An answer without the state's parts (a background mid-update), then none at all.
    for (const answer of [() => Promise.resolve({ ok: true }), () => undefined]) {
      fake.reset();
      registry.clear();
      const stop = fake.serveBackground((m) => (m.type === 'backstory/state' ? answer() : m.type === 'backstory/entities' ? Promise.resolve({ ok: true, entities: [] }) : undefined));
      await fake.sync.set({ settings: { ...DEFAULT_SETTINGS, enabled: true } });
      teardown = start();
      await vi.waitFor(() => expect(marked()).toBe(3), { timeout: 3000, interval: 10 });
      expect(storageCalls).toContain('sync.get');
      teardown();
      teardown = null;
      stop();
      // Switched off in storage: the frame reads that and marks nothing.
      registry.clear();
      await fake.sync.set({ settings: { ...DEFAULT_SETTINGS, enabled: false } });
      const stop2 = fake.serveBackground((m) => (m.type === 'backstory/state' ? answer() : undefined));
      teardown = start();
      await new Promise((r) => setTimeout(r, 300));
      expect(marked()).toBe(0);
      teardown();
      teardown = null;
      stop2();
    }
  });
});
