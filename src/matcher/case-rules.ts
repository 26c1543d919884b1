/**
 * When a form found in the text counts: case rules (an acronym only in capitals, a
 * shouted headline), the Georgian case suffixes after a name, and the flags a form carries.
 */
import { charFlags, foldChar, LOWER, NEWLINE, UPPER, WORD } from './normalize.ts';
import { ALIAS_SURNAME_BIT, FORM_AMBIGUOUS, FORM_FULL, FORM_SURNAME } from './types.ts';
import { KA_HYPHEN_ENDING_MAX, KA_HYPHEN_ENDINGS } from './inflect.ts';

/** Short English words that look like acronyms in an ALL-CAPS headline ("TELL US"). */
export const CAPS_WORDS = new Set([
  'us',
  'it',
  'as',
  'at',
  'in',
  'on',
  'or',
  'an',
  'am',
  'be',
  'do',
  'go',
  'he',
  'me',
  'my',
  'no',
  'of',
  'so',
  'to',
  'up',
  'we',
  'is',
  'by',
  'if',
  'all',
  'and',
  'any',
  'are',
  'can',
  'did',
  'gas',
  'his',
  'its',
  'new',
  'now',
  'off',
  'one',
  'our',
  'out',
  'say',
  'see',
  'she',
  'the',
  'two',
  'was',
  'who',
  'why',
  'won',
]);

/** True when the letters around [start, end) are all capitals (a shouted headline). */
export function capsContext(text: string, start: number, end: number): boolean {
  let upper = 0;
  const scan = (from: number, to: number): boolean => {
    for (let k = from; k < to; k++) {
      const f = charFlags(text.charCodeAt(k));
      if (f & LOWER) return false;
      if (f & UPPER) upper++;
    }
    return true;
  };
  return scan(Math.max(0, start - 24), start) && scan(end, Math.min(text.length, end + 24)) && upper >= 3;
}

/** Small words a title-case headline leaves in lower case ("Talks on the Future of Abkhazia"). */
const TITLE_CASE_SMALL = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'from', 'in', 'into', 'nor', 'of', 'on', 'or', 'the', 'to', 'vs', 'via', 'with']);
/** Longest line read as a headline, characters either side of the name. */
const HEADLINE_REACH = 160;

/**
 * Whether the line around `at` is a headline in title case ("Russia Says Georgia Must Wait"):
 * at least three words, every one capitalised but the small words. There a capital after a
 * name does not show that the name goes on. A line longer than a headline is not one.
 */
export function titleCaseLine(text: string, at: number): boolean {
  let from = at;
  while (from > 0 && !(charFlags(text.charCodeAt(from - 1)) & NEWLINE)) if (at - --from > HEADLINE_REACH) return false;
  let to = at;
  while (to < text.length && !(charFlags(text.charCodeAt(to)) & NEWLINE)) if (++to - at > HEADLINE_REACH) return false;
  let capitalised = 0;
  for (let k = from; k < to;) {
    const f = charFlags(text.charCodeAt(k));
    if (!(f & WORD)) {
      k++;
      continue;
    }
    let end = k + 1;
    while (end < to && charFlags(text.charCodeAt(end)) & WORD) end++;
    if (f & UPPER) capitalised++;
    else if (f & LOWER && !TITLE_CASE_SMALL.has(text.slice(k, end))) return false;
    k = end;
  }
  return capitalised >= 3;
}

/** True when a form is an acronym (capitals, no lowercase letters). */
export function isAcronym(form: string): boolean {
  let upper = 0;
  for (let k = 0; k < form.length; k++) {
    const f = charFlags(form.charCodeAt(k));
    if (f & LOWER) return false;
    if (f & UPPER) upper++;
  }
  return upper >= 2;
}

/** A hyphen (hyphen-minus, hyphen, non-breaking hyphen). */
function isHyphen(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2011;
}

/**
 * Whether a hyphen (or an en dash) and a Georgian letter follow at `at`: the bare stem before
 * it heads a compound ("რუსეთ-საქართველოს ურთიერთობები", Russia–Georgia relations), where the
 * first name takes no ending.
 */
export function compoundHead(text: string, at: number): boolean {
  const h = text.charCodeAt(at);
  const next = text.charCodeAt(at + 1);
  return (isHyphen(h) || h === 0x2013) && next >= 0x10d0 && next <= 0x10ff;
}

/** A space that may stand inside a name or between a name and its next word: plain or no-break. */
export function isNameSpace(c: number): boolean {
  return c === 0x20 || c === 0xa0;
}

/** Where the spaces (plain or no-break) that end at `k` start, looking back no further than `from`. */
export function spacesBefore(text: string, k: number, from = 0): number {
  while (k > from && isNameSpace(text.charCodeAt(k - 1))) k--;
  return k;
}

/**
 * Georgian text writes case endings after a hyphen on names in another script or on
 * acronyms ("ТАСС-თან", "NATO-ს", "ეუთო-ში"): the ending belongs to the mention. Returns the
 * end past such an ending (a hyphen and a Georgian case or postposition ending that ends the
 * word), else `end`. Other Georgian words after a hyphen are names of their own
 * ("მოსკოვი-სოხუმის", Moscow–Sukhumi).
 */
export function georgianSuffixEnd(text: string, end: number): number {
  if (!isHyphen(text.charCodeAt(end))) return end;
  let k = end + 1;
  while (k < text.length && k - end <= KA_HYPHEN_ENDING_MAX + 1) {
    const c = text.charCodeAt(k);
    if (c < 0x10d0 || c > 0x10ff) break;
    k++;
  }
  // The ending must end the word.
  if (charFlags(text.charCodeAt(k)) & WORD) return end;
  return KA_HYPHEN_ENDINGS.has(text.slice(end + 1, k)) ? k : end;
}

/** The form flags an alias gives its forms: ambiguous, and whether it is a bare surname or a full name. */
export function formFlagsOf(info: number): number {
  return (info & FORM_AMBIGUOUS) | (info & ALIAS_SURNAME_BIT ? FORM_SURNAME : FORM_FULL);
}

/**
 * Titles that bind a bare surname to a person ("Mr Papuashvili", "г-н Пашинян", "ბატონი პაპუაშვილი"),
 * lower case. Read with string compares, not a case-insensitive Unicode regular expression:
 * compiling one costs a page a few milliseconds before its first use is fast.
 */
const TITLES = [
  'mr',
  'mrs',
  'ms',
  'dr',
  'president',
  'prime minister',
  'minister',
  'speaker',
  'ambassador',
  'general',
  'senator',
  'г-н',
  'г-жа',
  'господин',
  'госпожа',
  'президент',
  'премьер',
  'премьер-министр',
  'министр',
  'спикер',
  'посол',
  'генерал',
  'ბატონ',
  'ბატონი',
  'ქალბატონ',
  'ქალბატონი',
  'პრეზიდენტ',
  'პრეზიდენტი',
  'პრემიერ',
  'პრემიერი',
  'მინისტრ',
  'მინისტრი',
  'სპიკერ',
  'სპიკერი',
  'ელჩი',
];
/** How far back a title is looked for, characters. */
const TITLE_WINDOW = 24;

/** Whether a word character (a letter, digit or mark) is at `k` of `s`. */
function letterOrDigitAt(s: string, k: number): boolean {
  return (charFlags(s.charCodeAt(k)) & WORD) !== 0;
}

/** Whether a letter (or mark) is at `k` of `s`, not a digit: what may not run into a title. */
function letterAt(s: string, k: number): boolean {
  const c = s.charCodeAt(k);
  return letterOrDigitAt(s, k) && !(c >= 0x30 && c <= 0x39);
}

/**
 * Whether a title stands right before `start` (within 24 characters: the title, an optional
 * full stop, then spaces): then a bare surname there names a person.
 */
export function titleBefore(text: string, start: number): boolean {
  const from = Math.max(0, start - TITLE_WINDOW);
  let k = spacesBefore(text, start, from);
  if (k === start) return false;
  if (k > from && text.charCodeAt(k - 1) === 0x2e) k--;
  const before = text.slice(from, k).toLowerCase();
  for (const title of TITLES) {
    const at = before.length - title.length;
    if (at >= 0 && before.endsWith(title) && (at === 0 || !letterAt(before, at - 1))) return true;
  }
  return false;
}

/** Whether `c` is a Cyrillic letter. */
const cyrillic = (c: number): boolean => c >= 0x400 && c <= 0x4ff;

/**
 * Russian titles and posts, as stems: capitalised in some official texts ("Президент Алиев",
 * "Председателя"). The Russian TITLES and the posts that are not titles before a name.
 */
const RU_POSTS = [
  ...TITLES.filter((t) => cyrillic(t.charCodeAt(0))),
  'глава',
  'председател',
  'патриарх',
  'госпож',
  'мэр',
  'губернатор',
  'депутат',
  'сенатор',
  'лидер',
  'экс',
  'вице',
  'генсек',
  'советник',
  'помощник',
  'директор',
  'руководител',
];

/** Endings of a Russian word that is not in the nominative (a place's "в Брюсселе", "Осетии", "с Парижем"). */
const RU_OBLIQUE = ['е', 'и', 'у', 'ю', 'ы', 'о', 'ом', 'ем', 'ой'];

/** Words that open a Russian sentence before its subject and would pass for a given name ("Вчера Алиев…"). */
const RU_OPENERS = new Set(
  'вчера сегодня тогда когда там так как пока хотя уже лишь даже вот ведь тут здесь сейчас теперь зато причем причём итак при для без под над про через перед против этот тот сам сама сначала наконец вновь опять снова днем днём еще ещё именно'.split(
    ' ',
  ),
);

/**
 * Where a Russian given name may stand right before `start`: a capitalised Cyrillic word of
 * three letters or more (not an acronym, a title or a patronymic, not in an oblique case's
 * ending) after a small letter, a digit or a comma on the same line, or opening a sentence or
 * line when it is not a word that opens sentences ("Вчера"). Russian writes titles, days and
 * months in small letters, so such a word before a surname is the person's given name
 * ("заявил Инсаф Алиев" is not Ilham Aliyev). Returns the word's start, or -1; the caller
 * checks that the word is not a name of its own.
 */
export function russianNameWordBefore(text: string, start: number): number {
  const end = spacesBefore(text, start);
  if (end === start) return -1;
  let k = end;
  while (k > 0 && cyrillic(text.charCodeAt(k - 1))) k--;
  if (end - k < 3 || !(charFlags(text.charCodeAt(k)) & UPPER) || !(charFlags(text.charCodeAt(k + 1)) & LOWER)) return -1;
  const word = text.slice(k, end).toLowerCase();
  if (RU_OBLIQUE.some((e) => word.endsWith(e)) || /(?:вич|вна|чна)$/.test(word) || RU_POSTS.some((t) => word.startsWith(t))) return -1;
  const j = spacesBefore(text, k);
  const c = j > 0 ? text.charCodeAt(j - 1) : 0x0a;
  if (charFlags(c) & LOWER || (c >= 0x30 && c <= 0x39) || c === 0x2c) return j < k ? k : -1;
  const opens = charFlags(c) & NEWLINE || c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026;
  return opens && !RU_OPENERS.has(word) ? k : -1;
}

/**
 * Whether a mark from `start` to `end` holds one quote of a pair ("ИА «Рес", "გრანტების
 * შესახებ" კანონით"): then it takes the other one, the closing quote after it or the opening
 * one before it, so a mark holds both quotes or neither.
 */
export function unpairedQuote(text: string, start: number, end: number): boolean {
  let open = false;
  for (let k = start; k < end; k++) if (foldChar(text.charCodeAt(k)) === 0x22) open = !open;
  return open;
}

/** Whether the character at `k` of `text` is a double quote of any kind. */
export const quoteAt = (text: string, k: number): boolean => k >= 0 && k < text.length && foldChar(text.charCodeAt(k)) === 0x22;

/** Words after a place's name that belong to it ("Akhalgori district"): lower case or capitalised. */
const PLACE_SUFFIXES = ['district', 'District', 'municipality', 'Municipality'];

/** The end past a "district"/"Municipality" that follows a place's name at `end`, else `end`. */
export function placeSuffixEnd(text: string, end: number): number {
  if (!isNameSpace(text.charCodeAt(end))) return end;
  for (const word of PLACE_SUFFIXES) {
    const stop = end + 1 + word.length;
    // The word must end there.
    if (text.startsWith(word, end + 1) && !(stop < text.length && letterOrDigitAt(text, stop))) return stop;
  }
  return end;
}

/**
 * The words that follow a place's name when the two name an institution of that place (a
 * court, a city hall, a council, a university): "Kutaisi Court of Appeals", "ბათუმის
 * საქალაქო სასამართლო". Georgian words are stems: their case endings follow. The place's
 * name there is not a mention of the place.
 */
const INSTITUTIONS = [
  'city court',
  'court of appeals',
  'appeals court',
  'appellate court',
  'district court',
  'municipal court',
  'city hall',
  'city council',
  'state university',
  'საქალაქო სასამართლო',
  'სააპელაციო სასამართლო',
  'რაიონული სასამართლო',
  'მერია',
  'მერიი',
  'საკრებულო',
  'სახელმწიფო უნივერსიტეტ',
];

/**
 * Capitalised words after a place's name that make the two the name of a company or an
 * outlet ("Adjara TV", "Black Sea Development Bank", "Georgia Today"): only with their capital.
 */
const COMPANIES = ['TV', 'Television', 'Radio', 'Today', 'Times', 'Online', 'Bank', 'Development Bank', 'Airlines', 'Airways', 'Terminal', 'Railway', 'Railways', 'Energy', 'Holding'];

/** Whether a place's name ending at `end` heads an institution's or a company's name (INSTITUTIONS, COMPANIES) that follows it. */
export function institutionAfter(text: string, end: number): boolean {
  if (!isNameSpace(text.charCodeAt(end))) return false;
  for (const word of COMPANIES) {
    const stop = end + 1 + word.length;
    if (text.startsWith(word, end + 1) && !(stop < text.length && letterOrDigitAt(text, stop))) return true;
  }
  const next = text.slice(end + 1, end + 1 + 24).toLowerCase();
  for (const word of INSTITUTIONS) {
    if (!next.startsWith(word)) continue;
    // An English word must end there; a Georgian stem takes its case ending.
    const stop = end + 1 + word.length;
    if (word.charCodeAt(0) >= 0x10d0 || !(stop < text.length && letterOrDigitAt(text, stop))) return true;
  }
  return false;
}

/** Letters of a cue word's stem at least (shorter cues count as whole words only). */
const CUE_STEM_MIN = 4;
/** Vowels (and й, ь) a Russian or Georgian cue word loses to become a stem. */
const CUE_STEM_VOWEL = /[аеёиоуыэюяйьაეიოუ]$/u;
/** Whether `c` is a Cyrillic or Georgian letter: where words take case endings. */
function inflectedScript(c: number): boolean {
  return (c >= 0x400 && c <= 0x4ff) || (c >= 0x10d0 && c <= 0x10ff);
}

/**
 * A cue word as it is matched (a folded key): a Russian or Georgian one loses its last vowel
 * ("армения" → "армени", "სომხეთი" → "სომხეთ") and then matches with a case ending after it
 * (`cueEnding`), when what is left of its last word has at least four letters; `stem` says
 * whether it became a stem. Other cues stay whole words.
 */
export function cueKey(key: string): { key: string; stem: boolean } {
  const last = key.slice(key.lastIndexOf(' ') + 1);
  if (!inflectedScript(last.charCodeAt(last.length - 1))) return { key, stem: false };
  const cut = CUE_STEM_VOWEL.test(last) ? 1 : 0;
  if (last.length - cut < CUE_STEM_MIN) return { key, stem: false };
  return { key: key.slice(0, key.length - cut), stem: true };
}

/**
 * Whether the word going on after a stem cue that ends at `end` is a case ending: at most
 * four letters in Russian ("армени|ей"), six in Georgian ("სომხეთ|ისთვის").
 */
export function cueEnding(text: string, end: number): boolean {
  const georgian = text.charCodeAt(end - 1) >= 0x10d0;
  let k = end;
  while (k < text.length && charFlags(text.charCodeAt(k)) & WORD) k++;
  return k - end <= (georgian ? 6 : 4);
}
