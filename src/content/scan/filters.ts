/**
 * What is marked: the mentions the reader's settings let through (types, topics, first
 * mention only), and the per-entity counts of the page report. Pure functions over
 * mentions in document order, so the popup's counts and the marks agree.
 */
import type { EntityOnPage } from '../../shared/messages.ts';
import type { Settings } from '../../shared/settings.ts';
import type { PageMention } from './mentions.ts';

/**
 * What the page is to the pack: it names something of the region, only world-level names
 * (USA, NATO, the UN…), or nothing the pack has.
 */
export type PageVerdict = 'region' | 'world-only' | 'none';

export function pageVerdict(ordered: readonly PageMention[], known: (id: string) => boolean): PageVerdict {
  let world = false;
  for (const m of ordered) {
    if (!known(m.entity.id)) continue;
    if (m.entity.scope !== 'world') return 'region';
    world = true;
  }
  return world ? 'world-only' : 'none';
}

/**
 * The mentions to mark, in document order. An entity is hidden when its type is hidden
 * or when any of its topics is hidden (switching a topic off removes every mark that
 * carries it). `known(id)` is false for entities whose pack is switched off. World-scope
 * names are marked only beside a region name on the same page (frame), unless the reader
 * asked for them everywhere: a Russia–Georgia pack underlining every "U.S." on the web is noise.
 */
export function visibleMentions(ordered: readonly PageMention[], settings: Settings, known: (id: string) => boolean): PageMention[] {
  const worldOk = settings.markWorldEverywhere || pageVerdict(ordered, known) === 'region';
  const hiddenTopics = new Set<string>(settings.hiddenTopics);
  const seen = new Set<string>();
  const out: PageMention[] = [];
  for (const m of ordered) {
    const e = m.entity;
    if (settings.hiddenTypes.includes(e.type) || e.topics.some((t) => hiddenTopics.has(t)) || !known(e.id)) continue;
    if (e.scope === 'world' && !worldOk) continue;
    if (settings.firstMentionOnly) {
      if (seen.has(e.id)) continue;
      seen.add(e.id);
    }
    out.push(m);
  }
  return out;
}

/** Entities in order of first appearance with all their mentions counted (before the reader's filters). */
export function entitiesOnPage(ordered: readonly PageMention[], known: (id: string) => boolean): EntityOnPage[] {
  const counts = new Map<string, EntityOnPage>();
  for (const m of ordered) {
    const e = m.entity;
    if (!known(e.id)) continue;
    const got = counts.get(e.id);
    if (got) got.count++;
    else counts.set(e.id, { id: e.id, name: e.name, type: e.type, topics: [...e.topics], count: 1 });
  }
  return [...counts.values()];
}
