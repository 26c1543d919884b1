/**
 * Where the panel was asked to go (an entity, a search): asked once on load, then
 * followed from `backstory/panel-goto` broadcasts (the card's "Full background", the
 * context menu, the popup).
 */
import { useEffect } from 'preact/hooks';
import { handle, sendToBackground } from '../shared/messaging.ts';
import type { PanelIntent, ToUi, UiToBackground } from '../shared/messages.ts';

export function usePanelIntent(onIntent: (intent: PanelIntent) => void): void {
  useEffect(() => {
    let alive = true;
    void sendToBackground<UiToBackground, 'backstory/panel-intent'>('backstory/panel-intent', {}).then((r) => {
      if (alive && r.ok && r.intent) onIntent(r.intent);
    });
    const off = handle<ToUi>('extension', {
      'backstory/panel-goto': ({ intent }) => {
        onIntent(intent);
        return {};
      },
    });
    return () => {
      alive = false;
      off();
    };
    // onIntent only calls state setters, which are stable for the panel's lifetime.
  }, []);
}
