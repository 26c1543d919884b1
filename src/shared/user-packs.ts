/**
 * Packs imported by the reader, kept in `storage.local`: each pack under its own key
 * (`pack:<id>`) and an index of ids (`userPacks`). Writing the pack before the index means
 * a refused write (full quota) leaves the stored packs exactly as they were.
 */
import { browser } from './browser.ts';
import type { Pack } from '../facts/types.ts';
import { errorMessage } from './result.ts';

const INDEX_KEY = 'userPacks';
const packKey = (id: string) => `pack:${id}`;

/** Summary of an imported pack for the settings list. */
export interface UserPackInfo {
  id: string;
  name: string;
  version: string;
  entities: number;
  bytes: number;
}

async function readIndex(): Promise<string[]> {
  const got = await browser.storage.local.get(INDEX_KEY);
  const v = got[INDEX_KEY];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Every imported pack (unreadable entries are skipped, never thrown). */
export async function loadUserPacks(): Promise<Pack[]> {
  try {
    const ids = await readIndex();
    if (!ids.length) return [];
    const got = await browser.storage.local.get(ids.map(packKey));
    return ids.map((id) => got[packKey(id)]).filter((p): p is Pack => typeof p === 'object' && p !== null && Array.isArray((p as Pack).entities));
  } catch {
    return [];
  }
}

/** The list shown in settings. */
export async function listUserPacks(): Promise<UserPackInfo[]> {
  return (await loadUserPacks()).map((p) => ({
    id: p.id,
    name: p.name,
    version: p.version,
    entities: p.entities.length,
    bytes: new TextEncoder().encode(JSON.stringify(p)).length,
  }));
}

/** Stores a validated pack (replacing one with the same id). Resolves to an error message on failure; nothing stored is lost. */
export async function storeUserPack(pack: Pack): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    const ids = await readIndex();
    await browser.storage.local.set({ [packKey(pack.id)]: pack });
    if (!ids.includes(pack.id)) await browser.storage.local.set({ [INDEX_KEY]: [...ids, pack.id] });
    return { ok: true };
  } catch (e) {
    const msg = errorMessage(e);
    const full = /quota/i.test(msg);
    // The pack key may be half-written only if the browser failed mid-way; the index was not touched.
    const ids = await readIndex().catch(() => [] as string[]);
    if (!ids.includes(pack.id)) await browser.storage.local.remove(packKey(pack.id)).catch(() => undefined);
    return {
      ok: false,
      error: full
        ? `“${pack.name}” is too large for the space the browser gives Backstory. Nothing was changed; remove another imported pack and try again.`
        : `“${pack.name}” could not be saved (${msg}). Nothing was changed.`,
    };
  }
}

/** Removes an imported pack. */
export async function removeUserPack(id: string): Promise<void> {
  const ids = await readIndex();
  await browser.storage.local.set({ [INDEX_KEY]: ids.filter((x) => x !== id) });
  await browser.storage.local.remove(packKey(id));
}

/** Calls back when imported packs change. */
export function watchUserPacks(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string): void => {
    if (area === 'local' && Object.keys(changes).some((k) => k === INDEX_KEY || k.startsWith('pack:'))) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * The imported entities compiled into their matcher (in the background): those of the packs
 * switched on, minus the ids a bundled entity already has (the bundled one wins).
 */
export function activeUserEntities(packs: readonly Pack[], disabledPacks: readonly string[], bundledIds: ReadonlySet<string>): Pack['entities'] {
  const disabled = new Set(disabledPacks);
  return packs
    .filter((p) => !disabled.has(p.id))
    .flatMap((p) => p.entities)
    .filter((e) => !bundledIds.has(e.id));
}
