import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { anchorCard } from '../../../src/content/card/position.ts';
import type { Rect } from '../../../src/content/card/place-card.ts';

// happy-dom has no layout: the mention's boxes, the card's size, the viewport, the
// animation frames and the resize notifications are played by the test.
let rects: Rect[];
let frames: FrameRequestCallback[];
let resizeCallbacks: ResizeObserverCallback[];
let observed: Element[];
let range: Range;
let card: HTMLElement;
const stops: (() => void)[] = [];
/** anchorCard, stopped after the test. */
const anchor = (...args: Parameters<typeof anchorCard>): (() => void) => {
  const stop = anchorCard(...args);
  stops.push(stop);
  return stop;
};

const domRect = (r: Rect) => ({ x: r.left, y: r.top, left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.right - r.left, height: r.bottom - r.top });
const flushFrames = (): number => {
  const due = frames.splice(0);
  for (const f of due) f(0);
  return due.length;
};
const placed = () => ({ left: card.style.left, top: card.style.top, avail: card.style.getPropertyValue('--avail-h') });

class FakeResizeObserver {
  constructor(cb: ResizeObserverCallback) {
    resizeCallbacks.push(cb);
  }
  observe(el: Element): void {
    observed.push(el);
  }
  unobserve(): void {}
  disconnect(): void {
    observed = [];
  }
}

beforeEach(() => {
  rects = [{ left: 100, top: 100, right: 180, bottom: 120 }];
  frames = [];
  resizeCallbacks = [];
  observed = [];
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation((f) => frames.push(f));
  vi.spyOn(window, 'cancelAnimationFrame').mockImplementation((id) => {
    frames[id - 1] = () => undefined;
  });
  Object.defineProperty(document.documentElement, 'clientWidth', { value: 1000, configurable: true });
  Object.defineProperty(document.documentElement, 'clientHeight', { value: 800, configurable: true });
  document.body.innerHTML = '<p id="p">Read about Mikhail Galuzin today.</p><div id="box"></div>';
  const text = document.getElementById('p')!.firstChild!;
  range = document.createRange();
  range.setStart(text, 11);
  range.setEnd(text, 26);
  range.getClientRects = () => rects.map(domRect) as unknown as DOMRectList;
  range.getBoundingClientRect = () => domRect({ left: 0, top: 0, right: 0, bottom: 0 }) as DOMRect;
  card = document.createElement('div');
  card.getBoundingClientRect = () => domRect({ left: 0, top: 0, right: 300, bottom: 200 }) as DOMRect;
  document.body.append(card);
});

afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('anchorCard', () => {
  it('places the card at once, below the mention, with the room it may take', () => {
    anchor(range, card, null);
    expect(placed()).toEqual({ left: '100px', top: '126px', avail: `${800 - 8 - 126}px` });
  });

  it('re-places once per frame however many scrolls came, including a scrolling box’s', () => {
    anchor(range, card, null);
    rects = [{ left: 100, top: 40, right: 180, bottom: 60 }];
    window.dispatchEvent(new Event('scroll'));
    // A box's scroll event does not bubble: only a capturing listener hears it.
    document.getElementById('box')!.dispatchEvent(new Event('scroll', { bubbles: false }));
    document.dispatchEvent(new Event('scroll'));
    expect(placed().top).toBe('126px');
    expect(flushFrames()).toBe(1);
    expect(placed().top).toBe('66px');
  });

  it('hears scrolling inside the shadow root the mention is in', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<div id="scroller"><p>Moscow</p></div>';
    const text = root.querySelector('p')!.firstChild!;
    range.setStart(text, 0);
    range.setEnd(text, 6);
    anchor(range, card, null);
    rects = [{ left: 100, top: 300, right: 160, bottom: 320 }];
    root.getElementById('scroller')!.dispatchEvent(new Event('scroll', { bubbles: false, composed: false }));
    flushFrames();
    expect(placed().top).toBe('326px');
  });

  it('re-places when the card, the mention’s element or the document resizes, and on a window resize', () => {
    anchor(range, card, null);
    expect(observed).toEqual([card, document.getElementById('p'), document.documentElement]);
    // The record arrived: the card is taller now and no longer fits below a low mention.
    rects = [{ left: 100, top: 600, right: 180, bottom: 620 }];
    card.getBoundingClientRect = () => domRect({ left: 0, top: 0, right: 300, bottom: 400 }) as DOMRect;
    resizeCallbacks[0]!([], {} as ResizeObserver);
    flushFrames();
    expect(placed()).toEqual({ left: '100px', top: `${600 - 6 - 400}px`, avail: `${600 - 6 - 8}px` });
    Object.defineProperty(document.documentElement, 'clientWidth', { value: 300, configurable: true });
    window.dispatchEvent(new Event('resize'));
    flushFrames();
    expect(placed().left).toBe('8px');
  });

  it('keeps the last position when the mention’s range collapses or leaves the page', () => {
    anchor(range, card, { x: 400, y: 500 });
    rects = [{ left: 0, top: 0, right: 0, bottom: 0 }];
    window.dispatchEvent(new Event('scroll'));
    flushFrames();
    expect(placed()).toEqual({ left: '100px', top: '126px', avail: `${800 - 8 - 126}px` });
  });

  it('keeps the line the pointer chose when a wrapped name scrolls under a stale pointer', () => {
    rects = [
      { left: 300, top: 100, right: 760, bottom: 122 },
      { left: 20, top: 126, right: 400, bottom: 148 },
    ];
    anchor(range, card, { x: 350, y: 140 });
    expect(placed()).toMatchObject({ left: '20px', top: '154px' });
    // Scrolled down by 30: the first line now lies under where the pointer was.
    rects = rects.map((r) => ({ ...r, top: r.top + 30, bottom: r.bottom + 30 }));
    window.dispatchEvent(new Event('scroll'));
    flushFrames();
    expect(placed()).toMatchObject({ left: '20px', top: '184px' });
  });

  it('goes by the pointer when the range has no box from the start', () => {
    rects = [];
    anchor(range, card, { x: 200, y: 300 });
    expect(placed()).toMatchObject({ left: '200px', top: '306px' });
  });

  it('stops: no listener, observer or pending frame is left', () => {
    const stop = anchor(range, card, null);
    window.dispatchEvent(new Event('scroll'));
    stop();
    expect(observed).toEqual([]);
    rects = [{ left: 300, top: 300, right: 380, bottom: 320 }];
    flushFrames();
    window.dispatchEvent(new Event('scroll'));
    window.dispatchEvent(new Event('resize'));
    expect(flushFrames()).toBe(0);
    expect(placed().top).toBe('126px');
  });
});
