/**
 * `compileMatcher`: the compiled matcher with its sieves (sieve.ts), for the build, the CLI,
 * the evaluation and the tests. Kept apart from compile.ts so that a content script, which
 * compiles imported packs without the sieve, never loads the sieve's builder.
 */
import type { Entity } from '../facts/types.ts';
import { compileMatcherWithoutSieve } from './compile.ts';
import { buildCueSieve, buildSieve } from './sieve.ts';
import { FORM_NEXT_SAME, type CompiledMatcher } from './types.ts';

/** Compiles entities into the serialisable matcher, sieve included; see `CompiledMatcher`. */
export function compileMatcher(entities: readonly Entity[]): CompiledMatcher {
  const compiled = compileMatcherWithoutSieve(entities);
  compiled.sieve = buildSieve(compiled.forms, FORM_NEXT_SAME);
  compiled.cueSieve = buildCueSieve(compiled.cues);
  return compiled;
}
