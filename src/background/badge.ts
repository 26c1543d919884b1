/**
 * The toolbar button shows the state for each tab: on, off for this site, or off, and a
 * badge with the number of entities found on the page.
 */
import { browser } from '../shared/browser.ts';
import type { PageReport } from '../shared/messages.ts';
import { siteKey, type Settings } from '../shared/settings.ts';
import { t } from '../shared/i18n-catalogue.ts';

type ActionApi = {
  setIcon(d: { tabId?: number; path: Record<number, string> }): Promise<void>;
  setBadgeText(d: { tabId?: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(d: { tabId?: number; color: string }): Promise<void>;
  setTitle(d: { tabId?: number; title: string }): Promise<void>;
};
const action = (): ActionApi | undefined => (browser as unknown as { action?: ActionApi }).action;

const icons = (name: string): Record<number, string> => ({ 16: `/icons/${name}-16.png`, 32: `/icons/${name}-32.png` });

/** Which of the three states a tab is in. */
export function iconState(settings: Settings, disabledSites: readonly string[], url: string): 'on' | 'site-off' | 'off' {
  if (!settings.enabled) return 'off';
  if (disabledSites.includes(siteKey(url))) return 'site-off';
  return 'on';
}

export async function paintBadge(tabId: number, report: PageReport | null, settings: Settings, disabledSites: readonly string[]): Promise<void> {
  const a = action();
  if (!a) return;
  const state = iconState(settings, disabledSites, report?.url ?? '');
  const name = state === 'on' ? 'icon' : state === 'off' ? 'icon-off' : 'icon-site-off';
  const count = state === 'on' && report ? report.entities.length : 0;
  const title = state === 'off' ? t('titleOff') : state === 'site-off' ? t('titleSiteOff') : count ? t('titleCount', count) : 'Backstory';
  try {
    await a.setIcon({ tabId, path: icons(name) });
    await a.setBadgeText({ tabId, text: count ? String(count) : '' });
    await a.setBadgeBackgroundColor({ tabId, color: '#164e63' });
    await a.setTitle({ tabId, title });
  } catch {
    /* the tab closed meanwhile */
  }
}
