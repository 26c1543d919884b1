/**
 * Public types of the matcher. Pure data: no DOM, no browser API.
 */
import type { EntityScope, EntityType } from '../facts/types.ts';

/** The fields of an entity the page needs to label a mention (index = entity number). */
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

/** Alias kinds (bits 1–2 of `CompiledMatcher.aliasInfo`): how the page expands an alias into surface forms. */
export const ALIAS_PLAIN = 0;
/** Russian: declined with `russianForms`. */
export const ALIAS_RU = 1;
/** Georgian: case and postposition forms with `georgianForms`. */
export const ALIAS_KA = 2;
/** A blocker: a longer non-entity name that consumes its span and marks nothing. */
export const ALIAS_BLOCKER = 3;

/**
 * The compiled, JSON-serialisable form of a set of entities, kept small because it ships
 * in the content script of every page. Aliases are stored cleaned but not inflected: the
 * page expands the Russian and Georgian forms while it hydrates (`createMatcherIncremental`),
 * in the same order as a compile-time expansion would, so form numbers are stable.
 */
export interface CompiledMatcher {
  /** Format version; bump when the shape changes. */
  v: 3;
  /** Entity ids (index = entity number); '' when the id is `slugId` of the entity's name. */
  ids: string[];
  /** Entity display names; '' when the name is the entity's first alias in `aliases`. */
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
  /**
   * Aliases (cleaned: whitespace-normalised, original case) in compile order, with the
   * demonyms and descriptions already dropped, and the blockers in their place.
   */
  aliases: string[];
  /**
   * Per alias: `(entity step) * 16 + surname * 8 + kind * 2 + ambiguous`, where the entity
   * step is the entity number minus that of the previous alias (the first counts from 0),
   * `surname` is 1 for a person's bare surname (typed or derived), `kind` is one of
   * ALIAS_PLAIN/RU/KA/BLOCKER and `ambiguous` is `FORM_AMBIGUOUS`.
   */
  aliasInfo: number[];
  /** Cue words and phrases (folded), looked up case-insensitively by the evidence scan. */
  cues: string[];
  /** Disambiguation records, at most one per entity: [entity, prior, cues, cueEntities, against]. */
  disambiguation: [number, number, number[], number[], number[]][];
  /** Entity numbers of scope `world`, ascending (the rest are `region`). */
  world: number[];
  /** Entity numbers of people whose bare surname may be marked anywhere (`distinctiveSurname`). */
  distinctive: number[];
}

/** Form flag: the form has a sense outside the dataset or is shared, so it needs context. */
export const FORM_AMBIGUOUS = 1;
/** Form flag: some alias behind the form is a person's bare surname. */
export const FORM_SURNAME = 2;
/** Form flag: some alias behind the form is a full name (not a bare surname). */
export const FORM_FULL = 4;
/** Alias flag in `aliasInfo` (bit 3): a bare surname. */
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
  /** Form number (index into the hydrated matcher's surface forms, `Matcher.forms`) that matched. */
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
}

/** A hydrated matcher. */
export interface Matcher {
  /** Entity table; a hit's candidates and `resolve`'s result index into it. */
  readonly entities: ReadonlyArray<MatcherEntity>;
  /** Surface forms (inflected forms expanded), whitespace-normalised, original case; `Hit.form` indexes into it. */
  readonly forms: ReadonlyArray<string>;
  /**
   * Raw alias hits in one block of text: longest-leftmost, non-overlapping; ambiguous hits
   * carry every candidate. Builds any script the text needs first (see `missing`).
   */
  scan(text: string): Hit[];
  /**
   * Whether `text` has letters of a script (Cyrillic, Georgian) whose names are not
   * hydrated yet; asks for them. Callers that must keep their work in short slices call
   * `hydrateStep` until it returns false before scanning such text.
   */
  missing(text: string): boolean;
  /** One small unit of building the scripts `missing` asked for; true while work remains. */
  hydrateStep(): boolean;
  /** Page-level evidence gathered block by block (title + body) before ambiguous hits are decided. */
  createEvidence(): Evidence;
  /** Decide one hit in the light of the evidence: entity index, or -1 when not convinced. */
  resolve(hit: Hit, evidence: Evidence): number;
  /** Convenience for whole texts (CLI, eval): scan + evidence + resolve. */
  findMentions(text: string, opts?: { title?: string; markWorldEverywhere?: boolean }): Mention[];
}

/**
 * A matcher being hydrated in small steps, so that no single block of main-thread work
 * is long (the content script drives it inside its time slices).
 */
export interface MatcherBuilder {
  /**
   * Does hydration work until `deadline` (a `performance.now()` time) is reached or the
   * work is done; always does at least one small unit. Returns true while work remains.
   */
  step(deadline: number): boolean;
  /** Whether the matcher is ready. */
  readonly done: boolean;
  /** The hydrated matcher (finishes the remaining work synchronously if needed). */
  matcher(): Matcher;
}
