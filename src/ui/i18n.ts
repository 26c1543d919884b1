/**
 * UI strings for the extension pages: `browser.i18n.getMessage` with the English
 * catalogue as the fallback (a key the browser does not know, or no i18n at all), and the
 * reader's language for entity names.
 */
import { browser } from '../shared/browser.ts';
import type { Entity } from '../facts/types.ts';
import { entityName as localName } from '../facts/names.ts';
import en from '../../public/_locales/en/messages.json';

type Catalogue = Record<string, { message: string }>;
const EN = en as Catalogue;

/** Replaces `$1`…`$9` with the substitutions, as the browser does. */
function substitute(message: string, subs: readonly string[]): string {
  return message.replace(/\$(\d)/g, (m, n: string) => subs[Number(n) - 1] ?? m);
}

/** A UI string by its key in public/_locales/<lang>/messages.json, with `$1`… substitutions. */
export function t(key: string, ...subs: (string | number)[]): string {
  const s = subs.map(String);
  let got = '';
  try {
    got = browser.i18n.getMessage(key, s.length ? s : undefined);
  } catch {
    /* no i18n here (a test, or a page outside the extension) */
  }
  if (got) return got;
  const fallback = EN[key]?.message;
  return fallback === undefined ? key : substitute(fallback, s);
}

/** The UI language as a two-letter code (`en`, `ru`, …). */
export function uiLang(): string {
  try {
    return (browser.i18n.getUILanguage() || 'en').slice(0, 2).toLowerCase();
  } catch {
    return 'en';
  }
}

/** An entity's name in the UI language where the pack has one (its first alias in that language). */
export const entityName = (entity: Pick<Entity, 'name' | 'aliases' | 'i18n'>, lang = uiLang()): string => localName(entity, lang);
