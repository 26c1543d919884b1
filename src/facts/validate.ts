/**
 * Knowledge-pack validator. Runs at build time (bundled packs), in tests, and in the
 * settings page for packs a user imports, so it uses no Node API: plain data in, a
 * typed pack or a list of readable errors out.
 *
 * Each error names the file, the entity and the field (`facts[2].source`) and says in
 * plain words what was expected, e.g.
 *   entities/tass.json: entity "tass": facts[2].source: "tass-1" is not declared in sources
 */
import type { Entity, Pack } from './types.ts';
import { DEFAULT_MAX_ERRORS, EntitySchema, PackMetaSchema } from './validate-schema.ts';
import { Collector, formatPath, type PackError } from './validate-issues.ts';
import type { Issue } from './schema.ts';
import { checkEntity, checkSharedAliases, checkUniqueIds, type Located } from './validate-entities.ts';

export { MAX_SUMMARY, MAX_KEY_FACTS, DEFAULT_MAX_ERRORS, isIsoDate, isHttpUrl } from './validate-schema.ts';
export { formatPath, type PackError } from './validate-issues.ts';

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

interface ParsedPack {
  meta: { id: string; name: string; version: string; description: string };
  items: Located[];
  /** False when the pack-level shape (or some entity) failed. */
  complete: boolean;
}

function parsePack(input: unknown, opts: ValidateOptions, out: Collector): ParsedPack | undefined {
  const packFile = opts.file ?? '(pack)';
  const metaIssues: Issue[] = [];
  PackMetaSchema.check(input, [], metaIssues);
  if (metaIssues.length > 0) {
    for (const m of metaIssues) out.add({ file: packFile, field: formatPath(m.path), message: m.message });
    return undefined;
  }
  const { entities, ...meta } = input as ParsedPack['meta'] & { entities: unknown[] };
  const items: Located[] = [];
  let complete = true;
  for (const [i, raw] of entities.entries()) {
    const file = opts.fileOfEntity?.(i) ?? packFile;
    const prefix = opts.fileOfEntity ? [] : ['entities', i];
    const maybeId = raw !== null && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined;
    const entityId = typeof maybeId === 'string' && maybeId.trim() !== '' ? maybeId : undefined;
    const issues: Issue[] = [];
    EntitySchema.check(raw, [], issues);
    if (issues.length > 0) {
      complete = false;
      for (const m of issues) {
        out.add({ file, ...(entityId ? { entityId } : {}), field: formatPath([...prefix, ...m.path]), message: m.message });
      }
      continue;
    }
    items.push({ entity: raw as Entity, file, prefix: opts.fileOfEntity ? '' : `entities[${i}].` });
  }
  return { meta, items, complete };
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
    res.pack.entities.forEach((entity, i) => located.push({ entity, file: fileOfEntity?.(i) ?? file, pack: k, prefix: fileOfEntity ? '' : `entities[${i}].` }));
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
