/**
 * The one-pass scan (`scanWords`): at each word start, walk each automaton as far as the
 * text allows and keep the longest key that its `accept` takes. Work per character is
 * bounded by the longest key, so the scan is linear in the text.
 */
import { charFlags, FLAGS, FOLD, NEWLINE, SKIP, SPACE, WORD } from './normalize.ts';
import { TWO_DIGIT_BIAS as BIAS, TWO_DIGIT_HIGH as HI } from './packed.ts';
import { ROOT_SPAN, type Radix } from './radix.ts';

/** True when a word character continues the text at `j` (invisible characters are looked through). */
function wordContinues(text: string, j: number): boolean {
  const n = text.length;
  for (; j < n; j++) {
    const f = charFlags(text.charCodeAt(j));
    if (f & SKIP) continue;
    return (f & WORD) !== 0;
  }
  return false;
}

/** What `accept` returns: a result that ends at `end`. */
export interface Accepted {
  end: number;
}

/**
 * The longest key of `t` that `accept` takes, walking from the word start `i` (whose first
 * code unit leads to the root's child `node`), or undefined.
 * `accept(value, start, end, continues, best)` is called at each key end (`value` is the
 * key's value; `continues`: a word character follows, so only a stem whose ending the
 * caller checks can match there; `best`: what it accepted earlier from `start`) and returns
 * the new best result (its `end` may lie past `end`: a stem's ending), or undefined.
 */
function walkFrom<R extends Accepted>(
  t: Radix,
  text: string,
  i: number,
  node: number,
  accept: (value: number, start: number, end: number, continues: boolean, best: R | undefined) => R | undefined,
): R | undefined {
  // The automaton's columns are read inline (see TWO_DIGIT_*): this loop runs at every word
  // start of the page, mostly before the engine has optimised it.
  const { edges, labS, firstS, outS } = t;
  const n = text.length;
  let pos = labS.charCodeAt(2 * node) * HI + labS.charCodeAt(2 * node + 1) - BIAS + 1;
  let edgeEnd = labS.charCodeAt(2 * node + 2) * HI + labS.charCodeAt(2 * node + 3) - BIAS;
  let j = i + 1;
  let best: R | undefined;
  let lastWord = true;
  let fresh = true;
  for (;;) {
    if (fresh && pos === edgeEnd) {
      const out = outS.charCodeAt(2 * node) * HI + outS.charCodeAt(2 * node + 1) - BIAS;
      if (out > 0) {
        const r = accept(out - 1, i, j, lastWord && wordContinues(text, j), best);
        if (r !== undefined) best = r;
      }
    }
    fresh = false;
    if (j >= n) break;
    const c2 = text.charCodeAt(j);
    let f2 = FLAGS[c2]!;
    if (f2 === 0) f2 = charFlags(c2);
    if (f2 & SKIP) {
      j++;
      continue;
    }
    let next: number;
    let k = j + 1;
    if (f2 & SPACE) {
      // A run of whitespace inside a name counts as one space; a blank line ends the name.
      k = j;
      let lines = 0;
      while (k < n) {
        const c3 = text.charCodeAt(k);
        const f3 = charFlags(c3);
        if (!(f3 & (SPACE | SKIP))) break;
        if (f3 & NEWLINE && c3 !== 0x0d) lines++;
        k++;
      }
      if (lines > 1) break;
      next = 0x20;
    } else {
      next = FOLD[c2]!;
    }
    // One step along the automaton: inside an edge, or into a child at its end (binary search).
    if (pos < edgeEnd) {
      if (edges.charCodeAt(pos) !== next) break;
      pos++;
    } else {
      let lo = firstS.charCodeAt(2 * node) * HI + firstS.charCodeAt(2 * node + 1) - BIAS;
      let hi = firstS.charCodeAt(2 * node + 2) * HI + firstS.charCodeAt(2 * node + 3) - BIAS - 1;
      node = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const m = edges.charCodeAt(labS.charCodeAt(2 * mid) * HI + labS.charCodeAt(2 * mid + 1) - BIAS);
        if (m === next) {
          node = mid;
          break;
        }
        if (m < next) lo = mid + 1;
        else hi = mid - 1;
      }
      if (node < 0) break;
      pos = labS.charCodeAt(2 * node) * HI + labS.charCodeAt(2 * node + 1) - BIAS + 1;
      edgeEnd = labS.charCodeAt(2 * node + 2) * HI + labS.charCodeAt(2 * node + 3) - BIAS;
    }
    j = k;
    if (next === 0x20) {
      lastWord = false;
      if (j >= n) break;
      continue;
    }
    lastWord = (f2 & WORD) !== 0;
    fresh = true;
  }
  return best;
}

/** One automaton read by `scanWords`: its keys' `accept` (see walkFrom) and `emit`. */
export interface WordScan<R extends Accepted> {
  t: Radix;
  accept(value: number, start: number, end: number, continues: boolean, best: R | undefined): R | undefined;
  emit(start: number, result: R): void;
}

/**
 * Reads `text` once for one or two automata: at each word start, each automaton's longest
 * key that its `accept` takes is emitted; keys of one automaton never overlap (the next
 * starts at a word start after the end of the last), and are longest-leftmost.
 */
export function scanWords<A extends Accepted, B extends Accepted>(text: string, a: WordScan<A>, b?: WordScan<B>): void {
  const n = text.length;
  const aRoot = a.t.root;
  const bRoot = b ? b.t.root : aRoot;
  // A key of an automaton may start only at a word start past a word break at or after the end of its last key.
  let lastBreak = -1;
  let aFrom = -1;
  let bFrom = b ? -1 : n;
  let inWord = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let f = FLAGS[c]!;
    if (f === 0) f = charFlags(c);
    if (f & SKIP) continue;
    if (!(f & WORD)) {
      inWord = false;
      lastBreak = i;
      continue;
    }
    if (inWord) continue;
    inWord = true;
    // A word start: each automaton that may start here walks from the root's child for it.
    const fc = FOLD[c]!;
    if (lastBreak >= aFrom) {
      const node = fc < ROOT_SPAN ? aRoot[fc]! || -1 : a.t.child(0, fc);
      const r = node < 0 ? undefined : walkFrom(a.t, text, i, node, a.accept);
      if (r) {
        aFrom = r.end;
        a.emit(i, r);
      }
    }
    if (lastBreak >= bFrom) {
      const node = fc < ROOT_SPAN ? bRoot[fc]! || -1 : b!.t.child(0, fc);
      const r = node < 0 ? undefined : walkFrom(b!.t, text, i, node, b!.accept);
      if (r) {
        bFrom = r.end;
        b!.emit(i, r);
      }
    }
    // The rest of the word (letters and invisible characters; one not yet classified ends the run).
    while (i + 1 < n && FLAGS[text.charCodeAt(i + 1)]! & (WORD | SKIP)) i++;
  }
}

/**
 * Reads `text` for one automaton like `scanWords(text, a)`, but walks it only at the places
 * `sieve` finds (a global expression matching at every word start where a key can begin,
 * sieve.ts), so the characters in between are read by the engine's own code. Same keys.
 */
export function scanSieved<A extends Accepted>(text: string, sieve: RegExp, a: WordScan<A>): void {
  const root = a.t.root;
  let aFrom = -1;
  sieve.lastIndex = 0;
  for (let m = sieve.exec(text); m !== null; m = sieve.exec(text)) {
    const i = m.index;
    // A match may run over the next word ("von D…" of "von der Leyen"): look again from the next character.
    sieve.lastIndex = i + 1;
    const c = text.charCodeAt(i);
    if (!(charFlags(c) & WORD)) continue;
    // The word break before it (invisible characters are looked through): a word start, past the last key?
    let b = i - 1;
    while (b >= 0 && charFlags(text.charCodeAt(b)) & SKIP) b--;
    if (b < aFrom || (b >= 0 && charFlags(text.charCodeAt(b)) & WORD)) continue;
    const fc = FOLD[c]!;
    const node = fc < ROOT_SPAN ? root[fc]! || -1 : a.t.child(0, fc);
    const r = node < 0 ? undefined : walkFrom(a.t, text, i, node, a.accept);
    if (r) {
      // Where the key ended, as scanWords has it: `emit` may move the mention's end (an
      // ending after a hyphen), and a name may start inside what it took.
      aFrom = r.end;
      a.emit(i, r);
      if (sieve.lastIndex < aFrom) sieve.lastIndex = aFrom;
    }
  }
}

/**
 * Whether `take` accepts a key of `t` that starts at a place `sieve` finds (a global
 * expression) and ends anywhere: no word break is asked before or after it, so a text whose
 * word breaks were lost (blocks run together) is read as leniently as it needs. Stops at the first.
 */
export function anyKeyAt(text: string, sieve: RegExp, t: Radix, take: (value: number, start: number, end: number) => boolean): boolean {
  let found = false;
  const accept = (value: number, start: number, end: number): undefined => {
    if (!found && take(value, start, end)) found = true;
    return undefined;
  };
  sieve.lastIndex = 0;
  for (let m = sieve.exec(text); m !== null; m = sieve.exec(text)) {
    const i = m.index;
    sieve.lastIndex = i + 1;
    const c = text.charCodeAt(i);
    // (charFlags fills FOLD[c] on first use.)
    if (!(charFlags(c) & WORD)) continue;
    const fc = FOLD[c]!;
    const node = fc < ROOT_SPAN ? t.root[fc]! || -1 : t.child(0, fc);
    if (node >= 0) walkFrom(t, text, i, node, accept);
    if (found) return true;
  }
  return false;
}

/**
 * Every key of `t` that starts where `starts` allows (a word start of a lenient read, for
 * keys with no sieve of their own): `take(value, start, end)` at each key end.
 */
export function keysWhere(text: string, t: Radix, starts: (i: number) => boolean, take: (value: number, start: number, end: number) => void): void {
  const accept = (value: number, start: number, end: number): undefined => {
    take(value, start, end);
    return undefined;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(charFlags(c) & WORD)) continue;
    const fc = FOLD[c]!;
    const node = fc < ROOT_SPAN ? t.root[fc]! || -1 : t.child(0, fc);
    if (node >= 0 && starts(i)) walkFrom(t, text, i, node, accept);
  }
}
