/**
 * Reader preferences as data: their type, defaults, and how a stored record is repaired.
 * Pure (no browser API), so Node tools and tests can use it; settings.ts reads and writes them.
 */
import { TOPIC_IDS, ENTITY_TYPES, type TopicId } from '../facts/topics.ts';
import type { EntityType } from '../facts/types.ts';

export type HighlightStyle = 'underline' | 'background' | 'none';
export type ShowMode = 'hover' | 'modifier' | 'click';
/** The UI languages Backstory has catalogues for (public/_locales). */
export const UI_LANGUAGES = ['en', 'ru', 'ka'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
/** The reader's choice of UI language: the browser's, or one of ours. */
export type LanguageSetting = 'browser' | UiLanguage;

export interface Settings {
  /** The global switch. */
  enabled: boolean;
  /** Topics not marked. */
  hiddenTopics: TopicId[];
  /** Entity types not marked. */
  hiddenTypes: EntityType[];
  highlightStyle: HighlightStyle;
  /** Mark only the first mention of each entity. */
  firstMentionOnly: boolean;
  /** Mark world-level names (great powers, global bodies) on pages that name nothing of the region. */
  markWorldEverywhere: boolean;
  /** How a card opens: on hover, on hover with Alt held, or on click. */
  showMode: ShowMode;
  /** Hover dwell before a card shows, ms. */
  showDelayMs: number;
  /** Grace period before a card hides once the pointer leaves, ms. */
  hideDelayMs: number;
  /** Pack ids switched off. */
  disabledPacks: string[];
  /** The language of the card, panel, popup and options page. */
  language: LanguageSetting;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  hiddenTopics: [],
  hiddenTypes: [],
  highlightStyle: 'underline',
  firstMentionOnly: false,
  markWorldEverywhere: false,
  showMode: 'hover',
  showDelayMs: 250,
  hideDelayMs: 300,
  disabledPacks: [],
  language: 'browser',
});

export const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const oneOf =
  <T extends string>(values: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (values as readonly string[]).includes(v);
const delay = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 5000;

/** Per-field checks: what a well-formed stored value looks like. */
const CHECKS: { [K in keyof Settings]: (v: unknown) => boolean } = {
  enabled: (v) => typeof v === 'boolean',
  hiddenTopics: (v) => isStringArray(v) && v.every((t) => oneOf(TOPIC_IDS)(t)),
  hiddenTypes: (v) => isStringArray(v) && v.every((t) => oneOf(ENTITY_TYPES)(t)),
  highlightStyle: oneOf(['underline', 'background', 'none'] as const),
  firstMentionOnly: (v) => typeof v === 'boolean',
  markWorldEverywhere: (v) => typeof v === 'boolean',
  showMode: oneOf(['hover', 'modifier', 'click'] as const),
  showDelayMs: delay,
  hideDelayMs: delay,
  disabledPacks: isStringArray,
  language: oneOf(['browser', ...UI_LANGUAGES] as const),
};

/**
 * Why a stored value was not used: the whole record unreadable, the storage itself
 * unavailable, or one setting reset. The pages put it in the reader's words.
 */
export type SettingsNotice = { what: 'unreadable' } | { what: 'unavailable' } | { what: 'reset'; setting: keyof Settings };

/** Settings read back from storage, plus a notice per value that had to be reset. */
export interface LoadedSettings {
  settings: Settings;
  notices: SettingsNotice[];
}

/** Repairs a stored object field by field; pure, so it is unit-tested directly. */
export function repairSettings(stored: unknown): LoadedSettings {
  const settings: Settings = { ...DEFAULT_SETTINGS, hiddenTopics: [], hiddenTypes: [], disabledPacks: [] };
  const notices: SettingsNotice[] = [];
  if (stored === undefined) return { settings, notices };
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    notices.push({ what: 'unreadable' });
    return { settings, notices };
  }
  const rec = stored as Record<string, unknown>;
  for (const key of Object.keys(CHECKS) as (keyof Settings)[]) {
    if (!(key in rec)) continue;
    if (CHECKS[key](rec[key])) (settings as unknown as Record<string, unknown>)[key] = rec[key];
    else notices.push({ what: 'reset', setting: key });
  }
  return { settings, notices };
}

/** The host a site switch applies to: the hostname without a leading `www.`. */
export function siteKey(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
