/**
 * The service worker: the message hub, per-tab state, the side panel, keyboard commands
 * and the context menu. Every listener is registered synchronously at top level, so an
 * MV3 worker woken by an event finds its listener.
 */
import { browser } from '../shared/browser.ts';
import { broadcastToPages, handle, sendToTab, tellEveryFrame } from '../shared/messaging.ts';
import type { ContentToBackground, UiToBackground, ToContent, ToUi, TabState } from '../shared/messages.ts';
import { loadKnowledge, type Knowledge } from '../shared/knowledge.ts';
import { bundledPacks } from '../shared/bundled-packs.ts';
import { loadSettings, loadDisabledSites, watchSettings } from '../shared/settings.ts';
import { loadContentState, type CompileImported } from '../shared/content-state.ts';
import { watchUserPacks } from '../shared/user-packs.ts';
import { setReport, getReport, forgetTab, toTabState } from './tab-state.ts';
import { openPanelNow, setIntent, takeIntent } from './panel.ts';
import { paintBadge } from './badge.ts';
import { catalogueStrings, loadCatalogue, t } from '../shared/i18n-catalogue.ts';
import { chooseLanguage } from '../shared/i18n.ts';
import compiled from 'virtual:backstory/matcher';
import matcherTag from 'virtual:backstory/matcher-tag';
import { currentCopy, STORE_KEY, type StoredMatcher } from '../shared/bundled-matcher-store.ts';
import { entitiesOn, packsOff, probeText } from './probe.ts';
import { compileImported } from './imported.ts';

/** The bundled entity ids (left to the bundled matcher), made on first use. */
let bundledIds: Set<string> | undefined;
/** The imported packs' matcher last made, for the packs and the packs switched off it was made from. */
let importedCache: { key: string; compiled: ReturnType<CompileImported> } | undefined;

/**
 * The imported packs' matcher for every frame: compiled once for the same packs and packs
 * switched off (every frame of every tab asks for the state); the key is the packs as stored,
 * so a pack changed under the same id is compiled again.
 */
const compileForFrames: CompileImported = (packs, disabledPacks) => {
  const key = `${JSON.stringify(packs)}\t${disabledPacks.join('\n')}`;
  if (importedCache?.key !== key) importedCache = { key, compiled: compileImported(packs, disabledPacks, (bundledIds ??= new Set(compiled.ids))) };
  return importedCache.compiled;
};

let knowledge: Promise<Knowledge> | null = null;
const getKnowledge = async (): Promise<Knowledge> =>
  (knowledge ??= Promise.all([bundledPacks(), loadSettings()])
    .then(([bundled, { settings }]) => loadKnowledge(bundled, settings.disabledPacks))
    .catch((e: unknown) => {
      knowledge = null;
      throw e;
    }));

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function tabState(tabId: number): Promise<TabState> {
  const report = await getReport(tabId);
  if (report) return toTabState(tabId, report, true);
  const probe = await sendToTab<ToContent, 'backstory/diagnostics'>(tabId, 'backstory/diagnostics', {});
  // The page's report may have come in while the probe was out.
  const late = await getReport(tabId);
  if (late) return toTabState(tabId, late, true);
  return toTabState(tabId, null, probe.ok, probe.ok ? probe.url : '');
}

async function refreshBadge(tabId: number): Promise<void> {
  const [{ settings }, sites, report] = await Promise.all([loadSettings(), loadDisabledSites(), getReport(tabId)]);
  await paintBadge(tabId, report, settings, sites);
}

function broadcast(state: TabState): void {
  broadcastToPages<ToUi, 'backstory/tab-updated'>('backstory/tab-updated', { state });
}

async function entities(ids: string[]) {
  const k = await getKnowledge();
  return { entities: ids.map((id) => k.byId.get(id)).filter((e) => e !== undefined) };
}

/** Keeps this build's matcher where content scripts read it (bundled-matcher-store.ts). */
async function storeMatcher(): Promise<void> {
  try {
    const got = await browser.storage.local.get(STORE_KEY);
    if (currentCopy(got[STORE_KEY], matcherTag)) return;
    await browser.storage.local.set({ [STORE_KEY]: { tag: matcherTag, compiled } satisfies StoredMatcher });
  } catch {
    /* a full quota: content scripts ask by message instead */
  }
}
browser.runtime.onInstalled.addListener(() => void storeMatcher());
browser.runtime.onStartup.addListener(() => void storeMatcher());

handle<ContentToBackground>('content', {
  'backstory/matcher': () => {
    void storeMatcher();
    return { tag: matcherTag, compiled };
  },
  'backstory/report': async ({ report }, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId !== 0) return {};
    await setReport(tabId, report);
    broadcast(toTabState(tabId, report, true));
    await refreshBadge(tabId);
    return {};
  },
  'backstory/state': () => loadContentState(compileForFrames),
  'backstory/entities': ({ ids }) => entities(ids),
  'backstory/probe': async ({ text, off, page }) => probeText(text, off, page, await entitiesOn(packsOff(off))),
  'backstory/ui-strings': async ({ lang, keys }) => ({ strings: await catalogueStrings(lang, keys) }),
  'backstory/open-panel': ({ entityId }, sender) => {
    const tabId = sender.tab?.id;
    // Synchronous first: the user gesture does not survive an await.
    const opening = openPanelNow({ tabId, windowId: sender.tab?.windowId });
    setIntent({ entityId }, tabId);
    return opening;
  },
});

handle<UiToBackground>('extension', {
  'backstory/tab-state': async ({ tabId }) => {
    const id = tabId ?? (await activeTabId());
    return { state: id === undefined ? null : await tabState(id) };
  },
  'backstory/panel-intent': async () => ({ intent: await takeIntent() }),
  'backstory/reveal': async ({ tabId, entityId }) => {
    const id = tabId ?? (await activeTabId());
    if (id === undefined) return { found: false };
    const r = await sendToTab<ToContent, 'backstory/reveal'>(id, 'backstory/reveal', { entityId });
    return { found: r.ok && r.found };
  },
});

browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
browser.tabs.onActivated.addListener(({ tabId }) => {
  void tabState(tabId).then(broadcast);
});
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading')
    void forgetTab(tabId)
      .then(() => tabState(tabId))
      .then(broadcast);
});

// The badge's title and the panel hints follow the reader's language setting too.
void loadSettings().then(({ settings }) => chooseLanguage(settings.language, loadCatalogue));
watchSettings(({ settings, disabledSites }) => {
  if (settings) knowledge = null;
  if (settings) void chooseLanguage(settings.settings.language, loadCatalogue);
  void browser.tabs.query({}).then((tabs) => tabs.forEach((t) => t.id !== undefined && void refreshBadge(t.id)));
  // Content scripts do not watch storage: they hear it from here (with the imported packs'
  // matcher made again when the settings change: which packs are switched off is one of them).
  if (!settings) void tellEveryFrame<ToContent, 'backstory/state-changed'>('backstory/state-changed', { disabledSites });
  else
    void loadContentState(compileForFrames).then(({ imported }) =>
      tellEveryFrame<ToContent, 'backstory/state-changed'>('backstory/state-changed', { settings: settings.settings, imported }),
    );
});
watchUserPacks(() => {
  knowledge = null;
  void loadContentState(compileForFrames).then(({ imported }) => tellEveryFrame<ToContent, 'backstory/state-changed'>('backstory/state-changed', { imported }));
});

browser.commands.onCommand.addListener((command, tab) => {
  if (command === 'open-panel') {
    void openPanelNow({ tabId: tab?.id, windowId: tab?.windowId });
    return;
  }
  const direction = command === 'next-mention' ? 1 : command === 'previous-mention' ? -1 : 0;
  if (!direction) return;
  void (async () => {
    const id = tab?.id ?? (await activeTabId());
    if (id !== undefined) await sendToTab<ToContent, 'backstory/step'>(id, 'backstory/step', { direction });
  })();
});

const MENU_ID = 'backstory-lookup';
browser.runtime.onInstalled.addListener(() => {
  void Promise.resolve(browser.contextMenus.removeAll()).then(() => browser.contextMenus.create({ id: MENU_ID, title: t('menuLookUp'), contexts: ['selection'] }));
});
browser.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId !== MENU_ID) return;
  const query = (info.selectionText ?? '').trim().slice(0, 200);
  void openPanelNow({ tabId: tab?.id, windowId: tab?.windowId });
  setIntent({ query }, tab?.id);
});

// When this script finished evaluating (ms since the worker or page started): the bench reads it.
(globalThis as { backstoryReadyMs?: number }).backstoryReadyMs = performance.now();
