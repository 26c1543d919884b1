/** Whether a frame is worth reading, and how long its first scan waits. */
import { ALL_SCRIPTS as EVERY_SCRIPT, letterScript } from '../../matcher/index.ts';

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
/** Letters the first look samples at most. */
const SAMPLE_LETTERS = 2000;
/** Text nodes the first look visits at most. */
const SAMPLE_NODES = 2000;
/** Share of the sampled letters that must be in a script the names are written in. */
const MIN_SCRIPT_SHARE = 0.2;
/** Letters of those scripts that are enough whatever their share (an English block on a Chinese page). */
const ENOUGH_LETTERS = 200;
/** Every script: imported packs may name things in any. */
export const ALL_SCRIPTS = EVERY_SCRIPT;
/** Elements whose text is never read. */
const UNREAD = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * The first look at a frame, before anything is loaded: an HTML document with text worth
 * reading (any in the top frame, a few hundred characters in a subframe) in a script the
 * names are written in (`scripts`, `SCRIPT_*` bits). Samples the first text nodes only.
 */
export function firstLook(doc: Document, scripts: number, isTop = doc.defaultView === doc.defaultView?.top): boolean {
  if (!(doc.documentElement instanceof HTMLElement) || !doc.body) return false;
  const w = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  let chars = 0;
  let letters = 0;
  let ours = 0;
  let nodes = 0;
  for (let n = w.nextNode(); n && nodes < SAMPLE_NODES && letters < SAMPLE_LETTERS; n = w.nextNode(), nodes++) {
    if (UNREAD.has(n.parentNode?.nodeName ?? '')) continue;
    const data = (n as Text).data;
    for (let i = 0; i < data.length && letters < SAMPLE_LETTERS; i++) {
      const c = data.charCodeAt(i);
      if (c > 0x20 && c !== 0xa0) chars++;
      const bit = letterScript(c);
      if (!bit) continue;
      letters++;
      // Enough letters in the names' scripts: the rest of the sample cannot change the answer.
      if (bit & scripts && ++ours >= ENOUGH_LETTERS) return true;
    }
  }
  if (chars < (isTop ? 1 : MIN_FRAME_TEXT)) return false;
  return ours >= ENOUGH_LETTERS || (ours > 0 && ours >= letters * MIN_SCRIPT_SHARE);
}
