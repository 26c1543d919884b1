#!/usr/bin/env node
// @ts-check
/**
 * `npm run test:packages`: the store packages, as a user installs them, under a subset of
 * the e2e tests. Runs `npm run package` (skip with `--no-package` when it just ran), unpacks
 * dist/backstory-chrome-<version>.zip into a temporary folder (Chromium loads unpacked
 * folders) and hands Firefox dist/backstory-firefox-<version>.zip itself (installed as a
 * temporary add-on from the archive), then runs the tests in SUBSET with
 * BACKSTORY_EXT_CHROME / BACKSTORY_EXT_FIREFOX pointing at them
 * (test/e2e/harness/paths.ts `requireDist`), plus test/e2e/packages.e2e.test.ts on what the
 * packages hold. Every name in SUBSET must match a test, so a renamed test cannot quietly
 * shrink the subset. Without a browser its tests skip, as in the rest of the e2e tier.
 *
 *   node scripts/test-packages.mjs [--no-package] [--json FILE]
 *     --json FILE   also write vitest's JSON report there (scripts/test-all.sh reads it)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readZip, unpackZip } from './lib/package-files.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const VITEST = join(ROOT, 'node_modules/vitest/vitest.mjs');

/**
 * The tests run against the packages, by file: each name is the start of a test's full
 * name (its describe blocks and its title). A few per browser: the page marked, the card,
 * the side panel / sidebar, the popup, a restart.
 */
const SUBSET = {
  'test/e2e/packages.e2e.test.ts': ['the chrome package holds', 'the firefox package holds'],
  'test/e2e/foundation.e2e.test.ts': [
    'Backstory on the demo article (Chromium) marks the names of the seed article',
    'Backstory on the demo article (Chromium) leaves the page alone',
    'Backstory on the demo article (Chromium) shows the card when the pointer rests on "Galuzin"',
    'Backstory on the demo article (Chromium) marks a page served with a strict CSP',
    'Backstory on the demo article (Chromium) lists the entities of the demo tab in the side panel',
    'Backstory on the demo article (Chromium) turns Backstory off from the popup',
  ],
  'test/e2e/sidepanel.e2e.test.ts': ['side panel (Chromium) opens the real side panel from the card’s “Full background” button'],
  'test/e2e/firefox.e2e.test.ts': [
    'Backstory in Firefox ESR (smoke) installs as a temporary add-on',
    'Backstory in Firefox ESR (smoke) marks the demo article',
    'Backstory in Firefox ESR (smoke) reports diagnostics for the demo tab',
    'Backstory in Firefox ESR (smoke) the card opens on a hovered name',
    'Backstory in Firefox ESR (smoke) renders the sidebar page',
    'Backstory in Firefox ESR (smoke) opens its sidebar',
    'the popup in Firefox ESR (as a tab) shows how many mentions',
    'the popup in Firefox ESR (as a tab) switches the site off and back on',
  ],
};

class Failure extends Error {}

/** @param {string[]} argv */
function parseArgs(argv) {
  const opts = { pack: true, json: '' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-package') opts.pack = false;
    else if (a === '--json' && argv[i + 1]) opts.json = resolve(argv[++i] ?? '');
    else throw new Failure(`unknown argument "${a}" (usage: node scripts/test-packages.mjs [--no-package] [--json FILE])`);
  }
  return opts;
}

const escapeRegExp = (/** @type {string} */ s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Names in SUBSET that match no test of vitest's JSON report (a test renamed or gone).
 * Whether the matched tests passed is vitest's exit status.
 * @param {string} reportFile
 */
function unmatched(reportFile) {
  /** @type {{ testResults: { assertionResults: { fullName: string }[] }[] }} */
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  const names = report.testResults.flatMap((f) => f.assertionResults.map((t) => t.fullName));
  return Object.values(SUBSET)
    .flat()
    .filter((name) => !names.some((full) => full.startsWith(name)));
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.pack) {
    const r = spawnSync(process.execPath, ['scripts/package.mjs'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Failure(`npm run package failed (exit ${r.status ?? r.signal})`);
  }
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const chromeZip = join(ROOT, `dist/backstory-chrome-${version}.zip`);
  const firefoxZip = join(ROOT, `dist/backstory-firefox-${version}.zip`);
  for (const zip of [chromeZip, firefoxZip]) if (!existsSync(zip)) throw new Failure(`${zip} is missing: run npm run package`);

  const tmp = mkdtempSync(join(tmpdir(), 'backstory-packages-'));
  try {
    const chromeDir = join(tmp, 'chrome');
    unpackZip(readZip(readFileSync(chromeZip)).files, chromeDir);
    const report = opts.json || join(tmp, 'report.json');
    const pattern = Object.values(SUBSET).flat().map(escapeRegExp).join('|');
    console.log(`\nE2E against the packages: Chrome ${chromeZip} (unpacked in ${chromeDir}), Firefox ${firefoxZip}`);
    const r = spawnSync(
      process.execPath,
      [VITEST, 'run', '--config', 'vitest.e2e.config.ts', ...Object.keys(SUBSET), '-t', pattern, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
      { cwd: ROOT, stdio: 'inherit', env: { ...process.env, BACKSTORY_EXT_CHROME: chromeDir, BACKSTORY_EXT_FIREFOX: firefoxZip } },
    );
    if (!existsSync(report)) throw new Failure(`the e2e run wrote no report (exit ${r.status ?? r.signal})`);
    const missing = unmatched(report);
    if (missing.length) throw new Failure(`no test matched:\n  ${missing.join('\n  ')}\n(renamed? update SUBSET in scripts/test-packages.mjs)`);
    if (r.status !== 0) throw new Failure(`the e2e tests against the packages failed (exit ${r.status ?? r.signal})`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

try {
  main();
} catch (e) {
  console.error(`\ntest:packages: ${e instanceof Failure ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
}
