/**
 * Watching a page for what Backstory must never do (DESIGN.md "Reliability"): change page
 * nodes, change the page's text, or cause page errors.
 *
 * `watchPage(page)` installs an init script (runs before any page script, in every frame
 * of that page) with a MutationObserver on the whole document. Records made while the
 * parser is still building the document (before DOMContentLoaded) are not counted: the
 * parser's own insertions are mutations too, and Backstory's content script runs at
 * document_idle, after DOMContentLoaded. Ignored: the extension's single host element
 * `<backstory-root>` being added/removed, and anything inside it. It also snapshots the
 * text of all of body's text nodes at DOMContentLoaded (before the content script can
 * run; `innerText` would be wrong there, as stylesheets may not be applied yet, so compare
 * it with `bodyText(page)`), and records `error` / `unhandledrejection` events. For an
 * `innerText` comparison, load the same URL in `plainPage()` (no extension).
 *
 * Call it before `page.goto`. Pages with scripts that mutate their own DOM will show those
 * mutations too: compare with the same page without the extension (`plainPage`).
 */
import type { Page } from 'playwright-core';

/** One recorded mutation of a page node. */
export interface PageMutation {
  type: MutationRecordType;
  /** A short description of the target: tag#id.class, or #text "…". */
  target: string;
  attributeName: string | null;
  added: string[];
  removed: string[];
  /** ms since navigation start. */
  at: number;
}

/** What the watcher saw. */
export interface WatchReport {
  mutations: PageMutation[];
  errors: string[];
  /** The text of body's text nodes at DOMContentLoaded (see `bodyText`); null if no body then. */
  textAtDomReady: string | null;
  /**
   * Removals, attribute and character-data changes made before DOMContentLoaded (not
   * counted in `mutations`; the parser's own insertions are left out, and at most
   * 2,000 are kept). A page's own script that races with DOMContentLoaded (React's
   * streamed Suspense reveal, say) lands here in one load and in `mutations` in another.
   */
  early: PageMutation[];
}

/** The window property (non-enumerable) where the watcher keeps what it saw. */
export const WATCH_KEY = '__backstoryE2eWatch';
const KEY = WATCH_KEY;

/**
 * The init script; a plain, self-contained function so Playwright serialises it (and
 * the Firefox tests install it as a BiDi preload script: `(${watchInstall})(WATCH_KEY)`).
 */
export function watchInstall(key: string): void {
  const HOST = 'BACKSTORY-ROOT';
  const EARLY_CAP = 2000;
  const state = { ready: false, mutations: [] as unknown[], early: [] as unknown[], errors: [] as string[], textAtDomReady: null as string | null };
  Object.defineProperty(window, key, { value: state, enumerable: false });
  const describe = (n: Node | null): string => {
    if (!n) return 'null';
    if (n.nodeType === Node.TEXT_NODE) return `#text "${(n.textContent ?? '').slice(0, 40)}"`;
    if (n.nodeType !== Node.ELEMENT_NODE) return n.nodeName;
    const e = n as Element;
    return e.localName + (e.id ? `#${e.id}` : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '');
  };
  const insideHost = (n: Node | null): boolean => {
    for (let c: Node | null = n; c; c = c.parentNode ?? (c as ShadowRoot).host ?? null) if (c.nodeName === HOST) return true;
    return false;
  };
  const onlyHost = (list: NodeList): boolean => Array.from(list).every((n) => n.nodeName === HOST);
  const record = (records: MutationRecord[]): void => {
    for (const r of records) {
      if (insideHost(r.target)) continue;
      if (r.type === 'childList' && onlyHost(r.addedNodes) && onlyHost(r.removedNodes)) continue;
      if (!state.ready && ((r.type === 'childList' && !r.removedNodes.length) || state.early.length >= EARLY_CAP)) continue;
      (state.ready ? state.mutations : state.early).push({
        type: r.type,
        target: describe(r.target),
        attributeName: r.attributeName,
        added: Array.from(r.addedNodes, describe),
        removed: Array.from(r.removedNodes, describe),
        at: Math.round(performance.now()),
      });
    }
  };
  const observer = new MutationObserver(record);
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  document.addEventListener(
    'DOMContentLoaded',
    () => {
      record(observer.takeRecords());
      state.ready = true;
      state.textAtDomReady = document.body ? document.body.textContent : null;
    },
    { once: true, capture: true },
  );
  addEventListener('error', (e) => state.errors.push(`error: ${e.message || String(e.error ?? e.type)}`));
  addEventListener('unhandledrejection', (e) => state.errors.push(`unhandledrejection: ${String(e.reason)}`));
}

/** Installs the watcher on a page (before navigating it). */
export async function watchPage(page: Page): Promise<void> {
  await page.addInitScript(watchInstall, KEY);
}

/**
 * What the watcher saw in the page's main frame so far (flushes pending records first).
 * A page whose own scripts never let a timer fire (seen on one corpus page) is read after
 * 3 s without the flush (MutationObserver callbacks are microtasks and have run anyway).
 */
export async function readWatch(page: Page): Promise<WatchReport> {
  // A task boundary lets queued MutationObserver callbacks run before reading.
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([page.evaluate(() => new Promise((r) => setTimeout(r, 0))), new Promise((r) => (timer = setTimeout(r, 3000)))]);
  clearTimeout(timer);
  const got = await page.evaluate((key) => {
    const s = (window as unknown as Record<string, { mutations: unknown[]; early: unknown[]; errors: string[]; textAtDomReady: string | null } | undefined>)[key];
    return s ? { mutations: s.mutations, early: s.early, errors: s.errors, textAtDomReady: s.textAtDomReady } : null;
  }, KEY);
  if (!got) throw new Error(`watchPage(page) was not installed before ${page.url()} loaded`);
  return got as WatchReport;
}

/** Clears the recorded mutations and errors (e.g. between steps of one test). */
export async function resetWatch(page: Page): Promise<void> {
  await page.evaluate((key) => {
    const s = (window as unknown as Record<string, { mutations: unknown[]; errors: string[] } | undefined>)[key];
    if (s) {
      s.mutations.length = 0;
      s.errors.length = 0;
    }
  }, KEY);
}

/** The text of all of body's text nodes now (`body.textContent`; CSS-independent). */
export function bodyText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.textContent ?? '');
}

/** `document.body.innerText` now. */
export function innerText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}
