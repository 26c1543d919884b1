/**
 * One active run of the content script in a frame: the scanner, the painter, the
 * pointer/keyboard listeners, the mutation watcher and their timers. `stop()` removes
 * everything it placed (listeners, highlights, timers); a new run starts from scratch.
 */
import { browser } from '../../shared/browser.ts';
import type { Settings } from '../../shared/settings.ts';
import type { PagePart } from '../../matcher/index.ts';
import type { CardController } from '../card/controller.tsx';
import { mentionAt } from '../input/hit-test.ts';
import { watchInteraction, type OpenedBy } from '../input/interaction.ts';
import type { Revealer } from '../input/navigate.ts';
import { Painter } from '../paint/highlight.ts';
import { visibleMentions } from '../scan/filters.ts';
import type { PageMention } from '../scan/mentions.ts';
import { Scanner, type MatcherSource } from '../scan/scanner.ts';
import { countSlice } from '../scan/slices.ts';
import { whenIdle, whenLoaded } from '../scan/slices.ts';
import { watchPage, type Watcher } from '../scan/watch.ts';
import { firstLook, frameWorthIt, isHtmlPage, SUBFRAME_IDLE_TIMEOUT_MS, TOP_IDLE_TIMEOUT_MS, TOP_LOAD_WAIT_MS } from './frame.ts';

/** Quiet time after a mutation before its rescan starts, ms. */
const MUTATION_DEBOUNCE_MS = 120;
/** Quiet time after a pass before reporting to the background, ms. */
const REPORT_DEBOUNCE_MS = 250;
/** How often a page that removed our highlights gets them back without pointer activity, ms. */
const RESTORE_EVERY_MS = 2000;

/** What a run needs from the content app around it. */
export interface RunContext {
  doc: Document;
  card: CardController;
  revealer: Revealer;
  settings(): Settings;
  /** Whether an entity may be marked (its pack is on). */
  known(id: string): boolean;
  /** The matchers to scan with (bundled and imported), loaded on first use. */
  matchers: MatcherSource;
  /**
   * Asks whether a text may name something of the region (the background answers: the
   * page probe), with the time answering took there; null when the page must be walked
   * whatever it names (imported packs are on). The answer is null when it could not tell.
   */
  prober(): ((text: string, page?: PagePart) => Promise<{ names: boolean; ms: number } | null>) | null;
  /** The scripts the names are written in (`SCRIPT_*` bits): a page in none of them is not read. */
  scripts(): number;
  /** A scan pass ended: fetch records for what it found. */
  onPassEnd(): void;
  /** Sends the page report to the background now. */
  report(): void;
  /** The extension context is gone (extension reloaded): tear the whole app down. */
  teardown(): void;
}

export class Run {
  private readonly ctl = new AbortController();
  readonly scanner: Scanner;
  readonly painter = new Painter();
  /** The mutation watcher: started with the first scan (what changes before it, the first pass reads). */
  private watcher: Watcher | null = null;
  visible: PageMention[] = [];
  visibleSet = new Set<PageMention>();
  /** The reader's pointer and key listeners and the restore timer: placed with the first mark (a page with none never gets them). */
  private interaction: ReturnType<typeof watchInteraction> | null = null;
  mutationTimer?: ReturnType<typeof setTimeout>;
  private reportTimer?: ReturnType<typeof setTimeout>;
  /** Waiting for the page to load (and, in a subframe, for an idle moment) before the first scan. */
  waitingStart = true;
  /** A first look found text worth reading (until then every scan looks first; see `firstLook`). */
  private worthReading = false;
  /** performance.now() when the first mark was painted (0: none yet). */
  firstMarkAt = 0;
  /** Time the background spent answering this frame's probe, ms (off the page's main thread). */
  probeElsewhereMs = 0;

  constructor(private readonly ctx: RunContext) {
    const { doc, card } = ctx;
    const win = doc.defaultView!;
    const signal = this.ctl.signal;
    card.unretire();
    const scanner = (this.scanner = new Scanner(
      doc,
      {
        onChange: () => this.repaint(false),
        onPassEnd: () => {
          this.repaint(true);
          ctx.onPassEnd();
          this.scheduleReport();
        },
        onShadowRoot: (sr) => this.watcher?.observe(sr),
        // World-level names are marked only beside a region name: a page whose text has none is not walked.
        prober: () => {
          const ask = this.asker();
          if (!ask) return null;
          return async (text, page) => {
            const r = await ask(text, page);
            if (!r) return null;
            this.probeElsewhereMs += r.ms;
            return r.names;
          };
        },
      },
      signal,
    ));
    scanner.setMatchers(ctx.matchers);
    const watch = (): Watcher =>
      watchPage(
        doc,
        {
          host: () => card.host,
          onNode: (n) => {
            if (frameWorthIt(win) && scanner.enqueue(n)) this.scheduleRescan();
          },
          onRoute: () => {
            card.close(false);
            ctx.revealer.clear();
            scanner.requestFull();
            this.scheduleRescan();
          },
        },
        signal,
      );
    // The top frame reads the page once it has loaded (so it never delays the load; a page
    // still waiting on slow resources gets read after a second anyway). A subframe waits
    // for an idle moment too: while the page around it is still loading, reading its size
    // or styles would force the parent's style and layout first.
    // Resolving inside the load event would run the first slice before the event ends: go
    // through an idle callback (a task of its own) in every frame.
    const isTop = win === win.top;
    const ready = whenLoaded(doc, TOP_LOAD_WAIT_MS).then(() => whenIdle(isTop ? TOP_IDLE_TIMEOUT_MS : SUBFRAME_IDLE_TIMEOUT_MS));
    void ready.then(() => {
      this.waitingStart = false;
      if (signal.aborted) return;
      // Mutations while the page loads cost it nothing of ours: the first pass reads what they made.
      const t0 = performance.now();
      this.watcher = watch();
      countSlice(scanner.stats, performance.now() - t0, 'boot');
      if (this.read()) void scanner.run();
      else this.scheduleReport();
    });
  }

  /** Opens cards through this input from now on (the keyboard's step). */
  setOpenedBy(by: OpenedBy): void {
    this.listen().setOpenedBy(by);
  }

  /**
   * The reader's pointer and key listeners, and a timer that gives the marks back to a page
   * that removed them: placed once there is something to point at, so a page without a mark
   * (most pages) never gets a listener of ours, nor pays for placing one.
   */
  private listen(): ReturnType<typeof watchInteraction> {
    if (this.interaction) return this.interaction;
    const { doc, card } = this.ctx;
    const signal = this.ctl.signal;
    const scanner = this.scanner;
    this.interaction = watchInteraction(
      {
        doc,
        card,
        settings: this.ctx.settings,
        hitTest: (x, y) => (signal.aborted ? null : mentionAt(doc, x, y, scanner.store, [...scanner.shadowRoots], (m) => this.visibleSet.has(m))),
        onActivity: () => {
          if (!browser.runtime?.id) return this.ctx.teardown();
          this.painter.ensure();
        },
      },
      signal,
    );
    const timer = setInterval(() => {
      if (doc.visibilityState === 'visible') this.painter.ensure();
    }, RESTORE_EVERY_MS);
    signal.addEventListener('abort', () => clearInterval(timer));
    return this.interaction;
  }

  /** Scanning, waiting to start, or a rescan queued. */
  get busy(): boolean {
    return this.scanner.busy || this.mutationTimer !== undefined || this.waitingStart;
  }

  /** Repaints the marks; `final`: the scan is complete, so an open card whose mention is gone closes. */
  repaint(final = true): void {
    if (this.ctl.signal.aborted) return;
    const { card } = this.ctx;
    const visible = visibleMentions(this.scanner.store.ordered(), this.ctx.settings(), this.ctx.known);
    this.visible = visible;
    this.visibleSet = new Set(visible);
    this.painter.paint(
      visible.map((m) => m.range),
      this.ctx.settings().highlightStyle,
      this.scanner.shadowRoots,
    );
    if (visible.length && !this.firstMarkAt) {
      this.firstMarkAt = performance.now();
      this.listen();
    }
    const open = card.mention;
    if (open && !this.visibleSet.has(open)) {
      // A rescan found the same mention again (e.g. after Undo): keep the card on it.
      const again = visible.find((v) => v.range.startContainer === open.range.startContainer && v.range.startOffset === open.range.startOffset);
      if (again) card.follow(again);
      else if (final) card.close(false);
    }
  }

  /** Whether a first look found the frame worth reading. */
  get reading(): boolean {
    return this.worthReading;
  }

  /**
   * Whether to read the frame: big enough, and (once, then remembered) a first look found
   * text in a script the names are written in. Until then nothing is loaded: an ad frame,
   * an empty shell or a page in another script costs a sample of its text.
   */
  private read(): boolean {
    const win = this.ctx.doc.defaultView;
    if (!win || !frameWorthIt(win)) return false;
    if (!this.worthReading) {
      // The first look is main-thread work of ours like any slice: it counts. A top page the
      // probe reads needs none: the probe's question tells a page in another script as well,
      // and loads nothing either.
      const t0 = performance.now();
      this.worthReading = win === win.top && this.asker() ? isHtmlPage(this.ctx.doc) : firstLook(this.ctx.doc, this.ctx.scripts());
      countSlice(this.scanner.stats, performance.now() - t0, 'look');
    }
    return this.worthReading;
  }

  /** The probe's question (the background answers), when full passes may be skipped: null when every page is walked. */
  private asker(): ReturnType<RunContext['prober']> {
    return this.ctx.settings().markWorldEverywhere ? null : this.ctx.prober();
  }

  /** Rescans with the current matchers. */
  rescan(): void {
    this.scanner.setMatchers(this.ctx.matchers);
    if (this.read()) void this.scanner.run();
  }

  /** Runs queued rescans after a short quiet time; a storm of mutations cannot postpone it forever. */
  private scheduleRescan(): void {
    if (this.ctl.signal.aborted || this.mutationTimer !== undefined) return;
    this.mutationTimer = setTimeout(() => {
      this.mutationTimer = undefined;
      void whenIdle().then(() => {
        if (!this.ctl.signal.aborted && this.read()) void this.scanner.run();
      });
    }, MUTATION_DEBOUNCE_MS);
  }

  /** Reports to the background after a quiet time. */
  scheduleReport(): void {
    if (this.ctl.signal.aborted) return;
    clearTimeout(this.reportTimer);
    this.reportTimer = setTimeout(this.ctx.report, REPORT_DEBOUNCE_MS);
  }

  /** Removes everything the run placed: listeners, observers, timers, highlights. */
  stop(): void {
    clearTimeout(this.mutationTimer);
    this.mutationTimer = undefined;
    clearTimeout(this.reportTimer);
    this.ctl.abort();
    this.painter.destroy();
  }
}
