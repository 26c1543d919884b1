/** The entity table of a compiled matcher (no trie is built for it). */
import { slugId } from './normalize.ts';
import { ALIAS_BLOCKER, type CompiledMatcher, type MatcherEntity } from './types.ts';

/** The entity table of a compiled matcher. */
export function hydrateEntities(c: CompiledMatcher): MatcherEntity[] {
  const firstAlias: string[] = [];
  let e = 0;
  c.aliasInfo.forEach((info, i) => {
    e += Math.floor(info / 16);
    if ((info >> 1) % 4 !== ALIAS_BLOCKER) firstAlias[e] ??= c.aliases[i]!;
  });
  const world = new Set(c.world);
  return c.ids.map((id, i) => {
    const topics: string[] = [];
    const base = c.topicNames.length + 1;
    for (let code = c.topics[i]!; code > 0; code = Math.floor(code / base)) topics.push(c.topicNames[(code % base) - 1]!);
    const name = c.names[i] || (firstAlias[i] ?? '');
    return { id: id || slugId(name), name, type: c.typeNames[c.types[i]!]!, topics, scope: world.has(i) ? 'world' : 'region' };
  });
}

/** Entity ids of a compiled matcher (cheap: no trie is built). */
export function compiledEntityIds(compiled: CompiledMatcher): string[] {
  return hydrateEntities(compiled).map((e) => e.id);
}
