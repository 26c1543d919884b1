/**
 * The side panel: follows the active tab and shows what Backstory found there (grouped
 * entities, the article's merged timeline), the full background of one entity, and a
 * search over every installed pack.
 */
import type { JSX } from 'preact';
import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import type { Entity } from '../facts/types.ts';
import type { EntityOnPage, PanelIntent, TabState, UiToBackground } from '../shared/messages.ts';
import { sendToBackground } from '../shared/messaging.ts';
import { saveSettings, setSiteEnabled, siteKey, type Settings } from '../shared/settings.ts';
import { t, uiLang, entityName } from '../ui/i18n.ts';
import { useSettings } from '../ui/use-settings.ts';
import { useKnowledge } from '../ui/use-knowledge.ts';
import { Notice } from '../ui/Notice.tsx';
import { useTabState, pinnedTabId } from './use-tab-state.ts';
import { usePanelIntent } from './use-panel-intent.ts';
import { buildSearchIndex } from './search-index.ts';
import { PageEntities } from './PageEntities.tsx';
import { EntityDetail } from './EntityDetail.tsx';
import { ArticleTimeline } from './ArticleTimeline.tsx';
import { SearchResults } from './SearchResults.tsx';
import { EmptyState, type EmptyReason } from './EmptyState.tsx';

type Section = 'page' | 'timeline';

function emptyReason(tab: TabState | null, loaded: boolean, settings: Settings | null, sites: string[]): EmptyReason | null {
  if (!loaded || !settings) return 'loading';
  if (!tab || tab.restricted) return 'restricted';
  if (!settings.enabled) return 'off';
  if (sites.includes(siteKey(tab.url))) return 'site-off';
  if (!tab.report) return 'reading';
  if (!tab.report.entities.length) return 'nothing';
  return null;
}

export function App(): JSX.Element {
  const lang = uiLang(); // read at each render: the page renders again when the language setting changes
  const { tab, loaded } = useTabState(useMemo(() => pinnedTabId(), []));
  const { settings, notices, disabledSites } = useSettings();
  const knowledge = useKnowledge(settings ? settings.disabledPacks : null);
  const [section, setSection] = useState<Section>('page');
  const [history, setHistory] = useState<string[]>([]);
  const [query, setQuery] = useState('');
  const searchBox = useRef<HTMLInputElement>(null);

  const open = useCallback((id: string) => setHistory((h) => (h[h.length - 1] === id ? h : [...h, id])), []);
  const back = (): void => setHistory((h) => h.slice(0, -1));

  usePanelIntent((intent: PanelIntent) => {
    if (intent.entityId) {
      setHistory([intent.entityId]);
    } else if (intent.query !== undefined) {
      setHistory([]);
      setQuery(intent.query);
      searchBox.current?.focus();
    }
  });

  const index = useMemo(() => (knowledge ? buildSearchIndex(knowledge.byId.values(), (e) => entityName(e, lang)) : null), [knowledge, lang]);
  const hits = useMemo(() => (index && query.trim() ? index.search(query, 30) : []), [index, query]);

  const pageEntities: EntityOnPage[] = tab?.report?.entities ?? [];
  const nameOf = (e: EntityOnPage): string => {
    const full = knowledge?.byId.get(e.id);
    return full ? entityName(full, lang) : e.name;
  };
  const reason = emptyReason(tab, loaded, settings, disabledSites);
  const current = history[history.length - 1];
  const currentEntity = current ? knowledge?.byId.get(current) : undefined;
  const onPage = pageEntities.map((e) => knowledge?.byId.get(e.id)).filter((e): e is Entity => e !== undefined);
  const host = tab ? siteKey(tab.url) : '';

  const turnOn = (): void => {
    if (reason === 'off') void saveSettings({ enabled: true });
    else if (reason === 'site-off' && host) void setSiteEnabled(host, true);
  };

  const reveal = async (id: string): Promise<boolean> => {
    const r = await sendToBackground<UiToBackground, 'backstory/reveal'>('backstory/reveal', { tabId: tab?.tabId, entityId: id });
    return r.ok && r.found;
  };

  let body: JSX.Element;
  if (current) {
    body = currentEntity ? (
      <EntityDetail
        entity={currentEntity}
        lang={lang}
        lookup={(id) => knowledge?.byId.get(id)}
        onOpen={open}
        mentions={reason === null ? (pageEntities.find((e) => e.id === current)?.count ?? 0) : 0}
        onReveal={() => reveal(current)}
      />
    ) : (
      <p class="sp-empty__text">{knowledge ? t('entityMissing') : t('panelLoading')}</p>
    );
  } else if (query.trim()) {
    body = index ? <SearchResults query={query} hits={hits} onOpen={open} /> : <p class="sp-empty__text">{t('panelLoading')}</p>;
  } else if (reason) {
    body = <EmptyState reason={reason} host={host} onTurnOn={turnOn} />;
  } else if (section === 'timeline') {
    body = <ArticleTimeline entities={onPage} lang={lang} onOpen={open} />;
  } else {
    body = <PageEntities entities={pageEntities} nameOf={nameOf} onOpen={open} />;
  }

  return (
    <div class="sp">
      <header class="sp-header">
        <div class="sp-title">
          <h1>{t('extName')}</h1>
          {host ? <span class="sp-host">{host}</span> : null}
        </div>
        <div class="sp-search" role="search">
          <label for="sp-q" class="bs-visually-hidden">
            {t('searchLabel')}
          </label>
          <input
            id="sp-q"
            ref={searchBox}
            type="search"
            placeholder={t('searchPlaceholder')}
            autocomplete="off"
            spellcheck={false}
            value={query}
            onInput={(e) => {
              setQuery(e.currentTarget.value);
              setHistory([]);
            }}
          />
        </div>
        {current ? (
          <button type="button" class="bs-button bs-button--quiet sp-back" onClick={back}>
            {history.length > 1 ? t('back') : query.trim() ? t('backToResults') : t('backToPage')}
          </button>
        ) : query.trim() ? null : (
          <nav class="sp-tabs" aria-label={t('panelSections')}>
            <button type="button" aria-pressed={section === 'page'} onClick={() => setSection('page')}>
              {t('onThisPage')}
              {pageEntities.length && reason === null ? <span class="sp-count">{pageEntities.length}</span> : null}
            </button>
            <button type="button" aria-pressed={section === 'timeline'} onClick={() => setSection('timeline')}>
              {t('thisArticle')}
            </button>
          </nav>
        )}
      </header>
      {notices.length ? (
        <div class="sp-notices">
          {notices.map((n) => (
            <Notice key={n}>{n}</Notice>
          ))}
        </div>
      ) : null}
      <main class="sp-main">{body}</main>
    </div>
  );
}
