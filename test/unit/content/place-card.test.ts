import { describe, it, expect } from 'vitest';
import { PLACE_DEFAULTS, lineUnder, placeCard, referenceRect, type Rect } from '../../../src/content/card/place-card.ts';

const VIEW = { width: 1280, height: 900 };
const CARD = { width: 320, height: 240 };
/** A one-line mention box `w` wide and 20 tall at (left, top). */
const at = (left: number, top: number, w = 80): Rect => ({ left, top, right: left + w, bottom: top + 20 });

describe('placeCard', () => {
  it('puts the card below the mention, 6 px under it, left edges aligned', () => {
    expect(placeCard(at(100, 100), CARD, VIEW)).toEqual({ x: 100, y: 126, side: 'below', availHeight: 900 - 8 - 126 });
  });

  it('flips above a mention near the bottom of the viewport', () => {
    const p = placeCard(at(100, 800), CARD, VIEW);
    expect(p.side).toBe('above');
    expect(p.y + CARD.height).toBe(800 - 6);
    expect(p.availHeight).toBe(800 - 6 - 8);
  });

  it('stays below near the bottom when the card still fits there', () => {
    const p = placeCard(at(100, 800), { width: 320, height: 60 }, VIEW);
    expect(p).toMatchObject({ side: 'below', y: 826 });
  });

  it('stays below when it does not fit but there is less room above, and never climbs over the mention', () => {
    const p = placeCard(at(100, 200), { width: 320, height: 800 }, { width: 1280, height: 700 });
    expect(p.side).toBe('below');
    expect(p.y).toBe(226);
    // It takes the room below as its height, ending 8 px above the bottom edge.
    expect(p.availHeight).toBe(700 - 8 - 226);
  });

  it('sits above with its bottom edge 6 px over the mention at the height it will shrink to', () => {
    const p = placeCard(at(100, 400), { width: 320, height: 800 }, { width: 1280, height: 600 });
    expect(p.side).toBe('above');
    expect(p.availHeight).toBe(400 - 6 - 8);
    expect(p.y).toBe(8);
  });

  it('shifts left to stay 8 px inside the right edge', () => {
    expect(placeCard(at(1200, 100), CARD, VIEW).x).toBe(1280 - 8 - 320);
  });

  it('shifts right to stay 8 px inside the left edge', () => {
    expect(placeCard(at(-30, 100), CARD, VIEW).x).toBe(8);
  });

  it('keeps the left edge in view when the card is wider than the viewport', () => {
    expect(placeCard(at(100, 100), { width: 2000, height: 100 }, VIEW).x).toBe(8);
  });

  it('aligns right edges for right-to-left text, still inside the viewport', () => {
    const end = { ...PLACE_DEFAULTS, align: 'end' as const };
    expect(placeCard(at(600, 100), CARD, VIEW, end).x).toBe(680 - 320);
    expect(placeCard(at(20, 100), CARD, VIEW, end).x).toBe(8);
  });

  it('stays in view when the card is taller than the room on either side', () => {
    const view = { width: 360, height: 200 };
    const p = placeCard(at(10, 90), { width: 300, height: 400 }, view);
    expect(p.availHeight).toBe(120); // never offered less than 120 px
    expect(p.y).toBeGreaterThanOrEqual(8);
    expect(p.y + Math.min(400, p.availHeight)).toBeLessThanOrEqual(200 - 8);
    expect(p.x).toBeGreaterThanOrEqual(8);
    expect(p.x + 300).toBeLessThanOrEqual(360 - 8);
  });

  it('goes off screen with a mention scrolled out of view instead of sticking to the edge', () => {
    expect(placeCard(at(100, -300), CARD, VIEW).y).toBe(-280 + 6);
  });

  it('picks the same side again once the card has shrunk to its room (no flip-flop)', () => {
    const view = { width: 1280, height: 600 };
    const ref = at(100, 330); // 236 px below, 316 above
    const first = placeCard(ref, { width: 320, height: 500 }, view);
    const settled = placeCard(ref, { width: 320, height: Math.min(500, first.availHeight) }, view);
    expect(first.side).toBe('above');
    expect(settled).toEqual(first);
  });
});

describe('referenceRect', () => {
  // "Geneva International / Discussions" wrapped: the end of one line, the start of the next.
  const wrapped: Rect[] = [
    { left: 600, top: 100, right: 760, bottom: 122 },
    { left: 20, top: 126, right: 110, bottom: 148 },
  ];

  it('joins the boxes of one line (a name split across inline elements)', () => {
    const parts = [at(100, 100, 50), { left: 150, top: 101, right: 240, bottom: 119 }, at(240, 100, 60)];
    expect(referenceRect(parts)).toEqual({ left: 100, top: 100, right: 300, bottom: 120 });
  });

  it('takes the line under the pointer across, and every line down, for a wrapped name', () => {
    expect(lineUnder(wrapped, { x: 50, y: 140 })).toBe(1);
    expect(lineUnder(wrapped, { x: 700, y: 110 })).toBe(0);
    expect(referenceRect(wrapped, 1)).toEqual({ left: 20, right: 110, top: 100, bottom: 148 });
    expect(referenceRect(wrapped, 0)).toEqual({ left: 600, right: 760, top: 100, bottom: 148 });
  });

  it('so a card opened from the first line does not cover the second', () => {
    const p = placeCard(referenceRect(wrapped, lineUnder(wrapped, { x: 700, y: 110 }))!, CARD, VIEW);
    expect(p.x).toBe(600);
    expect(p.y).toBeGreaterThanOrEqual(148);
  });

  it('takes the nearest line when the pointer is on none (a gap, a margin)', () => {
    expect(lineUnder(wrapped, { x: 60, y: 124.5 })).toBe(1);
    expect(lineUnder(wrapped, { x: 900, y: 90 })).toBe(0);
  });

  it('ignores empty boxes and is null when none is left', () => {
    const empty = { left: 40, top: 100, right: 40, bottom: 120 };
    expect(referenceRect([empty, at(200, 100)])).toEqual(at(200, 100));
    expect(referenceRect([empty, { left: 0, top: 0, right: 0, bottom: 0 }])).toBeNull();
    expect(referenceRect([])).toBeNull();
  });

  it('clamps a line index the text no longer has (reflowed onto one line)', () => {
    expect(referenceRect([at(100, 100)], 1)).toEqual(at(100, 100));
  });
});
