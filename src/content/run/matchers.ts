/**
 * The matchers a run scans with: the bundled one (loaded on first use, so frames without
 * text worth reading never load it) and one compiled from the reader's imported packs that
 * are switched on. Imported entities whose id a bundled entity has are left to the bundled one.
 */
import { compileMatcherWithoutSieve, createMatcher, type CompiledMatcher, type Matcher } from '../../matcher/index.ts';
import type { Pack } from '../../facts/types.ts';
import { activeUserEntities } from '../../shared/user-packs.ts';
import { sharedMatcher, type ReadyMatcher } from '../scan/shared-matcher.ts';

/** The matchers of a scan, and the main-thread time making them ready cost in this frame. */
export interface ReadyMatchers {
  matchers: Matcher[];
  /** ms: decoding the bundled automaton here, compiling imported packs. */
  setupMs: number;
}

export class Matchers {
  private bundled: (() => Promise<ReadyMatcher>) | null = null;
  private bundledIdSet: Set<string> | null = null;

  /** Where the bundled matcher comes from (read on first use). */
  setBundled(win: Window, version: string, load: () => Promise<CompiledMatcher>): void {
    this.bundled = sharedMatcher(win, version, load);
    this.bundledIdSet = null;
  }

  /** Ids of the bundled entities (empty until the bundled matcher is loaded). */
  bundledIds(): Set<string> {
    return this.bundledIdSet ?? new Set();
  }

  /**
   * The bundled matcher (loaded if needed) and one for these imported packs minus the
   * switched-off ones. Imported packs are compile-checked when the options page imports or
   * lists them (src/options/compile-check.ts), which shows the reader any failure; one that
   * still fails here is skipped, so the bundled names keep working. A bundled matcher that
   * cannot be loaded leaves the imported ones.
   */
  async ready(userPacks: readonly Pack[], disabledPacks: readonly string[]): Promise<ReadyMatchers> {
    const out: ReadyMatchers = { matchers: [], setupMs: 0 };
    if (this.bundled) {
      try {
        const { matcher, decodeMs } = await this.bundled();
        this.bundledIdSet ??= new Set(matcher.ids);
        out.matchers.push(matcher);
        out.setupMs += decodeMs;
      } catch {
        /* no bundled names; imported packs still work */
      }
    }
    const entities = activeUserEntities(userPacks, disabledPacks, this.bundledIds());
    if (!entities.length) return out;
    const t0 = performance.now();
    try {
      out.matchers.push(createMatcher(compileMatcherWithoutSieve(entities)));
    } catch {
      /* see above */
    }
    out.setupMs += performance.now() - t0;
    return out;
  }
}
