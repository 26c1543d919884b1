/**
 * The one-pass scan: at each word start, walk the trie as far as the text allows and
 * keep the longest key that ends on a word boundary and that `accept` takes. Work per
 * character is bounded by the longest key, so the scan is linear in the text.
 */
import { charFlags, foldChar, NEWLINE, SKIP, SPACE, WORD } from './normalize.ts';
import { child, type Trie } from './trie.ts';

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

/**
 * Calls `emit` for each longest-leftmost, non-overlapping, word-bounded key found in
 * `text`. `pick` gives the trie for keys starting with a folded code unit (the alias
 * tries are split by script, see `scriptGroup`), or null for none. `accept(outputs, start, end)` decides whether a candidate key ending at `end`
 * is acceptable (case rules…) and returns what `emit` receives, or undefined.
 */
export function scanTrie<R>(
  pick: (folded: number) => Trie | null,
  text: string,
  accept: (outputs: number[], start: number, end: number) => R | undefined,
  emit: (start: number, end: number, result: R) => void,
): void {
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
    const first = foldChar(c);
    const t = pick(first);
    let node = t ? child(t, 0, first) : -1;
    if (node < 0 || !t) {
      i++;
      continue;
    }
    let j = i + 1;
    let bestEnd = -1;
    let best: R | undefined;
    let lastWord = true;
    let fresh = true;
    for (;;) {
      const o = fresh ? t.out[node]! : -1;
      fresh = false;
      if (o >= 0 && !(lastWord && wordContinues(text, j))) {
        const r = accept(t.outputs[o]!, i, j);
        if (r !== undefined) {
          bestEnd = j;
          best = r;
        }
      }
      if (j >= n) break;
      const c2 = text.charCodeAt(j);
      const f2 = charFlags(c2);
      if (f2 & SKIP) {
        j++;
        continue;
      }
      if (f2 & SPACE) {
        // A run of whitespace inside a name counts as one space; a blank line ends the name.
        let k = j;
        let lines = 0;
        while (k < n) {
          const c3 = text.charCodeAt(k);
          const f3 = charFlags(c3);
          if (!(f3 & (SPACE | SKIP))) break;
          if (f3 & NEWLINE && c3 !== 0x0d) lines++;
          k++;
        }
        if (lines > 1) break;
        node = child(t, node, 0x20);
        if (node < 0) break;
        j = k;
        lastWord = false;
        if (j >= n) break;
        continue;
      }
      node = child(t, node, foldChar(c2));
      if (node < 0) break;
      lastWord = (f2 & WORD) !== 0;
      fresh = true;
      j++;
    }
    if (bestEnd > 0) {
      emit(i, bestEnd, best as R);
      i = bestEnd;
    } else {
      i++;
    }
  }
}
