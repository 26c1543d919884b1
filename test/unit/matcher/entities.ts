/** Small hand-written entity lists for the matcher tests (independent of the bundled pack). */
import type { Entity, EntityType } from '../../../src/facts/types.ts';
import { compileMatcher, createMatcher, type Matcher } from '../../../src/matcher/index.ts';

/** A minimal entity: only what the matcher reads. */
export function entity(id: string, type: EntityType, aliases: Entity['aliases'], disambiguation?: Entity['disambiguation']): Entity {
  const name = aliases.en?.[0] ?? id;
  return { id, name, type, topics: [], aliases, summary: '', facts: [], sources: [], ...(disambiguation ? { disambiguation } : {}) };
}

/** The test world: a few people, places and organisations of the Russia–Georgia pack. */
export const ENTITIES: Entity[] = [
  { ...entity('mikhail-galuzin', 'person', { en: ['Mikhail Galuzin', 'Galuzin'], ru: ['Михаил Галузин', 'Галузин'], ka: ['მიხაილ გალუზინი', 'გალუზინი'] }), distinctiveSurname: true },
  entity('russia', 'place', { en: ['Russia', 'Russian Federation'], ru: ['Россия', 'РФ'], ka: ['რუსეთი'] }),
  entity(
    'georgia',
    'place',
    { en: ['Georgia'], ru: ['Грузия'], ka: ['საქართველო'] },
    {
      aliases: ['Georgia'],
      prior: 0.5,
      cues: ['Caucasus', 'Black Sea'],
      cueEntities: ['russia', 'tbilisi', 'abkhazia'],
      against: ['Atlanta', 'Peach State', 'Kemp'],
      blockers: ['Georgia Tech', 'University of Georgia', 'Atlanta, Georgia'],
    },
  ),
  entity('tbilisi', 'place', { en: ['Tbilisi'], ru: ['Тбилиси'], ka: ['თბილისი'] }),
  entity(
    'moscow',
    'place',
    { en: ['Moscow'], ru: ['Москва'] },
    {
      aliases: ['Moscow'],
      prior: 0.85,
      cues: ['Kremlin'],
      cueEntities: ['russia'],
      against: ['Idaho'],
      blockers: ['Moscow, Idaho'],
    },
  ),
  entity('abkhazia', 'place', { en: ['Abkhazia'], ru: ['Абхазия'], ka: ['აფხაზეთი'] }),
  entity('south-ossetia', 'place', { en: ['South Ossetia', 'Tskhinvali Region'], ru: ['Южная Осетия'], ka: ['სამხრეთ ოსეთი'] }),
  entity('european-union', 'organization', { en: ['European Union', 'EU'], ru: ['Евросоюз'] }),
  entity(
    'georgian-dream',
    'organization',
    { en: ['Georgian Dream', 'GD'], ka: ['ქართული ოცნება'] },
    {
      aliases: ['GD'],
      prior: 0.3,
      cues: ['party', 'Ivanishvili'],
      cueEntities: ['georgia', 'tbilisi'],
    },
  ),
  entity('georgian-mfa', 'organization', { en: ['Georgian Foreign Ministry', 'Georgian government'] }),
  entity(
    'geneva',
    'place',
    { en: ['Geneva'] },
    {
      aliases: ['Geneva'],
      prior: 0.5,
      cues: ['talks'],
      cueEntities: ['geneva-international-discussions', 'russia', 'georgia'],
      against: ['motor show'],
    },
  ),
  entity('geneva-international-discussions', 'event', { en: ['Geneva International Discussions', 'GID'] }),
  entity('salome-zourabichvili', 'person', { en: ['Salome Zourabichvili', 'Zourabichvili'], other: ['Salomé Zourabichvili'] }),
  entity(
    'dmitry-medvedev',
    'person',
    { en: ['Dmitry Medvedev', 'Medvedev'], ru: ['Дмитрий Медведев', 'Медведев'] },
    {
      aliases: ['Medvedev', 'Медведев'],
      prior: 0.6,
      cues: ['Security Council', 'Kremlin', 'former president'],
      cueEntities: ['russia', 'moscow'],
      against: ['tennis', 'ATP', 'Grand Slam'],
      blockers: ['Daniil Medvedev'],
    },
  ),
  entity('iprm', 'event', { en: ['Incident Prevention and Response Mechanism', 'IPRM'] }),
  entity('abkhazia-demonym-trap', 'place', { en: ['Ossetia', 'Ossetian', 'Russian'] }),
];

/** A matcher over `ENTITIES` (or a given list). */
export function testMatcher(entities: Entity[] = ENTITIES): Matcher {
  return createMatcher(compileMatcher(entities));
}

/** Surface texts of the raw hits of `text`, as "text=id|id". */
export function hitsOf(m: Matcher, text: string): string[] {
  return m.scan(text).map((h) => `${text.slice(h.start, h.end)}=${h.candidates.map((c) => m.entities[c]!.id).join('|')}`);
}

/** Decided mentions of `text`, as "text=id". */
export function mentionsOf(m: Matcher, text: string, title?: string): string[] {
  return m.findMentions(text, title ? { title } : undefined).map((x) => `${x.text}=${x.entity}`);
}
