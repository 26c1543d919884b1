/**
 * One hydrated matcher per same-origin frame tree. Same-origin frames share the page's
 * main thread, so 50 iframes each building their own tries would block it 50 times over
 * (and hold 50 copies). The top frame's content script leaves a getter on its window in
 * the extension's isolated world — invisible to the page's own scripts — and the content
 * scripts of same-origin subframes use it. Where that is not reachable (cross-origin
 * frames, Firefox's per-frame sandboxes), a frame hydrates its own.
 */
import { createMatcherIncremental, type CompiledMatcher, type MatcherBuilder } from '../../matcher/index.ts';

const KEY = '__backstorySharedMatcher';

type Getter = { version: string; get: () => MatcherBuilder };

/** A tag for this build's data, so a frame never borrows a matcher built from other data. */
const versionOf = (c: CompiledMatcher): string => `${c.v}:${c.ids.length}:${c.aliases.length}:${c.aliases[0] ?? ''}:${c.ids[0] ?? ''}`;

/**
 * The bundled matcher for this frame, as a builder that the scanner steps until it is
 * hydrated: borrowed from the top frame when possible (whichever frame steps it first
 * does the work, once), else started here on first use.
 */
export function sharedMatcher(win: Window, compiled: CompiledMatcher): () => MatcherBuilder {
  const version = versionOf(compiled);
  let own: MatcherBuilder | null = null;
  const local: Getter = { version, get: () => (own ??= createMatcherIncremental(compiled)) };
  if (win === win.top) {
    try {
      Object.defineProperty(win, KEY, { value: local, configurable: true });
    } catch {
      /* not extensible: keep it to ourselves */
    }
    return local.get;
  }
  return () => {
    try {
      const top = (win.top as unknown as Record<string, Getter | undefined> | null)?.[KEY];
      if (top && top.version === version && typeof top.get === 'function') return top.get();
    } catch {
      /* cross-origin top: no access */
    }
    return local.get();
  };
}
