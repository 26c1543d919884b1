/**
 * An entity's texts in a reader's language. Each text comes with the language it is
 * really in, so a surface can mark an English fallback with `lang` (screen readers switch
 * voice). Shared by the card and the extension pages; pure data in, strings out.
 */
import type { Entity, Fact, TextLang, TimelineEvent } from './types.ts';
import { TEXT_LANGS } from './topics.ts';

/** A text and the language it is written in. */
export interface Localized {
  text: string;
  lang: string;
}

/** `ru` / `ka` when the pack has texts in that language, else undefined (English). */
export function textLang(lang: string): TextLang | undefined {
  const code = lang.slice(0, 2).toLowerCase();
  return (TEXT_LANGS as readonly string[]).includes(code) ? (code as TextLang) : undefined;
}

/** The entity's name in `lang`: its translated name, else its first alias in that language, else the English name. */
export function entityName(entity: Pick<Entity, 'name' | 'aliases' | 'i18n'>, lang: string): string {
  return localName(entity, lang).text;
}

export function localName(entity: Pick<Entity, 'name' | 'aliases' | 'i18n'>, lang: string): Localized {
  const l = textLang(lang);
  const name = l ? (entity.i18n?.[l]?.name ?? entity.aliases[l]?.[0]) : undefined;
  return name ? { text: name, lang: l! } : { text: entity.name, lang: 'en' };
}

export function localSummary(entity: Pick<Entity, 'summary' | 'i18n'>, lang: string): Localized {
  const l = textLang(lang);
  const s = l ? entity.i18n?.[l]?.summary : undefined;
  return s ? { text: s, lang: l! } : { text: entity.summary, lang: 'en' };
}

export function localNote(entity: Pick<Entity, 'note' | 'i18n'>, lang: string): Localized | undefined {
  if (!entity.note) return undefined;
  const l = textLang(lang);
  const s = l ? entity.i18n?.[l]?.note : undefined;
  return s ? { text: s, lang: l! } : { text: entity.note, lang: 'en' };
}

/** A fact's label and value in `lang`, both from the same translation (or both English). */
export function localFact(fact: Pick<Fact, 'label' | 'value' | 'i18n'>, lang: string): { label: string; value: string; lang: string } {
  const l = textLang(lang);
  const tr = l ? fact.i18n?.[l] : undefined;
  return tr ? { label: tr.label, value: tr.value, lang: l! } : { label: fact.label, value: fact.value, lang: 'en' };
}

export function localEvent(ev: Pick<TimelineEvent, 'text' | 'i18n'>, lang: string): Localized {
  const l = textLang(lang);
  const s = l ? ev.i18n?.[l]?.text : undefined;
  return s ? { text: s, lang: l! } : { text: ev.text, lang: 'en' };
}

/** The facts a card shows: those marked `key` (at most `max`), else the first `max`. */
export function keyFacts<F extends Pick<Fact, 'key'>>(facts: readonly F[], max = 4): F[] {
  const keyed = facts.filter((f) => f.key === true);
  return (keyed.length ? keyed : facts).slice(0, max);
}

/** The facts in the panel's order: key facts first, then grouped by label in first-seen order. */
export function groupedFacts<F extends Pick<Fact, 'key' | 'label'>>(facts: readonly F[]): F[] {
  const key = facts.filter((f) => f.key === true);
  const rest = facts.filter((f) => f.key !== true);
  const order = new Map<string, number>();
  rest.forEach((f) => order.has(f.label) || order.set(f.label, order.size));
  return [
    ...key,
    ...rest
      .map((f, i) => ({ f, i }))
      .sort((a, b) => order.get(a.f.label)! - order.get(b.f.label)! || a.i - b.i)
      .map((x) => x.f),
  ];
}
