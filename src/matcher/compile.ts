/**
 * Entities → the compact, JSON-serialisable matcher. Runs at build time for the bundled
 * packs and in the page for user-imported packs, so it stays small and fast. It cleans
 * and filters the aliases; the page expands the inflected forms when it hydrates.
 */
import type { Entity, EntityType } from '../facts/types.ts';
import { cleanForm, foldKey, slugId } from './normalize.ts';
import { ALIAS_BLOCKER, ALIAS_KA, ALIAS_PLAIN, ALIAS_RU, FORM_AMBIGUOUS, type CompiledMatcher } from './types.ts';

/** Adjectives and demonyms that are never names on their own, whatever a pack says. */
const DEMONYM = /^(russian|georgian|abkhaz|abkhazian|ossetian|ossete|swiss|american|european|soviet|ukrainian|armenian|azerbaijani|caucasian)s?$/;

/** True when a single-word alias is only an adjective or demonym ("Russian", "Georgians"). */
function isDemonym(key: string, ownKeys: ReadonlySet<string>): boolean {
  if (key.includes(' ')) return false;
  if (DEMONYM.test(key)) return true;
  // "Abkhazian" beside "Abkhazia", "Ossetians" beside "Ossetia".
  return ['n', 'ns', 'an', 'ans'].some((suf) => {
    const stem = key.slice(0, -suf.length);
    return key.endsWith(suf) && stem.length >= 4 && ownKeys.has(stem);
  });
}

/**
 * True for a demonym followed by lowercase common nouns ("Georgian government", "Russian
 * diplomat"): a description, not a name. Capitalised forms ("Georgian Foreign Ministry",
 * "Georgian Dream") are names and stay.
 */
function isDescription(form: string): boolean {
  const words = form.split(' ');
  if (words.length < 2 || !DEMONYM.test(foldKey(words[0]!))) return false;
  return words.slice(1).every((w) => w === w.toLowerCase());
}

/** Compiles entities into the serialisable matcher; see `CompiledMatcher`. */
export function compileMatcher(entities: readonly Entity[]): CompiledMatcher {
  const aliases: string[] = [];
  const aliasInfo: number[] = [];
  const names: string[] = [];
  const cueIndex = new Map<string, number>();
  const cues: string[] = [];
  const disambiguation: CompiledMatcher['disambiguation'] = [];
  const idIndex = new Map(entities.map((e, i) => [e.id, i]));
  const typeNames: EntityType[] = [];
  const topicNames: string[] = [];
  const indexOf = <T>(list: T[], x: T): number => {
    let k = list.indexOf(x);
    if (k < 0) k = list.push(x) - 1;
    return k;
  };
  let lastEntity = 0;

  const addAlias = (alias: string, entity: number, kind: number, flags: number): void => {
    aliases.push(alias);
    aliasInfo.push((entity - lastEntity) * 8 + kind * 2 + flags);
    lastEntity = entity;
  };
  const cue = (s: string): number => {
    const key = foldKey(cleanForm(s));
    let k = cueIndex.get(key);
    if (k === undefined) {
      k = cues.length;
      cueIndex.set(key, k);
      cues.push(key);
    }
    return k;
  };

  entities.forEach((e, ei) => {
    const d = e.disambiguation;
    const ambiguous = new Set((d?.aliases ?? []).map((a) => foldKey(cleanForm(a))));
    const a = e.aliases ?? {};
    const plain = [...(a.en ?? []), ...(a.other ?? [])].map(cleanForm).filter((s) => s.length > 0);
    const ru = (a.ru ?? []).map(cleanForm).filter((s) => s.length > 0);
    const ka = (a.ka ?? []).map(cleanForm).filter((s) => s.length > 0);
    const ownKeys = new Set([...plain, ...ru, ...ka].map(foldKey));
    let first: string | undefined;
    const add = (alias: string, kind: number): void => {
      const key = foldKey(alias);
      if (isDemonym(key, ownKeys) || isDescription(alias)) return;
      first ??= alias;
      addAlias(alias, ei, kind, ambiguous.has(key) ? FORM_AMBIGUOUS : 0);
    };
    for (const s of plain) add(s, ALIAS_PLAIN);
    for (const s of ru) add(s, ALIAS_RU);
    for (const s of ka) add(s, ALIAS_KA);
    names.push(first === e.name ? '' : e.name);
    if (d) {
      for (const b of d.blockers ?? []) {
        const f = cleanForm(b);
        if (f) addAlias(f, ei, ALIAS_BLOCKER, 0);
      }
      disambiguation.push([
        ei,
        d.prior,
        (d.cues ?? []).map(cue),
        (d.cueEntities ?? []).map((id) => idIndex.get(id) ?? -1).filter((i) => i >= 0),
        [...(d.against ?? []), ...(d.blockers ?? [])].map(cue),
      ]);
    }
  });
  for (const e of entities) for (const t of e.topics) indexOf(topicNames, t);
  // Each entity's topics, in order, as the digits (topic number + 1) of one integer in base T + 1.
  const base = topicNames.length + 1;
  const topics = entities.map((e) => {
    let code = 0;
    for (let k = e.topics.length - 1; k >= 0; k--) code = code * base + topicNames.indexOf(e.topics[k]!) + 1;
    if (!Number.isSafeInteger(code)) throw new Error(`entity "${e.id}" has too many topics for the compiled matcher`);
    return code;
  });
  return {
    v: 2,
    ids: entities.map((e) => (slugId(e.name) === e.id ? '' : e.id)),
    names,
    typeNames,
    types: entities.map((e) => indexOf(typeNames, e.type)),
    topicNames,
    topics,
    aliases,
    aliasInfo,
    cues,
    disambiguation,
  };
}
