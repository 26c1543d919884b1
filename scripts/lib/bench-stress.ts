/**
 * Hostile and huge pages (DESIGN.md "Reliability": hundreds of thousands of text nodes,
 * megabytes of text, deep nesting, mutation storms, many frames, a page that clears our
 * highlights), generated in memory, and one runner that loads a case with the extension
 * and measures it. Used by test/e2e/stress.e2e.test.ts (correctness, short storm) and by
 * `npm run bench` (figures, full storm).
 *
 * Every page plants a known number of "Mikhail Galuzin" / "Tbilisi" / "Sokhumi" among
 * filler words that match nothing, so "the marks are correct when the page settles" is an
 * exact count.
 */
import type { Page } from 'playwright-core';
import type { Diagnostics } from '../../src/shared/messages.ts';
import {
  allFrameDiagnostics,
  diagnostics,
  jsHeapMB,
  readLag,
  startLagProbe,
  waitForDiagnostics,
  type ExtensionBrowser,
  type FrameDiagnostics,
  type RouteBody,
} from '../../test/e2e/harness/index.ts';

/** Lower-case filler that no alias matches. */
const FILLER = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua';

const page = (title: string, body: string, script = ''): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}${script ? `<script>${script}</script>` : ''}</body></html>`;

/** A stress case: pages to serve, where to start, and what a settled page must show. */
export interface StressCase {
  name: string;
  /** What it does, for the bench table. */
  what: string;
  /** In-memory pages by path. */
  routes: Record<string, string | RouteBody>;
  /** The page to open. */
  path: string;
  /** Mentions the settled top frame must mark (exact). */
  mentions: number;
  /** Frames other than the top one that must each mark this many mentions (iframes case). */
  frames?: { count: number; mentionsEach: number };
  /** Resolves when the page has finished its own work (storm over, frames loaded…). */
  settled?(page: Page): Promise<void>;
  /** Extra check after settling (e.g. highlights come back after the page clears them); returns a failure or null. */
  check?(page: Page, ctx: ExtensionBrowser): Promise<string | null>;
}

/** 200,000 text nodes: 2,000 paragraphs of 100 text nodes, 40 of them with "Mikhail Galuzin". */
export function manyTextNodes(nodes = 200_000): StressCase {
  const perP = 100;
  const paras = Math.ceil(nodes / perP);
  const planted = 40;
  const every = Math.floor(paras / planted);
  const parts: string[] = [];
  for (let p = 0; p < paras; p++) {
    let s = '<p>';
    for (let i = 0; i < perP / 2; i++) s += `w${i} <i>x</i>`;
    if (p % every === 0 && p / every < planted) s += ' Mikhail Galuzin';
    parts.push(s + '</p>');
  }
  return {
    name: 'text-nodes-200k',
    what: `${(paras * perP).toLocaleString('en')} text nodes`,
    routes: { '/stress/nodes.html': page('Many text nodes', parts.join('\n')) },
    path: '/stress/nodes.html',
    mentions: planted,
  };
}

/** 10 MB of text in one text node, with "Tbilisi" once per MB. */
export function oneHugeNode(mb = 10): StressCase {
  const chunk = (FILLER + ' ').repeat(Math.ceil(1_000_000 / (FILLER.length + 1))).slice(0, 1_000_000 - 9);
  const text = Array.from({ length: mb }, () => chunk + ' Tbilisi ').join('');
  return {
    name: 'one-node-10mb',
    what: `${mb} MB of text in one text node`,
    routes: { '/stress/huge.html': page('One huge text node', `<p>${text}</p>`) },
    path: '/stress/huge.html',
    mentions: mb,
  };
}

/**
 * Elements nested 5,000 deep (built by script: the HTML parser flattens past 512), a name
 * every 100 levels. The elements are `display: contents`: a *rendered* tree this deep
 * crashes Chromium 156's renderer by itself (no extension: the tab dies at 1,000 nested
 * div/span boxes and at 5,000 divs), so the DOM is 5,000 deep while the layout is flat.
 */
export function deepNesting(depth = 5000): StressCase {
  const script = `
    let el = document.getElementById('deep');
    for (let i = 1; i <= ${depth}; i++) {
      const d = document.createElement(i % 3 ? 'div' : 'span');
      d.style.display = 'contents';
      if (i % 100 === 0) d.append('level ' + i + ' Sokhumi ');
      else if (i % 10 === 0) d.append('level ' + i + ' ');
      el.append(d);
      el = d;
    }
    el.append('the bottom, Mikhail Galuzin');`;
  return {
    name: 'nesting-5000',
    what: `elements nested ${depth.toLocaleString('en')} deep`,
    routes: { '/stress/deep.html': page('Deep nesting', '<div id="deep">top</div>', script) },
    path: '/stress/deep.html',
    mentions: depth / 100 + 1,
  };
}

/**
 * A mutation storm: every 4 ms, 40 mutations (replace a paragraph holding "Mikhail
 * Galuzin", rewrite text nodes, toggle an attribute) ≈ 10,000 a second for `ms`; the
 * paragraphs holding a name stay 100 throughout. `window.__stormDone` is set at the end.
 */
export function mutationStorm(ms = 10_000): StressCase {
  const script = `
    const area = document.getElementById('storm');
    const counters = Array.from({ length: 20 }, (_, i) => { const s = document.createElement('span'); s.textContent = 'c' + i; area.before(s); return s.firstChild; });
    for (let i = 0; i < 100; i++) { const p = document.createElement('p'); p.textContent = 'item ' + i + ' Mikhail Galuzin said'; area.append(p); }
    let n = 0, mutations = 0;
    const t0 = performance.now();
    window.__stormMutations = 0;
    const id = setInterval(() => {
      if (performance.now() - t0 > ${ms}) { clearInterval(id); window.__stormMutations = mutations; window.__stormDone = true; return; }
      for (let k = 0; k < 10; k++) {
        const p = document.createElement('p');
        p.textContent = 'item ' + (++n) + ' Mikhail Galuzin said';
        area.append(p);                          // 1
        area.firstElementChild.remove();         // 2
        counters[n % 20].data = 'c' + n;         // 3
        area.lastElementChild.toggleAttribute('data-x'); // 4
        mutations += 4;
      }
    }, 4);`;
  return {
    name: 'mutation-storm',
    what: `~10,000 mutations/s for ${ms / 1000} s`,
    routes: { [`/stress/storm-${ms}.html`]: page('Mutation storm', '<h1>Storm</h1><p>Reported from Tbilisi.</p><div id="storm"></div>', script) },
    path: `/stress/storm-${ms}.html`,
    mentions: 101,
    settled: (p) => p.waitForFunction(() => (window as unknown as { __stormDone?: boolean }).__stormDone === true, null, { timeout: ms + 30_000, polling: 200 }).then(() => undefined),
  };
}

/** 500 same-origin iframes (served pages: content scripts run in them), each with a paragraph naming Sokhumi once. */
export function manyIframes(count = 500): StressCase {
  const frames = Array.from({ length: count }, (_, i) => `<iframe src="/stress/frame.html?i=${i}" width="120" height="40" loading="eager"></iframe>`).join('');
  return {
    name: 'iframes-500',
    what: `${count} same-origin iframes`,
    routes: {
      '/stress/frames.html': page('Many iframes', `<p>Frames about Tbilisi.</p>${frames}`),
      '/stress/frame.html': page('Frame', `<p>A note from Sokhumi. ${'The rest of the paragraph is ordinary text about the weather and the roads. '.repeat(3)}</p>`),
    },
    path: '/stress/frames.html',
    mentions: 1,
    frames: { count, mentionsEach: 1 },
    settled: (p) =>
      p
        .waitForFunction((n) => [...document.querySelectorAll('iframe')].filter((f) => f.contentDocument?.readyState === 'complete').length >= n, count, { timeout: 60_000, polling: 250 })
        .then(() => undefined),
  };
}

/** A page that calls CSS.highlights.clear() every second: our marks must come back. */
export function highlightClearer(): StressCase {
  const script = `
    window.__clears = 0;
    setInterval(() => { CSS.highlights.clear(); window.__clears++; }, 1000);`;
  return {
    name: 'highlights-clear',
    what: 'page clears CSS.highlights every second',
    routes: { '/stress/clear.html': page('Highlight clearer', '<p>Mikhail Galuzin met officials in Tbilisi and Sokhumi.</p>', script) },
    path: '/stress/clear.html',
    mentions: 3,
    async check(p) {
      // After each of the next clears, our highlight must be registered again (the content
      // script restores it every 2 s, and on pointer activity).
      const back = await p.evaluate(
        () =>
          new Promise<string | null>((resolve) => {
            const w = window as unknown as { __clears: number };
            const start = w.__clears;
            let seenGone = false;
            let comebacks = 0;
            const t0 = performance.now();
            const id = setInterval(() => {
              const has = CSS.highlights.has('backstory-underline');
              if (!has) seenGone = true;
              else if (seenGone) {
                comebacks++;
                seenGone = false;
              }
              if (comebacks >= 2) {
                clearInterval(id);
                resolve(null);
              } else if (performance.now() - t0 > 12_000) {
                clearInterval(id);
                resolve(`highlights came back ${comebacks} times after ${w.__clears - start} clears in 12 s`);
              }
            }, 50);
          }),
      );
      return back;
    },
  };
}

/** Every case, the storm at `stormMs`. */
export function stressCases(stormMs = 10_000): StressCase[] {
  return [manyTextNodes(), oneHugeNode(), deepNesting(), mutationStorm(stormMs), manyIframes(), highlightClearer()];
}

/** What a stress run measured. */
/** One subframe's longest slice. */
export interface SlowFrame {
  frameId: number;
  url: string;
  maxSliceMs: number;
  what: string;
}

export interface StressResult {
  name: string;
  what: string;
  /** Top frame's diagnostics once settled. */
  diag: Diagnostics | null;
  /** Longest slice over every frame (iframes case) or the top frame, ms. */
  maxSliceMs: number;
  /** Busy time over every frame, ms. */
  busyMs: number;
  /** Longest gap of a 4 ms timer in the page while the extension worked (the page's own work included), ms. */
  pageMaxGapMs: number;
  /** Renderer JS heap once settled (all worlds), MB, and its growth since the page loaded. */
  heapMB: number;
  heapGrowthMB: number;
  /**
   * Frames whose content script answered, how many of them marked what they should, the
   * 95th percentile of their longest slices, ms, and the frames with the longest slices
   * (the slowest first, at most 20), for a caller that measures an outlier once more.
   */
  frames?: { answered: number; correct: number; p95SliceMs: number; slowest: SlowFrame[] };
  /** Whether the settled marks are exactly the planted ones (and the case's own check passed). */
  correct: boolean;
  problems: string[];
  /** Wall time from navigation to settled and scanned, ms. */
  wallMs: number;
}

/**
 * Loads a case in `page` (the server must serve `c.routes`), waits for the page to settle
 * and the scan to finish, and measures. Never throws for a wrong count: it reports.
 */
export async function runStressCase(ctx: ExtensionBrowser, page: Page, url: string, c: StressCase, timeoutMs = 60_000): Promise<StressResult> {
  const problems: string[] = [];
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
  await startLagProbe(page);
  const heap0 = await jsHeapMB(ctx, page);
  if (c.settled) await c.settled(page);
  // Settled: status done for this document, and no new pass for a moment.
  let diag: Diagnostics | null;
  try {
    diag = await waitForDiagnostics(ctx, page, (d) => d.url === page.url() && d.status === 'done' && d.mentions >= c.mentions, {
      timeout: timeoutMs,
      interval: 250,
      what: `${c.mentions} mentions`,
    });
  } catch (e) {
    problems.push(String(e instanceof Error ? e.message : e).slice(0, 300));
    diag = await diagnostics(ctx, page).catch(() => null);
  }
  await new Promise((r) => setTimeout(r, 500));
  diag = (await diagnostics(ctx, page).catch(() => null)) ?? diag;
  const wallMs = Date.now() - t0;
  let maxSliceMs = diag?.maxSliceMs ?? 0;
  let busyMs = diag?.busyMs ?? 0;
  if (!diag) problems.push('no diagnostics from the top frame');
  else if (diag.mentions !== c.mentions) problems.push(`top frame marks ${diag.mentions} mentions, expected ${c.mentions}`);
  let frames: StressResult['frames'];
  if (c.frames) {
    // Subframes start when the page is idle: wait until every one has finished (or the time is up).
    const frameDiags = async (): Promise<FrameDiagnostics[]> => (await allFrameDiagnostics(ctx, page)).filter((f) => f.frameId !== 0 && f.diag.url.includes('/stress/frame.html'));
    let all = await frameDiags();
    const until = Date.now() + timeoutMs;
    while (all.filter((f) => f.diag.status === 'done').length < c.frames.count && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 500));
      all = await frameDiags();
    }
    const correct = all.filter((f) => f.diag.status === 'done' && f.diag.mentions === c.frames!.mentionsEach).length;
    const slices = all.map((f) => f.diag.maxSliceMs).sort((a, b) => a - b);
    const slowest = all
      .map((f) => ({ frameId: f.frameId, url: f.diag.url, maxSliceMs: f.diag.maxSliceMs, what: f.diag.maxSliceWhat }))
      .sort((a, b) => b.maxSliceMs - a.maxSliceMs)
      .slice(0, 20);
    frames = { answered: all.length, correct, p95SliceMs: slices[Math.min(slices.length - 1, Math.floor(slices.length * 0.95))] ?? 0, slowest };
    for (const f of all) {
      maxSliceMs = Math.max(maxSliceMs, f.diag.maxSliceMs);
      busyMs += f.diag.busyMs;
    }
    if (correct !== c.frames.count) problems.push(`${correct} of ${c.frames.count} frames marked correctly (${all.length} answered)`);
  }
  if (c.check) {
    const why = await c.check(page, ctx);
    if (why) problems.push(why);
  }
  const { maxGapMs } = await readLag(page, true);
  const heapMB = await jsHeapMB(ctx, page);
  return {
    name: c.name,
    what: c.what,
    diag,
    maxSliceMs,
    busyMs: Math.round(busyMs * 10) / 10,
    pageMaxGapMs: maxGapMs,
    heapMB,
    heapGrowthMB: Math.round((heapMB - heap0) * 10) / 10,
    frames,
    correct: problems.length === 0,
    problems,
    wallMs,
  };
}

/** All routes of a list of cases (for `startServer({ routes })`). */
export function stressRoutes(cases: StressCase[]): Record<string, string | RouteBody> {
  return Object.assign({}, ...cases.map((c) => c.routes)) as Record<string, string | RouteBody>;
}
