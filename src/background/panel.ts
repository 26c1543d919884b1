/**
 * Opening the side panel (Chrome) or sidebar (Firefox), and remembering where it should
 * go (an entity, a search) so that a panel that is just starting can ask.
 *
 * Chrome only honours `sidePanel.open` inside a user gesture, which survives a message
 * hop only if nothing is awaited first: `openPanelNow` must be called synchronously by
 * the handler. Firefox never lets a page click open the sidebar; there the reader uses
 * the keyboard shortcut or the popup's button.
 */
import { browser, chromeSidePanel, firefoxSidebar } from '../shared/browser.ts';
import type { PanelIntent, ToUi } from '../shared/messages.ts';
import { broadcastToPages } from '../shared/messaging.ts';
import { t } from '../shared/i18n-catalogue.ts';

let intent: PanelIntent | null = null;
const KEY = 'panelIntent';
type SessionArea = { get(k: string): Promise<Record<string, unknown>>; set(v: Record<string, unknown>): Promise<void> };
const session = (): SessionArea | undefined => (browser.storage as unknown as { session?: SessionArea }).session;

/** Records where the panel should go, and tells an open panel at once. */
export function setIntent(next: Omit<PanelIntent, 'at'>, tabId?: number): void {
  intent = { ...next, at: Date.now() };
  void session()
    ?.set({ [KEY]: intent })
    .catch(() => undefined);
  broadcastToPages<ToUi, 'backstory/panel-goto'>('backstory/panel-goto', { intent, tabId });
}

/** The intent for a panel that just opened (at most a minute old), consumed once. */
export async function takeIntent(): Promise<PanelIntent | null> {
  let it = intent;
  if (!it) {
    try {
      it = ((await session()?.get(KEY))?.[KEY] as PanelIntent | undefined) ?? null;
    } catch {
      it = null;
    }
  }
  intent = null;
  void session()
    ?.set({ [KEY]: null })
    .catch(() => undefined);
  return it && Date.now() - it.at < 60_000 ? it : null;
}

/**
 * Opens the panel for a tab. Call synchronously from the event handler (no await before).
 * Resolves to whether it opened.
 */
export function openPanelNow(target: { tabId?: number; windowId?: number }): Promise<{ opened: boolean; hint?: string }> {
  const sp = chromeSidePanel();
  if (sp) {
    const opts = target.tabId !== undefined ? { tabId: target.tabId } : { windowId: target.windowId ?? -2 };
    return sp.open(opts as chrome.sidePanel.OpenOptions).then(
      () => ({ opened: true }),
      (e: unknown) => ({ opened: false, hint: String(e instanceof Error ? e.message : e) }),
    );
  }
  const sb = firefoxSidebar();
  if (sb) {
    return sb.open().then(
      () => ({ opened: true }),
      // Firefox lets no page click open the sidebar: say where it opens from.
      () => ({ opened: false, hint: t('hintFirefoxSidebar') }),
    );
  }
  return Promise.resolve({ opened: false, hint: t('hintNoPanel') });
}
