/**
 * Entities → the compiled, JSON-serialisable matcher: the cleaned and filtered aliases,
 * their declined forms (forms.ts) and the automata over forms and cue words (radix.ts).
 * Runs at build time for the bundled packs and in the options page and the content script
 * for user-imported packs.
 */
import type { Entity, EntityType } from '../facts/types.ts';
import { cleanForm, foldKey, packCharTable } from './normalize.ts';
import { expandForms, packForms, storableKey } from './forms.ts';
import { kaEndings, russianForms } from './inflect.ts';
import { buildRadix } from './radix.ts';
import { cueKey } from './case-rules.ts';
import { ALIAS_BLOCKER, ALIAS_KA, ALIAS_PLAIN, ALIAS_RU, ALIAS_SURNAME_BIT, FORM_AMBIGUOUS, type CompiledMatcher } from './types.ts';

/** Adjectives and demonyms that are never names on their own, whatever a pack says. */
const DEMONYM = /^(russian|georgian|abkhaz|abkhazian|ossetian|ossete|swiss|american|european|soviet|ukrainian|armenian|azerbaijani|caucasian)s?$/;

/** True when a single-word alias is only an adjective or demonym ("Russian", "Georgians"). */
function isDemonym(key: string, ownKeys: ReadonlySet<string>): boolean {
  if (key.includes(' ')) return false;
  if (DEMONYM.test(key)) return true;
  // "Abkhazian" beside "Abkhazia", "Ossetians" beside "Ossetia".
  // Only a name ending in "a" takes a bare "n": "Georgien" is German for the country, not a
  // demonym of the French "Géorgie".
  return ['n', 'ns', 'an', 'ans'].some((suf) => {
    const stem = key.slice(0, -suf.length);
    return key.endsWith(suf) && stem.length >= 4 && (suf.startsWith('a') || stem.endsWith('a')) && ownKeys.has(stem);
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
  // "the Abkhaz foreign ministry", "the Georgian parliament": one body, named by the press so.
  if (words.some((w) => INSTITUTION.test(w))) return false;
  return words.slice(1).every((w) => w === w.toLowerCase());
}

/**
 * The other way the press spaces a dash in a name: "Unity – National Movement" is also
 * printed "Unity–National Movement", and "Самегрело-Земо Сванети" also "Самегрело - Земо
 * Сванети" (a hyphen inside a word keeps its form: "Shida-Kartli"). Null when it has no such dash.
 */
export function dashSpacing(alias: string): string | null {
  if (/\s[-–—]\s/.test(alias)) return alias.replace(/\s([-–—])\s/g, '$1');
  if (/[^\s–—-][–—][^\s–—-]/.test(alias)) return alias.replace(/([^\s–—-])([–—])(?=[^\s–—-])/g, '$1 $2 ');
  return null;
}

/** Nouns that make "<demonym> … <noun>" the name of one body rather than a description. */
const INSTITUTION = /^(ministry|parliament|church|patriarchate)$/;

/**
 * A word that can be a surname on its own: starts with a capital (or a Georgian letter), 3+
 * letters, no digits. Made on first use (a page compiles names only for imported packs, and
 * a Unicode property class costs a frame a fraction of a millisecond to build).
 */
let surnameWord: RegExp | undefined;

/**
 * The name forms of a person derived from their full names, per list: the bare surname
 * (the last word of a multi-word name) and, for a Russian "Имя Отчество Фамилия", the
 * "Имя Фамилия" the press writes. Returns [form, isSurname] pairs not already in `list`.
 */
export function derivedPersonNames(list: readonly string[], russian: boolean): [string, boolean][] {
  const have = new Set(list.map(foldKey));
  const out: [string, boolean][] = [];
  const add = (form: string, surname: boolean): void => {
    const key = foldKey(form);
    if (have.has(key)) return;
    have.add(key);
    out.push([form, surname]);
  };
  for (const alias of list) {
    const words = alias.split(' ');
    // "de Gaulle", "von der Leyen": a lower-case particle belongs to the surname; no bare form
    // (Georgian Mkhedruli letters are lower case and have no such particles).
    if (words.length < 2 || words.some((w) => /^\p{Ll}/u.test(w) && !/^[\u10d0-\u10ff]/.test(w))) continue;
    const last = words[words.length - 1]!;
    if (russian && words.length === 3 && /(вич|вна|ична|ич)$/.test(words[1]!)) add(`${words[0]} ${last}`, false);
    if ((surnameWord ??= /^(?:\p{Lu}[\p{L}'’-]{2,}|[\u10d0-\u10ff]{3,})$/u).test(last)) add(last, true);
  }
  return out;
}

/** The aliases of a set of entities, cleaned and filtered, with their cue words and disambiguation records. */
interface CompiledAliases {
  /** Aliases (cleaned: whitespace-normalised, original case) in entity order, blockers in their place. */
  aliases: string[];
  /**
   * Per alias: `(entity step) * 16 + surname * 8 + kind * 2 + ambiguous`, where the entity
   * step is the entity number minus that of the previous alias (the first counts from 0),
   * `surname` is 1 for a person's bare surname (typed or derived), `kind` is one of
   * ALIAS_PLAIN/RU/KA/BLOCKER and `ambiguous` is `FORM_AMBIGUOUS`.
   */
  aliasInfo: number[];
  /** Cue words and phrases, folded (Russian and Georgian ones as stems: `cueKey`). */
  cues: string[];
  /** `CompiledMatcher.cueStems`. */
  cueStems: string;
  disambiguation: CompiledMatcher['disambiguation'];
}

function compileAliases(entities: readonly Entity[]): CompiledAliases {
  const aliases: string[] = [];
  const aliasInfo: number[] = [];
  const cueIndex = new Map<string, number>();
  const cues: string[] = [];
  const disambiguation: CompiledMatcher['disambiguation'] = [];
  const idIndex = new Map(entities.map((e, i) => [e.id, i]));
  let lastEntity = 0;

  const addAlias = (alias: string, entity: number, kind: number, flags: number): void => {
    aliases.push(alias);
    aliasInfo.push((entity - lastEntity) * 16 + kind * 2 + flags);
    lastEntity = entity;
  };
  // Keys of every typed alias: a derived surname that is another entity's name is left out.
  const typedKeys = new Map<string, number>();
  entities.forEach((e, ei) => {
    const a = e.aliases ?? {};
    for (const s of [...(a.en ?? []), ...(a.other ?? []), ...(a.ru ?? []), ...(a.ka ?? [])]) {
      const key = foldKey(cleanForm(s));
      const prev = typedKeys.get(key);
      typedKeys.set(key, prev === undefined || prev === ei ? ei : -1);
    }
  });
  const cueStems: boolean[] = [];
  const cue = (s: string): number => {
    const { key, stem } = cueKey(foldKey(cleanForm(s)));
    let k = cueIndex.get(key);
    if (k === undefined) {
      k = cues.length;
      cueIndex.set(key, k);
      cues.push(key);
      cueStems.push(stem);
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
    const person = e.type === 'person';
    // A person's single-word alias that ends one of their full names is a bare surname.
    const lastWords = new Set([...plain, ...ru, ...ka].filter((s) => s.includes(' ')).map((s) => foldKey(s.slice(s.lastIndexOf(' ') + 1))));
    const add = (alias: string, kind: number, derived = false): void => {
      const key = foldKey(alias);
      if (isDemonym(key, ownKeys) || isDescription(alias)) return;
      const surname = person && !alias.includes(' ') && (derived || lastWords.has(key));
      const flags = (ambiguous.has(key) ? FORM_AMBIGUOUS : 0) | (surname ? ALIAS_SURNAME_BIT : 0);
      addAlias(alias, ei, kind, flags);
      const other = dashSpacing(alias);
      if (other) addAlias(other, ei, kind, flags);
    };
    const derive = (list: string[], kind: number): void => {
      if (!person) return;
      for (const [form, surname] of derivedPersonNames(list, kind === ALIAS_RU)) {
        const owner = typedKeys.get(foldKey(form));
        if (owner !== undefined && owner !== ei) continue;
        if (surname) add(form, kind, true);
        else add(form, kind);
      }
    };
    for (const s of plain) add(s, ALIAS_PLAIN);
    derive(plain, ALIAS_PLAIN);
    for (const s of ru) add(s, ALIAS_RU);
    derive(ru, ALIAS_RU);
    for (const s of ka) add(s, ALIAS_KA);
    derive(ka, ALIAS_KA);
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
  return { aliases, aliasInfo, cues, cueStems: cueStems.map((b) => (b ? '1' : '0')).join(''), disambiguation };
}

/**
 * Compiles entities into the serialisable matcher (`CompiledMatcher`) without its sieve:
 * what a content script compiling the reader's imported packs in every frame, and the
 * options page's compile check, need (building the sieve classifies every UTF-16 code unit, a
 * fraction of a second cold, and its code stays out of content.js). The scan then reads every
 * word start, with the same names. `compileMatcher` (compile-matcher.ts) adds the sieve.
 */
export function compileMatcherWithoutSieve(entities: readonly Entity[]): CompiledMatcher {
  const { aliases, aliasInfo, cues, cueStems, disambiguation } = compileAliases(entities);
  const typeNames: EntityType[] = [];
  const topicNames: string[] = [];
  const indexOf = <T>(list: T[], x: T): number => {
    let k = list.indexOf(x);
    if (k < 0) k = list.push(x) - 1;
    return k;
  };
  for (const e of entities) for (const t of e.topics) indexOf(topicNames, t);
  // Each entity's topics, in order, as the digits (topic number + 1) of one integer in base T + 1.
  const base = topicNames.length + 1;
  const topics = entities.map((e) => {
    let code = 0;
    for (let k = e.topics.length - 1; k >= 0; k--) code = code * base + topicNames.indexOf(e.topics[k]!) + 1;
    if (!Number.isSafeInteger(code)) throw new Error(`entity "${e.id}" has too many topics for the compiled matcher`);
    return code;
  });
  const forms = packForms(
    expandForms(aliases, aliasInfo, (e) => entities[e]?.type === 'person'),
    entities.length,
  );
  const cueOrder = cues.flatMap((c, i) => (storableKey(c) ? [i] : [])).sort((a, b) => (cues[a]! < cues[b]! ? -1 : 1));
  return {
    v: 4,
    ids: entities.map((e) => e.id),
    names: entities.map((e) => e.name),
    typeNames,
    types: entities.map((e) => indexOf(typeNames, e.type)),
    topicNames,
    topics,
    forms,
    cues: buildRadix(
      cueOrder.map((i) => cues[i]!),
      cueOrder,
    ),
    cueStems,
    disambiguation,
    world: entities.flatMap((e, i) => (e.scope === 'world' ? [i] : [])),
    distinctive: entities.flatMap((e, i) => (e.type === 'person' && e.distinctiveSurname ? [i] : [])),
    givenNames: givenNamesOf(entities),
    chars: packCharTable(),
  };
}

/** Words that open a person's display name without being a given name ("Patriarch Kirill"). */
const NOT_GIVEN = new Set(['patriarch', 'патриарх', 'პატრიარქი']);

/**
 * The given names of the people among `entities` (`CompiledMatcher.givenNames`): the first word
 * of each display name in English, Russian (in every case) and Georgian.
 */
function givenNamesOf(entities: readonly Entity[]): string {
  const given = new Map<string, number[]>();
  entities.forEach((e, i) => {
    if (e.type !== 'person') return;
    for (const [name, ru] of [
      [e.name, false],
      [e.i18n?.ru?.name, true],
      [e.i18n?.ka?.name, false],
    ] as const) {
      const clean = name ? cleanForm(name) : '';
      if (!clean.includes(' ')) continue;
      for (const form of ru ? russianForms(clean, true) : [clean]) {
        const key = foldKey(form.slice(0, form.indexOf(' ')));
        if (key.length < 2 || NOT_GIVEN.has(key)) continue;
        const list = given.get(key) ?? [];
        if (!list.includes(i)) list.push(i);
        given.set(key, list);
      }
    }
  });
  return [...given]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, list]) => `${k}\t${list.join(',')}`)
    .join('\n');
}

/**
 * Every surface form of the entities' names, spelled out (Georgian endings included): what
 * the automaton matches, for tools and for the benchmark's other engines.
 */
export function surfaceForms(entities: readonly Entity[]): string[] {
  const { aliases, aliasInfo } = compileAliases(entities);
  const out = new Set<string>();
  for (const f of expandForms(aliases, aliasInfo, (e) => entities[e]?.type === 'person')) for (const e of kaEndings(f.stem)) out.add(f.text + e);
  return [...out];
}
