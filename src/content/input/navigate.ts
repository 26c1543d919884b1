/**
 * Moving through the page's marks without a pointer: the keyboard command steps to the
 * next or previous mention (scrolled into view, card opened with focus inside), and the
 * side panel's "show in page" reveals the next mention of one entity with a brief flash.
 */
import type { PageMention } from '../scan/mentions.ts';

/** Brings a mention into view: nested scroll containers first, then the window if needed. */
export function scrollToMention(m: PageMention): void {
  const n = m.range.startContainer;
  const el = n.nodeType === Node.ELEMENT_NODE ? (n as Element) : n.parentElement;
  const win = (el ?? n).ownerDocument?.defaultView;
  el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const r = m.range.getBoundingClientRect();
  if (win && (r.top < 0 || r.bottom > win.innerHeight)) win.scrollBy(0, r.top - win.innerHeight / 2);
}

/**
 * The index in `list` to step to from `current` (the open card's mention, if any): the
 * next/previous one, wrapping; without a current one, the first below the top of the
 * viewport (forward) or the last above its bottom (backward).
 */
export function stepIndex(list: readonly PageMention[], current: PageMention | null, direction: 1 | -1, viewportHeight: number): number {
  if (!list.length) return -1;
  const i = current ? list.indexOf(current) : -1;
  if (i >= 0) return (i + direction + list.length) % list.length;
  if (direction === 1) {
    const below = list.findIndex((m) => m.range.getBoundingClientRect().top >= 0);
    return below < 0 ? 0 : below;
  }
  const after = list.findIndex((m) => m.range.getBoundingClientRect().bottom > viewportHeight);
  return after > 0 ? after - 1 : list.length - 1;
}

/** Remembers, per entity, which mention was revealed last, so each reveal moves on. */
export class Revealer {
  private readonly at = new Map<string, number>();

  /** The next mention of `entityId` among `list`, with its index and the total. */
  next(list: readonly PageMention[], entityId: string): { mention: PageMention | null; index: number; total: number } {
    const mine = list.filter((m) => m.entity.id === entityId);
    if (!mine.length) return { mention: null, index: -1, total: 0 };
    const index = ((this.at.get(entityId) ?? -1) + 1) % mine.length;
    this.at.set(entityId, index);
    return { mention: mine[index]!, index, total: mine.length };
  }

  clear(): void {
    this.at.clear();
  }
}
