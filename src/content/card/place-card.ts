/**
 * Where the card goes, as pure geometry (no DOM, so it is unit-tested in Node): below
 * the mention with its start edge on the mention's, above it when it does not fit below
 * and there is more room above, always inside the viewport, and how tall it may grow on
 * that side. position.ts feeds it the live boxes.
 */

/** A box in viewport (client) coordinates. */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** How to place: gap to the mention, margin kept inside the viewport, the least height offered. */
export interface PlaceOptions {
  gap: number;
  padding: number;
  minHeight: number;
  /** `start`: the card's left edge on the mention's left (left-to-right text); `end`: right on right. */
  align: 'start' | 'end';
}

/** Where the card's top-left corner goes, on which side, and the height it may use there. */
export interface Placement {
  x: number;
  y: number;
  side: 'below' | 'above';
  availHeight: number;
}

export const PLACE_DEFAULTS: PlaceOptions = { gap: 6, padding: 8, minHeight: 120, align: 'start' };

/**
 * Places a card of `card` size against `ref` in a viewport of `viewport` size. The card
 * is expected to take `availHeight` as its max-height, so its top edge above the mention
 * is computed for the height it will have then; placing again once it has settled picks
 * the same side (it shrinks only to the room on the side chosen): no flip-flopping.
 */
export function placeCard(ref: Rect, card: { width: number; height: number }, viewport: { width: number; height: number }, opts: PlaceOptions = PLACE_DEFAULTS): Placement {
  const { gap, padding } = opts;
  const below = viewport.height - padding - (ref.bottom + gap);
  const above = ref.top - gap - padding;
  const side = card.height > below && above > below ? 'above' : 'below';
  const availHeight = Math.max(opts.minHeight, Math.floor(side === 'below' ? below : above));
  const height = Math.min(card.height, availHeight);
  let y = side === 'below' ? ref.bottom + gap : ref.top - gap - height;
  // Less room than the least height on either side (a tiny viewport): keep the card in
  // view, its top edge first. Only while the mention is on screen: a pinned card whose
  // mention was scrolled away goes with it rather than sticking to the edge.
  if (ref.bottom > 0 && ref.top < viewport.height) y = Math.max(padding, Math.min(y, viewport.height - padding - height));
  const x = Math.max(padding, Math.min(opts.align === 'start' ? ref.left : ref.right - card.width, viewport.width - padding - card.width));
  return { x, y, side, availHeight };
}

/**
 * The box to place against, from a mention's client rects: rects on the same line are
 * joined (a name split across inline elements has one per element); when the name
 * wraps, the card's edge goes to line `line` (the one under the pointer, see
 * `lineUnder`) and its top or bottom clears every line, so it never covers the name.
 * Empty rects are ignored; null when none is left (the range collapsed or left the page).
 */
export function referenceRect(rects: readonly Rect[], line = 0): Rect | null {
  const lines = lineBoxes(rects);
  const first = lines[0];
  if (!first) return null;
  const last = lines[lines.length - 1]!;
  const chosen = lines[Math.min(Math.max(0, line), lines.length - 1)]!;
  return { left: chosen.left, right: chosen.right, top: first.top, bottom: last.bottom };
}

/** Index of the line (as `referenceRect` counts them) containing `point`, else the nearest one. */
export function lineUnder(rects: readonly Rect[], point: { x: number; y: number }): number {
  let best = 0;
  let bestDist = Infinity;
  lineBoxes(rects).forEach((r, i) => {
    const dx = Math.max(r.left - point.x, 0, point.x - r.right);
    const dy = Math.max(r.top - point.y, 0, point.y - r.bottom);
    const dist = dx * dx + dy * dy;
    if (dist < bestDist) {
      best = i;
      bestDist = dist;
    }
  });
  return best;
}

/** Non-empty rects joined into one box per line, top to bottom as the text runs. */
function lineBoxes(rects: readonly Rect[]): Rect[] {
  const lines: Rect[] = [];
  for (const r of rects) {
    if (r.right - r.left <= 0 || r.bottom - r.top <= 0) continue;
    const line = lines[lines.length - 1];
    const mid = (r.top + r.bottom) / 2;
    if (line && mid > line.top && mid < line.bottom) {
      line.left = Math.min(line.left, r.left);
      line.right = Math.max(line.right, r.right);
      line.top = Math.min(line.top, r.top);
      line.bottom = Math.max(line.bottom, r.bottom);
    } else lines.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  }
  return lines;
}
