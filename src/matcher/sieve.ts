/**
 * The sieve (compile time): one regular expression that finds, in the engine's native code,
 * every word start where a key of the names automaton can begin, so the scan walks the
 * automaton only there instead of reading every character in JavaScript (which a page runs
 * cold, in the interpreter).
 *
 * A name form with a capital first letter needs a capital in the text (case-rules.ts), so
 * most keys can start only at a capital: one character class. The keys some form of which
 * may start in lower case ("the Caspian", "peace agreement", Georgian names) are matched by
 * their first four letters, a trie written as nested groups. A first letter that begins
 * too many such keys (most Georgian letters) lets any word starting with it through.
 *
 * Its classes hold every character that folds to a letter (capitals, accented letters, `ё`
 * for `е`). The scan looks through invisible characters inside a name (a soft hyphen), which
 * the expression does not: a text with one (the `irregular` expression) is read the old
 * way. Both are exact: the scan finds the same names with or without them (a test checks it
 * on disguised names, the evaluation texts and every block of the corpus pages).
 */
import { charFlags, foldChar, SKIP, SPACE, UPPER, WORD } from './normalize.ts';
import { intAt } from './packed.ts';
import { Radix } from './radix.ts';
import type { PackedRadix } from './radix.ts';
import type { CompiledForms } from './types.ts';

/**
 * What a page needs to look for given cue words only (`Evidence.cueFilter`): per cue number,
 * its first four letters as indices into `classes` (regular-expression pieces: a character
 * class, or white space), and the look-behind that makes a match a word start.
 */
export interface CompiledCueSieve {
  before: string;
  classes: string[];
  prefixes: number[][];
}

/** What a compiled matcher stores: the two expressions' sources (flag `g` for the sieve, none for `irregular`: an invisible character). */
export interface CompiledSieve {
  sieve: string;
  irregular: string;
}

/** Letters of a key (spaces not counted) the sieve matches when the key may start in lower case. */
const PREFIX = 4;
/** Prefixes one first letter may have before any word starting with it passes (more: a longer expression, slower to compile). */
const MAX_PREFIXES = 8;

const isSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdfff;

/** Per folded code unit, the code units that fold to it (not invisible, not white space); built once. */
let folding: Map<number, number[]> | undefined;
function unitsFoldingTo(x: number): readonly number[] {
  if (!folding) {
    folding = new Map();
    for (let c = 0; c < 0x10000; c++) {
      if (isSurrogate(c) || charFlags(c) & (SKIP | SPACE)) continue;
      const f = foldChar(c);
      let list = folding.get(f);
      if (!list) folding.set(f, (list = []));
      list.push(c);
    }
  }
  return folding.get(x) ?? [];
}

/** The code units with all of `flags` set. */
function unitsWith(flags: number): number[] {
  const out: number[] = [];
  for (let c = 0; c < 0x10000; c++) if (!isSurrogate(c) && (charFlags(c) & flags) === flags) out.push(c);
  return out;
}

/** A character class body of code units (sorted, merged into ranges). */
function classBody(units: Iterable<number>): string {
  const sorted = [...new Set(units)].sort((a, b) => a - b);
  // Characters as they are, but for what a class or a line gives a meaning to.
  const lit = (c: number): string =>
    c < 0x30 || c === 0x5b || c === 0x5c || c === 0x5d || c === 0x5e || c === 0x7f || (c >= 0x80 && c < 0xa0) || c === 0x2028 || c === 0x2029
      ? `\\u${c.toString(16).padStart(4, '0')}`
      : String.fromCharCode(c);
  let out = '';
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    out += j === i ? lit(sorted[i]!) : j === i + 1 ? lit(sorted[i]!) + lit(sorted[j]!) : `${lit(sorted[i]!)}-${lit(sorted[j]!)}`;
    i = j + 1;
  }
  return out;
}

/**
 * The letters the sieve looks behind for (a letter there means no word start): ASCII, Latin
 * letters, Cyrillic and Georgian Mkhedruli, a few compact ranges (a longer class costs a page
 * more to compile than the rare word start it would turn away).
 */
const inWordScripts = (c: number): boolean => c < 0x80 || (c >= 0xc0 && c < 0x250) || (c >= 0x400 && c < 0x530) || (c >= 0x10d0 && c <= 0x10ff);

/** Every key of the automaton with the forms that share it (first form, then FORM_NEXT_SAME). */
function keysOf(t: Radix, visit: (key: string, firstForm: number) => void): void {
  const walk = (node: number, prefix: string): void => {
    const key = prefix + t.edges.slice(t.lab(node), t.lab(node + 1));
    const out = t.out(node);
    if (out > 0) visit(key, out - 1);
    for (let k = t.first(node); k < t.first(node + 1); k++) walk(k, key);
  };
  walk(0, '');
}

/** A key up to its PREFIXth letter (spaces not counted): what the sieves match of it. */
function prefixOf(key: string): string {
  let i = 0;
  for (let letters = 0; i < key.length && letters < PREFIX; i++) if (key[i] !== ' ') letters++;
  return key.slice(0, i);
}

/** A trie node of prefixes: children by folded code unit; `end` when a prefix ends here. */
interface PrefixNode {
  end: boolean;
  next: Map<number, PrefixNode>;
}

/** Builds the sieve of a names automaton and its forms' case rules; `nextSame` is the FORM_NEXT_SAME flag. */
export function buildSieve(forms: CompiledForms, nextSame: number): CompiledSieve {
  const t = new Radix(forms.trie);
  /** First units of all keys; and the lower-case-capable keys' prefixes by first unit. */
  const firsts = new Set<number>();
  const prefixes = new Map<number, Set<string>>();
  keysOf(t, (key, first) => {
    firsts.add(key.charCodeAt(0));
    for (let k = first; ; k++) {
      const c0 = intAt(forms.capStart, k);
      // A form with no capital at its first letter may start in lower case.
      if (c0 === intAt(forms.capStart, k + 1) || intAt(forms.caps, c0) !== 0) {
        let set = prefixes.get(key.charCodeAt(0));
        if (!set) prefixes.set(key.charCodeAt(0), (set = new Set()));
        set.add(prefixOf(key));
        break;
      }
      if (!(intAt(forms.flags, k) & nextSame)) break;
    }
  });
  // Word starts that pass on their first unit: a capital of any key's first letter, any case of a crowded first letter.
  const single = new Set<number>();
  for (const c of unitsWith(UPPER | WORD)) if (firsts.has(foldChar(c))) single.add(c);
  const root: PrefixNode = { end: false, next: new Map() };
  for (const [x, set] of prefixes) {
    if (set.size > MAX_PREFIXES) {
      for (const c of unitsFoldingTo(x)) single.add(c);
      continue;
    }
    for (const p of set) {
      let node = root;
      for (let i = 0; i < p.length && !node.end; i++) {
        const u = p.charCodeAt(i);
        let child = node.next.get(u);
        if (!child) node.next.set(u, (child = { end: false, next: new Map() }));
        node = child;
      }
      // A shorter prefix already covers the longer ones.
      node.end = true;
      node.next.clear();
    }
  }
  const space = SPACE_PIECE;
  const render = (node: PrefixNode): string => {
    // Children that end a prefix share one class; the others each get a group.
    const leaves: number[] = [];
    const alts: string[] = [];
    for (const [u, child] of node.next) {
      if (u === 0x20) alts.push(space + (child.end ? '' : render(child)));
      else if (child.end) leaves.push(...unitsFoldingTo(u));
      else alts.push(`[${classBody(unitsFoldingTo(u))}]${render(child)}`);
    }
    if (leaves.length) alts.push(`[${classBody(leaves)}]`);
    return alts.length === 1 ? alts[0]! : `(?:${alts.join('|')})`;
  };
  const branches = [`[${classBody(single)}]`];
  if (root.next.size) branches.push(render(root));
  return { sieve: `${wordStart()}(?:${branches.join('|')})`, irregular: `[${classBody(unitsWith(SKIP))}]` };
}

/**
 * The names sieve without its word-start look-behind: a key may start anywhere, so it finds
 * every place the sieve does and more (null: `sieve` is not of `buildSieve`'s form). For text
 * whose word breaks may be lost: a whole page's text, its blocks run together.
 */
export function sieveAnywhere(sieve: string): string | null {
  if (!sieve.startsWith('(?<![')) return null;
  const at = sieve.indexOf('])(?:');
  return at < 0 ? null : sieve.slice(at + 2);
}

/** White space: `\s` holds every SPACE character but U+0085 (and the invisible U+FEFF, which only lets more through). */
const SPACE_PIECE = '[\\s\\u0085]+';

/** The look-behind of a word start: no letter before (of the scripts in use: a subset of the word characters). */
function wordStart(): string {
  const word: number[] = [];
  for (let c = 0; c < 0x1100; c++) if (inWordScripts(c) && charFlags(c) & WORD) word.push(c);
  return `(?<![${classBody(word)}])`;
}

/** Builds the cue sieve of a cue automaton (its keys' values are cue numbers). */
export function buildCueSieve(cues: PackedRadix): CompiledCueSieve {
  const classes: string[] = [];
  const classOf = new Map<number, number>();
  const prefixes: number[][] = [];
  keysOf(new Radix(cues), (key, cue) => {
    const p: number[] = [];
    const prefix = prefixOf(key);
    for (let i = 0; i < prefix.length; i++) {
      const u = prefix.charCodeAt(i);
      let k = classOf.get(u);
      if (k === undefined) classOf.set(u, (k = classes.push(u === 0x20 ? SPACE_PIECE : `[${classBody(unitsFoldingTo(u))}]`) - 1));
      p.push(k);
    }
    prefixes[cue] = p;
  });
  for (let i = 0; i < prefixes.length; i++) prefixes[i] ??= [];
  return { before: wordStart(), classes, prefixes };
}
