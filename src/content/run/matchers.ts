/**
 * The matchers a run scans with: the bundled one (hydrated on first use, so frames without
 * text never pay for the tries) and one compiled from the reader's imported packs that are
 * switched on. Imported entities whose id a bundled entity has are left to the bundled one.
 */
import { compiledEntityIds, compileMatcher, createMatcherIncremental, type CompiledMatcher, type MatcherBuilder } from '../../matcher/index.ts';
import type { Pack } from '../../facts/types.ts';
import { activeUserEntities } from '../../shared/user-packs.ts';
import { sharedMatcher } from '../scan/shared-matcher.ts';

export class Matchers {
  private compiled: CompiledMatcher | null = null;
  private bundled: (() => MatcherBuilder) | null = null;
  // Built on first use (not at start-up, which runs while the page may still be loading).
  private bundledIdSet: Set<string> | null = null;

  /** The bundled matcher, once loaded. */
  setBundled(win: Window, compiled: CompiledMatcher): void {
    this.compiled = compiled;
    this.bundled = sharedMatcher(win, compiled);
    this.bundledIdSet = null;
  }

  /** Ids of the bundled entities. */
  bundledIds(): Set<string> {
    return (this.bundledIdSet ??= new Set(this.compiled ? compiledEntityIds(this.compiled) : []));
  }

  /**
   * The builders for these imported packs minus the switched-off ones. Imported packs are
   * compile-checked when the options page imports or lists them (src/options/compile-check.ts),
   * which shows the reader any failure; one that still fails here is skipped, so the bundled
   * names keep working.
   */
  builders(userPacks: readonly Pack[], disabledPacks: readonly string[]): MatcherBuilder[] {
    const entities = activeUserEntities(userPacks, disabledPacks, this.bundledIds());
    const own = this.bundled ? [this.bundled()] : [];
    if (!entities.length) return own;
    try {
      return [...own, createMatcherIncremental(compileMatcher(entities))];
    } catch {
      return own;
    }
  }
}
