/**
 * `npm run eval`: scores the matcher (bundled packs) on the shared gold files
 * (`<shared>/eval`, shared = $BACKSTORY_SHARED or ../shared) and on our own labelled
 * texts (`test/fixtures/eval`). Prints P/R/F1/linking per file and in total, with every
 * false positive, false negative and wrong link.
 */
import { join } from 'node:path';
import { bundledMatcher } from './lib/bundled-matcher.ts';
import { goldFiles, metrics, REPO_ROOT, scoreFile, sharedDir, total, type FileScore } from './lib/evaluate.ts';

const pct = (x: number): string => x.toFixed(3);

function report(label: string, scores: FileScore[]): void {
  if (scores.length === 0) return;
  console.log(`\n== ${label}`);
  console.log('file'.padEnd(36) + '  TP  FP  FN      P      R     F1   link');
  for (const s of scores) {
    const m = metrics(s);
    console.log(`${s.file.padEnd(36)} ${String(s.tp).padStart(3)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)}  ${pct(m.p)}  ${pct(m.r)}  ${pct(m.f1)}  ${pct(m.link)}`);
    for (const x of s.falsePositives) console.log(`    FP ${x.start}-${x.end} ${JSON.stringify(x.text)} → ${x.entity} (${x.why})`);
    for (const x of s.falseNegatives) console.log(`    FN ${x.start}-${x.end} ${JSON.stringify(x.text)} (${x.entity})`);
    for (const x of s.wrongLinks) console.log(`    LINK ${x.start}-${x.end} ${JSON.stringify(x.text)} → ${x.entity}, gold ${x.gold}`);
  }
  const t = total(scores);
  const m = metrics(t);
  console.log(`${'TOTAL'.padEnd(36)} ${String(t.tp).padStart(3)} ${String(t.fp).padStart(3)} ${String(t.fn).padStart(3)}  ${pct(m.p)}  ${pct(m.r)}  ${pct(m.f1)}  ${pct(m.link)}`);
}

const matcher = bundledMatcher();
const shared = sharedDir();
const all: FileScore[] = [];
if (shared) {
  const s = goldFiles(join(shared, 'eval')).map((f) => scoreFile(matcher, f));
  report(`shared (${join(shared, 'eval')})`, s);
  all.push(...s);
} else {
  console.log('shared eval folder not found (set BACKSTORY_SHARED or put it at ../shared): skipped');
}
const own = goldFiles(join(REPO_ROOT, 'test/fixtures/eval')).map((f) => scoreFile(matcher, f));
report('own (test/fixtures/eval)', own);
all.push(...own);
const t = metrics(total(all));
console.log(`\nALL: P=${pct(t.p)} R=${pct(t.r)} F1=${pct(t.f1)} linking=${pct(t.link)} over ${all.length} files`);
