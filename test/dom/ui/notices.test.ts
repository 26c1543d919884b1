import { describe, it, expect, vi } from 'vitest';

vi.mock('../../../src/shared/browser.ts', () => import('../../fakes/browser.ts'));

const { fake } = await import('../../fakes/browser.ts');
const { noticeText } = await import('../../../src/ui/use-settings.ts');
const { DEFAULT_SETTINGS } = await import('../../../src/shared/settings.ts');
type Key = keyof typeof DEFAULT_SETTINGS;

describe('settings notices', () => {
  it('name every setting in words, never by its storage key', () => {
    for (const setting of Object.keys(DEFAULT_SETTINGS) as Key[]) {
      const text = noticeText({ what: 'reset', setting });
      expect(text).toMatch(/^The saved setting “[^”]+” was not valid/);
      expect(text, setting).not.toContain(setting);
    }
  });

  it('speak the reader’s language', () => {
    fake.setUiLanguage('ru');
    try {
      expect(noticeText({ what: 'reset', setting: 'showDelayMs' })).toBe('Сохранённое значение настройки «Показать через» было неверным и сброшено к значению по умолчанию.');
      expect(noticeText({ what: 'unreadable' })).toMatch(/не удалось прочитать/);
    } finally {
      fake.setUiLanguage('en');
    }
  });
});
