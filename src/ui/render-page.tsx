/**
 * Starts an extension page (popup, side panel, options) in the reader's language: the
 * catalogue of the language chosen in the settings, else the browser's. When the setting
 * changes, the page renders again in the new language (same components: state and focus
 * are kept).
 */
import { render, type JSX } from 'preact';
import { chooseLanguage } from '../shared/i18n.ts';
import { loadCatalogue, t, uiLang } from '../shared/i18n-catalogue.ts';
import { loadSettings, watchSettings, type LanguageSetting } from '../shared/settings.ts';

/** Renders `app()` into `root` with the page's `lang` and title (`titleKey`) in the UI language. */
export async function renderPage(titleKey: string, app: () => JSX.Element, root: HTMLElement = document.getElementById('app')!): Promise<void> {
  let current: LanguageSetting | undefined;
  const show = async (setting: LanguageSetting): Promise<void> => {
    if (setting === current) return;
    current = setting;
    if (!(await chooseLanguage(setting, loadCatalogue))) return; // a later change took over
    document.documentElement.lang = uiLang();
    document.title = t(titleKey);
    render(app(), root);
  };
  let changed = false;
  watchSettings(({ settings }) => {
    if (!settings) return;
    changed = true;
    void show(settings.settings.language);
  });
  const { settings } = await loadSettings();
  // A change seen while reading is newer than what was read.
  if (!changed) await show(settings.language);
}
