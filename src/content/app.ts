/**
 * The content script of one frame: reads the settings, decides whether to work here
 * (the cheap gate), and while active owns the scanner, the painter, the card, the
 * pointer/keyboard listeners and the mutation watcher. Settings, site switches and
 * imported packs apply live; switching off removes everything we placed.
 * Diagnostics, step and reveal are answered in every frame, active or not.
 */
import { compiledEntityIds, compileMatcher, createMatcherIncremental, type MatcherBuilder } from '../matcher/index.ts';
import type { CompiledMatcher } from '../matcher/index.ts';
import type { Entity, Pack } from '../facts/types.ts';
import { browser } from '../shared/browser.ts';
import { handle, sendToBackground } from '../shared/messaging.ts';
import type { ContentToBackground, Diagnostics, PageReport, ToContent } from '../shared/messages.ts';
import { DEFAULT_SETTINGS, loadDisabledSites, loadSettings, setSiteEnabled, siteKey, watchSettings, type Settings } from '../shared/settings.ts';
import { loadUserPacks, watchUserPacks } from '../shared/user-packs.ts';
import { CardController } from './card/controller.tsx';
import { Painter, highlightsSupported } from './highlight.ts';
import { entitiesOnPage, pageVerdict, visibleMentions } from './filters.ts';
import { mentionAt } from './hit-test.ts';
import { cardTiming, watchInteraction, type OpenedBy } from './interaction.ts';
import type { PageMention } from './mentions.ts';
import { Revealer, scrollToMention, stepIndex } from './navigate.ts';
import { Scanner } from './scanner.ts';
import { sharedMatcher } from './shared-matcher.ts';
import { whenIdle, whenLoaded } from './slices.ts';
import { uiLang } from './strings.ts';
import { watchPage, type Watcher } from './watch.ts';

/** Quiet time after a mutation before its rescan starts, ms. */
const MUTATION_DEBOUNCE_MS = 120;
/** Quiet time after a pass before reporting to the background, ms. */
const REPORT_DEBOUNCE_MS = 250;
/** How often a page that removed our highlights gets them back without pointer activity, ms. */
const RESTORE_EVERY_MS = 2000;

/**
 * A page worth scanning: an HTML document with some non-blank text. Looks at a few
 * hundred text nodes at most: a page with more than that is assumed to have text.
 */
function pageHasText(doc: Document): boolean {
  if (!(doc.documentElement instanceof HTMLElement) || !doc.body) return false;
  const w = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  let n = w.nextNode();
  for (let i = 0; n && i < 256; n = w.nextNode(), i++) if (/\S/.test((n as Text).data)) return true;
  return n !== null;
}

/** Longest the first scan waits for the page's `load` event, ms. */
const TOP_LOAD_WAIT_MS = 1000;

/** Longest the top frame waits for an idle moment after the load, ms. */
const TOP_IDLE_TIMEOUT_MS = 200;

/** Longest a subframe waits for an idle moment before its first scan, ms. */
const SUBFRAME_IDLE_TIMEOUT_MS = 1500;

/** Frames smaller than this (tracking pixels, hidden ad slots) are not scanned, px. */
const MIN_FRAME = { width: 80, height: 40 };

/** Runs the content script in `doc`; returns the teardown. */
export function startContent(doc: Document, loadCompiled: () => Promise<CompiledMatcher>): () => void {
  const win = doc.defaultView!;
  const isTop = win === win.top;
  /** The cheap gate for a frame: a top page always, a subframe only if it is big enough to read. */
  const frameWorthIt = (): boolean => isTop || (win.innerWidth >= MIN_FRAME.width && win.innerHeight >= MIN_FRAME.height);
  const life = new AbortController();
  // The bundled matcher is not in this script (content.js stays small whatever the pack's
  // size): it is read from extension storage, or asked of the background (bundled-matcher.ts).
  // Hydrated on first use: frames without text (ads, trackers) never pay for the tries.
  let compiled: CompiledMatcher | null = null;
  let bundled: (() => MatcherBuilder) | null = null;
  // Built on first use (not at start-up, which runs while the page may still be loading).
  let bundledIdSet: Set<string> | null = null;
  const bundledIds = (): Set<string> => (bundledIdSet ??= new Set(compiled ? compiledEntityIds(compiled) : []));

  let settings: Settings = { ...DEFAULT_SETTINGS };
  let disabledSites: string[] = [];
  let userPacks: Pack[] = [];
  let decided = false;
  /** Full records for the card (null: the background has none, e.g. its pack is off). */
  let records = new Map<string, Entity | null>();
  let requested = new Set<string>();

  let run: {
    ctl: AbortController;
    scanner: Scanner;
    painter: Painter;
    watcher: Watcher;
    visible: PageMention[];
    visibleSet: Set<PageMention>;
    setOpenedBy(by: OpenedBy): void;
    mutationTimer?: ReturnType<typeof setTimeout>;
    reportTimer?: ReturnType<typeof setTimeout>;
    /** Waiting for the page to load (and, in a subframe, for an idle moment) before the first scan. */
    waitingStart?: boolean;
  } | null = null;
  const revealer = new Revealer();

  const card = new CardController(doc, {
    lang: uiLang(),
    record: (id) => records.get(id),
    openPanel: async (entityId) => {
      const r = await sendToBackground<ContentToBackground, 'backstory/open-panel'>('backstory/open-panel', { entityId });
      if (!r.ok) return r.error;
      return r.opened ? null : (r.hint ?? null);
    },
    siteKey: () => siteKey(win.location.href),
    setSiteEnabled: async (enabled) => {
      await setSiteEnabled(siteKey(win.location.href), enabled);
    },
    onChange: (m) => run?.painter.setActive(m ? m.range : null),
  });

  // ---- filters -------------------------------------------------------------------

  /** Bundled entities need the background's word when some bundled pack is switched off. */
  const needsConfirm = (): boolean => settings.disabledPacks.some((id) => !userPacks.some((p) => p.id === id));

  /** Whether an entity may be marked: its pack is on (the background knows it) or no bundled pack is off. */
  const known = (id: string): boolean => !needsConfirm() || !bundledIds().has(id) || Boolean(records.get(id));

  const isActive = (): boolean => settings.enabled && !disabledSites.includes(siteKey(win.location.href));

  // ---- painting, records, reports --------------------------------------------------

  /** Repaints the marks; `final`: the scan is complete, so an open card whose mention is gone closes. */
  const repaint = (final = true): void => {
    if (!run) return;
    const visible = visibleMentions(run.scanner.store.ordered(), settings, known);
    run.visible = visible;
    run.visibleSet = new Set(visible);
    run.painter.paint(
      visible.map((m) => m.range),
      settings.highlightStyle,
      run.scanner.shadowRoots,
    );
    const open = card.mention;
    if (open && !run.visibleSet.has(open)) {
      // A rescan found the same mention again (e.g. after Undo): keep the card on it.
      const again = visible.find((v) => v.range.startContainer === open.range.startContainer && v.range.startOffset === open.range.startOffset);
      if (again) card.follow(again);
      else if (final) card.close(false);
    }
  };

  const fetchRecords = (): void => {
    if (!run) return;
    const ids = [...new Set(run.scanner.store.ordered().map((m) => m.entity.id))].filter((id) => !requested.has(id));
    if (!ids.length) return;
    ids.forEach((id) => requested.add(id));
    const generation = records;
    void sendToBackground<ContentToBackground, 'backstory/entities'>('backstory/entities', { ids }).then((r) => {
      if (generation !== records) return;
      if (!r.ok) {
        ids.forEach((id) => requested.delete(id));
        return;
      }
      const got = new Map(r.entities.map((e) => [e.id, e]));
      for (const id of ids) records.set(id, got.get(id) ?? null);
      if (needsConfirm()) repaint();
      card.rerender();
    });
  };

  const pageReport = (): PageReport => {
    return {
      url: win.location.href,
      title: doc.title,
      status: diagnostics().status,
      entities: entitiesOnPage(run?.scanner.store.ordered() ?? [], known),
      marked: run?.visible.length ?? 0,
      active: run !== null,
    };
  };

  const report = (): void => {
    if (!isTop) return;
    void sendToBackground<ContentToBackground, 'backstory/report'>('backstory/report', { report: pageReport() });
  };

  const scheduleReport = (): void => {
    if (!run) return report();
    clearTimeout(run.reportTimer);
    run.reportTimer = setTimeout(report, REPORT_DEBOUNCE_MS);
  };

  // ---- start / stop -----------------------------------------------------------------

  const matchers = (): MatcherBuilder[] => {
    const disabled = new Set(settings.disabledPacks);
    const entities = userPacks.filter((p) => !disabled.has(p.id)).flatMap((p) => p.entities).filter((e) => !bundledIds().has(e.id));
    const own = bundled ? [bundled()] : [];
    if (!entities.length) return own;
    try {
      return [...own, createMatcherIncremental(compileMatcher(entities))];
    } catch {
      return own;
    }
  };

  /** Runs queued rescans after a short quiet time; a storm of mutations cannot postpone it forever. */
  const scheduleRescan = (): void => {
    if (!run || run.mutationTimer !== undefined) return;
    const r = run;
    r.mutationTimer = setTimeout(() => {
      r.mutationTimer = undefined;
      void whenIdle().then(() => {
        if (run === r) void r.scanner.run();
      });
    }, MUTATION_DEBOUNCE_MS);
  };

  const start = (): void => {
    if (run || !highlightsSupported()) return;
    const ctl = new AbortController();
    const signal = ctl.signal;
    card.unretire();
    const scanner = new Scanner(
      doc,
      {
        onChange: () => repaint(false),
        onPassEnd: () => {
          repaint(true);
          fetchRecords();
          scheduleReport();
        },
        onShadowRoot: (sr) => watcher.observe(sr),
      },
      signal,
    );
    const painter = new Painter();
    const watcher = watchPage(
      doc,
      {
        host: () => card.host,
        onNode: (n) => {
          if (frameWorthIt() && scanner.enqueue(n)) scheduleRescan();
        },
        onRoute: () => {
          card.close(false);
          revealer.clear();
          scanner.requestFull();
          scheduleRescan();
        },
      },
      signal,
    );
    const interaction = watchInteraction(
      {
        doc,
        card,
        settings: () => settings,
        hitTest: (x, y) => (run ? mentionAt(doc, x, y, scanner.store, [...scanner.shadowRoots], (m) => run!.visibleSet.has(m)) : null),
        onActivity: () => {
          if (!browser.runtime?.id) return teardown();
          painter.ensure();
        },
      },
      signal,
    );
    const timer = setInterval(() => {
      if (doc.visibilityState === 'visible') painter.ensure();
    }, RESTORE_EVERY_MS);
    signal.addEventListener('abort', () => clearInterval(timer));
    run = { ctl, scanner, painter, watcher, visible: [], visibleSet: new Set(), setOpenedBy: interaction.setOpenedBy };
    scanner.setMatchers(matchers);
    const r = run;
    // The top frame reads the page once it has loaded (so it never delays the load; a page
    // still waiting on slow resources gets read after a second anyway). A subframe waits
    // for an idle moment too: while the page around it is still loading, reading its size
    // or styles would force the parent's style and layout first.
    r.waitingStart = true;
    // Resolving inside the load event would run the first slice before the event ends: go
    // through an idle callback (a task of its own) in every frame.
    const ready = whenLoaded(doc, TOP_LOAD_WAIT_MS).then(() => whenIdle(isTop ? TOP_IDLE_TIMEOUT_MS : SUBFRAME_IDLE_TIMEOUT_MS));
    void ready.then(() => {
      r.waitingStart = false;
      if (run !== r) return;
      if (frameWorthIt() && pageHasText(doc)) void scanner.run();
      else scheduleReport();
    });
  };

  const stop = (): void => {
    if (!run) return;
    const r = run;
    run = null;
    clearTimeout(r.mutationTimer);
    clearTimeout(r.reportTimer);
    r.ctl.abort();
    r.painter.destroy();
    card.retire();
    report();
  };

  /** Applies the current settings: start, stop, or repaint. */
  const apply = (rescan: boolean): void => {
    if (!loaded) return;
    decided = true;
    if (!isActive()) return stop();
    if (!run) return start();
    if (rescan) {
      run.scanner.setMatchers(matchers);
      void run.scanner.run();
    } else repaint();
    scheduleReport();
  };

  // ---- diagnostics, step, reveal ---------------------------------------------------

  function diagnostics(): Diagnostics {
    const r = run;
    const s = r?.scanner.stats;
    const status = !decided ? 'idle' : r && (r.scanner.busy || r.mutationTimer !== undefined || r.waitingStart) ? 'scanning' : 'done';
    return {
      status,
      mentions: r?.visible.length ?? 0,
      entities: [...new Set(r?.visible.map((m) => m.entity.id) ?? [])],
      textNodes: s?.textNodes ?? 0,
      textChars: s?.textChars ?? 0,
      scanMs: s && s.lastEnd ? Math.round((s.lastEnd - s.firstStart) * 10) / 10 : 0,
      busyMs: s ? Math.round(s.busyMs * 10) / 10 : 0,
      maxSliceMs: s ? Math.round(s.maxSliceMs * 10) / 10 : 0,
      passes: s?.passes ?? 0,
      verdict: r ? pageVerdict(r.scanner.store.ordered(), known) : 'none',
      active: r !== null,
      highlights: r ? r.painter.registered() : {},
      url: win.location.href,
      card: card.state(),
      ...(cardTiming.lastMs !== undefined ? { lastCardMs: cardTiming.lastMs } : {}),
    };
  }

  const step = (direction: 1 | -1): { found: boolean } => {
    const list = run?.visible ?? [];
    const i = stepIndex(list, card.mention, direction, win.innerHeight);
    if (!run || i < 0) return { found: false };
    const m = list[i]!;
    scrollToMention(m);
    run.setOpenedBy('keyboard');
    card.open(m, { focus: true });
    return { found: true };
  };

  const reveal = (entityId: string): { found: boolean; index: number; total: number } => {
    const { mention, index, total } = revealer.next(run?.visible ?? [], entityId);
    if (!run || !mention) return { found: false, index, total };
    scrollToMention(mention);
    run.painter.flashRange(mention.range);
    return { found: true, index, total };
  };

  const unhandle = handle<ToContent>('extension', {
    'backstory/diagnostics': () => diagnostics(),
    'backstory/step': ({ direction }) => step(direction === -1 ? -1 : 1),
    'backstory/reveal': ({ entityId }) => reveal(String(entityId)),
  });

  // ---- settings --------------------------------------------------------------------

  const unwatchSettings = watchSettings((change) => {
    if (change.disabledSites) disabledSites = change.disabledSites;
    let rescan = false;
    if (change.settings) {
      const next = change.settings.settings;
      if (next.disabledPacks.join('\n') !== settings.disabledPacks.join('\n')) {
        // The background re-reads its packs: ask again for the records.
        records = new Map();
        requested = new Set();
        rescan = true;
      }
      settings = next;
    }
    apply(rescan);
    if (rescan) fetchRecords();
  });
  const unwatchPacks = watchUserPacks(() => {
    void loadUserPacks().then((packs) => {
      userPacks = packs;
      records = new Map();
      requested = new Set();
      apply(true);
    });
  });

  let loaded = false;
  const matcherLoaded = loadCompiled().then(
    (c) => c,
    () => null, // no bundled names (reported below); imported packs still work
  );
  void Promise.all([loadSettings(), loadDisabledSites(), loadUserPacks(), matcherLoaded]).then(([stored, sites, packs, c]) => {
    if (life.signal.aborted) return;
    if (c) {
      compiled = c;
      bundled = sharedMatcher(win, c);
    }
    settings = stored.settings;
    disabledSites = sites;
    userPacks = packs;
    loaded = true;
    apply(false);
    if (!run) report();
  });

  function teardown(): void {
    if (life.signal.aborted) return;
    life.abort();
    stop();
    card.destroy();
    // After an extension reload the old runtime is gone and these may throw.
    for (const off of [unhandle, unwatchSettings, unwatchPacks]) {
      try {
        off();
      } catch {
        /* context invalidated */
      }
    }
  }
  return teardown;
}
