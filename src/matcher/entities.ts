/** What a compiled matcher holds beyond its automaton: the entity table, the scripts of its names. */
import { letterScript } from './normalize.ts';
import { intAt } from './packed.ts';
import type { CompiledMatcher, MatcherEntity } from './types.ts';

/** The entity table of a compiled matcher. */
export function hydrateEntities(c: CompiledMatcher): MatcherEntity[] {
  const world = new Set(c.world);
  const base = c.topicNames.length + 1;
  return c.ids.map((id, i) => {
    const topics: string[] = [];
    for (let code = c.topics[i]!; code > 0; code = Math.floor(code / base)) topics.push(c.topicNames[(code % base) - 1]!);
    return { id, name: c.names[i]!, type: c.typeNames[c.types[i]!]!, topics, scope: world.has(i) ? 'world' : 'region' };
  });
}

/** Entity ids of a compiled matcher. */
export function compiledEntityIds(compiled: CompiledMatcher): string[] {
  return compiled.ids;
}

/** The scripts the names of a compiled matcher start in (`SCRIPT_*` bits, see `letterScript`). */
export function compiledScripts(compiled: CompiledMatcher): number {
  const t = compiled.forms.trie;
  let bits = 0;
  if (t.n === 0) return 0;
  for (let k = intAt(t.first, 0); k < intAt(t.first, 1); k++) bits |= letterScript(t.edges.charCodeAt(intAt(t.lab, k)));
  return bits;
}
