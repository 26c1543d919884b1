/**
 * Places the card against a mention's Range with Floating UI: a virtual element from the
 * range's boxes (`inline()` picks the line under the pointer when the name wraps), below
 * or above it (`flip`), kept inside the viewport (`shift`), re-placed on scroll and
 * resize (`autoUpdate`). Strategy `fixed`: the card lives in the top layer.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size, type VirtualElement } from '@floating-ui/dom';

/** Starts positioning `card` at `range`; returns the stop function. */
export function anchorCard(range: Range, card: HTMLElement, point: { x: number; y: number } | null): () => void {
  const start = range.startContainer;
  const contextElement = start.nodeType === Node.ELEMENT_NODE ? (start as Element) : (start.parentElement ?? undefined);
  const reference: VirtualElement = {
    getBoundingClientRect: () => range.getBoundingClientRect(),
    getClientRects: () => range.getClientRects(),
    contextElement,
  };
  const update = (): void => {
    void computePosition(reference, card, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        inline(point ?? undefined),
        offset(6),
        flip({ padding: 8 }),
        shift({ padding: 8 }),
        size({
          padding: 8,
          apply({ availableHeight }) {
            card.style.setProperty('--avail-h', `${Math.max(120, Math.floor(availableHeight))}px`);
          },
        }),
      ],
    }).then(({ x, y }) => {
      card.style.left = `${Math.round(x)}px`;
      card.style.top = `${Math.round(y)}px`;
    });
  };
  return autoUpdate(reference, card, update, { animationFrame: false });
}
