/**
 * Node-only: the bundled packs' entities and the matcher compiled from them (CLI,
 * evaluation, benchmarks), read and compiled once per process.
 */
import { compileMatcher, createMatcher, type Matcher } from '../../src/matcher/index.ts';
import type { Entity } from '../../src/facts/types.ts';
import { loadBundledEntities } from './packs.ts';

let cached: { entities: Entity[]; matcher: Matcher } | undefined;

/** Every bundled pack's entities and their matcher, from one read of the packs. */
export function bundled(): { entities: Entity[]; matcher: Matcher } {
  if (!cached) {
    const entities = loadBundledEntities();
    cached = { entities, matcher: createMatcher(compileMatcher(entities)) };
  }
  return cached;
}

/** The matcher of every bundled pack. */
export const bundledMatcher = (): Matcher => bundled().matcher;
