/**
 * The knowledge-pack data model. Types only: the validator (validate.ts) checks that
 * JSON matches these shapes, and every surface reads entities through them.
 */

import type { ENTITY_TYPES, SOURCE_KINDS, ENTITY_SCOPES, TEXT_LANGS, TopicId } from './topics.ts';

/** What kind of thing an entity is; the popup's type filters use these. */
export type EntityType = (typeof ENTITY_TYPES)[number];

/**
 * What a source is, so a reader can weigh it. `state-media` is a publisher under state
 * control (its editors appointed by, or it run as an agency of, a government: TASS, RIA
 * Novosti, RT, Sputnik, Rossiyskaya Gazeta, Channel One, Armenpress, Anadolu, VOA,
 * Agenda.ge). A public broadcaster whose board a statute puts between it and the
 * government (BBC, Deutsche Welle, Georgian Public Broadcaster), or a state-funded one with
 * a legal firewall that is not a government agency (RFE/RL and its services), is a
 * `broadcaster`. One publisher has one kind throughout the packs.
 */
export type SourceKind = (typeof SOURCE_KINDS)[number];

/**
 * `region`: the pack's own subject (Georgia, Abkhazia, South Ossetia, their people, places,
 * bodies, events). `world`: great powers, global bodies and their leaders; marked only on a
 * page that also names something of the region.
 */
export type EntityScope = (typeof ENTITY_SCOPES)[number];

/** A language the pack's texts are written in besides English. */
export type TextLang = (typeof TEXT_LANGS)[number];

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
  /** What the publisher is (see `SourceKind`). */
  kind: SourceKind;
  /** ISO 3166-1 alpha-2 code of the country a publisher is tied to ("GE", "RU"); none for international ones. */
  country?: string;
  /** When the page was read (ISO date). */
  accessed: IsoDate;
}

/** A fact's label and value in another language: our own wording, translated faithfully. */
export interface FactText {
  label: string;
  value: string;
}

/**
 * One fact shown on the card and in the panel. It has exactly one of `date` (when it
 * happened: born, appointed, signed; a range for a term of office) and `asOf` (when a
 * standing statement was true: a population, an office still held).
 */
export interface Fact {
  /** Short label ("Office", "Born"). */
  label: string;
  /** The fact, in our own words. */
  value: string;
  /** When it happened (`2022-11-25`, or a range `2018/2022`). */
  date?: IsoDate;
  /** When a standing statement was last known true. */
  asOf?: IsoDate;
  /** A `Source.id` of the same entity. */
  source: string;
  /** One of the (at most four) facts the card shows; the rest go to the panel. */
  key?: boolean;
  /** The label and value in Russian and Georgian. */
  i18n?: Partial<Record<TextLang, FactText>>;
}

/** A dated event for the entity's timeline and the article's merged timeline. */
export interface TimelineEvent {
  date: IsoDate;
  text: string;
  source: string;
  /** The text in Russian and Georgian. */
  i18n?: Partial<Record<TextLang, { text: string }>>;
}

/** An entity's own texts in another language. */
export interface EntityText {
  name?: string;
  summary?: string;
  note?: string;
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
  /**
   * Words or phrases on the page that support this reading. Russian and Georgian ones count
   * with their case endings (write the nominative or a stem of at least four letters).
   */
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
  /** The pack's own subject, or a world-level name (default `region`). */
  scope?: EntityScope;
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
  /** Name, summary and note in Russian and Georgian. */
  i18n?: Partial<Record<TextLang, EntityText>>;
  /** People: the grammatical gender of the name, for Russian surname forms. */
  gender?: 'm' | 'f';
  /**
   * People: the bare surname is distinctive enough to mark anywhere (Galuzin, Kavelashvili).
   * Otherwise it is marked only on a page that names the person in full first.
   */
  distinctiveSurname?: boolean;
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
