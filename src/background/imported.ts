/**
 * The matcher of the reader's imported packs, compiled here for every frame (`ImportedPacks`
 * in messages.ts): a page gets it ready to use, so content.js carries no compiler.
 */
import { compileMatcherWithoutSieve, type CompiledMatcher } from '../matcher/index.ts';
import type { Pack } from '../facts/types.ts';
import { activeUserEntities } from '../shared/user-packs.ts';

/**
 * The matcher of the imported entities of the packs not in `disabledPacks`, minus
 * `bundledIds` (the bundled entity wins); null when none is left, or when they do not compile
 * (the options page checks every pack it imports and shows the reader why; here a pack that
 * still fails leaves the bundled names working).
 */
export function compileImported(packs: readonly Pack[], disabledPacks: readonly string[], bundledIds: ReadonlySet<string>): CompiledMatcher | null {
  const entities = activeUserEntities(packs, disabledPacks, bundledIds);
  if (!entities.length) return null;
  try {
    return compileMatcherWithoutSieve(entities);
  } catch {
    return null;
  }
}
