/** Build-time modules served by scripts/lib/vite-plugin-packs.ts. */
declare module 'virtual:backstory/matcher' {
  import type { CompiledMatcher } from './matcher/index.ts';
  const compiled: CompiledMatcher;
  export default compiled;
}
declare module 'virtual:backstory/matcher-tag' {
  /** A hash of the compiled matcher's JSON: which build of the bundled matcher this is. */
  const tag: string;
  export default tag;
  /** The scripts the bundled names are written in (`SCRIPT_*` bits of src/matcher/normalize.ts). */
  export const scripts: number;
}
declare module 'virtual:backstory/country-names' {
  /** By UI language, the names of the countries the bundled packs' sources are tied to, by ISO code. */
  const names: Record<string, Record<string, string>>;
  export default names;
}
