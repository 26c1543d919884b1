/**
 * The one i18n core for every context (content script, background, extension pages):
 * `browser.i18n.getMessage` first, then English fallbacks. Each context brings its own
 * fallbacks: the pages and the background the whole English catalogue
 * (i18n-catalogue.ts), the content script only the card's few strings (content/strings.ts),
 * so content.js never carries the catalogue. Plurals: `key_one`, `key_few`… chosen by
 * `Intl.PluralRules` of the UI language (`key_other` when a form is missing).
 */
import { browser } from './browser.ts';

/** English text by key, with `$1`…`$9` placeholders. */
export type Fallbacks = Readonly<Record<string, string>>;

/** Replaces `$1`…`$9` with the substitutions, as the browser does. */
function substitute(message: string, subs: readonly string[]): string {
  return message.replace(/\$(\d)/g, (m, n: string) => subs[Number(n) - 1] ?? m);
}

function fromBrowser(key: string, subs: readonly string[]): string {
  try {
    return browser.i18n.getMessage(key, subs.length ? [...subs] : undefined);
  } catch {
    return ''; // no i18n here (a test, or a page outside the extension)
  }
}

/** The UI language as a lower-case two-letter code (`en`, `ru`, `ka`), for names, dates and plurals. */
export function uiLang(): string {
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
    const got = fromBrowser(key, s);
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
    return fromBrowser(k, [String(n)]) || t(k in fallbacks ? k : `${key}_other`, n);
  };
  return { t, plural };
}
