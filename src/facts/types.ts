/**
 * The knowledge-pack data model. Types only: the validator (validate.ts) checks that
 * JSON matches these shapes, and every surface reads entities through them.
 */
import type { TopicId } from './topics.ts';

/** What kind of thing an entity is; the popup's type filters use these. */
export type EntityType = 'person' | 'place' | 'organization' | 'event' | 'agreement' | 'topic';

/** A date as precise as the source allows: `2008`, `2008-08` or `2008-08-12`. A range is `2012/2013`. */
export type IsoDate = string;

/** A published page a fact was taken from. */
export interface Source {
  /** Unique within the entity, referenced by facts and timeline events. */
  id: string;
  title: string;
  /** http(s) only. */
  url: string;
  publisher: string;
  /** When the page was read (ISO date). */
  accessed: IsoDate;
}

/** One fact shown on the card and in the panel. */
export interface Fact {
  /** Short label ("Office", "Born"). */
  label: string;
  /** The fact, in our own words. */
  value: string;
  /** The date the fact describes or is true as of. */
  asOf: IsoDate;
  /** A `Source.id` of the same entity. */
  source: string;
}

/** A dated event for the entity's timeline and the article's merged timeline. */
export interface TimelineEvent {
  date: IsoDate;
  text: string;
  source: string;
}

/** A link to another entity of the same or another pack. */
export interface Relation {
  id: string;
  /** How it relates, read as "<this entity> — relation — <other>" ("deputy of", "capital of"). */
  relation: string;
}

/** Aliases per language. `other` holds other spellings and transliterations in any script. */
export interface Aliases {
  en?: string[];
  ru?: string[];
  ka?: string[];
  other?: string[];
}

/**
 * How to decide whether an ambiguous alias means this entity. Required on both entities
 * when two share an alias, and on any entity whose alias has a common non-entity sense.
 */
export interface Disambiguation {
  /** Which of this entity's aliases are ambiguous (the others match without context). */
  aliases: string[];
  /** Prior probability (0–1) that an ambiguous alias means this entity with no context at all. */
  prior: number;
  /** Words or phrases on the page that support this reading. */
  cues: string[];
  /** Entity ids whose presence on the page supports this reading. */
  cueEntities?: string[];
  /** Words or phrases that point to another sense (the US state, the tennis player). */
  against?: string[];
  /**
   * Longer names that contain an ambiguous alias but name something else ("Daniil Medvedev",
   * "Moscow, Idaho", "Georgia Tech"). The matcher consumes them without marking anything, and
   * their presence on the page counts against this entity.
   */
  blockers?: string[];
}

export interface Entity {
  /** Stable kebab-case slug; ids of shared/facts/facts.tsv are kept. */
  id: string;
  name: string;
  type: EntityType;
  topics: TopicId[];
  aliases: Aliases;
  /** One or two sentences in our own words, at most 280 characters. */
  summary: string;
  facts: Fact[];
  timeline?: TimelineEvent[];
  related?: Relation[];
  sources: Source[];
  disambiguation?: Disambiguation;
  /** Naming or status sensitivities shown with the entity (contested names, recognition). */
  note?: string;
}

/** A knowledge pack: the unit users import, switch off, and export. */
export interface Pack {
  /** kebab-case pack id, unique among installed packs. */
  id: string;
  name: string;
  version: string;
  description: string;
  entities: Entity[];
}
