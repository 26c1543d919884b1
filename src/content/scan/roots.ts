/** Where a scan starts, and which block a changed node belongs to. */
import { INLINE_TAGS } from './skip.ts';

/** The nearest block (non-inline element, or the shadow root / document) holding a node. */
export function blockRoot(node: Node): Node | null {
  let n: Node | null = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode;
  while (n && n.nodeType === Node.ELEMENT_NODE && INLINE_TAGS.has((n as Element).localName)) n = n.parentNode;
  return n;
}

/** The article or main content of a page. */
export const MAIN_CONTENT = 'main, article, [role="main"]';
/**
 * Elements under <body> up to which a page is searched with one native query. The query
 * walks the whole page when there is no article: ~0.5 ms at this size, but up to 19 ms in
 * one slice on the 200,000-node stress page.
 */
export const QUERY_LIMIT = 20_000;
/** Elements a bigger page's breadth-first search looks at (its main content is near the top). */
export const MAIN_LOOK = 600;

/**
 * The article or main content, the first in document order: by one native query on a page
 * of normal size (counting its elements stops at QUERY_LIMIT); on a bigger page, the
 * shallowest among its first MAIN_LOOK elements, breadth first.
 */
function mainContent(body: Element): Element | null {
  if (!body.getElementsByTagName('*').item(QUERY_LIMIT)) return body.querySelector(MAIN_CONTENT);
  const queue: Element[] = [body];
  let looked = 0;
  for (let i = 0; i < queue.length; i++) {
    for (let c = queue[i]!.firstElementChild; c; c = c.nextElementSibling) {
      if (++looked > MAIN_LOOK) return null;
      if (c.matches(MAIN_CONTENT)) return c;
      queue.push(c);
    }
  }
  return null;
}

/**
 * Where the first pass starts, so the names a reader sees come first: the article (or
 * main content) when the page marks one (see mainContent); otherwise, once the page
 * has loaded, the block at the upper middle of the viewport of a top page. Never
 * hit-testing while the page loads, nor in a subframe: `elementFromPoint` would force the
 * layout of the frame and its parent (500 small frames paid 5 ms each for it, their longest slice).
 */
export function firstRoot(doc: Document): Element | null {
  if (!doc.body) return null;
  // Native code where it is bounded: reading element by element cost up to 7 ms on a news
  // page in Firefox (each read crosses an Xray wrapper there).
  const main = mainContent(doc.body);
  if (main || doc.readyState !== 'complete') return main;
  const view = doc.defaultView;
  if (!view || view !== view.top || typeof doc.elementFromPoint !== 'function') return null;
  const el = doc.elementFromPoint(view.innerWidth / 2, view.innerHeight / 3);
  if (!el || el === doc.body || el === doc.documentElement) return null;
  return el.parentElement?.parentElement ?? el;
}
