/**
 * What the card-language tests (Chromium and Firefox) hold every card of a page to: at most
 * 360 px tall with nothing scrolled inside it, and, in a Russian or Georgian browser, mostly
 * in that script for the entities the pack has translated.
 */
import type { Entity } from '../../../src/facts/types.ts';
import type { Diagnostics } from '../../../src/shared/messages.ts';

type Card = Diagnostics['card'];
type Letters = NonNullable<Card['letters']>;

/** A text's letters by script, counted as the card's diagnostics count them. */
export function lettersOf(text: string): Letters {
  const count = (re: RegExp): number => text.match(re)?.length ?? 0;
  return { latin: count(/[A-Za-z]/g), cyrillic: count(/[\u0400-\u04ff]/g), georgian: count(/[\u10a0-\u10ff]/g) };
}

/** The share of the script of `lang` (Cyrillic for ru, Georgian for ka) among the letters. */
export function scriptShare(letters: Letters, lang: 'ru' | 'ka'): number {
  return letters[lang === 'ru' ? 'cyrillic' : 'georgian'] / (letters.latin + letters.cyrillic + letters.georgian || 1);
}

/** The cards over the 360 px budget or scrolling inside, as "id: N px[, scrolls]". */
export function tallCards(cards: ReadonlyMap<string, Card>): string[] {
  return [...cards].filter(([, c]) => c.height! > 360 || c.scrolls).map(([id, c]) => `${id}: ${c.height} px${c.scrolls ? ', scrolls' : ''}`);
}

/**
 * The translated entities' cards (the pack has their summary in `lang`) whose letters are
 * less than 60% in that script, as "id: N% script"; and how many translated cards there were.
 */
export function offScriptCards(cards: ReadonlyMap<string, Card>, lang: 'ru' | 'ka', entities: ReadonlyMap<string, Entity>): { translated: number; low: string[] } {
  const script = lang === 'ru' ? 'cyrillic' : 'georgian';
  const translated = [...cards].filter(([id]) => entities.get(id)?.i18n?.[lang]?.summary);
  const low = translated
    .map(([id, c]) => [id, scriptShare(c.letters!, lang)] as const)
    .filter(([, share]) => share < 0.6)
    .map(([id, share]) => `${id}: ${Math.round(share * 100)}% ${script}`);
  return { translated: translated.length, low };
}
