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
  /** Language of the text (`en`, `ru`, `ka`); older files leave it out (English). */
  lang?: string;
  /** `heldout`: never looked at while tuning the matcher or the pack's aliases; `tune` otherwise (the default). */
  split?: 'tune' | 'heldout';
  /** False for general news that names nothing of the region (then nothing should be marked). */
  about_region?: boolean;
  /** Where the passage was published. */
  source?: string;
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
  lang: string;
  split: 'tune' | 'heldout';
  /** Gold mentions of entities the pack does not have, left out of the score (id → count). */
  missingEntities: Record<string, number>;
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

/** `*.gold.json` files of a folder and its subfolders, sorted (empty when the folder is missing). */
export function goldFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
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

/** The script most of a text's letters are in: `ka` (Georgian), `ru` (Cyrillic) or `en`. */
function textLang(text: string): string {
  const ka = text.match(/[\u10a0-\u10ff]/g)?.length ?? 0;
  const ru = text.match(/[\u0400-\u04ff]/g)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  return ka > ru && ka > latin ? 'ka' : ru > latin ? 'ru' : 'en';
}

/**
 * Runs the matcher on one gold file and scores it. Gold mentions of entities the pack does not
 * have (`known` is false) are left out and counted in `missingEntities`: a matcher cannot
 * find what its pack lacks, and the eval README labels only what the dataset has.
 */
export function scoreFile(matcher: Matcher, goldPath: string, known: (id: string) => boolean = () => true): FileScore {
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldFile;
  const text = readFileSync(join(dirname(goldPath), gold.text_file), 'utf8');
  const found: Mention[] = matcher.findMentions(text, gold.title ? { title: gold.title } : undefined);
  const forbid = new Set(gold.forbid ?? []);
  const missingEntities: Record<string, number> = {};
  for (const m of gold.mentions) if (!known(m.entity)) missingEntities[m.entity] = (missingEntities[m.entity] ?? 0) + 1;
  // General news that names nothing of the region: its world-level names must stay unmarked.
  const expected = gold.about_region === false ? [] : gold.mentions.filter((m) => known(m.entity));
  const goldByKey = new Map(expected.map((m) => [spanKey(text, m.start, m.end), m]));
  const score: FileScore = {
    file: basename(goldPath),
    lang: gold.lang ?? textLang(text),
    split: gold.split ?? 'tune',
    missingEntities,
    tp: 0,
    fp: 0,
    fn: 0,
    linked: 0,
    falsePositives: [],
    falseNegatives: [],
    wrongLinks: [],
  };
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
      score.falsePositives.push({ ...span, why: gold.about_region === false ? 'page not about the region' : 'not in gold' });
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
