/**
 * The background's half of the page probe (src/content/scan/probe.ts): a content script
 * sends a page's text, blocks run together, and asks whether it may name something of the
 * region in the packs switched on. Answered here, off the page's main thread, with the
 * build's matcher, made once and warm for every page after the first; a page that names
 * nothing of the region never loads the automaton at all.
 */
import compiled from 'virtual:backstory/matcher';
import { createMatcher, namesAnyOf, type Matcher } from '../matcher/index.ts';
import { loadKnowledge } from '../shared/knowledge.ts';

/** Longest text one question may hold (a content script sends at most PROBE_CHUNK and its overlap). */
export const MAX_PROBE_TEXT = 1_000_000;

let matcher: Matcher | null = null;
/** The test for the last set of packs switched off. */
let current: { off: string; test: Promise<(text: string) => boolean> } | null = null;

function testFor(off: readonly string[]): Promise<(text: string) => boolean> {
  const key = off.join('\n');
  if (current?.off !== key) {
    const m = (matcher ??= createMatcher(compiled));
    // With a bundled pack switched off, only the entities of the packs still on count.
    const test = off.length ? loadKnowledge(off).then(({ byId }) => namesAnyOf(m, (e) => e.scope !== 'world' && byId.has(e.id))) : Promise.resolve(namesAnyOf(m, (e) => e.scope !== 'world'));
    current = { off: key, test };
  }
  return current.test;
}

/** Whether `text` may name something of the region, and the time answering took here (ms). */
export async function probeText(text: unknown, off: unknown): Promise<{ names: boolean; ms: number }> {
  if (typeof text !== 'string' || text.length > MAX_PROBE_TEXT) throw new Error('Not a text the probe reads');
  const packsOff = Array.isArray(off) ? off.filter((p): p is string => typeof p === 'string') : [];
  const t0 = performance.now();
  const names = (await testFor(packsOff))(text);
  return { names, ms: performance.now() - t0 };
}
