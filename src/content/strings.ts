/**
 * The card's words through the shared i18n core (src/shared/i18n.ts): the catalogue of
 * the language chosen in the settings (its card strings asked of the background), else
 * the browser's, else English. The content script does not bundle the catalogue
 * (`i18n.getMessage` works in content scripts): the fallbacks here are only the card's few
 * strings (test/unit/shared/locales.test.ts holds them to the catalogue).
 */
import { chooseLanguage, translator } from '../shared/i18n.ts';
import { sendToBackground } from '../shared/messaging.ts';
import type { ContentToBackground } from '../shared/messages.ts';
import type { LanguageSetting } from '../shared/settings-model.ts';
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

const core = translator<StringKey>(EN);

/** A UI string with `$1`… substitutions. */
export const t = core.t;

/** A counted string: `cardMoreFacts_one`, `_few`… by the plural rules of `lang`, `$1` = n. */
export const plural = (key: 'cardMoreFacts', n: number, lang: string): string => core.plural(key, n, lang);

/** "Person", "Place"… */
export const typeLabel = (type: EntityType): string => t(`type_${type}`);

export { uiLang } from '../shared/i18n.ts';

/** Applies the language setting to the card's words; resolves to false when a later change took over. */
export const chooseCardLanguage = (setting: LanguageSetting): Promise<boolean> =>
  chooseLanguage(setting, async (lang) => {
    const r = await sendToBackground<ContentToBackground, 'backstory/ui-strings'>('backstory/ui-strings', { lang, keys: Object.keys(EN) });
    return r.ok ? r.strings : {};
  });
