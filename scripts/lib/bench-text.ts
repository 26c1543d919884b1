/**
 * Node-only: about `size` characters of real text for benchmarks: the visible text of
 * the corpus pages (`<shared>/corpus/pages/*.html`) when present, else generated prose.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlToText } from './html-text.ts';
import { sharedDir } from './evaluate.ts';

/** Benchmark text and where it came from. */
export interface BenchText {
  text: string;
  source: string;
}

const WORDS =
  'the of and to in a is that for on with as was said by at from his it an were are which this be has have or had not but after also who their its more been new than would when into two over up one year other government minister talks border country officials'.split(
    ' ',
  );
const NAMES = ['Georgia', 'Russia', 'Tbilisi', 'Moscow', 'Galuzin', 'Abkhazia', 'South Ossetia', 'EU', 'Geneva', 'NATO'];

function generated(size: number): string {
  let x = 12345;
  const rnd = (n: number): number => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return (x >>> 8) % n;
  };
  const parts: string[] = [];
  let len = 0;
  while (len < size) {
    const w = rnd(40) === 0 ? NAMES[rnd(NAMES.length)]! : WORDS[rnd(WORDS.length)]!;
    parts.push(w);
    len += w.length + 1;
    if (rnd(15) === 0) parts.push('.\n');
  }
  return parts.join(' ');
}

/** ~`size` characters of benchmark text (corpus text repeated up to size, or generated). */
export function benchText(size = 10_000_000): BenchText {
  const shared = sharedDir();
  const dir = shared ? join(shared, 'corpus/pages') : undefined;
  if (dir && existsSync(dir)) {
    const pages = readdirSync(dir)
      .filter((f) => f.endsWith('.html'))
      .sort();
    const texts = pages.map((f) => htmlToText(readFileSync(join(dir, f), 'utf8')).text).filter((t) => t.length > 0);
    const one = texts.join('\n\n');
    if (one.length > 0) {
      let text = one;
      while (text.length < size) text += `\n\n${one}`;
      return { text: text.slice(0, size), source: `${texts.length} corpus pages (${(one.length / 1e6).toFixed(1)} M chars, repeated)` };
    }
  }
  return { text: generated(size), source: 'generated text' };
}
