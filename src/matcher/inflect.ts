/**
 * Declined forms of Russian and Georgian aliases, generated at compile time so that
 * the scan stays an exact, word-bounded trie lookup ("Галузиным" matches, "Галузинский"
 * does not). Rules cover the singular of the name shapes news uses: surnames, first
 * names, patronymics, place nouns and the adjective + noun pattern ("Южная Осетия"), and
 * the plural of names that are plural ("Соединённые Штаты", "Женевские дискуссии").
 */

/** Six Russian cases in order: nominative, genitive, dative, accusative, instrumental, prepositional. */
type Paradigm = [string[], string[], string[], string[], string[], string[]];

const CYR_CONSONANT = /[бвгджзклмнпрстфхцчшщ]$/;
const MAX_FORMS = 48;

function fixed(w: string): Paradigm {
  return [[w], [w], [w], [w], [w], [w]];
}

function endings(stem: string, e: string[][]): Paradigm {
  return e.map((set) => set.map((x) => stem + x)) as Paradigm;
}

/**
 * Masculine nouns whose prepositional after "в"/"на" ends in a stressed -у ("в аэропорту", "в
 * Очамчирском порту", "на мосту"); both forms are kept.
 */
const RU_SECOND_LOCATIVE = /^(аэро)?порт$|^мост$|^берег$|^лес$|^сад$/;

/**
 * Paradigm of one Russian word. `kind` tells the phrase builder whether the word was an
 * adjective. A word of three letters declines only inside a longer name, and in a person's
 * name only when capitalised ("Конституционного суда", "Теи Цулукиани"; not "фон дер").
 */
function ruWord(w: string, person: boolean, inPhrase = false): { p: Paradigm; adj: boolean; declines: boolean } {
  const lw = w.toLowerCase();
  const short = w.length === 3 && inPhrase && (!person || w !== lw);
  if ((w.length < 4 && !short) || w === w.toUpperCase() || !/[а-яё]/.test(lw)) return { p: fixed(w), adj: false, declines: false };
  const cut = (k: number): string => w.slice(0, w.length - k);
  const adj = (k: number, e: string[][]) => ({ p: endings(cut(k), e), adj: true, declines: true });
  const noun = (k: number, e: string[][]) => ({ p: endings(cut(k), e), adj: false, declines: true });
  if (/(ск|цк)ий$/.test(lw)) return adj(2, [['ий'], ['ого'], ['ому'], ['ий', 'ого'], ['им'], ['ом']]);
  if (/ый$/.test(lw)) return adj(2, [['ый'], ['ого'], ['ому'], ['ый', 'ого'], ['ым'], ['ом']]);
  if (/ний$/.test(lw)) return adj(2, [['ий'], ['его'], ['ему'], ['ий', 'его'], ['им'], ['ем']]);
  if (/ой$/.test(lw)) return adj(2, [['ой'], ['ого'], ['ому'], ['ой', 'ого'], ['ым'], ['ом']]);
  if (/ая$/.test(lw)) return adj(2, [['ая'], ['ой'], ['ой'], ['ую'], ['ой', 'ою'], ['ой']]);
  if (/яя$/.test(lw)) return adj(2, [['яя'], ['ей'], ['ей'], ['юю'], ['ей'], ['ей']]);
  if (/ое$/.test(lw)) return adj(2, [['ое'], ['ого'], ['ому'], ['ое'], ['ым'], ['ом']]);
  if (/ее$/.test(lw)) return adj(2, [['ее'], ['его'], ['ему'], ['ее'], ['им'], ['ем']]);
  // A neuter noun in -ие ("движение", "соглашение", "перемирие", "развитие"): a plural
  // adjective has -ие only after к, г, х, ж, ш, щ, ч or a consonant + н ("Женевские", "внешние").
  if (/ие$/.test(lw) && !/([кгхжшщч]|[бвгджзклмнпрстфхцчшщ]н)ие$/.test(lw)) return noun(2, [['ие'], ['ия'], ['ию'], ['ие'], ['ием'], ['ии']]);
  if (/ие$/.test(lw)) return adj(2, [['ие'], ['их'], ['им'], ['ие', 'их'], ['ими'], ['их']]);
  if (/ые$/.test(lw)) return adj(2, [['ые'], ['ых'], ['ым'], ['ые', 'ых'], ['ыми'], ['ых']]);
  // A neuter noun in -ье or -е after a consonant ("ущелье", "Закавказье", "море"): "Панкисского ущелья", "Черного моря".
  if (/ье$/.test(lw) || (!person && /(мор|пол)е$/.test(lw))) return noun(1, [['е'], ['я'], ['ю'], ['е'], ['ем'], ['е']]);
  if (/ии$/.test(lw)) return noun(2, [['ии'], ['ий'], ['иям'], ['ии'], ['иями'], ['иях']]);
  if (/ия$/.test(lw)) return noun(2, [['ия'], ['ии'], ['ии'], ['ию'], ['ией'], ['ии']]);
  if (/ья$/.test(lw)) return noun(2, [['ья'], ['ьи'], ['ье'], ['ью'], ['ьей'], ['ье']]);
  if (/я$/.test(lw)) return noun(1, [['я'], ['и'], ['е'], ['ю'], ['ей'], ['е']]);
  if (/а$/.test(lw)) {
    const soft = /[гкхжшщч]а$/.test(lw);
    const hiss = /[жшщчц]а$/.test(lw);
    const surname = person && /(ов|ев|ёв|ин|ын)а$/.test(lw);
    const obl = surname ? ['е', 'ой'] : ['е'];
    return noun(1, [['а'], [soft ? 'и' : 'ы', ...(surname ? ['ой'] : [])], obl, ['у'], hiss ? ['ей', 'ой'] : ['ой', 'ою'], obl]);
  }
  if (/ий$/.test(lw)) return noun(2, [['ий'], ['ия'], ['ию'], ['ия'], ['ием'], ['ии', 'ие']]);
  // A plural noun of a hard stem, in a name that is not a person's ("Соединённые Штаты",
  // "пражские переговоры", "президентские выборы").
  if (!person && /[бвдзлмнпрстф]ы$/.test(lw)) return noun(1, [['ы'], ['ов'], ['ам'], ['ы'], ['ами'], ['ах']]);
  if (/й$/.test(lw)) return noun(1, [['й'], ['я'], ['ю'], ['я'], ['ем'], ['е']]);
  if (/ь$/.test(lw)) return noun(1, [['ь'], ['я', 'и'], ['ю', 'и'], ['я', 'ь'], ['ем', 'ью'], ['е', 'и']]);
  if (/ство$/.test(lw)) return noun(1, [['о'], ['а'], ['у'], ['о'], ['ом'], ['е']]);
  if (CYR_CONSONANT.test(lw)) {
    const ins = person && /(ов|ев|ёв|ин|ын)$/.test(lw) ? ['ым'] : ['ом'];
    if (/[жшщчц]$/.test(lw)) ins.push('ем');
    return noun(0, [[''], ['а'], ['у'], ['а', ''], ins, RU_SECOND_LOCATIVE.test(lw) ? ['е', 'у'] : ['е']]);
  }
  return { p: fixed(w), adj: false, declines: false };
}

function combine(words: Paradigm[]): string[] {
  const out = new Set<string>();
  for (let c = 0; c < 6 && out.size < MAX_FORMS; c++) {
    let acc = [''];
    words.forEach((p, i) => {
      const next: string[] = [];
      for (const a of acc) for (const f of p[c]!) next.push(i === 0 ? f : `${a} ${f}`);
      acc = next.slice(0, MAX_FORMS);
    });
    for (const f of acc) out.add(f);
  }
  return [...out];
}

/**
 * Russian case forms of an alias (the alias itself first). People decline every word
 * ("Михаил Галузин" → "Михаила Галузина"); other names decline leading adjectives and the
 * first noun, and keep the rest ("Министерство иностранных дел" → "Министерства иностранных дел").
 */
export function russianForms(alias: string, person: boolean): string[] {
  const words = alias.split(' ');
  const paradigms: Paradigm[] = [];
  let frozen = false;
  for (const [i, w] of words.entries()) {
    if (frozen) {
      paradigms.push(fixed(w));
      continue;
    }
    const r = ruWord(w, person, words.length > 1);
    // A person's surname in -а or -я that is not Russian in shape (Abkhaz "Гунба", Georgian
    // "Бжания") the press mostly leaves undeclined after a declined first name ("с Бадрой
    // Гунба", "Аслана Бжания"): its nominative stands in every case too.
    if (person && i > 0 && i === words.length - 1 && r.declines && /[ая]$/i.test(w) && !/(ов|ев|ёв|ин|ын)а$|(ск|цк)ая$/i.test(w)) for (const set of r.p) if (!set.includes(w)) set.push(w);
    paradigms.push(r.p);
    if (!person && !r.adj) frozen = true;
  }
  const forms = combine(paradigms);
  return [alias, ...forms.filter((f) => f !== alias)];
}

/** Endings after a Georgian consonant stem ("თბილის" + "ი", "ში"…); never empty. */
export const KA_AFTER_CONSONANT = [
  'ი',
  'ის',
  'ისა',
  'მა',
  'ს',
  'სა',
  'ით',
  'ითა',
  'ად',
  'ო',
  'ში',
  'ზე',
  'თან',
  'ისთვის',
  'ისათვის',
  'ისგან',
  'ისაგან',
  'იდან',
  'ისკენ',
  'ამდე',
  'ისადმი',
  'ივით',
  'ელი',
  // The nominative with the copula "is" ("ეს ბათუმია", it is Batumi).
  'ია',
];
/** Endings after a Georgian vowel stem ("ნატო" + "", "ს", "ში"…, "ა": "ეს მელიაა", it is Melia), the bare stem included. */
export const KA_AFTER_VOWEL = ['', 'ს', 'სა', 'მ', 'თი', 'დ', 'ში', 'ზე', 'სთან', 'სთვის', 'სათვის', 'სგან', 'საგან', 'დან', 'სკენ', 'მდე', 'სადმი', 'ვით', 'ა'];
/**
 * Endings after a stem whose last vowel drops in the genitive and instrumental and the
 * postpositions built on them: a common noun or place name in -ა ("ოცნება" → "ოცნების",
 * "ოცნებით", "ოცნებისთვის", "ოცნებიდან"; "ჟენევა" → "ჟენევის"), and any name in -ე
 * ("კობახიძე" → "კობახიძის", "ოჩამჩირე" → "ოჩამჩირის"). A person's name in -ა keeps it
 * ("ბჟანიას", "გუნბას"): the vowel endings alone.
 */
export const KA_AFTER_DROPPED_VOWEL = ['ის', 'ისა', 'ით', 'ითა', 'ისთვის', 'ისათვის', 'ისგან', 'ისაგან', 'იდან', 'ისკენ', 'ისადმი'];
/** Endings written after a hyphen on acronyms and short names: "ნატო-ს", "ეუთო-ში", "აშშ-ის". */
const KA_AFTER_HYPHEN = ['ს', 'ის', 'მა', 'მ', 'ით', 'ში', 'ზე', 'თან', 'სთან', 'დან', 'იდან', 'სთვის', 'ისთვის', 'სგან', 'ისგან'];
/** Every case or postposition ending a name may take after a hyphen (the scan's `georgianSuffixEnd`). */
export const KA_HYPHEN_ENDINGS: ReadonlySet<string> = new Set([...KA_AFTER_HYPHEN, ...KA_AFTER_CONSONANT, ...KA_AFTER_VOWEL].filter((e) => e !== ''));
/** The longest of them, in letters. */
export const KA_HYPHEN_ENDING_MAX = Math.max(...[...KA_HYPHEN_ENDINGS].map((e) => e.length));

/**
 * Stem classes of `georgianStems`: the form as it is, or a stem taking the consonant, the
 * vowel or the dropped-ა endings.
 */
export const KA_WHOLE = 0;
export const KA_CONSONANT = 1;
export const KA_VOWEL = 2;
export const KA_DROPPED_VOWEL = 3;

/** The endings a stem of class `kind` takes (`KA_WHOLE`: none, the stem is the form). */
export function kaEndings(kind: number): readonly string[] {
  return kind === KA_CONSONANT ? KA_AFTER_CONSONANT : kind === KA_VOWEL ? KA_AFTER_VOWEL : kind === KA_DROPPED_VOWEL ? KA_AFTER_DROPPED_VOWEL : [''];
}

/**
 * The stems of a Georgian alias's case and postposition forms, each with the endings it
 * takes (`KA_CONSONANT`: "თბილის" + "ი", "ში", "ის"…; `KA_VOWEL`: "ნატო" + "", "ს"…; `KA_WHOLE`:
 * the alias only). The scan checks the ending after a stem, so the forms are never
 * spelled out (a few stems instead of some twenty forms per alias). Endings after a hyphen
 * ("ნატო-ს") are the scan's for every name (`georgianSuffixEnd`).
 */
export function georgianStems(alias: string, person = false): [string, number][] {
  const words = alias.split(' ');
  const last = words[words.length - 1] ?? '';
  const head = words.slice(0, -1);
  if (!/[\u10d0-\u10ff]$/.test(last)) return [[alias, KA_WHOLE]];
  let stem: string;
  let kind: number;
  // An -ი after a vowel belongs to the stem (foreign names: "რაშა თუდეი", "შანხაი"): it stays
  // in every case ("თუდეის", "თუდეიმ", "თუდეიში"), as a vowel stem's endings follow it.
  if (/[აეოუ]ი$/.test(last) && last.length >= 3) {
    stem = last;
    kind = KA_VOWEL;
  } else if (last.endsWith('ი') && (last.length >= 4 || (words.length > 1 && last.length >= 3))) {
    // A three-letter noun declines only inside a longer name ("აგვისტოს ომი"): alone it is too short to tell.
    stem = last.slice(0, -1);
    kind = KA_CONSONANT;
  } else if (/[აეოუ]$/.test(last) && last.length >= 3) {
    stem = last;
    kind = KA_VOWEL;
  } else {
    return [[alias, KA_WHOLE]];
  }
  // Consonant-stem adjectives before the noun lose their -ი in some cases ("ქართულმა ოცნებამ",
  // "საოკუპაციო გამყოფ ხაზთან"); words in a vowel or a genitive before them stay as they are.
  const heads: string[][] = [head];
  const declines = (w: string): boolean => w.endsWith('ი') && w.length >= 4;
  if (head.length > 0 && (person ? head.every(declines) : head.some(declines))) {
    heads.push(
      head.map((w) => (declines(w) ? w.slice(0, -1) : w)),
      head.map((w) => (declines(w) ? `${w.slice(0, -1)}მა` : w)),
    );
  }
  const out: [string, number][] = heads.map((h) => [[...h, stem].join(' '), kind]);
  // A noun or place in -ა, and any name in -ე, also drops it ("ქართული ოცნების", "შავი ზღვის",
  // "კობახიძის"); adjectives before it keep their -ი there.
  // A Slavic surname in -სკი/-ცკი mostly keeps its -ი before the endings too ("ზელენსკიმ").
  if (person && /[სც]კი$/.test(last)) out.push([[...head, last].join(' '), KA_VOWEL]);
  // A three-letter noun does inside a longer name ("საავტომობილო გზის").
  const long = last.length >= 4 || (words.length > 1 && last.length >= 3);
  if (kind === KA_VOWEL && long && (last.endsWith('ე') || (!person && last.endsWith('ა')))) out.push([[...head, last.slice(0, -1)].join(' '), KA_DROPPED_VOWEL]);
  return out;
}

/**
 * Every case and postposition form of a Georgian alias, spelled out ("თბილისი" →
 * "თბილისში", "თბილისის"…, "ნატო" → "ნატო-ს"…): what `georgianStems` stands for (tools, tests, the
 * benchmark's mark.js terms).
 */
export function georgianForms(alias: string, person = false): string[] {
  const words = alias.split(' ');
  const last = words[words.length - 1] ?? '';
  // An acronym (no vowel before its last letter, or at most four letters): its endings follow a hyphen.
  const acronym = /[\u10d0-\u10ff]$/.test(last) && (last.length <= 4 || !/[აეიოუ]/.test(last.slice(0, -1)));
  const hyphen = acronym && words.length === 1 ? KA_AFTER_HYPHEN.map((e) => `${last}-${e}`) : [];
  const out = new Set<string>([alias]);
  for (const [stem, kind] of georgianStems(alias, person)) for (const e of kaEndings(kind)) out.add(stem + e);
  for (const f of hyphen) out.add(f);
  return [...out];
}
