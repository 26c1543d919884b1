/**
 * Hydrates a compiled matcher: expands the inflected forms of the aliases, builds the
 * alias and cue tries and wires scan, evidence and resolve together. Runs in steps
 * (`createMatcherIncremental`) or in one go (`createMatcher`).
 */
import { charFlags, foldKey, slugId, LOWER, UPPER, SKIP, SPACE } from './normalize.ts';
import { georgianForms, russianForms } from './inflect.ts';
import { buildTrieSteps } from './trie.ts';
import { scanTrie } from './scan.ts';
import { PageEvidence, decide } from './resolve.ts';
import {
  ALIAS_BLOCKER,
  ALIAS_KA,
  ALIAS_RU,
  FORM_AMBIGUOUS,
  type CompiledDisambiguation,
  type CompiledMatcher,
  type Evidence,
  type Hit,
  type Matcher,
  type MatcherBuilder,
  type MatcherEntity,
  type Mention,
} from './types.ts';

/** Short English words that look like acronyms in an ALL-CAPS headline ("TELL US"). */
const CAPS_WORDS = new Set(['us', 'it', 'as', 'at', 'in', 'on', 'or', 'an', 'am', 'be', 'do', 'go', 'he', 'me', 'my', 'no', 'of', 'so', 'to', 'up', 'we', 'is', 'by', 'if', 'all', 'and', 'any', 'are', 'can', 'did', 'gas', 'his', 'its', 'new', 'now', 'off', 'one', 'our', 'out', 'say', 'see', 'she', 'the', 'two', 'was', 'who', 'why', 'won']);

/** True when the letters around [start, end) are all capitals (a shouted headline). */
function capsContext(text: string, start: number, end: number): boolean {
  let upper = 0;
  const scan = (from: number, to: number): boolean => {
    for (let k = from; k < to; k++) {
      const f = charFlags(text.charCodeAt(k));
      if (f & LOWER) return false;
      if (f & UPPER) upper++;
    }
    return true;
  };
  return scan(Math.max(0, start - 24), start) && scan(end, Math.min(text.length, end + 24)) && upper >= 3;
}

/**
 * Case rules: every capital of the form needs a capital in the text (so "EU" never
 * matches "eu" or "Eu", "Moscow" never "moscow"); lowercase letters of the form match
 * any case (so "MOSCOW" in a headline and a sentence-initial "Six-point plan" match).
 */
function caseMatches(text: string, start: number, end: number, form: string): boolean {
  let p = 0;
  let inSpace = false;
  for (let k = start; k < end; k++) {
    const f = charFlags(text.charCodeAt(k));
    if (f & SKIP) continue;
    if (f & SPACE) {
      if (!inSpace) p++;
      inSpace = true;
      continue;
    }
    inSpace = false;
    if (charFlags(form.charCodeAt(p)) & UPPER && !(f & UPPER)) return false;
    p++;
  }
  return true;
}

/** True when a form is an acronym (capitals, no lowercase letters). */
function isAcronym(form: string): boolean {
  let upper = 0;
  for (let k = 0; k < form.length; k++) {
    const f = charFlags(form.charCodeAt(k));
    if (f & LOWER) return false;
    if (f & UPPER) upper++;
  }
  return upper >= 2;
}

/** Aliases expanded per hydration step (a Russian alias yields up to 48 forms). */
const ALIASES_PER_STEP = 48;

/** The entity table of a compiled matcher. */
function hydrateEntities(c: CompiledMatcher): MatcherEntity[] {
  const firstAlias: string[] = [];
  let e = 0;
  c.aliasInfo.forEach((info, i) => {
    e += Math.floor(info / 8);
    if ((info >> 1) % 4 !== ALIAS_BLOCKER) firstAlias[e] ??= c.aliases[i]!;
  });
  return c.ids.map((id, i) => {
    const topics: string[] = [];
    const base = c.topicNames.length + 1;
    for (let code = c.topics[i]!; code > 0; code = Math.floor(code / base)) topics.push(c.topicNames[(code % base) - 1]!);
    const name = c.names[i] || (firstAlias[i] ?? '');
    return { id: id || slugId(name), name, type: c.typeNames[c.types[i]!]!, topics };
  });
}

/** Entity ids of a compiled matcher (cheap: no trie is built). */
export function compiledEntityIds(compiled: CompiledMatcher): string[] {
  return hydrateEntities(compiled).map((e) => e.id);
}

/**
 * Hydration as a sequence of small steps (each yield is a point where the caller may
 * give the page a turn): entity table, inflected forms, the alias trie, the cue trie.
 */
function* hydrateSteps(compiled: CompiledMatcher): Generator<void, Matcher, void> {
  const entities = hydrateEntities(compiled);
  const disambiguation: CompiledDisambiguation[] = compiled.disambiguation.map(([entity, prior, cues, cueEntities, against]) => ({
    entity,
    prior,
    cues,
    cueEntities,
    against,
  }));
  yield;

  // Surface forms, in the order of the aliases and of each alias's variants.
  const formIndex = new Map<string, number>();
  const forms: string[] = [];
  const keys: string[] = [];
  const formEntities: number[][] = [];
  const formFlags: number[] = [];
  const addForm = (form: string, entity: number, flags: number): void => {
    let k = formIndex.get(form);
    if (k === undefined) {
      k = forms.length;
      formIndex.set(form, k);
      forms.push(form);
      keys.push(foldKey(form));
      formEntities.push([]);
      formFlags.push(0);
    }
    const list = formEntities[k]!;
    if (entity >= 0 && !list.includes(entity)) list.push(entity);
    formFlags[k]! |= flags;
  };
  let entity = 0;
  const { aliases, aliasInfo } = compiled;
  for (let i = 0; i < aliases.length; i++) {
    if (i > 0 && i % ALIASES_PER_STEP === 0) yield;
    const alias = aliases[i]!;
    const info = aliasInfo[i]!;
    entity += Math.floor(info / 8);
    const kind = (info >> 1) % 4;
    const flags = info & FORM_AMBIGUOUS;
    if (kind === ALIAS_BLOCKER) addForm(alias, -1, 0);
    else if (kind === ALIAS_RU) for (const v of russianForms(alias, entities[entity]?.type === 'person')) addForm(v, entity, flags);
    else if (kind === ALIAS_KA) for (const v of georgianForms(alias)) addForm(v, entity, flags);
    else addForm(alias, entity, flags);
  }
  // A form shared by two entities needs context whatever the packs say.
  formEntities.forEach((list, k) => {
    if (list.length > 1) formFlags[k]! |= FORM_AMBIGUOUS;
  });
  const caps = forms.map((f, i) => isAcronym(f) && CAPS_WORDS.has(keys[i]!));
  yield;

  const trie = yield* buildTrieSteps(keys, keys.map((_, i) => i));
  yield;
  const cueTrie = yield* buildTrieSteps(compiled.cues, compiled.cues.map((_, i) => i));

  const accept = (outputs: number[], start: number, end: number, text: string): Hit | undefined => {
    let hit: Hit | undefined;
    for (const form of outputs) {
      if (!caseMatches(text, start, end, forms[form]!)) continue;
      if (caps[form] && capsContext(text, start, end)) continue;
      const list = formEntities[form]!;
      if (!hit) {
        hit = { start, end, candidates: [...list], ambiguous: (formFlags[form]! & FORM_AMBIGUOUS) !== 0, form };
      } else {
        for (const e of list) if (!hit.candidates.includes(e)) hit.candidates.push(e);
        if (formFlags[form]! & FORM_AMBIGUOUS) hit.ambiguous = true;
      }
    }
    if (hit && hit.candidates.length > 1) hit.ambiguous = true;
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
    const hits: Hit[] = [];
    scanTrie(
      trie,
      text,
      (outputs, start, end) => accept(outputs, start, end, text),
      (_s, _e, hit) => {
        // Blockers (no candidates) consume their span and mark nothing.
        if (hit.candidates.length > 0) hits.push(hit);
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
    scanTrie(cueTrie, text, (outputs) => outputs, (_s, _e, cues) => {
      for (const c of cues) found(c);
    });
  });

  const resolve = (hit: Hit, evidence: Evidence): number => {
    if (!hit.ambiguous) return hit.candidates[0] ?? -1;
    if (hit.continued) return -1;
    return decide(hit, evidence as PageEvidence);
  };

  const findMentions = (text: string, opts?: { title?: string }): Mention[] => {
    const ev = createEvidence();
    if (opts?.title) {
      ev.addText(opts.title);
      ev.addHits(scan(opts.title));
    }
    const hits = scan(text);
    ev.addText(text);
    ev.addHits(hits);
    const out: Mention[] = [];
    for (const h of hits) {
      const e = resolve(h, ev);
      if (e < 0) continue;
      const ent = entities[e]!;
      out.push({ start: h.start, end: h.end, text: text.slice(h.start, h.end), entity: ent.id, name: ent.name, type: ent.type });
    }
    return out;
  };

  return { entities, forms, scan, createEvidence, resolve, findMentions };
}

/**
 * Starts hydrating a compiled matcher in small steps (see `MatcherBuilder`): the content
 * script drives it inside its time slices, so the page never waits on one long block.
 */
export function createMatcherIncremental(compiled: CompiledMatcher): MatcherBuilder {
  const steps = hydrateSteps(compiled);
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

/** Hydrates a compiled matcher in one go (Node callers: CLI, evaluation, tests). */
export function createMatcher(compiled: CompiledMatcher): Matcher {
  return createMatcherIncremental(compiled).matcher();
}
