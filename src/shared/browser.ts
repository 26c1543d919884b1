/**
 * The one seam to the extension APIs. Every surface imports `browser` from here, never
 * from the polyfill directly, so tests can swap in test/fakes/browser.ts.
 *
 * webextension-polyfill is a no-op where `browser` already exists (Firefox, Chrome 148+)
 * and promisifies `chrome.*` elsewhere. It does not wrap `sidePanel`; see `chromeSidePanel`.
 */
import browserPolyfill from 'webextension-polyfill';

export const browser = browserPolyfill;
export type { Browser, Runtime, Tabs, Storage } from 'webextension-polyfill';

/** Chrome's side panel API, or undefined in Firefox (which has `sidebarAction`). */
export function chromeSidePanel(): typeof chrome.sidePanel | undefined {
  const c = (globalThis as { chrome?: typeof chrome }).chrome;
  return c?.sidePanel;
}

/** Firefox's sidebar API, or undefined in Chrome. */
export function firefoxSidebar(): { open(): Promise<void>; toggle?(): Promise<void>; setPanel?(d: object): Promise<void> } | undefined {
  return (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
}
