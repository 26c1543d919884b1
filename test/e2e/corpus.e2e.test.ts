/**
 * Every real saved page of the shared corpus (../shared/corpus/pages, or
 * $BACKSTORY_SHARED/corpus/pages), JavaScript on, served as text/html; charset=utf-8:
 * Backstory's scan reaches `done`, and the page is left as it would be without it —
 * same innerText, no page-node mutation and no page error that the same page without
 * the extension does not have too (pages run their own scripts). Skipped with a message
 * when the corpus is absent. One Chromium with the extension, one without.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import {
  CHROMIUM_MISSING,
  CORPUS_MISSING,
  chromiumPath,
  closePlainChromium,
  corpusDir,
  innerText,
  launchChromium,
  plainPage,
  readWatch,
  startServer,
  waitForScan,
  watchPage,
  type Diagnostics,
  type ExtensionBrowser,
  type TestServer,
} from './harness/index.ts';
import { REGION_PAGES, SETTLE_MS, WORLD_ONLY_PAGES, domPairsInPage, judge, signature, type Seen } from './harness/corpus.ts';

const dir = corpusDir();
const pages = dir
  ? readdirSync(dir)
      .filter((f) => f.endsWith('.html'))
      .sort()
  : [];
const hasChromium = chromiumPath() !== undefined;
if (!dir) console.warn(CORPUS_MISSING);
if (!hasChromium) console.warn(CHROMIUM_MISSING);

/** The final DOM's parent/child pairs (see `domPairsInPage`). */
const domPairs = (page: Page): Promise<string[]> => page.evaluate(domPairsInPage);

/** Loads `url` in `page` (watched), lets it settle, and reads what it did. */
async function look(page: Page, url: string, settleMs: number, afterLoad?: () => Promise<unknown>): Promise<Seen> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await watchPage(page);
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  await afterLoad?.();
  await page.waitForTimeout(settleMs);
  const livedMs = Date.now() - t0;
  const w = await readWatch(page);
  return {
    mutations: w.mutations,
    signatures: new Set([...w.mutations, ...w.early].map(signature)),
    errors: [...errors, ...w.errors],
    text: await innerText(page),
    pairs: new Set(await domPairs(page)),
    livedMs,
  };
}

describe.skipIf(!dir || !hasChromium)(`Corpus: ${pages.length} real pages (Chromium)`, () => {
  let server: TestServer;
  let ctx: ExtensionBrowser;
  const figures: { page: string; d: Diagnostics }[] = [];

  beforeAll(async () => {
    server = await startServer({ root: dir });
    ctx = await launchChromium();
  });
  afterAll(async () => {
    if (figures.length) {
      const sorted = figures.map((f) => f.d.busyMs).sort((a, b) => a - b);
      const worst = figures.reduce((a, b) => (b.d.maxSliceMs > a.d.maxSliceMs ? b : a));
      console.log(
        `corpus: ${figures.length} pages, ${figures.reduce((n, f) => n + f.d.mentions, 0)} mentions; busy ms median ${sorted[sorted.length >> 1]}, max ${sorted.at(-1)}; longest slice ${worst.d.maxSliceMs} ms (${worst.page})`,
      );
    }
    await ctx?.close();
    await closePlainChromium();
    await server?.close();
  });

  it.each(pages)('%s: scanned, and left as it was', async (file) => {
    const url = server.url(`/root/${encodeURIComponent(file)}`);
    let d: Diagnostics | undefined;
    const withExtension = async (): Promise<Seen> => {
      const page = await ctx.newPage();
      try {
        return await look(page, url, SETTLE_MS, async () => {
          d = await waitForScan(ctx, page, { timeout: 30_000 });
        });
      } finally {
        await page.close();
      }
    };
    const mine = await withExtension();
    figures.push({ page: file, d: d! });
    expect(d!.status).toBe('done');
    // Only where the pack has something to say: world-level names alone are not marked.
    if (d!.verdict === 'world-only') expect(d!.mentions).toBe(0);
    if (d!.verdict === 'region') expect(d!.mentions).toBeGreaterThan(0);
    if (REGION_PAGES.has(file)) expect(d!.verdict).toBe('region');
    if (WORLD_ONLY_PAGES.has(file)) expect([d!.verdict, d!.mentions]).toEqual([expect.stringMatching(/^(world-only|none)$/), 0]);
    // Nothing changed by Backstory: mutations and errors only of kinds the page makes itself,
    // and the same text as without the extension (when the page's own scripts changed nothing).
    const judged = await judge(mine, { without: (settleMs) => lookWithout(url, settleMs), withExtension });
    expect(judged.unexplained).toEqual({ mutations: [], errors: [] });
    if (judged.text) expect(judged.text.mine).toBe(judged.text.own);
  });
});

/** The same page without the extension. */
async function lookWithout(url: string, settleMs: number): Promise<Seen> {
  const plain = await plainPage();
  try {
    return await look(plain, url, settleMs);
  } finally {
    await plain.close();
  }
}
