/**
 * Node-only: the matcher compiled from the bundled packs (CLI, evaluation, benchmarks).
 */
import { compileMatcher, createMatcher, type Matcher } from '../../src/matcher/index.ts';
import { loadBundledEntities } from './packs.ts';

let cached: Matcher | undefined;

/** The matcher of every bundled pack, compiled once per process. */
export function bundledMatcher(): Matcher {
  cached ??= createMatcher(compileMatcher(loadBundledEntities()));
  return cached;
}
