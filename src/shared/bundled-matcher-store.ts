/**
 * Where content scripts get the bundled matcher. It is not in content.js, which every page
 * and frame loads (its size would grow with the pack): the background keeps a copy in
 * `storage.local` under `STORE_KEY` with the build's tag, written when the extension is
 * installed, updated or started, and content scripts read it there (no web-accessible
 * resource a page could probe, and no service-worker wake-up). A missing or stale copy is
 * asked of the background by message instead.
 */
import type { CompiledMatcher } from '../matcher/index.ts';

export const STORE_KEY = 'bundledMatcher';

/** What is stored: the compiled matcher and the tag of the build that made it. */
export interface StoredMatcher {
  tag: string;
  compiled: CompiledMatcher;
}

/** The stored copy when it is this build's (`tag`), else undefined. */
export function currentCopy(stored: unknown, tag: string): CompiledMatcher | undefined {
  if (typeof stored !== 'object' || stored === null) return undefined;
  const s = stored as Partial<StoredMatcher>;
  return s.tag === tag && typeof s.compiled === 'object' && s.compiled !== null ? s.compiled : undefined;
}
