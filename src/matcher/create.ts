/**
 * A compiled matcher made ready to scan: the automata and the form table are read from
 * their packed strings as they are; the only per-page work is the entity table (well under
 * a millisecond for the bundled packs). Wires scan, evidence and resolve together.
 */
import { charFlags, foldChar, loadCharTable, LOWER, SKIP, SPACE, UPPER, WORD } from './normalize.ts';
import { kaEndings, KA_CONSONANT, KA_DROPPED_VOWEL, KA_VOWEL } from './inflect.ts';
import { intAt } from './packed.ts';
import { Radix } from './radix.ts';
import { anyKeyAt, keysWhere, scanSieved, scanWords, type WordScan } from './scan.ts';
import { sieveAnywhere } from './sieve.ts';
import { PageEvidence, couldWin, decide } from './resolve.ts';
import {
  FORM_AMBIGUOUS,
  FORM_CAPS,
  FORM_FULL,
  FORM_NEXT_SAME,
  FORM_STEM_SHIFT,
  type CompiledDisambiguation,
  type CompiledMatcher,
  type Evidence,
  type Hit,
  type Matcher,
  type Mention,
  type NameProbe,
} from './types.ts';
import {
  capsContext,
  compoundHead,
  cueEnding,
  georgianSuffixEnd,
  institutionAfter,
  isNameSpace,
  placeSuffixEnd,
  quoteAt,
  russianNameWordBefore,
  spacesBefore,
  titleBefore,
  titleCaseLine,
  unpairedQuote,
} from './case-rules.ts';
import { EntityTable } from './entities.ts';

export { compiledEntityIds } from './entities.ts';

const CONSONANT_ENDINGS = new Set(kaEndings(KA_CONSONANT));
const VOWEL_ENDINGS = new Set(kaEndings(KA_VOWEL));
const DROPPED_VOWEL_ENDINGS = new Set(kaEndings(KA_DROPPED_VOWEL));
/** Georgian vowels: the particle "also" is -ც after one, -აც after a consonant. */
const KA_VOWEL_AT_END = /[აეიოუ]$/;

/**
 * Whether `ending` is one of `endings`, or one of them with the particle "also" after it
 * ("რუსეთმაც", "თბილისშიც", "ნატოც"; "რუსეთთანაც", "კობახიძისაც").
 */
function kaEndingOk(endings: ReadonlySet<string>, ending: string): boolean {
  if (endings.has(ending)) return true;
  if (!ending.endsWith('ც')) return false;
  const beforeC = ending.slice(0, -1);
  if ((beforeC === '' || KA_VOWEL_AT_END.test(beforeC)) && endings.has(beforeC)) return true;
  const beforeAc = ending.slice(0, -2);
  return ending.endsWith('აც') && beforeAc !== '' && !KA_VOWEL_AT_END.test(beforeAc) && endings.has(beforeAc);
}

/** End of the word that continues at `j` (invisible characters are looked through). */
function wordEnd(text: string, j: number): number {
  for (; j < text.length; j++) {
    const f = charFlags(text.charCodeAt(j));
    if (!(f & (WORD | SKIP))) break;
  }
  return j;
}

/**
 * Whether text run together from blocks (a page's `textContent`) may have a word break
 * between `i - 1` and `i`: at either end of the text, beside a character that is not part
 * of a word, before a capital (a block that starts with one: "HomeTbilisi"), or beside a
 * letter of a script without case, a digit or a mark (Georgian endings, CJK, "Tbilisi2024").
 * Not between two small letters, nor a capital and a small one: there the word goes on in
 * any block ("Galileo", "Gorilla").
 */
function mayBreakAt(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return true;
  const a = charFlags(text.charCodeAt(i - 1));
  const b = charFlags(text.charCodeAt(i));
  if (!(a & WORD) || !(b & WORD) || b & UPPER) return true;
  return !(a & (UPPER | LOWER)) || !(b & (UPPER | LOWER)) || georgian(text.charCodeAt(i - 1)) || georgian(text.charCodeAt(i));
}

/** Characters of a page's text its probe keeps for cue words (a few pages at a time): past it, a name that needs them is a yes. */
const PROBE_KEPT_MAX = 4_000_000;

/** A Georgian letter (Mkhedruli has an upper case, Mtavruli, that Georgian text does not use). */
const georgian = (c: number): boolean => (c >= 0x10a0 && c <= 0x10ff) || (c >= 0x1c90 && c <= 0x1cbf);

/** The folded letters of `text` in [from, to), invisible characters left out (a Georgian ending). */
function foldedSlice(text: string, from: number, to: number): string {
  let s = '';
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (!(charFlags(c) & SKIP)) s += String.fromCharCode(foldChar(c));
  }
  return s;
}

/** The given names of `CompiledMatcher.givenNames`: folded name → the people who go by it. */
function parseGivenNames(packed: string | undefined): Map<string, number[]> {
  const out = new Map<string, number[]>();
  if (!packed) return out;
  for (const line of packed.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0)
      out.set(
        line.slice(0, tab),
        line
          .slice(tab + 1)
          .split(',')
          .map(Number),
      );
  }
  return out;
}

/** A folded word without its vowels (Latin, Cyrillic, Georgian): what two spellings of one name share. */
function consonants(word: string): string {
  return word.replace(/[aeiouyаеиоуыэюяაეიოუ]/g, '');
}

/** Each person's given names (`parseGivenNames`), as consonant skeletons. */
function skeletonsOf(given: ReadonlyMap<string, readonly number[]>): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (const [word, owners] of given) {
    const skeleton = consonants(word);
    for (const o of owners) {
      let set = out.get(o);
      if (!set) out.set(o, (set = new Set()));
      set.add(skeleton);
    }
  }
  return out;
}

/**
 * The folded word right before `start`, across spaces only (no punctuation, no line break
 * between): where a given name would stand before a surname. '' when there is none.
 */
function wordBefore(text: string, start: number): string {
  let k = spacesBefore(text, start);
  if (k === start || k === 0) return '';
  const end = k;
  while (k > 0 && charFlags(text.charCodeAt(k - 1)) & (WORD | SKIP)) k--;
  return end - k > 1 && end - k <= 24 ? foldedSlice(text, k, end) : '';
}

/** Makes a compiled matcher ready to scan (see the module comment). */
export function createMatcher(compiled: CompiledMatcher): Matcher {
  if (typeof compiled.chars === 'string') loadCharTable(compiled.chars);
  const table = new EntityTable(compiled);
  const distinctive = new Set(compiled.distinctive);
  // Read on the first bare surname (most pages have none).
  let givenNames: Map<string, number[]> | undefined;
  // Each person's given names as consonant skeletons (`consonants`), made on first use.
  let givenSkeletons: Map<number, Set<string>> | undefined;
  /** Whether another person's given name stands right before `start` ("Tamar Kobakhidze" is not Irakli Kobakhidze). */
  const someoneElsesGivenName = (text: string, start: number, candidates: readonly number[]): boolean => {
    const word = wordBefore(text, start);
    if (!word) return false;
    const owners = (givenNames ??= parseGivenNames(compiled.givenNames)).get(word);
    if (owners !== undefined) {
      if (candidates.some((c) => owners.includes(c))) return false;
      // Another spelling of the candidate's own given name ("დმიტრი" for "დიმიტრი", "Dmitri" for "Dmitry"): the candidate.
      const skeleton = consonants(word);
      return !candidates.some((c) => (givenSkeletons ??= skeletonsOf(givenNames!)).get(c)?.has(skeleton));
    }
    // A given name the pack does not know, where Russian capitalises nothing else: not a name of the pack.
    const at = russianNameWordBefore(text, start);
    return at >= 0 && trie.get(word) < 0;
  };
  const disambiguation: CompiledDisambiguation[] = compiled.disambiguation.map(([entity, prior, cues, cueEntities, against]) => ({ entity, prior, cues, cueEntities, against }));
  const F = compiled.forms;
  const trie = new Radix(F.trie);
  const cueTrie = new Radix(compiled.cues);
  const entityCount = table.size;

  /** The entities form `k` names (none for a blocker). */
  const formEntities = (k: number): readonly number[] => {
    const v = intAt(F.entity, k);
    if (v === 0) return [];
    return v <= entityCount ? [v - 1] : F.lists[v - entityCount - 1]!;
  };

  /** Case rules: each capital of form `k` needs a capital in the text; its other letters match any case. */
  const capsMatch = (text: string, start: number, end: number, k: number): boolean => {
    let ci = intAt(F.capStart, k);
    const c1 = intAt(F.capStart, k + 1);
    if (ci === c1) return true;
    let next = intAt(F.caps, ci);
    let p = 0;
    let inSpace = false;
    for (let t = start; t < end; t++) {
      const f = charFlags(text.charCodeAt(t));
      if (f & SKIP) continue;
      if (f & SPACE) {
        if (!inSpace) p++;
        inSpace = true;
        continue;
      }
      inSpace = false;
      if (p === next) {
        if (!(f & UPPER)) return false;
        if (++ci === c1) return true;
        next = intAt(F.caps, ci);
      }
      p++;
    }
    return true;
  };

  // The full-name flag of the hit being built (a bare surname is marked only beside a full name).
  let bestFull = false;

  /**
   * The hit for the forms whose key ends at `end` (from `first` on), merged into `best` when
   * both end at the same place. A Georgian stem matches when the rest of the word is one
   * of its endings; other forms only when the word ends here.
   */
  const accept = (text: string, first: number, start: number, end: number, continues: boolean, best: Hit | undefined): Hit | undefined => {
    let stop = end;
    let ending: string | null = null;
    let hit: Hit | undefined;
    let full = false;
    for (let k = first; ; k++) {
      const flags = intAt(F.flags, k);
      const stem = flags >> FORM_STEM_SHIFT;
      let ok = !continues;
      if (stem !== 0) {
        // The ending is the rest of the word (a stem may end in a hyphen: "ტას-" + "ი").
        if (ending === null) {
          stop = wordEnd(text, end);
          ending = foldedSlice(text, end, stop);
        }
        ok =
          kaEndingOk(stem === KA_CONSONANT ? CONSONANT_ENDINGS : stem === KA_VOWEL ? VOWEL_ENDINGS : DROPPED_VOWEL_ENDINGS, ending) ||
          (ending === '' && stem === KA_CONSONANT && compoundHead(text, stop));
      }
      if (ok && capsMatch(text, start, end, k) && !(flags & FORM_CAPS && capsContext(text, start, end))) {
        const list = formEntities(k);
        if (flags & FORM_FULL) full = true;
        if (!hit) hit = { start, end: stem !== 0 ? stop : end, candidates: [...list], ambiguous: (flags & FORM_AMBIGUOUS) !== 0, form: k };
        else {
          for (const e of list) if (!hit.candidates.includes(e)) hit.candidates.push(e);
          if (flags & FORM_AMBIGUOUS) hit.ambiguous = true;
        }
      }
      if (!(flags & FORM_NEXT_SAME)) break;
    }
    if (!hit) return undefined;
    // Forms of another key that end at the same place (a stem's ending, a whole form): one hit.
    if (best && best.end === hit.end) {
      for (const e of hit.candidates) if (!best.candidates.includes(e)) best.candidates.push(e);
      best.ambiguous ||= hit.ambiguous;
      hit = best;
      full ||= bestFull;
    }
    bestFull = full;
    if (hit.candidates.length > 1) hit.ambiguous = true;
    const bare = !full && hit.candidates.length > 0;
    // A bare surname right after another person's given name names someone else.
    if (bare && someoneElsesGivenName(text, start, hit.candidates)) return undefined;
    // A bare surname alone, of a person whose surname is not distinctive and with no title before it: the page must name them in full.
    if (bare && !hit.candidates.every((c) => distinctive.has(c)) && !titleBefore(text, start)) hit.surname = true;
    else delete hit.surname;
    return hit;
  };

  /** Start of a capitalised word (Xx…) right after `end` on the same line, or -1. */
  const nextCapitalised = (text: string, end: number): number => {
    let k = end;
    if (!isNameSpace(text.charCodeAt(k))) return -1;
    k++;
    if (!(charFlags(text.charCodeAt(k)) & UPPER)) return -1;
    return charFlags(text.charCodeAt(k + 1)) & LOWER ? k : -1;
  };

  /** The names of `text`, pushed to `hits`. */
  const nameScan = (text: string, hits: Hit[]): WordScan<Hit> => ({
    t: trie,
    accept: (first, start, end, continues, best) => accept(text, first, start, end, continues, best),
    emit: (_s, hit) => {
      // Blockers (no candidates) consume their span and mark nothing.
      if (hit.candidates.length === 0) return;
      hit.end = georgianSuffixEnd(text, hit.end);
      // A mark holds both quotes of a pair or neither.
      if (unpairedQuote(text, hit.start, hit.end)) {
        if (quoteAt(text, hit.end)) hit.end++;
        else if (quoteAt(text, hit.start - 1)) hit.start--;
      }
      if (hit.candidates.every((c) => table.isPlace(c))) {
        // "Kutaisi Court of Appeals": the court, which the pack does not have, not the city.
        if (institutionAfter(text, hit.end)) return;
        // "Михаил Карели": a place's name after a given name is a person's surname.
        const before = wordBefore(text, hit.start);
        if (before && (givenNames ??= parseGivenNames(compiled.givenNames)).has(before)) return;
        hit.end = placeSuffixEnd(text, hit.end);
      }
      hits.push(hit);
    },
  });

  /**
   * An ambiguous hit followed by a capitalised word it does not reach is part of a longer name,
   * except in a headline in title case, where every word is capitalised.
   */
  const markContinued = (text: string, hits: Hit[]): Hit[] => {
    for (let i = 0; i < hits.length; i++) {
      const h = hits[i]!;
      if (!h.ambiguous) continue;
      const next = nextCapitalised(text, h.end);
      if (next >= 0 && hits[i + 1]?.start !== next && !titleCaseLine(text, h.start)) h.continued = true;
    }
    return hits;
  };

  /** Whether cue `cue` is a stem (`CompiledMatcher.cueStems`): it counts with a case ending after it. */
  const cueStems = compiled.cueStems ?? '';
  /** The cue words of a text (the longest at each word start counts, as names do; a stem with its case ending). */
  const cueScan = (text: string, found: (cue: number) => void): WordScan<{ end: number; cue: number }> => ({
    t: cueTrie,
    accept: (cue, _start, end, continues) => (!continues || (cueStems[cue] === '1' && cueEnding(text, end)) ? { end, cue } : undefined),
    emit: (_s, r) => found(r.cue),
  });

  // The sieve, compiled on first use; null when the matcher has none (or it does not compile).
  let sieve: { words: RegExp; irregular: RegExp } | null | undefined;
  const sieveOf = (): typeof sieve => {
    if (sieve !== undefined) return sieve;
    try {
      sieve = compiled.sieve ? { words: new RegExp(compiled.sieve.sieve, 'g'), irregular: new RegExp(compiled.sieve.irregular) } : null;
    } catch {
      sieve = null;
    }
    return sieve;
  };

  const scan = (text: string): Hit[] => {
    const hits: Hit[] = [];
    const s = sieveOf();
    // A text with characters the sieve does not write out is read at every word start.
    if (s && !s.irregular.test(text)) scanSieved(text, s.words, nameScan(text, hits));
    else scanWords(text, nameScan(text, hits));
    return markContinued(text, hits);
  };

  // The probe's expressions, made on first use: the names sieve without its look-behind, and
  // every invisible character (null: no sieve, so no probe).
  let anywhere: { keys: RegExp; invisible: RegExp } | null | undefined;
  const anywhereOf = (): typeof anywhere => {
    if (anywhere !== undefined) return anywhere;
    const keys = sieveOf() ? sieveAnywhere(compiled.sieve!.sieve) : null;
    try {
      anywhere = keys ? { keys: new RegExp(keys, 'g'), invisible: new RegExp(compiled.sieve!.irregular, 'g') } : null;
    } catch {
      anywhere = null;
    }
    return anywhere;
  };
  let byEntity: Map<number, CompiledDisambiguation> | undefined;

  /**
   * A page's text run together, read a part at a time (see `Matcher.nameProbe`). Each key is
   * taken where a word break may have been at both ends (mayBreakAt), and only the capitals
   * of its forms are asked: not an ending, a context, or a word break the blocks lost.
   */
  const nameProbe = (wanted: (entity: number) => boolean, lenient = false): NameProbe => {
    // Wanted entities read only in a name that needs the page's evidence to be marked.
    const pending = new Set<number>();
    // Every entity a key read may name, and every cue word read: the most evidence the page can hold.
    const maybeOn = new Set<number>();
    const cues = new Set<number>();
    let yes = false;
    const names: number[] = [];
    // The parts read (null: too many characters to keep; a name that needs cue words is then a yes).
    let kept: string[] | null = [];
    let keptChars = 0;
    const add = (text: string): boolean => {
      if (yes) return true;
      const a = anywhereOf();
      if (!a) return (yes = true);
      // The scan looks through invisible characters inside a name: here they are left out (a copy only when there are any).
      const plain = sieveOf()!.irregular.test(text) ? text.replace(a.invisible, '') : text;
      yes = anyKeyAt(plain, a.keys, trie, (first, start, end) => {
        if (!mayBreakAt(plain, start) || !mayBreakAt(plain, end)) return false;
        names.length = 0;
        let full = false;
        // Whether the key names one entity only (else the hit is ambiguous, and decided).
        let alone = true;
        for (let k = first; ; k++) {
          const flags = intAt(F.flags, k);
          if (capsMatch(plain, start, end, k)) {
            if (flags & FORM_FULL) full = true;
            for (const e of formEntities(k)) {
              if (lenient) {
                if (wanted(e)) return true;
                continue;
              }
              maybeOn.add(e);
              if (names.length && names[0] !== e) alone = false;
              names.push(e, flags & FORM_AMBIGUOUS);
            }
          }
          if (!(flags & FORM_NEXT_SAME)) break;
        }
        for (let i = 0; i < names.length; i += 2) {
          const e = names[i]!;
          if (!wanted(e)) continue;
          if (!names[i + 1]) {
            // An unambiguous name is marked, but a bare surname (not distinctive, no title before
            // it) only where the page names the person in full: that name is a yes of its own.
            if (full || distinctive.has(e) || titleBefore(plain, start)) return true;
            if (alone) continue;
          }
          if ((byEntity ??= new Map(disambiguation.map((d) => [d.entity, d]))).has(e)) pending.add(e);
        }
        return false;
      });
      // Kept for the cue words, read only if a name needs them (most pages have none).
      if (!yes && !lenient && kept !== null) {
        keptChars += plain.length;
        if (keptChars > PROBE_KEPT_MAX) kept = null;
        else kept.push(plain);
      }
      return yes;
    };
    const couldAnyWin = (): boolean => {
      for (const e of pending) if (couldWin(byEntity!.get(e)!, e, maybeOn, cues)) return true;
      return false;
    };
    const decided = (): boolean => {
      if (yes) return true;
      if (!pending.size) return false;
      // Cue words are read only when the entities that may be on the page are not enough.
      if (kept === null || couldAnyWin()) return true;
      for (const plain of kept)
        keysWhere(
          plain,
          cueTrie,
          (i) => mayBreakAt(plain, i),
          (cue, _start, end) => {
            // A stem counts with any ending here: the probe reads leniently.
            if (mayBreakAt(plain, end) || cueStems[cue] === '1') cues.add(cue);
          },
        );
      kept = [];
      return couldAnyWin();
    };
    return { add, decided };
  };

  const mayName = (text: string, wanted: (entity: number) => boolean): boolean => nameProbe(wanted, true).add(text);

  /** A test for texts that may hold one of `cues` (a word start at one's first letters, or an invisible character); null without the sieves. */
  const mayHold = (cues: ReadonlySet<number>): ((text: string) => boolean) | null => {
    const cs = compiled.cueSieve;
    const irregular = sieveOf()?.irregular;
    if (!cs || !irregular) return null;
    if (cues.size === 0) return () => false;
    const parts: string[] = [];
    for (const c of cues) {
      const p = cs.prefixes[c];
      if (!p?.length) return null;
      parts.push(p.map((k) => cs.classes[k]).join(''));
    }
    try {
      const re = new RegExp(`${cs.before}(?:${parts.join('|')})`);
      return (text) => irregular.test(text) || re.test(text);
    } catch {
      return null;
    }
  };

  const createEvidence = (): Evidence => new PageEvidence(disambiguation, (text, found) => scanWords(text, cueScan(text, found)), mayHold);

  // Names and cue words in one read of the text.
  const scanBlock = (text: string, evidence: Evidence): Hit[] => {
    const hits: Hit[] = [];
    const ev = evidence as PageEvidence;
    scanWords(
      text,
      nameScan(text, hits),
      cueScan(text, (c) => ev.addCue(c)),
    );
    return markContinued(text, hits);
  };

  const resolve = (hit: Hit, evidence: Evidence): number => {
    // A bare surname counts where the page names the person in full: plainly, or in a name its context decided.
    if (!hit.ambiguous && hit.surname) return (evidence as PageEvidence).present().has(hit.candidates[0]!) ? hit.candidates[0]! : -1;
    if (!hit.ambiguous) return hit.candidates[0] ?? -1;
    if (hit.continued) return -1;
    return decide(hit, evidence as PageEvidence);
  };

  const findMentions = (text: string, opts?: { title?: string; markWorldEverywhere?: boolean }): Mention[] => {
    const ev = createEvidence();
    if (opts?.title) ev.addHits(scanBlock(opts.title, ev));
    const hits = scanBlock(text, ev);
    ev.addHits(hits);
    const out: Mention[] = [];
    let region = false;
    for (const h of hits) {
      const e = resolve(h, ev);
      if (e < 0) continue;
      const ent = table.at(e)!;
      out.push({ start: h.start, end: h.end, text: text.slice(h.start, h.end), entity: ent.id, name: ent.name, type: ent.type });
      if (ent.scope !== 'world') region = true;
    }
    // As on a page: world-level names only beside a name of the region.
    if (opts?.markWorldEverywhere || region) return out;
    return [];
  };

  return {
    get entities() {
      return table.list();
    },
    ids: compiled.ids,
    entity: (i) => table.at(i),
    scan,
    scanBlock,
    createEvidence,
    resolve,
    findMentions,
    mayName,
    nameProbe: (wanted) => nameProbe(wanted),
  };
}
