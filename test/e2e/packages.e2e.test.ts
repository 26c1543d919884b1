/**
 * What the store packages hold, checked on the packages the e2e tier is testing
 * (`npm run test:packages`: `$BACKSTORY_EXT_CHROME` is the Chrome zip unpacked,
 * `$BACKSTORY_EXT_FIREFOX` the Firefox zip itself): the manifest at the root with
 * package.json's version, every file the manifest names, and nothing the extension does
 * not need — no source map, no test, no hidden build leftover, no archive or log.
 * vitest.e2e.config.ts leaves this file out of a run against dist/ (nothing to check there).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { excludedReason, manifestFiles, readZip } from '../../scripts/lib/package-files.mjs';
import { EXTENSION_ENV, REPO_ROOT, isArchive, requireDist } from './harness/paths.ts';

/** Every file of an unpacked package (relative, with `/`), or of a zip. */
function filesOf(path: string): Map<string, () => Buffer> {
  if (isArchive(path)) {
    const { files } = readZip(readFileSync(path));
    return new Map([...files].map(([name, data]) => [name, () => data]));
  }
  const out = new Map<string, () => Buffer>();
  for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    out.set(
      full
        .slice(path.length + 1)
        .split('\\')
        .join('/'),
      () => readFileSync(full),
    );
  }
  return out;
}

const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };

describe.each(['chrome', 'firefox'] as const)('the %s package', (browser) => {
  const variable = EXTENSION_ENV[browser];

  it.skipIf(!process.env[variable])(`holds the manifest and what it names, and nothing else the rules leave out (${variable})`, () => {
    const files = filesOf(requireDist(browser));
    const names = [...files.keys()].sort();
    const manifest = JSON.parse(files.get('manifest.json')?.().toString('utf8') ?? 'null') as Record<string, unknown> | null;
    expect(manifest, 'manifest.json at the root').not.toBeNull();
    expect(manifest!.version).toBe(version);
    expect(manifestFiles(manifest!).filter((f) => !files.has(f))).toEqual([]);
    // The same rules as scripts/package.mjs (unit-tested in test/unit/build/package.test.ts) …
    expect(names.filter((f) => excludedReason(f) !== null)).toEqual([]);
    // … and said again plainly, so a change of those rules cannot let these through.
    expect(names.filter((f) => /\.map$/.test(f))).toEqual([]);
    expect(names.filter((f) => /(^|\/)(test|tests|__tests__)\/|\.(test|spec)\.[cm]?[jt]sx?$/.test(f))).toEqual([]);
    expect(names.filter((f) => f.split('/').some((p) => p.startsWith('.')))).toEqual([]);
    expect(names.filter((f) => /^(src\/.*\.tsx?|.*\.d\.ts)$/.test(f))).toEqual([]);
    expect(names.filter((f) => /\.(zip|xpi|crx|log)$/.test(f))).toEqual([]);
  });
});
