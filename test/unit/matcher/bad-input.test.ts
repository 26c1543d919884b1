import { describe, expect, it } from 'vitest';
import { compileMatcher, createMatcher } from '../../../src/matcher/index.ts';
import { entity, hitsOf, testMatcher } from './entities.ts';

const m = testMatcher();

describe('matcher on bad input', () => {
  it('returns nothing for empty text', () => {
    expect(m.scan('')).toEqual([]);
    expect(m.findMentions('', { title: '' })).toEqual([]);
  });

  it('scans a 10 MB single line and finds the names at both ends', () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(Math.ceil(10_000_000 / 27));
    const text = `Tbilisi ${filler}Galuzin`;
    const hits = m.scan(text);
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['Tbilisi', 'Galuzin']);
  });

  it('scans one 10 MB word without a space', () => {
    expect(m.scan('a'.repeat(10_000_000))).toEqual([]);
  });

  it('survives lone surrogates and keeps offsets right around them', () => {
    const text = '\ud800Russia\udc00 and \udfff Georgia\ud83d';
    expect(hitsOf(m, text)).toEqual(['Russia=russia', 'Georgia=georgia']);
    expect(m.scan('😀Russia')[0]).toMatchObject({ start: 2, end: 8 });
  });

  it('handles right-to-left text around names', () => {
    const text = 'قال \u202bGaluzin\u202c في موسكو إن Russia';
    expect(hitsOf(m, text)).toEqual(['Galuzin=mikhail-galuzin', 'Russia=russia']);
  });

  it('looks through zero-width joiners inside a name but not across word edges', () => {
    expect(hitsOf(m, 'Gal\u200duzin and Tbil\u200cisi')).toEqual(['Gal\u200duzin=mikhail-galuzin', 'Tbil\u200cisi=tbilisi']);
    expect(hitsOf(m, 'xx\u200dRussia')).toEqual([]);
  });

  it('finds 100,000 repetitions of an alias', () => {
    const text = 'Galuzin '.repeat(100_000);
    expect(m.scan(text)).toHaveLength(100_000);
  });

  it('stays linear on 100,000 repetitions of a long alias prefix', () => {
    // Every word start walks "Geneva International" and fails: bounded by the alias length.
    const text = 'Geneva International '.repeat(100_000);
    const hits = m.scan(text);
    expect(hits).toHaveLength(100_000);
    expect(text.slice(hits[0]!.start, hits[0]!.end)).toBe('Geneva');
  });

  it('resolves 100,000 ambiguous hits on one page', () => {
    const text = 'Russia and Georgia. '.repeat(100_000);
    expect(m.findMentions(text)).toHaveLength(200_000);
  });

  it('compiles entities with missing or empty aliases', () => {
    const c = compileMatcher([entity('x', 'place', {}), entity('y', 'place', { en: ['', '  ', '«»'] })]);
    expect(createMatcher(c).scan('nothing to see')).toEqual([]);
  });

  it('compiles to JSON that hydrates to the same matcher', () => {
    const c = compileMatcher([entity('tbilisi', 'place', { en: ['Tbilisi'], ru: ['Тбилиси'] })]);
    const again = createMatcher(JSON.parse(JSON.stringify(c)) as typeof c);
    expect(again.findMentions('в Тбилиси, Tbilisi').map((x) => x.entity)).toEqual(['tbilisi', 'tbilisi']);
  });
});
