import { describe, it, expect } from 'vitest';
import { entitiesOnPage, pageVerdict, visibleMentions } from '../../../../src/content/scan/filters.ts';
import { stepIndex, Revealer } from '../../../../src/content/input/navigate.ts';
import type { PageMention } from '../../../../src/content/scan/mentions.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../../src/shared/settings-model.ts';
import type { MatcherEntity } from '../../../../src/matcher/index.ts';

const ENT: Record<string, MatcherEntity> = {
  galuzin: { id: 'mikhail-galuzin', name: 'Mikhail Galuzin', type: 'person', topics: ['diplomacy'], scope: 'region' },
  izvestia: { id: 'izvestia', name: 'Izvestia', type: 'organization', topics: ['media'], scope: 'region' },
  tbilisi: { id: 'tbilisi', name: 'Tbilisi', type: 'place', topics: ['politics-elections', 'diplomacy'], scope: 'region' },
  usa: { id: 'united-states', name: 'United States', type: 'place', topics: ['diplomacy'], scope: 'world' },
  nato: { id: 'nato', name: 'NATO', type: 'organization', topics: ['conflict-security'], scope: 'world' },
};

/** Mentions over real text nodes so ranges exist (positions are not used by the filters). */
function mentions(...keys: string[]): PageMention[] {
  document.body.innerHTML = keys.map((k) => `<p>${ENT[k]!.name}</p>`).join('');
  return [...document.querySelectorAll('p')].map((p, i) => {
    const t = p.firstChild as Text;
    const range = document.createRange();
    range.selectNodeContents(t);
    return { range, entity: ENT[keys[i]!]!, nodes: [t], text: t.data };
  });
}
const settings = (over: Partial<Settings> = {}): Settings => ({
  ...DEFAULT_SETTINGS,
  ...over,
});
const ids = (list: PageMention[]) => list.map((m) => m.entity.id);
const all = () => true;

describe('visibleMentions', () => {
  const list = mentions('galuzin', 'izvestia', 'tbilisi', 'galuzin');

  it('keeps every mention by default', () => {
    expect(ids(visibleMentions(list, settings(), all))).toEqual(['mikhail-galuzin', 'izvestia', 'tbilisi', 'mikhail-galuzin']);
  });

  it('hides an entity when its type is hidden, or when any of its topics is', () => {
    expect(ids(visibleMentions(list, settings({ hiddenTypes: ['person'] }), all))).toEqual(['izvestia', 'tbilisi']);
    expect(ids(visibleMentions(list, settings({ hiddenTopics: ['diplomacy'] }), all))).toEqual(['izvestia']);
  });

  it('marks the first mention of each entity only, when asked', () => {
    expect(ids(visibleMentions(list, settings({ firstMentionOnly: true }), all))).toEqual(['mikhail-galuzin', 'izvestia', 'tbilisi']);
  });

  it('leaves out entities of switched-off packs', () => {
    expect(ids(visibleMentions(list, settings(), (id) => id !== 'izvestia'))).toEqual(['mikhail-galuzin', 'tbilisi', 'mikhail-galuzin']);
  });
});

describe('entitiesOnPage', () => {
  it('lists entities in order of first appearance with every mention counted', () => {
    const list = mentions('galuzin', 'izvestia', 'galuzin', 'tbilisi', 'galuzin');
    expect(entitiesOnPage(list, all).map((e) => [e.id, e.count])).toEqual([
      ['mikhail-galuzin', 3],
      ['izvestia', 1],
      ['tbilisi', 1],
    ]);
  });
});

describe('stepIndex and Revealer', () => {
  it('steps forward and back from the open mention, wrapping around', () => {
    const list = mentions('galuzin', 'izvestia', 'tbilisi');
    expect(stepIndex(list, list[0]!, 1, 800)).toBe(1);
    expect(stepIndex(list, list[2]!, 1, 800)).toBe(0);
    expect(stepIndex(list, list[0]!, -1, 800)).toBe(2);
    expect(stepIndex([], null, 1, 800)).toBe(-1);
  });

  it('reveals the mentions of one entity in turn', () => {
    const list = mentions('galuzin', 'izvestia', 'galuzin');
    const r = new Revealer();
    expect(r.next(list, 'mikhail-galuzin')).toMatchObject({ mention: list[0], index: 0, total: 2 });
    expect(r.next(list, 'mikhail-galuzin')).toMatchObject({ mention: list[2], index: 1, total: 2 });
    expect(r.next(list, 'mikhail-galuzin')).toMatchObject({ index: 0 });
    expect(r.next(list, 'nobody')).toMatchObject({ mention: null, total: 0 });
  });
});

describe('world-scope names', () => {
  it('are not marked on a page whose only names are world-level', () => {
    const list = mentions('usa', 'nato', 'usa');
    expect(pageVerdict(list, all)).toBe('world-only');
    expect(ids(visibleMentions(list, settings(), all))).toEqual([]);
    expect(entitiesOnPage(list, all).map((e) => e.id)).toEqual(['united-states', 'nato']);
  });

  it('are marked beside a region name, wherever it is on the page', () => {
    const list = mentions('usa', 'nato', 'tbilisi');
    expect(pageVerdict(list, all)).toBe('region');
    expect(ids(visibleMentions(list, settings(), all))).toEqual(['united-states', 'nato', 'tbilisi']);
  });

  it('a region name whose pack is off does not count', () => {
    const list = mentions('usa', 'tbilisi');
    expect(pageVerdict(list, (id) => id !== 'tbilisi')).toBe('world-only');
    expect(ids(visibleMentions(list, settings(), (id) => id !== 'tbilisi'))).toEqual([]);
  });

  it('are marked everywhere when the reader asks for it', () => {
    const list = mentions('usa', 'nato');
    expect(ids(visibleMentions(list, settings({ markWorldEverywhere: true }), all))).toEqual(['united-states', 'nato']);
    expect(pageVerdict([], all)).toBe('none');
  });
});
