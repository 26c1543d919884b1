import { describe, expect, it, vi } from 'vitest';
import type * as Normalize from '../../../src/matcher/normalize.ts';

/** A fresh copy of normalize.ts: its tables start empty. */
async function freshNormalize(): Promise<typeof Normalize> {
  vi.resetModules();
  return import('../../../src/matcher/normalize.ts');
}

/** The table with entry `c` replaced by (flags, fold). */
function withEntry(table: string, index: number, flags: number, fold: number): string {
  return table.slice(0, 2 * index) + String.fromCharCode(0x100 + flags, 0x100 + fold) + table.slice(2 * index + 2);
}

describe('the character table a compiled matcher carries', () => {
  it('gives every code unit the entry computing it gives', async () => {
    const built = await freshNormalize();
    const table = built.packCharTable();
    const page = await freshNormalize();
    expect(page.loadCharTable(table)).toBe(true);
    // Nothing is read before a character is seen.
    expect(page.FLAGS[0x41]).toBe(0);
    for (let c = 0; c < 0x10000; c++) {
      const got = [page.charFlags(c), page.foldChar(c)];
      const want = [built.charFlags(c), built.foldChar(c)];
      if (got[0] !== want[0] || got[1] !== want[1]) expect({ c, got }).toEqual({ c, got: want });
    }
  });

  it('is read for the characters in its ranges, and computing covers the rest', async () => {
    const built = await freshNormalize();
    const table = built.packCharTable();
    const page = await freshNormalize();
    // 'A' (entry 0x41) said to fold to 'b': the table, not a computation, answers for it.
    expect(page.loadCharTable(withEntry(table, 0x41, built.charFlags(0x41), 0x62))).toBe(true);
    expect(page.foldChar(0x41)).toBe(0x62);
    // Han is outside the ranges: computed.
    expect(page.charFlags('中'.charCodeAt(0))).toBe(built.charFlags('中'.charCodeAt(0)));
  });

  it('refuses a table of the wrong size, and computes a malformed entry', async () => {
    const built = await freshNormalize();
    const table = built.packCharTable();
    const short = await freshNormalize();
    expect(short.loadCharTable(table.slice(2))).toBe(false);
    expect(short.foldChar(0x41)).toBe(0x61);
    const page = await freshNormalize();
    // Entry 'B' with flags 0 (never computed) and a wrong fold: computed instead.
    expect(page.loadCharTable(withEntry(table, 0x42, 0, 0x7a))).toBe(true);
    expect(page.foldChar(0x42)).toBe(0x62);
    expect(page.charFlags(0x42)).toBe(built.charFlags(0x42));
  });
});
