/**
 * The validator on a minimal valid pack and on each kind of broken pack: every error names
 * the file, the entity and the field, and says what was expected.
 */
import { describe, expect, it } from 'vitest';
import minimal from '../../fixtures/packs/minimal-pack.json' with { type: 'json' };
import { validatePack, validatePacks, formatPackError, isIsoDate, formatPath, type PackError } from '../../../src/facts/validate.ts';
import type { Entity, Pack } from '../../../src/facts/types.ts';

const FILE = 'my-pack.json';
const clone = (): Pack => structuredClone(minimal) as Pack;
const first = (p: Pack): Entity => p.entities[0]!;
const second = (p: Pack): Entity => p.entities[1]!;

function errorsOf(pack: unknown, opts: Parameters<typeof validatePack>[1] = { file: FILE }): PackError[] {
  const r = validatePack(pack, opts);
  if (r.ok) throw new Error('expected the pack to be rejected');
  return r.errors;
}

/** Asserts exactly one error with this field, and returns it. */
function only(pack: unknown, field: string, opts?: Parameters<typeof validatePack>[1]): PackError {
  const errors = errorsOf(pack, opts);
  const hits = errors.filter((e) => e.field === field);
  expect(hits, errors.map(formatPackError).join('\n')).toHaveLength(1);
  return hits[0]!;
}

describe('validatePack: the minimal example pack', () => {
  it('accepts it and returns the typed pack', () => {
    const r = validatePack(minimal, { file: FILE });
    expect(r.ok ? [] : r.errors.map(formatPackError)).toEqual([]);
    if (r.ok) {
      expect(r.pack.id).toBe('example-minimal');
      expect(r.pack.entities.map((e) => e.id)).toEqual(['upper-lars', 'roki-tunnel']);
    }
  });
});

describe('validatePack: each kind of broken pack', () => {
  it('fact source not declared in sources', () => {
    const p = clone();
    first(p).facts[2]!.source = 'tass-1';
    const e = only(p, 'entities[0].facts[2].source');
    expect(e).toMatchObject({ file: FILE, entityId: 'upper-lars' });
    expect(e.message).toBe('"tass-1" is not declared in sources');
  });

  it('reports the entity file (not the pack) when fileOfEntity is given', () => {
    const p = clone();
    first(p).facts[2]!.source = 'tass-1';
    const e = only(p, 'facts[2].source', { file: 'pack.json', fileOfEntity: (i) => `entities/${p.entities[i]!.id}.json` });
    expect(formatPackError(e)).toBe('entities/upper-lars.json: entity "upper-lars": facts[2].source: "tass-1" is not declared in sources');
  });

  it('timeline source not declared', () => {
    const p = clone();
    first(p).timeline = [{ date: '2010-03-01', text: 'Reopened', source: 'nope' }];
    expect(only(p, 'entities[0].timeline[0].source').message).toContain('"nope" is not declared in sources');
  });

  it('related id that exists nowhere, and one known from another pack', () => {
    const p = clone();
    first(p).related = [{ id: 'atlantis', relation: 'near' }];
    const e = only(p, 'entities[0].related[0].id');
    expect(e.entityId).toBe('upper-lars');
    expect(e.message).toContain('"atlantis" is not the id of any entity');
    expect(validatePack(p, { file: FILE, knownEntityIds: new Set(['atlantis']) }).ok).toBe(true);
  });

  it('duplicate entity ids', () => {
    const p = clone();
    second(p).id = 'upper-lars';
    const errors = errorsOf(p).filter((e) => e.field === 'entities[1].id');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/id "upper-lars" is already used .*expected ids unique within the pack/);
  });

  it.each([['javascript:alert(1)'], ['ftp://example.org/x'], ['not a url'], ['data:text/html,hi']])('source URL %s is rejected', (url) => {
    const p = clone();
    first(p).sources[0]!.url = url;
    const e = only(p, 'entities[0].sources[0].url');
    expect(e.message).toBe(`expected an http(s) URL, got ${JSON.stringify(url)}`);
  });

  it.each([['2008-13'], ['2008-02-30'], ['08/2008'], ['2009/2008'], ['Aug 2008'], ['2008-8-1']])('date %s is rejected', (d) => {
    const p = clone();
    first(p).facts[0]!.asOf = d;
    expect(only(p, 'entities[0].facts[0].asOf').message).toContain('is not an ISO date: expected YYYY, YYYY-MM or YYYY-MM-DD');
  });

  it.each([['2008'], ['2008-08'], ['2008-08-12'], ['2012/2013'], ['2008-08-07/2008-08-12'], ['2008-02-29/2009']])('date %s is accepted', (d) => {
    expect(isIsoDate(d)).toBe(true);
  });

  it('topic outside the vocabulary', () => {
    const p = clone();
    (first(p).topics as string[])[0] = 'sports';
    const e = only(p, 'entities[0].topics[0]');
    expect(e.message).toMatch(/^"sports" is not in the topic vocabulary; expected one of: conflict-security, diplomacy/);
  });

  it('entity type outside the list', () => {
    const p = clone();
    (first(p) as { type: string }).type = 'city';
    expect(only(p, 'entities[0].type').message).toContain('"city" is not an entity type');
  });

  it('alias shared by two entities without disambiguation on both', () => {
    const p = clone();
    first(p).aliases.en!.push('Lars');
    second(p).aliases.en!.push(' Lars ');
    const errors = errorsOf(p).filter((e) => e.field.endsWith('disambiguation.aliases'));
    expect(errors.map((e) => e.entityId).sort()).toEqual(['roki-tunnel', 'upper-lars']);
    expect(errors[0]!.message).toContain('alias "Lars" is shared with');
    // Disambiguation on one side only is still an error for the other side.
    first(p).disambiguation = { aliases: ['Lars'], prior: 0.5, cues: ['Vladikavkaz'] };
    expect(
      errorsOf(p)
        .filter((e) => e.field.endsWith('disambiguation.aliases'))
        .map((e) => e.entityId),
    ).toEqual(['roki-tunnel']);
    second(p).disambiguation = { aliases: ['Lars'], prior: 0.5, cues: ['Ossetia'] };
    expect(validatePack(p, { file: FILE }).ok).toBe(true);
  });

  it('aliases differing only in case are not shared', () => {
    const p = clone();
    first(p).aliases.en!.push('LARS');
    second(p).aliases.en!.push('Lars');
    expect(validatePack(p, { file: FILE }).ok).toBe(true);
  });

  it('disambiguation naming an alias the entity does not have, or an unknown cue entity', () => {
    const p = clone();
    first(p).disambiguation = { aliases: ['Larsi'], prior: 0.5, cues: ['x'], cueEntities: ['nowhere'] };
    expect(only(p, 'entities[0].disambiguation.aliases[0]').message).toBe('"Larsi" is not one of this entity\'s aliases');
    expect(only(p, 'entities[0].disambiguation.cueEntities[0]').message).toContain('"nowhere" is not the id of any entity');
  });

  it('accepts blockers (longer names that mean something else) and rejects empty ones', () => {
    const p = clone();
    first(p).disambiguation = { aliases: ['Upper Lars'], prior: 0.5, cues: ['x'], blockers: ['Upper Lars Hotel'] };
    expect(validatePack(p, { file: FILE }).ok).toBe(true);
    first(p).disambiguation = { aliases: ['Upper Lars'], prior: 0.5, cues: ['x'], blockers: [' '] };
    expect(only(p, 'entities[0].disambiguation.blockers[0]').message).toMatch(/empty|blank/i);
  });

  it('prior outside 0–1', () => {
    const p = clone();
    first(p).disambiguation = { aliases: ['Upper Lars'], prior: 1.5, cues: ['x'] };
    expect(only(p, 'entities[0].disambiguation.prior').message).toBe('expected a number from 0 to 1');
  });

  it('summary over 280 characters', () => {
    const p = clone();
    first(p).summary = 'x'.repeat(281);
    expect(only(p, 'entities[0].summary').message).toBe('is 281 characters long; at most 280 allowed');
  });

  it('empty and blank strings', () => {
    const p = clone();
    first(p).facts[1]!.value = '   ';
    first(p).aliases.en!.push('');
    const errors = errorsOf(p);
    expect(errors.find((e) => e.field === 'entities[0].facts[1].value')?.message).toBe('must not be empty');
    expect(errors.find((e) => e.field === 'entities[0].aliases.en[1]')?.message).toBe('must not be empty');
  });

  it('ids that are not kebab-case', () => {
    const p = clone();
    second(p).id = 'Roki_Tunnel';
    first(p).sources[0]!.id = 'RBC 1';
    first(p).facts[0]!.source = 'RBC 1';
    const errors = errorsOf(p);
    expect(errors.find((e) => e.field === 'entities[1].id')?.message).toBe('id "Roki_Tunnel" is not kebab-case (lowercase letters, digits and single hyphens)');
    expect(errors.find((e) => e.field === 'entities[0].sources[0].id')?.message).toContain('source id "RBC 1" is not kebab-case');
  });

  it('missing and wrongly typed fields, and unknown fields', () => {
    const p = clone() as unknown as { entities: Record<string, unknown>[] };
    delete p.entities[0]!['summary'];
    p.entities[0]!['facts'] = 'none';
    (p.entities[1]!['facts'] as Record<string, unknown>[])[0]!['asof'] = '2008';
    const errors = errorsOf(p);
    expect(errors.find((e) => e.field === 'entities[0].summary')?.message).toBe('expected a text (string); is missing');
    expect(errors.find((e) => e.field === 'entities[0].facts')?.message).toBe('expected a list (array); got a text "none"');
    expect(errors.find((e) => e.field === 'entities[1].facts[0].asof')?.message).toBe('unknown field "asof" (check its spelling)');
    expect(errors.find((e) => e.field === 'entities[0].summary')?.entityId).toBe('upper-lars');
  });

  it('something that is not a pack at all', () => {
    expect(errorsOf(null).length).toBeGreaterThan(0);
    expect(errorsOf([]).length).toBeGreaterThan(0);
    const e = errorsOf({ id: 'x', name: 'x', version: '1', description: 'x' });
    expect(e.map((x) => x.field)).toEqual(['entities']);
    expect(e[0]!.message).toBe('expected a list (array); is missing');
  });

  it('caps the error list for a huge broken file and says how many were left out', () => {
    const p = clone();
    const bad = first(p);
    p.entities = Array.from({ length: 500 }, (_, i) => ({ ...structuredClone(bad), id: `e-${i}`, summary: '' }));
    const errors = errorsOf(p, { file: FILE });
    expect(errors).toHaveLength(201);
    expect(errors[200]!.field).toBe('(more)');
    expect(errors[200]!.message).toBe('300 more error(s) not shown; fix these first');
    expect(errorsOf(p, { file: FILE, maxErrors: 10 })).toHaveLength(11);
  });
});

describe('validatePack: the source policy and the card fields', () => {
  const inFile = { file: 'pack.json', fileOfEntity: (i: number) => `entities/${['upper-lars', 'roki-tunnel'][i]}.json` };

  it('a source without a kind fails, naming the file and the field', () => {
    const p = clone();
    delete (first(p).sources[0] as { kind?: string }).kind;
    const e = only(p, 'sources[0].kind', inFile);
    expect(formatPackError(e)).toMatch(/^entities\/upper-lars\.json: entity "upper-lars": sources\[0\]\.kind: is missing; every source says what it is, one of: news-agency, /);
  });

  it('a kind outside the vocabulary, and a country that is not an ISO code', () => {
    const p = clone();
    (first(p).sources[0] as { kind: string }).kind = 'blog';
    first(p).sources[1]!.country = 'Georgia';
    expect(only(p, 'entities[0].sources[0].kind').message).toContain('"blog" is not a source kind');
    expect(only(p, 'entities[0].sources[1].country').message).toContain('"Georgia" is not an ISO 3166-1 alpha-2 country code');
  });

  it('a fact citing an undeclared source fails, naming the file and the field', () => {
    const p = clone();
    first(p).facts[0]!.source = 'nowhere';
    expect(formatPackError(only(p, 'facts[0].source', inFile))).toBe('entities/upper-lars.json: entity "upper-lars": facts[0].source: "nowhere" is not declared in sources');
  });

  it('more than four key facts fails, naming the fifth', () => {
    const p = clone();
    const f = first(p).facts[0]!;
    first(p).facts = Array.from({ length: 5 }, (_, i) => ({ ...f, value: `fact ${i}`, key: true }));
    expect(formatPackError(only(p, 'facts[4].key', inFile))).toBe(
      'entities/upper-lars.json: entity "upper-lars": facts[4].key: is the 5th key fact; at most 4 facts may be marked key (the card shows them)',
    );
    first(p).facts[4]!.key = false;
    expect(validatePack(p, inFile).ok).toBe(true);
  });

  it('a fact needs exactly one of date and asOf', () => {
    const p = clone();
    const f = first(p).facts[0]!;
    f.date = '2022-09-01';
    expect(only(p, 'entities[0].facts[0]').message).toContain('has both "date" and "asOf"');
    delete f.asOf;
    expect(validatePack(p, { file: FILE }).ok).toBe(true);
    delete f.date;
    expect(only(p, 'entities[0].facts[0]').message).toContain('expected "date" (when it happened) or "asOf"');
  });

  it.each([
    ['https://wikimili.com/en/Roki_Tunnel', 'a copy of Wikipedia or of another site'],
    ['https://abkhazia.news-pravda.com/world/2025/04/14/1.html', 'the "Pravda" network'],
    ['https://someone.blogspot.com/2012/02/roki.html', 'an anonymous blog'],
    ['https://en.m.wikipedia.org/wiki/Roki_Tunnel', 'not a canonical Wikipedia article address'],
    ['https://messenger.com.ge./issues/4190_july_24_2018/4190_gvanca1.html', 'trailing dot'],
  ])('refuses to cite %s', (url, why) => {
    const p = clone();
    first(p).sources[0]!.url = url;
    expect(only(p, 'entities[0].sources[0].url').message).toContain(why);
  });

  it('accepts translations beside the English text, and rejects a half translation or an unknown language', () => {
    const p = clone();
    const e = first(p);
    e.i18n = { ru: { name: 'Верхний Ларс', summary: 'Пункт пропуска.' }, ka: { name: 'ზემო ლარსი' } };
    e.facts[0]!.i18n = { ru: { label: 'Статус', value: 'Открыт' } };
    expect(validatePack(p, { file: FILE }).ok).toBe(true);
    (e.facts[0]!.i18n as Record<string, unknown>)['ka'] = { label: 'სტატუსი' };
    expect(only(p, 'entities[0].facts[0].i18n.ka.value').message).toContain('expected a text');
    delete (e.facts[0]!.i18n as Record<string, unknown>)['ka'];
    (e.i18n as Record<string, unknown>)['de'] = { name: 'Oberer Lars' };
    expect(only(p, 'entities[0].i18n.de').message).toContain('unknown field "de"');
  });

  it('scope, gender and distinctiveSurname: values and who may have them', () => {
    const p = clone();
    (first(p) as { scope: string }).scope = 'global';
    expect(only(p, 'entities[0].scope').message).toContain('"global" is not a scope; expected one of: region, world');
    first(p).scope = 'world';
    first(p).gender = 'm';
    first(p).distinctiveSurname = true;
    expect(only(p, 'entities[0].gender').message).toBe('only people have a gender here');
    expect(only(p, 'entities[0].distinctiveSurname').message).toBe('only people have a surname');
  });
});

describe('validatePacks: checks across packs', () => {
  const other = (): Pack => {
    const p = clone();
    p.id = 'example-other';
    p.entities = [{ ...structuredClone(first(p)), id: 'lars-crossing', related: [{ id: 'roki-tunnel', relation: 'near' }] }];
    return p;
  };

  it('accepts packs linking to each other', () => {
    const r = validatePacks([
      { input: clone(), file: 'a.json' },
      { input: other(), file: 'b.json' },
    ]);
    // "Upper Lars" is now an alias of both upper-lars (a) and lars-crossing (b):
    expect(r.ok ? [] : r.errors.map((e) => [e.file, e.entityId, e.field])).toEqual([
      ['a.json', 'upper-lars', 'entities[0].disambiguation.aliases'],
      ['b.json', 'lars-crossing', 'entities[0].disambiguation.aliases'],
    ]);
    const b = other();
    first(b).aliases = { en: ['Lars crossing'] };
    expect(
      validatePacks([
        { input: clone(), file: 'a.json' },
        { input: b, file: 'b.json' },
      ]).ok,
    ).toBe(true);
  });

  it('rejects an entity id used in two packs, and duplicate pack ids', () => {
    const b = clone();
    b.entities = [second(b)];
    first(b).aliases = { en: ['Roki'] };
    const r = validatePacks([
      { input: clone(), file: 'a.json' },
      { input: b, file: 'b.json', files: ['b/roki-tunnel.json'] },
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const msgs = r.errors.map(formatPackError);
      expect(msgs).toContain('b/roki-tunnel.json: entity "roki-tunnel": id: id "roki-tunnel" is already used by an entity in a.json; expected ids unique across packs');
      expect(msgs).toContain('b.json: id: pack id "example-minimal" is already used by a.json; expected unique pack ids');
    }
  });
});

describe('formatPath', () => {
  it('formats issue paths as field paths', () => {
    expect(formatPath(['facts', 2, 'source'])).toBe('facts[2].source');
    expect(formatPath([])).toBe('(root)');
  });
});
