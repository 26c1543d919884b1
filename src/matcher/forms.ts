/**
 * Aliases → surface forms → the stored form table and automaton (compile time). Russian
 * aliases are declined in full; Georgian ones become stems whose endings the scan checks
 * (inflect.ts). Forms are numbered in the order of their folded keys, so the forms of one
 * key are neighbours and the automaton stores only the first.
 */
import { CAPS_WORDS, formFlagsOf, isAcronym } from './case-rules.ts';
import { georgianStems, KA_WHOLE, russianForms } from './inflect.ts';
import { charFlags, foldChar, foldKey, scriptGroup, SCRIPT_GROUPS, UPPER } from './normalize.ts';
import { packInts } from './packed.ts';
import { buildRadix } from './radix.ts';
import { ALIAS_BLOCKER, ALIAS_KA, ALIAS_RU, FORM_AMBIGUOUS, FORM_CAPS, FORM_NEXT_SAME, FORM_STEM_SHIFT, type CompiledForms } from './types.ts';

/** One surface form while the table is built. */
interface Form {
  text: string;
  key: string;
  /** KA_WHOLE, or the Georgian stem class. */
  stem: number;
  entities: number[];
  flags: number;
}

/** Whether a key can go into the automaton: not empty, no NUL, no surrogate (an astral character; storage would mangle it). */
export function storableKey(key: string): boolean {
  if (key.length === 0) return false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c === 0 || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}

/** The surface forms of compiled aliases, in the order the page used to expand them (plain first, then each script's declined ones). */
export function expandForms(aliases: readonly string[], aliasInfo: readonly number[], isPerson: (entity: number) => boolean): Form[] {
  const byId = new Map<string, Form>();
  const forms: Form[] = [];
  const add = (text: string, stem: number, entity: number, flags: number): void => {
    const id = `${stem}\u0000${text}`;
    let f = byId.get(id);
    if (!f) {
      f = { text, key: foldKey(text), stem, entities: [], flags: 0 };
      byId.set(id, f);
      forms.push(f);
    }
    if (entity >= 0 && !f.entities.includes(entity)) f.entities.push(entity);
    f.flags |= flags;
  };
  const deferred: [number, number][][] = Array.from({ length: SCRIPT_GROUPS }, () => []);
  let entity = 0;
  aliases.forEach((alias, i) => {
    const info = aliasInfo[i]!;
    entity += Math.floor(info / 16);
    const kind = (info >> 1) % 4;
    if (kind === ALIAS_BLOCKER) add(alias, KA_WHOLE, -1, 0);
    else if (kind === ALIAS_RU || kind === ALIAS_KA) deferred[scriptGroup(foldChar(alias.charCodeAt(0)))]!.push([i, entity]);
    else add(alias, KA_WHOLE, entity, formFlagsOf(info));
  });
  for (const list of deferred) {
    for (const [i, e] of list) {
      const alias = aliases[i]!;
      const info = aliasInfo[i]!;
      const flags = formFlagsOf(info);
      if ((info >> 1) % 4 === ALIAS_RU) for (const v of russianForms(alias, isPerson(e))) add(v, KA_WHOLE, e, flags);
      else for (const [stem, kind] of georgianStems(alias, isPerson(e))) add(stem, kind, e, flags);
    }
  }
  for (const f of forms) {
    // A form shared by two entities needs context whatever the packs say.
    if (f.entities.length > 1) f.flags |= FORM_AMBIGUOUS;
    if (isAcronym(f.text) && CAPS_WORDS.has(f.key)) f.flags |= FORM_CAPS;
  }
  // A key with an astral character or NUL cannot be stored (and no text would match it).
  return forms.filter((f) => storableKey(f.key));
}

/** The stored form table and automaton of `forms` (see `CompiledForms`). */
export function packForms(forms: readonly Form[], entityCount: number): CompiledForms {
  const order = forms
    .map((_, i) => i)
    .sort((a, b) => {
      const ka = forms[a]!.key;
      const kb = forms[b]!.key;
      return ka < kb ? -1 : ka > kb ? 1 : a - b;
    });
  const entity: number[] = [];
  const flags: number[] = [];
  const capStart: number[] = [];
  const caps: number[] = [];
  const lists: number[][] = [];
  const keys: string[] = [];
  const firstForm: number[] = [];
  order.forEach((fi, k) => {
    const f = forms[fi]!;
    const next = order[k + 1];
    entity.push(f.entities.length === 0 ? 0 : f.entities.length === 1 ? f.entities[0]! + 1 : entityCount + 1 + lists.push(f.entities) - 1);
    flags.push(f.flags | (f.stem << FORM_STEM_SHIFT) | (next !== undefined && forms[next]!.key === f.key ? FORM_NEXT_SAME : 0));
    capStart.push(caps.length);
    for (let p = 0; p < f.text.length; p++) if (charFlags(f.text.charCodeAt(p)) & UPPER) caps.push(p);
    if (keys[keys.length - 1] !== f.key) {
      keys.push(f.key);
      firstForm.push(k);
    }
  });
  capStart.push(caps.length);
  return {
    count: order.length,
    entity: packInts(entity),
    flags: packInts(flags),
    capStart: packInts(capStart),
    caps: packInts(caps),
    lists,
    trie: buildRadix(keys, firstForm),
  };
}
