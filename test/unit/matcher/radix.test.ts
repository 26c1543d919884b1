import { describe, expect, it } from 'vitest';
import { intAt, intCount, isPackedInts, packInts } from '../../../src/matcher/packed.ts';
import { buildRadix, Radix } from '../../../src/matcher/radix.ts';

describe('packed integer columns', () => {
  it('round-trip values of every width, as storage-safe code units', () => {
    for (const values of [
      [0, 1, 32767],
      [0, 32768, 2 ** 30 - 1],
      [5, 2 ** 30, 2 ** 44],
    ]) {
      const p = packInts(values);
      expect(p.w).toBe(Math.max(...values) < 32768 ? 1 : Math.max(...values) < 2 ** 30 ? 2 : 3);
      expect(intCount(p)).toBe(values.length);
      expect(values.map((_, i) => intAt(p, i))).toEqual(values);
      expect(isPackedInts(JSON.parse(JSON.stringify(p)))).toBe(true);
      // Every unit is outside control characters and surrogates.
      const units = [...p.s].map((ch) => ch.charCodeAt(0));
      expect(Math.min(...units)).toBeGreaterThanOrEqual(0x100);
      expect(Math.max(...units)).toBeLessThan(0xd800);
    }
    expect(packInts([1, 2], 2).w).toBe(2);
    expect(() => packInts([-1])).toThrow();
    expect(() => packInts([1.5])).toThrow();
    expect(isPackedInts({ w: 2, s: 'abc' })).toBe(false);
  });
});

describe('radix automaton', () => {
  const keys = ['a', 'ab', 'abc', 'abd', 'b', 'ba', 'tbilisi', 'tbilisis', 'грузия', 'თბილის'].sort();
  const packed = buildRadix(
    keys,
    keys.map((_, i) => i * 10),
  );
  const t = new Radix(JSON.parse(JSON.stringify(packed)));

  it('finds every key with its value, and nothing else', () => {
    keys.forEach((k, i) => expect(t.get(k), k).toBe(i * 10));
    for (const miss of ['', 'ac', 'abcd', 'tbilis', 'tbilisisi', 'c', 'гру']) expect(t.get(miss), miss).toBe(-1);
  });

  it('merges single-child runs into edges: fewer nodes than characters', () => {
    const chars = keys.reduce((n, k) => n + k.length, 0);
    expect(packed.n).toBeLessThan(chars / 2);
    expect(packed.edges.length).toBeLessThan(chars);
  });

  it('keeps up with a large random key set', () => {
    let seed = 7;
    const rnd = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const set = new Set<string>();
    while (set.size < 5000) set.add(Array.from({ length: 1 + Math.floor(rnd() * 12) }, () => String.fromCharCode(0x61 + Math.floor(rnd() * 6))).join(''));
    const sorted = [...set].sort();
    const r = new Radix(
      buildRadix(
        sorted,
        sorted.map((_, i) => i),
      ),
    );
    sorted.forEach((k, i) => expect(r.get(k)).toBe(i));
    expect(r.get('zzz')).toBe(-1);
  });

  it('refuses unsorted or repeated keys', () => {
    expect(() => buildRadix(['b', 'a'], [0, 1])).toThrow(/sorted/);
    expect(() => buildRadix(['a', 'a'], [0, 1])).toThrow(/sorted/);
  });
});
