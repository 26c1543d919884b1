import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';

const ROOT = resolve(import.meta.dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

function annotate(args: string[], input?: string | Buffer): { code: number | null; out: string; err: string } {
  const r = spawnSync(TSX, ['scripts/annotate.ts', '--', ...args], { cwd: ROOT, input, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'annotate-'));

// These run the CLI on the bundled pack, so they use names that pack is sure to keep (NATO,
// a world-level name, is marked only beside a name of the region: Tbilisi).
describe('scripts/annotate.ts', () => {
  it('prints one JSON mention a line with offsets into a text file', () => {
    const text = 'Galuzin’s visit:\r\nTbilisi, Switzerland.';
    const file = join(dir, 'a.txt');
    writeFileSync(file, text);
    const r = annotate([file]);
    expect(r.code).toBe(0);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { start: number; end: number; text: string; entity: string; name: string; type: string });
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) {
      expect(text.slice(l.start, l.end)).toBe(l.text);
      expect(Object.keys(l)).toEqual(['start', 'end', 'text', 'entity', 'name', 'type']);
    }
  }, 30_000);

  it('reads standard input for "-"', () => {
    const r = annotate(['-'], 'Talks at NATO on Tbilisi.');
    expect(r.code).toBe(0);
    expect(r.out).toContain('"text":"NATO"');
  }, 30_000);

  it('reads the visible text of HTML, not scripts or styles', () => {
    const file = join(dir, 'p.html');
    writeFileSync(file, '<!doctype html><title>t</title><style>.NATO{}</style><p>In <em>NA</em>TO, on Tbilisi</p><script>var NATO</script><p hidden>NATO</p>');
    const r = annotate([file]);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines.map((l) => JSON.parse(l) as object)).toMatchObject([
      { text: 'NATO', start: 3, end: 7 },
      { text: 'Tbilisi', start: 12, end: 19 },
    ]);
  }, 30_000);

  it('fails with a clear message for a missing file', () => {
    const r = annotate([join(dir, 'missing.txt')]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/no such file/);
  }, 30_000);

  it('fails with a clear message for binary input', () => {
    const file = join(dir, 'b.bin');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff, 0xfe]));
    const r = annotate([file]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/binary/);
  }, 30_000);

  it('prints usage without an argument', () => {
    const r = annotate([]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/usage/);
  }, 30_000);
});
