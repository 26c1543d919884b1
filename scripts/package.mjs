#!/usr/bin/env node
/**
 * `npm run package`: store packages. Builds both browsers (scripts/build.mjs), then writes
 *   dist/backstory-chrome-<version>.zip   the files of dist/chrome (`zip`, or web-ext when
 *                                          `zip` is not installed), manifest.json at the root
 *   dist/backstory-firefox-<version>.zip  `web-ext build` on dist/firefox
 * with only what the extension needs (scripts/lib/package-files.mjs): no source maps
 * (unless `--sourcemaps`), no tests, no `.vite/` or other hidden build leftovers. Each zip
 * is read back and must hold exactly those files, including everything its manifest names.
 * The Firefox package is then unpacked and checked with `web-ext lint --self-hosted`: any
 * error or warning fails.
 * Prints each zip's path, size and file count; exits 1 with a message on any failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { leftOutFiles, manifestFiles, packageDirs, packageFiles, readZip, unpackZip } from './lib/package-files.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const WEB_EXT = join(ROOT, 'node_modules/web-ext/bin/web-ext.js');
// web-ext would otherwise check the npm registry for a newer version of itself.
const TOOL_ENV = { ...process.env, NO_UPDATE_NOTIFIER: '1' };

class Failure extends Error {}
const fail = (message) => {
  throw new Failure(message);
};

function parseArgs(argv) {
  const opts = { sourcemaps: false };
  for (const a of argv) {
    if (a === '--sourcemaps') opts.sourcemaps = true;
    else if (a === '--help' || a === '-h') {
      console.log('usage: node scripts/package.mjs [--sourcemaps]\n  --sourcemaps  keep *.map files in the packages');
      process.exit(0);
    } else fail(`unknown argument "${a}" (usage: node scripts/package.mjs [--sourcemaps])`);
  }
  return opts;
}

/** Runs a command in the repository root; fails with its output when it exits non-zero. */
function run(what, cmd, args, { quiet = false } = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, env: TOOL_ENV, encoding: 'utf8', stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'] });
  if (r.error) fail(`${what} could not run: ${r.error.message}`);
  if (r.status !== 0) fail(`${what} failed (exit ${r.status ?? r.signal})${quiet ? `:\n${r.stdout}${r.stderr}` : ''}`);
  return r;
}

const webExt = (what, args, opts) => run(what, process.execPath, [WEB_EXT, ...args, '--no-config-discovery'], opts);

const hasZip = () => !spawnSync('zip', ['-v'], { stdio: 'ignore' }).error;

/** The files of one build that go in, after checking the build and its manifest. */
function filesFor(browser, version, opts) {
  const dir = join(DIST, browser);
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) fail(`dist/${browser}/manifest.json is missing: the build did not write dist/${browser}`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (manifest.version !== version) fail(`dist/${browser}/manifest.json has version ${manifest.version}, package.json ${version}`);
  const files = packageFiles(dir, opts);
  const missing = manifestFiles(manifest).filter((f) => !files.includes(f));
  if (missing.length) fail(`dist/${browser}: the manifest names files that are not in the package: ${missing.join(', ')}`);
  if (opts.sourcemaps && !files.some((f) => f.endsWith('.map'))) console.warn(`note: --sourcemaps, but dist/${browser} has no source maps (the build writes none)`);
  return { dir, files, left: leftOutFiles(dir, opts) };
}

/** Zips `files` of `dir` into `zipPath` with `zip`, or web-ext when `zip` is not installed. */
function zipChrome(dir, files, left, zipPath) {
  rmSync(zipPath, { force: true });
  if (hasZip()) {
    // -X no extra attributes, -D no folder entries, -@ the file list on stdin.
    const r = spawnSync('zip', ['-X', '-D', '-q', zipPath, '-@'], { cwd: dir, input: files.join('\n') + '\n', encoding: 'utf8' });
    if (r.error || r.status !== 0) fail(`zip failed (exit ${r.status}): ${r.error?.message ?? r.stderr}`);
  } else {
    webExtBuild(dir, files, left, zipPath);
  }
}

/** `web-ext build` of `dir` into `zipPath` with `files` only, leaving out the `left` ones. */
function webExtBuild(dir, files, left, zipPath) {
  const args = ['build', '--source-dir', relative(ROOT, dir), '--artifacts-dir', relative(ROOT, dirname(zipPath)), '--filename', relative(dirname(zipPath), zipPath), '--overwrite-dest'];
  // The files left out, and the folders that hold nothing else (web-ext would list them empty).
  const kept = packageDirs(files);
  const emptied = [...packageDirs(left.map((l) => l.file))].filter((d) => !kept.has(d)).map((d) => d.slice(0, -1));
  for (const file of [...emptied, ...left.map((l) => l.file)]) args.push(`--ignore-files=${file}`);
  webExt(`web-ext build ${relative(ROOT, dir)}`, args, { quiet: true });
}

/** Reads a zip back: it must hold exactly `files`, byte for byte. */
function checkZip(zipPath, dir, files) {
  const name = relative(ROOT, zipPath);
  if (!existsSync(zipPath)) fail(`${name} was not written`);
  const { files: entries, dirs } = readZip(readFileSync(zipPath));
  const kept = packageDirs(files);
  const names = [...entries.keys(), ...dirs].sort();
  const extra = names.filter((n) => !files.includes(n) && !kept.has(n));
  const missing = files.filter((f) => !entries.has(f));
  if (extra.length || missing.length)
    fail(`${name} does not hold the expected files${extra.length ? `; extra: ${extra.join(', ')}` : ''}${missing.length ? `; missing: ${missing.join(', ')}` : ''}`);
  for (const f of files) if (!entries.get(f)?.equals(readFileSync(join(dir, f)))) fail(`${name}: ${f} differs from the build`);
  if (!entries.has('manifest.json')) fail(`${name} has no manifest.json at its root`);
  return entries;
}

/** web-ext lint on the unpacked Firefox package; prints every message, fails on errors and warnings. */
function lint(entries) {
  const tmp = mkdtempSync(join(tmpdir(), 'backstory-lint-'));
  try {
    unpackZip(entries, tmp);
    const r = spawnSync(process.execPath, [WEB_EXT, 'lint', '--source-dir', tmp, '--self-hosted', '--output', 'json', '--no-config-discovery'], {
      cwd: ROOT,
      env: TOOL_ENV,
      encoding: 'utf8',
    });
    if (r.error) fail(`web-ext lint could not run: ${r.error.message}`);
    let report;
    try {
      report = JSON.parse(r.stdout);
    } catch {
      fail(`web-ext lint failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
    }
    const { errors = [], warnings = [], notices = [] } = report;
    console.log(`web-ext lint (Firefox package): ${errors.length} errors, ${warnings.length} warnings, ${notices.length} notices`);
    for (const [kind, list] of [
      ['error', errors],
      ['warning', warnings],
      ['notice', notices],
    ]) {
      for (const m of list) console.log(`  ${kind} ${m.code}${m.file ? ` ${m.file}${m.line ? `:${m.line}` : ''}` : ''}: ${m.message}`);
    }
    // Warnings fail too: the package goes to addons.mozilla.org's reviewers with none.
    if (errors.length || warnings.length || r.status !== 0) fail(`web-ext lint found ${errors.length} error(s) and ${warnings.length} warning(s) in the Firefox package`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  if (typeof version !== 'string' || !version) fail('package.json has no version');
  if (!existsSync(WEB_EXT)) fail('web-ext is not installed (node_modules/web-ext): run npm ci');

  const chromeZip = join(DIST, `backstory-chrome-${version}.zip`);
  const firefoxZip = join(DIST, `backstory-firefox-${version}.zip`);
  // A run that fails leaves no package of an earlier build that looks like this one's.
  for (const zip of [chromeZip, firefoxZip]) rmSync(zip, { force: true });

  run('the build (node scripts/build.mjs)', process.execPath, ['scripts/build.mjs']);

  const chrome = filesFor('chrome', version, opts);
  const firefox = filesFor('firefox', version, opts);

  zipChrome(chrome.dir, chrome.files, chrome.left, chromeZip);
  checkZip(chromeZip, chrome.dir, chrome.files);
  webExtBuild(firefox.dir, firefox.files, firefox.left, firefoxZip);
  const firefoxEntries = checkZip(firefoxZip, firefox.dir, firefox.files);

  lint(firefoxEntries);

  console.log(`\nBackstory ${version} packages${opts.sourcemaps ? ' (with source maps)' : ''}:`);
  for (const [zip, { files, left }] of [
    [chromeZip, chrome],
    [firefoxZip, firefox],
  ]) {
    const kb = (statSync(zip).size / 1024).toFixed(1);
    const counts = new Map();
    for (const { reason } of left) counts.set(reason, (counts.get(reason) ?? 0) + 1);
    const reasons = [...counts].map(([reason, n]) => `${n} × ${reason}`);
    const out = reasons.length ? `  (left out: ${reasons.join(', ')})` : '';
    console.log(`  ${relative(ROOT, zip)}  ${kb} KB  ${files.length} files${out}`);
  }
}

try {
  main();
} catch (e) {
  console.error(`\npackage: ${e instanceof Failure ? e.message : (e?.stack ?? e)}`);
  process.exit(1);
}
