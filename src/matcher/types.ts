/**
 * Public types of the matcher. Pure data: no DOM, no browser API.
 */
import type { EntityScope, EntityType } from '../facts/types.ts';
import type { PackedInts } from './packed.ts';
import type { PackedRadix } from './radix.ts';
import type { CompiledCueSieve, CompiledSieve } from './sieve.ts';

/** The fields of an entity the page needs to label a mention (index = entity number). */
/**
 * `Matcher.nameProbe`: whether a page (title, then its text run together, in parts) may name
 * an entity a test wants. A name that is marked whatever else the page says (unambiguous, not
 * a bare surname) is a yes at once. A name the page's evidence decides (ambiguous: "Georgia",
 * "Formula") is a yes only if that entity could win with all the evidence the page may hold:
 * every entity and cue word a lenient read of the whole text found (`couldWin`). Never false
 * where a walk of the same page finds a wanted entity (with the exceptions of `mayName`).
 */
export interface NameProbe {
  /** Reads the next part: true once the page surely may name a wanted entity. */
  add(text: string): boolean;
  /** After the last part: whether it may. */
  decided(): boolean;
}

export interface MatcherEntity {
  id: string;
  name: string;
  type: EntityType;
  topics: string[];
  /** `world` names are marked only on a page that names something of the region. */
  scope: EntityScope;
}

/** Disambiguation of one entity (hydrated), with cues as indices into `CompiledMatcher.cues`. */
export interface CompiledDisambiguation {
  /** Entity number. */
  entity: number;
  /** Prior probability (0–1) that an ambiguous alias means this entity with no context. */
  prior: number;
  /** Cue numbers that support this reading. */
  cues: number[];
  /** Entity numbers whose presence on the page supports this reading. */
  cueEntities: number[];
  /** Cue numbers that point to another sense. */
  against: number[];
}

/** Alias kinds (bits 1–2 of an alias's info word, see `compile.ts`): how an alias is expanded into surface forms. */
export const ALIAS_PLAIN = 0;
/** Russian: declined with `russianForms`. */
export const ALIAS_RU = 1;
/** Georgian: stems with case and postposition endings, `georgianStems`. */
export const ALIAS_KA = 2;
/** A blocker: a longer non-entity name that consumes its span and marks nothing. */
export const ALIAS_BLOCKER = 3;

/**
 * The surface forms (every alias, declined) and the automaton over their folded keys.
 * Forms are numbered in key order; columns are packed (`packed.ts`) and read as they are.
 */
export interface CompiledForms {
  /** Number of forms. */
  count: number;
  /** Per form: 0 (a blocker), 1 + its entity, or 1 + entity count + an index into `lists`. */
  entity: PackedInts;
  /** Per form: FORM_* flags, and the Georgian stem class at FORM_STEM_SHIFT. */
  flags: PackedInts;
  /** count + 1 starts into `caps`. */
  capStart: PackedInts;
  /** Per form, the positions of its capitals (each needs a capital in the text). */
  caps: PackedInts;
  /** Entity lists of the forms that name several entities. */
  lists: number[][];
  /** Automaton of the folded keys; a key's value is its first form. */
  trie: PackedRadix;
}

/**
 * The compiled, JSON-serialisable form of a set of entities: built once (at build time for
 * the bundled packs) and used by a page as it is, with no per-page construction beyond
 * unpacking three integer columns of the automaton (`createMatcher`).
 */
export interface CompiledMatcher {
  /** Format version; bump when the shape changes. */
  v: 4;
  /** Entity ids (index = entity number). */
  ids: string[];
  /** Entity display names. */
  names: string[];
  /** Entity type names used by `types`. */
  typeNames: EntityType[];
  /** Entity type per entity, as an index into `typeNames`. */
  types: number[];
  /** Topic ids used by `topics`. */
  topicNames: string[];
  /**
   * Topics per entity, in order, as one integer whose digits in base `topicNames.length + 1`
   * (least significant first) are topic numbers + 1; 0 = none.
   */
  topics: number[];
  /** The surface forms and their automaton. */
  forms: CompiledForms;
  /** Automaton of the cue words and phrases (folded); a key's value is its cue number. */
  cues: PackedRadix;
  /** Disambiguation records, at most one per entity: [entity, prior, cues, cueEntities, against]. */
  disambiguation: [number, number, number[], number[], number[]][];
  /** Entity numbers of scope `world`, ascending (the rest are `region`). */
  world: number[];
  /** Entity numbers of people whose bare surname may be marked anywhere (`distinctiveSurname`). */
  distinctive: number[];
  /**
   * The given names of the pack's people, folded (Russian ones in every case), each with the
   * entity numbers of the people who go by it, a line each: "tamar\t402,455". A bare surname
   * right after another person's given name ("Tamar Kobakhidze", "ნიკოლოზ მარგველაშვილი") names
   * someone else. Optional: without it a bare surname is read as before.
   */
  givenNames?: string;
  /**
   * Which cue words are stems ("1" at a cue's index): a Russian or Georgian cue, its last vowel
   * cut off ("армени" of "Армения"), which also counts when a case ending follows it in the
   * text ("Армении", "სომხეთის"); the others count as whole words only. Optional.
   */
  cueStems?: string;
  /** The character table the keys were folded with (`packCharTable`, normalize.ts); optional. */
  chars?: string;
  /** Where names can start, as regular expressions (sieve.ts); optional: without it every word start is walked. */
  sieve?: CompiledSieve;
  /** Where cue words can start (sieve.ts); optional: without it every kept text is read for cue words. */
  cueSieve?: CompiledCueSieve;
}

/** Form flag: the form has a sense outside the dataset or is shared, so it needs context. */
export const FORM_AMBIGUOUS = 1;
/** Form flag: some alias behind the form is a person's bare surname. */
export const FORM_SURNAME = 2;
/** Form flag: some alias behind the form is a full name (not a bare surname). */
export const FORM_FULL = 4;
/** Form flag: an acronym that is also a common English word ("US"): not in an all-caps headline. */
export const FORM_CAPS = 8;
/** Form flag: the next form (in key order) has the same key. */
export const FORM_NEXT_SAME = 16;
/** Shift of the Georgian stem class (`KA_CONSONANT`, `KA_VOWEL`) in a form's flags. */
export const FORM_STEM_SHIFT = 5;
/** Alias flag (bit 3 of an alias's info word): a bare surname. */
export const ALIAS_SURNAME_BIT = 8;

/** One raw alias hit in a block of text. */
export interface Hit {
  /** UTF-16 offset of the first character of the name. */
  start: number;
  /** UTF-16 offset just past the name (a possessive 's is outside). */
  end: number;
  /** Entity numbers this form may name (one when unambiguous). */
  candidates: number[];
  /** True when context must decide (`resolve`). */
  ambiguous: boolean;
  /** Form number (in the compiled form table) that matched first. */
  form: number;
  /**
   * Set when the hit is only a bare surname of a person whose surname is not distinctive:
   * marked only on a page that names the person in full (`resolve`).
   */
  surname?: boolean;
  /**
   * Set on ambiguous hits followed by a capitalised word that is not itself a name: most
   * likely part of a longer, unknown name ("Georgia Harrison", "The Moscow Times").
   * `resolve` does not mark these.
   */
  continued?: boolean;
}

/** A decided mention, as printed by the CLI and scored by the evaluation. */
export interface Mention {
  start: number;
  end: number;
  text: string;
  /** Entity id. */
  entity: string;
  name: string;
  type: EntityType;
}

/** Page-level context gathered block by block before ambiguous hits are decided. */
export interface Evidence {
  /** Looks for cue words in one block of text (title, heading, paragraph…). */
  addText(text: string): void;
  /** Records the entities named by a block's hits (unambiguous ones count as cues). */
  addHits(hits: readonly Hit[]): void;
  /** Whether cue words could change how `hit` is resolved (false: it resolves the same without reading any). */
  needsCues(hit: Hit): boolean;
  /**
   * Which texts may hold a cue word that an ambiguous hit added so far needs: reading only
   * those with `addText` decides every hit as reading them all would (null: read them all).
   */
  cueFilter(): ((text: string) => boolean) | null;
}

/** A hydrated matcher. */
export interface Matcher {
  /**
   * Entity table; a hit's candidates and `resolve`'s result index into it. Built on first
   * use (the CLI, the eval, the options page): a page asks `entity(i)` for what it marks.
   */
  readonly entities: ReadonlyArray<MatcherEntity>;
  /** Entity ids, in table order (no table built). */
  readonly ids: readonly string[];
  /** One entry of the entity table, built on first use (undefined: out of range). */
  entity(index: number): MatcherEntity | undefined;
  /** Raw alias hits in one block of text: longest-leftmost, non-overlapping; ambiguous hits carry every candidate. */
  scan(text: string): Hit[];
  /** `scan` and `evidence.addText` in one read of the text (the evidence must be this matcher's). */
  scanBlock(text: string, evidence: Evidence): Hit[];
  /** Page-level evidence gathered block by block (title + body) before ambiguous hits are decided. */
  createEvidence(): Evidence;
  /** Decide one hit in the light of the evidence: entity index, or -1 when not convinced. */
  resolve(hit: Hit, evidence: Evidence): number;
  /**
   * Whether `text` may name an entity that `wanted` takes (by entity index): true whenever
   * `scan` would find one in any part of it, and on texts run together from blocks (a
   * page's `textContent`), where words lose the breaks between them: a name is taken where
   * a break may have been (beside a character outside words, before a capital, beside a
   * digit or a letter of a script without case), never inside a word that goes on in small
   * letters ("Galileo" is not Gali). Lenient, so it may say true where `scan` finds nothing;
   * never false where it finds something, but for a name at the end of a block whose next
   * block starts with a small letter. True without a sieve (imported packs), which it needs.
   */
  mayName(text: string, wanted: (entity: number) => boolean): boolean;
  /**
   * The same question of a whole page, its text read in order a part at a time (its title
   * first), so that names the page's evidence decides are asked of all of it: see NameProbe.
   */
  nameProbe(wanted: (entity: number) => boolean): NameProbe;
  /** Convenience for whole texts (CLI, eval): scan + evidence + resolve. */
  findMentions(text: string, opts?: { title?: string; markWorldEverywhere?: boolean }): Mention[];
}
