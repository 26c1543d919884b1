/**
 * Every message between the surfaces, declared once per direction: a map from message
 * type to its request and response. `shared/messaging.ts` is the only code that sends or
 * receives them. Responses travel as `Result<response>` (see result.ts).
 */
import type { CompiledMatcher, PagePart } from '../matcher/index.ts';
import type { Entity, EntityType } from '../facts/types.ts';
import type { Settings } from './settings-model.ts';

/** Where a content script is in its work. */
export type ScanStatus = 'idle' | 'scanning' | 'done';

/** What a frame's content script reports about its work (the diagnostics contract of DESIGN.md). */
export interface Diagnostics {
  status: ScanStatus;
  /** Mentions currently marked (after filters). */
  mentions: number;
  /** Entity ids currently marked, in order of first appearance. */
  entities: string[];
  textNodes: number;
  textChars: number;
  /** Wall time from start of the first scan to the end of the last one. */
  scanMs: number;
  /** Main-thread time spent in our slices, rescans included. */
  busyMs: number;
  maxSliceMs: number;
  /** What the longest slice did: 'look' (the first look), 'probe' (the page probe reading text and asking), 'setup' (matchers), 'start', 'read' (blocks), 'paint', 'cues' or 'end' of a pass; '' before any. */
  maxSliceWhat: string;
  /** busyMs by what the slices did (the names of maxSliceWhat), ms. */
  busyBy: Record<string, number>;
  /** Making the matchers ready in this frame (decoding the stored automaton, compiling imported packs), ms; part of busyMs. */
  setupMs: number;
  /** Whether the frame is read: a top page the probe reads, or a first look found text in a script of the pack's names. */
  read: boolean;
  /** Time from the navigation's start to the first mark painted in this frame, ms (0: none). */
  firstMarkMs: number;
  /** Number of scan passes (1 + rescans). */
  passes: number;
  /**
   * What the frame is to the pack: it names something of the region, only world-level
   * names (which are then not marked), or nothing the pack has.
   */
  verdict: 'region' | 'world-only' | 'none';
  /** The last full pass was skipped: the page's text names nothing of the region (src/content/scan/probe.ts), so it was not walked. */
  skipped: boolean;
  /** Time the background spent answering this frame's probe, ms (not on the page's main thread, so not in busyMs). */
  probeElsewhereMs: number;
  /** Whether Backstory is active on this page (global switch and site switch). */
  active: boolean;
  /** Highlight names registered in CSS.highlights, with their range counts. */
  highlights: Record<string, number>;
  url: string;
  /** The card's state, so tests and tools can see into the closed shadow root. */
  card: {
    open: boolean;
    entityId: string | null;
    pinned: boolean;
    focused: boolean;
    /** When open: the card's height in CSS px, and whether its body scrolls (its content did not fit). */
    height?: number;
    scrolls?: boolean;
    /** When open: letters of the card's text by script, to check it is in the reader's language. */
    letters?: { latin: number; cyrillic: number; georgian: number };
    /** When open: the summary as shown, and whether its lines cut it off (an ellipsis). */
    summary?: { text: string; cut: boolean };
  };
  /**
   * The last hover card: ms from the end of the dwell (the hover-intent delay) to the
   * card painted (the task after the next animation frame). Absent until a card opened
   * by hover. `npm run bench` reports it against the one-frame budget.
   */
  lastCardMs?: number;
}

/** One entity found on a page. */
export interface EntityOnPage {
  id: string;
  name: string;
  type: EntityType;
  topics: string[];
  /** Mentions of it on the page (all of them, before the first-mention-only option). */
  count: number;
}

/** What a page's top frame reports to the background after each scan. */
export interface PageReport {
  url: string;
  title: string;
  status: ScanStatus;
  /** Entities in order of first appearance, with all mentions counted (before topic/type filters). */
  entities: EntityOnPage[];
  /** Mentions currently marked (after filters). */
  marked: number;
  active: boolean;
}

/** What the popup and the side panel know about a tab. */
export interface TabState {
  tabId: number;
  url: string;
  host: string;
  /** Extensions cannot run here (browser pages, the web store, file URLs without access). */
  restricted: boolean;
  report: PageReport | null;
}

/** A search hit over the whole dataset. */
export interface SearchHit {
  id: string;
  name: string;
  type: EntityType;
  /** The alias that matched. */
  matched: string;
}

/** Where the side panel should go when it opens. */
export interface PanelIntent {
  entityId?: string;
  query?: string;
  /** Set when the intent was created, so an old intent is not replayed. */
  at: number;
}

type Empty = Record<string, never>;

/**
 * The packs the reader imported, as a content script needs them: their matcher is compiled in
 * the background, so no page carries the compiler (content.js stays small) or pays for it.
 */
export interface ImportedPacks {
  /** Ids of every imported pack, switched on or off. */
  ids: string[];
  /**
   * The matcher of the imported entities of the packs switched on, minus the ids a bundled
   * entity has (the bundled one wins); null when there are none, or when they could not be compiled.
   */
  compiled: CompiledMatcher | null;
}

/**
 * What a content script needs to decide whether to work and how: the settings, the sites
 * switched off and the packs the reader imported. The background reads them from storage
 * and tells every frame when they change, so a frame never loads the storage API.
 */
export interface ContentState {
  settings: Settings;
  disabledSites: string[];
  imported: ImportedPacks;
}

/** content script → background */
export type ContentToBackground = {
  'backstory/report': { request: { report: PageReport }; response: Empty };
  /** The settings, the sites switched off and the imported packs (a frame asks once, at its start). */
  'backstory/state': { request: Empty; response: ContentState };
  /** The bundled matcher, for a content script that found no current copy in storage. */
  'backstory/matcher': { request: Empty; response: { tag: string; compiled: CompiledMatcher } };
  'backstory/entities': { request: { ids: string[] }; response: { entities: Entity[] } };
  /**
   * Whether a page's text (blocks run together) may name something of the region in the
   * packs not switched off (`off`): the page probe (src/content/scan/probe.ts). `page`: the
   * text is the next part of a whole page (src/background/probe.ts); without it, a part on its
   * own. `ms`: the time answering took in the background.
   */
  'backstory/probe': { request: { text: string; off: string[]; page?: PagePart }; response: { names: boolean; ms: number } };
  /** Open the side panel at an entity. Must stay the first thing the handler does (user gesture). */
  'backstory/open-panel': { request: { entityId?: string }; response: { opened: boolean; hint?: string } };
  /** The card's strings in the UI language the reader chose (content scripts cannot read the extension's _locales). */
  'backstory/ui-strings': { request: { lang: string; keys: string[] }; response: { strings: Record<string, string> } };
};

/** popup / side panel → background (no name shared with ContentToBackground: test/unit/shared/routes.test.ts) */
export type UiToBackground = {
  'backstory/tab-state': { request: { tabId?: number }; response: { state: TabState | null } };
  'backstory/panel-intent': { request: Empty; response: { intent: PanelIntent | null } };
  'backstory/reveal': { request: { tabId?: number; entityId: string }; response: { found: boolean } };
};

/** background (or an extension page) → a tab's content script */
export type ToContent = {
  'backstory/diagnostics': { request: Empty; response: Diagnostics };
  /** Scroll to the next mention of an entity and flash it. */
  'backstory/reveal': { request: { entityId: string }; response: { found: boolean; index: number; total: number } };
  /** Keyboard command: step to the next/previous mention and open its card. */
  'backstory/step': { request: { direction: 1 | -1 }; response: { found: boolean } };
  /** Some of the state changed (sent to every frame of every tab). */
  'backstory/state-changed': { request: Partial<ContentState>; response: Empty };
};

/** background → extension pages (broadcast) */
export type ToUi = {
  'backstory/tab-updated': { request: { state: TabState }; response: Empty };
  /** Go to an entity or a search now (the panel is already open). */
  'backstory/panel-goto': { request: { intent: PanelIntent; tabId?: number }; response: Empty };
};

/** Any route map: message type → request and response. */
export type Routes = Record<string, { request: object; response: object }>;
