/** The bundled packs read from disk, for tests that mock `virtual:backstory/packs`. */
import { loadBundledPacks } from '../../scripts/lib/packs.ts';
import type { Entity, Pack } from '../../src/facts/types.ts';

export const PACKS: Pack[] = loadBundledPacks();

/** A bundled entity by id (throws when the dataset lost it, so the test says why). */
export function entity(id: string): Entity {
  const e = PACKS.flatMap((p) => p.entities).find((x) => x.id === id);
  if (!e) throw new Error(`No bundled entity "${id}"`);
  return e;
}
