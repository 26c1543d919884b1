/**
 * The settings popup: the global and per-site switches, what is marked (topics, types,
 * style, first mention only), how cards open, the side panel, packs, and reset.
 * Every change is saved at once; open tabs follow through storage.onChanged.
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { browser } from '../shared/browser.ts';
import { TOPICS, ENTITY_TYPES } from '../facts/topics.ts';
import { saveSettings, resetSettings, setSiteEnabled, siteKey, UI_LANGUAGES, type HighlightStyle, type LanguageSetting, type Settings, type ShowMode } from '../shared/settings.ts';
import { t } from '../ui/i18n.ts';
import { topicLabel, typePluralLabel } from '../ui/labels.ts';
import { useSettings } from '../ui/use-settings.ts';
import { Switch } from '../ui/Switch.tsx';
import { Notice } from '../ui/Notice.tsx';
import { FilterList } from './FilterList.tsx';
import { DelayInput } from './DelayInput.tsx';
import { useActiveTab } from './use-active-tab.ts';
import { pageCounts } from './page-counts.ts';
import { openSidePanel } from './open-side-panel.ts';

/** Each language named in itself, whatever the UI language. */
const ENDONYMS: Record<(typeof UI_LANGUAGES)[number], string> = { en: 'English', ru: 'Русский', ka: 'ქართული' };

const toggle = <T extends string>(list: readonly T[], id: T, shown: boolean): T[] => (shown ? list.filter((x) => x !== id) : [...new Set([...list, id])]);

export function App(): JSX.Element {
  const { settings, notices, disabledSites } = useSettings();
  const tab = useActiveTab();
  const [status, setStatus] = useState('');

  if (!settings) return <div class="pp pp--loading" aria-busy="true" />;

  const save = (patch: Partial<Settings>): void => {
    setStatus('');
    void saveSettings(patch);
  };
  const url = tab.state?.url ?? '';
  const host = tab.state && !tab.state.restricted ? siteKey(url) : '';
  const siteOn = !disabledSites.includes(host);
  const counts = pageCounts(tab.state?.report);

  const openPanel = (): void => {
    // No await before this call: the browser needs the click's user gesture.
    void openSidePanel({ windowId: tab.windowId, tabId: tab.tabId }).then((ok) => {
      if (!ok) setStatus(t('panelOpenFailed'));
    });
  };

  return (
    <div class="pp">
      <header class="pp-head">
        <h1>{t('extName')}</h1>
        {counts.entities && settings.enabled && siteOn ? <p class="pp-summary">{t('popupSummary', counts.entities, counts.mentions)}</p> : null}
      </header>
      <main class="pp-main">
        {notices.map((n) => (
          <Notice key={n}>{n}</Notice>
        ))}

        <section class="pp-card" aria-label={t('switchesHeading')}>
          <Switch id="pp-enabled" label={t('backstoryOn')} checked={settings.enabled} onChange={(v) => save({ enabled: v })} />
          <Switch
            id="pp-site"
            label={t('onForThisSite')}
            hint={host || t('siteUnavailable')}
            checked={Boolean(host) && siteOn}
            disabled={!host}
            onChange={(v) => void setSiteEnabled(host, v)}
          />
        </section>

        <section class="pp-card pp-stack">
          <h2 class="bs-visually-hidden">{t('markingHeading')}</h2>
          <FilterList
            name="topic"
            legend={t('topicsHeading')}
            items={TOPICS.map((tp) => ({ id: tp.id, label: topicLabel(tp.id), count: counts.byTopic.get(tp.id) ?? 0 }))}
            hidden={settings.hiddenTopics}
            onToggle={(id, shown) => save({ hiddenTopics: toggle(settings.hiddenTopics, id as Settings['hiddenTopics'][number], shown) })}
          />
          <FilterList
            name="type"
            legend={t('typesHeading')}
            items={ENTITY_TYPES.map((ty) => ({ id: ty, label: typePluralLabel(ty), count: counts.byType.get(ty) ?? 0 }))}
            hidden={settings.hiddenTypes}
            onToggle={(id, shown) => save({ hiddenTypes: toggle(settings.hiddenTypes, id as Settings['hiddenTypes'][number], shown) })}
          />
        </section>

        <section class="pp-card pp-stack">
          <fieldset class="pp-radios">
            <legend>{t('highlightStyle')}</legend>
            {(['underline', 'background', 'none'] as HighlightStyle[]).map((s) => (
              <label key={s}>
                <input type="radio" name="highlightStyle" value={s} checked={settings.highlightStyle === s} onChange={() => save({ highlightStyle: s })} />
                {t(`style_${s}`)}
              </label>
            ))}
          </fieldset>
          <label class="pp-check">
            <input type="checkbox" checked={settings.firstMentionOnly} onChange={(e) => save({ firstMentionOnly: e.currentTarget.checked })} />
            {t('firstMentionOnly')}
          </label>
          <label class="pp-check">
            <input type="checkbox" checked={settings.markWorldEverywhere} onChange={(e) => save({ markWorldEverywhere: e.currentTarget.checked })} />
            {t('markWorldEverywhere')}
          </label>
        </section>

        <section class="pp-card pp-stack">
          <div class="pp-field">
            <label for="pp-mode">{t('showMode')}</label>
            <select id="pp-mode" value={settings.showMode} onChange={(e) => save({ showMode: e.currentTarget.value as ShowMode })}>
              {(['hover', 'modifier', 'click'] as ShowMode[]).map((m) => (
                <option key={m} value={m}>
                  {t(`mode_${m}`)}
                </option>
              ))}
            </select>
          </div>
          <DelayInput id="pp-show-delay" label={t('showDelay')} value={settings.showDelayMs} onCommit={(v) => save({ showDelayMs: v })} />
          <DelayInput id="pp-hide-delay" label={t('hideDelay')} value={settings.hideDelayMs} onCommit={(v) => save({ hideDelayMs: v })} />
          <div class="pp-field">
            <label for="pp-language">{t('language')}</label>
            <select id="pp-language" value={settings.language} onChange={(e) => save({ language: e.currentTarget.value as LanguageSetting })}>
              <option value="browser">{t('language_browser')}</option>
              {UI_LANGUAGES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {ENDONYMS[l]}
                </option>
              ))}
            </select>
          </div>
        </section>

        <div class="pp-actions">
          <button type="button" class="bs-button bs-button--primary" onClick={openPanel}>
            {t('openPanel')}
          </button>
          <button type="button" class="bs-button bs-button--quiet" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('managePacks')}
          </button>
          <button
            type="button"
            class="bs-button bs-button--quiet"
            onClick={() =>
              void resetSettings().then(() => {
                setStatus(t('resetDone'));
              })
            }
          >
            {t('resetDefaults')}
          </button>
        </div>
        <p class="pp-status" role="status">
          {status}
        </p>
      </main>
    </div>
  );
}
