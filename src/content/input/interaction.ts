/**
 * Pointer and keyboard intent (WCAG 2.1 SC 1.4.13: hoverable, dismissible, persistent):
 * - hover: show after the dwell (settings.showDelayMs) once the pointer has slowed below
 *   ~0.5 px/ms; hide after the grace period (settings.hideDelayMs) when it leaves both
 *   the mention and the card; entering the card cancels hiding; a pin keeps it;
 * - modifier mode: the same, only while Alt is held (pressing Alt over a mention opens at once);
 * - click mode: a click on a marked name opens the card. Links keep their click: a
 *   marked name inside a link (or button) never opens on click — hold Alt and hover it,
 *   or step to it with the keyboard command;
 * - touch: a tap on a marked name (not a link) opens, a tap elsewhere closes;
 * - Esc closes (focus returns), a click elsewhere closes an unpinned card.
 * Pointer moves are coalesced to one hit-test per animation frame; nothing runs while
 * the pointer is still.
 */
import type { Settings } from '../../shared/settings.ts';
import type { CardController } from '../card/controller.tsx';
import type { PageMention } from '../scan/mentions.ts';

/** Faster than this (px/ms) the pointer is travelling, not reading. */
export const FAST_PX_PER_MS = 0.5;
/** A pointer that has not moved for this long is at rest whatever its last speed. */
const REST_MS = 40;
/** How far a touch may move and still be a tap. */
const TAP_SLOP_PX = 10;

export interface InteractionDeps {
  doc: Document;
  card: CardController;
  settings(): Settings;
  /** The visible mention under a point. */
  hitTest(x: number, y: number): PageMention | null;
  /** Pointer activity: a good moment to restore highlights the page removed. */
  onActivity(): void;
  /**
   * Whether an event is the reader's (default `isTrusted`): events a page script makes up
   * (`dispatchEvent` on the document, the window or our host) never open, close or move the card.
   */
  trusted?(e: Event): boolean;
}

/** How the open card was opened: only a hover card hides when the pointer leaves. */
export type OpenedBy = 'hover' | 'click' | 'keyboard' | 'touch';

/** The last hover card's dwell-end → painted time, ms (diagnostics `lastCardMs`). */
export const cardTiming: { lastMs: number | undefined } = { lastMs: undefined };

/** Records the time from `t0` to the card painted: after the next frame's rendering. */
function timeCardPaint(t0: number): void {
  requestAnimationFrame(() => {
    setTimeout(() => {
      cardTiming.lastMs = Math.round((performance.now() - t0) * 10) / 10;
    }, 0);
  });
}

/** Whether a mention sits inside a link or another control whose click is the page's. */
export function inControl(m: PageMention): boolean {
  const n = m.range.startContainer;
  const el = n.nodeType === Node.ELEMENT_NODE ? (n as Element) : n.parentElement;
  return Boolean(el?.closest('a[href], button, [role="button"], [role="link"], summary, label'));
}

/** Wires the listeners; everything is removed when `signal` aborts. Returns `openedBy` control. */
export function watchInteraction(deps: InteractionDeps, signal: AbortSignal): { setOpenedBy(by: OpenedBy): void } {
  const { doc, card } = deps;
  const win = doc.defaultView!;
  const isReaders = deps.trusted ?? ((e: Event) => e.isTrusted);
  /** Listens to the reader's events only. */
  const listen = <K extends keyof WindowEventMap>(target: Window | HTMLElement, type: K, f: (e: WindowEventMap[K]) => void, options: AddEventListenerOptions): void => {
    target.addEventListener(
      type,
      ((e: WindowEventMap[K]) => {
        if (isReaders(e)) f(e);
      }) as EventListener,
      options,
    );
  };
  let openedBy: OpenedBy = 'hover';
  let last = { x: -1, y: -1, t: 0, speed: 0, alt: false, inCard: false };
  let raf = 0;
  let dwellTarget: PageMention | null = null;
  let dwellTimer: ReturnType<typeof setTimeout> | undefined;
  let touchStart: { x: number; y: number; t: number } | null = null;

  const clearDwell = (): void => {
    clearTimeout(dwellTimer);
    dwellTimer = undefined;
    dwellTarget = null;
  };

  const hoverAllowed = (m: PageMention, alt: boolean): boolean => {
    const mode = deps.settings().showMode;
    if (mode === 'hover') return true;
    if (mode === 'modifier') return alt;
    return alt && inControl(m);
  };

  /** Opens the card on `m` at a point, remembering how it was opened. */
  const openAt = (m: PageMention, by: OpenedBy, x: number, y: number): void => {
    openedBy = by;
    card.open(m, { point: { x, y } });
  };
  const openHover = (m: PageMention): void => openAt(m, 'hover', last.x, last.y);

  const armDwell = (m: PageMention, delay: number): void => {
    clearTimeout(dwellTimer);
    dwellTarget = m;
    dwellTimer = setTimeout(() => {
      dwellTimer = undefined;
      const now = performance.now();
      // Still travelling fast: wait until the pointer slows or rests.
      if (last.speed > FAST_PX_PER_MS && now - last.t < REST_MS) return armDwell(m, REST_MS);
      const under = card.withoutHitTesting(() => deps.hitTest(last.x, last.y));
      if (under === m && hoverAllowed(m, last.alt)) {
        openHover(m);
        timeCardPaint(now);
      }
      dwellTarget = null;
    }, delay);
  };

  const frame = (): void => {
    raf = 0;
    deps.onActivity();
    if (last.inCard) {
      card.cancelHide();
      clearDwell();
      return;
    }
    const m = card.withoutHitTesting(() => deps.hitTest(last.x, last.y));
    if (m && m === card.mention) {
      card.cancelHide();
      clearDwell();
      return;
    }
    if (m && hoverAllowed(m, last.alt)) {
      if (dwellTarget !== m || last.speed > FAST_PX_PER_MS) armDwell(m, deps.settings().showDelayMs);
    } else {
      clearDwell();
    }
    if (card.isOpen && openedBy === 'hover') card.scheduleHide(deps.settings().hideDelayMs);
  };

  const opts = { capture: true, passive: true, signal };
  /** A reader's event on the window, captured (and passive unless `options` says otherwise). */
  const onWindow = <K extends keyof WindowEventMap>(type: K, f: (e: WindowEventMap[K]) => void, options: AddEventListenerOptions = opts): void => listen(win, type, f, options);

  onWindow('pointermove', (e) => {
    if (e.pointerType === 'touch') return;
    const t = performance.now();
    const dt = t - last.t;
    const dist = Math.hypot(e.clientX - last.x, e.clientY - last.y);
    const speed = last.t && dt > 0 && dt < 200 ? dist / dt : 0;
    last = { x: e.clientX, y: e.clientY, t, speed, alt: e.altKey, inCard: card.owns(e) };
    if (!raf) raf = requestAnimationFrame(frame);
  });

  onWindow('pointerdown', (e) => {
    if (card.owns(e)) return;
    if (e.pointerType === 'touch') touchStart = { x: e.clientX, y: e.clientY, t: performance.now() };
    if (!card.isOpen || card.pinned) return;
    const m = deps.hitTest(e.clientX, e.clientY);
    if (m !== card.mention) card.close(false);
  });

  onWindow('pointerup', (e) => {
    if (e.pointerType !== 'touch' || !touchStart || card.owns(e)) return;
    const tap = Math.hypot(e.clientX - touchStart.x, e.clientY - touchStart.y) < TAP_SLOP_PX;
    touchStart = null;
    if (!tap) return;
    const m = deps.hitTest(e.clientX, e.clientY);
    if (!m || inControl(m)) return;
    last = { ...last, x: e.clientX, y: e.clientY };
    openAt(m, 'touch', e.clientX, e.clientY);
  });

  onWindow('click', (e) => {
    if (deps.settings().showMode !== 'click' || e.button !== 0 || card.owns(e)) return;
    if ((e as PointerEvent).pointerType === 'touch') return;
    const sel = doc.getSelection();
    if (sel && !sel.isCollapsed) return;
    const m = deps.hitTest(e.clientX, e.clientY);
    if (m && !inControl(m)) openAt(m, 'click', e.clientX, e.clientY);
  });

  onWindow(
    'keydown',
    (e) => {
      if (e.key === 'Escape' && card.isOpen) {
        const inside = card.owns(e);
        card.close(true);
        if (inside) e.stopPropagation();
        return;
      }
      if (e.key === 'Alt' && !e.repeat && deps.settings().showMode !== 'hover' && last.t) {
        const m = deps.hitTest(last.x, last.y);
        if (m && m !== card.mention && hoverAllowed(m, true)) {
          last = { ...last, alt: true };
          openHover(m);
        }
      }
    },
    { capture: true, signal },
  );

  // The pointer left the window: start the grace period. (The listener captures, so it
  // also sees every element's own pointerleave: only the root's counts.)
  listen(
    doc.documentElement,
    'pointerleave',
    (e) => {
      if (e.target !== doc.documentElement) return;
      clearDwell();
      if (card.isOpen && openedBy === 'hover') card.scheduleHide(deps.settings().hideDelayMs);
    },
    opts,
  );

  signal.addEventListener('abort', () => {
    clearDwell();
    if (raf) cancelAnimationFrame(raf);
  });

  return {
    setOpenedBy(by: OpenedBy) {
      openedBy = by;
    },
  };
}
