/**
 * The tab the popup was opened over: its id and window (known at once, so the side-panel
 * button can open the panel without awaiting anything) and the background's TabState.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../shared/browser.ts';
import { sendToBackground, handle } from '../shared/messaging.ts';
import type { TabState, ToUi, UiToBackground } from '../shared/messages.ts';

export interface ActiveTab {
  tabId?: number;
  windowId?: number;
  state: TabState | null;
  loaded: boolean;
}

function pinnedTab(): number | undefined {
  const v = Number(new URLSearchParams(location.search).get('tab'));
  return Number.isInteger(v) && v > 0 ? v : undefined;
}

export function useActiveTab(): ActiveTab {
  const [tab, setTab] = useState<ActiveTab>({ state: null, loaded: false });
  useEffect(() => {
    let alive = true;
    let tabId = pinnedTab();
    // A broadcast that arrives while the first answer is on its way is fresher than it:
    // the background may have answered "no report yet" just before the report came in.
    let broadcastSeen = false;
    void (async () => {
      try {
        const [t] = await browser.tabs.query({ active: true, currentWindow: true });
        tabId ??= t?.id;
        if (alive) setTab((s) => ({ ...s, tabId, windowId: t?.windowId }));
      } catch {
        /* no tabs API here: the background picks the active tab */
      }
      const r = await sendToBackground<UiToBackground, 'backstory/tab-state'>('backstory/tab-state', tabId === undefined ? {} : { tabId });
      if (alive) setTab((s) => ({ ...s, state: broadcastSeen && s.state ? s.state : r.ok ? r.state : null, loaded: true }));
    })();
    const off = handle<ToUi>('extension', {
      'backstory/tab-updated': ({ state }) => {
        if (state.tabId !== tabId) return {};
        broadcastSeen = true;
        setTab((s) => ({ ...s, state }));
        return {};
      },
    });
    return () => {
      alive = false;
      off();
    };
  }, []);
  return tab;
}
