/**
 * The mentions found on the page: live Ranges with their entity, indexed by text node
 * for hit-testing, and ordered by position in the document for reports, first-mention
 * filtering and keyboard stepping.
 */
import type { MatcherEntity } from '../../matcher/index.ts';

/** One marked (or markable) mention of an entity. */
export interface PageMention {
  range: Range;
  entity: MatcherEntity;
  /** The text nodes the range touches. */
  nodes: Text[];
  /** The text it covered when found; a mismatch later means the page changed it. */
  text: string;
  /**
   * Where it was read: the reader (one walk of one root), its block's place in that walk and
   * the offset in the block. Mentions one walk found sort by these alone, without asking the
   * DOM (a walk reads in document order).
   */
  order?: { reader: number; block: number; start: number };
}

/** The node whose position stands for a mention in a document-order sort (shadow text → its host). */
function orderNode(n: Node): Node {
  let node = n;
  for (let root = node.getRootNode(); root instanceof ShadowRoot; root = node.getRootNode()) node = root.host;
  return node;
}

function compareMentions(a: PageMention, b: PageMention): number {
  const oa = a.order;
  const ob = b.order;
  if (oa && ob && oa.reader === ob.reader) return oa.block - ob.block || oa.start - ob.start;
  const na = orderNode(a.range.startContainer);
  const nb = orderNode(b.range.startContainer);
  if (na === nb) {
    if (a.range.startContainer === b.range.startContainer) return a.range.startOffset - b.range.startOffset;
    // Same host: order the shadow tree's text by its own position.
    const pos = a.range.startContainer.compareDocumentPosition(b.range.startContainer);
    return pos & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : pos & Node.DOCUMENT_POSITION_PRECEDING ? 1 : 0;
  }
  const pos = na.compareDocumentPosition(nb);
  if (pos & Node.DOCUMENT_POSITION_CONTAINED_BY) return -1;
  if (pos & Node.DOCUMENT_POSITION_CONTAINS) return 1;
  return pos & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/** The set of mentions with its two indexes. */
export class MentionStore {
  private readonly byNode = new Map<Text, PageMention[]>();
  private readonly all = new Set<PageMention>();
  private sorted: PageMention[] | null = null;

  get size(): number {
    return this.all.size;
  }

  /** Adds a mention unless one already starts at the same place; returns whether it was added. */
  add(m: PageMention): boolean {
    const first = m.nodes[0]!;
    const list = this.byNode.get(first);
    if (list?.some((o) => o.range.startContainer === m.range.startContainer && o.range.startOffset === m.range.startOffset)) return false;
    for (const n of m.nodes) {
      const l = this.byNode.get(n);
      if (l) l.push(m);
      else this.byNode.set(n, [m]);
    }
    this.all.add(m);
    this.sorted = null;
    return true;
  }

  remove(m: PageMention): void {
    if (!this.all.delete(m)) return;
    for (const n of m.nodes) {
      const l = this.byNode.get(n);
      if (!l) continue;
      const i = l.indexOf(m);
      if (i >= 0) l.splice(i, 1);
      if (!l.length) this.byNode.delete(n);
    }
    this.sorted = null;
  }

  clear(): void {
    this.all.clear();
    this.byNode.clear();
    this.sorted = null;
  }

  /** Removes mentions that start inside any of `roots`; returns how many. */
  removeWithin(roots: readonly Node[]): number {
    let n = 0;
    for (const m of [...this.all]) {
      const start = m.range.startContainer;
      if (roots.some((r) => r.contains(start))) {
        this.remove(m);
        n++;
      }
    }
    return n;
  }

  /** Drops mentions whose nodes left the document or whose text changed; returns how many. */
  prune(): number {
    let n = 0;
    for (const m of [...this.all]) {
      if (m.nodes.every((t) => t.isConnected) && !m.range.collapsed && m.range.toString() === m.text) continue;
      this.remove(m);
      n++;
    }
    return n;
  }

  /** Mentions touching a text node (for hit-testing). */
  at(node: Node): readonly PageMention[] {
    return this.byNode.get(node as Text) ?? [];
  }

  /** Every mention in document order (cached until the set changes). */
  ordered(): readonly PageMention[] {
    if (!this.sorted) {
      this.sorted = [...this.all];
      this.sorted.sort(compareMentions);
    }
    return this.sorted;
  }
}

/** The part [start, end] of a text node that a mention covers. */
export function coverage(m: PageMention, node: Node): [number, number] {
  const r = m.range;
  const start = r.startContainer === node ? r.startOffset : 0;
  const end = r.endContainer === node ? r.endOffset : (node as Text).length;
  return [start, end];
}
