/**
 * The article's merged timeline: every timeline event of every entity on the page, in
 * date order (ties keep the order in which the entities appear on the page).
 */
import type { Entity, Source, TimelineEvent } from '../facts/types.ts';
import { dateSortKey } from '../ui/date-label.ts';

/** One event of the merged timeline, with the entity it belongs to. */
export interface MergedEvent extends TimelineEvent {
  entity: Entity;
  sourceRecord: Source | undefined;
}

/** Events in date order (a stable sort: events of one date keep their order). */
export function inDateOrder<T extends { date: string }>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => {
    const ka = dateSortKey(a.date);
    const kb = dateSortKey(b.date);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

export function mergeTimelines(entities: Entity[]): MergedEvent[] {
  const out: MergedEvent[] = [];
  for (const e of entities) {
    const sources = new Map(e.sources.map((s) => [s.id, s]));
    for (const ev of e.timeline ?? []) out.push({ ...ev, entity: e, sourceRecord: sources.get(ev.source) });
  }
  return inDateOrder(out);
}
