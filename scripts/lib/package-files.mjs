// @ts-check
/**
 * What goes into a store package, and reading a zip back to check it. Plain Node ESM (no
 * dependencies) so that scripts/package.mjs runs without a TypeScript loader; the types
 * are in package-files.d.mts. Paths are relative to the build folder, with `/`.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

/** Folders that only hold tests. */
const TEST_DIRS = new Set(['test', 'tests', '__tests__', '__mocks__']);
/** Files that only hold tests. */
const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/;
/** Build and tool leftovers that are never part of an extension. */
const LEFTOVER_FILE = /\.(zip|xpi|crx|log)$|^(Thumbs\.db|desktop\.ini)$/i;

/**
 * Why a file is left out of the package, or null when it goes in. Hidden files and folders
 * (crxjs' `.vite/manifest.json`, `.DS_Store`), tests, archives and logs are always left
 * out; source maps unless `sourcemaps` is set.
 * @param {string} rel
 * @param {{ sourcemaps?: boolean }} [options]
 * @returns {string | null}
 */
export function excludedReason(rel, { sourcemaps = false } = {}) {
  const parts = rel.split('/');
  const name = parts[parts.length - 1] ?? '';
  if (parts.some((p) => p.startsWith('.'))) return 'hidden file or folder (build leftover)';
  if (parts.slice(0, -1).some((p) => TEST_DIRS.has(p)) || TEST_FILE.test(name)) return 'test';
  if (name.endsWith('.map') && !sourcemaps) return 'source map';
  if (LEFTOVER_FILE.test(name)) return 'build leftover';
  return null;
}

/** Every regular file under `dir`, relative, with `/`, sorted. */
function walk(dir, prefix = '') {
  /** @type {string[]} */
  const out = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...walk(dir, rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

/**
 * The files of a build folder that go into its package, relative and sorted.
 * @param {string} dir
 * @param {{ sourcemaps?: boolean }} [options]
 * @returns {string[]}
 */
export function packageFiles(dir, options = {}) {
  return walk(dir)
    .filter((rel) => excludedReason(rel, options) === null)
    .sort();
}

/**
 * The files of a build folder that are left out of its package, with the reason.
 * @param {string} dir
 * @param {{ sourcemaps?: boolean }} [options]
 * @returns {{ file: string, reason: string }[]}
 */
export function leftOutFiles(dir, options = {}) {
  return walk(dir)
    .map((file) => ({ file, reason: excludedReason(file, options) }))
    .filter((x) => x.reason !== null)
    .sort((a, b) => (a.file < b.file ? -1 : 1));
}

const asList = (v) => (v === undefined || v === null ? [] : typeof v === 'string' ? [v] : Array.isArray(v) ? v : Object.values(v));

/**
 * The files a manifest names (icons, pages, scripts, styles, the default locale), as
 * paths relative to the extension root. Localised (`__MSG_`) and pattern values are skipped.
 * @param {Record<string, any>} m
 * @returns {string[]}
 */
export function manifestFiles(m) {
  const named = [
    ...asList(m.icons),
    ...asList(m.action?.default_icon),
    m.action?.default_popup,
    m.options_ui?.page,
    m.options_page,
    m.background?.service_worker,
    ...asList(m.background?.scripts),
    m.background?.page,
    m.side_panel?.default_path,
    m.sidebar_action?.default_panel,
    ...asList(m.sidebar_action?.default_icon),
    ...asList(m.content_scripts).flatMap((cs) => [...asList(cs?.js), ...asList(cs?.css)]),
    m.default_locale ? `_locales/${m.default_locale}/messages.json` : undefined,
  ];
  return [...new Set(named.filter((f) => typeof f === 'string' && f && !f.includes('__MSG_') && !f.includes('*')).map((f) => f.replace(/^\/+/, '')))].sort();
}

/**
 * The folders that hold a package's files (every ancestor folder of one of `files`), each
 * with a trailing `/` as in a zip. A zip may list these as entries, and no other folder.
 * @param {string[]} files
 * @returns {Set<string>}
 */
export function packageDirs(files) {
  const dirs = new Set();
  for (const f of files) {
    const parts = f.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(`${parts.slice(0, i).join('/')}/`);
  }
  return dirs;
}

/**
 * The entries of a zip archive: files with their contents, and the folder entries (names
 * ending in `/`) it lists. Reads the central directory; stored and deflated entries only
 * (what `zip` and web-ext write).
 * @param {Buffer} zip
 * @returns {{ files: Map<string, Buffer>, dirs: string[] }}
 */
export function readZip(zip) {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip archive (no end of central directory)');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || at === 0xffffffff) throw new Error('zip64 archives are not supported');
  /** @type {Map<string, Buffer>} */
  const files = new Map();
  /** @type {string[]} */
  const dirs = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${n}`);
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLen = zip.readUInt16LE(at + 28);
    const extraLen = zip.readUInt16LE(at + 30);
    const commentLen = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLen);
    at += 46 + nameLen + extraLen + commentLen;
    if (name.startsWith('/') || name.includes('\\') || name.split('/').includes('..')) throw new Error(`unsafe path in zip: ${name}`);
    if (name.endsWith('/')) {
      dirs.push(name);
      continue;
    }
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + size);
    if (method === 0) files.set(name, Buffer.from(raw));
    else if (method === 8) files.set(name, inflateRawSync(raw));
    else throw new Error(`unsupported compression method ${method} for ${name}`);
  }
  return { files, dirs };
}

/**
 * Writes the files of a zip (as `readZip` returns them) into `dir`, folders made as needed.
 * `readZip` has refused absolute paths and `..`, so nothing lands outside `dir`.
 * @param {Map<string, Buffer>} files
 * @param {string} dir
 */
export function unpackZip(files, dir) {
  for (const [name, data] of files) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), data);
  }
}
