/**
 * `npm run eval`: scores the matcher (bundled packs) on the shared gold files
 * (`<shared>/eval`, shared = $BACKSTORY_SHARED or ../shared) and on our own labelled texts
 * (`test/fixtures/eval`, real news passages in `news/`). Prints P/R/F1/linking per file with
 * every false positive, false negative and wrong link, then a summary per split and language:
 * `heldout` files were never looked at while tuning the matcher or the pack's aliases.
 * `--quiet` prints only the summary.
 */
import { join } from 'node:path';
import { bundled } from './lib/bundled-matcher.ts';
import { goldFiles, metrics, REPO_ROOT, scoreFile, sharedDir, total, type FileScore } from './lib/evaluate.ts';

const quiet = process.argv.includes('--quiet');
const pct = (x: number): string => x.toFixed(3);
const row = (label: string, t: { tp: number; fp: number; fn: number; linked: number }): string => {
  const m = metrics(t);
  return `${label.padEnd(44)} ${String(t.tp).padStart(4)} ${String(t.fp).padStart(3)} ${String(t.fn).padStart(3)}  ${pct(m.p)}  ${pct(m.r)}  ${pct(m.f1)}  ${pct(m.link)}`;
};
const HEAD = 'file'.padEnd(44) + '   TP  FP  FN      P      R     F1   link';

function report(label: string, scores: FileScore[]): void {
  if (scores.length === 0 || quiet) return;
  console.log(`\n== ${label}`);
  console.log(HEAD);
  for (const s of scores) {
    console.log(row(`${s.file} [${s.lang}, ${s.split}]`, s));
    for (const x of s.falsePositives) console.log(`    FP ${x.start}-${x.end} ${JSON.stringify(x.text)} → ${x.entity} (${x.why})`);
    for (const x of s.falseNegatives) console.log(`    FN ${x.start}-${x.end} ${JSON.stringify(x.text)} (${x.entity})`);
    for (const x of s.wrongLinks) console.log(`    LINK ${x.start}-${x.end} ${JSON.stringify(x.text)} → ${x.entity}, gold ${x.gold}`);
  }
  console.log(row('TOTAL', total(scores)));
}

const { entities, matcher } = bundled();
const ids = new Set(entities.map((e) => e.id));
const known = (id: string): boolean => ids.has(id);
const shared = sharedDir();
const all: FileScore[] = [];
if (shared) {
  const s = goldFiles(join(shared, 'eval')).map((f) => scoreFile(matcher, f, known));
  report(`shared (${join(shared, 'eval')})`, s);
  all.push(...s);
} else {
  console.log('shared eval folder not found (set BACKSTORY_SHARED or put it at ../shared): skipped');
}
const own = goldFiles(join(REPO_ROOT, 'test/fixtures/eval')).map((f) => scoreFile(matcher, f, known));
report('own (test/fixtures/eval)', own);
all.push(...own);

console.log('\n== summary by split and language (P/R over entities the pack has)');
console.log('group'.padEnd(44) + '   TP  FP  FN      P      R     F1   link');
for (const split of ['heldout', 'tune'] as const) {
  for (const lang of ['en', 'ru', 'ka']) {
    const group = all.filter((s) => s.split === split && s.lang === lang);
    if (group.length) console.log(row(`${split} ${lang} (${group.length} files)`, total(group)));
  }
  const group = all.filter((s) => s.split === split);
  if (group.length) console.log(row(`${split} all (${group.length} files)`, total(group)));
}
const missing = new Map<string, number>();
for (const s of all) for (const [id, n] of Object.entries(s.missingEntities)) missing.set(id, (missing.get(id) ?? 0) + n);
if (missing.size) {
  const list = [...missing].sort((a, b) => b[1] - a[1]);
  console.log(`\nGold mentions of entities the pack lacks (left out of the scores): ${list.reduce((a, [, n]) => a + n, 0)} of ${list.length} entities`);
  console.log('  ' + list.map(([id, n]) => `${id} ×${n}`).join(', '));
}
const t = metrics(total(all));
console.log(`\nALL: P=${pct(t.p)} R=${pct(t.r)} F1=${pct(t.f1)} linking=${pct(t.link)} over ${all.length} files`);
