/**
 * Knowledge-pack validator. Runs at build time (bundled packs), in tests, and in the
 * settings page for packs a user imports, so it uses no Node API: plain data in, a
 * typed pack or a list of readable errors out.
 *
 * Each error names the file, the entity and the field (`facts[2].source`) and says in
 * plain words what was expected, e.g.
 *   entities/tass.json: entity "tass": facts[2].source: "tass-1" is not declared in sources
 */
import { z } from 'zod';
import { TOPIC_IDS, ENTITY_TYPES, SOURCE_KINDS, ENTITY_SCOPES } from './topics.ts';
import { refusedSource } from './source-policy.ts';
import type { Entity, Pack } from './types.ts';

export interface PackError {
  /** The file the error is in (entity file when known, else the pack file). */
  file: string;
  /** The entity's id, when the error is inside an entity that has a readable id. */
  entityId?: string;
  /** Path inside the entity (or the pack when there is no entity): `facts[2].source`. */
  field: string;
  /** What was expected, in plain words. */
  message: string;
}

export interface ValidateOptions {
  /** Name of the pack file, used for errors outside entities (and for all errors without `fileOfEntity`). */
  file?: string;
  /** Ids of entities in other installed packs: `related` and `cueEntities` may point to them. */
  knownEntityIds?: ReadonlySet<string>;
  /** The file an entity came from, by its index in `entities` (packs stored one entity per file). */
  fileOfEntity?: (index: number) => string;
  /** Stop collecting after this many errors (default 200). */
  maxErrors?: number;
}

export type ValidateResult = { ok: true; pack: Pack } | { ok: false; errors: PackError[] };

export const MAX_SUMMARY = 280;
/** Facts marked `key` (shown on the card) per entity. */
export const MAX_KEY_FACTS = 4;
export const DEFAULT_MAX_ERRORS = 200;

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True for `YYYY`, `YYYY-MM`, `YYYY-MM-DD` with a real month and day. */
function isSingleDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  const days = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return day >= 1 && day <= days;
}

/** `YYYY[-MM[-DD]]` or a range of two of those joined by "/", the start not after the end. */
export function isIsoDate(s: string): boolean {
  const parts = s.split('/');
  if (parts.length === 1) return isSingleDate(s);
  const [a, b] = parts;
  if (parts.length !== 2 || a === undefined || b === undefined || !isSingleDate(a) || !isSingleDate(b)) return false;
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) <= b.slice(0, n);
}

export function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

const text = () =>
  z.string({ error: 'expected a text (string)' }).refine((s) => s.trim() !== '', { error: 'must not be empty' });
const kebab = (what: string) =>
  text().refine((s) => KEBAB.test(s), {
    error: (iss) => `${what} ${JSON.stringify(iss.input)} is not kebab-case (lowercase letters, digits and single hyphens)`,
  });
const isoDate = () =>
  text().refine(isIsoDate, {
    error: (iss) =>
      `${JSON.stringify(iss.input)} is not an ISO date: expected YYYY, YYYY-MM or YYYY-MM-DD, or a range "start/end" of those`,
  });
const list = <T extends z.ZodType>(item: T) => z.array(item, { error: 'expected a list (array)' });

const kindList = SOURCE_KINDS.join(', ');

const SourceSchema = z.strictObject({
  id: kebab('source id'),
  title: text(),
  url: text()
    .refine(isHttpUrl, { error: (iss) => `expected an http(s) URL, got ${JSON.stringify(iss.input)}` })
    .refine((u) => !isHttpUrl(u) || refusedSource(u) === undefined, {
      error: (iss) => `may not be cited: ${refusedSource(iss.input as string) ?? ''}`,
    }),
  publisher: text(),
  kind: z.enum(SOURCE_KINDS, {
    error: (iss) =>
      iss.input === undefined
        ? `is missing; every source says what it is, one of: ${kindList}`
        : `${JSON.stringify(iss.input)} is not a source kind; expected one of: ${kindList}`,
  }),
  country: z
    .string({ error: 'expected an ISO 3166-1 alpha-2 country code ("GE", "RU")' })
    .regex(/^[A-Z]{2}$/, { error: (iss) => `${JSON.stringify(iss.input)} is not an ISO 3166-1 alpha-2 country code ("GE", "RU")` })
    .optional(),
  accessed: isoDate(),
});

const translations = <T extends z.ZodType>(item: T) => z.strictObject({ ru: item.optional(), ka: item.optional() });

const FactSchema = z.strictObject({
  label: text(),
  value: text(),
  date: isoDate().optional(),
  asOf: isoDate().optional(),
  source: text(),
  key: z.boolean({ error: 'expected true or false' }).optional(),
  i18n: translations(z.strictObject({ label: text(), value: text() })).optional(),
});

const TimelineSchema = z.strictObject({
  date: isoDate(),
  text: text(),
  source: text(),
  i18n: translations(z.strictObject({ text: text() })).optional(),
});
const RelationSchema = z.strictObject({ id: kebab('entity id'), relation: text() });

const AliasesSchema = z.strictObject({
  en: list(text()).optional(),
  ru: list(text()).optional(),
  ka: list(text()).optional(),
  other: list(text()).optional(),
});

const DisambiguationSchema = z.strictObject({
  aliases: list(text()).min(1, { error: 'expected at least one ambiguous alias' }),
  prior: z.number({ error: 'expected a number from 0 to 1' }).min(0, { error: 'expected a number from 0 to 1' }).max(1, {
    error: 'expected a number from 0 to 1',
  }),
  cues: list(text()),
  cueEntities: list(kebab('entity id')).optional(),
  against: list(text()).optional(),
  blockers: list(text()).optional(),
});

const topicList = TOPIC_IDS.join(', ');
const typeList = ENTITY_TYPES.join(', ');

const EntitySchema = z.strictObject({
  id: kebab('id'),
  name: text(),
  type: z.enum(ENTITY_TYPES, {
    error: (iss) => `${JSON.stringify(iss.input)} is not an entity type; expected one of: ${typeList}`,
  }),
  scope: z
    .enum(ENTITY_SCOPES, {
      error: (iss) => `${JSON.stringify(iss.input)} is not a scope; expected one of: ${ENTITY_SCOPES.join(', ')}`,
    })
    .optional(),
  topics: list(
    z.enum(TOPIC_IDS as unknown as [string, ...string[]], {
      error: (iss) => `${JSON.stringify(iss.input)} is not in the topic vocabulary; expected one of: ${topicList}`,
    }),
  ).min(1, { error: 'expected at least one topic' }),
  aliases: AliasesSchema,
  summary: text().refine((s) => s.length <= MAX_SUMMARY, {
    error: (iss) => `is ${(iss.input as string).length} characters long; at most ${MAX_SUMMARY} allowed`,
  }),
  facts: list(FactSchema),
  timeline: list(TimelineSchema).optional(),
  related: list(RelationSchema).optional(),
  sources: list(SourceSchema),
  disambiguation: DisambiguationSchema.optional(),
  note: text().optional(),
  i18n: translations(
    z.strictObject({
      name: text().optional(),
      summary: text()
        .refine((s) => s.length <= MAX_SUMMARY * 1.4, {
          error: (iss) => `is ${(iss.input as string).length} characters long; at most ${Math.round(MAX_SUMMARY * 1.4)} allowed`,
        })
        .optional(),
      note: text().optional(),
    }),
  ).optional(),
  gender: z.enum(['m', 'f'], { error: 'expected "m" or "f"' }).optional(),
  distinctiveSurname: z.boolean({ error: 'expected true or false' }).optional(),
});

const PackMetaSchema = z.strictObject({
  id: kebab('pack id'),
  name: text(),
  version: text(),
  description: text(),
  entities: list(z.unknown()),
});

/** `['facts', 2, 'source']` → `facts[2].source`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out === '' ? '(root)' : out;
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `a text ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  return `a ${typeof v}`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return cur;
}

/** Turns zod issues into plain-word messages (zod's own are fine for our custom refinements). */
function issueMessages(issues: readonly z.core.$ZodIssue[], root: unknown): { path: PropertyKey[]; message: string }[] {
  const out: { path: PropertyKey[]; message: string }[] = [];
  for (const iss of issues) {
    const path = iss.path as PropertyKey[];
    if (iss.code === 'unrecognized_keys') {
      for (const k of iss.keys) out.push({ path: [...path, k], message: `unknown field ${JSON.stringify(k)} (check its spelling)` });
      continue;
    }
    if (iss.code === 'invalid_type') {
      const got = valueAt(root, path);
      const base = got === undefined ? 'is missing' : `got ${describe(got)}`;
      const expected =
        iss.expected === 'array' ? 'a list (array)' : iss.expected === 'object' ? 'an object' : `a ${iss.expected}`;
      out.push({ path, message: iss.message.startsWith('expected ') ? `${iss.message}; ${base}` : `expected ${expected}; ${base}` });
      continue;
    }
    out.push({ path, message: iss.message });
  }
  return out;
}

class Collector {
  readonly errors: PackError[] = [];
  dropped = 0;
  constructor(private readonly max: number) {}
  add(e: PackError): void {
    if (this.errors.length < this.max) this.errors.push(e);
    else this.dropped++;
  }
  result(): PackError[] {
    if (this.dropped === 0) return this.errors;
    const last = this.errors[this.errors.length - 1];
    return [
      ...this.errors,
      { file: last?.file ?? '(pack)', field: '(more)', message: `${this.dropped} more error(s) not shown; fix these first` },
    ];
  }
}

interface Located {
  entity: Entity;
  file: string;
  /** Index of the pack among several (validatePacks). */
  pack?: number;
  /** Prepended to field paths when the file holds the whole pack (`entities[3].`). */
  prefix: string;
}

function allAliases(e: Entity): string[] {
  const a = e.aliases;
  return [...(a.en ?? []), ...(a.ru ?? []), ...(a.ka ?? []), ...(a.other ?? [])].map((s) => s.trim());
}

/** An alias shared by two entities must be listed as ambiguous in both entities' `disambiguation.aliases`. */
function checkSharedAliases(items: readonly Located[], out: Collector, onlyAcrossPacks = false): void {
  const owners = new Map<string, Located[]>();
  for (const it of items) {
    for (const alias of new Set(allAliases(it.entity))) {
      const list = owners.get(alias);
      if (list) {
        if (!list.some((o) => o.entity.id === it.entity.id)) list.push(it);
      } else owners.set(alias, [it]);
    }
  }
  for (const [alias, list] of owners) {
    if (list.length < 2) continue;
    if (onlyAcrossPacks && list.every((o) => o.pack === list[0]?.pack)) continue;
    for (const it of list) {
      const listed = (it.entity.disambiguation?.aliases ?? []).map((s) => s.trim()).includes(alias);
      if (listed) continue;
      const others = list.filter((o) => o !== it).map((o) => `"${o.entity.id}"`).join(', ');
      out.add({
        file: it.file,
        entityId: it.entity.id,
        field: `${it.prefix}disambiguation.aliases`,
        message: `alias ${JSON.stringify(alias)} is shared with ${others}; expected it in disambiguation.aliases with cues on both entities`,
      });
    }
  }
}

/** Checks inside one entity that its schema alone cannot express. */
function checkEntity(it: Located, ids: ReadonlySet<string>, out: Collector): void {
  const { entity: e, file, prefix } = it;
  const err = (field: string, message: string) => out.add({ file, entityId: e.id, field: prefix + field, message });
  const declared = new Set<string>();
  e.sources.forEach((s, i) => {
    if (declared.has(s.id)) err(`sources[${i}].id`, `source id "${s.id}" is declared twice; expected unique source ids`);
    declared.add(s.id);
  });
  let keys = 0;
  e.facts.forEach((f, i) => {
    if (!declared.has(f.source)) err(`facts[${i}].source`, `"${f.source}" is not declared in sources`);
    if (f.date === undefined && f.asOf === undefined)
      err(`facts[${i}]`, 'expected "date" (when it happened) or "asOf" (when a standing statement was true)');
    if (f.date !== undefined && f.asOf !== undefined)
      err(`facts[${i}]`, 'has both "date" and "asOf"; expected one: "date" for when it happened, "asOf" for when it was true');
    if (f.key === true && ++keys > MAX_KEY_FACTS)
      err(`facts[${i}].key`, `is the ${keys}th key fact; at most ${MAX_KEY_FACTS} facts may be marked key (the card shows them)`);
  });
  if (e.gender !== undefined && e.type !== 'person') err('gender', 'only people have a gender here');
  if (e.distinctiveSurname !== undefined && e.type !== 'person') err('distinctiveSurname', 'only people have a surname');
  e.timeline?.forEach((t, i) => {
    if (!declared.has(t.source)) err(`timeline[${i}].source`, `"${t.source}" is not declared in sources`);
  });
  e.related?.forEach((r, i) => {
    if (r.id === e.id) err(`related[${i}].id`, `"${r.id}" links the entity to itself`);
    else if (!ids.has(r.id)) err(`related[${i}].id`, `"${r.id}" is not the id of any entity in this pack or the installed packs`);
  });
  const seenTopics = new Set<string>();
  e.topics.forEach((t, i) => {
    if (seenTopics.has(t)) err(`topics[${i}]`, `topic "${t}" is listed twice`);
    seenTopics.add(t);
  });
  const d = e.disambiguation;
  if (d) {
    const own = new Set(allAliases(e));
    d.aliases.forEach((a, i) => {
      if (!own.has(a.trim())) err(`disambiguation.aliases[${i}]`, `"${a}" is not one of this entity's aliases`);
    });
    d.cueEntities?.forEach((c, i) => {
      if (!ids.has(c)) err(`disambiguation.cueEntities[${i}]`, `"${c}" is not the id of any entity in this pack or the installed packs`);
    });
  }
}

interface ParsedPack {
  meta: { id: string; name: string; version: string; description: string };
  items: Located[];
  /** False when the pack-level shape (or some entity) failed. */
  complete: boolean;
}

function parsePack(input: unknown, opts: ValidateOptions, out: Collector): ParsedPack | undefined {
  const packFile = opts.file ?? '(pack)';
  const meta = PackMetaSchema.safeParse(input);
  if (!meta.success) {
    for (const m of issueMessages(meta.error.issues, input)) {
      // An entity that is not even an object is reported against its own file.
      out.add({ file: packFile, field: formatPath(m.path), message: m.message });
    }
    return undefined;
  }
  const items: Located[] = [];
  let complete = true;
  meta.data.entities.forEach((raw, i) => {
    const file = opts.fileOfEntity?.(i) ?? packFile;
    const prefix = opts.fileOfEntity ? [] : ['entities', i];
    const maybeId = raw !== null && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined;
    const entityId = typeof maybeId === 'string' && maybeId.trim() !== '' ? maybeId : undefined;
    const parsed = EntitySchema.safeParse(raw);
    if (!parsed.success) {
      complete = false;
      for (const m of issueMessages(parsed.error.issues, raw)) {
        out.add({ file, ...(entityId ? { entityId } : {}), field: formatPath([...prefix, ...m.path]), message: m.message });
      }
      return;
    }
    items.push({ entity: parsed.data as Entity, file, prefix: opts.fileOfEntity ? '' : `entities[${i}].` });
  });
  const { entities: _e, ...rest } = meta.data;
  return { meta: rest, items, complete };
}

function checkUniqueIds(items: readonly Located[], out: Collector, where: string): void {
  const first = new Map<string, Located>();
  for (const it of items) {
    const prev = first.get(it.entity.id);
    if (prev) {
      out.add({
        file: it.file,
        entityId: it.entity.id,
        field: `${it.prefix}id`,
        message: `id "${it.entity.id}" is already used by an entity in ${prev.file}; expected ids unique ${where}`,
      });
    } else first.set(it.entity.id, it);
  }
}

/** Validates one pack. `knownEntityIds` are ids of other installed packs (for `related`). */
export function validatePack(input: unknown, opts: ValidateOptions = {}): ValidateResult {
  const out = new Collector(opts.maxErrors ?? DEFAULT_MAX_ERRORS);
  const parsed = parsePack(input, opts, out);
  if (parsed) {
    checkUniqueIds(parsed.items, out, 'within the pack');
    const ids = new Set<string>([...(opts.knownEntityIds ?? []), ...parsed.items.map((it) => it.entity.id)]);
    // Ids of entities whose shape failed still count as existing for `related`.
    const raw = (input as { entities: unknown[] }).entities;
    for (const e of raw) {
      const id = e !== null && typeof e === 'object' ? (e as { id?: unknown }).id : undefined;
      if (typeof id === 'string') ids.add(id);
    }
    for (const it of parsed.items) checkEntity(it, ids, out);
    checkSharedAliases(parsed.items, out);
  }
  const errors = out.result();
  if (errors.length > 0 || !parsed) return { ok: false, errors };
  return { ok: true, pack: { ...parsed.meta, entities: parsed.items.map((it) => it.entity) } };
}

/** One pack for `validatePacks`: the raw JSON plus where it came from. */
export interface PackInput {
  /** The raw pack JSON (pack.json fields plus `entities`). */
  input: unknown;
  /** The pack's file or folder, for errors outside entities. */
  file?: string;
  /** The file of each entity, by index (as `readPackDir` returns them). */
  files?: readonly string[];
  /** Alternative to `files`. */
  fileOfEntity?: (index: number) => string;
}

export type ValidatePacksResult = { ok: true; packs: Pack[] } | { ok: false; errors: PackError[] };

/**
 * Validates several packs together: each on its own (with the other packs' ids known, so
 * cross-pack `related` links are fine), then ids unique across packs, pack ids unique, and
 * aliases shared across packs disambiguated on both sides.
 */
export function validatePacks(inputs: readonly PackInput[], opts: { maxErrors?: number } = {}): ValidatePacksResult {
  const max = opts.maxErrors ?? DEFAULT_MAX_ERRORS;
  const out = new Collector(max);
  const idsOf = (p: unknown): string[] => {
    const ents = p !== null && typeof p === 'object' ? (p as { entities?: unknown }).entities : undefined;
    if (!Array.isArray(ents)) return [];
    return ents.flatMap((e) => {
      const id = e !== null && typeof e === 'object' ? (e as { id?: unknown }).id : undefined;
      return typeof id === 'string' ? [id] : [];
    });
  };
  const packs: Pack[] = [];
  const located: Located[] = [];
  const packIds = new Map<string, string>();
  inputs.forEach((inp, k) => {
    const known = new Set(inputs.flatMap((o, j) => (j === k ? [] : idsOf(o.input))));
    const files = inp.files;
    const fileOfEntity = inp.fileOfEntity ?? (files ? (i: number) => files[i] ?? inp.file ?? `(pack ${k + 1})` : undefined);
    const res = validatePack(inp.input, { file: inp.file ?? `(pack ${k + 1})`, fileOfEntity, knownEntityIds: known, maxErrors: max });
    if (!res.ok) {
      for (const e of res.errors) out.add(e);
      return;
    }
    const file = inp.file ?? `(pack ${k + 1})`;
    const prev = packIds.get(res.pack.id);
    if (prev) out.add({ file, field: 'id', message: `pack id "${res.pack.id}" is already used by ${prev}; expected unique pack ids` });
    else packIds.set(res.pack.id, file);
    packs.push(res.pack);
    res.pack.entities.forEach((entity, i) =>
      located.push({ entity, file: fileOfEntity?.(i) ?? file, pack: k, prefix: fileOfEntity ? '' : `entities[${i}].` }),
    );
  });
  // Within-pack duplicates were reported by validatePack; here only those that span packs.
  const byId = new Map<string, Located>();
  for (const it of located) {
    const prev = byId.get(it.entity.id);
    if (!prev) byId.set(it.entity.id, it);
    else if (prev.pack !== it.pack) {
      out.add({
        file: it.file,
        entityId: it.entity.id,
        field: `${it.prefix}id`,
        message: `id "${it.entity.id}" is already used by an entity in ${prev.file}; expected ids unique across packs`,
      });
    }
  }
  checkSharedAliases(located, out, true);
  const errors = out.result();
  return errors.length > 0 ? { ok: false, errors } : { ok: true, packs };
}

/** `file: entity "id": field: message` — one line, for build logs and the settings page. */
export function formatPackError(e: PackError): string {
  return `${e.file}: ${e.entityId ? `entity "${e.entityId}": ` : ''}${e.field}: ${e.message}`;
}
