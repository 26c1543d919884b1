/**
 * UI strings for the extension pages (the core is src/shared/i18n.ts, with the whole
 * English catalogue as the fallback), and the reader's language for entity names.
 */
import type { Entity } from '../facts/types.ts';
import { entityName as localName } from '../facts/names.ts';
import { uiLang } from '../shared/i18n.ts';

export { t, plural, uiLang } from '../shared/i18n-catalogue.ts';

/** An entity's name in the UI language where the pack has one (its first alias in that language). */
export const entityName = (entity: Pick<Entity, 'name' | 'aliases' | 'i18n'>, lang = uiLang()): string => localName(entity, lang);
