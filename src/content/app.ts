/**
 * The content script of one frame: asks the background for the settings, decides whether to
 * work here (the cheap gate), and while active owns one run (run/run.ts: scanner, painter,
 * card listeners, mutation watcher). Settings, site switches and imported packs apply live,
 * as the background tells every frame (a frame never loads the storage API unless the
 * background cannot answer); switching off removes everything we placed. Diagnostics, step
 * and reveal are answered in every frame, active or not.
 */
import type { PagePart } from '../matcher/index.ts';
import { handle, sendToBackground } from '../shared/messaging.ts';
import type { ContentState, ContentToBackground, ImportedPacks, PageReport, ToContent } from '../shared/messages.ts';
import { loadContentState } from '../shared/content-state.ts';
import { DEFAULT_SETTINGS, setSiteEnabled, siteKey, type Settings } from '../shared/settings.ts';
import { CardController } from './card/controller.tsx';
import { Revealer, scrollToMention, stepIndex } from './input/navigate.ts';
import { highlightsSupported } from './paint/highlight.ts';
import { entitiesOnPage } from './scan/filters.ts';
import { chooseCardLanguage, uiLang } from './strings.ts';
import { diagnosticsOf } from './run/diagnostics.ts';
import { Matchers } from './run/matchers.ts';
import { ALL_SCRIPTS } from './run/frame.ts';
import type { BundledSource } from './scan/bundled-matcher.ts';
import { RecordsCache } from './run/records.ts';
import { Run } from './run/run.ts';
import { countSlice } from './scan/slices.ts';

/** Whether `v` has the shape of `ImportedPacks`. */
function isImported(v: unknown): v is ImportedPacks {
  const i = v as Partial<ImportedPacks> | null;
  return typeof i === 'object' && i !== null && Array.isArray(i.ids) && (i.compiled === null || typeof i.compiled === 'object');
}

/** Whether two states of the imported packs name the same packs and neither has a matcher (nothing to scan again). */
function sameImported(a: ImportedPacks, b: ImportedPacks): boolean {
  return a.compiled === null && b.compiled === null && a.ids.join('\n') === b.ids.join('\n');
}

/** Whether the background's answer has the state's parts (any other answer: storage is read instead). */
function isState(r: object): r is ContentState {
  const s = r as Partial<ContentState>;
  return typeof s.settings === 'object' && s.settings !== null && Array.isArray(s.disabledSites) && isImported(s.imported);
}

/**
 * Runs the content script in `doc` with the bundled matcher `bundled` (see scan/bundled-matcher.ts); returns the teardown.
 * `before`: the start-up's earlier tasks (the script's modules, making the extension's namespace
 * ready), ms each, counted with this one as 'boot'.
 */
export function startContent(doc: Document, bundled: BundledSource, before: readonly number[] = []): () => void {
  const startAt = performance.now();
  const win = doc.defaultView!;
  const isTop = win === win.top;
  const life = new AbortController();
  // The bundled matcher is not in this script (content.js stays small whatever the pack's
  // size): it is read from extension storage when a page is worth reading (scan/bundled-matcher.ts).
  const matchers = new Matchers();
  matchers.setBundled(win, bundled.version, bundled.load);
  const records = new RecordsCache();
  const revealer = new Revealer();

  let settings: Settings = { ...DEFAULT_SETTINGS };
  let disabledSites: string[] = [];
  let imported: ImportedPacks = { ids: [], compiled: null };
  let loaded = false;
  let decided = false;
  let run: Run | null = null;

  const card = new CardController(doc, {
    get lang() {
      return uiLang(); // the language setting's, else the browser's
    },
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
  const needsConfirm = (): boolean => settings.disabledPacks.some((id) => !imported.ids.includes(id));

  /** Whether an entity may be marked: its pack is on (the background knows it) or no bundled pack is off. */
  const known = (id: string): boolean => !needsConfirm() || !matchers.bundledIds().has(id) || Boolean(records.get(id));

  const isActive = (): boolean => settings.enabled && !disabledSites.includes(siteKey(win.location.href));

  // ---- records, reports ------------------------------------------------------------

  const fetchRecords = (): void => {
    if (!run) return;
    records.fetch(
      run.scanner.store.ordered().map((m) => m.entity.id),
      () => {
        if (needsConfirm()) run?.repaint();
        card.rerender();
      },
    );
  };

  const diagnostics = () => diagnosticsOf(win, run, decided, card, known);

  const pageReport = (): PageReport => ({
    url: win.location.href,
    title: doc.title,
    status: diagnostics().status,
    entities: entitiesOnPage(run?.scanner.store.ordered() ?? [], known),
    marked: run?.visible.length ?? 0,
    active: run !== null,
  });

  const report = (): void => {
    if (!isTop) return;
    void sendToBackground<ContentToBackground, 'backstory/report'>('backstory/report', { report: pageReport() });
  };

  /** The page probe's question, answered by the background (src/background/probe.ts). */
  const askBackground = async (text: string, page?: PagePart): Promise<{ names: boolean; ms: number } | null> => {
    const r = await sendToBackground<ContentToBackground, 'backstory/probe'>('backstory/probe', { text, off: settings.disabledPacks, page });
    return r.ok ? { names: r.names, ms: r.ms } : null;
  };

  // ---- start / stop -----------------------------------------------------------------

  const start = (): void => {
    if (run || !highlightsSupported()) return;
    run = new Run({
      doc,
      card,
      revealer,
      settings: () => settings,
      known,
      matchers: () => matchers.ready(imported.compiled),
      // Imported packs have no probe: with one on, every page is walked.
      prober: () => (imported.compiled ? null : askBackground),
      // Imported packs may name things in any script.
      scripts: () => (imported.compiled ? ALL_SCRIPTS : bundled.scripts),
      onPassEnd: fetchRecords,
      report,
      teardown,
    });
  };

  const stop = (): void => {
    if (!run) return;
    const r = run;
    run = null;
    r.stop();
    card.retire();
    report();
  };

  /** Applies the current settings: start, stop, or repaint. */
  const apply = (rescan: boolean): void => {
    if (!loaded) return;
    decided = true;
    if (!isActive()) return stop();
    if (!run) return start();
    if (rescan) run.rescan();
    else run.repaint();
    run.scheduleReport();
  };

  // ---- step, reveal ------------------------------------------------------------------

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

  // ---- settings --------------------------------------------------------------------

  /** Takes in what changed in the settings, the sites switched off or the imported packs. */
  const onState = (change: Partial<ContentState>): void => {
    if (change.disabledSites) disabledSites = change.disabledSites;
    let rescan = false;
    if (change.imported && !sameImported(change.imported, imported)) {
      imported = change.imported;
      records.reset();
      rescan = true;
    }
    if (change.settings) {
      const next = change.settings;
      if (next.disabledPacks.join('\n') !== settings.disabledPacks.join('\n')) {
        // The background re-reads its packs: ask again for the records.
        records.reset();
        rescan = true;
      }
      if (next.language !== settings.language) void chooseCardLanguage(next.language).then((now) => now && card.rerender());
      settings = next;
    }
    apply(rescan);
    if (rescan) fetchRecords();
  };

  const unhandle = handle<ToContent>('extension', {
    'backstory/diagnostics': () => diagnostics(),
    'backstory/step': ({ direction }) => step(direction === -1 ? -1 : 1),
    'backstory/reveal': ({ entityId }) => reveal(String(entityId)),
    // The background tells every frame what changed (content scripts never watch storage).
    'backstory/state-changed': (change) => {
      if (loaded) onState(change);
      return {};
    },
  });

  /**
   * The state to start with, from the background: a frame then never loads the storage API,
   * which costs each frame about a millisecond. When the background cannot answer (it is
   * being restarted), the frame reads storage itself.
   */
  const initial = async (): Promise<ContentState> => {
    const r = await sendToBackground<ContentToBackground, 'backstory/state'>('backstory/state', {});
    if (r.ok && isState(r)) return { settings: r.settings, disabledSites: r.disabledSites, imported: r.imported };
    return loadContentState();
  };
  void initial().then(async (state) => {
    // The card's language is in place before the first card can open.
    await chooseCardLanguage(state.settings.language);
    if (life.signal.aborted) return;
    const t0 = performance.now();
    settings = state.settings;
    disabledSites = state.disabledSites;
    imported = state.imported;
    loaded = true;
    apply(false);
    if (!run) return report();
    // Start-up is main-thread work of ours like any slice: the earlier tasks (the modules,
    // the namespace), startContent, and this start of the run count as 'boot', a slice each.
    for (const ms of [...before, bootMs]) countSlice(run.scanner.stats, ms, 'boot');
    countSlice(run.scanner.stats, performance.now() - t0, 'boot');
  });

  function teardown(): void {
    if (life.signal.aborted) return;
    life.abort();
    stop();
    card.destroy();
    // After an extension reload the old runtime is gone and this may throw.
    try {
      unhandle();
    } catch {
      /* context invalidated */
    }
  }
  const bootMs = performance.now() - startAt;
  return teardown;
}
