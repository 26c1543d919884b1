/** Where a scan starts, and which block a changed node belongs to. */
import { INLINE_TAGS } from './skip.ts';

/** The nearest block (non-inline element, or the shadow root / document) holding a node. */
export function blockRoot(node: Node): Node | null {
  let n: Node | null = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode;
  while (n && n.nodeType === Node.ELEMENT_NODE && INLINE_TAGS.has((n as Element).localName)) n = n.parentNode;
  return n;
}

/** Elements the search for the article or main content looks at, breadth first from <body>. */
const MAIN_LOOK = 600;

/**
 * The shallowest `<main>`, `<article>` or `role="main"` element within the first MAIN_LOOK
 * elements under <body>, breadth first. A selector query would walk the whole document when
 * there is none (8 ms on a page of 200,000 text nodes); the main content is near the top.
 */
function mainContent(body: Element): Element | null {
  const queue: Element[] = [body];
  let looked = 0;
  for (let i = 0; i < queue.length; i++) {
    for (let c = queue[i]!.firstElementChild; c; c = c.nextElementSibling) {
      if (++looked > MAIN_LOOK) return null;
      const name = c.localName;
      if (name === 'main' || name === 'article' || c.getAttribute('role') === 'main') return c;
      queue.push(c);
    }
  }
  return null;
}

/**
 * Where the first pass starts, so the names a reader sees come first: the article (or
 * main content) when the page marks one near the top of its tree; otherwise, once the page
 * has loaded, the block at the upper middle of the viewport of a top page. Never
 * hit-testing while the page loads, nor in a subframe: `elementFromPoint` would force the
 * layout of the frame and its parent (500 small frames paid 5 ms each for it, their longest slice).
 */
export function firstRoot(doc: Document): Element | null {
  if (!doc.body) return null;
  const main = mainContent(doc.body);
  if (main || doc.readyState !== 'complete') return main;
  const view = doc.defaultView;
  if (!view || view !== view.top || typeof doc.elementFromPoint !== 'function') return null;
  const el = doc.elementFromPoint(view.innerWidth / 2, view.innerHeight / 3);
  if (!el || el === doc.body || el === doc.documentElement) return null;
  return el.parentElement?.parentElement ?? el;
}
