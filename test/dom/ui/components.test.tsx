import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, screen, fireEvent, cleanup } from '@testing-library/preact';

vi.mock('../../../src/shared/browser.ts', () => import('../../fakes/browser.ts'));

const { fake, browser } = await import('../../fakes/browser.ts');
const { Switch } = await import('../../../src/ui/Switch.tsx');
const { SourceLink } = await import('../../../src/ui/SourceLink.tsx');
const { TimelineList } = await import('../../../src/ui/TimelineList.tsx');
const { dateLabel, dateSortKey } = await import('../../../src/ui/date-label.ts');
const { t, entityName, uiLang } = await import('../../../src/ui/i18n.ts');

afterEach(() => {
  cleanup();
  fake.reset();
});

const source = (url: string) => ({ id: 's', title: 'A title', url, publisher: 'Publisher', accessed: '2026-11-28' });

describe('Switch', () => {
  it('is a named switch that reports the next state', () => {
    const onChange = vi.fn();
    render(<Switch label="Backstory on" hint="everywhere" checked={true} onChange={onChange} />);
    const sw = screen.getByRole('switch', { name: /Backstory on/ });
    expect(sw.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(sw);
    expect(onChange).toHaveBeenCalledWith(false);
  });
});

describe('SourceLink', () => {
  it('links http(s) sources in a new tab without opener or referrer', () => {
    render(<SourceLink source={source('https://example.org/a')} />);
    const a = screen.getByRole('link', { name: 'Publisher' });
    expect(a.getAttribute('href')).toBe('https://example.org/a');
    expect(a.getAttribute('target')).toBe('_blank');
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('shows any other URL as plain text', () => {
    render(<SourceLink source={source('javascript:alert(1)')} />);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('Publisher')).toBeTruthy();
  });
});

describe('TimelineList', () => {
  it('renders dated rows with machine-readable dates', () => {
    render(<TimelineList label="Timeline" lang="en" rows={[{ key: 'a', date: '2008-08-12', text: 'Something happened', source: source('https://example.org') }]} />);
    const list = screen.getByRole('list', { name: 'Timeline' });
    expect(list.querySelector('time')!.getAttribute('datetime')).toBe('2008-08-12');
    expect(screen.getByText('Something happened')).toBeTruthy();
  });
});

describe('dateLabel', () => {
  it('keeps the precision of the source and shows ranges', () => {
    expect(dateLabel('2008')).toBe('2008');
    expect(dateLabel('2008-08', 'en')).toBe('Aug 2008');
    expect(dateLabel('2008-08-12', 'en')).toBe('Aug 12, 2008');
    expect(dateLabel('2012/2013')).toBe('2012–2013');
    expect(dateSortKey('2012/2013')).toBe('2012');
  });
});

describe('t and entityName', () => {
  it('substitutes $1 and falls back to English when the browser has no string', () => {
    expect(t('mentionsCount', 3)).toBe('Mentions on this page: 3');
    const spy = vi.spyOn(browser.i18n, 'getMessage').mockReturnValue('');
    expect(t('turnOnForSite', 'example.org')).toBe('Turn on for example.org');
    spy.mockRestore();
    expect(t('no-such-key')).toBe('no-such-key');
  });

  it('uses the first alias in the UI language for entity names', () => {
    const e = { name: 'Dmitry Peskov', aliases: { ru: ['Дмитрий Песков'], ka: ['დმიტრი პესკოვი'] } };
    expect(entityName(e, 'en')).toBe('Dmitry Peskov');
    expect(entityName(e, 'ru')).toBe('Дмитрий Песков');
    expect(entityName({ name: 'NATO', aliases: {} }, 'ru')).toBe('NATO');
    fake.setUiLanguage('ru-RU');
    expect(uiLang()).toBe('ru');
  });
});
