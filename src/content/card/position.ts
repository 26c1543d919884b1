/**
 * Keeps the card placed against a mention's Range (the geometry is place-card.ts): now,
 * then again in the next animation frame after any scroll (the page's or a
 * scrolling box's), a resize of the window, of the card (its record arrives), of the
 * mention's element or of the document (content loaded above it). Coordinates are the
 * viewport's: the card is `position: fixed` in the top layer.
 */
import { PLACE_DEFAULTS, lineUnder, placeCard, referenceRect, type Rect } from './place-card.ts';

/** Starts positioning `card` at `range`; `point`: the pointer that opened it. Returns the stop function. */
export function anchorCard(range: Range, card: HTMLElement, point: { x: number; y: number } | null): () => void {
  const doc = card.ownerDocument;
  const win = doc.defaultView ?? window;
  const start = range.startContainer;
  const el = start.nodeType === Node.ELEMENT_NODE ? (start as Element) : start.parentElement;
  const opts = { ...PLACE_DEFAULTS, align: el && win.getComputedStyle(el).direction === 'rtl' ? ('end' as const) : ('start' as const) };
  // The line of a wrapped name is chosen once: after a scroll the point no longer lies on it.
  let line: number | null = null;
  // A first placement with no box to go by (a range already collapsed) goes by the pointer.
  const pointer: Rect | null = point && { left: point.x, right: point.x, top: point.y, bottom: point.y };
  let written = '';
  let frame = 0;
  // A new mention: measure the card at its natural height, not the last one's room.
  card.style.removeProperty('--avail-h');

  const update = (): void => {
    frame = 0;
    const rects = [...range.getClientRects()];
    if (line === null && rects.length) line = point ? lineUnder(rects, point) : 0;
    // No box left (the range collapsed, its text left the page): the card stays where it
    // was. getBoundingClientRect() is no fallback: it is the union of these same rects.
    const ref = referenceRect(rects, line ?? 0) ?? (written ? null : pointer);
    if (!ref) return;
    const box = card.getBoundingClientRect();
    const p = placeCard(ref, { width: box.width, height: box.height }, viewportOf(doc), opts);
    const next = `${Math.round(p.x)} ${Math.round(p.y)} ${p.availHeight}`;
    if (next === written) return;
    written = next;
    card.style.left = `${Math.round(p.x)}px`;
    card.style.top = `${Math.round(p.y)}px`;
    card.style.setProperty('--avail-h', `${p.availHeight}px`);
  };
  const schedule = (): void => {
    frame ||= win.requestAnimationFrame(update);
  };

  // Scroll events do not bubble, and stop at a shadow root: listen in the capture phase
  // on the window and on every shadow root the mention sits in.
  const scrollTargets: EventTarget[] = [win];
  for (let root = start.getRootNode(); isShadowRoot(root); root = root.host.getRootNode()) scrollTargets.push(root);
  const listen = { capture: true, passive: true };
  for (const t of scrollTargets) t.addEventListener('scroll', schedule, listen);
  win.addEventListener('resize', schedule, listen);
  const resized = new ResizeObserver(schedule);
  for (const target of [card, el, doc.documentElement]) if (target) resized.observe(target);
  update();

  return () => {
    for (const t of scrollTargets) t.removeEventListener('scroll', schedule, listen);
    win.removeEventListener('resize', schedule, listen);
    resized.disconnect();
    if (frame) win.cancelAnimationFrame(frame);
    frame = 0;
  };
}

/** The layout viewport without its scrollbars (in quirks mode the body reports it). */
function viewportOf(doc: Document): { width: number; height: number } {
  const root = (doc.compatMode === 'BackCompat' && doc.body) || doc.documentElement;
  const win = doc.defaultView ?? window;
  return { width: root.clientWidth || win.innerWidth, height: root.clientHeight || win.innerHeight };
}

function isShadowRoot(node: Node): node is ShadowRoot {
  return node.nodeType === Node.DOCUMENT_FRAGMENT_NODE && Boolean((node as ShadowRoot).host);
}
