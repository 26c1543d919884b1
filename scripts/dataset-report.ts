/**
 * `npm run dataset:report` — the bundled knowledge packs as a dataset author checks them:
 * entities by type, scope and topic; facts, key facts, dates; sources by kind and by
 * publisher (top 20); the share of texts in each language; standing facts older than five
 * years on living topics; any source host used more than 20 times; thin entities; and the
 * validator's verdict. Exits 1 if validation fails.
 */
import { readBundledPackDirs } from './lib/packs.ts';
import { validatePacks, formatPackError, isIsoDate } from '../src/facts/validate.ts';
import { TOPICS, ENTITY_TYPES, SOURCE_KINDS, ENTITY_SCOPES, TEXT_LANGS } from '../src/facts/topics.ts';
import { sourceHost } from '../src/facts/source-policy.ts';
import type { Entity } from '../src/facts/types.ts';

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
const timeline = entities.flatMap((e) => (e.timeline ?? []).map((t) => ({ e, t })));
/** Every citation: a fact or timeline entry with the source it cites. */
const citations = entities.flatMap((e) => {
  const byId = new Map(e.sources.map((s) => [s.id, s]));
  return [...e.facts, ...(e.timeline ?? [])].flatMap((x) => {
    const s = byId.get(x.source);
    return s ? [{ e, s }] : [];
  });
});
const HOST_LIMIT = 20;
const STALE_YEARS = 5;
const thisYear = new Date().getUTCFullYear();

console.log(bold(`Backstory dataset report — ${dirs.length} pack(s), ${entities.length} entities`));

section('Entities by type and scope');
console.log(
  table(
    ['type', 'entities', ...ENTITY_SCOPES],
    [
      ...ENTITY_TYPES.map((t) => {
        const of = entities.filter((e) => e.type === t);
        return [t, of.length, ...ENTITY_SCOPES.map((sc) => of.filter((e) => (e.scope ?? 'region') === sc).length)] as (string | number)[];
      }),
      ['total', entities.length, ...ENTITY_SCOPES.map((sc) => entities.filter((e) => (e.scope ?? 'region') === sc).length)],
    ],
  ),
);

section('Entities by topic (an entity can have several)');
console.log(
  table(
    ['topic', 'entities'],
    TOPICS.map((t) => [t.label, entities.filter((e) => (e.topics as string[]).includes(t.id)).length]),
  ),
);

section('Content');
const aliasCount = entities.reduce((n, e) => n + Object.values(e.aliases).reduce((m, l) => m + (l?.length ?? 0), 0), 0);
const declared = (e: Entity, id: string) => e.sources.some((s) => s.id === id);
const dated = facts.filter(({ f }) => (f.date ?? f.asOf) !== undefined && isIsoDate((f.date ?? f.asOf)!)).length;
const withBoth = facts.filter(({ e, f }) => declared(e, f.source) && (f.date ?? f.asOf) !== undefined && isIsoDate((f.date ?? f.asOf)!)).length;
console.log(
  table(
    ['measure', 'value'],
    [
      ['facts', facts.length],
      ['  with "date" (when it happened)', facts.filter(({ f }) => f.date !== undefined).length],
      ['  with "asOf" (a standing statement)', facts.filter(({ f }) => f.asOf !== undefined).length],
      ['  marked key (for the card)', facts.filter(({ f }) => f.key === true).length],
      ['entities with key facts', pct(entities.filter((e) => e.facts.some((f) => f.key)).length, entities.length)],
      ['timeline events', timeline.length],
      ['sources (entries)', entities.reduce((n, e) => n + e.sources.length, 0)],
      ['distinct source URLs', new Set(entities.flatMap((e) => e.sources.map((s) => s.url))).size],
      ['aliases', aliasCount],
      ['related links', entities.reduce((n, e) => n + (e.related?.length ?? 0), 0)],
      ['facts with a declared source and a date (must be 100%)', withBoth === facts.length ? green('100%') : red(pct(withBoth, facts.length))],
      ['facts with a date', pct(dated, facts.length)],
    ],
  ),
);

section('Sources by kind (each citation counted)');
console.log(
  table(
    ['kind', 'citations', 'share'],
    SOURCE_KINDS.map((k) => {
      const n = citations.filter((c) => c.s.kind === k).length;
      return [k, n, pct(n, citations.length)];
    }),
  ),
);

section('Top 20 publishers (citations)');
const byPublisher = new Map<string, { n: number; kind: string }>();
for (const c of citations) {
  const p = byPublisher.get(c.s.publisher) ?? { n: 0, kind: c.s.kind };
  p.n++;
  byPublisher.set(c.s.publisher, p);
}
console.log(
  table(
    ['publisher', 'kind', 'citations'],
    [...byPublisher]
      .sort((a, b) => b[1].n - a[1].n)
      .slice(0, 20)
      .map(([p, v]) => [p, v.kind, v.n]),
  ),
);

section(`Source hosts cited more than ${HOST_LIMIT} times (one host carrying much of the pack)`);
const byHost = new Map<string, number>();
for (const c of citations) {
  const h = sourceHost(c.s.url);
  byHost.set(h, (byHost.get(h) ?? 0) + 1);
}
const heavy = [...byHost].filter(([, n]) => n > HOST_LIMIT).sort((a, b) => b[1] - a[1]);
console.log(
  heavy.length === 0
    ? 'none'
    : table(
        ['host', 'citations'],
        heavy.map(([h, n]) => [h, n]),
      ),
);

section('Texts in each language');
const share = (has: (e: Entity) => boolean) => pct(entities.filter(has).length, entities.length);
const factShare = (l: (typeof TEXT_LANGS)[number]) => pct(facts.filter(({ f }) => f.i18n?.[l]).length, facts.length);
console.log(
  table(
    ['what', 'en', ...TEXT_LANGS],
    [
      ['name (entities)', '100.0%', ...TEXT_LANGS.map((l) => share((e) => Boolean(e.i18n?.[l]?.name ?? e.aliases[l]?.length)))],
      ['summary (entities)', '100.0%', ...TEXT_LANGS.map((l) => share((e) => Boolean(e.i18n?.[l]?.summary)))],
      ['facts (label and value)', '100.0%', ...TEXT_LANGS.map(factShare)],
      ['timeline entries', '100.0%', ...TEXT_LANGS.map((l) => pct(timeline.filter(({ t }) => t.i18n?.[l]).length, timeline.length))],
      ['aliases (entities with any)', share((e) => Boolean(e.aliases.en?.length)), ...TEXT_LANGS.map((l) => share((e) => Boolean(e.aliases[l]?.length)))],
    ],
  ),
);

section(`Standing facts ("asOf") older than ${STALE_YEARS} years on living topics — re-check these first`);
const stale = facts
  .filter(({ e, f }) => f.asOf !== undefined && thisYear - Number(f.asOf.slice(0, 4)) > STALE_YEARS && e.type !== 'event' && e.type !== 'agreement')
  .sort((a, b) => a.f.asOf!.localeCompare(b.f.asOf!));
const short = (s: string, n = 60) => ([...s].length > n ? [...s].slice(0, n - 1).join('') + '…' : s);
console.log(
  stale.length === 0
    ? 'none'
    : table(
        ['as of', 'entity', 'label', 'value'],
        stale.slice(0, 25).map(({ e, f }) => [f.asOf!, e.id, f.label, short(f.value)]),
      ),
);
if (stale.length > 25) console.log(`… and ${stale.length - 25} more`);

section(`Entities with fewer than ${MIN_FACTS} facts`);
const thin = entities.filter((e) => e.facts.length < MIN_FACTS);
console.log(thin.length === 0 ? 'none' : `${thin.length}: ${thin.map((e) => `${e.id} (${e.facts.length})`).join(', ')}`);

section('Validation');
if (validation.ok) {
  console.log(green(`OK — ${validation.packs.length} pack(s) valid`));
} else {
  console.log(red(`FAILED — ${validation.errors.length} problem(s):`));
  for (const e of validation.errors) console.log('  ' + formatPackError(e));
  process.exitCode = 1;
}
