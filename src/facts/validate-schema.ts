/**
 * Pack validation, part 1: the shape of a pack and of each entity (zod schemas), with the
 * field-level rules (kebab ids, ISO dates, http(s) URLs, the source policy, lengths).
 */
import { z } from 'zod';
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

const text = () =>
  z.string({ error: 'expected a text (string)' }).refine((s) => s.trim() !== '', { error: 'must not be empty' });
const kebab = (what: string) =>
  text().refine((s) => KEBAB.test(s), {
    error: (iss) => `${what} ${JSON.stringify(iss.input)} is not kebab-case (lowercase letters, digits and single hyphens)`,
  });
const isoDate = () =>
  text().refine(isIsoDate, {
    error: (iss) =>
      `${JSON.stringify(iss.input)} is not an ISO date: expected YYYY, YYYY-MM or YYYY-MM-DD, or a range "start/end" of those`,
  });
const list = <T extends z.ZodType>(item: T) => z.array(item, { error: 'expected a list (array)' });

const kindList = SOURCE_KINDS.join(', ');

const SourceSchema = z.strictObject({
  id: kebab('source id'),
  title: text(),
  url: text()
    .refine(isHttpUrl, { error: (iss) => `expected an http(s) URL, got ${JSON.stringify(iss.input)}` })
    .refine((u) => !isHttpUrl(u) || refusedSource(u) === undefined, {
      error: (iss) => `may not be cited: ${refusedSource(iss.input as string) ?? ''}`,
    }),
  publisher: text(),
  kind: z.enum(SOURCE_KINDS, {
    error: (iss) =>
      iss.input === undefined
        ? `is missing; every source says what it is, one of: ${kindList}`
        : `${JSON.stringify(iss.input)} is not a source kind; expected one of: ${kindList}`,
  }),
  country: z
    .string({ error: 'expected an ISO 3166-1 alpha-2 country code ("GE", "RU")' })
    .regex(/^[A-Z]{2}$/, { error: (iss) => `${JSON.stringify(iss.input)} is not an ISO 3166-1 alpha-2 country code ("GE", "RU")` })
    .optional(),
  accessed: isoDate(),
});

const translations = <T extends z.ZodType>(item: T) => z.strictObject({ ru: item.optional(), ka: item.optional() });

const FactSchema = z.strictObject({
  label: text(),
  value: text(),
  date: isoDate().optional(),
  asOf: isoDate().optional(),
  source: text(),
  key: z.boolean({ error: 'expected true or false' }).optional(),
  i18n: translations(z.strictObject({ label: text(), value: text() })).optional(),
});

const TimelineSchema = z.strictObject({
  date: isoDate(),
  text: text(),
  source: text(),
  i18n: translations(z.strictObject({ text: text() })).optional(),
});
const RelationSchema = z.strictObject({ id: kebab('entity id'), relation: text() });

const AliasesSchema = z.strictObject({
  en: list(text()).optional(),
  ru: list(text()).optional(),
  ka: list(text()).optional(),
  other: list(text()).optional(),
});

const DisambiguationSchema = z.strictObject({
  aliases: list(text()).min(1, { error: 'expected at least one ambiguous alias' }),
  prior: z.number({ error: 'expected a number from 0 to 1' }).min(0, { error: 'expected a number from 0 to 1' }).max(1, {
    error: 'expected a number from 0 to 1',
  }),
  cues: list(text()),
  cueEntities: list(kebab('entity id')).optional(),
  against: list(text()).optional(),
  blockers: list(text()).optional(),
});

const topicList = TOPIC_IDS.join(', ');
const typeList = ENTITY_TYPES.join(', ');

export const EntitySchema = z.strictObject({
  id: kebab('id'),
  name: text(),
  type: z.enum(ENTITY_TYPES, {
    error: (iss) => `${JSON.stringify(iss.input)} is not an entity type; expected one of: ${typeList}`,
  }),
  scope: z
    .enum(ENTITY_SCOPES, {
      error: (iss) => `${JSON.stringify(iss.input)} is not a scope; expected one of: ${ENTITY_SCOPES.join(', ')}`,
    })
    .optional(),
  topics: list(
    z.enum(TOPIC_IDS as unknown as [string, ...string[]], {
      error: (iss) => `${JSON.stringify(iss.input)} is not in the topic vocabulary; expected one of: ${topicList}`,
    }),
  ).min(1, { error: 'expected at least one topic' }),
  aliases: AliasesSchema,
  summary: text().refine((s) => s.length <= MAX_SUMMARY, {
    error: (iss) => `is ${(iss.input as string).length} characters long; at most ${MAX_SUMMARY} allowed`,
  }),
  facts: list(FactSchema),
  timeline: list(TimelineSchema).optional(),
  related: list(RelationSchema).optional(),
  sources: list(SourceSchema),
  disambiguation: DisambiguationSchema.optional(),
  note: text().optional(),
  i18n: translations(
    z.strictObject({
      name: text().optional(),
      summary: text()
        .refine((s) => s.length <= MAX_SUMMARY * 1.4, {
          error: (iss) => `is ${(iss.input as string).length} characters long; at most ${Math.round(MAX_SUMMARY * 1.4)} allowed`,
        })
        .optional(),
      note: text().optional(),
    }),
  ).optional(),
  gender: z.enum(['m', 'f'], { error: 'expected "m" or "f"' }).optional(),
  distinctiveSurname: z.boolean({ error: 'expected true or false' }).optional(),
});

export const PackMetaSchema = z.strictObject({
  id: kebab('pack id'),
  name: text(),
  version: text(),
  description: text(),
  entities: list(z.unknown()),
});
