/**
 * In-memory stand-in for src/shared/browser.ts (STYLE.md habit 5), for DOM tests:
 * storage.sync/local/session with onChanged and an optional byte quota, a message bus
 * with a separate "background" end, tabs, i18n answering from public/_locales/en, the
 * catalogues and the packs file over `fake.fetch`, and the side panel / sidebar hooks. Wire it with
 *   vi.mock('…/src/shared/browser.ts', () => import('…/test/fakes/browser.ts'))
 * and reset it in `beforeEach` with `fake.reset()`.
 */
import en from '../../public/_locales/en/messages.json';
import ru from '../../public/_locales/ru/messages.json';
import ka from '../../public/_locales/ka/messages.json';
import { loadBundledPacks } from '../../scripts/lib/packs.ts';
import { PACKS_FILE } from '../../src/shared/packs-file.ts';

/** The build's packs file, as the fake serves it (read from the pack folders once). */
let packsJson: string | undefined;

type Json = Record<string, unknown>;
type ChangeListener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;
type MessageListener = (message: unknown, sender: { id?: string; tab?: { id: number } }, sendResponse: (reply: unknown) => void) => unknown;

const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));
const changeListeners = new Set<ChangeListener>();

/** One storage area, JSON-cloned like the real thing. */
class FakeArea {
  data = new Map<string, unknown>();
  /** Largest total size (JSON bytes of keys + values) a `set` may reach; Infinity = none. */
  quotaBytes = Infinity;
  /** When set, the next `set` rejects with this message (then it is cleared). */
  failNextSet: string | null = null;

  constructor(readonly name: string) {}

  private bytes(map: Map<string, unknown>): number {
    let n = 0;
    for (const [k, v] of map) n += k.length + JSON.stringify(v).length;
    return n;
  }

  async get(keys?: string | string[] | Json | null): Promise<Json> {
    const out: Json = {};
    if (keys === undefined || keys === null) {
      for (const [k, v] of this.data) out[k] = clone(v);
      return out;
    }
    if (typeof keys === 'string' || Array.isArray(keys)) {
      for (const k of typeof keys === 'string' ? [keys] : keys) if (this.data.has(k)) out[k] = clone(this.data.get(k));
      return out;
    }
    for (const [k, dflt] of Object.entries(keys)) out[k] = this.data.has(k) ? clone(this.data.get(k)) : dflt;
    return out;
  }

  async set(items: Json): Promise<void> {
    if (this.failNextSet) {
      const msg = this.failNextSet;
      this.failNextSet = null;
      throw new Error(msg);
    }
    const next = new Map(this.data);
    for (const [k, v] of Object.entries(items)) next.set(k, clone(v));
    if (this.bytes(next) > this.quotaBytes) throw new Error('QUOTA_BYTES quota exceeded');
    const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
    for (const [k, v] of Object.entries(items)) changes[k] = { oldValue: clone(this.data.get(k)), newValue: clone(v) };
    this.data = next;
    emit(changes, this.name);
  }

  async remove(keys: string | string[]): Promise<void> {
    const changes: Record<string, { oldValue?: unknown }> = {};
    for (const k of typeof keys === 'string' ? [keys] : keys) {
      if (!this.data.has(k)) continue;
      changes[k] = { oldValue: this.data.get(k) };
      this.data.delete(k);
    }
    if (Object.keys(changes).length) emit(changes, this.name);
  }

  async clear(): Promise<void> {
    await this.remove([...this.data.keys()]);
  }
}

function emit(changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string): void {
  // Real browsers fire onChanged asynchronously.
  queueMicrotask(() => changeListeners.forEach((l) => l(changes, area)));
}

const sync = new FakeArea('sync');
const local = new FakeArea('local');
const session = new FakeArea('session');

const pageListeners = new Set<MessageListener>();
const backgroundListeners = new Set<MessageListener>();
const EXTENSION_ID = 'fake-extension-id';

/** How the background looks to a listener: this extension, from its service worker's URL. */
const BACKGROUND_SENDER = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/service-worker-loader.js` };

async function deliver(listeners: Set<MessageListener>, message: unknown, sender: { id?: string; url?: string; tab?: { id: number } }): Promise<unknown> {
  // Like the browsers: a listener answers by returning a promise, or by returning true and
  // calling sendResponse later; the first answer wins.
  const replies = [...listeners]
    .map((l) => {
      let answer: (v: unknown) => void = () => undefined;
      const later = new Promise((resolve) => (answer = resolve));
      const r = l(clone(message), sender, (v) => answer(v));
      return r === true ? later : r;
    })
    .filter((r) => r !== undefined && r !== false);
  if (!replies.length) throw new Error('Could not establish connection. Receiving end does not exist.');
  return clone(await Promise.race(replies));
}

/** The catalogues a browser in that UI language answers from (the rest answer in English). */
const catalogues: Record<string, Record<string, { message: string }>> = { en, ru, ka };
let uiLanguage = 'en';

interface FakeTab {
  id: number;
  windowId: number;
  active: boolean;
  url: string;
  title?: string;
}
let tabs: FakeTab[] = [];
const tabMessages: { tabId: number; message: unknown }[] = [];

/** Calls made to the side-panel APIs. */
const panelCalls: { api: 'sidePanel' | 'sidebarAction'; options?: unknown }[] = [];
let sidePanelApi: { open(o: unknown): Promise<void> } | undefined;
let sidebarApi: { open(): Promise<void> } | undefined;

/** The fake `browser` object; only what the extension uses. */
export const browser = {
  storage: {
    sync,
    local,
    session,
    onChanged: {
      addListener: (l: ChangeListener) => void changeListeners.add(l),
      removeListener: (l: ChangeListener) => void changeListeners.delete(l),
      hasListener: (l: ChangeListener) => changeListeners.has(l),
    },
  },
  runtime: {
    id: EXTENSION_ID,
    sendMessage: (message: unknown) => deliver(backgroundListeners, message, { id: EXTENSION_ID }),
    onMessage: {
      addListener: (l: MessageListener) => void pageListeners.add(l),
      removeListener: (l: MessageListener) => void pageListeners.delete(l),
      hasListener: (l: MessageListener) => pageListeners.has(l),
    },
    openOptionsPage: async () => {
      fake.optionsOpened++;
    },
    getURL: (path: string) => `chrome-extension://${EXTENSION_ID}/${path.replace(/^\//, '')}`,
  },
  tabs: {
    query: async (q: { active?: boolean; currentWindow?: boolean }) => tabs.filter((t) => (q.active ? t.active : true)).map(clone),
    sendMessage: async (tabId: number, message: unknown) => {
      tabMessages.push({ tabId, message: clone(message) });
      return deliver(backgroundListeners, message, { id: EXTENSION_ID });
    },
    getCurrent: async () => undefined,
  },
  i18n: {
    getMessage: (key: string, subs?: string | string[]) => {
      const m = (catalogues[uiLanguage.slice(0, 2)] ?? catalogues.en!)[key]?.message ?? '';
      const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
      return m.replace(/\$(\d)/g, (s, n: string) => list[Number(n) - 1] ?? s);
    },
    getUILanguage: () => uiLanguage,
  },
};

export type { Browser, Runtime, Tabs, Storage } from 'webextension-polyfill';

/** Nothing to make ready in the fake. */
export function namespaceSteps(): (() => void)[] {
  return [];
}

/** Chrome's side panel API (set with `fake.useChromeSidePanel()`), or undefined. */
export function chromeSidePanel(): typeof chrome.sidePanel | undefined {
  return sidePanelApi as unknown as typeof chrome.sidePanel | undefined;
}

/** Firefox's sidebar API (set with `fake.useFirefoxSidebar()`), or undefined. */
export function firefoxSidebar(): { open(): Promise<void> } | undefined {
  return sidebarApi;
}

/** Test controls. */
export const fake = {
  sync,
  local,
  session,
  tabs: (): FakeTab[] => tabs,
  tabMessages,
  panelCalls,
  optionsOpened: 0,

  /** Empties storage, listeners, tabs and calls; back to English, no side-panel API. */
  reset(): void {
    for (const a of [sync, local, session]) {
      a.data.clear();
      a.quotaBytes = Infinity;
      a.failNextSet = null;
    }
    changeListeners.clear();
    pageListeners.clear();
    backgroundListeners.clear();
    tabs = [{ id: 1, windowId: 10, active: true, url: 'https://news.example/article', title: 'Article' }];
    tabMessages.length = 0;
    panelCalls.length = 0;
    sidePanelApi = undefined;
    sidebarApi = undefined;
    uiLanguage = 'en';
    fake.optionsOpened = 0;
  },

  setTabs(list: FakeTab[]): void {
    tabs = list;
  },

  setUiLanguage(lang: string): void {
    uiLanguage = lang;
  },

  /** `fetch` for the extension's own files (the catalogues `_locales/<lang>/messages.json`, the packs file): stub the global with it. */
  async fetch(url: string | URL): Promise<Response> {
    if (String(url) === `chrome-extension://${EXTENSION_ID}/${PACKS_FILE}`) return new Response((packsJson ??= JSON.stringify(loadBundledPacks())));
    const m = new RegExp(`^chrome-extension://${EXTENSION_ID}/_locales/(\\w+)/messages\\.json$`).exec(String(url));
    const catalogue = m ? catalogues[m[1]!] : undefined;
    return catalogue ? new Response(JSON.stringify(catalogue)) : new Response('not found', { status: 404 });
  },

  /**
   * Plays the background: `fn` answers every `runtime.sendMessage` (return undefined to
   * leave a message unanswered). Returns a remover.
   */
  serveBackground(fn: (message: { type: string } & Record<string, unknown>) => unknown): () => void {
    const l: MessageListener = (m) => fn(m as { type: string } & Record<string, unknown>);
    backgroundListeners.add(l);
    return () => backgroundListeners.delete(l);
  },

  /** Sends a message from the background to the extension pages (a broadcast). */
  async broadcast(message: { type: string } & Record<string, unknown>): Promise<unknown> {
    return deliver(pageListeners, message, BACKGROUND_SENDER).catch(() => undefined);
  },

  useChromeSidePanel(): void {
    sidePanelApi = {
      open: async (options: unknown) => {
        panelCalls.push({ api: 'sidePanel', options });
      },
    };
  },

  useFirefoxSidebar(): void {
    sidebarApi = {
      open: async () => {
        panelCalls.push({ api: 'sidebarAction' });
      },
    };
  },
};

fake.reset();
