/**
 * Page helpers: extension pages opened as ordinary tabs (the real popup and side panel
 * are not Playwright pages, TOOLCHAIN.md §3c), and pointing at page text.
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './chromium.ts';

/** Extension pages the manifest declares. */
export type ExtensionPagePath = 'src/popup/index.html' | 'src/sidepanel/index.html' | 'src/options/index.html' | (string & {});

/**
 * Opens an extension page as a tab: `chrome-extension://<id>/<path>[?query]` and waits
 * for `load`. As a tab, the page is itself the active tab; pass the tab it should show in
 * `query` if the page supports it (e.g. `{ tabId: String(id) }`).
 */
export async function openExtensionPage(ctx: ExtensionBrowser, path: ExtensionPagePath, query: Record<string, string> = {}, page?: Page): Promise<Page> {
  const p = page ?? (await ctx.newPage());
  const qs = new URLSearchParams(query).toString();
  await p.goto(`chrome-extension://${ctx.extensionId}/${path}${qs ? `?${qs}` : ''}`, { waitUntil: 'load' });
  return p;
}

/**
 * The viewport rectangle of the n-th occurrence (0-based) of `text` in the page's text nodes,
 * or in the open shadow root of the element `shadowHost` (a selector) names.
 */
export async function textRect(page: Page, text: string, nth = 0, shadowHost?: string): Promise<{ x: number; y: number; width: number; height: number }> {
  const rect = await page.evaluate(
    ({ text, nth, shadowHost }) => {
      const root = shadowHost ? document.querySelector(shadowHost)?.shadowRoot : document.body;
      if (!root) return null;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const s = n.nodeValue ?? '';
        for (let i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + 1)) {
          if (seen++ < nth) continue;
          const range = document.createRange();
          range.setStart(n, i);
          range.setEnd(n, i + text.length);
          range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
          const r = range.getClientRects()[0];
          return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
        }
      }
      return null;
    },
    { text, nth, shadowHost },
  );
  if (!rect) throw new Error(`"${text}" (occurrence ${nth}) not found in the text of ${shadowHost ? `${shadowHost}'s shadow root in ` : ''}${page.url()}`);
  return rect;
}

/**
 * Moves the mouse onto the middle of the n-th occurrence of `text` (scrolling it into
 * view; in `shadowHost`'s open shadow root if given), approaching from a nearby blank
 * point so that pointer events fire.
 */
export async function hoverText(page: Page, text: string, nth = 0, shadowHost?: string): Promise<void> {
  const r = await textRect(page, text, nth, shadowHost);
  await page.mouse.move(2, 2);
  await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2, { steps: 4 });
}
