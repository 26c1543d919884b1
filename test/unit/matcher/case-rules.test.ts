import { describe, expect, it } from 'vitest';
import { georgianSuffixEnd, placeSuffixEnd, titleBefore } from '../../../src/matcher/case-rules.ts';

/** The rules as regular expressions (what the string compares replace), to check against. */
const TITLE_RE =
  /(?:^|[^\p{L}])(?:mr|mrs|ms|dr|president|prime minister|minister|speaker|ambassador|general|senator|г-н|г-жа|господин|госпожа|президент|премьер(?:-министр)?|министр|спикер|посол|генерал|ბატონი?|ქალბატონი?|პრეზიდენტი?|პრემიერი?|მინისტრი?|სპიკერი?|ელჩი)\.?[ \u00a0]+$/iu;
const PLACE_RE = /^[ \u00a0](?:district|District|municipality|Municipality)(?![\p{L}\p{N}])/u;

/** A deterministic generator of texts built from titles, words, digits, stops and spaces. */
function* texts(count: number): Generator<string> {
  const parts = [
    'Mr',
    'mrs',
    'MS',
    'Dr',
    'President',
    'prime minister',
    'Prime Minister',
    'minister',
    'Premier',
    'г-н',
    'Г-жа',
    'премьер-министр',
    'Президент',
    'ბატონი',
    'ბატონ',
    'ქალბატონი',
    'პრემიერი',
    'ელჩი',
    'district',
    'District',
    'municipality',
    'Municipality',
    'the',
    'x',
    'ab',
    'Смит',
    'ტბ',
    '7',
    '.',
    ' ',
    ' ',
    '\u00a0',
    ',',
    '-',
    '(',
    'é',
    'Mrs.',
    ' district',
    '\u00a0Municipality',
    ' districts',
    ' District7',
  ];
  let seed = 7;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let i = 0; i < count; i++) {
    let s = '';
    const len = 1 + next(7);
    for (let k = 0; k < len; k++) s += parts[next(parts.length)]!;
    yield s;
  }
}

describe('case rules', () => {
  it('finds a title before a surname exactly where the regular expression does', () => {
    let found = 0;
    for (const s of texts(20_000)) {
      for (let start = 0; start <= s.length; start++) {
        const want = TITLE_RE.test(s.slice(Math.max(0, start - 24), start));
        if (titleBefore(s, start) !== want) expect({ s, start, got: !want }).toEqual({ s, start, got: want });
        if (want) found++;
      }
    }
    // The generator makes both answers often.
    expect(found).toBeGreaterThan(1000);
  });

  it('takes "district" after a place exactly where the regular expression does', () => {
    let found = 0;
    for (const s of texts(20_000)) {
      for (let end = 0; end < s.length; end++) {
        const c = s.charCodeAt(end);
        const m = c === 0x20 || c === 0xa0 ? PLACE_RE.exec(s.slice(end, end + 14)) : null;
        const want = m ? end + m[0].length : end;
        if (placeSuffixEnd(s, end) !== want) expect({ s, end, got: placeSuffixEnd(s, end) }).toEqual({ s, end, got: want });
        if (want !== end) found++;
      }
    }
    expect(found).toBeGreaterThan(500);
  });

  it('reads titles in each language', () => {
    expect(titleBefore('said Mr. Kobakhidze', 9)).toBe(true);
    expect(titleBefore('заявил премьер-министр Кобахидзе', 23)).toBe(true);
    expect(titleBefore('განაცხადა ბატონმა კობახიძე', 18)).toBe(false);
    expect(titleBefore('ბატონი კობახიძე', 7)).toBe(true);
    expect(titleBefore('the summer Kobakhidze', 11)).toBe(false);
    expect(titleBefore('Mr Kobakhidze', 2)).toBe(false);
  });

  it('takes a Georgian case ending after a hyphen, and not a Georgian word', () => {
    expect(georgianSuffixEnd('ТАСС-თან ინტერვიუში', 4)).toBe(8);
    expect(georgianSuffixEnd('NATO-ს', 4)).toBe(6);
    expect(georgianSuffixEnd('ეუთო-ში.', 4)).toBe(7);
    expect(georgianSuffixEnd('აშშ-ისთვის', 3)).toBe(10);
    // Moscow–Sukhumi: the second name is no ending of the first.
    expect(georgianSuffixEnd('მოსკოვი-სოხუმის რეისები', 7)).toBe(7);
    // An ending must end the word.
    expect(georgianSuffixEnd('NATO-სxyz', 4)).toBe(4);
    expect(georgianSuffixEnd('NATO ს', 4)).toBe(4);
  });
});
