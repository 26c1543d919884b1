/**
 * `t` and `plural` with the whole English catalogue as the fallback, for the background
 * and the extension pages (never the content script: see content/strings.ts), and the
 * catalogue of a chosen language read from the extension's own _locales folder.
 */
import en from '../../public/_locales/en/messages.json';
import { browser } from './browser.ts';
import { messagesOf, pickMessages, translator, type Messages } from './i18n.ts';
import { UI_LANGUAGES, type UiLanguage } from './settings-model.ts';

export { uiLang } from './i18n.ts';

export const { t, plural } = translator(messagesOf(en));

/** The catalogue of `lang` (public/_locales/<lang>/messages.json as built into the extension). */
export async function loadCatalogue(lang: UiLanguage): Promise<Messages> {
  const res = await fetch(browser.runtime.getURL(`_locales/${lang}/messages.json`));
  if (!res.ok) throw new Error(`no ${lang} catalogue (${res.status})`);
  return messagesOf(await res.json());
}

/** The messages of `keys` in `lang`, as asked by a content script (nothing for a language or keys not ours). */
export async function catalogueStrings(lang: unknown, keys: unknown): Promise<Messages> {
  if (!UI_LANGUAGES.includes(lang as UiLanguage) || !Array.isArray(keys)) return {};
  return pickMessages(await loadCatalogue(lang as UiLanguage), keys.map(String));
}
