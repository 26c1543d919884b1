/**
 * Pack validation, part 3: checks across fields and entities that a schema cannot express
 * (facts cite declared sources, related ids exist, ids unique, shared aliases disambiguated).
 */
import type { Entity } from './types.ts';
import type { Collector } from './validate-issues.ts';
import { MAX_KEY_FACTS } from './validate-schema.ts';

export interface Located {
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
export function checkSharedAliases(items: readonly Located[], out: Collector, onlyAcrossPacks = false): void {
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
      const others = list
        .filter((o) => o !== it)
        .map((o) => `"${o.entity.id}"`)
        .join(', ');
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
export function checkEntity(it: Located, ids: ReadonlySet<string>, out: Collector): void {
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
    if (f.date === undefined && f.asOf === undefined) err(`facts[${i}]`, 'expected "date" (when it happened) or "asOf" (when a standing statement was true)');
    if (f.date !== undefined && f.asOf !== undefined) err(`facts[${i}]`, 'has both "date" and "asOf"; expected one: "date" for when it happened, "asOf" for when it was true');
    if (f.key === true && ++keys > MAX_KEY_FACTS) err(`facts[${i}].key`, `is the ${keys}th key fact; at most ${MAX_KEY_FACTS} facts may be marked key (the card shows them)`);
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

export function checkUniqueIds(items: readonly Located[], out: Collector, where: string): void {
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
