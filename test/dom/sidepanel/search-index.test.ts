import { describe, it, expect } from 'vitest';
import { buildSearchIndex, foldForSearch } from '../../../src/sidepanel/search-index.ts';
import { PACKS } from '../../fakes/packs.ts';

const index = buildSearchIndex(PACKS.flatMap((p) => p.entities));
const first = (q: string): string | undefined => index.search(q)[0]?.id;

describe('buildSearchIndex', () => {
  it('folds case, diacritics and ё', () => {
    expect(foldForSearch('  Erdoğan  Ёлка ')).toBe('erdogan елка');
  });

  it('finds entities by any alias in Latin, Cyrillic and Georgian script', () => {
    expect(first('kodori')).toBe('kodori-gorge');
    expect(first('ПЕСКОВ')).toBe('dmitry-peskov');
    expect(first('კოდორ')).toBe('kodori-gorge');
    expect(first('ნატო')).toBe('nato');
  });

  it('forgives a typo and a missing diacritic', () => {
    expect(first('erdogan')).toBe('recep-tayyip-erdogan');
    expect(first('peskow')).toBe('dmitry-peskov');
  });

  it('returns one hit per entity and says which alias matched', () => {
    const hits = index.search('nato');
    expect(new Set(hits.map((h) => h.id)).size).toBe(hits.length);
    expect(hits[0]).toMatchObject({ id: 'nato', type: 'organization' });
    expect(hits[0]!.matched.toLowerCase()).toContain('nato');
  });

  it('falls back to a substring inside a word', () => {
    expect(index.search('одорск').map((h) => h.id)).toContain('kodori-gorge');
  });
});
