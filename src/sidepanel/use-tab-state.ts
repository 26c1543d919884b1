/**
 * The state of the tab the panel follows: asked on load and whenever the panel gets
 * focus, and updated from the background's `backstory/tab-updated` broadcasts. A panel
 * opened with `?tab=<id>` (a panel shown in a tab of its own) stays on that tab.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { handle, sendToBackground } from '../shared/messaging.ts';
import type { TabState, ToUi, UiToBackground } from '../shared/messages.ts';

/** The followed tab; `loaded` turns true after the first answer (even an empty one). */
export interface FollowedTab {
  tab: TabState | null;
  loaded: boolean;
  refresh: () => void;
}

/** The tab id given in the page URL, if any. */
export function pinnedTabId(search = location.search): number | undefined {
  const v = Number(new URLSearchParams(search).get('tab'));
  return Number.isInteger(v) && v > 0 ? v : undefined;
}

export function useTabState(pinned: number | undefined): FollowedTab {
  const [tab, setTab] = useState<TabState | null>(null);
  const [loaded, setLoaded] = useState(false);
  const current = useRef<number | undefined>(pinned);
  const alive = useRef(true);
  /** Counts broadcasts taken for the followed tab: an answer asked for before the latest is staler than it. */
  const broadcasts = useRef(0);

  const refresh = useCallback(() => {
    const asked = broadcasts.current;
    void sendToBackground<UiToBackground, 'backstory/tab-state'>('backstory/tab-state', pinned === undefined ? {} : { tabId: pinned }).then((r) => {
      if (!alive.current) return;
      setLoaded(true);
      if (!r.ok) return;
      if (r.state?.tabId === current.current && broadcasts.current !== asked) return;
      current.current = r.state?.tabId;
      setTab(r.state);
    });
  }, [pinned]);

  useEffect(() => {
    alive.current = true;
    refresh();
    const off = handle<ToUi>('extension', {
      'backstory/tab-updated': ({ state }) => {
        if (state.tabId === current.current) {
          broadcasts.current++;
          setTab(state);
        }
        // Another tab: it may have become the active one; ask which tab is active now.
        else if (pinned === undefined) refresh();
        return {};
      },
    });
    const onFocus = (): void => refresh();
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') refresh();
    };
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      alive.current = false;
      off();
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [pinned, refresh]);

  return { tab, loaded, refresh };
}
