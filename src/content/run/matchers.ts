/**
 * The matchers a run scans with: the bundled one (loaded on first use, so frames without
 * text worth reading never load it) and the one of the reader's imported packs that are
 * switched on, compiled in the background (`ImportedPacks`): no page compiles a matcher.
 */
import { createMatcher, type CompiledMatcher, type Matcher } from '../../matcher/index.ts';
import { sharedMatcher, type ReadyMatcher } from '../scan/shared-matcher.ts';

/** The matchers of a scan, and the main-thread time making them ready cost in this frame. */
export interface ReadyMatchers {
  matchers: Matcher[];
  /** ms: decoding the bundled automaton and the imported packs' here. */
  setupMs: number;
}

export class Matchers {
  private bundled: (() => Promise<ReadyMatcher>) | null = null;
  private bundledIdSet: Set<string> | null = null;
  /** The imported packs' matcher, made from the compiled one it was last given. */
  private imported: { from: CompiledMatcher; matcher: Matcher } | null = null;

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
   * The bundled matcher (loaded if needed) and the imported packs' (`imported`, compiled in
   * the background; null: none switched on). One that cannot be made ready is skipped, so
   * the other keeps working.
   */
  async ready(imported: CompiledMatcher | null): Promise<ReadyMatchers> {
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
    if (!imported) return out;
    const t0 = performance.now();
    try {
      if (this.imported?.from !== imported) this.imported = { from: imported, matcher: createMatcher(imported) };
      out.matchers.push(this.imported.matcher);
    } catch {
      /* see above */
    }
    out.setupMs += performance.now() - t0;
    return out;
  }
}
