/**
 * `npm run dataset:report` — a summary of the bundled knowledge packs for dataset authors:
 * counts by type and topic, facts/sources/aliases, source and date coverage, missing
 * Russian/Georgian aliases, the oldest "current" facts (offices, roles, status) that may
 * need re-checking, thin entities, and the validator's verdict. Exits 1 if validation fails.
 */
import { readBundledPackDirs } from './lib/packs.ts';
import { validatePacks, formatPackError, isIsoDate } from '../src/facts/validate.ts';
import { TOPICS, ENTITY_TYPES } from '../src/facts/topics.ts';
import type { Entity, Fact } from '../src/facts/types.ts';

/** Fact labels that describe a present state and go stale ("current" office holders etc.). */
const CURRENT_LABELS = new Set([
  'office', 'role', 'status', 'leader', 'head', 'head of mission', 'head of state', 'head of government',
  'minister', 'spokesperson', 'leadership', 'mayor', 'in office since', 'since', 'eu status', 'mandate',
]);
const MIN_FACTS = 3;
const useColor = process.stdout.isTTY && !process.env['NO_COLOR'];
const bold = (s: string) => (useColor ? `\x1b[1m${s}\x1b[0m` : s);
const red = (s: string) => (useColor ? `\x1b[31m${s}\x1b[0m` : s);
const green = (s: string) => (useColor ? `\x1b[32m${s}\x1b[0m` : s);

/** A boxed table; numeric columns are right-aligned. */
function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const width = head.map((_, c) => Math.max(...cells.map((r) => [...(r[c] ?? '')].length)));
  const numeric = head.map((_, c) => rows.length > 0 && rows.every((r) => typeof r[c] === 'number'));
  const pad = (s: string, c: number) => {
    const gap = ' '.repeat((width[c] ?? 0) - [...s].length);
    return numeric[c] ? gap + s : s + gap;
  };
  const line = (l: string, m: string, r: string) => l + width.map((w) => '─'.repeat(w + 2)).join(m) + r;
  const row = (r: string[]) => '│ ' + r.map((s, c) => pad(s, c)).join(' │ ') + ' │';
  return [line('┌', '┬', '┐'), row(head), line('├', '┼', '┤'), ...cells.slice(1).map(row), line('└', '┴', '┘')].join('\n');
}

const pct = (n: number, d: number) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)}%`);
const section = (title: string) => console.log(`\n${bold(title)}`);

const dirs = readBundledPackDirs();
const validation = validatePacks(dirs.map((d) => ({ input: d.raw, file: d.dir, files: d.files })));
const entities: Entity[] = dirs.flatMap((d) => ((d.raw as { entities?: unknown }).entities as Entity[] | undefined) ?? []);
const facts = entities.flatMap((e) => e.facts.map((f) => ({ e, f })));

console.log(bold(`Backstory dataset report — ${dirs.length} pack(s), ${entities.length} entities`));

section('Entities by type');
console.log(table(['type', 'entities'], [...ENTITY_TYPES.map((t) => [t, entities.filter((e) => e.type === t).length] as [string, number]), ['total', entities.length]]));

section('Entities by topic (an entity can have several)');
console.log(table(['topic', 'entities'], TOPICS.map((t) => [t.label, entities.filter((e) => (e.topics as string[]).includes(t.id)).length])));

section('Content');
const aliasCount = entities.reduce((n, e) => n + Object.values(e.aliases).reduce((m, l) => m + (l?.length ?? 0), 0), 0);
const declared = (e: Entity, f: Fact) => e.sources.some((s) => s.id === f.source);
const withSource = facts.filter(({ e, f }) => declared(e, f)).length;
const withDate = facts.filter(({ f }) => typeof f.asOf === 'string' && isIsoDate(f.asOf)).length;
const withBoth = facts.filter(({ e, f }) => declared(e, f) && isIsoDate(f.asOf)).length;
const urls = new Set(entities.flatMap((e) => e.sources.map((s) => s.url)));
console.log(
  table(
    ['measure', 'value'],
    [
      ['facts', facts.length],
      ['sources (entries)', entities.reduce((n, e) => n + e.sources.length, 0)],
      ['distinct source URLs', urls.size],
      ['aliases', aliasCount],
      ['timeline events', entities.reduce((n, e) => n + (e.timeline?.length ?? 0), 0)],
      ['related links', entities.reduce((n, e) => n + (e.related?.length ?? 0), 0)],
      ['facts with a declared source', pct(withSource, facts.length)],
      ['facts with an ISO date', pct(withDate, facts.length)],
      ['facts with source and date (must be 100%)', withBoth === facts.length ? green('100%') : red(pct(withBoth, facts.length))],
    ],
  ),
);

section('Entities lacking Russian or Georgian aliases');
const lacking = entities.filter((e) => !e.aliases.ru?.length || !e.aliases.ka?.length);
console.log(
  lacking.length === 0
    ? 'none'
    : table(
        ['entity', 'type', 'ru', 'ka'],
        lacking.map((e) => [e.id, e.type, e.aliases.ru?.length ? 'yes' : '—', e.aliases.ka?.length ? 'yes' : '—']),
      ),
);
console.log(`${lacking.length} of ${entities.length} (no ru: ${entities.filter((e) => !e.aliases.ru?.length).length}, no ka: ${entities.filter((e) => !e.aliases.ka?.length).length})`);

section('Oldest "current" facts (offices, roles, status…) — re-check these first');
const current = facts
  .filter(({ f }) => CURRENT_LABELS.has(f.label.toLowerCase()) && !f.asOf.includes('/'))
  .sort((a, b) => a.f.asOf.localeCompare(b.f.asOf))
  .slice(0, 10);
const short = (s: string, n = 70) => ([...s].length > n ? [...s].slice(0, n - 1).join('') + '…' : s);
console.log(table(['as of', 'entity', 'label', 'value'], current.map(({ e, f }) => [f.asOf, e.id, f.label, short(f.value)])));

section(`Entities with fewer than ${MIN_FACTS} facts`);
const thin = entities.filter((e) => e.facts.length < MIN_FACTS);
console.log(thin.length === 0 ? 'none' : table(['entity', 'facts'], thin.map((e) => [e.id, e.facts.length])));

section('Validation');
if (validation.ok) {
  console.log(green(`OK — ${validation.packs.length} pack(s) valid`));
} else {
  console.log(red(`FAILED — ${validation.errors.length} problem(s):`));
  for (const e of validation.errors) console.log('  ' + formatPackError(e));
  process.exitCode = 1;
}
