/**
 * The bundled matcher for this frame: the copy the background keeps in extension storage
 * when it is this build's, else the background's answer (src/shared/bundled-matcher-store.ts).
 * Only the build's tag and the scripts its names are written in are in content.js.
 */
import tag, { scripts } from 'virtual:backstory/matcher-tag';
import { browser } from '../../shared/browser.ts';
import { sendToBackground } from '../../shared/messaging.ts';
import { currentCopy, STORE_KEY } from '../../shared/bundled-matcher-store.ts';
import type { ContentToBackground } from '../../shared/messages.ts';
import type { CompiledMatcher } from '../../matcher/index.ts';

/** What the content script knows of the bundled matcher before it loads it. */
export interface BundledSource {
  /** The build's tag (a frame only borrows a matcher of the same build). */
  version: string;
  /** The scripts of its names (`SCRIPT_*` bits, src/matcher/normalize.ts). */
  scripts: number;
  /** Reads it. */
  load(): Promise<CompiledMatcher>;
}

export async function loadBundledMatcher(): Promise<CompiledMatcher> {
  try {
    const got = await browser.storage.local.get(STORE_KEY);
    const copy = currentCopy(got[STORE_KEY], tag);
    if (copy) return copy;
  } catch {
    /* storage unavailable: ask */
  }
  const r = await sendToBackground<ContentToBackground, 'backstory/matcher'>('backstory/matcher', {});
  if (!r.ok) throw new Error(`No matcher: ${r.error}`);
  return r.compiled;
}

export const BUNDLED: BundledSource = { version: tag, scripts, load: loadBundledMatcher };
