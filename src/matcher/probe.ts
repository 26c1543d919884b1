/**
 * The question a page's probe asks of the pack (src/content/scan/probe.ts): whether a text,
 * blocks run together, may name an entity of some kind. `Matcher.mayName` answers it; this
 * asks the entity test once per entity.
 */
import type { Matcher, MatcherEntity } from './types.ts';

/** A test of texts: whether `matcher` may name an entity that `wanted` takes (never false where a scan would find one). */
export function namesAnyOf(matcher: Matcher, wanted: (entity: MatcherEntity) => boolean): (text: string) => boolean {
  const memo = new Map<number, boolean>();
  const want = (e: number): boolean => {
    let w = memo.get(e);
    if (w === undefined) {
      const entity = matcher.entity(e);
      memo.set(e, (w = entity !== undefined && wanted(entity)));
    }
    return w;
  };
  return (text) => matcher.mayName(text, want);
}
