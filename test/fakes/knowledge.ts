/**
 * Stand-in for src/shared/knowledge.ts in DOM tests, where the build-time module
 * `virtual:backstory/packs` does not exist: the bundled packs are read from disk, and
 * imported packs come from the (fake) storage through the real user-packs module.
 * Wire it with vi.mock('…/src/shared/knowledge.ts', () => import('…/test/fakes/knowledge.ts')).
 */
import type { Entity, Pack } from '../../src/facts/types.ts';
import { loadUserPacks } from '../../src/shared/user-packs.ts';
import { PACKS } from './packs.ts';

export const BUNDLED_PACKS: readonly Pack[] = PACKS;

export interface Knowledge {
  packs: readonly Pack[];
  byId: ReadonlyMap<string, Entity>;
  packOf: ReadonlyMap<string, string>;
}

/** Same rules as the real one: disabled packs left out, the earlier pack wins a duplicate id. */
export function indexPacks(packs: readonly Pack[], disabled: readonly string[] = []): Knowledge {
  const active = packs.filter((p) => !disabled.includes(p.id));
  const byId = new Map<string, Entity>();
  const packOf = new Map<string, string>();
  for (const p of active)
    for (const e of p.entities) {
      if (byId.has(e.id)) continue;
      byId.set(e.id, e);
      packOf.set(e.id, p.id);
    }
  return { packs: active, byId, packOf };
}

export async function loadKnowledge(disabledPacks: readonly string[] = []): Promise<Knowledge> {
  return indexPacks([...BUNDLED_PACKS, ...(await loadUserPacks())], disabledPacks);
}
