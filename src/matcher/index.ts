/**
 * The matcher's public API: the only import path for other modules. Pure TypeScript
 * (no DOM, no browser API), so it runs in Node (build, CLI, evaluation) and in the page.
 *
 * ```ts
 * const m = createMatcher(compileMatcher(entities));
 * m.findMentions('Galuzin’s remarks in Moscow…');
 * ```
 */
export { compileMatcherWithoutSieve, surfaceForms } from './compile.ts';
export { compileMatcher } from './compile-matcher.ts';
export { compiledEntityIds, createMatcher } from './create.ts';
export { compiledScripts } from './entities.ts';
export { isPagePart, namesAnyOf, ProbeAnswers, type NamesTest, type PagePart } from './probe.ts';
export { ALL_SCRIPTS, SCRIPT_CYRILLIC, SCRIPT_GEORGIAN, SCRIPT_LATIN, letterScript, scriptPattern } from './normalize.ts';
export { FORM_AMBIGUOUS } from './types.ts';
export type { CompiledMatcher, CompiledDisambiguation, Evidence, Hit, Matcher, MatcherEntity, Mention, NameProbe } from './types.ts';
