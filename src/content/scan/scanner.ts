/**
 * The scan: walks the page's text blocks in time slices (the article or the visible part first), runs
 * the matchers on each block, feeds one Evidence per matcher with every block and the
 * title, and resolves ambiguous names at the end of each pass. Mutation rescans go
 * through the same queue (bounded: on overflow, one full rescan instead).
 */
import type { Matcher } from '../../matcher/index.ts';
import { BlockMatching } from './block-matching.ts';
import { BlockReader, type TextBlock } from './blocks.ts';
import { MentionStore } from './mentions.ts';
import { probe, type Ask } from './probe.ts';
import { blockRoot, firstRoot } from './roots.ts';
import { canHostShadow, composedParent, isInsideSkipped } from './skip.ts';
import { countSlice, runSliced, type SliceStats } from './slices.ts';

/** More queued subtrees than this and a full rescan is cheaper and safer. */
export const MAX_QUEUE = 300;

/** Shortest time between two repaints during a pass, ms (the first marks show at once). */
const REPAINT_EVERY_MS = 250;

/** Work counters (diagnostics). */
export interface ScanStats extends SliceStats {
  textNodes: number;
  textChars: number;
  passes: number;
  /** performance.now() at the start of the first pass and the end of the last one. */
  firstStart: number;
  lastEnd: number;
  /** Making the matchers ready in this frame (decoding the automaton, compiling imported packs), ms; part of busyMs. */
  setupMs: number;
}

/** Where a full pass gets its matchers, and what making them ready cost in this frame (ms). */
export type MatcherSource = () => Promise<{ matchers: Matcher[]; setupMs: number }>;

export interface ScannerHooks {
  /** New mentions were added or some removed (repaint). */
  onChange(): void;
  /** A pass finished: repaint (what changed since the last `onChange` is not told apart), report, fetch records. */
  onPassEnd(): void;
  /** An open shadow root was found (observe it). */
  onShadowRoot(root: ShadowRoot): void;
  /**
   * Whether a text may name what a pass is for (probe.ts), when a page may be skipped: a page
   * whose text names none of it is not walked, and its matchers are not made ready. Null:
   * walk every page (world-level names are marked everywhere, or imported packs are on).
   */
  prober(): Ask | null;
}

export class Scanner {
  readonly store = new MentionStore();
  readonly shadowRoots = new Set<ShadowRoot>();
  readonly stats: ScanStats = { busyMs: 0, maxSliceMs: 0, textNodes: 0, textChars: 0, passes: 0, firstStart: 0, lastEnd: 0, setupMs: 0 };
  private getMatchers: MatcherSource = () => Promise.resolve({ matchers: [], setupMs: 0 });
  private matchers: Matcher[] | null = null;
  private readonly matching = new BlockMatching(this.store, () => {
    this.changed = true;
  });
  private readonly queue = new Set<Node>();
  private full = true;
  private running: Promise<void> | null = null;
  private changed = false;
  /** When the marks were last repainted during a pass (performance.now()). */
  private lastPaint = -Infinity;
  /** run() was called at least once (a page without text waits for its first mutation). */
  private kicked = false;
  /** The last full pass was skipped: the probe found no name it was for in the page's text. */
  skipped = false;

  constructor(
    private readonly doc: Document,
    private readonly hooks: ScannerHooks,
    private readonly signal: AbortSignal,
  ) {}

  /** Whether work is queued or running. */
  get busy(): boolean {
    return this.running !== null || (this.kicked && (this.full || this.queue.size > 0));
  }

  /**
   * Sets where the matchers come from (bundled first, then imported packs) and forgets
   * everything found. They are made ready before the next full pass, so a frame that is
   * never read never loads them.
   */
  setMatchers(get: MatcherSource): void {
    this.getMatchers = get;
    this.matchers = null;
    this.requestFull();
  }

  /** Queues a full rescan with fresh evidence (first scan, route change, queue overflow). */
  requestFull(): void {
    this.full = true;
    this.queue.clear();
  }

  /**
   * Queues the block around a changed node (cheap: the skip-list check waits until the
   * rescan, so a storm of edits in an editor costs next to nothing); false when ignored.
   */
  enqueue(node: Node): boolean {
    if (this.full) return true;
    const root = blockRoot(node);
    if (!root) return false;
    if (this.queue.has(root)) return true;
    if (this.queue.size >= MAX_QUEUE) {
      this.requestFull();
      return true;
    }
    this.queue.add(root);
    return true;
  }

  /** Runs the queued work (if not already running); resolves when the queue is empty. */
  run(): Promise<void> {
    this.kicked = true;
    this.running ??= this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async loop(): Promise<void> {
    while ((this.full || this.queue.size) && !this.signal.aborted) {
      if (!this.stats.firstStart) this.stats.firstStart = performance.now();
      // A page that names nothing the pass is for is not walked (and nothing is loaded for it);
      // on a page skipped so, a change is asked about the same way before anything is read.
      const ask = this.full || this.skipped ? this.hooks.prober() : null;
      if (ask) {
        const wholePage = this.full;
        const names = await probe(this.doc, ask, this.stats, this.signal, wholePage ? undefined : this.takeQueue());
        if (this.signal.aborted) return;
        if (!names) {
          this.skip(wholePage);
          continue;
        }
        if (!wholePage) this.requestFull();
      } else if (this.skipped) this.requestFull();
      // The first full pass gets the matchers ready first.
      if (this.full && !this.matchers && !(await this.ready())) continue;
      // Starting a pass is a slice of its own.
      const t = performance.now();
      const roots = this.full ? this.startFull() : this.startPartial();
      countSlice(this.stats, performance.now() - t, 'start');
      // Only skipped regions changed (typing in an editor): nothing to read, nothing to report.
      if (!roots.length && !this.changed) continue;
      await this.pass(roots);
      if (this.signal.aborted) return;
      // Cue words, for ambiguous names only: read from the kept text, sliced.
      if (this.matching.needsCues()) await runSliced(() => this.matching.readCues(), this.stats, this.signal, undefined, 'cues');
      if (this.signal.aborted) return;
      this.endPass();
    }
  }

  /** The end of a pass, one more slice (its time counted): ambiguous names decided, then onPassEnd. */
  private endPass(): void {
    const t0 = performance.now();
    this.matching.resolvePending();
    this.stats.passes++;
    // The end of a pass repaints whatever changed (onPassEnd): no repaint of its own before it.
    this.changed = false;
    this.hooks.onPassEnd();
    const t1 = performance.now();
    countSlice(this.stats, t1 - t0, 'end');
    this.stats.lastEnd = t1;
  }

  /**
   * Gets the matchers (loading the stored automaton on first use); the main-thread time that
   * took here counts as a slice. False when aborted or when `setMatchers` replaced them meanwhile.
   */
  private async ready(): Promise<boolean> {
    const get = this.getMatchers;
    const got = await get().catch(() => ({ matchers: [], setupMs: 0 }));
    if (this.signal.aborted || this.getMatchers !== get) return false;
    countSlice(this.stats, got.setupMs, 'setup');
    this.stats.setupMs += got.setupMs;
    this.matchers = got.matchers;
    return true;
  }

  /**
   * Ends a pass the probe skipped (the whole page, or the changes on a skipped page): nothing
   * is read or found (no name waits to be decided: every pass ends deciding them all).
   */
  private skip(wholePage: boolean): void {
    if (wholePage) {
      this.full = false;
      this.queue.clear();
      this.store.clear();
      this.skipped = true;
    }
    this.endPass();
  }

  /** The queued roots, outermost only (a root inside another queued root is read with it), still in the page and not in a skipped region. */
  private takeQueue(): Node[] {
    const queued = [...this.queue];
    this.queue.clear();
    const set = new Set(queued);
    return queued.filter((r) => {
      for (let p = composedParent(r); p; p = composedParent(p)) if (set.has(p)) return false;
      return r.isConnected && !isInsideSkipped(r);
    });
  }

  private startFull(): Node[] {
    this.full = false;
    this.skipped = false;
    this.queue.clear();
    this.store.clear();
    this.changed = true;
    this.matching.start(this.matchers ?? [], this.doc.title);
    const first = firstRoot(this.doc);
    const roots: Node[] = first ? [first, this.doc] : [this.doc];
    for (const sr of this.shadowRoots) if (sr.host.isConnected) roots.push(sr);
    return roots;
  }

  private startPartial(): Node[] {
    const roots = this.takeQueue();
    if (this.store.prune() + this.store.removeWithin(roots) > 0) this.changed = true;
    this.matching.dropPendingIn(roots);
    return roots;
  }

  /** Reads every root (roots may grow while reading: shadow roots found on the way). */
  private async pass(roots: Node[]): Promise<void> {
    // Element roots already read (the article, read first): compared by identity, since a
    // Set would give every element of the page an identity hash just to be asked.
    const seen: Node[] = [];
    const known = new Set(roots);
    for (let i = 0; i < roots.length && !this.signal.aborted; i++) {
      const root = roots[i]!;
      const reader = new BlockReader(root, (el, name) => {
        for (let k = 0; k < seen.length; k++) if (seen[k] === el) return true;
        if (!canHostShadow(name)) return false;
        const sr = el.shadowRoot;
        if (sr && !known.has(sr)) {
          known.add(sr);
          roots.push(sr);
          if (!this.shadowRoots.has(sr)) {
            this.shadowRoots.add(sr);
            this.hooks.onShadowRoot(sr);
          }
        }
        return false;
      });
      let nodes = 0;
      let chars = 0;
      // A long block (one huge text node) is read a chunk per step.
      let current: TextBlock | null = null;
      let from = 0;
      await runSliced(
        () => {
          if (!current) {
            current = reader.next();
            this.stats.textNodes += reader.textNodes - nodes;
            this.stats.textChars += reader.textChars - chars;
            nodes = reader.textNodes;
            chars = reader.textChars;
            if (!current) return false;
            from = 0;
          }
          from = this.matching.scan(current, from);
          if (from < 0) current = null;
          return true;
        },
        this.stats,
        this.signal,
        { due: () => this.changed && performance.now() - this.lastPaint >= REPAINT_EVERY_MS, run: () => this.flush() },
      );
      // Only the document, read later in a full pass, holds an element root read before it (queued roots are disjoint).
      if (root.nodeType === Node.ELEMENT_NODE && roots.indexOf(this.doc, i + 1) > 0) seen.push(root);
    }
  }

  /**
   * Repaints what changed: at the end of a pass, and during one at most every
   * `REPAINT_EVERY_MS` in a slice of its own (a repaint re-registers every mark, so on a
   * page with thousands of names repainting inside the reading slices would make them long).
   */
  private flush(): void {
    if (!this.changed) return;
    this.changed = false;
    this.lastPaint = performance.now();
    this.hooks.onChange();
  }
}
