/** What a compiled matcher holds beyond its automaton: the entity table, the scripts of its names. */
import { letterScript } from './normalize.ts';
import { intAt } from './packed.ts';
import type { CompiledMatcher, MatcherEntity } from './types.ts';

/**
 * The entity table of a compiled matcher, each entry built on first use: a page marks a
 * handful of the pack's entities, so making all of them on every page load would be most of
 * the automaton's decode time.
 */
export class EntityTable {
  private readonly made: (MatcherEntity | undefined)[] = [];
  private world: Set<number> | null = null;
  private all: MatcherEntity[] | null = null;

  constructor(private readonly c: CompiledMatcher) {}

  get size(): number {
    return this.c.ids.length;
  }

  /** Entry `i`, or undefined out of range. */
  at(i: number): MatcherEntity | undefined {
    const c = this.c;
    if (!(i >= 0 && i < c.ids.length)) return undefined;
    let e = this.made[i];
    if (e) return e;
    const base = c.topicNames.length + 1;
    const topics: string[] = [];
    for (let code = c.topics[i]!; code > 0; code = Math.floor(code / base)) topics.push(c.topicNames[(code % base) - 1]!);
    this.world ??= new Set(c.world);
    e = { id: c.ids[i]!, name: c.names[i]!, type: c.typeNames[c.types[i]!]!, topics, scope: this.world.has(i) ? 'world' : 'region' };
    this.made[i] = e;
    return e;
  }

  /** Whether entry `i` is a place (without building it). */
  isPlace(i: number): boolean {
    return this.c.typeNames[this.c.types[i]!] === 'place';
  }

  /** Every entry (built once). */
  list(): MatcherEntity[] {
    return (this.all ??= this.c.ids.map((_, i) => this.at(i)!));
  }
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
