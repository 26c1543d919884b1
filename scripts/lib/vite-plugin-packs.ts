/**
 * Build-time knowledge: validates the bundled packs (a bad pack fails the build with a
 * message naming the file, the entity and the field) and serves them as virtual modules:
 * - `virtual:backstory/matcher`  the compiled matcher (the background hands it to content scripts);
 * - `virtual:backstory/matcher-tag`  a hash of it, which the content script checks a stored copy against,
 *   and the scripts its names are written in (a page in another script is not read);
 * - `virtual:backstory/country-names`  the Georgian names of the countries the packs' sources
 *   are tied to, from Node's Intl: Chromium's Intl has no Georgian data (it would say "Russia").
 * With `emitPacksFile` (the main build) the full pack records are written as packs.json, which
 * the background and the extension pages read when they first need them (src/shared/bundled-packs.ts).
 */
import type { Plugin } from 'vite';
import { createHash } from 'node:crypto';
import { readBundledPackDirs, PACKS_DIR } from './packs.ts';
import { validatePacks, formatPackError } from '../../src/facts/validate.ts';
import { compileMatcher, compiledScripts, type CompiledMatcher } from '../../src/matcher/index.ts';
import { PACKS_FILE } from '../../src/shared/packs-file.ts';
import type { Pack } from '../../src/facts/types.ts';

const IDS = { matcher: 'virtual:backstory/matcher', tag: 'virtual:backstory/matcher-tag', countries: 'virtual:backstory/country-names' } as const;
const RESOLVED = (id: string) => '\0' + id;

/** Reads and validates the packs; throws an Error listing every problem. */
export function loadValidatedPacks(): Pack[] {
  const dirs = readBundledPackDirs();
  const result = validatePacks(dirs.map((d) => ({ input: d.raw, file: d.dir, files: d.files })));
  if (!result.ok) {
    const lines = result.errors.map(formatPackError);
    throw new Error(`The bundled knowledge packs are invalid (${lines.length} problem${lines.length === 1 ? '' : 's'}):\n  ${lines.join('\n  ')}`);
  }
  return result.packs;
}

/** Languages whose country names are built in: those some browser's Intl cannot name countries in. */
const COUNTRY_NAME_LANGS = ['ka'];

/** `{ ka: { RU: 'რუსეთი', … } }` for every country a source of `packs` is tied to (empty where Node's Intl lacks the language). */
export function countryNames(packs: Pack[]): Record<string, Record<string, string>> {
  const codes = [...new Set(packs.flatMap((p) => p.entities.flatMap((e) => e.sources.map((s) => s.country ?? ''))))].filter(Boolean).sort();
  return Object.fromEntries(
    COUNTRY_NAME_LANGS.map((lang) => {
      const names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
      const known = names.resolvedOptions().locale === lang;
      return [lang, known ? Object.fromEntries(codes.flatMap((c) => (names.of(c) ? [[c, names.of(c)!]] : []))) : {}];
    }),
  );
}

/** `emitPacksFile`: also write the packs' records as the build's packs file (src/shared/packs-file.ts), which the background reads. */
export function packsPlugin(options: { emitPacksFile?: boolean } = {}): Plugin {
  let packs: Pack[] | null = null;
  const get = (): Pack[] => (packs ??= loadValidatedPacks());
  let compiled: CompiledMatcher | null = null;
  let json: string | null = null;
  const compiledNow = (): CompiledMatcher => (compiled ??= compileMatcher(get().flatMap((p) => p.entities)));
  const compiledJson = (): string => (json ??= JSON.stringify(compiledNow()));
  return {
    name: 'backstory-packs',
    buildStart() {
      packs = null;
      json = null;
      compiled = null;
      get();
      this.addWatchFile(PACKS_DIR);
    },
    resolveId(id) {
      return (Object.values(IDS) as string[]).includes(id) ? RESOLVED(id) : null;
    },
    load(id) {
      if (id === RESOLVED(IDS.matcher)) return `export default JSON.parse(${JSON.stringify(compiledJson())});`;
      if (id === RESOLVED(IDS.tag)) {
        const tag = createHash('sha256').update(compiledJson()).digest('hex').slice(0, 16);
        return `export default ${JSON.stringify(tag)};\nexport const scripts = ${compiledScripts(compiledNow())};`;
      }
      if (id === RESOLVED(IDS.countries)) return `export default ${JSON.stringify(countryNames(get()))};`;
      return null;
    },
    generateBundle() {
      if (options.emitPacksFile) this.emitFile({ type: 'asset', fileName: PACKS_FILE, source: JSON.stringify(get()) });
    },
  };
}
