/**
 * Per-character normalisation shared by compile and scan: case folding, Latin
 * diacritic folding, whitespace and invisible characters. Results are cached in two
 * lazily filled 64K tables, so a character is classified once per process.
 */

/** Flag: the table entry has been computed. */
const DONE = 1;
/** Flag: a letter, digit or combining mark (part of a word). */
export const WORD = 2;
/** Flag: has a lowercase mapping (an uppercase or titlecase letter). */
export const UPPER = 4;
/** Flag: invisible inside names (soft hyphen, zero-width characters, combining accents). */
export const SKIP = 8;
/** Flag: whitespace of any kind; a run inside a name counts as one space. */
export const SPACE = 16;
/** Flag: a line or paragraph separator. */
export const NEWLINE = 32;
/** Flag: has an uppercase mapping (a lowercase letter). */
export const LOWER = 64;

const flagTable = new Uint8Array(65536);
const foldTable = new Uint16Array(65536);

const LATIN_EXTRA: Record<string, string> = { ø: 'o', đ: 'd', ł: 'l', ħ: 'h', ı: 'i', ŧ: 't', ƀ: 'b' };
/**
 * Letters, digits and marks: made on first use, since building a Unicode property class costs
 * a frame about half a millisecond, and most frames never classify a character outside the
 * tables a compiled matcher carries.
 */
let wordRe: RegExp | undefined;

function compute(c: number): number {
  let flags = DONE;
  let fold = c;
  if (c >= 0xd800 && c <= 0xdfff) {
    // Surrogate halves: astral characters are never part of an alias; lone ones are inert.
  } else if (c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000) {
    flags |= SPACE;
    fold = 0x20;
  } else if (c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029) {
    flags |= SPACE | NEWLINE;
    fold = 0x20;
  } else if (c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || c === 0x180e || (c >= 0x300 && c <= 0x36f) || c === 0x34f) {
    flags |= SKIP;
  } else if (c === 0x2019 || c === 0x2018 || c === 0x02bc || c === 0x2032 || c === 0x60 || c === 0xb4) {
    fold = 0x27; // apostrophes → '
  } else if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0xfe63 || c === 0xff0d) {
    fold = 0x2d; // dashes → -
  } else if (c === 0xab || c === 0xbb || (c >= 0x201c && c <= 0x201f)) {
    fold = 0x22; // double quotes of every language («», „“, “”) → ": the press mixes them
  } else {
    const s = String.fromCharCode(c);
    if ((wordRe ??= /[\p{L}\p{N}\p{M}]/u).test(s)) flags |= WORD;
    const lower = s.toLowerCase();
    if (lower !== s) flags |= UPPER;
    if (s.toUpperCase() !== s) flags |= LOWER;
    let f = lower.length === 1 ? lower : s;
    if (c === 0x130) f = 'i';
    if ((c >= 0xc0 && c < 0x250) || (c >= 0x1e00 && c <= 0x1eff)) {
      const base = f.normalize('NFD').charAt(0);
      if (base.charCodeAt(0) < 0x80) f = base;
      else f = LATIN_EXTRA[f] ?? f;
    } else if (f === 'ё') {
      f = 'е';
    }
    fold = f.charCodeAt(0);
  }
  flagTable[c] = flags;
  foldTable[c] = fold;
  return flags;
}

/**
 * The two tables, for the scan's inner loop (a function call per character costs more than
 * the lookup while the page's code is still cold): `FLAGS[c]` is 0 until `charFlags(c)` has
 * run, and `FOLD[c]` is valid once `FLAGS[c]` is not 0.
 */
export const FLAGS: Readonly<Uint8Array> = flagTable;
export const FOLD: Readonly<Uint16Array> = foldTable;

/** Flags of a UTF-16 code unit (see WORD, UPPER, SKIP, SPACE, NEWLINE). */
export function charFlags(c: number): number {
  const f = flagTable[c]!;
  return f === 0 ? loadedEntry(c) || compute(c) : f;
}

/** Folded code unit: lowercase, Latin accents removed, ё→е, apostrophes, dashes and double quotes unified, whitespace → space. */
export function foldChar(c: number): number {
  if (flagTable[c] === 0) charFlags(c);
  return foldTable[c]!;
}

/**
 * The code units whose entries a compiled matcher carries, as [from, to) pairs: Latin,
 * Greek and Cyrillic, Georgian (Mkhedruli and Mtavruli), Latin Extended Additional and
 * general punctuation. A page then classifies its characters by lookup: computing an entry
 * takes case mappings, a Unicode normalisation and a Unicode regular expression, which cost
 * a page about a millisecond while its code is cold. The entries are also the ones the
 * matcher's keys were folded with, whatever the page's own Unicode tables say.
 */
const TABLE_RANGES: readonly number[] = [0, 0x530, 0x10a0, 0x1100, 0x1c90, 0x1cc0, 0x1e00, 0x1f00, 0x2000, 0x2070];
/** Offset of a packed entry's code units (away from control characters, which JSON escapes). */
const TABLE_UNIT = 0x100;
/** Entries in TABLE_RANGES. */
const TABLE_SIZE = TABLE_RANGES.reduce((n, v, i) => (i % 2 ? n + v - TABLE_RANGES[i - 1]! : n), 0);

/** The entries of TABLE_RANGES, two code units each (flags, then fold, offset by TABLE_UNIT). */
export function packCharTable(): string {
  const units: number[] = [];
  for (let r = 0; r < TABLE_RANGES.length; r += 2) {
    for (let c = TABLE_RANGES[r]!; c < TABLE_RANGES[r + 1]!; c++) units.push(TABLE_UNIT + charFlags(c), TABLE_UNIT + foldTable[c]!);
  }
  let s = '';
  for (let i = 0; i < units.length; i += 4096) s += String.fromCharCode(...units.slice(i, i + 4096));
  return s;
}

/** The table `loadCharTable` took, read an entry at a time as characters are first seen. */
let loaded: string | null = null;

/**
 * Takes `packCharTable`'s output as the source of the entries in its ranges: each is read
 * from it when its character is first seen (a page meets a few hundred of the 1,840), and a
 * malformed entry is computed instead. False, and nothing taken, when `s` is not such a table.
 */
export function loadCharTable(s: string): boolean {
  if (s.length !== 2 * TABLE_SIZE) return false;
  loaded ??= s;
  return true;
}

/** The entry of `c` from the loaded table, stored in the lookup tables; 0 when it has none. */
function loadedEntry(c: number): number {
  if (loaded === null) return 0;
  let k = 0;
  for (let r = 0; r < TABLE_RANGES.length; r += 2) {
    const from = TABLE_RANGES[r]!;
    const to = TABLE_RANGES[r + 1]!;
    if (c < from) return 0;
    if (c < to) {
      k += 2 * (c - from);
      const flags = loaded.charCodeAt(k) - TABLE_UNIT;
      if (!(flags & DONE) || flags > 127) return 0;
      flagTable[c] = flags;
      foldTable[c] = loaded.charCodeAt(k + 1) - TABLE_UNIT;
      return flags;
    }
    k += 2 * (to - from);
  }
  return 0;
}

/** Script groups of alias expansion order (forms.ts): Latin and everything else, Cyrillic, Georgian. */
export const GROUP_OTHER = 0;
export const GROUP_CYRILLIC = 1;
export const GROUP_GEORGIAN = 2;
export const SCRIPT_GROUPS = 3;

/** The script group of a code unit (Latin and everything else, Cyrillic, Georgian). */
export function scriptGroup(c: number): number {
  if (c < 0x400) return GROUP_OTHER;
  if (c <= 0x52f) return GROUP_CYRILLIC;
  if ((c >= 0x10a0 && c <= 0x10ff) || (c >= 0x1c90 && c <= 0x1cbf) || (c >= 0x2d00 && c <= 0x2d2f)) return GROUP_GEORGIAN;
  return GROUP_OTHER;
}

/** Script bits of `letterScript`: what a page's first look compares with the scripts a pack's names use. */
export const SCRIPT_LATIN = 1;
export const SCRIPT_CYRILLIC = 2;
export const SCRIPT_GEORGIAN = 4;
const SCRIPT_GREEK = 8;
const SCRIPT_ARMENIAN = 16;
const SCRIPT_HEBREW = 32;
const SCRIPT_ARABIC = 64;
const SCRIPT_KANA = 128;
const SCRIPT_HAN = 256;
const SCRIPT_HANGUL = 512;
/** Letters of the other scripts of the BMP's first blocks (Indic, Thai, Ethiopic…). */
export const SCRIPT_OTHER = 1024;
/** Every script bit. */
export const ALL_SCRIPTS = 2047;

/**
 * The script bit of a letter, or 0 for anything else: by code point ranges alone (a page's
 * first look runs it on a sample of the page before anything is loaded, so it stays cheap).
 * Scripts are told apart finely enough that a pack with a few Japanese aliases does not
 * make every Chinese page worth reading.
 */
export function letterScript(c: number): number {
  if (c < 0x80) return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a ? SCRIPT_LATIN : 0;
  if (c < 0x250) return c >= 0xc0 && c !== 0xd7 && c !== 0xf7 ? SCRIPT_LATIN : 0;
  if (c >= 0x1e00 && c <= 0x1eff) return SCRIPT_LATIN;
  if (c >= 0x400 && c <= 0x52f) return SCRIPT_CYRILLIC;
  if (scriptGroup(c) === GROUP_GEORGIAN) return SCRIPT_GEORGIAN;
  if (c >= 0x370 && c <= 0x3ff) return SCRIPT_GREEK;
  if (c >= 0x530 && c <= 0x58f) return SCRIPT_ARMENIAN;
  if (c >= 0x590 && c <= 0x5ff) return SCRIPT_HEBREW;
  if (c >= 0x600 && c <= 0x8ff) return SCRIPT_ARABIC;
  if (c >= 0x3040 && c <= 0x30ff) return SCRIPT_KANA;
  if (c >= 0x3400 && c <= 0x9fff) return SCRIPT_HAN;
  if ((c >= 0x1100 && c <= 0x11ff) || (c >= 0xac00 && c <= 0xd7af)) return SCRIPT_HANGUL;
  return c >= 0x900 && c <= 0x10ff ? SCRIPT_OTHER : 0;
}

/** `letterScript`'s ranges as regular-expression class bodies, by script bit (kept equal by a test over every code unit). */
const SCRIPT_CLASSES: readonly [number, string][] = [
  [SCRIPT_LATIN, 'A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff'],
  [SCRIPT_CYRILLIC, '\u0400-\u052f'],
  [SCRIPT_GEORGIAN, '\u10a0-\u10ff\u1c90-\u1cbf\u2d00-\u2d2f'],
  [SCRIPT_GREEK, '\u0370-\u03ff'],
  [SCRIPT_ARMENIAN, '\u0530-\u058f'],
  [SCRIPT_HEBREW, '\u0590-\u05ff'],
  [SCRIPT_ARABIC, '\u0600-\u08ff'],
  [SCRIPT_KANA, '\u3040-\u30ff'],
  [SCRIPT_HAN, '\u3400-\u9fff'],
  [SCRIPT_HANGUL, '\u1100-\u11ff\uac00-\ud7af'],
  [SCRIPT_OTHER, '\u0900-\u109f'],
];

/**
 * A global pattern matching one letter of any of the scripts `bits` (`letterScript`'s
 * sense), or null for none: counting letters with it runs in the engine's regular
 * expression code, not code by code in the script (a page's first look).
 */
export function scriptPattern(bits: number): RegExp | null {
  const body = SCRIPT_CLASSES.filter(([bit]) => bit & bits)
    .map(([, cls]) => cls)
    .join('');
  return body ? new RegExp(`[${body}]`, 'g') : null;
}

/**
 * Normalises a surface form for storage: trims, collapses whitespace runs to one
 * space, drops invisible characters and strips surrounding quotes and punctuation
 * (case and accents are kept: the case rules are read from the form).
 */
export function cleanForm(s: string): string {
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const f = charFlags(c);
    if (f & SKIP) continue;
    if (f & SPACE) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += s[i];
  }
  // Strip leading/trailing characters that cannot start or end a name («», quotes, dots at start).
  let a = 0;
  let b = out.length;
  while (a < b && !(charFlags(out.charCodeAt(a)) & WORD)) a++;
  while (b > a && !(charFlags(out.charCodeAt(b - 1)) & WORD) && out[b - 1] !== '.') b--;
  return out.slice(a, b);
}

/** Folded key of a cleaned form (one folded code unit per form character). */
export function foldKey(form: string): string {
  let out = '';
  for (let i = 0; i < form.length; i++) out += String.fromCharCode(foldChar(form.charCodeAt(i)));
  return out;
}
