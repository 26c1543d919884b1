/**
 * Integer columns packed into strings, so a compiled matcher stays plain JSON (extension
 * storage in Chrome keeps JSON, not typed arrays) and is read as it is, with no decoding.
 * Each value is `w` digits of 15 bits, each digit stored as one UTF-16 code unit offset by
 * 0x100: every unit lies in 0x100–0x80FF, far from control characters (escaped in JSON)
 * and from surrogates (which storage would mangle).
 */

/** A packed column: `w` code units per value (1–3), values in `s`. */
export interface PackedInts {
  w: 1 | 2 | 3;
  s: string;
}

const BITS = 15;
const BASE = 1 << BITS;
const OFFSET = 0x100;

/** Packs non-negative integers (below 2^45) with the fewest digits the largest needs, or at least `minWidth`. */
export function packInts(values: ArrayLike<number>, minWidth: 1 | 2 | 3 = 1): PackedInts {
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isInteger(v) || v < 0) throw new Error(`packInts: ${v} is not a non-negative integer`);
    if (v > max) max = v;
  }
  const w = Math.max(minWidth, max < BASE ? 1 : max < BASE * BASE ? 2 : 3) as 1 | 2 | 3;
  if (max >= BASE ** 3) throw new Error(`packInts: ${max} is too large`);
  const units: number[] = [];
  let s = '';
  for (let i = 0; i < values.length; i++) {
    let v = values[i]!;
    for (let d = w - 1; d >= 0; d--) {
      const p = BASE ** d;
      const digit = Math.floor(v / p);
      v -= digit * p;
      units.push(digit + OFFSET);
    }
    // Bounded chunks: String.fromCharCode takes its units as arguments.
    if (units.length >= 8192) s += String.fromCharCode(...units.splice(0));
  }
  return { w, s: s + String.fromCharCode(...units) };
}

/** The `i`th value of a column two digits wide, read straight from its string (the automaton's columns). */
/**
 * For readers that inline `twoDigitsAt` in a hot loop: the value at `i` is
 * `s.charCodeAt(2 * i) * TWO_DIGIT_HIGH + s.charCodeAt(2 * i + 1) - TWO_DIGIT_BIAS`.
 */
export const TWO_DIGIT_HIGH = BASE;
export const TWO_DIGIT_BIAS = OFFSET * BASE + OFFSET;

export function twoDigitsAt(s: string, i: number): number {
  return (s.charCodeAt(2 * i) - OFFSET) * BASE + s.charCodeAt(2 * i + 1) - OFFSET;
}

/** The `i`th value of a packed column. */
export function intAt(p: PackedInts, i: number): number {
  const s = p.s;
  if (p.w === 1) return s.charCodeAt(i) - OFFSET;
  if (p.w === 2) return twoDigitsAt(s, i);
  const k = i * p.w;
  return ((s.charCodeAt(k) - OFFSET) * BASE + s.charCodeAt(k + 1) - OFFSET) * BASE + s.charCodeAt(k + 2) - OFFSET;
}

/** Number of values in a packed column. */
export function intCount(p: PackedInts): number {
  return p.s.length / p.w;
}

/** Whether `p` is a well-formed packed column (for data read back from storage). */
export function isPackedInts(p: unknown): p is PackedInts {
  if (typeof p !== 'object' || p === null) return false;
  const { w, s } = p as Partial<PackedInts>;
  return (w === 1 || w === 2 || w === 3) && typeof s === 'string' && s.length % w === 0;
}
