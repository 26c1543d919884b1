import { describe, it, expect, vi, afterEach } from 'vitest';

vi.mock('../../../../src/shared/browser.ts', () => import('../../../fakes/browser.ts'));
const { watchInteraction } = await import('../../../../src/content/input/interaction.ts');
const { DEFAULT_SETTINGS } = await import('../../../../src/shared/settings.ts');
type Deps = Parameters<typeof watchInteraction>[0];

const abort = new AbortController();
afterEach(() => abort.abort());

describe('watchInteraction', () => {
  it('starts the grace period when the pointer leaves the window, not when it leaves an element', () => {
    document.body.innerHTML = '<p><em>Galuzin</em> said</p>';
    const scheduleHide = vi.fn();
    const card = { isOpen: true, scheduleHide, cancelHide: vi.fn(), open: vi.fn(), withoutHitTesting: <T>(f: () => T) => f() };
    watchInteraction(
      { doc: document, card: card as unknown as Deps['card'], settings: () => ({ ...DEFAULT_SETTINGS }), hitTest: () => null, onActivity: () => undefined, trusted: () => true },
      abort.signal,
    );
    // pointerleave does not bubble; the root's capturing listener still sees an element's.
    document.querySelector('em')!.dispatchEvent(new Event('pointerleave'));
    expect(scheduleHide).not.toHaveBeenCalled();
    document.documentElement.dispatchEvent(new Event('pointerleave'));
    expect(scheduleHide).toHaveBeenCalledWith(DEFAULT_SETTINGS.hideDelayMs);
  });
});
