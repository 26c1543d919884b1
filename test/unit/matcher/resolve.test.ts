import { describe, expect, it } from 'vitest';
import { entity, mentionsOf, testMatcher } from './entities.ts';
import { decide, PageEvidence } from '../../../src/matcher/resolve.ts';
import type { Hit } from '../../../src/matcher/index.ts';

const m = testMatcher();

describe('resolve', () => {
  it('marks Georgia the country when the page names Russia, Tbilisi or Abkhazia', () => {
    expect(mentionsOf(m, 'Georgia and Russia restored ties; Tbilisi welcomed it.')).toEqual(['Georgia=georgia', 'Russia=russia', 'Tbilisi=tbilisi']);
  });

  it('does not mark Georgia in US news', () => {
    expect(mentionsOf(m, 'Voters in Georgia head to the polls as Atlanta suburbs decide the Peach State.')).toEqual([]);
  });

  it('does not mark an ambiguous name without context', () => {
    expect(mentionsOf(m, 'Georgia is lovely in spring.')).toEqual([]);
  });

  it('lets words against a sense outweigh cue entities', () => {
    expect(mentionsOf(m, 'From Atlanta, Georgia, Governor Kemp said Russia…')).toEqual(['Russia=russia']);
  });

  it('uses the title as page evidence', () => {
    expect(mentionsOf(m, 'Georgia said it would answer.', 'Russia and Georgia trade barbs')).toEqual(['Georgia=georgia']);
  });

  it('tells the politician Medvedev from the tennis player', () => {
    expect(mentionsOf(m, 'Medvedev, deputy head of the Security Council, said the Kremlin would respond.')).toEqual(['Medvedev=dmitry-medvedev']);
    expect(mentionsOf(m, 'Daniil Medvedev beat Sinner; Medvedev now leads the ATP race.')).toEqual([]);
  });

  it('resolves a short form when the full, unambiguous name is on the page', () => {
    expect(mentionsOf(m, 'Dmitry Medvedev spoke. Later Medvedev added more.')).toEqual(['Dmitry Medvedev=dmitry-medvedev', 'Medvedev=dmitry-medvedev']);
  });

  it('does not mark Moscow, Idaho', () => {
    expect(mentionsOf(m, 'Police in Moscow, Idaho, said the Moscow campus was closed.')).toEqual([]);
    expect(mentionsOf(m, 'Moscow said on Monday that sanctions would fail.')).toEqual(['Moscow=moscow']);
  });

  it('does not mark Geneva at the motor show but does at the talks', () => {
    expect(mentionsOf(m, 'The Geneva motor show opens with new electric cars.')).toEqual([]);
    expect(mentionsOf(m, 'Georgia and Russia met in Geneva for talks.')).toEqual(['Georgia=georgia', 'Russia=russia', 'Geneva=geneva']);
  });

  it('reads a Russian or Georgian cue word with its case ending', () => {
    const law = entity(
      'law',
      'agreement',
      { ru: ['закон о вещании'], ka: ['მაუწყებლობის კანონი'] },
      {
        aliases: ['закон о вещании', 'მაუწყებლობის კანონი'],
        prior: 0.6,
        cues: ['Грузия', 'საქართველო'],
        against: ['Украина', 'უკრაინა'],
      },
    );
    const m2 = testMatcher([law]);
    expect(mentionsOf(m2, 'Парламент Грузии принял закон о вещании.')).toEqual(['закон о вещании=law']);
    expect(mentionsOf(m2, 'Парламент Грузии и Украины обсуждают закон о вещании.')).toEqual([]);
    expect(mentionsOf(m2, 'საქართველოს პარლამენტმა მაუწყებლობის კანონი მიიღო.')).toEqual(['მაუწყებლობის კანონი=law']);
    // A longer word is not a case ending: "Грузинская" is not "Грузия".
    expect(mentionsOf(m2, 'Грузинскоязычный закон о вещании.')).toEqual([]);
  });

  it("marks a bare surname where the person's full name was decided by the page's context", () => {
    const zurab = {
      ...entity('zurab', 'person', { en: ['Zurab Abashidze'] }, { aliases: ['Zurab Abashidze'], prior: 0.5, cueEntities: ['karasin'], cues: [], against: ['City Assembly'] }),
      name: 'Zurab Abashidze',
    };
    const m2 = testMatcher([zurab, entity('karasin', 'person', { en: ['Grigory Karasin'] })]);
    expect(mentionsOf(m2, 'Zurab Abashidze met Grigory Karasin. Abashidze said little.')).toEqual(['Zurab Abashidze=zurab', 'Grigory Karasin=karasin', 'Abashidze=zurab']);
    expect(mentionsOf(m2, 'Zurab Abashidze, chair of the City Assembly, spoke. Abashidze said little.')).toEqual([]);
  });

  it('does not mark an ambiguous name that runs on into an unknown capitalised name', () => {
    expect(mentionsOf(m, 'Russia and Tbilisi. Love Island star Georgia Harrison said hi. Georgia Tbilisi ties.')).toEqual([
      'Russia=russia',
      'Tbilisi=tbilisi',
      'Georgia=georgia',
      'Tbilisi=tbilisi',
    ]);
  });

  it('needs page context for a weak acronym such as GD', () => {
    expect(mentionsOf(m, 'GD shares rose 3%.')).toEqual([]);
    expect(mentionsOf(m, 'GD, the party founded by Ivanishvili, won in Tbilisi.')).toEqual(['GD=georgian-dream', 'Tbilisi=tbilisi']);
  });

  it('lets one decided entity support another in a second round', () => {
    // Moscow is convincing on its own prior; it then supports Medvedev.
    expect(mentionsOf(m, 'Moscow reacted. Medvedev wrote on Telegram.')).toEqual(['Moscow=moscow', 'Medvedev=dmitry-medvedev']);
  });

  it('decides hits added block by block through the Evidence API', () => {
    const ev = m.createEvidence();
    const blocks = ['Talks on Abkhazia', 'Georgia rejected the offer.'];
    const hits = blocks.map((b) => m.scan(b));
    blocks.forEach((b, i) => {
      ev.addText(b);
      ev.addHits(hits[i]!);
    });
    const georgia = hits[1]![0]!;
    expect(m.entities[m.resolve(georgia, ev)]!.id).toBe('georgia');
    expect(m.resolve(georgia, m.createEvidence())).toBe(-1);
  });

  it('treats an alias shared by two entities as ambiguous', () => {
    const mm = testMatcher([
      { id: 'a', name: 'Gali', type: 'place', topics: [], aliases: { en: ['Gali'] }, summary: '', facts: [], sources: [] },
      { id: 'b', name: 'Gali', type: 'person', topics: [], aliases: { en: ['Gali'] }, summary: '', facts: [], sources: [] },
    ]);
    expect(mm.scan('Gali')[0]).toMatchObject({ ambiguous: true, candidates: [0, 1] });
    expect(mentionsOf(mm, 'Gali')).toEqual([]);
  });
});

describe('PageEvidence.needsCues', () => {
  const d = (entity: number, prior: number, cues: number[], against: number[]) => ({ entity, prior, cues, cueEntities: [], against });
  const evidence = new PageEvidence([d(0, 0.9, [1, 2], []), d(1, 0.5, [1], [3]), d(2, 0.9, [1], [4]), d(3, 0.3, [], [])], () => undefined);
  const hit = (candidates: number[], over: Partial<Hit> = {}): Hit => ({ start: 0, end: 2, candidates, ambiguous: true, form: 0, ...over });

  it('asks for cue words only where they could change the decision', () => {
    expect(evidence.needsCues(hit([1])), 'even odds, cue words for and against').toBe(true);
    expect(evidence.needsCues(hit([2])), 'convincing prior, but a cue word against it').toBe(true);
    expect(evidence.needsCues(hit([0, 1])), 'two candidates').toBe(true);
    expect(evidence.needsCues(hit([0])), 'one candidate convincing on its prior, no word against it').toBe(false);
    expect(evidence.needsCues(hit([3])), 'no cue words at all').toBe(false);
    expect(evidence.needsCues(hit([1], { ambiguous: false })), 'not ambiguous').toBe(false);
    expect(evidence.needsCues(hit([1], { continued: true })), 'part of a longer name').toBe(false);
  });

  it('decides a hit that needs no cue words the same with or without them', () => {
    const cued = new PageEvidence([...evidence.byEntity.values()], (_t, found) => [1, 2, 3, 4].forEach(found));
    cued.addText('any');
    for (const h of [hit([0]), hit([3])]) expect(decide(h, cued)).toBe(decide(h, evidence));
  });
});
