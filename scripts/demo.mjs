#!/usr/bin/env node
/**
 * The demo: installs dependencies if needed (`npm ci`), builds, serves the demo article
 * (scripts/demo/article.html) on 127.0.0.1 and starts Chromium with Backstory loaded.
 *
 * - With a display ($DISPLAY or $WAYLAND_DISPLAY): a normal window; Ctrl-C to quit.
 * - Without one (or with --headless): headless; writes screenshots of the marked page, an
 *   open card and the side panel (card and panel in light and dark mode) to out/demo/,
 *   prints the folder and exits (0 when every step worked).
 * - `--lang ru` / `--lang ka` (default en): Backstory's language setting is set to that
 *   language, and Chromium gets `--lang` too (Chromium has no Georgian UI of its own).
 *   The screenshots carry the language in their names: 2-card-ka-dark.png.
 *
 * Chromium is /usr/bin/chromium or $CHROMIUM_PATH; when missing and running as root on
 * Debian/Ubuntu, it is installed with apt-get. The page is served offline: every request
 * not to 127.0.0.1 is blocked.
 */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { chromiumPath as chromiumPathOf, DEFAULT_CHROMIUM, extensionArgs, isLocalUrl } from './lib/chromium-launch.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const DEMO = join(ROOT, 'scripts/demo');
const DIST = join(ROOT, 'dist/chrome');
const OUT = join(ROOT, 'out/demo');
const APT = 'apt-get install -y --no-install-recommends chromium fonts-dejavu-core';
const LANGS = ['en', 'ru', 'ka'];
/** How the side panel names Galuzin in each UI language. */
const GALUZIN = { en: 'Galuzin', ru: 'Галузин', ka: 'გალუზინ' };
const args = process.argv.slice(2);
const headed = !args.includes('--headless') && Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
/** `--lang ka` or `--lang=ka`; English by default. */
const lang = (() => {
  const i = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return 'en';
  const v = args[i].includes('=') ? args[i].slice('--lang='.length) : args[i + 1];
  if (!LANGS.includes(v ?? '')) {
    console.error(`--lang takes one of ${LANGS.join(', ')} (got ${v === undefined ? 'nothing' : `"${v}"`}).`);
    process.exit(2);
  }
  return v;
})();

const step = (msg) => console.log(`\x1b[1m›\x1b[0m ${msg}`);
function run(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n${cmd} ${cmdArgs.join(' ')} failed (exit ${r.status ?? r.signal}).`);
    process.exit(1);
  }
}

// 1. Dependencies.
if (!existsSync(join(ROOT, 'node_modules/playwright-core'))) {
  step('Installing dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

// 2. Chromium.
let chromiumPath = chromiumPathOf() ?? (process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM);
if (!existsSync(chromiumPath)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // Install only the default browser; a CHROMIUM_PATH that points nowhere is the caller's to fix.
  if (isRoot && !process.env.CHROMIUM_PATH && existsSync('/usr/bin/apt-get')) {
    step(`Chromium is missing; installing it: apt-get update && ${APT}`);
    run('apt-get', ['update']);
    run('apt-get', APT.split(' ').slice(1));
    chromiumPath = DEFAULT_CHROMIUM;
  } else {
    console.error(`Chromium was not found at ${chromiumPath}. Install it, e.g. on Debian/Ubuntu:\n  sudo apt-get update && sudo ${APT}\nor set CHROMIUM_PATH to a Chromium/Chrome binary.`);
    process.exit(1);
  }
}

// 3. Build.
step('Building (npm run build)…');
run('npm', ['run', '--silent', 'build']);

// 4. Serve the demo article.
const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml' };
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const file = resolve(DEMO, '.' + (path === '/' ? '/article.html' : path));
  if (!file.startsWith(DEMO + sep) || !existsSync(file)) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    return;
  }
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
  res.end(readFileSync(file));
});
await new Promise((ok) => server.listen(Number(process.env.DEMO_PORT ?? 0), '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/article.html`;
step(`Serving the demo article at ${url}`);

// 5. Chromium with the extension.
const { chromium } = await import('playwright-core');
const profile = mkdtempSync(join(tmpdir(), 'backstory-demo-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath,
  headless: !headed,
  viewport: headed ? null : { width: 1280, height: 900 },
  args: extensionArgs(DIST, lang === 'en' ? [] : [`--lang=${lang}`]),
});
await context.route('**/*', (route) => (isLocalUrl(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
const cleanup = async () => {
  await context.close().catch(() => undefined);
  server.close();
  rmSync(profile, { recursive: true, force: true });
};
const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
const extensionId = new URL(sw.url()).host;
if (lang !== 'en') {
  // Backstory's language setting, as the popup's Language menu saves it.
  await sw.evaluate(async (language) => {
    const got = await chrome.storage.sync.get('settings');
    await chrome.storage.sync.set({ settings: { ...(got.settings ?? {}), language } });
  }, lang);
  step(`Backstory's language: ${lang}.`);
}
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(url);

if (headed) {
  step('Chromium is open with Backstory. Rest the pointer on a marked name for its card; the toolbar button has the settings and the side panel. Ctrl-C to quit.');
  const stop = async () => {
    await cleanup();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  context.on('close', () => void stop());
} else {
  const problems = [];
  mkdirSync(OUT, { recursive: true });
  // The demo tab is the only page and the active tab; its content script answers diagnostics.
  await page.bringToFront();
  const tabId = await sw.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  const diag = () =>
    sw.evaluate(async (id) => {
      try {
        return await chrome.tabs.sendMessage(id, { type: 'backstory/diagnostics' }, { frameId: 0 });
      } catch {
        return null;
      }
    }, tabId);
  const waitFor = async (pred, ms) => {
    const end = Date.now() + ms;
    let d;
    while (Date.now() < end) {
      d = await diag();
      if (d?.ok && pred(d)) return d;
      await page.waitForTimeout(100);
    }
    return null;
  };

  const scanned = await waitFor((d) => d.status === 'done', 15_000);
  if (scanned) step(`Marked ${scanned.mentions} mentions of ${scanned.entities.length} entities in ${Math.round(scanned.scanMs)} ms.`);
  else problems.push('the content script did not finish a scan (no diagnostics with status "done")');
  const shot = (p, name) => p.screenshot({ path: join(OUT, name) }).then(() => shots.push(name));
  const shots = [];
  await shot(page, `1-marked-page-${lang}.png`);

  // Rest the pointer on "Galuzin" (its second mention, in the first paragraph) until the card opens.
  const box = await page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.nodeValue.indexOf('Galuzin');
      if (i < 0 || seen++ < 1) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + 7);
      const rect = r.getBoundingClientRect();
      return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    }
    return null;
  });
  if (box) {
    await page.mouse.move(box.x - 150, box.y + 60);
    await page.mouse.move(box.x, box.y, { steps: 5 });
    const card = await waitFor((d) => d.card?.open, 5000);
    if (card) step(`Card open for ${card.card.entityId}.`);
    else problems.push('hovering "Galuzin" did not open a card (diagnostics card.open stayed false)');
    await page.waitForTimeout(600); // let the card's fade-in finish and its record arrive
    const letters = (await diag())?.card?.letters;
    const script = { ru: 'cyrillic', ka: 'georgian' }[lang];
    if (card && script && letters) {
      const share = letters[script] / (letters.latin + letters.cyrillic + letters.georgian || 1);
      step(`The card's letters: ${Math.round(share * 100)}% ${script}.`);
      if (share < 0.6) problems.push(`the card is only ${Math.round(share * 100)}% ${script} (the language setting did not reach it?)`);
    }
  } else problems.push('"Galuzin" not found on the demo page');
  await shot(page, `2-card-${lang}-light.png`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(200);
  await shot(page, `2-card-${lang}-dark.png`);

  // The side panel page, as a tab pinned to the demo tab, at a side-panel width.
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.goto(`chrome-extension://${extensionId}/src/sidepanel/index.html?tab=${tabId}`);
  const listed = await panel
    // Galuzin as the panel names him in the UI language.
    .waitForFunction((name) => document.body.innerText.includes(name), GALUZIN[lang], { timeout: 8000 })
    .then(
      () => true,
      () => false,
    );
  if (!listed) problems.push(`the side panel did not list Galuzin (in ${lang})`);
  await panel.waitForTimeout(300);
  if ((await panel.evaluate(() => document.documentElement.lang)) !== lang) problems.push(`the side panel is not in ${lang}`);
  await shot(panel, `3-side-panel-${lang}-light.png`);
  await panel.emulateMedia({ colorScheme: 'dark' });
  await panel.waitForTimeout(200);
  await shot(panel, `3-side-panel-${lang}-dark.png`);
  // Galuzin's full background, as "Full background" on his card opens it.
  await panel.emulateMedia({ colorScheme: 'light' });
  const row = panel.locator('button.sp-row', { hasText: GALUZIN[lang] });
  if (listed && (await row.count())) {
    await row.first().click();
    await panel.waitForTimeout(400);
    await shot(panel, `4-side-panel-entity-${lang}-light.png`);
    await panel.emulateMedia({ colorScheme: 'dark' });
    await panel.waitForTimeout(200);
    await shot(panel, `4-side-panel-entity-${lang}-dark.png`);
  } else problems.push('no row for Galuzin in the side panel');

  await cleanup();
  console.log(`\nScreenshots in ${OUT}/:\n  ${shots.join('\n  ')}`);
  if (problems.length) {
    console.error(`\nThe demo ran, but:\n  - ${problems.join('\n  - ')}`);
    process.exit(1);
  }
  process.exit(0);
}
