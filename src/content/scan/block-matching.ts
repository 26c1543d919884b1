/**
 * Matching text blocks: runs every matcher on a block (a long block a chunk at a time),
 * feeds each matcher's Evidence, and keeps ambiguous hits until the end of the pass, when
 * all the evidence is in (cue words are read then, and only when a name needs them).
 * Mentions go to the scanner's store.
 */
import type { Evidence, Hit, Matcher } from '../../matcher/index.ts';
import { nodeAt, rangeOf, type TextBlock } from './blocks.ts';
import { isRendered } from './skip.ts';
import type { MentionStore, PageMention } from './mentions.ts';

/** Characters the matcher reads in one step of a long block. */
export const SCAN_CHUNK = 8_192;
/** Context read before a chunk, for word boundaries. */
const CHUNK_LEAD = 64;
/** Text read past a chunk, so a name starting in it is seen whole (longer than any alias). */
const CHUNK_TAIL = 512;

/**
 * Text kept per matcher for its cue words, characters: cue words only decide ambiguous
 * names, so they are read at the end of a pass that has one (most pages have none), from
 * the text kept here. Past this much, a block's cue words are read with its names: a news
 * page's text fits, and a huge page keeps little (keeping all 480,000 characters of a page of
 * 200,000 text nodes made its reading slices two thirds longer, from the collector's work).
 */
const MAX_UNREAD_CHARS = 65_536;
/** Kept text one step of that late read takes, characters. */
const CUE_STEP_CHARS = 16_384;

/** A matcher with the evidence of the current page. */
interface MatcherSlot {
  matcher: Matcher;
  evidence: Evidence;
  /** Text whose cue words are not read yet (see MAX_UNREAD_CHARS), and its length. */
  unread: string[];
  unreadChars: number;
  /** This pass's cue reading: the kept texts left to check, which of them to read, and those kept again. */
  checking?: { texts: string[]; filter: ((text: string) => boolean) | null; kept: string[]; keptChars: number };
  /** Its cue words were read in this pass. */
  cuesRead?: boolean;
}

/** An ambiguous hit kept until the end of the pass, when all the evidence is in. */
interface PendingHit {
  block: TextBlock;
  hit: Hit;
  slot: MatcherSlot;
}

/** The names of a text; its cue words are kept for later or, past the limit, read now. */
function scanNames(slot: MatcherSlot, text: string): Hit[] {
  if (slot.unreadChars + text.length > MAX_UNREAD_CHARS) return slot.matcher.scanBlock(text, slot.evidence);
  slot.unread.push(text);
  slot.unreadChars += text.length;
  return slot.matcher.scan(text);
}

export class BlockMatching {
  private slots: MatcherSlot[] = [];
  private pending: PendingHit[] = [];

  constructor(
    private readonly store: MentionStore,
    /** A mention was added. */
    private readonly onChange: () => void,
  ) {}

  /** A new full pass: fresh evidence per matcher, fed with the page title first. */
  start(matchers: readonly Matcher[], title: string): void {
    this.pending = [];
    this.slots = matchers.map((matcher) => ({ matcher, evidence: matcher.createEvidence(), unread: [], unreadChars: 0 }));
    if (!title) return;
    for (const s of this.slots) s.evidence.addHits(scanNames(s, title));
  }

  /** Whether an ambiguous name waits for cue words not read yet (then `readCues` until false, before `resolvePending`). */
  needsCues(): boolean {
    return this.pending.some((p) => p.slot.unreadChars > 0 && p.slot.evidence.needsCues(p.hit));
  }

  /**
   * Reads the cue words of some kept text; false when this pass's reading is done. Only the
   * texts that may hold a cue word an ambiguous name needs are read (`Evidence.cueFilter`,
   * a native test); the others are kept for a later pass whose names need other cue words.
   */
  readCues(): boolean {
    const slot = this.slots.find((s) => !s.cuesRead && s.unreadChars > 0);
    if (!slot) return false;
    if (!slot.checking) {
      // The kept texts are checked in this pass's reading, and those not read are kept again.
      slot.checking = { texts: slot.unread, filter: slot.evidence.cueFilter(), kept: [], keptChars: 0 };
      slot.unread = [];
    }
    const c = slot.checking;
    let read = 0;
    while (read < CUE_STEP_CHARS && c.texts.length) {
      const text = c.texts.pop()!;
      if (!c.filter || c.filter(text)) {
        slot.evidence.addText(text);
        read += text.length;
      } else {
        c.kept.push(text);
        c.keptChars += text.length;
        // The test runs in native code: a step tests many more characters than it reads.
        read += text.length >> 3;
      }
    }
    if (!c.texts.length) {
      slot.unread = c.kept;
      slot.unreadChars = c.keptChars;
      slot.checking = undefined;
      slot.cuesRead = true;
    }
    return this.slots.some((s) => !s.cuesRead && s.unreadChars > 0);
  }

  /** Forgets the ambiguous hits inside `roots` (they are read again). */
  dropPendingIn(roots: readonly Node[]): void {
    this.pending = this.pending.filter((p) => p.block.nodes[0]!.isConnected && !roots.some((r) => r.contains(p.block.nodes[0]!)));
  }

  /**
   * Runs every matcher on a block (or, for a long one, on the chunk starting at `from`);
   * unambiguous hits become mentions at once. Returns where the next chunk starts, or -1
   * when the block is done.
   */
  scan(block: TextBlock, from = 0): number {
    const len = block.text.length;
    const whole = from === 0 && len <= SCAN_CHUNK + CHUNK_TAIL;
    const end = whole ? len : Math.min(len, from + SCAN_CHUNK);
    // A chunk is read with some text before it (word boundaries) and after it (a name
    // starting in the chunk ends inside the window); only names starting in it count.
    const winStart = whole ? 0 : Math.max(0, from - CHUNK_LEAD);
    const text = whole ? block.text : block.text.slice(winStart, Math.min(len, end + CHUNK_TAIL));
    let claimed: Hit[] | null = null;
    for (const slot of this.slots) {
      let hits = scanNames(slot, text);
      if (!whole) {
        hits = hits.filter((h) => h.start + winStart >= from && h.start + winStart < end).map((h) => ({ ...h, start: h.start + winStart, end: h.end + winStart }));
      }
      if (!hits.length) continue;
      // Names in text that is not rendered (display:none) are not marked; asked per name, not per element.
      hits = hits.filter((h) => isRendered(block.nodes[nodeAt(block, h.start)]!));
      if (!hits.length) continue;
      // Imported packs never override a bundled name on the same words.
      if (claimed) hits = hits.filter((h) => !claimed!.some((c) => h.start < c.end && c.start < h.end));
      slot.evidence.addHits(hits);
      claimed = claimed ? claimed.concat(hits) : hits;
      for (const hit of hits) {
        if (hit.ambiguous || hit.surname) this.pending.push({ block, hit, slot });
        else this.addMention(block, hit, slot.matcher.resolve(hit, slot.evidence), slot);
      }
    }
    return end >= len ? -1 : end;
  }

  private addMention(block: TextBlock, hit: Hit, entity: number, slot: MatcherSlot): void {
    const e = slot.matcher.entity(entity);
    if (!e) return;
    const range = rangeOf(block, hit.start, hit.end);
    const first = block.starts.findIndex((s, i) => s + block.nodes[i]!.length > hit.start);
    const nodes = block.nodes.filter((n, i) => i >= first && block.starts[i]! < hit.end);
    const m: PageMention = { range, entity: e, nodes, text: block.text.slice(hit.start, hit.end) };
    if (block.reader !== undefined && block.index !== undefined) m.order = { reader: block.reader, block: block.index, start: hit.start };
    if (this.store.add(m)) this.onChange();
  }

  /** Resolves the ambiguous hits kept during the pass. */
  resolvePending(): void {
    const pending = this.pending;
    this.pending = [];
    for (const s of this.slots) s.cuesRead = false;
    for (const p of pending) {
      if (!p.block.nodes.every((n) => n.isConnected)) continue;
      const e = p.slot.matcher.resolve(p.hit, p.slot.evidence);
      if (e >= 0) this.addMention(p.block, p.hit, e, p.slot);
    }
  }
}
