/**
 * The bundled packs' records, read from the build's packs file (packs-file.ts) on first need:
 * by the background when a page first needs a record (a card, the side panel, a pack switched
 * off), by an extension page when it opens. They are in no script's bundle: a service worker
 * starts for a page's first message after every idle stop, and with megabytes of records in
 * its bundle that start took about 260 ms here, without them about 80.
 */
import type { Pack } from '../facts/types.ts';
import { browser } from './browser.ts';
import { PACKS_FILE } from './packs-file.ts';

let packs: Promise<readonly Pack[]> | null = null;

/** The bundled packs (read once; a failed read is tried again on the next call). */
export function bundledPacks(): Promise<readonly Pack[]> {
  packs ??= (async () => {
    const r = await fetch(browser.runtime.getURL(PACKS_FILE));
    if (!r.ok) throw new Error(`The bundled packs could not be read (${r.status})`);
    return (await r.json()) as Pack[];
  })().catch((e: unknown) => {
    packs = null;
    throw e;
  });
  return packs;
}

/** The entity ids of `packs`. */
export function entityIdsOf(packs: readonly Pack[]): Set<string> {
  return new Set(packs.flatMap((p) => p.entities.map((e) => e.id)));
}
