/** Whether a frame is worth reading, and how long its first scan waits. */

/** Longest the first scan waits for the page's `load` event, ms. */
export const TOP_LOAD_WAIT_MS = 1000;

/** Longest the top frame waits for an idle moment after the load, ms. */
export const TOP_IDLE_TIMEOUT_MS = 200;

/** Longest a subframe waits for an idle moment before its first scan, ms. */
export const SUBFRAME_IDLE_TIMEOUT_MS = 1500;

/** Frames smaller than this (tracking pixels, hidden ad slots) are not scanned, px. */
const MIN_FRAME = { width: 80, height: 40 };

/** The cheap gate for a frame: a top page always, a subframe only if it is big enough to read. */
export function frameWorthIt(win: Window): boolean {
  return win === win.top || (win.innerWidth >= MIN_FRAME.width && win.innerHeight >= MIN_FRAME.height);
}

/**
 * A page worth scanning: an HTML document with some non-blank text. Looks at a few
 * hundred text nodes at most: a page with more than that is assumed to have text.
 */
export function pageHasText(doc: Document): boolean {
  if (!(doc.documentElement instanceof HTMLElement) || !doc.body) return false;
  const w = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  let n = w.nextNode();
  for (let i = 0; n && i < 256; n = w.nextNode(), i++) if (/\S/.test((n as Text).data)) return true;
  return n !== null;
}
