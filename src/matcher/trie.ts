/**
 * A character trie over folded keys, flattened into typed arrays: the children of a
 * node are a contiguous, sorted run of edges. Built at hydrate time from the compiled
 * form list (a few milliseconds for thousands of forms).
 */

/** Children of the root for code units below this are looked up in a dense table. */
const DENSE = 0x3000;

/** The flattened trie. */
export interface Trie {
  /** Edge run of node n: [edgeStart[n], edgeStart[n + 1]). */
  edgeStart: Int32Array;
  edgeChar: Uint16Array;
  edgeNext: Int32Array;
  /** Per node: index into `outputs`, or -1 when no key ends here. */
  out: Int32Array;
  /** Values (form or cue numbers) of the keys ending at a node. */
  outputs: number[][];
  /** Dense root children for code units < 0x3000 (0 = none). */
  rootDense: Int32Array;
}

/** Builds a trie; `values[i]` is stored at the node of `keys[i]`. */
export function buildTrie(keys: readonly string[], values: readonly number[]): Trie {
  const kids: Array<Map<number, number>> = [new Map()];
  const outs: Array<number[] | undefined> = [undefined];
  keys.forEach((key, k) => {
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      const m = kids[node]!;
      let next = m.get(c);
      if (next === undefined) {
        next = kids.length;
        kids.push(new Map());
        outs.push(undefined);
        m.set(c, next);
      }
      node = next;
    }
    if (key.length === 0) return;
    (outs[node] ??= []).push(values[k]!);
  });
  const n = kids.length;
  let edges = 0;
  for (const m of kids) edges += m.size;
  const edgeStart = new Int32Array(n + 1);
  const edgeChar = new Uint16Array(edges);
  const edgeNext = new Int32Array(edges);
  const out = new Int32Array(n).fill(-1);
  const outputs: number[][] = [];
  let e = 0;
  for (let i = 0; i < n; i++) {
    edgeStart[i] = e;
    const sorted = [...kids[i]!.entries()].sort((a, b) => a[0] - b[0]);
    for (const [c, next] of sorted) {
      edgeChar[e] = c;
      edgeNext[e] = next;
      e++;
    }
    const o = outs[i];
    if (o) {
      out[i] = outputs.length;
      outputs.push(o);
    }
  }
  edgeStart[n] = e;
  const rootDense = new Int32Array(DENSE);
  for (let k = edgeStart[0]!; k < edgeStart[1]!; k++) if (edgeChar[k]! < DENSE) rootDense[edgeChar[k]!] = edgeNext[k]!;
  return { edgeStart, edgeChar, edgeNext, out, outputs, rootDense };
}

/** Child of `node` along code unit `c`, or -1. */
export function child(t: Trie, node: number, c: number): number {
  if (node === 0 && c < DENSE) return t.rootDense[c]! || -1;
  let lo = t.edgeStart[node]!;
  let hi = t.edgeStart[node + 1]! - 1;
  if (hi - lo < 8) {
    for (; lo <= hi; lo++) if (t.edgeChar[lo] === c) return t.edgeNext[lo]!;
    return -1;
  }
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = t.edgeChar[mid]!;
    if (m === c) return t.edgeNext[mid]!;
    if (m < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
