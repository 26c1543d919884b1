/**
 * The matching automaton: a radix trie (runs of single-child nodes merged into one edge)
 * over folded keys, built once at build time and stored as three packed columns and one
 * string, so that a page reads it as it is.
 *
 * Layout, nodes in breadth-first order (node 0 is the root):
 * - `edges`: every node's edge label, concatenated in node order; node n's label is
 *   `edges[lab[n] .. lab[n + 1])` (the root's is empty);
 * - `first`: node n's children are the nodes `first[n] .. first[n + 1]` (breadth-first
 *   order keeps them contiguous), sorted by the first code unit of their labels;
 * - `out`: per node, 0, or 1 + the value stored with the key that ends there.
 *
 * A walk is a pair (node, position in `edges`): inside an edge the next code unit must
 * equal the label's; at its end, a binary search over the children's first code units.
 */
import { intAt, intCount, packInts, twoDigitsAt, type PackedInts } from './packed.ts';

/** The stored automaton. */
export interface PackedRadix {
  /** Node count. */
  n: number;
  edges: string;
  /** n + 1 edge starts. */
  lab: PackedInts;
  /** n + 1 child starts. */
  first: PackedInts;
  /** n values: 0 or 1 + key value. */
  out: PackedInts;
}

/**
 * Builds the automaton of `keys` (sorted, distinct, non-empty); `values[i]` is stored with
 * `keys[i]`. Linear in the total length of the keys.
 */
export function buildRadix(keys: readonly string[], values: readonly number[]): PackedRadix {
  for (let i = 1; i < keys.length; i++) if (!(keys[i - 1]! < keys[i]!)) throw new Error('buildRadix: keys must be sorted and distinct');
  const lab: number[] = [];
  const first: number[] = [];
  const out: number[] = [];
  const edgeParts: string[] = [];
  let edgeLen = 0;
  // The queue of nodes as key ranges [lo, hi) sharing `depth` code units; a node's id is its place in the queue.
  const qLo: number[] = [0];
  const qHi: number[] = [keys.length];
  const qDepth: number[] = [0];
  // The root's empty edge: it starts and ends at 0.
  lab.push(0, 0);
  for (let node = 0; node < qLo.length; node++) {
    let lo = qLo[node]!;
    const hi = qHi[node]!;
    const depth = qDepth[node]!;
    if (lo < hi && keys[lo]!.length === depth) out.push(1 + values[lo++]!);
    else out.push(0);
    first.push(qLo.length);
    while (lo < hi) {
      const c = keys[lo]!.charCodeAt(depth);
      let end = lo + 1;
      while (end < hi && keys[end]!.charCodeAt(depth) === c) end++;
      // The longest prefix the group shares is that of its first and last keys (they are sorted).
      const a = keys[lo]!;
      const b = keys[end - 1]!;
      let stop = depth + 1;
      while (stop < a.length && stop < b.length && a.charCodeAt(stop) === b.charCodeAt(stop)) stop++;
      edgeParts.push(a.slice(depth, stop));
      edgeLen += stop - depth;
      lab.push(edgeLen);
      qLo.push(lo);
      qHi.push(end);
      qDepth.push(stop);
      lo = end;
    }
  }
  first.push(qLo.length);
  return { n: qLo.length, edges: edgeParts.join(''), lab: packInts(lab, 2), first: packInts(first, 2), out: packInts(out, 2) };
}

/** Code units below this find the root's child by table (letters of the scripts in use). */
export const ROOT_SPAN = 0x3000;

/**
 * A stored automaton ready to walk, read in place: nothing is unpacked or copied, so
 * making one costs only the table of the root's children, whatever its size. The columns are always two digits wide
 * (`packInts` with `width` 2), so one inlined reader serves them all.
 */
export class Radix {
  readonly edges: string;
  /**
   * The root's child for a code unit below ROOT_SPAN, 0 for none (the root's children are
   * nodes 1…): every word start asks it, so it is a lookup rather than a search.
   */
  readonly root = new Uint16Array(ROOT_SPAN);
  /** The packed columns (two digits per value), read in place by `lab`, `first`, `out` and the scan. */
  readonly labS: string;
  readonly firstS: string;
  readonly outS: string;

  constructor(p: PackedRadix) {
    if (
      p.lab.w !== 2 ||
      p.first.w !== 2 ||
      p.out.w !== 2 ||
      intCount(p.lab) !== p.n + 1 ||
      intCount(p.first) !== p.n + 1 ||
      intCount(p.out) !== p.n ||
      intAt(p.lab, p.n) !== p.edges.length
    ) {
      throw new Error('Radix: columns do not match the node count');
    }
    this.edges = p.edges;
    this.labS = p.lab.s;
    this.firstS = p.first.s;
    this.outS = p.out.s;
    for (let k = this.first(0), end = this.first(1); k < end; k++) {
      const c = this.edges.charCodeAt(this.lab(k));
      if (c < ROOT_SPAN) this.root[c] = k;
    }
  }

  /** Start of node n's edge label in `edges` (n + 1: its end). */
  lab(n: number): number {
    return twoDigitsAt(this.labS, n);
  }

  /** First child of node n (n + 1: one past its last child). */
  first(n: number): number {
    return twoDigitsAt(this.firstS, n);
  }

  /** 0, or 1 + the value of the key ending at node n. */
  out(n: number): number {
    return twoDigitsAt(this.outS, n);
  }

  /** The child of `node` whose label starts with code unit `c`, or -1 (binary search). */
  child(node: number, c: number): number {
    let lo = this.first(node);
    let hi = this.first(node + 1) - 1;
    const edges = this.edges;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = edges.charCodeAt(this.lab(mid));
      if (m === c) return mid;
      if (m < c) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** The value stored with `key`, or -1 (tests, tools). */
  get(key: string): number {
    let node = 0;
    let i = 0;
    while (i < key.length) {
      node = this.child(node, key.charCodeAt(i));
      if (node < 0) return -1;
      for (let p = this.lab(node); p < this.lab(node + 1); p++, i++) if (key.charCodeAt(i) !== this.edges.charCodeAt(p)) return -1;
    }
    return this.out(node) - 1;
  }
}
