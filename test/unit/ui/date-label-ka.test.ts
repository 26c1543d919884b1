/**
 * Georgian dates where Intl has no Georgian data (Chromium): written by hand exactly as an
 * Intl with Georgian data (Node's full ICU) writes them, never in English.
 */
import { describe, it, expect, vi, afterAll } from 'vitest';

const intl = new Intl.DateTimeFormat('ka', { timeZone: 'UTC', year: 'numeric', month: 'short' });
const intlDay = new Intl.DateTimeFormat('ka', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });
const pad = (n: number): string => String(n).padStart(2, '0');

describe('Georgian dates without Georgian Intl data', () => {
  const spy = vi.spyOn(Intl.DateTimeFormat, 'supportedLocalesOf').mockImplementation((l) => ([] as string[]).concat(l as string).filter((x) => !x.startsWith('ka')));
  afterAll(() => spy.mockRestore());

  it('match what Intl writes with the data, month by month, with and without a day', async () => {
    expect(intl.resolvedOptions().locale).toBe('ka'); // Node has the data to compare with
    vi.resetModules();
    const { dateLabel } = await import('../../../src/ui/date-label.ts');
    for (let m = 1; m <= 12; m++) {
      expect(dateLabel(`2008-${pad(m)}`, 'ka')).toBe(intl.format(new Date(Date.UTC(2008, m - 1, 1))));
      expect(dateLabel(`2008-${pad(m)}-07`, 'ka')).toBe(intlDay.format(new Date(Date.UTC(2008, m - 1, 7))));
    }
    expect(dateLabel('2018-03/2022-11', 'ka')).toBe('მარ. 2018–ნოე. 2022');
    expect(dateLabel('2008-08', 'en')).toBe('Aug 2008');
    expect(dateLabel('2008', 'ka')).toBe('2008');
  });
});
