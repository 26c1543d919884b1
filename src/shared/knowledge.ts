/**
 * The entity records available to the background and the extension pages: the bundled
 * packs plus the reader's imported packs, minus packs switched off. The content script
 * never loads this (it carries only the compiled matcher).
 */
import bundled from 'virtual:backstory/packs';
import type { Entity, Pack } from '../facts/types.ts';
import { loadUserPacks } from './user-packs.ts';

/**
 * The bundled packs, as validated at build time. Parsed on first use (megabytes of JSON): the
 * background's start, after every idle stop of its service worker, does not pay for them
 * unless a page needs a record.
 */
export const bundledPacks = (): readonly Pack[] => bundled();

/** An index over a set of packs. */
export interface Knowledge {
  packs: readonly Pack[];
  byId: ReadonlyMap<string, Entity>;
  /** Which pack each entity came from. */
  packOf: ReadonlyMap<string, string>;
}

/** Builds the index; on duplicate ids the earlier pack (bundled first) wins. */
export function indexPacks(packs: readonly Pack[], disabled: readonly string[] = []): Knowledge {
  const active = packs.filter((p) => !disabled.includes(p.id));
  const byId = new Map<string, Entity>();
  const packOf = new Map<string, string>();
  for (const p of active) {
    for (const e of p.entities) {
      if (byId.has(e.id)) continue;
      byId.set(e.id, e);
      packOf.set(e.id, p.id);
    }
  }
  return { packs: active, byId, packOf };
}

/** Bundled and imported packs, indexed (disabled packs left out). */
export async function loadKnowledge(disabledPacks: readonly string[] = []): Promise<Knowledge> {
  return indexPacks([...bundledPacks(), ...(await loadUserPacks())], disabledPacks);
}
