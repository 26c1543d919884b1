/** Whether a frame is worth reading, and how long its first scan waits. */
import { ALL_SCRIPTS as EVERY_SCRIPT, scriptPattern } from '../../matcher/index.ts';

/** Longest the first scan waits for the page's `load` event, ms. */
export const TOP_LOAD_WAIT_MS = 1000;

/** Longest the top frame waits for an idle moment after the load, ms. */
export const TOP_IDLE_TIMEOUT_MS = 200;

/** Longest a subframe waits for an idle moment before its first scan, ms. */
export const SUBFRAME_IDLE_TIMEOUT_MS = 1500;

/** Frames smaller than this (tracking pixels, hidden ad slots) are not scanned, px. */
const MIN_FRAME = { width: 80, height: 40 };

/** The cheap gate for a frame: a top page always, a subframe only if it is big enough to read. */
export function frameWorthIt(win: Window): boolean {
  return win === win.top || (win.innerWidth >= MIN_FRAME.width && win.innerHeight >= MIN_FRAME.height);
}

/** Non-blank characters a subframe must show before it is read (ads, trackers, tiny embeds are not). */
export const MIN_FRAME_TEXT = 200;
/** Characters of non-blank text nodes the first look samples at most. */
const SAMPLE_CHARS = 3000;
/** Text nodes the first look visits at most. */
const SAMPLE_NODES = 2000;
/** Characters sampled between two counts of the names' letters (a page in their script is told at the first). */
const COUNT_EVERY = 600;
/** Share of the sampled letters that must be in a script the names are written in. */
const MIN_SCRIPT_SHARE = 0.2;
/** Letters of those scripts that are enough whatever their share (an English block on a Chinese page). */
const ENOUGH_LETTERS = 200;
/** Every script: imported packs may name things in any. */
export const ALL_SCRIPTS = EVERY_SCRIPT;
/** Elements whose text is never read. */
const UNREAD = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
const NOT_BLANK = /\S/;
const NON_BLANK_CHAR = /\S/g;
const ANY_LETTER = scriptPattern(EVERY_SCRIPT)!;
/** The pattern of the names' letters, for the last `scripts` asked. */
let ours: { scripts: number; re: RegExp | null } = { scripts: -1, re: null };

/** How many characters of `s` the global pattern `re` matches (counted in the regular expression engine). */
function count(s: string, re: RegExp | null): number {
  return re ? s.length - s.replace(re, '').length : 0;
}

/** An HTML document with a body (not an SVG or XML document, nor a frameset). */
export function isHtmlPage(doc: Document): boolean {
  return doc.documentElement instanceof HTMLElement && Boolean(doc.body);
}

/**
 * The first look at a frame, before anything is loaded: an HTML document with text worth
 * reading (any in the top frame, a few hundred characters in a subframe) in a script the
 * names are written in (`scripts`, `SCRIPT_*` bits). Samples the first text nodes only,
 * and counts letters with regular expressions over the sample (a loop over its characters
 * here would run cold, at a fraction of the speed).
 */
export function firstLook(doc: Document, scripts: number, isTop = doc.defaultView === doc.defaultView?.top): boolean {
  if (!isHtmlPage(doc)) return false;
  if (ours.scripts !== scripts) ours = { scripts, re: scriptPattern(scripts) };
  const re = ours.re;
  const w = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  // The sample so far, how much of it is counted, and the names' letters in that part.
  let text = '';
  let counted = 0;
  let ourLetters = 0;
  let nodes = 0;
  for (let n = w.nextNode(); n && nodes < SAMPLE_NODES && text.length < SAMPLE_CHARS; n = w.nextNode(), nodes++) {
    const data = (n as Text).data;
    if (!NOT_BLANK.test(data) || UNREAD.has(n.parentNode?.nodeName ?? '')) continue;
    // A text node may hold megabytes: only the sample's share of it is counted.
    text += data.length > SAMPLE_CHARS - text.length ? data.slice(0, SAMPLE_CHARS - text.length) : data;
    if (text.length - counted < COUNT_EVERY) continue;
    ourLetters += count(text.slice(counted), re);
    counted = text.length;
    // Enough letters in the names' scripts: the rest of the sample cannot change the answer.
    if (ourLetters >= ENOUGH_LETTERS) return true;
  }
  ourLetters += count(text.slice(counted), re);
  if (ourLetters >= ENOUGH_LETTERS) return true;
  if (count(text, NON_BLANK_CHAR) < (isTop ? 1 : MIN_FRAME_TEXT)) return false;
  return ourLetters > 0 && ourLetters >= count(text, ANY_LETTER) * MIN_SCRIPT_SHARE;
}
