/**
 * Node-only: matcher throughput against a single combined RegExp and modern-ahocorasick,
 * on the same alias set and the same ~10 MB of real text, in one run. Used by
 * `npm run bench:matcher` and by the main benchmark.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import AhoCorasick from 'modern-ahocorasick';
import type { Entity } from '../../src/facts/types.ts';
import { compileMatcher, createMatcher, surfaceForms } from '../../src/matcher/index.ts';
import { loadBundledEntities } from './packs.ts';
import { benchText } from './bench-text.ts';

/** One line of the benchmark table. */
export interface Row {
  /** "pack" (the bundled packs' aliases) or "synthetic-10k". */
  aliasSet: string;
  engine: 'backstory' | 'regexp' | 'modern-ahocorasick';
  /** Surface forms given to the engine. */
  patterns: number;
  compileMs: number;
  /** Heap growth for the compiled structure (MB). */
  memoryMB: number;
  /** UTF-8 megabytes of text scanned per second (median of the runs). */
  mbPerSec: number;
  /** Non-overlapping, word-bounded matches found. */
  matches: number;
  /** Characters scanned (less than the full text when an engine is too slow for it). */
  textChars: number;
}

/** Options for `runMatcherBench`. */
export interface BenchOptions {
  /** Characters of text (default 10 M). */
  size?: number;
  /** Timed runs per engine; the median counts (default 3). */
  runs?: number;
  /** Progress lines. */
  log?: (line: string) => void;
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapMB(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1e6;
}

const WORD = /[\p{L}\p{N}\p{M}]/u;
const isWord = (ch: string | undefined): boolean => ch !== undefined && WORD.test(ch);

/** 10,000 synthetic names: capitalised syllable words, 1–3 words, with some acronyms. */
export function syntheticEntities(count = 10_000): Entity[] {
  const syl = ['ka', 'li', 'mo', 'ra', 'ne', 'so', 'vi', 'ta', 'gu', 'be', 'dze', 'shvi', 'ov', 'in', 'ar', 'el', 'ost', 'ber', 'grad', 'ton'];
  let x = 42;
  const rnd = (n: number): number => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return (x >>> 8) % n;
  };
  const word = (): string => {
    let w = '';
    const n = 2 + rnd(3);
    for (let i = 0; i < n; i++) w += syl[rnd(syl.length)];
    return w[0]!.toUpperCase() + w.slice(1);
  };
  const seen = new Set<string>();
  const out: Entity[] = [];
  while (out.length < count) {
    const k = out.length % 20 === 0 ? 0 : 1 + rnd(3);
    const alias = k === 0 ? Array.from({ length: 3 }, () => String.fromCharCode(65 + rnd(26))).join('') : Array.from({ length: k }, word).join(' ');
    if (seen.has(alias)) continue;
    seen.add(alias);
    out.push({ id: `s${out.length}`, name: alias, type: 'place', topics: [], aliases: { en: [alias] }, summary: '', facts: [], sources: [] });
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

interface Engine {
  engine: Row['engine'];
  /** Scan only this many characters (the engine is superlinear on long texts). */
  maxChars?: number;
  build: () => (text: string) => number;
}

function engines(entities: Entity[]): { forms: string[]; list: Engine[] } {
  const forms = surfaceForms(entities);
  const escaped = [...forms].sort((a, b) => b.length - a.length).map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return {
    forms,
    list: [
      {
        engine: 'backstory',
        build: () => {
          const m = createMatcher(compileMatcher(entities));
          return (text) => m.scan(text).length;
        },
      },
      {
        engine: 'regexp',
        build: () => {
          // One alternation, longest first, Unicode word boundaries by lookaround.
          const re = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}\\p{M}])`, 'gu');
          return (text) => {
            let n = 0;
            re.lastIndex = 0;
            while (re.exec(text) !== null) n++;
            return n;
          };
        },
      },
      {
        engine: 'modern-ahocorasick',
        // Its leftmost-longest search grows faster than linearly on this text (30 k chars:
        // ~0.8 s, 100 k: ~48 s), so it gets a 50 k-character sample; MB/s is per sample.
        maxChars: 50_000,
        build: () => {
          // Default backend: the fastest of the four on this workload (fast/unicode variants were 10–50× slower); exact code units, word boundaries checked on its hits.
          const ac = new AhoCorasick(forms);
          return (text) => {
            let n = 0;
            for (const h of ac.iterate(text, { strategy: 'leftmost-longest' })) {
              if (!isWord(text[h.start - 1]) && !isWord(text[h.end])) n++;
            }
            return n;
          };
        },
      },
    ],
  };
}

/** Runs the benchmark and returns one row per alias set and engine. */
export async function runMatcherBench(opts: BenchOptions = {}): Promise<Row[]> {
  const log = opts.log ?? (() => {});
  const runs = opts.runs ?? 3;
  const { text, source } = benchText(opts.size ?? 10_000_000);
  const mb = Buffer.byteLength(text, 'utf8') / 1e6;
  log(`text: ${mb.toFixed(1)} MB from ${source}`);
  const sets: Array<[string, Entity[]]> = [
    ['pack', loadBundledEntities()],
    ['synthetic-10k', syntheticEntities()],
  ];
  const rows: Row[] = [];
  for (const [aliasSet, entities] of sets) {
    const { forms, list } = engines(entities);
    for (const e of list) {
      const before = heapMB();
      const t0 = performance.now();
      const run = e.build();
      const compileMs = performance.now() - t0;
      const memoryMB = Math.max(0, heapMB() - before);
      const sample = e.maxChars && e.maxChars < text.length ? text.slice(0, e.maxChars) : text;
      const sampleMB = sample === text ? mb : Buffer.byteLength(sample, 'utf8') / 1e6;
      const times: number[] = [];
      let matches = 0;
      for (let r = 0; r < runs; r++) {
        const t = performance.now();
        matches = run(sample);
        times.push(performance.now() - t);
        await new Promise((res) => setImmediate(res));
      }
      const row: Row = { aliasSet, engine: e.engine, patterns: forms.length, compileMs, memoryMB, mbPerSec: sampleMB / (median(times) / 1000), matches, textChars: sample.length };
      log(`${aliasSet} ${e.engine}: ${row.mbPerSec.toFixed(1)} MB/s`);
      rows.push(row);
    }
  }
  return rows;
}
