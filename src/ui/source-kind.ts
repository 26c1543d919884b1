/**
 * What a source is, in the reader's words: "state media · Russia", "official · Georgia".
 * The card names the kind where it changes how a reader weighs a fact (state media,
 * official statements); the panel's source list names it for every source.
 */
import type { Source, SourceKind } from '../facts/types.ts';
import BUILT_IN from 'virtual:backstory/country-names';

/** Message keys are `kind_` + the kind with `_` for `-`. */
export const kindKey = (kind: SourceKind): string => `kind_${kind.replace(/-/g, '_')}`;

/** Kinds the card always names beside the publisher. */
const CARD_KINDS: ReadonlySet<SourceKind> = new Set(['state-media', 'official']);

const regionNames = new Map<string, Intl.DisplayNames | null>();

/**
 * "Russia" for `RU` in `lang`: the browser's Intl when it knows the language, else the
 * names built in for the bundled packs' countries (Chromium has no Georgian data), else
 * English; the code when nothing can name it.
 */
export function countryName(code: string, lang: string): string {
  let names = regionNames.get(lang);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([lang, 'en'], { type: 'region' });
    } catch {
      names = null;
    }
    regionNames.set(lang, names);
  }
  const builtIn = names?.resolvedOptions().locale.slice(0, 2) === lang.slice(0, 2) ? undefined : BUILT_IN[lang.slice(0, 2)]?.[code];
  try {
    return builtIn ?? names?.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The kind (and country) of a source as a short label, or undefined when `where` is the
 * card and the kind is not one the card names.
 */
export function sourceKindLabel(source: Pick<Source, 'kind' | 'country'> | undefined, t: (key: string) => string, lang: string, where: 'card' | 'panel'): string | undefined {
  if (!source?.kind) return undefined;
  if (where === 'card' && !CARD_KINDS.has(source.kind)) return undefined;
  const kind = t(kindKey(source.kind));
  return source.country ? `${kind} · ${countryName(source.country, lang)}` : kind;
}
