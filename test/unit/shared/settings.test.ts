import { describe, it, expect, vi } from 'vitest';

vi.mock('../../../src/shared/browser.ts', () => import('../../fakes/browser.ts'));

const { fake } = await import('../../fakes/browser.ts');
const { repairSettings, DEFAULT_SETTINGS, siteKey, loadSettings, saveSettings, setSiteEnabled, loadDisabledSites } = await import('../../../src/shared/settings.ts');

describe('repairSettings', () => {
  it('returns the defaults without notices when nothing is stored', () => {
    const { settings, notices } = repairSettings(undefined);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(notices).toEqual([]);
  });

  it('keeps every valid stored value', () => {
    const stored = { ...DEFAULT_SETTINGS, enabled: false, hiddenTopics: ['energy'], highlightStyle: 'background', showDelayMs: 600 };
    const { settings, notices } = repairSettings(stored);
    expect(settings.enabled).toBe(false);
    expect(settings.hiddenTopics).toEqual(['energy']);
    expect(settings.highlightStyle).toBe('background');
    expect(settings.showDelayMs).toBe(600);
    expect(notices).toEqual([]);
  });

  it('resets each corrupted value to its default and says which one', () => {
    const { settings, notices } = repairSettings({ enabled: 'yes', hiddenTopics: ['not-a-topic'], showDelayMs: -5, showMode: 'hover' });
    expect(settings.enabled).toBe(true);
    expect(settings.hiddenTopics).toEqual([]);
    expect(settings.showDelayMs).toBe(DEFAULT_SETTINGS.showDelayMs);
    expect(settings.showMode).toBe('hover');
    expect(notices).toEqual([
      { what: 'reset', setting: 'enabled' },
      { what: 'reset', setting: 'hiddenTopics' },
      { what: 'reset', setting: 'showDelayMs' },
    ]);
  });

  it('falls back to the defaults with one notice when the stored object is not an object', () => {
    const { settings, notices } = repairSettings('garbage');
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(notices).toEqual([{ what: 'unreadable' }]);
  });

  it('ignores unknown keys', () => {
    const { settings } = repairSettings({ surprise: 1 });
    expect(settings).toEqual(DEFAULT_SETTINGS);
  });
});

describe('the language setting', () => {
  it('follows the browser by default', () => {
    expect(DEFAULT_SETTINGS.language).toBe('browser');
  });

  it('keeps both of two changes made at once (a reader clicking two options in a row)', async () => {
    fake.reset();
    const [, second] = await Promise.all([saveSettings({ highlightStyle: 'background' }), saveSettings({ firstMentionOnly: true })]);
    expect(second).toMatchObject({ highlightStyle: 'background', firstMentionOnly: true });
    expect((await loadSettings()).settings).toMatchObject({ highlightStyle: 'background', firstMentionOnly: true });
    await Promise.all([setSiteEnabled('a.example', false), setSiteEnabled('b.example', false)]);
    expect(await loadDisabledSites()).toEqual(['a.example', 'b.example']);
  });

  it('is saved with the other settings and read back', async () => {
    fake.reset();
    await saveSettings({ language: 'ka' });
    expect((fake.sync.data.get('settings') as { language?: unknown }).language).toBe('ka');
    const { settings, notices } = await loadSettings();
    expect(settings.language).toBe('ka');
    expect(settings.showMode).toBe(DEFAULT_SETTINGS.showMode);
    expect(notices).toEqual([]);
  });

  it('falls back to the browser’s language with a notice when the stored value is not one of ours', async () => {
    for (const bad of ['fr', 'KA', '', 7, null, ['ka']]) {
      const { settings, notices } = repairSettings({ language: bad, showMode: 'click' });
      expect(settings.language, String(bad)).toBe('browser');
      expect(settings.showMode).toBe('click');
      expect(notices).toEqual([{ what: 'reset', setting: 'language' }]);
    }
    fake.reset();
    await fake.sync.set({ settings: { language: 'de' } });
    expect((await loadSettings()).settings.language).toBe('browser');
  });
});

describe('siteKey', () => {
  it('drops a leading www. and keeps subdomains', () => {
    expect(siteKey('https://www.example.com/a')).toBe('example.com');
    expect(siteKey('https://news.example.com/a')).toBe('news.example.com');
  });
  it('is empty for a string that is not a URL', () => {
    expect(siteKey('not a url')).toBe('');
  });
});
