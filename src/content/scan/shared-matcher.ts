/**
 * One bundled matcher per same-origin frame tree. Same-origin frames share the page's
 * main thread, so 50 iframes each reading and preparing the automaton would do it 50
 * times over (and hold 50 copies). The top frame's content script leaves a getter on its
 * window in the extension's isolated world — invisible to the page's own scripts — and the
 * content scripts of same-origin subframes use it. Where that is not reachable
 * (cross-origin frames, Firefox's per-frame sandboxes), a frame loads its own.
 */
import { createMatcher, type CompiledMatcher, type Matcher } from '../../matcher/index.ts';

const KEY = '__backstorySharedMatcher';

/** A matcher ready in this frame, and the main-thread time it cost here (0 when borrowed). */
export interface ReadyMatcher {
  matcher: Matcher;
  /** Time spent making it ready in this frame (decoding the stored automaton), ms. */
  decodeMs: number;
}

type Getter = { version: string; get: () => Promise<ReadyMatcher> };

/**
 * The bundled matcher for this frame, loaded on first use: borrowed from the top frame
 * when possible (whichever frame asks first loads it, once), else loaded here. `version`
 * tags the build, so a frame never borrows a matcher of other data.
 */
export function sharedMatcher(win: Window, version: string, load: () => Promise<CompiledMatcher>): () => Promise<ReadyMatcher> {
  let own: Promise<ReadyMatcher> | null = null;
  const local: Getter = {
    version,
    get: () =>
      (own ??= load().then((compiled) => {
        const t0 = performance.now();
        const matcher = createMatcher(compiled);
        return { matcher, decodeMs: performance.now() - t0 };
      })),
  };
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
      if (top && top.version === version && typeof top.get === 'function') return top.get().then(({ matcher }) => ({ matcher, decodeMs: 0 }));
    } catch {
      /* cross-origin top: no access */
    }
    return local.get();
  };
}
