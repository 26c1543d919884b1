/**
 * Node-only: scores the matcher against gold mention files (`*.gold.json`, format in
 * `<shared>/eval/README.md`). Spans count as equal when they differ only by a possessive
 * or surrounding punctuation; a mention linked to a forbidden id is a false positive.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Matcher, Mention } from '../../src/matcher/index.ts';

/** One labelled mention. */
export interface GoldMention {
  start: number;
  end: number;
  text: string;
  entity: string;
}

/** A gold file as stored. */
export interface GoldFile {
  text_file: string;
  title?: string;
  mentions: GoldMention[];
  forbid?: string[];
}

/** A span with its entity, as listed in reports. */
export interface Span {
  start: number;
  end: number;
  text: string;
  entity: string;
}

/** Scores of one text. */
export interface FileScore {
  file: string;
  tp: number;
  fp: number;
  fn: number;
  /** True positives linked to the gold entity. */
  linked: number;
  falsePositives: Array<Span & { why: string }>;
  falseNegatives: Span[];
  wrongLinks: Array<Span & { gold: string }>;
}

/** Repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The shared reference folder: $BACKSTORY_SHARED, else ../shared beside the repository; undefined when absent. */
export function sharedDir(): string | undefined {
  const dir = process.env.BACKSTORY_SHARED ?? resolve(REPO_ROOT, '../shared');
  return existsSync(dir) ? dir : undefined;
}

/** `*.gold.json` files of a folder, sorted (empty when the folder is missing). */
export function goldFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()
    .map((f) => join(dir, f));
}

const EDGE = /^[\s"'“”‘’«»„()[\]{}.,;:!?—–-]+|(?:['’]s)?[\s"'“”‘’«»„()[\]{}.,;:!?—–-]*$/gu;

/** Span key that ignores a possessive and surrounding punctuation. */
function spanKey(text: string, start: number, end: number): string {
  const s = text.slice(start, end);
  const lead = s.length - s.replace(/^[\s"'“”‘’«»„()[\]{}.,;:!?—–-]+/u, '').length;
  const core = s.replace(EDGE, '');
  return `${start + lead}:${start + lead + core.length}`;
}

/** Runs the matcher on one gold file and scores it. */
export function scoreFile(matcher: Matcher, goldPath: string): FileScore {
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldFile;
  const text = readFileSync(join(dirname(goldPath), gold.text_file), 'utf8');
  const found: Mention[] = matcher.findMentions(text, gold.title ? { title: gold.title } : undefined);
  const forbid = new Set(gold.forbid ?? []);
  const goldByKey = new Map(gold.mentions.map((m) => [spanKey(text, m.start, m.end), m]));
  const score: FileScore = { file: basename(goldPath), tp: 0, fp: 0, fn: 0, linked: 0, falsePositives: [], falseNegatives: [], wrongLinks: [] };
  const matched = new Set<string>();
  for (const m of found) {
    const key = spanKey(text, m.start, m.end);
    const g = goldByKey.get(key);
    const span = { start: m.start, end: m.end, text: m.text, entity: m.entity };
    if (forbid.has(m.entity)) {
      score.fp++;
      score.falsePositives.push({ ...span, why: 'forbidden id' });
    } else if (!g) {
      score.fp++;
      score.falsePositives.push({ ...span, why: 'not in gold' });
    } else {
      score.tp++;
      matched.add(key);
      if (g.entity === m.entity) score.linked++;
      else score.wrongLinks.push({ ...span, gold: g.entity });
    }
  }
  for (const [key, g] of goldByKey) {
    if (matched.has(key)) continue;
    score.fn++;
    score.falseNegatives.push({ start: g.start, end: g.end, text: g.text, entity: g.entity });
  }
  return score;
}

/** Precision, recall, F1 and linking accuracy of a score (1 when there is nothing to get wrong). */
export function metrics(s: Pick<FileScore, 'tp' | 'fp' | 'fn' | 'linked'>): { p: number; r: number; f1: number; link: number } {
  const p = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
  const r = s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn);
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  const link = s.tp === 0 ? 1 : s.linked / s.tp;
  return { p, r, f1, link };
}

/** Sums file scores. */
export function total(scores: readonly FileScore[]): { tp: number; fp: number; fn: number; linked: number } {
  return scores.reduce((a, s) => ({ tp: a.tp + s.tp, fp: a.fp + s.fp, fn: a.fn + s.fn, linked: a.linked + s.linked }), { tp: 0, fp: 0, fn: 0, linked: 0 });
}
