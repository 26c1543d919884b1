/**
 * The topic vocabulary: the filters a reader sees in the popup. Kept small and in the
 * reader's terms; entity *types* (person, place…) are filtered separately.
 */
export const TOPICS = [
  { id: 'conflict-security', label: 'Conflict & security' },
  { id: 'diplomacy', label: 'Diplomacy' },
  { id: 'politics-elections', label: 'Politics & elections' },
  { id: 'economy-trade', label: 'Economy & trade' },
  { id: 'energy', label: 'Energy' },
  { id: 'transport', label: 'Transport' },
  { id: 'media', label: 'Media' },
  { id: 'law-rights', label: 'Law & rights' },
] as const;

export type TopicId = (typeof TOPICS)[number]['id'];

export const TOPIC_IDS: readonly TopicId[] = TOPICS.map((t) => t.id);

export const ENTITY_TYPES = ['person', 'place', 'organization', 'event', 'agreement', 'topic'] as const;

/** What a source is (`types.ts` SourceKind). */
export const SOURCE_KINDS = ['news-agency', 'newspaper', 'broadcaster', 'state-media', 'official', 'international-body', 'reference', 'research', 'ngo'] as const;

export const ENTITY_SCOPES = ['region', 'world'] as const;

/** Languages the pack's texts are translated into (English is the base). */
export const TEXT_LANGS = ['ru', 'ka'] as const;
