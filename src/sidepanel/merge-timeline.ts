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

export function mergeTimelines(entities: Entity[]): MergedEvent[] {
  const out: { ev: MergedEvent; order: number }[] = [];
  let order = 0;
  for (const e of entities) {
    const sources = new Map(e.sources.map((s) => [s.id, s]));
    for (const ev of e.timeline ?? []) out.push({ ev: { ...ev, entity: e, sourceRecord: sources.get(ev.source) }, order: order++ });
  }
  out.sort((a, b) => {
    const ka = dateSortKey(a.ev.date);
    const kb = dateSortKey(b.ev.date);
    return ka < kb ? -1 : ka > kb ? 1 : a.order - b.order;
  });
  return out.map((x) => x.ev);
}
