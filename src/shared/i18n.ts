/**
 * The one i18n core for every context (content script, background, extension pages):
 * the catalogue of the language the reader chose in the settings, else the browser's
 * (`browser.i18n.getMessage`), then English fallbacks. Each context brings its own
 * fallbacks: the pages and the background the whole English catalogue
 * (i18n-catalogue.ts), the content script only the card's few strings (content/strings.ts),
 * so content.js never carries the catalogue. Plurals: `key_one`, `key_few`… chosen by
 * `Intl.PluralRules` of the UI language (`key_other` when a form is missing).
 */
import { browser } from './browser.ts';
import type { LanguageSetting, UiLanguage } from './settings-model.ts';

/** A catalogue as key → message (the `message` of each entry of a messages.json), with `$1`…`$9` placeholders. */
export type Messages = Readonly<Record<string, string>>;
/** English text by key. */
export type Fallbacks = Messages;

/** The language the reader chose and its messages; null: the browser's language and catalogue. */
let chosen: { lang: UiLanguage; messages: Messages } | null = null;
/** Counts calls of chooseLanguage, so that a slower earlier one never overrides a later one. */
let choosing = 0;

/**
 * Applies the language setting: `browser` follows the browser; `en` uses the English
 * fallbacks; `ru`/`ka` load that catalogue with `load` (a catalogue that cannot be loaded
 * leaves English words, with the pack's texts still in that language). Resolves to false
 * when a later call took over while this one was loading.
 */
export async function chooseLanguage(setting: LanguageSetting, load: (lang: UiLanguage) => Promise<Messages>): Promise<boolean> {
  const mine = ++choosing;
  const lang = setting === 'browser' ? null : setting;
  let messages: Messages = {};
  if (lang && lang !== 'en') messages = await load(lang).catch(() => ({}));
  if (mine !== choosing) return false;
  chosen = lang ? { lang, messages } : null;
  return true;
}

/** `{ key: { message } }` (a messages.json) as key → message. */
export const messagesOf = (catalogue: unknown): Messages =>
  Object.fromEntries(
    Object.entries(catalogue && typeof catalogue === 'object' ? catalogue : {}).flatMap(([k, v]: [string, unknown]) => {
      const m = v && typeof v === 'object' ? (v as { message?: unknown }).message : undefined;
      return typeof m === 'string' ? [[k, m]] : [];
    }),
  );

/** The plural forms `key_one`, `key_few`… share the base `key`. */
const pluralBase = (key: string): string => key.replace(/_(zero|one|two|few|many|other)$/, '');

/** The messages of `keys` (and every plural form of a counted key), for a context that needs only those. */
export function pickMessages(messages: Messages, keys: readonly string[]): Messages {
  const wanted = new Set(keys.map(pluralBase));
  return Object.fromEntries(Object.entries(messages).filter(([k]) => wanted.has(pluralBase(k))));
}

/** Replaces `$1`…`$9` with the substitutions, as the browser does. */
function substitute(message: string, subs: readonly string[]): string {
  return message.replace(/\$(\d)/g, (m, n: string) => subs[Number(n) - 1] ?? m);
}

function fromCatalogue(key: string, subs: readonly string[]): string {
  if (chosen) {
    const m = chosen.messages[key];
    return m === undefined ? '' : substitute(m, subs);
  }
  try {
    return browser.i18n.getMessage(key, subs.length ? [...subs] : undefined);
  } catch {
    return ''; // no i18n here (a test, or a page outside the extension)
  }
}

/** The UI language as a lower-case two-letter code (`en`, `ru`, `ka`), for names, dates and plurals: the chosen one, else the browser's. */
export function uiLang(): string {
  if (chosen) return chosen.lang;
  try {
    return (browser.i18n.getUILanguage() || 'en').slice(0, 2).toLowerCase();
  } catch {
    return 'en';
  }
}

export interface Translator<K extends string> {
  /** A UI string by its key in public/_locales/<lang>/messages.json, with `$1`… substitutions; the key itself when unknown. */
  t(key: K, ...subs: (string | number)[]): string;
  /** A counted string: `<key>_<plural form>` by the plural rules of `lang`, `$1` = n. */
  plural(key: string, n: number, lang?: string): string;
}

/** `t` and `plural` over the browser's catalogue with these English fallbacks. */
export function translator<K extends string = string>(fallbacks: Fallbacks): Translator<K> {
  const t = (key: string, ...subs: (string | number)[]): string => {
    const s = subs.map(String);
    const got = fromCatalogue(key, s);
    if (got) return got;
    const fallback = fallbacks[key];
    return fallback === undefined ? key : substitute(fallback, s);
  };
  const plural = (key: string, n: number, lang = uiLang()): string => {
    let rule: Intl.LDMLPluralRule = 'other';
    try {
      rule = new Intl.PluralRules(lang).select(n);
    } catch {
      /* an unknown language: "other" */
    }
    const k = `${key}_${rule}`;
    return fromCatalogue(k, [String(n)]) || t(k in fallbacks ? k : `${key}_other`, n);
  };
  return { t, plural };
}
