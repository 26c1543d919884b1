/** Where a scan starts, and which block a changed node belongs to. */
import { INLINE_TAGS } from './skip.ts';

/** The nearest block (non-inline element, or the shadow root / document) holding a node. */
export function blockRoot(node: Node): Node | null {
  let n: Node | null = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode;
  while (n && n.nodeType === Node.ELEMENT_NODE && INLINE_TAGS.has((n as Element).localName)) n = n.parentNode;
  return n;
}

/** The article or main content of a page. */
const MAIN_CONTENT = 'main, article, [role="main"]';

/**
 * Where the first pass starts, so the names a reader sees come first: the article (or
 * main content, the first in document order) when the page marks one; otherwise, once the page
 * has loaded, the block at the upper middle of the viewport of a top page. Never
 * hit-testing while the page loads, nor in a subframe: `elementFromPoint` would force the
 * layout of the frame and its parent (500 small frames paid 5 ms each for it, their longest slice).
 */
export function firstRoot(doc: Document): Element | null {
  if (!doc.body) return null;
  // One native query: it walks the document when there is none (some 8 ms on a page of
  // 200,000 text nodes, within a slice), where reading element by element here cost up to
  // 7 ms on a news page in Firefox for the first few hundred elements.
  const main = doc.body.querySelector(MAIN_CONTENT);
  if (main || doc.readyState !== 'complete') return main;
  const view = doc.defaultView;
  if (!view || view !== view.top || typeof doc.elementFromPoint !== 'function') return null;
  const el = doc.elementFromPoint(view.innerWidth / 2, view.innerHeight / 3);
  if (!el || el === doc.body || el === doc.documentElement) return null;
  return el.parentElement?.parentElement ?? el;
}
