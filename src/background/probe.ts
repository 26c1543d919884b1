/**
 * The background's half of the page probe (src/content/scan/probe.ts): a content script
 * sends a page's text, blocks run together, and asks whether it may name something of the
 * region in the packs switched on. Answered here, off the page's main thread, with the
 * build's matcher, made once and warm for every page after the first; a page that names
 * nothing of the region never loads the automaton at all.
 */
import compiled from 'virtual:backstory/matcher';
import { createMatcher, isPagePart, namesAnyOf, ProbeAnswers, type Matcher, type NamesTest } from '../matcher/index.ts';
import { bundledPacks, entityIdsOf } from '../shared/bundled-packs.ts';

/** Longest text one question may hold (a content script sends at most PROBE_CHUNK and its overlap). */
export const MAX_PROBE_TEXT = 1_000_000;

let matcher: Matcher | null = null;
/** The test for the last set of packs switched off. */
let current: { off: string; test: NamesTest } | null = null;

/**
 * The test for these packs switched off (`on`: the ids of the bundled entities still on,
 * null when none is off). Only the bundled matcher is asked (with imported packs on, pages
 * do not ask), so the bundled packs alone say which entities are on.
 */
function testFor(off: readonly string[], on: ReadonlySet<string> | null): NamesTest {
  const key = off.join('\n');
  if (current?.off !== key) {
    const m = (matcher ??= createMatcher(compiled));
    current = { off: key, test: namesAnyOf(m, (e) => e.scope !== 'world' && (!on || on.has(e.id))) };
  }
  return current.test;
}

/** The set for the last packs switched off (every question of a page asks with the same ones). */
let onFor: { off: string; on: Promise<ReadonlySet<string>> } | null = null;

/** The ids of the bundled entities in the packs not switched off (`off`); null when none is off. */
export async function entitiesOn(off: readonly string[]): Promise<ReadonlySet<string> | null> {
  if (!off.length) return null;
  const key = off.join('\n');
  if (onFor?.off !== key) {
    const on = bundledPacks().then((packs) => entityIdsOf(packs.filter((p) => !off.includes(p.id))));
    onFor = { off: key, on };
    // A failed read is not kept: the next question reads again.
    on.catch(() => {
      if (onFor?.on === on) onFor = null;
    });
  }
  return onFor.on;
}

/** The packs a question says are switched off (its `off` field), strings only. */
export function packsOff(off: unknown): string[] {
  return Array.isArray(off) ? off.filter((p): p is string => typeof p === 'string') : [];
}

/** The pages being asked about. */
const answers = new ProbeAnswers();

/**
 * Whether `text` may name something of the region, and the time answering took here (ms).
 * `page`: the text is the next part of a whole page (ProbeAnswers); without it, a part on its own.
 */
export function probeText(text: unknown, off: unknown, page?: unknown, on: ReadonlySet<string> | null = null): { names: boolean; ms: number } {
  if (typeof text !== 'string' || text.length > MAX_PROBE_TEXT) throw new Error('Not a text the probe reads');
  const offIds = packsOff(off);
  const t0 = performance.now();
  // The packs switched off are part of a page's id: a page asked again with other packs starts afresh.
  const part = isPagePart(page) ? { ...page, id: `${offIds.join('\n')}\n${page.id}` } : undefined;
  const names = answers.answer(testFor(offIds, on), text, part);
  return { names, ms: performance.now() - t0 };
}
