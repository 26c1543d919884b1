/**
 * Entities → the compact, JSON-serialisable matcher. Runs at build time for the bundled
 * packs and in the page for user-imported packs, so it stays small and fast.
 */
import type { Entity } from '../facts/types.ts';
import { cleanForm, foldKey } from './normalize.ts';
import { georgianForms, russianForms } from './inflect.ts';
import { FORM_AMBIGUOUS, type CompiledDisambiguation, type CompiledMatcher } from './types.ts';

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
  const formIndex = new Map<string, number>();
  const forms: string[] = [];
  const formEntities: number[][] = [];
  const formFlags: number[] = [];
  const cueIndex = new Map<string, number>();
  const cues: string[] = [];
  const disambiguation: CompiledDisambiguation[] = [];
  const idIndex = new Map(entities.map((e, i) => [e.id, i]));

  const addForm = (form: string, entity: number, flags: number): void => {
    let k = formIndex.get(form);
    if (k === undefined) {
      k = forms.length;
      formIndex.set(form, k);
      forms.push(form);
      formEntities.push([]);
      formFlags.push(0);
    }
    const list = formEntities[k]!;
    if (entity >= 0 && !list.includes(entity)) list.push(entity);
    formFlags[k]! |= flags;
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
    const person = e.type === 'person';
    const add = (alias: string, variants: string[]): void => {
      const key = foldKey(alias);
      if (isDemonym(key, ownKeys) || isDescription(alias)) return;
      const flags = ambiguous.has(key) ? FORM_AMBIGUOUS : 0;
      for (const v of variants) addForm(v, ei, flags);
    };
    for (const s of plain) add(s, [s]);
    for (const s of ru) add(s, russianForms(s, person));
    for (const s of ka) add(s, georgianForms(s));
    if (d) {
      for (const b of d.blockers ?? []) {
        const f = cleanForm(b);
        if (f) addForm(f, -1, 0);
      }
      disambiguation.push({
        entity: ei,
        prior: d.prior,
        cues: (d.cues ?? []).map(cue),
        cueEntities: (d.cueEntities ?? []).map((id) => idIndex.get(id) ?? -1).filter((i) => i >= 0),
        against: [...(d.against ?? []), ...(d.blockers ?? [])].map(cue),
      });
    }
  });
  // A form shared by two entities needs context whatever the packs say.
  formEntities.forEach((list, k) => {
    if (list.length > 1) formFlags[k]! |= FORM_AMBIGUOUS;
  });
  return {
    v: 1,
    entities: entities.map((e) => ({ id: e.id, name: e.name, type: e.type, topics: [...e.topics] })),
    forms,
    formEntities,
    formFlags,
    cues,
    disambiguation,
  };
}
