/**
 * The card's words: the browser's message catalogue where it has the key, else English.
 * (The content script does not bundle the catalogue: `i18n.getMessage` works in content
 * scripts, and the fallbacks here are only the card's few strings.)
 */
import { browser } from '../shared/browser.ts';
import type { EntityType } from '../facts/types.ts';

const EN = {
  asOf: 'as of $1',
  cardFullBackground: 'Full background',
  cardDontMarkSite: 'Don’t mark this site',
  cardSiteOff: 'Backstory is off for $1.',
  cardUndo: 'Undo',
  cardPin: 'Keep this card open',
  cardUnpin: 'Let this card close',
  cardClose: 'Close',
  cardLoading: 'Loading…',
  cardUnavailable: 'No details are available for this name right now.',
  cardFacts: 'Key facts',
  cardNote: 'Note',
  cardMoreFacts_one: '$1 more fact',
  cardMoreFacts_other: '$1 more facts',
  kind_news_agency: 'news agency',
  kind_newspaper: 'newspaper',
  kind_broadcaster: 'broadcaster',
  kind_state_media: 'state media',
  kind_official: 'official',
  kind_international_body: 'international body',
  kind_reference: 'reference work',
  kind_research: 'research institute',
  kind_ngo: 'NGO',
  type_person: 'Person',
  type_place: 'Place',
  type_organization: 'Organisation',
  type_event: 'Event',
  type_agreement: 'Agreement',
  type_topic: 'Topic',
} as const;

export type StringKey = keyof typeof EN;

/** A UI string with `$1`… substitutions. */
export function t(key: StringKey, ...subs: string[]): string {
  let got = '';
  try {
    got = browser.i18n.getMessage(key, subs.length ? subs : undefined);
  } catch {
    /* no i18n API (DOM tests) */
  }
  return got || EN[key].replace(/\$(\d)/g, (m, n: string) => subs[Number(n) - 1] ?? m);
}

/** A counted string: `key_one`, `key_few`… by the plural rules of `lang` (`key_other` when missing), `$1` = n. */
export function plural(key: 'cardMoreFacts', n: number, lang: string): string {
  let rule: Intl.LDMLPluralRule = 'other';
  try {
    rule = new Intl.PluralRules(lang).select(n);
  } catch {
    /* an unknown language: "other" */
  }
  const k = `${key}_${rule}` as StringKey;
  let got = '';
  try {
    got = browser.i18n.getMessage(k, [String(n)]);
  } catch {
    /* no i18n API */
  }
  return got || t(k in EN ? k : `${key}_other`, String(n));
}

/** "Person", "Place"… */
export const typeLabel = (type: EntityType): string => t(`type_${type}`);

/** The UI language, for dates. */
export function uiLang(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}
