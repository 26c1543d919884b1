import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/shared/browser.ts', () => import('../../fakes/browser.ts'));
const { MAX_PROBE_TEXT, probeText } = await import('../../../src/background/probe.ts');

describe('the background’s answer to the page probe', () => {
  it('says yes on a region name, blocks run together; no on world-level names only', () => {
    expect(probeText('HomeWorldTbilisiSport', []).names).toBe(true);
    expect(probeText('Галузин прибыл в Женеву.', []).names).toBe(true);
    expect(probeText('The United States and NATO met in Brussels.', []).names).toBe(false);
    const { ms } = probeText('Sokhumi', []);
    expect(ms).toBeGreaterThanOrEqual(0);
  });

  it('counts only the packs switched on', () => {
    expect(probeText('Talks in Tbilisi.', ['russia-georgia']).names).toBe(false);
    expect(probeText('Talks in Tbilisi.', []).names).toBe(true);
  });

  it('refuses what is not a page text: not a string, or longer than a question can be', () => {
    expect(() => probeText(42, [])).toThrow(/probe/);
    expect(() => probeText('x'.repeat(MAX_PROBE_TEXT + 1), [])).toThrow(/probe/);
  });
});
