/**
 * The one seam to the extension APIs. Every surface imports `browser` from here, so tests
 * can swap in test/fakes/browser.ts.
 *
 * No polyfill: Firefox and Chrome 148+ have the promise-based `browser` namespace, and
 * MV3 Chrome before that returns promises from the same calls on `chrome`. The one
 * pattern that differs, a message listener answering with a returned promise, is not
 * used (messaging.ts answers through `sendResponse`). webextension-polyfill's job is
 * done (its README says so); loading it cost every page and frame ~3 KB of script and a
 * copy of every API property at start-up. Its types are still the typings we use.
 */
import type { Browser } from 'webextension-polyfill';

export type { Browser, Runtime, Tabs, Storage } from 'webextension-polyfill';

const g = globalThis as unknown as { browser?: Browser; chrome?: Browser };

export const browser: Browser = (g.browser?.runtime?.id ? g.browser : g.chrome) as Browser;

/** Chrome's side panel API, or undefined in Firefox (which has `sidebarAction`). */
export function chromeSidePanel(): typeof chrome.sidePanel | undefined {
  const c = (globalThis as { chrome?: typeof chrome }).chrome;
  return c?.sidePanel;
}

/** Firefox's sidebar API, or undefined in Chrome. */
export function firefoxSidebar(): { open(): Promise<void>; toggle?(): Promise<void>; setPanel?(d: object): Promise<void> } | undefined {
  return (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
}
