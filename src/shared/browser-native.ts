/**
 * The content script's stand-in for `browser.ts` (vite.content.config.ts puts it in that
 * module's place): the same exports from the native namespace, without webextension-polyfill.
 * Firefox and Chrome 148+ have the promise-based `browser`; MV3 Chrome before that returns
 * promises from the same calls on `chrome`. The content script only uses calls where the two
 * agree (`runtime.sendMessage`, `storage.*`, listeners answering through `sendResponse`).
 */
import type { Browser } from 'webextension-polyfill';

export type { Browser, Runtime, Tabs, Storage } from 'webextension-polyfill';

const g = globalThis as unknown as { browser?: Browser; chrome?: Browser };

export const browser: Browser = (g.browser?.runtime?.id ? g.browser : g.chrome) as Browser;

/** Not available to content scripts. */
export function chromeSidePanel(): undefined {
  return undefined;
}

/** Not available to content scripts. */
export function firefoxSidebar(): undefined {
  return undefined;
}
