/**
 * The one seam to the extension APIs. Every surface imports `browser` from here, so tests
 * can swap in test/fakes/browser.ts.
 *
 * The background, popup, side panel and options pages get webextension-polyfill: the
 * promise-based `browser` namespace in every browser we support (Chrome 116+ through
 * `chrome.*`, Firefox natively). The content script is built with `browser-native.ts` in
 * this module's place (vite.content.config.ts): the same API from the native namespace,
 * because the polyfill would cost every page and frame ~3 KB gzip of its 40 KB budget and
 * a copy of the API object at start-up (README, "Design"); it uses only calls that return
 * promises natively in MV3 (`runtime.sendMessage`, `storage.*`) and answers through
 * `sendResponse`, where the two agree.
 */
import polyfill from 'webextension-polyfill';
import type { Browser } from 'webextension-polyfill';

export type { Browser, Runtime, Tabs, Storage } from 'webextension-polyfill';

export const browser: Browser = polyfill;

/** The steps that make the namespace ready, each to run as a task of its own (see browser-native.ts); none here: the polyfill is ready once loaded. */
export function namespaceSteps(): (() => void)[] {
  return [];
}

/** Chrome's side panel API, or undefined in Firefox (which has `sidebarAction`). */
export function chromeSidePanel(): typeof chrome.sidePanel | undefined {
  const c = (globalThis as { chrome?: typeof chrome }).chrome;
  return c?.sidePanel;
}

/** Firefox's sidebar API, or undefined in Chrome. */
export function firefoxSidebar(): { open(): Promise<void>; toggle?(): Promise<void>; setPanel?(d: object): Promise<void> } | undefined {
  return (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
}
