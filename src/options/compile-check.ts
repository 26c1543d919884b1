/**
 * Imported packs compiled the way a content script compiles them (src/content/run/matchers.ts):
 * a pack can pass validation and still fail there, and the content script can only skip it.
 * Checked at import (nothing is stored) and whenever the options page lists the stored packs,
 * so the reader sees the failure in words instead of names that are silently never marked.
 */
import { compileMatcherWithoutSieve } from '../matcher/index.ts';
import type { Pack } from '../facts/types.ts';
import { errorMessage } from '../shared/result.ts';
import { activeUserEntities } from '../shared/user-packs.ts';
import { t } from '../ui/i18n.ts';

/** Why these packs (those switched on) cannot be compiled together, or null when they can. */
export function compileProblem(packs: readonly Pack[], disabledPacks: readonly string[], bundledIds: ReadonlySet<string>): string | null {
  const entities = activeUserEntities(packs, disabledPacks, bundledIds);
  if (!entities.length) return null;
  try {
    compileMatcherWithoutSieve(entities);
    return null;
  } catch (e) {
    // Name the pack when one fails on its own.
    const culprit = packs.find((p) => activeUserEntities([p], disabledPacks, bundledIds).length && fails(activeUserEntities([p], disabledPacks, bundledIds)));
    return t('importErrorPack', culprit ? `“${culprit.name}” (${culprit.id})` : t('importedPacks'), t('importErrorCompile', errorMessage(e)));
  }
}

function fails(entities: Pack['entities']): boolean {
  try {
    compileMatcherWithoutSieve(entities);
    return false;
  } catch {
    return true;
  }
}
