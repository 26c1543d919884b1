/**
 * The entity records available to the background and the extension pages: the bundled
 * packs plus the reader's imported packs, minus packs switched off. The content script
 * never loads this (it carries only the compiled matcher). The bundled packs come from the
 * caller, which reads them from the build's packs file (bundled-packs.ts).
 */
import type { Entity, Pack } from '../facts/types.ts';
import { loadUserPacks } from './user-packs.ts';

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

/** The bundled packs `bundled` and the imported ones, indexed (disabled packs left out). */
export async function loadKnowledge(bundled: readonly Pack[], disabledPacks: readonly string[] = []): Promise<Knowledge> {
  return indexPacks([...bundled, ...(await loadUserPacks())], disabledPacks);
}
