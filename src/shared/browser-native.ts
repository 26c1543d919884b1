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

let native: Browser | undefined;
/**
 * The namespace, looked up on first use: the browser builds it for the script's world then
 * (about 0.6 ms in Chromium, 10 ms in Firefox), which a frame that never starts does not pay.
 * `browser` counts only if it has `runtime` (a page's `<div id="browser">` is visible to
 * an isolated world by name); asking `runtime.id` instead would cost Firefox another 1.4 ms.
 */
const ns = (): Browser => {
  if (native) return native;
  const b = g.browser as object | undefined;
  return (native = (b && 'runtime' in b ? b : g.chrome) as Browser);
};

/**
 * The steps that make the namespace ready, each to run as a task of its own before the
 * content script starts: Firefox builds `browser` (about 6 ms here), then its `runtime`
 * (about 4 ms), then the `onMessage` event the start listens to (1–9 ms on heavy pages) on
 * first use, which inside the start would make one long task.
 */
export function namespaceSteps(): (() => void)[] {
  return [() => void ns(), () => void ns().runtime, () => void ns().runtime.onMessage, () => void ns().runtime.sendMessage];
}

export const browser = {
  get runtime() {
    return ns().runtime;
  },
  get storage() {
    return ns().storage;
  },
  get i18n() {
    return ns().i18n;
  },
  get tabs() {
    return ns().tabs;
  },
} as Browser;

/** Not available to content scripts. */
export function chromeSidePanel(): undefined {
  return undefined;
}

/** Not available to content scripts. */
export function firefoxSidebar(): undefined {
  return undefined;
}
