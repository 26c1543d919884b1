/**
 * Opens the side panel (Chrome) or sidebar (Firefox) from the popup. Call it directly in
 * the click handler: both browsers accept the call only inside the user gesture, which
 * any `await` before it would lose.
 */
import { chromeSidePanel, firefoxSidebar } from '../shared/browser.ts';

export function openSidePanel(target: { windowId?: number; tabId?: number }): Promise<boolean> {
  const sp = chromeSidePanel();
  if (sp) {
    const opts = target.windowId !== undefined ? { windowId: target.windowId } : target.tabId !== undefined ? { tabId: target.tabId } : null;
    if (!opts) return Promise.resolve(false);
    return sp.open(opts as chrome.sidePanel.OpenOptions).then(
      () => true,
      () => false,
    );
  }
  const sb = firefoxSidebar();
  if (sb) {
    return sb.open().then(
      () => true,
      () => false,
    );
  }
  return Promise.resolve(false);
}
