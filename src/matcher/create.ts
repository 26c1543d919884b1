/**
 * Hydrates a compiled matcher: expands the inflected forms of the aliases, builds the
 * alias and cue tries and wires scan, evidence and resolve together. Runs in steps
 * (`createMatcherIncremental`) or in one go (`createMatcher`).
 */
import { charFlags, foldChar, foldKey, scriptGroup, GROUP_CHARS, GROUP_OTHER, LOWER, SCRIPT_GROUPS, UPPER } from './normalize.ts';
import { georgianForms, russianForms } from './inflect.ts';
import { buildTrieSteps, type Trie } from './trie.ts';
import { scanTrie } from './scan.ts';
import { PageEvidence, decide } from './resolve.ts';
import {
  ALIAS_BLOCKER,
  ALIAS_KA,
  ALIAS_RU,
  FORM_AMBIGUOUS,
  FORM_FULL,
  type CompiledDisambiguation,
  type CompiledMatcher,
  type Evidence,
  type Hit,
  type Matcher,
  type MatcherBuilder,
  type Mention,
} from './types.ts';

import { CAPS_WORDS, capsContext, caseMatches, formFlagsOf, countLetters, georgianSuffixEnd, isAcronym, placeSuffixEnd, SCRIPT_MIN_LETTERS, titleBefore } from './case-rules.ts';
import { hydrateEntities } from './entities.ts';

export { compiledEntityIds } from './entities.ts';

/** Uninflected aliases added per hydration step. */
const PLAIN_ALIASES_PER_STEP = 64;
/** Russian or Georgian aliases inflected per step (a Russian alias yields up to 48 forms). */
const INFLECTED_ALIASES_PER_STEP = 8;

/**
 * Hydration as a sequence of small steps (each yield is a point where the caller may
 * give the page a turn): entity table, the forms of the uninflected aliases, the cue
 * trie and the alias trie of the Latin (and other) names. The Russian and Georgian forms
 * and their tries are built later, by `hydrateStep`, once a page shows it has text in
 * that script (`missing`): most pages never pay for them. Unless `lazy` is false: then
 * every script is built before the matcher is returned.
 */
function* hydrateSteps(compiled: CompiledMatcher, lazy: boolean): Generator<void, Matcher, void> {
  const entities = hydrateEntities(compiled);
  const distinctive = new Set(compiled.distinctive);
  const disambiguation: CompiledDisambiguation[] = compiled.disambiguation.map(([entity, prior, cues, cueEntities, against]) => ({
    entity,
    prior,
    cues,
    cueEntities,
    against,
  }));
  yield;

  // Surface forms, in the order they were expanded.
  const formIndex = new Map<string, number>();
  const forms: string[] = [];
  const keys: string[] = [];
  const formEntities: number[][] = [];
  const formFlags: number[] = [];
  const caps: boolean[] = [];
  /** Per script group: the forms whose key starts in it. */
  const groupForms: number[][] = Array.from({ length: SCRIPT_GROUPS }, () => []);
  const addForm = (form: string, entity: number, flags: number): void => {
    let k = formIndex.get(form);
    if (k === undefined) {
      k = forms.length;
      formIndex.set(form, k);
      forms.push(form);
      const key = foldKey(form);
      keys.push(key);
      formEntities.push([]);
      formFlags.push(0);
      caps.push(isAcronym(form) && CAPS_WORDS.has(key));
      groupForms[scriptGroup(key.charCodeAt(0))]!.push(k);
    }
    const list = formEntities[k]!;
    if (entity >= 0 && !list.includes(entity)) list.push(entity);
    formFlags[k]! |= flags;
  };

  // Aliases to inflect, per group of their first letter: [alias index, entity].
  const deferred: [number, number][][] = Array.from({ length: SCRIPT_GROUPS }, () => []);
  let entity = 0;
  const { aliases, aliasInfo } = compiled;
  for (let i = 0; i < aliases.length; i++) {
    if (i > 0 && i % PLAIN_ALIASES_PER_STEP === 0) yield;
    const alias = aliases[i]!;
    const info = aliasInfo[i]!;
    entity += Math.floor(info / 16);
    const kind = (info >> 1) % 4;
    if (kind === ALIAS_BLOCKER) addForm(alias, -1, 0);
    else if (kind === ALIAS_RU || kind === ALIAS_KA) deferred[scriptGroup(foldChar(alias.charCodeAt(0)))]!.push([i, entity]);
    else addForm(alias, entity, formFlagsOf(info));
  }
  yield;
  const cueTrie = yield* buildTrieSteps(compiled.cues, compiled.cues.map((_, i) => i));

  /** One group's trie, in steps: its deferred aliases inflected, then the trie of its forms. */
  function* groupSteps(group: number): Generator<void, Trie, void> {
    const list = deferred[group]!;
    for (let d = 0; d < list.length; d++) {
      if (d > 0 && d % INFLECTED_ALIASES_PER_STEP === 0) yield;
      const [i, e] = list[d]!;
      const alias = aliases[i]!;
      const info = aliasInfo[i]!;
      const flags = formFlagsOf(info);
      const variants = (info >> 1) % 4 === ALIAS_RU ? russianForms(alias, entities[e]?.type === 'person') : georgianForms(alias);
      for (const v of variants) addForm(v, e, flags);
    }
    const own = groupForms[group]!;
    // A form shared by two entities needs context whatever the packs say.
    for (const k of own) if (formEntities[k]!.length > 1) formFlags[k]! |= FORM_AMBIGUOUS;
    yield;
    return yield* buildTrieSteps(
      own.map((k) => keys[k]!),
      own,
    );
  }

  const tries: (Trie | null)[] = Array.from({ length: SCRIPT_GROUPS }, () => null);
  tries[GROUP_OTHER] = yield* groupSteps(GROUP_OTHER);
  if (!lazy) for (let g = 0; g < SCRIPT_GROUPS; g++) tries[g] ??= yield* groupSteps(g);
  /** Groups asked for by `missing`, and the steps of the one being built. */
  const wanted = new Set<number>();
  let building: { group: number; steps: Generator<void, Trie, void> } | null = null;
  /** Letters of one group, and of every group not built yet (null once all are). */
  const patterns = tries.map((_, g) => (GROUP_CHARS[g] ? new RegExp(`[${GROUP_CHARS[g]}]`) : null));
  let unbuilt: RegExp | null | undefined;
  /** Letters of each unbuilt script group seen so far. */
  const letters: number[] = Array.from({ length: SCRIPT_GROUPS }, () => 0);
  /** The last text found to need nothing (scan right after the scanner's own check is free). */
  let lastClear: string | null = null;

  /** Whether `text` has letters of a script group not built yet (and asks for them). */
  const missing = (text: string): boolean => {
    if (text === lastClear) return false;
    if (unbuilt === undefined) {
      const ranges = tries.map((t, g) => (t ? '' : (GROUP_CHARS[g] ?? ''))).join('');
      unbuilt = ranges ? new RegExp(`[${ranges}]`) : null;
    }
    if (!unbuilt) return false;
    // Most texts need none: one pass finds out. Else each unbuilt group counts its letters and is built once the
    // page has shown a few words of it (not for a language menu's "Русский" or "ქართული", a Georgian page's forms).
    if (unbuilt.test(text)) {
      for (let g = 0; g < SCRIPT_GROUPS; g++) if (!tries[g] && !wanted.has(g) && (letters[g]! += countLetters(patterns[g], text)) >= SCRIPT_MIN_LETTERS) wanted.add(g);
    }
    const found = tries.some((t, g) => !t && wanted.has(g));
    lastClear = found ? null : text;
    return found;
  };

  /** One small unit of building the wanted groups; true while some remain. */
  const hydrateStep = (): boolean => {
    if (!building) {
      const next = [...wanted].sort((x, y) => x - y).find((g) => !tries[g]);
      if (next === undefined) return false;
      building = { group: next, steps: groupSteps(next) };
    }
    const r = building.steps.next();
    if (r.done) {
      tries[building.group] = r.value;
      wanted.delete(building.group);
      building = null;
      unbuilt = undefined;
      return [...wanted].some((g) => !tries[g]);
    }
    return true;
  };

  const pickAlias = (c: number): Trie | null => tries[scriptGroup(c)] ?? null;
  const pickCue = (): Trie => cueTrie;

  const accept = (outputs: number[], start: number, end: number, text: string): Hit | undefined => {
    let hit: Hit | undefined;
    let full = false;
    for (const form of outputs) {
      if (!caseMatches(text, start, end, forms[form]!)) continue;
      if (caps[form] && capsContext(text, start, end)) continue;
      const list = formEntities[form]!;
      if (formFlags[form]! & FORM_FULL) full = true;
      if (!hit) {
        hit = { start, end, candidates: [...list], ambiguous: (formFlags[form]! & FORM_AMBIGUOUS) !== 0, form };
      } else {
        for (const e of list) if (!hit.candidates.includes(e)) hit.candidates.push(e);
        if (formFlags[form]! & FORM_AMBIGUOUS) hit.ambiguous = true;
      }
    }
    if (hit && hit.candidates.length > 1) hit.ambiguous = true;
    // A bare surname alone, of a person whose surname is not distinctive and with no title before it: the page must name them in full.
    if (hit && !full && hit.candidates.length > 0 && !hit.candidates.every((c) => distinctive.has(c)) && !titleBefore(text, start)) hit.surname = true;
    return hit;
  };

  /** Start of a capitalised word (Xx…) right after `end` on the same line, or -1. */
  const nextCapitalised = (text: string, end: number): number => {
    let k = end;
    if (text.charCodeAt(k) !== 0x20 && text.charCodeAt(k) !== 0xa0) return -1;
    k++;
    if (!(charFlags(text.charCodeAt(k)) & UPPER)) return -1;
    return charFlags(text.charCodeAt(k + 1)) & LOWER ? k : -1;
  };

  const scan = (text: string): Hit[] => {
    // Correct first: a script not built yet is built now (the content script asks
    // `missing` beforehand and builds in slices, so this is for the other callers).
    if (missing(text)) while (hydrateStep());
    const hits: Hit[] = [];
    scanTrie(
      pickAlias,
      text,
      (outputs, start, end) => accept(outputs, start, end, text),
      (_s, _e, hit) => {
        // Blockers (no candidates) consume their span and mark nothing.
        if (hit.candidates.length === 0) return;
        hit.end = georgianSuffixEnd(text, hit.end);
        if (hit.candidates.every((c) => entities[c]?.type === 'place')) hit.end = placeSuffixEnd(text, hit.end);
        hits.push(hit);
      },
    );
    for (let i = 0; i < hits.length; i++) {
      const h = hits[i]!;
      if (!h.ambiguous) continue;
      const next = nextCapitalised(text, h.end);
      if (next >= 0 && hits[i + 1]?.start !== next) h.continued = true;
    }
    return hits;
  };

  const createEvidence = (): Evidence => new PageEvidence(disambiguation, (text, found) => {
    scanTrie(pickCue, text, (outputs) => outputs, (_s, _e, cues) => {
      for (const c of cues) found(c);
    });
  });

  const resolve = (hit: Hit, evidence: Evidence): number => {
    if (!hit.ambiguous && hit.surname) return (evidence as PageEvidence).seen.has(hit.candidates[0]!) ? hit.candidates[0]! : -1;
    if (!hit.ambiguous) return hit.candidates[0] ?? -1;
    if (hit.continued) return -1;
    return decide(hit, evidence as PageEvidence);
  };

  const findMentions = (text: string, opts?: { title?: string; markWorldEverywhere?: boolean }): Mention[] => {
    const ev = createEvidence();
    if (opts?.title) {
      ev.addText(opts.title);
      ev.addHits(scan(opts.title));
    }
    const hits = scan(text);
    ev.addText(text);
    ev.addHits(hits);
    const out: Mention[] = [];
    let region = false;
    for (const h of hits) {
      const e = resolve(h, ev);
      if (e < 0) continue;
      const ent = entities[e]!;
      out.push({ start: h.start, end: h.end, text: text.slice(h.start, h.end), entity: ent.id, name: ent.name, type: ent.type });
      if (ent.scope !== 'world') region = true;
    }
    // As on a page: world-level names only beside a name of the region.
    if (opts?.markWorldEverywhere || region) return out;
    return [];
  };

  return { entities, forms, scan, missing, hydrateStep, createEvidence, resolve, findMentions };
}

/**
 * Starts hydrating a compiled matcher in small steps (see `MatcherBuilder`): the content
 * script drives it inside its time slices, so the page never waits on one long block.
 */
export function createMatcherIncremental(compiled: CompiledMatcher, opts: { lazyScripts?: boolean } = {}): MatcherBuilder {
  const steps = hydrateSteps(compiled, opts.lazyScripts ?? true);
  let result: Matcher | null = null;
  const step = (deadline: number): boolean => {
    while (!result) {
      const r = steps.next();
      if (r.done) result = r.value;
      else if (performance.now() >= deadline) break;
    }
    return !result;
  };
  return {
    step,
    get done() {
      return result !== null;
    },
    matcher() {
      step(Infinity);
      return result!;
    },
  };
}

/** Hydrates a compiled matcher in one go, every script included (Node callers: CLI, evaluation, tests). */
export function createMatcher(compiled: CompiledMatcher): Matcher {
  return createMatcherIncremental(compiled, { lazyScripts: false }).matcher();
}
