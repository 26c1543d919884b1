/**
 * The background's half of the page probe (src/content/scan/probe.ts): a content script
 * sends a page's text, blocks run together, and asks whether it may name something of the
 * region in the packs switched on. Answered here, off the page's main thread, with the
 * build's matcher, made once and warm for every page after the first; a page that names
 * nothing of the region never loads the automaton at all.
 */
import compiled from 'virtual:backstory/matcher';
import { createMatcher, namesAnyOf, type Matcher } from '../matcher/index.ts';
import { BUNDLED_PACKS, indexPacks } from '../shared/knowledge.ts';

/** Longest text one question may hold (a content script sends at most PROBE_CHUNK and its overlap). */
export const MAX_PROBE_TEXT = 1_000_000;

let matcher: Matcher | null = null;
/** The test for the last set of packs switched off. */
let current: { off: string; test: (text: string) => boolean } | null = null;

/**
 * The test for these packs switched off. Only the bundled matcher is asked (with imported
 * packs on, pages do not ask), so the bundled packs alone say which entities are on.
 */
function testFor(off: readonly string[]): (text: string) => boolean {
  const key = off.join('\n');
  if (current?.off !== key) {
    const m = (matcher ??= createMatcher(compiled));
    const on = off.length ? indexPacks(BUNDLED_PACKS, off).byId : null;
    current = { off: key, test: namesAnyOf(m, (e) => e.scope !== 'world' && (!on || on.has(e.id))) };
  }
  return current.test;
}

/** Whether `text` may name something of the region, and the time answering took here (ms). */
export function probeText(text: unknown, off: unknown): { names: boolean; ms: number } {
  if (typeof text !== 'string' || text.length > MAX_PROBE_TEXT) throw new Error('Not a text the probe reads');
  const packsOff = Array.isArray(off) ? off.filter((p): p is string => typeof p === 'string') : [];
  const t0 = performance.now();
  const names = testFor(packsOff)(text);
  return { names, ms: performance.now() - t0 };
}
