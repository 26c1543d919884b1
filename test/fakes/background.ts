/**
 * A stand-in background for DOM tests of the extension pages: answers the UiToBackground
 * messages from a TabState the test controls, and records what the page asked.
 */
import type { EntityOnPage, PanelIntent, TabState } from '../../src/shared/messages.ts';
import type { Entity } from '../../src/facts/types.ts';
import { fake } from './browser.ts';

/** A page report's entity row built from a full entity. */
export function onPage(e: Entity, count: number): EntityOnPage {
  return { id: e.id, name: e.name, type: e.type, topics: [...e.topics], count };
}

/** A TabState for tab 1 with the given entities (in order of first appearance). */
export function tabState(entities: EntityOnPage[], over: Partial<TabState> = {}): TabState {
  const url = over.url ?? 'https://news.example/article';
  return {
    tabId: 1,
    url,
    host: new URL(url).hostname,
    restricted: false,
    report: { url, title: 'Article', status: 'done', entities, marked: entities.reduce((n, e) => n + e.count, 0), active: true },
    ...over,
  };
}

/** What the fake background was asked. */
export interface BackgroundLog {
  messages: ({ type: string } & Record<string, unknown>)[];
  state: TabState | null;
  intent: PanelIntent | null;
  revealFound: boolean;
  /** While set, tab-state answers wait for it, carrying the state as it was when asked (a slow background). */
  gate: Promise<unknown> | null;
}

/** Starts answering tab-state, panel-intent, reveal and open-panel. */
export function serveUi(state: TabState | null, intent: PanelIntent | null = null): BackgroundLog {
  const log: BackgroundLog = { messages: [], state, intent, revealFound: true, gate: null };
  fake.serveBackground((m) => {
    log.messages.push(m);
    switch (m.type) {
      case 'backstory/tab-state': {
        const asked = log.state;
        return (log.gate ?? Promise.resolve()).then(() => ({ ok: true, state: asked }));
      }
      case 'backstory/panel-intent': {
        const it = log.intent;
        log.intent = null;
        return Promise.resolve({ ok: true, intent: it });
      }
      case 'backstory/reveal':
        return Promise.resolve({ ok: true, found: log.revealFound });
      case 'backstory/open-panel':
        return Promise.resolve({ ok: true, opened: false });
      default:
        return undefined;
    }
  });
  return log;
}
