/**
 * The extension pages start in the language of the setting (else the browser's) and
 * follow a change of the setting at once, keeping their components (and focus); the
 * popup's language menu saves the setting and the popup turns to that language.
 */
import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import ka from '../../../public/_locales/ka/messages.json';
import ru from '../../../public/_locales/ru/messages.json';

vi.mock('../../../src/shared/browser.ts', () => import('../../fakes/browser.ts'));

const { fake } = await import('../../fakes/browser.ts');
const { serveUi, tabState } = await import('../../fakes/background.ts');
const { renderPage } = await import('../../../src/ui/render-page.tsx');
const { t, uiLang } = await import('../../../src/ui/i18n.ts');
const { chooseLanguage } = await import('../../../src/shared/i18n.ts');
const { saveSettings } = await import('../../../src/shared/settings.ts');
const { App: Popup } = await import('../../../src/popup/App.tsx');

let root: HTMLElement;

function Probe() {
  return (
    <div>
      <p data-testid="words" data-lang={uiLang()}>
        {t('openPanel')}
      </p>
      <input aria-label="probe" />
    </div>
  );
}

beforeEach(() => {
  fake.reset();
  vi.stubGlobal('fetch', fake.fetch);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(async () => {
  root.remove();
  vi.unstubAllGlobals();
  await chooseLanguage('browser', async () => ({}));
});

describe('an extension page in the reader’s language', () => {
  it('starts in the language of the setting, whatever the browser’s', async () => {
    fake.setUiLanguage('ru');
    await fake.sync.set({ settings: { language: 'ka' } });
    await renderPage('popupTitle', () => <Probe />, root);
    expect(screen.getByTestId('words').textContent).toBe(ka.openPanel.message);
    expect(screen.getByTestId('words').dataset.lang).toBe('ka');
    expect(document.documentElement.lang).toBe('ka');
    expect(document.title).toBe(ka.popupTitle.message);
  });

  it('follows the browser without a setting, and English when English is chosen', async () => {
    fake.setUiLanguage('ru');
    await renderPage('popupTitle', () => <Probe />, root);
    expect(screen.getByTestId('words').textContent).toBe(ru.openPanel.message);
    expect(document.documentElement.lang).toBe('ru');
    await saveSettings({ language: 'en' });
    await waitFor(() => expect(screen.getByTestId('words').textContent).toBe('Open side panel'));
    expect(document.documentElement.lang).toBe('en');
  });

  it('turns to a new language when the setting changes, keeping the page’s elements and focus', async () => {
    await renderPage('popupTitle', () => <Probe />, root);
    expect(screen.getByTestId('words').textContent).toBe('Open side panel');
    const input = screen.getByLabelText('probe');
    input.focus();
    await saveSettings({ language: 'ru' });
    await waitFor(() => expect(screen.getByTestId('words').textContent).toBe(ru.openPanel.message));
    expect(document.title).toBe(ru.popupTitle.message);
    expect(screen.getByLabelText('probe')).toBe(input);
    expect(document.activeElement).toBe(input);
    await saveSettings({ language: 'browser' });
    await waitFor(() => expect(screen.getByTestId('words').textContent).toBe('Open side panel'));
  });
});

describe('the popup’s language menu', () => {
  it('offers the browser’s language and each language in its own name, saves the choice, and the popup turns to it', async () => {
    serveUi(tabState([]));
    await renderPage('popupTitle', () => <Popup />, root);
    const menu = (await screen.findByRole('combobox', { name: 'Language' })) as HTMLSelectElement;
    expect([...menu.options].map((o) => [o.value, o.textContent, o.lang])).toEqual([
      ['browser', 'Browser default', ''],
      ['en', 'English', 'en'],
      ['ru', 'Русский', 'ru'],
      ['ka', 'ქართული', 'ka'],
    ]);
    expect(menu.value).toBe('browser');
    menu.value = 'ka';
    fireEvent.change(menu);
    await waitFor(() => expect((fake.sync.data.get('settings') as { language?: string }).language).toBe('ka'));
    const again = (await screen.findByRole('combobox', { name: ka.language.message })) as HTMLSelectElement;
    expect(again.value).toBe('ka');
    expect(screen.getByRole('switch', { name: ka.backstoryOn.message })).toBeTruthy();
    expect(document.documentElement.lang).toBe('ka');
  });

  it('shows a notice and the browser’s language when the stored language is corrupted', async () => {
    serveUi(tabState([]));
    await fake.sync.set({ settings: { language: 'klingon' } });
    await renderPage('popupTitle', () => <Popup />, root);
    const menu = (await screen.findByRole('combobox', { name: 'Language' })) as HTMLSelectElement;
    expect(menu.value).toBe('browser');
    expect(await screen.findByText(/The saved setting “Language” was not valid/)).toBeTruthy();
  });
});
