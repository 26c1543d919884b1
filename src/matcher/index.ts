/**
 * The matcher's public API: the only import path for other modules. Pure TypeScript
 * (no DOM, no browser API), so it runs in Node (build, CLI, evaluation) and in the page.
 *
 * ```ts
 * const m = createMatcher(compileMatcher(entities));
 * m.findMentions('Galuzin’s remarks in Moscow…');
 * ```
 */
export { compileMatcher } from './compile.ts';
export { compiledEntityIds, createMatcher, createMatcherIncremental } from './create.ts';
export { FORM_AMBIGUOUS } from './types.ts';
export type { CompiledMatcher, CompiledDisambiguation, Evidence, Hit, Matcher, MatcherBuilder, MatcherEntity, Mention } from './types.ts';
