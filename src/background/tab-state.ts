/**
 * What the background knows about each tab: the last report of its content script.
 * Kept in memory and mirrored to `storage.session`, because an MV3 service worker sleeps
 * and wakes with empty memory.
 */
import { browser } from '../shared/browser.ts';
import type { PageReport, TabState } from '../shared/messages.ts';
import { siteKey } from '../shared/settings.ts';

const KEY = 'tabReports';
const reports = new Map<number, PageReport>();
let restored: Promise<void> | null = null;

type SessionArea = { get(k: string): Promise<Record<string, unknown>>; set(v: Record<string, unknown>): Promise<void> };
const session = (): SessionArea | undefined => (browser.storage as unknown as { session?: SessionArea }).session;

function restore(): Promise<void> {
  restored ??= (async () => {
    try {
      const got = await session()?.get(KEY);
      const saved = (got?.[KEY] ?? {}) as Record<string, PageReport>;
      for (const [id, r] of Object.entries(saved)) if (!reports.has(Number(id))) reports.set(Number(id), r);
    } catch {
      /* session storage unavailable: memory only */
    }
  })();
  return restored;
}

function persist(): void {
  void session()
    ?.set({ [KEY]: Object.fromEntries(reports) })
    .catch(() => undefined);
}

export async function setReport(tabId: number, report: PageReport): Promise<void> {
  await restore();
  reports.set(tabId, report);
  persist();
}

export async function forgetTab(tabId: number): Promise<void> {
  await restore();
  if (reports.delete(tabId)) persist();
}

export async function getReport(tabId: number): Promise<PageReport | null> {
  await restore();
  return reports.get(tabId) ?? null;
}

/** The state the popup and panel show for a tab. `reachable` says whether its content script answered. */
export function toTabState(tabId: number, report: PageReport | null, reachable: boolean, url = report?.url ?? ''): TabState {
  return { tabId, url, host: siteKey(url), restricted: !reachable && !report, report };
}
