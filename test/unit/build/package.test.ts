/**
 * Store packaging (scripts/package.mjs): which files of a build go into a package, the
 * files a manifest names, and reading a zip back. On fake build folders, with no build.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { excludedReason, leftOutFiles, manifestFiles, packageDirs, packageFiles, readZip, unpackZip } from '../../../scripts/lib/package-files.mjs';
import { chromeManifest, firefoxManifest, readManifest } from '../../../vite.config.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

/** A fake dist/<browser> folder with what a build writes and what it must not ship. */
function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-pkg-'));
  const files = [
    'manifest.json',
    'content.js',
    'content.css',
    'service-worker-loader.js',
    'assets/index.ts-B5h2_07A.js',
    'assets/index.ts-B5h2_07A.js.map',
    'assets/popup-DsXVPpux.css',
    'icons/icon-16.png',
    '_locales/en/messages.json',
    '_locales/ru/messages.json',
    'src/popup/index.html',
    '.vite/manifest.json',
    '.DS_Store',
    'assets/.cache/chunk.js',
    '__tests__/popup.js',
    'assets/popup.test.js',
    'content.js.map',
    'npm-debug.log',
    'old.zip',
  ];
  for (const f of files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), f);
  }
  return dir;
}

const SHIPPED = [
  '_locales/en/messages.json',
  '_locales/ru/messages.json',
  'assets/index.ts-B5h2_07A.js',
  'assets/popup-DsXVPpux.css',
  'content.css',
  'content.js',
  'icons/icon-16.png',
  'manifest.json',
  'service-worker-loader.js',
  'src/popup/index.html',
];

describe('packageFiles', () => {
  const dir = fakeBuild();

  it('keeps what the extension needs, sorted, and leaves out maps, tests, hidden folders and leftovers', () => {
    expect(packageFiles(dir)).toEqual(SHIPPED);
  });

  it('keeps source maps with `sourcemaps`, and nothing else more', () => {
    expect(packageFiles(dir, { sourcemaps: true })).toEqual([...SHIPPED, 'assets/index.ts-B5h2_07A.js.map', 'content.js.map'].sort());
  });

  it('says why each file is left out', () => {
    expect(leftOutFiles(dir)).toEqual([
      { file: '.DS_Store', reason: 'hidden file or folder (build leftover)' },
      { file: '.vite/manifest.json', reason: 'hidden file or folder (build leftover)' },
      { file: '__tests__/popup.js', reason: 'test' },
      { file: 'assets/.cache/chunk.js', reason: 'hidden file or folder (build leftover)' },
      { file: 'assets/index.ts-B5h2_07A.js.map', reason: 'source map' },
      { file: 'assets/popup.test.js', reason: 'test' },
      { file: 'content.js.map', reason: 'source map' },
      { file: 'npm-debug.log', reason: 'build leftover' },
      { file: 'old.zip', reason: 'build leftover' },
    ]);
    expect(leftOutFiles(dir, { sourcemaps: true }).map((x) => x.file)).not.toContain('content.js.map');
  });

  it('judges a path by every folder on it, not by look-alike names', () => {
    expect(excludedReason('.vite/manifest.json')).not.toBeNull();
    expect(excludedReason('test/fixture.js')).toBe('test');
    expect(excludedReason('assets/testing-Ab12.js')).toBeNull();
    expect(excludedReason('assets/contest.js')).toBeNull();
    expect(excludedReason('assets/map-Ab12.js')).toBeNull();
    expect(excludedReason('assets/a.js.map', { sourcemaps: true })).toBeNull();
  });

  it('lists the folders that hold the files, as a zip names them', () => {
    expect([...packageDirs(SHIPPED)].sort()).toEqual(['_locales/', '_locales/en/', '_locales/ru/', 'assets/', 'icons/', 'src/', 'src/popup/']);
  });
});

describe('manifestFiles', () => {
  it('names every file the source manifest points at, for both browsers', () => {
    const chrome = manifestFiles(chromeManifest(readManifest()));
    expect(chrome).toEqual(
      expect.arrayContaining([
        'content.js',
        'content.css',
        'src/popup/index.html',
        'src/options/index.html',
        'src/sidepanel/index.html',
        'src/background/index.ts',
        'icons/icon-128.png',
        '_locales/en/messages.json',
      ]),
    );
    expect(manifestFiles(firefoxManifest(readManifest()))).toEqual(chrome);
  });

  it('skips localised and pattern values and leading slashes', () => {
    expect(
      manifestFiles({
        name: '__MSG_extName__',
        icons: { 16: '/i.png' },
        action: { default_icon: 'i.png' },
        content_scripts: [{ js: ['a.js'], matches: ['https://*/*'] }],
        background: { scripts: ['b.js'] },
      }),
    ).toEqual(['a.js', 'b.js', 'i.png']);
  });
});

/** A zip with stored (uncompressed) entries; the CRC is not checked by readZip. */
function storedZip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const n = Buffer.from(name);
    const data = Buffer.from(text);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const hasZip = !spawnSync('zip', ['-v'], { stdio: 'ignore' }).error;

describe('readZip', () => {
  it('reads files and folder entries', () => {
    const { files, dirs } = readZip(storedZip({ 'manifest.json': '{}', 'icons/': '', 'icons/a.png': 'png' }));
    expect([...files.keys()]).toEqual(['manifest.json', 'icons/a.png']);
    expect(files.get('icons/a.png')?.toString()).toBe('png');
    expect(dirs).toEqual(['icons/']);
  });

  it('unpacks what it read into a folder, sub-folders made', () => {
    const dir = mkdtempSync(join(tmpdir(), 'backstory-unzip-'));
    unpackZip(readZip(storedZip({ 'manifest.json': '{}', 'icons/': '', 'icons/a.png': 'png', '_locales/en/messages.json': 'm' })).files, dir);
    expect(packageFiles(dir)).toEqual(['_locales/en/messages.json', 'icons/a.png', 'manifest.json']);
    expect(readFileSync(join(dir, 'icons/a.png'), 'utf8')).toBe('png');
  });

  it('refuses what is not a zip, and paths that leave the folder', () => {
    expect(() => readZip(Buffer.from('not a zip at all, just some text here'))).toThrow(/not a zip/);
    expect(() => readZip(storedZip({ '../evil.js': 'x' }))).toThrow(/unsafe path/);
    expect(() => readZip(storedZip({ '/etc/evil.js': 'x' }))).toThrow(/unsafe path/);
  });

  it.skipIf(!hasZip)('reads back what `zip` wrote, deflated or stored, byte for byte', () => {
    const dir = fakeBuild();
    writeFileSync(join(dir, 'content.js'), 'const backstory = 1;\n'.repeat(500));
    const out = join(mkdtempSync(join(tmpdir(), 'backstory-zip-')), 'p.zip');
    const files = packageFiles(dir);
    const r = spawnSync('zip', ['-X', '-D', '-q', out, '-@'], { cwd: dir, input: files.join('\n') });
    expect(r.status).toBe(0);
    const read = readZip(readFileSync(out));
    expect([...read.files.keys()].sort()).toEqual(files);
    expect(read.dirs).toEqual([]);
    for (const f of files) expect(read.files.get(f)?.equals(readFileSync(join(dir, f))), f).toBe(true);
  });
});

describe('scripts/package.mjs', () => {
  it('refuses an unknown argument before building, with a message and exit 1', () => {
    const r = spawnSync(process.execPath, ['scripts/package.mjs', '--nope'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('unknown argument "--nope"');
  });
});
