/**
 * Node-only: what the compiled automaton costs at start-up, for the bundled packs and for
 * synthetic packs of 10,000 and 100,000 aliases in three scripts (Latin, Cyrillic,
 * Georgian): compile time (build time), stored size, JSON parse (a stand-in for reading it
 * back from extension storage), decode (`createMatcher`, the only per-page work), the heap
 * the ready matcher holds, and scan throughput on real text.
 * `npm run bench` prints it; `npx tsx scripts/lib/bench-startup.ts` runs it alone.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Entity, EntityType } from '../../src/facts/types.ts';
import { compileMatcher, createMatcher } from '../../src/matcher/index.ts';
import { benchText } from './bench-text.ts';
import { loadBundledEntities } from './packs.ts';

/** One pack's start-up figures. */
export interface StartupRow {
  pack: string;
  aliases: number;
  forms: number;
  nodes: number;
  compileMs: number;
  /** Stored size: the compiled JSON in UTF-8, KB. */
  storedKB: number;
  parseMs: number;
  /** createMatcher on the parsed JSON: median of the runs after the first, and the first (cold) one. */
  decodeMs: number;
  decodeColdMs: number;
  /** Heap held by the parsed JSON and the ready matcher, MB. */
  heapMB: number;
  scanMBs: number;
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heap = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1e6;
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const r2 = (x: number): number => Math.round(x * 100) / 100;

const SYLLABLES = {
  en: ['ka', 'li', 'mo', 'ra', 'ne', 'so', 'vi', 'ta', 'gu', 'be', 'dze', 'shvi', 'ov', 'in', 'ar', 'el', 'ost', 'ber', 'grad', 'ton'],
  ru: ['ка', 'ли', 'мо', 'ра', 'не', 'со', 'ви', 'та', 'гу', 'бе', 'дзе', 'шви', 'ов', 'ин', 'ар', 'ел', 'ост', 'бер', 'град', 'тон'],
  ka: ['კა', 'ლი', 'მო', 'რა', 'ნე', 'სო', 'ვი', 'ტა', 'გუ', 'ბე', 'ძე', 'შვი', 'ოვ', 'ინ', 'არ', 'ელ', 'ოსტ', 'ბერ', 'გრად', 'ტონ'],
} as const;

/**
 * `aliases` synthetic names, a third in each script: each entity (person, place or
 * organisation) has one name in Latin, its Cyrillic and its Georgian spelling, one to three
 * words each, so the Russian ones are declined and the Georgian ones take endings as real
 * names do.
 */
export function threeScriptEntities(aliases: number): Entity[] {
  let x = 7;
  const rnd = (n: number): number => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return (x >>> 8) % n;
  };
  const types: EntityType[] = ['person', 'place', 'organization'];
  const seen = new Set<string>();
  const out: Entity[] = [];
  while (out.length * 3 < aliases) {
    const words = Array.from({ length: 1 + rnd(3) }, () => Array.from({ length: 2 + rnd(3) }, () => rnd(20)));
    const spell = (s: readonly string[], caps: boolean): string =>
      words
        .map((w) => w.map((k) => s[k]).join(''))
        .map((w) => (caps ? w[0]!.toUpperCase() + w.slice(1) : w))
        .join(' ');
    const en = spell(SYLLABLES.en, true);
    if (seen.has(en)) continue;
    seen.add(en);
    const ru = spell(SYLLABLES.ru, true);
    // A Georgian noun's nominative ends in a vowel; most in -ი.
    const ka = spell(SYLLABLES.ka, false) + (rnd(3) ? 'ი' : '');
    out.push({ id: `s${out.length}`, name: en, type: types[rnd(3)]!, topics: [], aliases: { en: [en], ru: [ru], ka: [ka] }, summary: '', facts: [], sources: [] });
  }
  return out;
}

function measure(pack: string, entities: Entity[], aliases: number, text: string): StartupRow {
  const t0 = performance.now();
  const compiled = compileMatcher(entities);
  const compileMs = performance.now() - t0;
  const json = JSON.stringify(compiled);
  const parses: number[] = [];
  const decodes: number[] = [];
  for (let i = 0; i < 11; i++) {
    const p0 = performance.now();
    const parsed = JSON.parse(json) as typeof compiled;
    const p1 = performance.now();
    createMatcher(parsed);
    decodes.push(performance.now() - p1);
    parses.push(p1 - p0);
  }
  const before = heap();
  const kept = createMatcher(JSON.parse(json) as typeof compiled);
  const heapMB = heap() - before;
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const s0 = performance.now();
    kept.scan(text);
    best = Math.min(best, performance.now() - s0);
  }
  return {
    pack,
    aliases,
    forms: compiled.forms.count,
    nodes: compiled.forms.trie.n,
    compileMs: Math.round(compileMs),
    storedKB: Math.round(Buffer.byteLength(json) / 1024),
    parseMs: r2(median(parses.slice(1))),
    decodeMs: r2(median(decodes.slice(1))),
    decodeColdMs: r2(decodes[0]!),
    heapMB: r2(heapMB),
    scanMBs: Math.round((text.length / 1e6 / (best / 1000)) * 10) / 10,
  };
}

/** The start-up figures of the bundled packs and the two synthetic packs. */
export function runStartupBench(log: (s: string) => void = () => {}, textSize = 2_000_000): StartupRow[] {
  const { text } = benchText(textSize);
  const bundled = loadBundledEntities();
  const aliasCount = (es: Entity[]): number => es.reduce((n, e) => n + Object.values(e.aliases).reduce((k, list) => k + (list?.length ?? 0), 0), 0);
  const rows: StartupRow[] = [];
  log('start-up: bundled packs…');
  rows.push(measure('bundled packs', bundled, aliasCount(bundled), text));
  for (const n of [10_000, 100_000]) {
    log(`start-up: synthetic ${n.toLocaleString('en')} aliases…`);
    const es = threeScriptEntities(n);
    rows.push(measure(`synthetic, 3 scripts`, es, aliasCount(es), text));
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(runStartupBench((s) => console.error(s)));
}
