/**
 * Hostile and huge pages (DESIGN.md "Reliability"): 200,000 text nodes, 10 MB in one text
 * node, nesting 5,000 deep, a mutation storm (3 s here, 10 s in `npm run bench`), 500
 * same-origin iframes, and a page that clears CSS.highlights every second. For each: the
 * marks are exactly the planted names once the page settles, nothing crashes, the page
 * keeps a working event loop, the extension's slices stay within the real 16 ms budget
 * (a case over it is measured once more in a fresh page, and that measurement must hold:
 * one outlier is retried, never averaged away) and its work and memory stay bounded. The pages are generated in memory
 * (scripts/lib/bench-stress.ts).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, startServer, waitForDiagnostics, type ExtensionBrowser, type TestServer } from './harness/index.ts';
import {
  deepNesting,
  highlightClearer,
  manyIframes,
  manyTextNodes,
  mutationStorm,
  oneHugeNode,
  runStressCase,
  stressRoutes,
  type StressCase,
  type StressResult,
} from '../../scripts/lib/bench-stress.ts';

/** The budget for one main-thread slice of ours (DESIGN.md: one frame). */
const MAX_SLICE_MS = 16;

const cases = {
  nodes: manyTextNodes(),
  huge: oneHugeNode(),
  deep: deepNesting(),
  storm: mutationStorm(3000),
  frames: manyIframes(),
  clear: highlightClearer(),
};

let ctx: ExtensionBrowser;
let server: TestServer;
/** The page of the current test (one per test, so a crash stays in its test). */
let page: Page;

beforeAll(async () => {
  server = await startServer({ routes: stressRoutes(Object.values(cases)) });
  ctx = await launchChromium();
});

beforeEach(async () => {
  page = await ctx.newPage();
});

afterEach(async () => {
  await page?.close().catch(() => undefined);
});

afterAll(async () => {
  await ctx?.close();
  await server?.close();
});

async function run(c: StressCase): Promise<StressResult> {
  const r = await runStressCase(ctx, page, server.url(c.path), c, 25_000);
  console.log(`${c.name}: ${JSON.stringify({ ...r, diag: r.diag && { ...r.diag, entities: r.diag.entities.length } })}`);
  return r;
}

/** The slice figure a case is held to: the longest slice, unless the case says otherwise. */
type SliceFigure = (r: StressResult) => { ms: number; what: string };
const longestSlice: SliceFigure = (r) => ({ ms: r.maxSliceMs, what: 'the longest extension slice' });

/**
 * Runs a case and holds it to the budget. A run over budget (a garbage collection, the
 * machine) is logged and the case is run once more in a fresh page; that second
 * measurement is the one held to the budget, on its own.
 */
async function runWithinBudget(c: StressCase, figure: SliceFigure = longestSlice): Promise<StressResult> {
  let r = await run(c);
  const first = figure(r);
  if (first.ms > MAX_SLICE_MS) {
    console.warn(`${c.name}: ${first.what} was ${first.ms} ms (budget ${MAX_SLICE_MS} ms): measuring once more`);
    await page.close().catch(() => undefined);
    page = await ctx.newPage();
    r = await run(c);
  }
  expectHealthy(r, figure(r));
  return r;
}

/** `slice`: the slice figure held to MAX_SLICE_MS. */
function expectHealthy(r: StressResult, slice: { ms: number; what: string }): void {
  expect(r.problems).toEqual([]);
  expect(r.correct).toBe(true);
  expect(slice.ms, slice.what).toBeLessThanOrEqual(MAX_SLICE_MS);
  expect(r.diag?.status).toBe('done');
  expect(ctx.pageErrors.filter((e) => e.url.includes('/stress/'))).toEqual([]);
}

describe('stress pages', () => {
  it('200,000 text nodes: every planted name marked, work sliced', async () => {
    const r = await runWithinBudget(cases.nodes);
    expect(r.diag!.textNodes).toBeGreaterThanOrEqual(200_000);
  }, 80_000);

  it('10 MB of text in one node: every planted name marked, work sliced', async () => {
    const r = await runWithinBudget(cases.huge);
    expect(r.diag!.textChars).toBeGreaterThanOrEqual(10_000_000);
  }, 80_000);

  it('nesting 5,000 deep: every planted name marked, work sliced', async () => {
    await runWithinBudget(cases.deep);
  }, 80_000);

  it('a mutation storm (~10,000/s for 3 s): marks right once it stops, rescans bounded, memory bounded', async () => {
    const r = await runWithinBudget(cases.storm);
    const mutations = await page.evaluate(() => (window as unknown as { __stormMutations: number }).__stormMutations);
    expect(mutations).toBeGreaterThan(5000);
    // Rescans are debounced and the queue is bounded: far fewer passes than mutation batches.
    expect(r.diag!.passes).toBeLessThan(100);
    expect(r.heapGrowthMB, 'renderer heap growth over the storm').toBeLessThan(150);
  }, 90_000);

  it('500 same-origin iframes: each frame marks its name, and no frame takes a long slice', async () => {
    const r = await runWithinBudget(cases.frames, (x) => ({ ms: x.diag?.maxSliceMs ?? Infinity, what: 'the longest slice of the top frame' }));
    expect(r.frames?.correct).toBe(500);
    // Every subframe's longest slice is held to the budget. 500 content scripts share one
    // renderer on a busy machine, so a frame over it (a garbage collection, the scheduler)
    // is loaded once more in place and measured again; that measurement must hold.
    const slow = r.frames!.slowest.filter((f) => f.maxSliceMs > MAX_SLICE_MS);
    expect(slow.length, 'frames over budget that can be measured again').toBeLessThan(r.frames!.slowest.length);
    for (const f of slow) {
      console.warn(`iframes-500: frame ${f.url} took ${f.maxSliceMs} ms (${f.what}): measuring once more`);
      const frame = page.frames().find((x) => x.url() === f.url);
      expect(frame, f.url).toBeDefined();
      await frame!.goto(f.url);
      const d = await waitForDiagnostics(ctx, page, (x) => x.status === 'done' && x.mentions === cases.frames.frames!.mentionsEach, {
        frameId: f.frameId,
        what: `frame ${f.url} scanned again`,
      });
      expect(d.maxSliceMs, `the longest slice of ${f.url}, measured again`).toBeLessThanOrEqual(MAX_SLICE_MS);
    }
  }, 180_000);

  it('a page that clears CSS.highlights every second gets our marks back', async () => {
    await runWithinBudget(cases.clear);
  }, 80_000);
});
