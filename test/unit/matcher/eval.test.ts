import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { bundled } from '../../../scripts/lib/bundled-matcher.ts';
import { goldFiles, metrics, REPO_ROOT, scoreFile, sharedDir, total } from '../../../scripts/lib/evaluate.ts';

const shared = sharedDir();
const { entities, matcher } = bundled();
const ids = new Set(entities.map((e) => e.id));
const known = (id: string): boolean => ids.has(id);

describe('evaluation of the bundled pack', () => {
  it.skipIf(!shared)('finds every mention of the seed article and nothing else', () => {
    const s = scoreFile(matcher, join(shared!, 'eval/seed-article.gold.json'));
    expect({ fp: s.falsePositives, fn: s.falseNegatives, wrong: s.wrongLinks }).toEqual({ fp: [], fn: [], wrong: [] });
  });

  it.skipIf(!shared)('keeps precision and recall high on the shared dev set', () => {
    const scores = goldFiles(join(shared!, 'eval')).map((f) => scoreFile(matcher, f));
    const m = metrics(total(scores));
    expect(m.p).toBeGreaterThanOrEqual(0.95);
    expect(m.r).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps precision and recall high on our own labelled texts that the matcher was tuned on', () => {
    const files = goldFiles(join(REPO_ROOT, 'test/fixtures/eval'));
    expect(files.length).toBeGreaterThanOrEqual(12);
    const scores = files.map((f) => scoreFile(matcher, f, known)).filter((s) => s.split === 'tune');
    const m = metrics(total(scores));
    expect(m.p).toBeGreaterThanOrEqual(0.95);
    expect(m.r).toBeGreaterThanOrEqual(0.85);
    expect(m.link).toBeGreaterThanOrEqual(0.95);
  });

  it('marks nothing with a forbidden id in texts about another Georgia, Medvedev, Geneva or Moscow', () => {
    const files = goldFiles(join(REPO_ROOT, 'test/fixtures/eval'));
    const forbidden = files.map((f) => scoreFile(matcher, f)).flatMap((s) => s.falsePositives.filter((x) => x.why === 'forbidden id'));
    expect(forbidden).toEqual([]);
  });
});
