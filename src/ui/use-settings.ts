/**
 * The reader's settings and switched-off sites as Preact state, kept current across
 * contexts (storage.onChanged), with the notices of any value that had to be repaired.
 */
import { useEffect, useState } from 'preact/hooks';
import { loadSettings, loadDisabledSites, watchSettings, type Settings, type SettingsNotice } from '../shared/settings.ts';
import { t } from './i18n.ts';

/** Each setting named as the popup labels it. */
const SETTING_LABEL: Record<keyof Settings, string> = {
  enabled: 'backstoryOn',
  hiddenTopics: 'topicsHeading',
  hiddenTypes: 'typesHeading',
  highlightStyle: 'highlightStyle',
  firstMentionOnly: 'firstMentionOnly',
  markWorldEverywhere: 'markWorldEverywhere',
  showMode: 'showMode',
  showDelayMs: 'showDelay',
  hideDelayMs: 'hideDelay',
  disabledPacks: 'settingPacksOff',
  language: 'language',
};

/** A settings notice in the reader's words. */
export function noticeText(n: SettingsNotice): string {
  if (n.what === 'unreadable') return t('settingsUnreadable');
  if (n.what === 'unavailable') return t('settingsUnavailable');
  return t('settingReset', t(SETTING_LABEL[n.setting]));
}

/** What `useSettings` returns; `settings` is null until the first read. */
export interface SettingsState {
  settings: Settings | null;
  notices: string[];
  disabledSites: string[];
}

export function useSettings(): SettingsState {
  // Notices are kept as data and worded at each render: the words follow a language change.
  const [state, setState] = useState<Omit<SettingsState, 'notices'> & { notices: SettingsNotice[] }>({ settings: null, notices: [], disabledSites: [] });
  useEffect(() => {
    let alive = true;
    void Promise.all([loadSettings(), loadDisabledSites()]).then(([loaded, disabledSites]) => {
      if (alive) setState({ settings: loaded.settings, notices: loaded.notices, disabledSites });
    });
    const off = watchSettings(({ settings, disabledSites }) => {
      if (!alive) return;
      setState((s) => ({
        settings: settings ? settings.settings : s.settings,
        // A fresh save replaces the repaired value, so its notice no longer applies.
        notices: settings ? settings.notices : s.notices,
        disabledSites: disabledSites ?? s.disabledSites,
      }));
    });
    return () => {
      alive = false;
      off();
    };
  }, []);
  return { ...state, notices: state.notices.map(noticeText) };
}
