/**
 * What a content script starts from (`ContentState` in messages.ts), read from storage: by the
 * background, which answers every frame's `backstory/state` with it, and by a frame whose
 * question gets no usable answer.
 */
import type { CompiledMatcher } from '../matcher/index.ts';
import type { Pack } from '../facts/types.ts';
import type { ContentState } from './messages.ts';
import { loadDisabledSites, loadSettings } from './settings.ts';
import { loadUserPacks } from './user-packs.ts';

/** Compiles the imported packs switched on (the background's `compileImported`). */
export type CompileImported = (packs: readonly Pack[], disabledPacks: readonly string[]) => CompiledMatcher | null;

/**
 * The settings, the sites switched off and the imported packs, as stored (never throws: each
 * falls back to its default). Without `compile` (a frame reading storage because the
 * background did not answer) the imported packs come without their matcher: the compiler
 * stays out of the content script, and the bundled names still work.
 */
export async function loadContentState(compile?: CompileImported): Promise<ContentState> {
  const [{ settings }, disabledSites, userPacks] = await Promise.all([loadSettings(), loadDisabledSites(), loadUserPacks()]);
  return { settings, disabledSites, imported: { ids: userPacks.map((p) => p.id), compiled: compile?.(userPacks, settings.disabledPacks) ?? null } };
}
