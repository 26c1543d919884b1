/**
 * Reading the content script's state through the diagnostics contract (DESIGN.md,
 * src/shared/messages.ts): the harness evaluates `chrome.tabs.sendMessage(tabId,
 * {type: 'backstory/diagnostics'}, {frameId})` in the extension's service worker.
 *
 * Finding a page's tab id: the extension has no "tabs" permission, so `tabs.query` hides
 * urls. `tabIdOf` asks every tab's content script for diagnostics and keeps the one whose
 * reported `url` is the page's url; if none or several match, or another open page has
 * the same url (its content script may answer while this page's has not started yet: the
 * top frame starts after the load event), it brings the page to the front and takes the
 * active tab of the (single, in headless) window. The id is cached per Page: a tab keeps its
 * id across navigations. Resolve it before opening other tabs if you rely on focus.
 */
import type { Page } from 'playwright-core';
import type { Diagnostics } from '../../../src/shared/messages.ts';
import type { ExtensionBrowser } from './chromium.ts';

export type { Diagnostics };

const tabIds = new WeakMap<Page, number>();

type Probe = { tabId: number; active: boolean; diag: Diagnostics | null };

async function probeAll(ctx: ExtensionBrowser, frameId: number): Promise<Probe[]> {
  return ctx.sw.evaluate(async (frameId) => {
    const tabs = await chrome.tabs.query({});
    return Promise.all(
      tabs
        .filter((t) => t.id !== undefined)
        .map(async (t) => {
          try {
            const r = (await chrome.tabs.sendMessage(t.id!, { type: 'backstory/diagnostics' }, { frameId })) as { ok?: boolean } | undefined;
            return { tabId: t.id!, active: t.active, diag: r && r.ok ? (r as never) : null };
          } catch {
            return { tabId: t.id!, active: t.active, diag: null };
          }
        }),
    );
  }, frameId);
}

/** The Chrome tab id of a Playwright page (see the module comment for how). */
export async function tabIdOf(ctx: ExtensionBrowser, page: Page): Promise<number> {
  const known = tabIds.get(page);
  if (known !== undefined) return known;
  const url = page.url();
  let matches: Probe[] = [];
  // Another page with this url: its content script's answer cannot tell the two apart.
  const twin = page
    .context()
    .pages()
    .some((p) => p !== page && p.url() === url);
  // The content script may not be injected yet: give it up to ~2 s before using focus.
  for (let i = 0; i < 20 && !twin; i++) {
    matches = (await probeAll(ctx, 0)).filter((p) => p.diag?.url === url);
    if (matches.length > 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  let id = matches.length === 1 ? matches[0]!.tabId : undefined;
  if (id === undefined) {
    await page.bringToFront();
    id = await ctx.sw.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  }
  if (id === undefined) throw new Error(`could not find the tab of ${url}`);
  tabIds.set(page, id);
  return id;
}

/**
 * The diagnostics of a page's content script (frame 0 = the page itself), or null when
 * no content script answers (not injected yet, restricted page, or it failed to start).
 * Throws when the content script answers with `{ok: false}`.
 */
export async function diagnostics(ctx: ExtensionBrowser, page: Page, frameId = 0): Promise<Diagnostics | null> {
  const tabId = await tabIdOf(ctx, page);
  const reply = await ctx.sw.evaluate(
    async ({ tabId, frameId }) => {
      try {
        return (await chrome.tabs.sendMessage(tabId, { type: 'backstory/diagnostics' }, { frameId })) as unknown;
      } catch (e) {
        return { noAnswer: String(e) };
      }
    },
    { tabId, frameId },
  );
  if (!reply || typeof reply !== 'object' || 'noAnswer' in reply) return null;
  const r = reply as { ok?: boolean; error?: string };
  if (r.ok !== true) throw new Error(`diagnostics failed: ${r.error ?? JSON.stringify(reply)}`);
  return reply as Diagnostics;
}

/** Polls a condition on the diagnostics until it holds; returns the last diagnostics. */
export async function waitForDiagnostics(
  ctx: ExtensionBrowser,
  page: Page,
  until: (d: Diagnostics) => boolean,
  { timeout = 15_000, interval = 100, frameId = 0, what = 'condition' } = {},
): Promise<Diagnostics> {
  const end = Date.now() + timeout;
  let last: Diagnostics | null;
  for (;;) {
    last = await diagnostics(ctx, page, frameId).catch(() => null);
    if (last && until(last)) return last;
    if (Date.now() > end) {
      throw new Error(
        `timed out after ${timeout} ms waiting for ${what} on ${page.url()}; last diagnostics: ${last ? JSON.stringify({ ...last, entities: last.entities.slice(0, 20) }) : 'no answer from the content script'}`,
      );
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/**
 * Waits until the content script of the page's current document reports `status: 'done'`
 * (its `url` matches the page, so a previous document's answer does not count).
 */
export function waitForScan(ctx: ExtensionBrowser, page: Page, options: { timeout?: number; frameId?: number } = {}): Promise<Diagnostics> {
  return waitForDiagnostics(ctx, page, (d) => d.status === 'done' && (options.frameId ? true : d.url === page.url()), { ...options, what: "status 'done'" });
}
