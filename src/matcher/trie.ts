/**
 * A character trie over folded keys in typed arrays: nodes in depth-first order, children
 * as a sorted sibling list, the root's children also in a dense table. Built at hydrate
 * time from sorted keys in one pass (in steps, see `buildTrieSteps`), without per-node objects.
 */

/** Children of the root for code units below this are looked up in a dense table. */
const DENSE = 0x3000;

/** The flattened trie. Node 0 is the root. */
export interface Trie {
  /** Code unit on the edge into each node. */
  char: Uint16Array;
  /** First child of each node, or -1. */
  firstChild: Int32Array;
  /** Next sibling (larger code unit) of each node, or -1. */
  nextSibling: Int32Array;
  /** Per node: index into `outputs`, or -1 when no key ends here. */
  out: Int32Array;
  /** Values (form or cue numbers) of the keys ending at a node. */
  outputs: number[][];
  /** Dense root children for code units < 0x3000 (0 = none). */
  rootDense: Int32Array;
}

/** Keys inserted per step of `buildTrieSteps`. */
const KEYS_PER_STEP = 128;

/** Builds a trie; `values[i]` is stored at the node of `keys[i]`. */
export function buildTrie(keys: readonly string[], values: readonly number[]): Trie {
  const steps = buildTrieSteps(keys, values);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * `buildTrie` in small steps: yields after the sort and after every `KEYS_PER_STEP` keys,
 * so a caller can spread the work over time slices.
 */
export function* buildTrieSteps(keys: readonly string[], values: readonly number[]): Generator<void, Trie, void> {
  const order = keys.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
  let size = 1;
  for (const k of keys) size += k.length;
  const char = new Uint16Array(size);
  const firstChild = new Int32Array(size).fill(-1);
  const nextSibling = new Int32Array(size).fill(-1);
  const lastChild = new Int32Array(size).fill(-1);
  const out = new Int32Array(size).fill(-1);
  const outputs: number[][] = [];
  const path = [0];
  let prev = '';
  let n = 1;
  yield;
  for (let o = 0; o < order.length; o++) {
    if (o > 0 && o % KEYS_PER_STEP === 0) yield;
    const i = order[o]!;
    const key = keys[i]!;
    if (key.length === 0) continue;
    let lcp = 0;
    const max = Math.min(key.length, prev.length);
    while (lcp < max && key.charCodeAt(lcp) === prev.charCodeAt(lcp)) lcp++;
    path.length = lcp + 1;
    for (let d = lcp; d < key.length; d++) {
      const parent = path[d]!;
      const node = n++;
      char[node] = key.charCodeAt(d);
      if (lastChild[parent]! >= 0) nextSibling[lastChild[parent]!] = node;
      else firstChild[parent] = node;
      lastChild[parent] = node;
      path.push(node);
    }
    const end = path[key.length]!;
    if (out[end]! < 0) {
      out[end] = outputs.length;
      outputs.push([]);
    }
    outputs[out[end]!]!.push(values[i]!);
    prev = key;
  }
  const rootDense = new Int32Array(DENSE);
  for (let k = firstChild[0]!; k >= 0; k = nextSibling[k]!) if (char[k]! < DENSE) rootDense[char[k]!] = k;
  return {
    char: char.slice(0, n),
    firstChild: firstChild.slice(0, n),
    nextSibling: nextSibling.slice(0, n),
    out: out.slice(0, n),
    outputs,
    rootDense,
  };
}

/** Child of `node` along code unit `c`, or -1. */
export function child(t: Trie, node: number, c: number): number {
  if (node === 0 && c < DENSE) return t.rootDense[c]! || -1;
  for (let k = t.firstChild[node]!; k >= 0; k = t.nextSibling[k]!) {
    const m = t.char[k]!;
    if (m === c) return k;
    if (m > c) return -1;
  }
  return -1;
}
