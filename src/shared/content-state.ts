/**
 * What a content script starts from (`ContentState` in messages.ts), read from storage: by the
 * background, which answers every frame's `backstory/state` with it, and by a frame whose
 * question gets no usable answer.
 */
import type { ContentState } from './messages.ts';
import { loadDisabledSites, loadSettings } from './settings.ts';
import { loadUserPacks } from './user-packs.ts';

/** The settings, the sites switched off and the imported packs, as stored (never throws: each falls back to its default). */
export async function loadContentState(): Promise<ContentState> {
  const [{ settings }, disabledSites, userPacks] = await Promise.all([loadSettings(), loadDisabledSites(), loadUserPacks()]);
  return { settings, disabledSites, userPacks };
}
