import { describe, expect, it } from 'vitest';
import { compileMatcher, createMatcher } from '../../../src/matcher/index.ts';
import { entity, hitsOf, mentionsOf, testMatcher } from './entities.ts';

const m = testMatcher();

describe('scan', () => {
  it('prefers the longest name', () => {
    expect(hitsOf(m, 'the Geneva International Discussions resumed')).toEqual(['Geneva International Discussions=geneva-international-discussions']);
  });

  it('returns leftmost, non-overlapping hits with UTF-16 offsets', () => {
    const text = 'Russia and Georgia';
    expect(m.scan(text).map((h) => [h.start, h.end])).toEqual([
      [0, 6],
      [11, 18],
    ]);
  });

  it('respects word boundaries in Latin, Cyrillic and Georgian script', () => {
    expect(hitsOf(m, 'Russias, Prussia, Georgiana')).toEqual([]);
    expect(hitsOf(m, 'Россиянин и Россия')).toEqual(['Россия=russia']);
    expect(hitsOf(m, 'რუსეთი და რუსეთიანი')).toEqual(['რუსეთი=russia']);
  });

  it('leaves a possessive outside the span, with straight and curly apostrophes', () => {
    expect(hitsOf(m, "Galuzin's remarks and Russia’s position")).toEqual(['Galuzin=mikhail-galuzin', 'Russia=russia']);
    const text = 'Russia’s';
    expect(m.scan(text)[0]).toMatchObject({ start: 0, end: 6 });
  });

  it('matches names broken by non-breaking spaces, soft hyphens, line breaks and repeated spaces', () => {
    expect(hitsOf(m, 'Mikhail\u00a0Galuzin')).toEqual(['Mikhail\u00a0Galuzin=mikhail-galuzin']);
    expect(hitsOf(m, 'Ga\u00adlu\u00adzin said')).toEqual(['Ga\u00adlu\u00adzin=mikhail-galuzin']);
    expect(hitsOf(m, 'Mikhail\nGaluzin')).toEqual(['Mikhail\nGaluzin=mikhail-galuzin']);
    expect(hitsOf(m, 'South   Ossetia')).toEqual(['South   Ossetia=south-ossetia']);
  });

  it('does not join a name across a blank line', () => {
    expect(hitsOf(m, 'Mikhail\n\nGaluzin')).toEqual(['Galuzin=mikhail-galuzin']);
  });

  it('folds diacritics in Latin names both ways', () => {
    expect(hitsOf(m, 'Salome Zourabichvili')).toEqual(['Salome Zourabichvili=salome-zourabichvili']);
    expect(hitsOf(m, 'Salomé Zourabichvili')).toEqual(['Salomé Zourabichvili=salome-zourabichvili']);
    expect(hitsOf(m, 'Zóurabichvili')).toEqual(['Zóurabichvili=salome-zourabichvili']);
  });

  it('reads a name in any double quotes, and the other quote of a pair it holds one of', () => {
    const q = testMatcher([entity('res', 'organization', { ru: ['ИА «Рес»'], ka: ['მოძრაობა „დროა“'] })]);
    expect(hitsOf(q, 'ИА «Рес», ИА "Рес", ИА „Рес“ и ИА “Рес”')).toEqual(['ИА «Рес»=res', 'ИА "Рес"=res', 'ИА „Рес“=res', 'ИА “Рес”=res']);
    expect(hitsOf(q, 'მოძრაობა "დროა" და მოძრაობა «დროა»')).toEqual(['მოძრაობა "დროა"=res', 'მოძრაობა «დროა»=res']);
    // A quote the name does not open stays outside it.
    expect(hitsOf(q, '«Мы — ИА «Рес»»')).toEqual(['ИА «Рес»=res']);
    // A name that closes a quote takes its opening one.
    const law = testMatcher([entity('grants', 'agreement', { ka: ['„გრანტების შესახებ“ კანონი'] })]);
    expect(hitsOf(law, 'ამ "გრანტების შესახებ" კანონით')).toEqual(['"გრანტების შესახებ" კანონით=grants']);
  });

  it('needs the capitals of a proper name', () => {
    expect(hitsOf(m, 'galuzin and russia')).toEqual([]);
    expect(hitsOf(m, 'RUSSIA AND GALUZIN')).toEqual(['RUSSIA=russia', 'GALUZIN=mikhail-galuzin']);
  });

  it('matches acronyms exactly: "EU" never matches "eu" or "Eu"', () => {
    expect(hitsOf(m, 'the EU said')).toEqual(['EU=european-union']);
    expect(hitsOf(m, 'eu and Eu')).toEqual([]);
  });

  it('matches acronyms in an ALL-CAPS headline', () => {
    expect(hitsOf(m, 'EU WARNS RUSSIA OVER SANCTIONS')).toEqual(['EU=european-union', 'RUSSIA=russia']);
  });

  it('accepts sentence-initial capitals of lowercase alias words', () => {
    const mm = testMatcher([{ id: 'plan', name: 'six-point plan', type: 'agreement', topics: [], aliases: { en: ['six-point plan'] }, summary: '', facts: [], sources: [] }]);
    expect(hitsOf(mm, 'Six-point plan signed. The six-point plan holds.')).toEqual(['Six-point plan=plan', 'six-point plan=plan']);
  });

  it('does not treat demonyms and adjectives as mentions', () => {
    expect(hitsOf(m, 'a Russian diplomat, the Georgian side, Ossetian villages')).toEqual([]);
  });

  it('does not take a demonym + lowercase noun as a name', () => {
    expect(hitsOf(m, 'the Georgian government said')).toEqual([]);
  });

  it('keeps names that start with a demonym', () => {
    expect(hitsOf(m, 'Georgian Dream and the Georgian Foreign Ministry')).toEqual(['Georgian Dream=georgian-dream', 'Georgian Foreign Ministry=georgian-mfa']);
  });

  it('matches Russian names in every case without matching other words', () => {
    for (const form of ['Галузин', 'Галузина', 'Галузину', 'Галузиным', 'Галузине']) {
      expect(hitsOf(m, `заявил ${form}.`)).toEqual([`${form}=mikhail-galuzin`]);
    }
    expect(hitsOf(m, 'Михаилом Галузиным')).toEqual(['Михаилом Галузиным=mikhail-galuzin']);
    expect(hitsOf(m, 'в Абхазии и Южной Осетии, в Тбилиси')).toEqual(['Абхазии=abkhazia', 'Южной Осетии=south-ossetia', 'Тбилиси=tbilisi']);
    expect(hitsOf(m, 'Галузинский, галузина, Россиянка')).toEqual([]);
  });

  it('keeps an Abkhaz or Georgian surname in -а/-я undeclined after a declined first name, as the press writes it', () => {
    const m2 = testMatcher([
      entity('badra-gunba', 'person', { ru: ['Бадра Гунба'] }),
      entity('aslan-bzhania', 'person', { ru: ['Аслан Бжания'] }),
      entity('maria-zakharova', 'person', { ru: ['Мария Захарова'] }),
    ]);
    expect(hitsOf(m2, 'с Бадрой Гунба и с Бадрой Гунбой')).toEqual(['Бадрой Гунба=badra-gunba', 'Бадрой Гунбой=badra-gunba']);
    expect(hitsOf(m2, 'визит Аслана Бжания, Аслана Бжании')).toEqual(['Аслана Бжания=aslan-bzhania', 'Аслана Бжании=aslan-bzhania']);
    // A Russian surname declines with the first name: only the bare surname is read there.
    expect(hitsOf(m2, 'Марии Захарова')).toEqual(['Захарова=maria-zakharova']);
  });

  it("reads a place's name right after a person's given name as that person's surname", () => {
    const m2 = createMatcher(
      compileMatcher([
        entity('kareli', 'place', { en: ['Kareli'], ru: ['Карели'] }),
        { ...entity('galuzin', 'person', { en: ['Mikhail Galuzin'], ru: ['Михаил Галузин'] }), name: 'Mikhail Galuzin', i18n: { ru: { name: 'Михаил Галузин' } } },
      ]),
    );
    expect(hitsOf(m2, 'экс-губернатор Михаил Карели; Mikhail Kareli said')).toEqual([]);
    expect(hitsOf(m2, 'в Карели, in Kareli')).toEqual(['Карели=kareli', 'Kareli=kareli']);
  });

  it("reads a place's name that heads an institution's name as the institution, not the place", () => {
    const m2 = testMatcher([entity('kutaisi', 'place', { en: ['Kutaisi'], ka: ['ქუთაისი'] })]);
    expect(hitsOf(m2, 'the Kutaisi Court of Appeals and Kutaisi city hall')).toEqual([]);
    // A company or an outlet named after the place, with its capital only.
    expect(hitsOf(m2, 'Kutaisi TV, the Kutaisi Development Bank; in Kutaisi today')).toEqual(['Kutaisi=kutaisi']);
    expect(hitsOf(m2, 'ქუთაისის სააპელაციო სასამართლომ და ქუთაისის მერიამ')).toEqual([]);
    // The city itself, its mayor (a title, not an institution) and a word that only starts like one.
    expect(hitsOf(m2, 'Kutaisi courts, the Kutaisi mayor, ქუთაისის მერმა')).toEqual(['Kutaisi=kutaisi', 'Kutaisi=kutaisi', 'ქუთაისის=kutaisi']);
  });

  it('declines a three-letter word inside a longer name, and the locative in -у of "порт"', () => {
    const m2 = testMatcher([
      entity('court', 'organization', { ru: ['Конституционный суд Грузии'] }),
      { ...entity('tea', 'person', { ru: ['Тея Цулукиани'] }) },
      entity('airport', 'place', { ru: ['международный аэропорт Сухум'] }),
      { ...entity('vdl', 'person', { ru: ['Урсула фон дер Ляйен'] }) },
    ]);
    expect(hitsOf(m2, 'иск Конституционного суда Грузии; о Конституционном суде Грузии')).toEqual(['Конституционного суда Грузии=court', 'Конституционном суде Грузии=court']);
    expect(hitsOf(m2, 'с Теей Цулукиани; слова Теи Цулукиани')).toEqual(['Теей Цулукиани=tea', 'Теи Цулукиани=tea']);
    expect(hitsOf(m2, 'в международном аэропорту Сухум')).toEqual(['международном аэропорту Сухум=airport']);
    // A particle in a person's name stays as it is.
    expect(hitsOf(m2, 'Урсулы фона дер Ляйен')).toEqual([]);
  });

  it('declines neuter nouns (-ие, -ье, море) as nouns, a plural adjective in -ие as an adjective', () => {
    const m2 = testMatcher([
      entity('unm', 'organization', { ru: ['Единое национальное движение'] }),
      entity('truce', 'agreement', { ru: ['Соглашение о прекращении огня'] }),
      entity('gid', 'event', { ru: ['Женевские международные дискуссии'] }),
    ]);
    expect(hitsOf(m2, 'лидер Единого национального движения; по Соглашению о прекращении огня')).toEqual(['Единого национального движения=unm', 'Соглашению о прекращении огня=truce']);
    expect(hitsOf(m2, 'на Женевских международных дискуссиях')).toEqual(['Женевских международных дискуссиях=gid']);
    const m3 = testMatcher([entity('pankisi', 'place', { ru: ['Панкисское ущелье'] }), entity('sea', 'place', { ru: ['Чёрное море'] })]);
    expect(hitsOf(m3, 'из Панкисского ущелья к берегам Черного моря')).toEqual(['Панкисского ущелья=pankisi', 'Черного моря=sea']);
  });

  it("takes a bare surname after another person's given name for someone else", () => {
    const person = (id: string, name: string, ru: string, ka: string, aliases: { en: string[]; ru: string[]; ka: string[] }) => ({
      ...entity(id, 'person', aliases),
      name,
      distinctiveSurname: true,
      i18n: { ru: { name: ru }, ka: { name: ka } },
    });
    const m2 = createMatcher(
      compileMatcher([
        person('irakli', 'Irakli Kobakhidze', 'Ираклий Кобахидзе', 'ირაკლი კობახიძე', {
          en: ['Irakli Kobakhidze', 'Kobakhidze'],
          ru: ['Ираклий Кобахидзе', 'Кобахидзе'],
          ka: ['ირაკლი კობახიძე', 'კობახიძე'],
        }),
        person('tamar', 'Tamar Taliashvili', 'Тамар Талиашвили', 'თამარ ტალიაშვილი', { en: ['Tamar Taliashvili'], ru: ['Тамар Талиашвили'], ka: ['თამარ ტალიაშვილი'] }),
        person('nikoloz', 'Nikoloz Samkharadze', 'Николоз Самхарадзе', 'ნიკოლოზ სამხარაძე', { en: ['Nikoloz Samkharadze'], ru: ['Николоз Самхарадзе'], ka: ['ნიკოლოზ სამხარაძე'] }),
      ]),
    );
    expect(hitsOf(m2, 'Tamar Kobakhidze said so.')).toEqual([]);
    expect(hitsOf(m2, 'Судья Николоза Кобахидзе нет.')).toEqual([]);
    expect(hitsOf(m2, 'მოსამართლე ნიკოლოზ კობახიძემ თქვა.')).toEqual([]);
    // The person's own given name, in another spelling too, a title, or a sentence before it: the person.
    expect(hitsOf(m2, 'Irakli Kobakhidze said so.')).toEqual(['Irakli Kobakhidze=irakli']);
    const dmitry = createMatcher(
      compileMatcher([
        person('medvedev', 'Dmitry Medvedev', 'Дмитрий Медведев', 'დიმიტრი მედვედევი', { en: ['Dmitry Medvedev', 'Medvedev'], ru: [], ka: ['დიმიტრი მედვედევი'] }),
        person('peskov', 'Dmitri Peskov', 'Дмитрий Песков', 'დმიტრი პესკოვი', { en: ['Dmitri Peskov'], ru: [], ka: ['დმიტრი პესკოვი'] }),
      ]),
    );
    // "Dmitri" and "დმიტრი" are Peskov's given names, and other spellings of Medvedev's.
    expect(hitsOf(dmitry, 'Dmitri Medvedev said; დმიტრი მედვედევმა თქვა.')).toEqual(['Medvedev=medvedev', 'მედვედევმა=medvedev']);
    expect(hitsOf(m2, 'Mr Kobakhidze said so. Tamar. Kobakhidze said so.')).toEqual(['Kobakhidze=irakli', 'Kobakhidze=irakli']);
  });

  it('takes a Russian bare surname after a capitalised word the pack does not know for another person', () => {
    const m2 = testMatcher([
      { ...entity('aliyev', 'person', { ru: ['Ильхам Алиев', 'Алиев'] }), distinctiveSurname: true },
      entity('azerbaijan', 'place', { ru: ['Азербайджан'] }),
      entity('baku', 'place', { ru: ['Баку'] }),
    ]);
    // Russian capitalises a given name mid-sentence, or opening a sentence or a line.
    expect(hitsOf(m2, 'сообщил Инсаф Алиев, а также Лейла Алиева.')).toEqual([]);
    expect(hitsOf(m2, 'Суд вынес приговор. Инсаф Алиев получил два года.\nЛейла Алиева')).toEqual([]);
    // A name of the pack, a title (capitalised in official texts), a patronymic, a word in an
    // oblique case, a word that opens sentences, an acronym: the person.
    expect(hitsOf(m2, 'Президент Азербайджана Алиев; в Баку Алиев')).toEqual(['Азербайджана=azerbaijan', 'Алиев=aliyev', 'Баку=baku', 'Алиев=aliyev']);
    expect(hitsOf(m2, 'заявил Президент Алиев. Ильхам Гейдарович Алиев.')).toEqual(['Алиев=aliyev', 'Алиев=aliyev']);
    expect(hitsOf(m2, 'в Брюсселе Алиев. Вчера Алиев заявил. Глава МИД Алиев.')).toEqual(['Алиев=aliyev', 'Алиев=aliyev', 'Алиев=aliyev']);
  });

  it("declines Russian names that are plural, and never a person's name in -ы", () => {
    const plural = createMatcher(compileMatcher([entity('us', 'place', { ru: ['Соединённые Штаты'] }), { ...entity('kokoity', 'person', { ru: ['Эдуард Кокойты'] }) }]));
    expect(hitsOf(plural, 'позиция Соединённых Штатов и Соединённым Штатам')).toEqual(['Соединённых Штатов=us', 'Соединённым Штатам=us']);
    expect(hitsOf(plural, 'с Соединёнными Штатами')).toEqual(['Соединёнными Штатами=us']);
    expect(hitsOf(plural, 'Эдуарда Кокойты, Эдуарда Кокойтов')).toEqual(['Эдуарда Кокойты=kokoity']);
  });

  it('matches Georgian-script names and their case forms', () => {
    expect(hitsOf(m, 'მიხაილ გალუზინმა თბილისში განაცხადა')).toEqual(['მიხაილ გალუზინმა=mikhail-galuzin', 'თბილისში=tbilisi']);
    expect(hitsOf(m, 'საქართველოს და რუსეთის')).toEqual(['საქართველოს=georgia', 'რუსეთის=russia']);
    expect(hitsOf(m, 'ქართულმა ოცნებამ')).toEqual(['ქართულმა ოცნებამ=georgian-dream']);
    // The nominative with the copula "is": "it is Russia", "it is Georgia".
    expect(hitsOf(m, 'ეს რუსეთია, ის საქართველოა')).toEqual(['რუსეთია=russia', 'საქართველოა=georgia']);
  });

  it('consumes a blocker name without marking it', () => {
    expect(hitsOf(m, 'Daniil Medvedev won; Georgia Tech lost')).toEqual([]);
  });

  it('reads an ambiguous name before a capitalised word as part of a longer name, except in a title-case headline', () => {
    const body = 'Moscow and Tbilisi spoke of Abkhazia.';
    expect(mentionsOf(m, `Georgia Power said on Monday it would talk. ${body}`)[0]).toBe('Moscow=moscow');
    expect(mentionsOf(m, `Russia Says Georgia Must Wait\n\n${body}`).slice(0, 2)).toEqual(['Russia=russia', 'Georgia=georgia']);
    expect(mentionsOf(m, `Talks on the Future of Georgia Resume\n\n${body}`)[0], 'small words in lower case').toBe('Georgia=georgia');
    // A lowercase word of its own: a sentence, not a headline; too long a line: not a headline either.
    expect(mentionsOf(m, `Russia says Georgia Power must wait\n\n${body}`).slice(0, 2)).toEqual(['Russia=russia', 'Moscow=moscow']);
    expect(mentionsOf(m, `${'Long '.repeat(40)}Georgia Power Again\n\n${body}`)[0]).toBe('Moscow=moscow');
  });

  it('flags ambiguous aliases and keeps the unambiguous ones plain', () => {
    const [georgia, tbilisi] = m.scan('Georgia, Tbilisi');
    expect(georgia).toMatchObject({ ambiguous: true });
    expect(tbilisi).toMatchObject({ ambiguous: false });
  });

  it('finds mentions with text, id, name and type', () => {
    expect(m.findMentions('Galuzin in Tbilisi')[1]).toEqual({ start: 11, end: 18, text: 'Tbilisi', entity: 'tbilisi', name: 'Tbilisi', type: 'place' });
    expect(mentionsOf(m, '')).toEqual([]);
  });
});

describe('scanBlock', () => {
  it('finds the same names as scan and the same cue words as Evidence.addText, in one read', () => {
    const texts = [
      'Georgia said the Black Sea coast of the Caucasus was calm; Atlanta disagreed.',
      'Mikhail Galuzin met officials in Tbilisi and Moscow, near the Kremlin.',
      'Грузия и Россия: переговоры в Женеве. საქართველო და რუსეთი.',
      '',
      'Kremlin',
    ];
    for (const text of texts) {
      const together = m.createEvidence() as unknown as { cues: Set<number> };
      const apart = m.createEvidence() as unknown as { cues: Set<number>; addText(t: string): void };
      expect(m.scanBlock(text, together as never)).toEqual(m.scan(text));
      apart.addText(text);
      expect([...together.cues].sort()).toEqual([...apart.cues].sort());
    }
    const ev = m.createEvidence() as unknown as { cues: Set<number> };
    m.scanBlock(texts[0]!, ev as never);
    expect(ev.cues.size, 'cue words found').toBeGreaterThanOrEqual(3);
  });
});

describe('word starts outside the root table', () => {
  it('finds names whose first letter is past the table (kana, fullwidth) as well as those in it', () => {
    const m = testMatcher([entity('mikhail-galuzin', 'person', { en: ['Galuzin', 'ガルージン', 'Ｇａｌｕｚｉｎ'] })]);
    expect(hitsOf(m, '「ガルージン」、Galuzin and Ｇａｌｕｚｉｎ.')).toEqual(['ガルージン=mikhail-galuzin', 'Galuzin=mikhail-galuzin', 'Ｇａｌｕｚｉｎ=mikhail-galuzin']);
  });
});
