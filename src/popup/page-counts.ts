/** How many mentions on the current page each topic and each type filter covers. */
import type { PageReport } from '../shared/messages.ts';

export interface PageCounts {
  byTopic: Map<string, number>;
  byType: Map<string, number>;
  mentions: number;
  entities: number;
}

export function pageCounts(report: PageReport | null | undefined): PageCounts {
  const byTopic = new Map<string, number>();
  const byType = new Map<string, number>();
  let mentions = 0;
  for (const e of report?.entities ?? []) {
    mentions += e.count;
    byType.set(e.type, (byType.get(e.type) ?? 0) + e.count);
    for (const tp of new Set(e.topics)) byTopic.set(tp, (byTopic.get(tp) ?? 0) + e.count);
  }
  return { byTopic, byType, mentions, entities: report?.entities.length ?? 0 };
}
