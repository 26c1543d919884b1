/**
 * Which mention is under a point: the caret position at the point (piercing the open
 * shadow roots we scanned), then the mentions indexed on that text node, confirmed
 * against the range's line boxes (a caret is found even beside the text).
 */
import { coverage, type MentionStore, type PageMention } from '../scan/mentions.ts';

type CaretFn = (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => { offsetNode: Node; offset: number } | null;

/** The text node and offset under a point, or null. */
export function caretAt(doc: Document, x: number, y: number, shadowRoots: readonly ShadowRoot[]): { node: Node; offset: number } | null {
  const cpfp = (doc as Document & { caretPositionFromPoint?: CaretFn }).caretPositionFromPoint;
  if (cpfp) {
    const p = shadowRoots.length ? cpfp.call(doc, x, y, { shadowRoots: [...shadowRoots] }) : cpfp.call(doc, x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const crfp = (doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }).caretRangeFromPoint;
  const r = crfp?.call(doc, x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

/** True when (x, y) lies in one of the range's boxes (with a little slack for the underline). */
export function rangeContains(range: Range, x: number, y: number, slack = 2): boolean {
  const rects = range.getClientRects();
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i]!;
    if (x >= r.left - slack && x <= r.right + slack && y >= r.top - slack && y <= r.bottom + slack) return true;
  }
  return false;
}

/**
 * The mention (among those `accept` lets through) under a point, or null. The caller
 * takes our own UI out of hit-testing first (CardController.withoutHitTesting).
 */
export function mentionAt(doc: Document, x: number, y: number, store: MentionStore, shadowRoots: readonly ShadowRoot[], accept: (m: PageMention) => boolean): PageMention | null {
  const caret = caretAt(doc, x, y, shadowRoots);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return null;
  const list = store.at(caret.node);
  for (const m of list) {
    if (!accept(m)) continue;
    const [start, end] = coverage(m, caret.node);
    if (caret.offset < start || caret.offset > end) continue;
    if (rangeContains(m.range, x, y)) return m;
  }
  return null;
}
