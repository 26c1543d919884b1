/**
 * The one-pass scan: at each word start, walk the automaton as far as the text allows and
 * keep the longest key that `accept` takes. Work per character is bounded by the longest
 * key, so the scan is linear in the text.
 */
import { charFlags, foldChar, NEWLINE, SKIP, SPACE, WORD } from './normalize.ts';
import type { Radix } from './radix.ts';

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
 * Calls `emit` for each longest-leftmost, non-overlapping key of `t` found in `text` that
 * `accept` takes. `accept(value, start, end, continues, best)` is called at each key end
 * (`value` is the key's value; `continues`: a word character follows, so only a stem whose
 * ending the caller checks can match there; `best`: what it accepted earlier from `start`)
 * and returns the new best result (its `end` may lie past `end`: a stem's ending), or undefined.
 */
export function scanRadix<R extends Accepted>(
  t: Radix,
  text: string,
  accept: (value: number, start: number, end: number, continues: boolean, best: R | undefined) => R | undefined,
  emit: (start: number, result: R) => void,
): void {
  const edges = t.edges;
  const n = text.length;
  let prevWord = false;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const f = charFlags(c);
    if (f & SKIP) {
      i++;
      continue;
    }
    if (!(f & WORD)) {
      prevWord = false;
      i++;
      continue;
    }
    if (prevWord) {
      i++;
      continue;
    }
    prevWord = true;
    let node = t.child(0, foldChar(c));
    if (node < 0) {
      i++;
      continue;
    }
    let pos = t.lab(node) + 1;
    let edgeEnd = t.lab(node + 1);
    let j = i + 1;
    let best: R | undefined;
    let lastWord = true;
    let fresh = true;
    for (;;) {
      if (fresh && pos === edgeEnd && t.out(node) > 0) {
        const r = accept(t.out(node) - 1, i, j, lastWord && wordContinues(text, j), best);
        if (r !== undefined) best = r;
      }
      fresh = false;
      if (j >= n) break;
      const c2 = text.charCodeAt(j);
      const f2 = charFlags(c2);
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
        next = foldChar(c2);
      }
      // One step along the automaton: inside an edge, or into a child at its end.
      if (pos < edgeEnd) {
        if (edges.charCodeAt(pos) !== next) break;
        pos++;
      } else {
        node = t.child(node, next);
        if (node < 0) break;
        pos = t.lab(node) + 1;
        edgeEnd = t.lab(node + 1);
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
    if (best) {
      const end = best.end;
      emit(i, best);
      i = end;
    } else {
      i++;
    }
  }
}
