import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, screen, fireEvent, cleanup } from '@testing-library/preact';

vi.mock('../../../src/shared/browser.ts', () => import('../../fakes/browser.ts'));

const { fake, browser } = await import('../../fakes/browser.ts');
const { Switch } = await import('../../../src/ui/Switch.tsx');
const { SourceLink } = await import('../../../src/ui/SourceLink.tsx');
const { TimelineList } = await import('../../../src/ui/TimelineList.tsx');
const { FactTable } = await import('../../../src/ui/FactTable.tsx');
const { dateLabel, dateSortKey } = await import('../../../src/ui/date-label.ts');
const { t, entityName, uiLang } = await import('../../../src/ui/i18n.ts');

afterEach(() => {
  cleanup();
  fake.reset();
});

const source = (url: string) => ({ id: 's', title: 'A title', url, publisher: 'Publisher', kind: 'newspaper' as const, accessed: '2026-11-28' });

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
    expect(entityName({ ...e, i18n: { ru: { name: 'Песков, Дмитрий' } } }, 'ru')).toBe('Песков, Дмитрий');
    fake.setUiLanguage('ru-RU');
    expect(uiLang()).toBe('ru');
  });
});

describe('FactTable', () => {
  const sources = [
    { id: 'tass', title: 'A TASS report', url: 'https://tass.com/politics/1', publisher: 'TASS', kind: 'state-media' as const, country: 'RU', accessed: '2026-12-06' },
    { id: 'civil', title: 'A Civil.ge report', url: 'https://civil.ge/archives/1', publisher: 'Civil Georgia', kind: 'newspaper' as const, country: 'GE', accessed: '2026-12-06' },
  ];
  const facts = [
    { label: 'Appointed', value: 'Deputy foreign minister', date: '2022-11-25', source: 'tass', i18n: { ru: { label: 'Назначен', value: 'Замминистра иностранных дел' } } },
    { label: 'Office', value: 'Deputy foreign minister', asOf: '2025', source: 'civil' },
    { label: 'Term', value: 'Ambassador to Japan', date: '2018/2022', source: 'civil' },
  ];

  it('shows an event by its date, a standing fact "as of", and a term as a range', () => {
    render(<FactTable entity={{ facts, sources }} lang="en" t={t} where="card" />);
    const times = [...document.querySelectorAll('time')].map((x) => [x.getAttribute('datetime'), x.textContent]);
    expect(times).toEqual([
      ['2022-11-25', 'Nov 25, 2022'],
      ['2025', 'as of 2025'],
      ['2018', '2018–2022'],
    ]);
  });

  it('names state media on the card, and every kind in the panel', () => {
    render(<FactTable entity={{ facts, sources }} lang="en" t={t} where="card" />);
    const kinds = [...document.querySelectorAll('.bs-source-kind')].map((x) => x.textContent);
    expect(kinds).toEqual([' · state media · Russia']);
    cleanup();
    render(<FactTable entity={{ facts, sources }} lang="en" t={t} where="panel" />);
    expect([...document.querySelectorAll('.bs-source-kind')].map((x) => x.textContent)).toEqual([' · state media · Russia', ' · newspaper · Georgia', ' · newspaper · Georgia']);
  });

  it('shows the Russian text where the pack has it, and marks the English fallback with lang', () => {
    render(<FactTable entity={{ facts, sources }} lang="ru" t={t} where="card" />);
    const rows = [...document.querySelectorAll('.bs-fact')];
    expect(rows[0]!.querySelector('dt')!.textContent).toBe('Назначен');
    expect(rows[0]!.getAttribute('lang')).toBeNull();
    expect(rows[1]!.querySelector('dt')!.textContent).toBe('Office');
    expect(rows[1]!.getAttribute('lang')).toBe('en');
    expect(rows[1]!.querySelector('.bs-meta')!.getAttribute('lang')).toBe('ru');
  });
});
