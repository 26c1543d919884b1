import { describe, expect, it, vi } from 'vitest';
import type * as Normalize from '../../../src/matcher/normalize.ts';

/** A fresh copy of normalize.ts: its tables start empty. */
async function freshNormalize(): Promise<typeof Normalize> {
  vi.resetModules();
  return import('../../../src/matcher/normalize.ts');
}

describe('the character table a compiled matcher carries', () => {
  it('fills the tables with the entries computing them gives, in its ranges only', async () => {
    const built = await freshNormalize();
    const table = built.packCharTable();
    const page = await freshNormalize();
    expect(page.FLAGS[0x41]).toBe(0);
    expect(page.loadCharTable(table)).toBe(true);
    let filled = 0;
    for (let c = 0; c < 0x10000; c++) {
      if (page.FLAGS[c] === 0) continue;
      filled++;
      // What it loaded is what computing the entry gives.
      if (page.FLAGS[c] !== built.charFlags(c) || page.FOLD[c] !== built.foldChar(c))
        expect({ c, flags: page.FLAGS[c], fold: page.FOLD[c] }).toEqual({ c, flags: built.charFlags(c), fold: built.foldChar(c) });
    }
    expect(filled).toBe(table.length / 2);
    // Latin, Cyrillic, Georgian and punctuation are in; CJK is left to be computed.
    for (const ch of 'AéЖёაᲐ’—') expect(page.FLAGS[ch.charCodeAt(0)]).not.toBe(0);
    expect(page.FLAGS['中'.charCodeAt(0)]).toBe(0);
    expect(page.foldChar('É'.charCodeAt(0))).toBe('e'.charCodeAt(0));
  });

  it('refuses a table of the wrong size and skips a malformed entry', async () => {
    const built = await freshNormalize();
    const table = built.packCharTable();
    const page = await freshNormalize();
    expect(page.loadCharTable(table.slice(2))).toBe(false);
    expect(page.FLAGS[0x41]).toBe(0);
    // Entry 0x41 ('A') with flags 0 (not computed): left to be computed, the rest loaded.
    const bad = table.slice(0, 2 * 0x41) + String.fromCharCode(0x100, 0x100) + table.slice(2 * 0x42);
    expect(page.loadCharTable(bad)).toBe(true);
    expect(page.FLAGS[0x41]).toBe(0);
    expect(page.FLAGS[0x42]).not.toBe(0);
    expect(page.foldChar(0x41)).toBe(0x61);
  });
});
