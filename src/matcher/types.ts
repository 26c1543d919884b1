/**
 * Public types of the matcher. Pure data: no DOM, no browser API.
 */
import type { EntityType } from '../facts/types.ts';

/** The fields of an entity the page needs to label a mention (index = entity number). */
export interface MatcherEntity {
  id: string;
  name: string;
  type: EntityType;
  topics: string[];
}

/** Disambiguation of one entity, with cues as indices into `CompiledMatcher.cues`. */
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

/**
 * The compiled, JSON-serialisable form of a set of entities. Surface forms are stored
 * as strings (declined forms already expanded); `createMatcher` builds the trie from them,
 * which keeps the bundle small and the hydrate cheap.
 */
export interface CompiledMatcher {
  /** Format version; bump when the shape changes. */
  v: 1;
  entities: MatcherEntity[];
  /**
   * Surface forms, whitespace-normalised but with their original case (the case rules
   * are read from it). Parallel to `formEntities` and `formFlags`.
   */
  forms: string[];
  /** Entity numbers of each form; an empty list is a blocker (a longer non-entity name). */
  formEntities: number[][];
  /** Bit flags per form: see `FORM_AMBIGUOUS`. */
  formFlags: number[];
  /** Cue words and phrases (folded), looked up case-insensitively by the evidence scan. */
  cues: string[];
  /** Disambiguation records, at most one per entity. */
  disambiguation: CompiledDisambiguation[];
}

/** Form flag: the form has a sense outside the dataset or is shared, so it needs context. */
export const FORM_AMBIGUOUS = 1;

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
  /** Form number (index into `CompiledMatcher.forms`) that matched. */
  form: number;
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
  /** Raw alias hits in one block of text: longest-leftmost, non-overlapping; ambiguous hits carry every candidate. */
  scan(text: string): Hit[];
  /** Page-level evidence gathered block by block (title + body) before ambiguous hits are decided. */
  createEvidence(): Evidence;
  /** Decide one hit in the light of the evidence: entity index, or -1 when not convinced. */
  resolve(hit: Hit, evidence: Evidence): number;
  /** Convenience for whole texts (CLI, eval): scan + evidence + resolve. */
  findMentions(text: string, opts?: { title?: string }): Mention[];
}
