/**
 * Person names as the press writes them: forms derived from the full names (surname,
 * Russian name without patronymic, their cases), the rule for a bare surname, and
 * world-level names kept to pages about the region.
 */
import { describe, expect, it } from 'vitest';
import { compileMatcher, createMatcher } from '../../../src/matcher/index.ts';
import { derivedPersonNames } from '../../../src/matcher/compile.ts';
import type { Entity } from '../../../src/facts/types.ts';
import { entity } from './entities.ts';

const person = (id: string, aliases: Entity['aliases'], more: Partial<Entity> = {}): Entity => ({ ...entity(id, 'person', aliases), ...more });

const WORLD: Entity[] = [
  person('shalva-papuashvili', { en: ['Shalva Papuashvili'], ru: ['Шалва Папуашвили'], ka: ['შალვა პაპუაშვილი'] }),
  person('nikol-pashinyan', { en: ['Nikol Pashinyan'], ru: ['Никол Воваевич Пашинян'] }, { distinctiveSurname: true }),
  person('maria-zakharova', { en: ['Maria Zakharova'], ru: ['Мария Владимировна Захарова'] }, { gender: 'f' }),
  person('inal-ardzinba', { en: ['Inal Ardzinba'] }),
  person('vladislav-ardzinba', { en: ['Vladislav Ardzinba'] }),
  person('giorgi-gori', { en: ['Giorgi Gori'] }),
  entity('gori', 'place', { en: ['Gori'] }),
  entity('tbilisi', 'place', { en: ['Tbilisi'], ka: ['თბილისი'] }),
  { ...entity('united-states', 'place', { en: ['United States', 'USA'] }), scope: 'world' },
];
const m = createMatcher(compileMatcher(WORLD));
const found = (text: string, opts?: { markWorldEverywhere?: boolean }) => m.findMentions(text, opts).map((x) => `${x.text}=${x.entity}`);

describe('derivedPersonNames', () => {
  it('derives the bare surname and, in Russian, the name without patronymic', () => {
    expect(derivedPersonNames(['Шалва Папуашвили'], true)).toEqual([['Папуашвили', true]]);
    expect(derivedPersonNames(['Мария Владимировна Захарова'], true)).toEqual([
      ['Мария Захарова', false],
      ['Захарова', true],
    ]);
    expect(derivedPersonNames(['Papuashvili', 'Shalva Papuashvili'], false)).toEqual([]);
    expect(derivedPersonNames(['Recep Tayyip Erdoğan', 'de Gaulle'], false)).toEqual([['Erdoğan', true]]);
  });
});

describe('a bare surname', () => {
  it('is marked on a page that names the person in full, anywhere on it, in any language', () => {
    expect(found('Papuashvili spoke. Speaker Shalva Papuashvili said later that Papuashvili’s bill stands.')).toEqual([
      'Papuashvili=shalva-papuashvili',
      'Shalva Papuashvili=shalva-papuashvili',
      'Papuashvili=shalva-papuashvili',
    ]);
    expect(found('Шалва Папуашвили заявил… Папуашвили добавил, что с Папуашвили согласны.')).toEqual([
      'Шалва Папуашвили=shalva-papuashvili',
      'Папуашвили=shalva-papuashvili',
      'Папуашвили=shalva-papuashvili',
    ]);
    expect(found('Shalva Papuashvili visited. პაპუაშვილის თქმით…')).toEqual(['Shalva Papuashvili=shalva-papuashvili', 'პაპუაშვილის=shalva-papuashvili']);
  });

  it('is not marked alone when the surname is not distinctive', () => {
    expect(found('Papuashvili said the bill stands.')).toEqual([]);
  });

  it('is marked after a title, which binds it to the person', () => {
    expect(found('Speaker Papuashvili said the bill stands.')).toEqual(['Papuashvili=shalva-papuashvili']);
    expect(found('Mr. Papuashvili said so in Tbilisi.')).toEqual(['Papuashvili=shalva-papuashvili', 'Tbilisi=tbilisi']);
    expect(found('Как заявил г-н Папуашвили, закон…')).toEqual(['Папуашвили=shalva-papuashvili']);
    expect(found('ბატონი პაპუაშვილი')).toEqual(['პაპუაშვილი=shalva-papuashvili']);
    // A title does not settle a surname two people share.
    expect(found('Mr Ardzinba said…')).toEqual([]);
  });

  it('is marked anywhere when the pack calls it distinctive, in its cases', () => {
    expect(found('Встреча с Пашиняном прошла в Ереване; Пашинян заявил…')).toEqual(['Пашиняном=nikol-pashinyan', 'Пашинян=nikol-pashinyan']);
    expect(found('Pashinyan met Aliyev.')).toEqual(['Pashinyan=nikol-pashinyan']);
  });

  it('declines a woman’s surname and the Russian name without patronymic', () => {
    expect(found('Мария Захарова ответила. По словам Захаровой, Марии Захаровой…')).toEqual([
      'Мария Захарова=maria-zakharova',
      'Захаровой=maria-zakharova',
      'Марии Захаровой=maria-zakharova',
    ]);
  });

  it('shared by two people, goes to the one named in full, and to nobody when neither or both are', () => {
    expect(found('Inal Ardzinba arrived; Ardzinba said…')).toEqual(['Inal Ardzinba=inal-ardzinba', 'Ardzinba=inal-ardzinba']);
    expect(found('Ardzinba said…')).toEqual([]);
    expect(found('Inal Ardzinba and Vladislav Ardzinba: Ardzinba said…')).toEqual(['Inal Ardzinba=inal-ardzinba', 'Vladislav Ardzinba=vladislav-ardzinba']);
  });

  it('is never derived when it is another entity’s name', () => {
    expect(found('Giorgi Gori visited Gori.')).toEqual(['Giorgi Gori=giorgi-gori', 'Gori=gori']);
  });
});

describe('world-level names', () => {
  it('are found only beside a name of the region (unless asked for everywhere)', () => {
    expect(found('The USA and the United States.')).toEqual([]);
    expect(found('The USA and Tbilisi.')).toEqual(['USA=united-states', 'Tbilisi=tbilisi']);
    expect(found('The USA.', { markWorldEverywhere: true })).toEqual(['USA=united-states']);
  });
});

describe('the longest name, across entities', () => {
  const LONG: Entity[] = [
    entity('georgia', 'place', { en: ['Georgia'], ru: ['Грузия'], ka: ['საქართველო'] }),
    entity('russia', 'place', { en: ['Russia'], ru: ['Россия'] }),
    entity('akhalgori', 'place', { en: ['Akhalgori'] }),
    entity('ministry-of-defence-of-georgia', 'organization', { en: ['Ministry of Defence of Georgia'], ka: ['საქართველოს თავდაცვის სამინისტრო'] }),
    entity('russian-ministry-of-defence', 'organization', { ru: ['Минобороны России'] }),
    entity('abkhaz-ministry-of-foreign-affairs', 'organization', { en: ['Abkhaz foreign ministry'] }),
  ];
  const lm = createMatcher(compileMatcher(LONG));
  const hits = (text: string) => lm.findMentions(text).map((x) => `${x.text}=${x.entity}`);

  it('takes the whole span for the entity it names, not the shorter name inside it', () => {
    expect(hits('The Ministry of Defence of Georgia said Georgia…')).toEqual(['Ministry of Defence of Georgia=ministry-of-defence-of-georgia', 'Georgia=georgia']);
    expect(hits('В Минобороны России заявили, что Россия…')).toEqual(['Минобороны России=russian-ministry-of-defence', 'Россия=russia']);
    expect(hits('საქართველოს თავდაცვის სამინისტროს ცნობით')).toEqual(['საქართველოს თავდაცვის სამინისტროს=ministry-of-defence-of-georgia']);
    expect(hits('the Abkhaz foreign ministry said')).toEqual(['Abkhaz foreign ministry=abkhaz-ministry-of-foreign-affairs']);
  });

  it('reads a place with "district" or "Municipality" after it as that place', () => {
    expect(hits('in Akhalgori district and Akhalgori Municipality')).toEqual(['Akhalgori district=akhalgori', 'Akhalgori Municipality=akhalgori']);
  });
});
