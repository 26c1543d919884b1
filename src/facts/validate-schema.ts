/**
 * Pack validation, part 1: the shape of a pack and of each entity (./schema.ts), with the
 * field-level rules (kebab ids, ISO dates, http(s) URLs, the source policy, lengths).
 */
import { array, boolean, number, oneOf, strictObject, string, unknown, type Schema, type Typed } from './schema.ts';
import { TOPIC_IDS, ENTITY_TYPES, SOURCE_KINDS, ENTITY_SCOPES } from './topics.ts';
import { refusedSource } from './source-policy.ts';

export const MAX_SUMMARY = 280;
/** Facts marked `key` (shown on the card) per entity. */
export const MAX_KEY_FACTS = 4;
export const DEFAULT_MAX_ERRORS = 200;

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True for `YYYY`, `YYYY-MM`, `YYYY-MM-DD` with a real month and day. */
function isSingleDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  const days = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return day >= 1 && day <= days;
}

/** `YYYY[-MM[-DD]]` or a range of two of those joined by "/", the start not after the end. */
export function isIsoDate(s: string): boolean {
  const parts = s.split('/');
  if (parts.length === 1) return isSingleDate(s);
  const [a, b] = parts;
  if (parts.length !== 2 || a === undefined || b === undefined || !isSingleDate(a) || !isSingleDate(b)) return false;
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) <= b.slice(0, n);
}

export function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

const text = () => string('expected a text (string)').refine((s) => s.trim() !== '', 'must not be empty');
const kebab = (what: string) =>
  text().refine(
    (s) => KEBAB.test(s),
    (input) => `${what} ${JSON.stringify(input)} is not kebab-case (lowercase letters, digits and single hyphens)`,
  );
const isoDate = () => text().refine(isIsoDate, (input) => `${JSON.stringify(input)} is not an ISO date: expected YYYY, YYYY-MM or YYYY-MM-DD, or a range "start/end" of those`);
const list = (item: Schema) => array(item, 'expected a list (array)');
const nonEmptyList = (item: Schema, message: string) => list(item).refine((l) => l.length >= 1, message);

const kindList = SOURCE_KINDS.join(', ');

const SourceSchema = strictObject({
  id: kebab('source id'),
  title: text(),
  url: text()
    .refine(isHttpUrl, (input) => `expected an http(s) URL, got ${JSON.stringify(input)}`)
    .refine(
      (u) => !isHttpUrl(u) || refusedSource(u) === undefined,
      (input) => `may not be cited: ${refusedSource(input as string) ?? ''}`,
    ),
  publisher: text(),
  kind: oneOf(SOURCE_KINDS, (input) =>
    input === undefined ? `is missing; every source says what it is, one of: ${kindList}` : `${JSON.stringify(input)} is not a source kind; expected one of: ${kindList}`,
  ),
  country: string('expected an ISO 3166-1 alpha-2 country code ("GE", "RU")')
    .refine(
      (s) => /^[A-Z]{2}$/.test(s),
      (input) => `${JSON.stringify(input)} is not an ISO 3166-1 alpha-2 country code ("GE", "RU")`,
    )
    .optional(),
  accessed: isoDate(),
});

const translations = <T>(item: Typed<T>) => strictObject({ ru: item.optional(), ka: item.optional() });

const FactSchema = strictObject({
  label: text(),
  value: text(),
  date: isoDate().optional(),
  asOf: isoDate().optional(),
  source: text(),
  key: boolean('expected true or false').optional(),
  i18n: translations(strictObject({ label: text(), value: text() })).optional(),
});

const TimelineSchema = strictObject({
  date: isoDate(),
  text: text(),
  source: text(),
  i18n: translations(strictObject({ text: text() })).optional(),
});
const RelationSchema = strictObject({ id: kebab('entity id'), relation: text() });

const AliasesSchema = strictObject({
  en: list(text()).optional(),
  ru: list(text()).optional(),
  ka: list(text()).optional(),
  other: list(text()).optional(),
});

const PRIOR = 'expected a number from 0 to 1';
const DisambiguationSchema = strictObject({
  aliases: nonEmptyList(text(), 'expected at least one ambiguous alias'),
  prior: number(PRIOR)
    .refine((n) => n >= 0, PRIOR)
    .refine((n) => n <= 1, PRIOR),
  cues: list(text()),
  cueEntities: list(kebab('entity id')).optional(),
  against: list(text()).optional(),
  blockers: list(text()).optional(),
});

const topicList = TOPIC_IDS.join(', ');
const typeList = ENTITY_TYPES.join(', ');
const MAX_I18N_SUMMARY = Math.round(MAX_SUMMARY * 1.4);

export const EntitySchema = strictObject({
  id: kebab('id'),
  name: text(),
  type: oneOf(ENTITY_TYPES, (input) => `${JSON.stringify(input)} is not an entity type; expected one of: ${typeList}`),
  scope: oneOf(ENTITY_SCOPES, (input) => `${JSON.stringify(input)} is not a scope; expected one of: ${ENTITY_SCOPES.join(', ')}`).optional(),
  topics: nonEmptyList(
    oneOf(TOPIC_IDS, (input) => `${JSON.stringify(input)} is not in the topic vocabulary; expected one of: ${topicList}`),
    'expected at least one topic',
  ),
  aliases: AliasesSchema,
  summary: text().refine(
    (s) => s.length <= MAX_SUMMARY,
    (input) => `is ${(input as string).length} characters long; at most ${MAX_SUMMARY} allowed`,
  ),
  facts: list(FactSchema),
  timeline: list(TimelineSchema).optional(),
  related: list(RelationSchema).optional(),
  sources: list(SourceSchema),
  disambiguation: DisambiguationSchema.optional(),
  note: text().optional(),
  i18n: translations(
    strictObject({
      name: text().optional(),
      summary: text()
        .refine(
          (s) => s.length <= MAX_SUMMARY * 1.4,
          (input) => `is ${(input as string).length} characters long; at most ${MAX_I18N_SUMMARY} allowed`,
        )
        .optional(),
      note: text().optional(),
    }),
  ).optional(),
  gender: oneOf(['m', 'f'], 'expected "m" or "f"').optional(),
  distinctiveSurname: boolean('expected true or false').optional(),
});

export const PackMetaSchema = strictObject({
  id: kebab('pack id'),
  name: text(),
  version: text(),
  description: text(),
  entities: list(unknown()),
});
