/**
 * `npm run bench [-- FOLDER] [--pages N] [--only a,b] [--loads N] [--markjs-cap S (default 3)]
 *  [--storm-ms MS] [--matcher-size CHARS] [--matcher-timeout S] [--no-stress] [--no-matcher] [--no-hover] [--no-firefox]`
 *
 * The benchmark behind DESIGN.md "Budgets" (a benchmark with a printed table, never a
 * test: it does not fail). Runs the built extension (builds dist/chrome when missing) in
 * headless Chromium over a folder of HTML pages (default: <shared>/corpus/pages) and
 * prints, per page and as medians, the extension's busy time beside a cold TreeWalker
 * read of the same page, mark.js marking the same alias set, the longest slice, load
 * time with and without the extension, mentions and entities; then the content script's
 * gzip size, the matcher's throughput, the hover → card time and the stress pages. Then the
 * same pages in Firefox ESR (busy time, floor, slices, decode, load; scripts/lib/bench-firefox.ts).
 * Writes out/bench/bench.json and out/bench/bench.md (the README's table).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  REPO_ROOT,
  closePlainChromium,
  corpusDir,
  diagnostics,
  hoverText,
  launchChromium,
  plainPage,
  startServer,
  waitForDiagnostics,
  waitForScan,
  type ExtensionBrowser,
} from '../test/e2e/harness/index.ts';
import { loadBundledEntities } from './lib/packs.ts';
import type { Row as MatcherRow } from './lib/matcher-bench.ts';
import { benchPage, controlExtension, emptyScriptExtension, median, type PageResult } from './lib/bench-pages.ts';
import { runStressCase, stressCases, stressRoutes, type StressResult } from './lib/bench-stress.ts';
import { runStartupBench } from './lib/bench-startup.ts';
import { benchFirefox, type FirefoxPageResult } from './lib/bench-firefox.ts';

// ---- options ---------------------------------------------------------------------------

const argv = process.argv.slice(2);
const flag = (name: string): boolean => argv.includes(`--${name}`);
const opt = (name: string): string | undefined => {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const a = argv[i]!;
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[i + 1];
};
const valued = new Set(['pages', 'only', 'loads', 'markjs-cap', 'storm-ms', 'matcher-size', 'matcher-timeout']);
const positional = argv.filter((a, i) => !a.startsWith('--') && !(i > 0 && valued.has(argv[i - 1]!.replace(/^--/, ''))));

const folder = positional[0] ? resolve(positional[0]) : corpusDir();
const maxPages = opt('pages') ? Number(opt('pages')) : Infinity;
const only =
  opt('only')
    ?.split(',')
    .map((s) => s.trim().replace(/\.html?$/, '')) ?? null;
const loads = Number(opt('loads') ?? 3);
const markCapMs = Number(opt('markjs-cap') ?? 3) * 1000;
const stormMs = Number(opt('storm-ms') ?? 10_000);
const matcherSize = Number(opt('matcher-size') ?? 2_000_000);
const matcherTimeoutS = Number(opt('matcher-timeout') ?? 240);

/** See main(): esbuild's `__name` helper, for functions evaluated in pages. */
const NAME_SHIM = 'globalThis.__name ??= (f) => f;';
/** Longest a page's measurements may take before it is reported as an error. */
const PAGE_TIMEOUT_MS = 90_000;

const log = (s: string): void => void process.stderr.write(`${s}\n`);

// ---- budgets ---------------------------------------------------------------------------

const BUDGET = {
  floorRatio: 5,
  noNamesMs: 2,
  markJsRatio: 10,
  sliceMs: 16,
  loadPct: 3,
  gzipKB: 40,
  cardMs: 16.7,
  decodeMs: 1,
  synthDecodeMs: 10,
  synthScanMBs: 20,
} as const;
const mark = (ok: boolean): string => (ok ? '✅ met' : '❌ missed');

// ---- run -------------------------------------------------------------------------------

function ensureBuilt(browser: 'chrome' | 'firefox'): string {
  const dist = join(REPO_ROOT, `dist/${browser}`);
  if (!existsSync(join(dist, 'manifest.json')) || !existsSync(join(dist, 'content.js'))) {
    log(`dist/${browser} is missing: npm run build`);
    execFileSync('node', ['scripts/build.mjs', browser], { cwd: REPO_ROOT, stdio: 'inherit' });
  }
  return dist;
}

function pageList(dir: string | undefined): { page: string; file: string; bytes: number }[] {
  if (!dir || !existsSync(dir)) return [];
  let files = readdirSync(dir)
    .filter((f) => /\.html?$/i.test(f))
    .sort();
  if (only) files = files.filter((f) => only.includes(f.replace(/\.html?$/i, '')));
  return files.slice(0, maxPages).map((f) => ({ page: f.replace(/\.html?$/i, ''), file: f, bytes: statSync(join(dir, f)).size }));
}

/** All aliases of the bundled packs (mark.js's term list). */
function aliasTerms(): string[] {
  const set = new Set<string>();
  for (const e of loadBundledEntities()) for (const list of Object.values(e.aliases)) for (const a of list ?? []) set.add(a);
  return [...set];
}

/** Hover → card painted after the dwell, on the demo article: `lastCardMs` per hovered name. */
async function hoverToCard(ctx: ExtensionBrowser, url: string): Promise<number[]> {
  const page = await ctx.newPage();
  await page.goto(url);
  await waitForScan(ctx, page);
  const names = ['Galuzin', 'Tbilisi', 'Sokhumi', 'Geneva International Discussions', 'Abkhazia', 'Moscow', 'South Ossetia'];
  const out: number[] = [];
  for (const name of names) {
    try {
      await page.mouse.move(2, 2);
      await waitForDiagnostics(ctx, page, (d) => !d.card.open, { timeout: 5000, what: 'card closed' });
      const before = (await diagnostics(ctx, page))?.lastCardMs;
      await hoverText(page, name);
      const d = await waitForDiagnostics(ctx, page, (d) => d.card.open && d.lastCardMs !== undefined && d.lastCardMs !== before, { timeout: 5000, interval: 50, what: `card for ${name}` });
      out.push(d.lastCardMs!);
    } catch (e) {
      log(`hover ${name}: ${e instanceof Error ? e.message.slice(0, 160) : String(e)}`);
    }
  }
  await page.close();
  return out;
}

const fmt = (x: number | undefined, d = 1): string => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(d));

/** The row of the probe's questions answered by the extension's background: its time is not the page's, so not in busy. */
function probeRow(rows: readonly { page: string; read: boolean; probeElsewhereMs: number }[]): string {
  const asked = rows.filter((r) => r.read && r.probeElsewhereMs > 0);
  const w = [...asked].sort((a, b) => b.probeElsewhereMs - a.probeElsewhereMs)[0];
  return `| the probe's question answered in the background (not on the page's main thread, not in busy) | – | ${fmt(median(asked.map((r) => r.probeElsewhereMs)), 2)} ms median of ${asked.length} pages | ${w ? `${w.page} ${w.probeElsewhereMs} ms` : '–'} | – |`;
}

/** The Firefox budget rows and per-page table (Markdown lines). */
function firefoxSection(all: FirefoxPageResult[]): string[] {
  const ok = all.filter((r) => !r.error);
  const md: string[] = ['### Firefox ESR', ''];
  md.push(
    `The same ${ok.length} pages, ${loads} loads each, in headless Firefox ESR with dist/firefox and in a plain Firefox (the floor, the load without); timer precision not reduced in either. mark.js is measured in Chromium only.`,
    '',
  );
  md.push('| what | budget | measured | worst page | |', '| --- | --- | --- | --- | --- |');
  const by = <K extends keyof FirefoxPageResult>(key: K, rows = ok): FirefoxPageResult | undefined =>
    [...rows].filter((r) => Number.isFinite(r[key] as number)).sort((a, b) => (b[key] as number) - (a[key] as number))[0];
  const medFloor = median(ok.map((r) => r.floorRatio));
  const wf = by('floorRatio');
  md.push(
    `| scan + mark busy time ÷ cold TreeWalker read | ≤ ${BUDGET.floorRatio}× (median) | ${fmt(medFloor, 2)}× (busy ${fmt(median(ok.map((r) => r.busyMs)))} ms, floor ${fmt(median(ok.map((r) => r.floorMs)), 2)} ms) | ${wf ? `${wf.page} ${fmt(wf.floorRatio, 2)}× (${wf.busyMs} vs ${wf.floorMs} ms)` : '–'} | ${mark(medFloor <= BUDGET.floorRatio)} |`,
  );
  const none = ok.filter((r) => r.verdict === 'none');
  const wn = by('busyMs', none);
  md.push(
    `| busy time on a page where no pack name was read (verdict \`none\`) | ≤ ${BUDGET.noNamesMs} ms | ${fmt(median(none.map((r) => r.busyMs)))} ms median of ${none.length} pages (${none.filter((r) => !r.read).length} not read after the first look, ${none.filter((r) => r.skipped).length} not walked after the probe) | ${wn ? `${wn.page} ${wn.busyMs} ms` : '–'} | ${mark(none.length > 0 && none.every((r) => r.busyMs <= BUDGET.noNamesMs))} |`,
  );
  const walked = ok.filter((r) => r.read && !r.skipped);
  md.push(`| busy time on a page walked whole (the probe found a region name) | – | ${fmt(median(walked.map((r) => r.busyMs)))} ms median of ${walked.length} pages | – | – |`);
  const parts = [...new Set(ok.flatMap((r) => Object.keys(r.busyBy)))];
  md.push(`| busy time by what it did (median page, ms) | – | ${parts.map((k) => `${k} ${fmt(median(ok.map((r) => r.busyBy[k] ?? 0)))}`).join(', ')} | – | – |`);
  md.push(probeRow(ok));
  // Decoded only where the probe found a region name (a skipped page never loads the automaton).
  const loaded = walked;
  const wd = by('setupMs', loaded);
  md.push(
    `| automaton decode in the page (part of busy; pages walked) | ≤ ${BUDGET.decodeMs} ms | ${fmt(median(loaded.map((r) => r.setupMs)), 2)} ms median | ${wd ? `${wd.page} ${wd.setupMs} ms` : '–'} | ${mark(loaded.every((r) => r.setupMs <= BUDGET.decodeMs))} |`,
  );
  const ws = by('maxSliceMs');
  const over = ok.filter((r) => r.maxSliceMs > BUDGET.sliceMs);
  md.push(
    `| longest main-thread slice | ≤ ${BUDGET.sliceMs} ms, every page | ${over.length} of ${ok.length} pages over${over.length ? ` (${over.map((r) => r.page).join(', ')})` : ''} | ${ws ? `${ws.page} ${ws.maxSliceMs} ms` : '–'} | ${mark(over.length === 0)} |`,
  );
  const medLoad = median(ok.map((r) => r.loadDeltaPct));
  const wl = by('loadDeltaPct');
  md.push(
    `| page load with vs without (a Firefox without the add-on) | ≤ +${BUDGET.loadPct}% (median) | ${fmt(medLoad)}% | ${wl ? `${wl.page} ${fmt(wl.loadDeltaPct)}% (${wl.loadWithoutMs}→${wl.loadWithMs} ms)` : '–'} | ${mark(medLoad <= BUDGET.loadPct)} |`,
  );
  md.push('', '| page | busy ms | TreeWalker ms | ×floor | max slice ms | decode ms | load ms w/o | load ms with | Δload | mentions | verdict |');
  md.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of all) {
    if (r.error) {
      md.push(`| ${r.page} | error: ${r.error.replace(/\|/g, '/')} |||||||||| |`);
      continue;
    }
    md.push(
      `| ${r.page} | ${r.busyMs} | ${r.floorMs} | ${fmt(r.floorRatio, 2)} | ${r.maxSliceMs > BUDGET.sliceMs ? `**${r.maxSliceMs}** (${r.maxSliceWhat})` : r.maxSliceMs} | ${r.read ? r.setupMs : 'not read'} | ${r.loadWithoutMs} | ${r.loadWithMs} | ${fmt(r.loadDeltaPct)}% | ${r.mentions} | ${r.verdict} |`,
    );
  }
  return md;
}

async function main(): Promise<void> {
  const started = Date.now();
  const dist = ensureBuilt('chrome');
  const pages = pageList(folder);
  if (!pages.length) log(`no pages${folder ? ` in ${folder}` : ''} (set BACKSTORY_SHARED or pass a folder): page table skipped`);
  const terms = aliasTerms();
  const cases = flag('no-stress') ? [] : stressCases(stormMs);
  const server = await startServer({ root: folder, routes: stressRoutes(cases) });
  const ctx = await launchChromium({ dist });
  // tsx (esbuild keepNames) wraps named functions in `__name(…)`, and functions passed to
  // page.evaluate are run as their source in the page: give every page that helper.
  await ctx.context.addInitScript(NAME_SHIM);
  let extPage = await ctx.newPage();
  const controlDir = controlExtension();
  const control = await launchChromium({ dist: controlDir });
  let controlPage = await control.newPage();
  // Our build with an empty content script: what any content script costs the load, for reference.
  const emptyDir = emptyScriptExtension(dist);
  const empty = await launchChromium({ dist: emptyDir });
  let emptyPage = await empty.newPage();
  let plain = await plainPage();
  await plain.context().addInitScript(NAME_SHIM);

  // Per page.
  const results: PageResult[] = [];
  for (const [i, p] of pages.entries()) {
    const t0 = Date.now();
    try {
      // A page whose own script never yields would hang page.evaluate: give up after a while.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const r = await Promise.race([
        benchPage({ ctx, page: extPage }, controlPage, plain, server.url(`/root/${encodeURIComponent(p.file)}`), { page: p.page, bytes: p.bytes }, { loads, terms, markCapMs }, emptyPage),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`gave up after ${PAGE_TIMEOUT_MS / 1000} s`)), PAGE_TIMEOUT_MS);
        }),
      ]).finally(() => clearTimeout(timer));
      results.push(r);
      log(
        `[${i + 1}/${pages.length}] ${p.page}: busy ${r.busyMs} ms (floor ${r.floorMs}, ×${fmt(r.floorRatio, 2)}), mark.js ${r.markJs.aborted ? '>' : ''}${r.markJs.ms} ms, slice ${r.maxSliceMs}, load ${r.loadWithoutMs}→${r.loadWithMs} ms, ${r.mentions} mentions (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
      );
    } catch (e) {
      log(`[${i + 1}/${pages.length}] ${p.page}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      results.push({ page: p.page, bytes: p.bytes, error: String(e instanceof Error ? e.message.split('\n')[0] : e) } as PageResult);
      // Start the next page on fresh tabs.
      await extPage.close().catch(() => undefined);
      await plain.close().catch(() => undefined);
      await controlPage.close().catch(() => undefined);
      await emptyPage.close().catch(() => undefined);
      extPage = await ctx.newPage();
      controlPage = await control.newPage();
      emptyPage = await empty.newPage();
      plain = await plainPage();
      await plain.context().addInitScript(NAME_SHIM);
    }
  }
  await closePlainChromium();
  await control.close();
  await empty.close();
  rmSync(controlDir, { recursive: true, force: true });
  rmSync(emptyDir, { recursive: true, force: true });

  // Hover → card.
  log('hover → card…');
  const cardTimes = flag('no-hover') ? [] : await hoverToCard(ctx, server.demoUrl);

  // Stress pages.
  const stress: StressResult[] = [];
  for (const c of cases) {
    log(`stress ${c.name}…`);
    const page = await ctx.newPage();
    try {
      stress.push(await runStressCase(ctx, page, server.url(c.path), c, Math.max(60_000, stormMs + 30_000)));
    } catch (e) {
      stress.push({
        name: c.name,
        what: c.what,
        diag: null,
        maxSliceMs: NaN,
        busyMs: NaN,
        pageMaxGapMs: NaN,
        heapMB: NaN,
        heapGrowthMB: NaN,
        correct: false,
        problems: [String(e instanceof Error ? e.message.split('\n')[0] : e)],
        wallMs: 0,
      });
    }
    await page.close().catch(() => undefined);
  }
  await ctx.close();

  // The same pages in Firefox ESR.
  let firefox: FirefoxPageResult[] | null = null;
  if (!flag('no-firefox') && pages.length) {
    log('Firefox ESR…');
    firefox = await benchFirefox(
      pages.map((p) => ({ page: p.page, url: server.url(`/root/${encodeURIComponent(p.file)}`) })),
      { loads, dist: ensureBuilt('firefox'), log },
    );
  }
  await server.close();

  // The background's start: a fresh launch's service worker, its script evaluated (ms since
  // the worker started). A worker stopped when idle starts again for a page's first message.
  const backgroundStarts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const b = await launchChromium({ dist });
    backgroundStarts.push(Math.round(await b.sw.evaluate(() => (globalThis as { backstoryReadyMs?: number }).backstoryReadyMs ?? NaN)));
    await b.close();
  }

  // Sizes.
  const contentJs = readFileSync(join(dist, 'content.js'));
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[]; css?: string[] }[]; web_accessible_resources?: unknown[] };
  const eager = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
  const eagerKB = eager.reduce((s, f) => s + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length / 1024, 0);
  const lazy = manifest.web_accessible_resources?.length ? 'see web_accessible_resources' : 'none (one IIFE, no web-accessible chunks)';

  // Start-up of the automaton (Node), today's pack and synthetic packs.
  const startup = flag('no-matcher') ? [] : runStartupBench(log);

  // Matcher.
  let matcher: MatcherRow[] = [];
  let matcherNote = '';
  if (!flag('no-matcher')) {
    // In a child process with a time limit: one slow engine must not lose the whole run.
    log('matcher throughput…');
    const child = spawnSync(process.execPath, [...process.execArgv, join(REPO_ROOT, 'scripts/lib/bench-matcher-child.ts'), `--size=${matcherSize}`], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: matcherTimeoutS * 1000,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      matcher = JSON.parse(child.stdout.trim().split('\n').pop() ?? '[]') as MatcherRow[];
    } catch {
      matcherNote = child.error ? `matcher benchmark stopped after ${matcherTimeoutS} s (${child.error.message})` : `matcher benchmark failed (exit ${child.status})`;
      log(matcherNote);
    }
  }

  // ---- summary ----------------------------------------------------------------------

  const ok = results.filter((r) => !r.error);
  const worst = <K extends keyof PageResult>(key: K, dir: 1 | -1): PageResult | undefined =>
    [...ok].filter((r) => Number.isFinite(r[key] as number)).sort((a, b) => dir * ((b[key] as number) - (a[key] as number)))[0];
  const medFloor = median(ok.map((r) => r.floorRatio));
  const medMark = median(ok.map((r) => r.markJsRatio));
  const maxSlice = Math.max(...ok.map((r) => r.maxSliceMs));
  const slicesOver = ok.filter((r) => r.maxSliceMs > BUDGET.sliceMs);
  const medLoad = median(ok.map((r) => r.loadDeltaPct));
  const medBare = median(ok.map((r) => r.loadBareDeltaPct));
  const medEmpty = median(ok.map((r) => r.loadEmptyScriptDeltaPct));
  const medEmptyVsControl = median(ok.map((r) => r.loadEmptyScriptVsControlPct));
  const cardMed = median(cardTimes);
  const matcherRows = [...new Set(matcher.map((r) => r.aliasSet))].map((set) => {
    const ours = matcher.find((r) => r.aliasSet === set && r.engine === 'backstory')!;
    const others = matcher.filter((r) => r.aliasSet === set && r.engine !== 'backstory');
    const best = others.sort((a, b) => b.mbPerSec - a.mbPerSec)[0]!;
    return { set, patterns: ours.patterns, ours: ours.mbPerSec, best: best.mbPerSec, bestEngine: best.engine, met: ours.mbPerSec >= best.mbPerSec };
  });

  const md: string[] = [];
  md.push(`## Benchmark (\`npm run bench\`)`, '');
  md.push(
    `${new Date().toISOString().slice(0, 10)}, ${ok.length} pages from \`${folder ? basename(resolve(folder, '..')) + '/' + basename(folder) : '–'}\`, ${loads} loads each with and without the extension, headless Chromium, ${terms.length} aliases; ${((Date.now() - started) / 1000).toFixed(0)} s.`,
    '',
  );
  md.push('| what | budget | measured | worst page | |', '| --- | --- | --- | --- | --- |');
  const wf = worst('floorRatio', 1);
  md.push(
    `| scan + mark busy time ÷ cold TreeWalker read | ≤ ${BUDGET.floorRatio}× (median) | ${fmt(medFloor, 2)}× | ${wf ? `${wf.page} ${fmt(wf.floorRatio, 2)}× (${wf.busyMs} vs ${wf.floorMs} ms)` : '–'} | ${mark(medFloor <= BUDGET.floorRatio)} |`,
  );
  const noNames = ok.filter((r) => r.verdict === 'none');
  const wn = [...noNames].sort((a, b) => b.busyMs - a.busyMs)[0];
  const medNoNames = median(noNames.map((r) => r.busyMs));
  md.push(
    `| busy time on a page where no pack name was read (verdict \`none\`) | ≤ ${BUDGET.noNamesMs} ms | ${fmt(medNoNames)} ms median of ${noNames.length} pages (${noNames.filter((r) => !r.read).length} not read after the first look, ${noNames.filter((r) => r.skipped).length} not walked after the probe) | ${wn ? `${wn.page} ${wn.busyMs} ms` : '–'} | ${mark(noNames.length > 0 && noNames.every((r) => r.busyMs <= BUDGET.noNamesMs))} |`,
  );
  const unmarked = ok.filter((r) => r.entities === 0 && r.verdict !== 'none');
  md.push(
    `| busy time on a page walked that names only world-level things (nothing marked) | – | ${fmt(median(unmarked.map((r) => r.busyMs)))} ms median of ${unmarked.length} pages | – | – |`,
  );
  const walked = ok.filter((r) => r.read && !r.skipped);
  md.push(`| busy time on a page walked whole (the probe found a region name) | – | ${fmt(median(walked.map((r) => r.busyMs)))} ms median of ${walked.length} pages | – | – |`);
  const parts = [...new Set(ok.flatMap((r) => Object.keys(r.busyBy)))];
  md.push(`| busy time by what it did (median page, ms) | – | ${parts.map((k) => `${k} ${fmt(median(ok.map((r) => r.busyBy[k] ?? 0)))}`).join(', ')} | – | – |`);
  const marked = ok.filter((r) => r.firstMarkMs > 0);
  const wfm = [...marked].sort((a, b) => b.firstMarkMs - a.firstMarkMs)[0];
  md.push(
    `| time to first mark (navigation start → first mark painted) | – | ${fmt(median(marked.map((r) => r.firstMarkMs)))} ms median of ${marked.length} pages | ${wfm ? `${wfm.page} ${wfm.firstMarkMs} ms` : '–'} | – |`,
  );
  md.push(probeRow(ok));
  // Decoded only where the probe found a region name (a skipped page never loads the automaton).
  const wd = [...walked].sort((a, b) => b.setupMs - a.setupMs)[0];
  md.push(
    `| automaton decode in the page (part of busy; pages walked) | ≤ ${BUDGET.decodeMs} ms | ${fmt(median(walked.map((r) => r.setupMs)), 2)} ms median | ${wd ? `${wd.page} ${wd.setupMs} ms` : '–'} | ${mark(walked.every((r) => r.setupMs <= BUDGET.decodeMs))} |`,
  );
  const wh = [...ok].sort((a, b) => b.heapKB - a.heapKB)[0];
  md.push(
    `| JS heap held by the content script after the scan (with − control) | – | ${fmt(median(ok.map((r) => r.heapKB)), 0)} KB median | ${wh ? `${wh.page} ${wh.heapKB} KB` : '–'} | – |`,
  );
  const wm = worst('markJsRatio', -1);
  md.push(
    `| mark.js time ÷ ours, same aliases | ≥ ${BUDGET.markJsRatio}× (worst page) | ${fmt(medMark)}× median | ${wm ? `${wm.page} ${fmt(wm.markJsRatio)}× (${wm.markJs.ms} vs ${wm.busyMs} ms)` : '–'} | ${mark(wm !== undefined && wm.markJsRatio >= BUDGET.markJsRatio)} |`,
  );
  const ws = worst('maxSliceMs', 1);
  md.push(
    `| longest main-thread slice | ≤ ${BUDGET.sliceMs} ms, every page | ${slicesOver.length} of ${ok.length} pages over | ${ws ? `${ws.page} ${ws.maxSliceMs} ms` : '–'} | ${mark(maxSlice <= BUDGET.sliceMs)} |`,
  );
  const wl = worst('loadDeltaPct', 1);
  md.push(
    `| page load with vs without (vs a blank control extension) | ≤ +${BUDGET.loadPct}% (median) | ${fmt(medLoad)}% | ${wl ? `${wl.page} ${fmt(wl.loadDeltaPct)}% (${wl.loadWithoutMs}→${wl.loadWithMs} ms)` : '–'} | ${mark(medLoad <= BUDGET.loadPct)} |`,
  );
  const wb = worst('loadBareDeltaPct', 1);
  md.push(
    `| page load, vs a browser without any extension (for reference) | – | ${fmt(medBare)}% | ${wb ? `${wb.page} ${fmt(wb.loadBareDeltaPct)}% (${wb.loadBareMs}→${wb.loadWithMs} ms)` : '–'} | – |`,
  );
  md.push(
    `| page load, our build with an empty content script vs the control (for reference: what any content script on every page and frame costs) | – | ${fmt(medEmptyVsControl)}% | – | – |`,
  );
  md.push(`| page load with vs our build with an empty content script (for reference: what ours adds to that) | – | ${fmt(medEmpty)}% | – | – |`);
  md.push(
    `| hover → card painted, after the dwell | ≤ 1 frame (${BUDGET.cardMs} ms) | ${fmt(cardMed)} ms median of ${cardTimes.length} | max ${fmt(Math.max(...cardTimes))} ms | ${mark(cardTimes.length > 0 && cardMed <= BUDGET.cardMs)} |`,
  );
  md.push(
    `| background start: the service worker's script evaluated, fresh launch (records not in it: read from packs.json when first needed) | – | ${fmt(median(backgroundStarts), 0)} ms median of ${backgroundStarts.length} | max ${fmt(Math.max(...backgroundStarts), 0)} ms | – |`,
  );
  md.push(
    `| content script JS on every page (gzip) | ≤ ${BUDGET.gzipKB} KB | ${eagerKB.toFixed(1)} KB (${eager.join(', ')}; ${(contentJs.length / 1024).toFixed(0)} KB raw); lazy: ${lazy} | | ${mark(eagerKB <= BUDGET.gzipKB)} |`,
  );
  for (const m of matcherRows) {
    md.push(
      `| matcher throughput in Node, ${m.set} (${m.patterns} forms) | ≥ best of RegExp / Aho–Corasick | ${m.ours.toFixed(1)} MB/s | best other: ${m.bestEngine} ${m.best.toFixed(1)} MB/s | ${mark(m.met)} |`,
    );
  }
  if (matcherNote) md.push(`| matcher throughput in Node | ≥ best of RegExp / Aho–Corasick | ${matcherNote} | | – |`);
  md.push('');
  if (startup.length) {
    md.push('### Start-up of the automaton (Node)', '');
    md.push(`Budgets: decode ≤ ${BUDGET.decodeMs} ms for the bundled packs; the 100,000-alias pack decodes in ≤ ${BUDGET.synthDecodeMs} ms and scans at ≥ ${BUDGET.synthScanMBs} MB/s.`, '');
    md.push('| pack | aliases | forms | automaton nodes | compile (build time) ms | stored KB | JSON parse ms | decode ms (cold) | heap MB | scan MB/s | |');
    md.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const r of startup) {
      const big = r.aliases >= 100_000;
      const ok = big ? r.decodeMs <= BUDGET.synthDecodeMs && r.scanMBs >= BUDGET.synthScanMBs : r.pack === 'bundled packs' ? r.decodeMs <= BUDGET.decodeMs : true;
      md.push(
        `| ${r.pack} | ${r.aliases.toLocaleString('en')} | ${r.forms.toLocaleString('en')} | ${r.nodes.toLocaleString('en')} | ${r.compileMs} | ${r.storedKB.toLocaleString('en')} | ${r.parseMs} | ${r.decodeMs} (${r.decodeColdMs}) | ${r.heapMB} | ${r.scanMBs} | ${mark(ok)} |`,
      );
    }
    md.push('');
  }
  if (firefox?.length) md.push(...firefoxSection(firefox), '');
  md.push('### Per page', '');
  md.push(
    '| page | KB | text nodes | busy ms | TreeWalker ms | ×floor | mark.js ms | ×mark.js | max slice ms | load ms bare | load ms w/o | load ms with | Δload | mentions | entities | first mark ms | decode ms | heap KB |',
  );
  md.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    if (r.error) {
      md.push(`| ${r.page} | ${(r.bytes / 1024).toFixed(0)} | error: ${r.error.replace(/\|/g, '/')} |||||||||||||||| |`);
      continue;
    }
    md.push(
      `| ${r.page} | ${(r.bytes / 1024).toFixed(0)} | ${r.textNodes} | ${r.busyMs} | ${r.floorMs} | ${fmt(r.floorRatio, 2)} | ${r.markJs.aborted ? '>' : ''}${r.markJs.ms}${r.markJs.error ? ' (error)' : ''} | ${r.markJs.aborted ? '>' : ''}${fmt(r.markJsRatio)} | ${r.maxSliceMs > BUDGET.sliceMs ? `**${r.maxSliceMs}**` : r.maxSliceMs} | ${r.loadBareMs} | ${r.loadWithoutMs} | ${r.loadWithMs} | ${fmt(r.loadDeltaPct)}% | ${r.mentions} | ${r.entities} | ${r.firstMarkMs || '–'} | ${r.read ? r.setupMs : 'not read'} | ${r.heapKB} |`,
    );
  }
  md.push(
    `| **median** | ${(median(ok.map((r) => r.bytes)) / 1024).toFixed(0)} | ${median(ok.map((r) => r.textNodes))} | ${fmt(median(ok.map((r) => r.busyMs)))} | ${fmt(median(ok.map((r) => r.floorMs)), 2)} | ${fmt(medFloor, 2)} | ${fmt(median(ok.map((r) => r.markJs.ms)))} | ${fmt(medMark)} | ${fmt(median(ok.map((r) => r.maxSliceMs)))} | ${fmt(median(ok.map((r) => r.loadBareMs)))} | ${fmt(median(ok.map((r) => r.loadWithoutMs)))} | ${fmt(median(ok.map((r) => r.loadWithMs)))} | ${fmt(medLoad)}% | ${median(ok.map((r) => r.mentions))} | ${median(ok.map((r) => r.entities))} | ${fmt(median(marked.map((r) => r.firstMarkMs)))} | ${fmt(median(walked.map((r) => r.setupMs)), 2)} | ${fmt(median(ok.map((r) => r.heapKB)), 0)} |`,
  );
  if (stress.length) {
    md.push('', '### Stress pages', '');
    md.push("| page | busy ms | max slice ms (≤ 16) | page's longest event-loop gap ms | passes | mentions | renderer JS heap MB (growth) | marks correct | wall s |");
    md.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |');
    for (const s of stress) {
      md.push(
        `| ${s.name}: ${s.what} | ${fmt(s.busyMs)} | ${s.maxSliceMs > BUDGET.sliceMs ? `**${fmt(s.maxSliceMs)}**` : fmt(s.maxSliceMs)} | ${fmt(s.pageMaxGapMs)} | ${s.diag?.passes ?? '–'} | ${s.diag?.mentions ?? '–'}${s.frames ? ` + ${s.frames.correct}/${s.frames.answered} frames` : ''} | ${fmt(s.heapMB)} (${fmt(s.heapGrowthMB)}) | ${s.correct ? 'yes' : `no: ${s.problems.join('; ').replace(/\|/g, '/').slice(0, 200)}`} | ${(s.wallMs / 1000).toFixed(1)} |`,
      );
    }
  }
  md.push(
    '',
    'Notes: busy = the content script\'s main-thread time in its slices (diagnostics `busyMs`, median of the loads); TreeWalker = one cold read of every text node in the page\'s main world right after `load`, without the extension; mark.js 8.11.1 with `separateWordSearch: false, accuracy: "exactly", diacritics: false, caseSensitive: true`, capped (">" = stopped at the cap); load = navigation start → `load` event end, median of the loads; "w/o" = the same launch with a blank control extension instead of Backstory (launching with any unpacked extension alone moves loads), "bare" = a browser without extensions; Δload (with ÷ w/o) is per page, its median is the budget figure. The stress pages\' event-loop gap includes the page\'s own work (the storm, 500 frames loading).',
  );

  const text = md.join('\n');
  console.log(text);
  const out = join(REPO_ROOT, 'out/bench');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'bench.md'), `${text}\n`);
  writeFileSync(
    join(out, 'bench.json'),
    JSON.stringify(
      {
        date: new Date().toISOString(),
        folder,
        loads,
        aliases: terms.length,
        budgets: BUDGET,
        summary: {
          floorRatioMedian: medFloor,
          markJsRatioMedian: medMark,
          maxSliceMs: maxSlice,
          pagesOverSliceBudget: slicesOver.map((r) => r.page),
          loadDeltaPctMedian: medLoad,
          loadBareDeltaPctMedian: medBare,
          loadEmptyScriptDeltaPctMedian: medEmpty,
          loadEmptyScriptVsControlPctMedian: medEmptyVsControl,
          cardMs: cardTimes,
          contentGzipKB: eagerKB,
          backgroundStartMs: backgroundStarts,
          lazy,
          matcher: matcherRows,
          startup,
        },
        pages: results,
        firefox,
        stress: stress.map((s) => ({ ...s, diag: s.diag && { ...s.diag, entities: s.diag.entities.length } })),
        matcher,
      },
      null,
      2,
    ),
  );
  log(`wrote out/bench/bench.md and out/bench/bench.json in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
