/**
 * `t` and `plural` with the whole English catalogue as the fallback, for the background
 * and the extension pages (never the content script: see content/strings.ts).
 */
import en from '../../public/_locales/en/messages.json';
import { translator, type Fallbacks } from './i18n.ts';

export { uiLang } from './i18n.ts';

const EN: Fallbacks = Object.fromEntries(Object.entries(en as Record<string, { message: string }>).map(([k, v]) => [k, v.message]));

export const { t, plural } = translator(EN);
