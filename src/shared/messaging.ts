/**
 * The only typed wrapper over `runtime.sendMessage`, `tabs.sendMessage` and
 * `runtime.onMessage`. A message is `{ type, ...request }`; the reply is a `Result`.
 * Messages from outside the extension (web pages, other extensions) are ignored.
 */
import { browser } from './browser.ts';
import type { Runtime } from './browser.ts';
import { errorMessage, type Result } from './result.ts';
import type { Routes } from './messages.ts';

/** A message on the wire. */
export type Message<R extends Routes, K extends keyof R> = { type: K } & R[K]['request'];

/** Handlers for some of a route map's messages. */
export type Handlers<R extends Routes> = {
  [K in keyof R]?: (request: R[K]['request'], sender: Runtime.MessageSender) => R[K]['response'] | Promise<R[K]['response']>;
};

function isOurs(message: unknown): message is { type: string } {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string' && (message as { type: string }).type.startsWith('backstory/');
}

async function settle<T extends object>(p: Promise<unknown>): Promise<Result<T>> {
  try {
    const reply = (await p) as Result<T> | undefined;
    if (reply && typeof reply === 'object' && 'ok' in reply) return reply;
    return { ok: false, error: 'No answer' };
  } catch (e) {
    return { ok: false, error: errorMessage(e) };
  }
}

/** Sends to the background (and to any open extension page that handles the type). */
export function sendToBackground<R extends Routes, K extends keyof R & string>(type: K, request: R[K]['request']): Promise<Result<R[K]['response']>> {
  return settle(browser.runtime.sendMessage({ ...request, type }));
}

/** Tells every open extension page (popup, side panel) something; nobody listening is fine. */
export function broadcastToPages<R extends Routes, K extends keyof R & string>(type: K, request: R[K]['request']): void {
  void browser.runtime.sendMessage({ ...request, type }).catch(() => undefined);
}

/** Tells the content scripts of every tab, in every frame, something; a tab without one is skipped. */
export async function tellEveryFrame<R extends Routes, K extends keyof R & string>(type: K, request: R[K]['request']): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((t) => (t.id === undefined ? undefined : browser.tabs.sendMessage(t.id, { ...request, type }).catch(() => undefined))));
}

/** Sends to a tab's content script (frame 0 unless a frame is given). */
export function sendToTab<R extends Routes, K extends keyof R & string>(tabId: number, type: K, request: R[K]['request'], frameId = 0): Promise<Result<R[K]['response']>> {
  return settle(browser.tabs.sendMessage(tabId, { ...request, type }, { frameId }));
}

/**
 * Who may send a route map's messages: a content script in a tab, or an extension page or
 * the background (their URL is the extension's own).
 */
export type SenderContext = 'content' | 'extension';

/** Whether a message came from that kind of context of this extension. */
export function senderIs(context: SenderContext, sender: Runtime.MessageSender, extensionOrigin: string): boolean {
  const own = sender.url?.startsWith(extensionOrigin) ?? false;
  return context === 'extension' ? own : sender.tab?.id !== undefined && !own;
}

/**
 * Registers handlers for the messages of one route map, sent from one kind of context
 * (`from`); returns a function that removes them. A message from another context is left
 * alone, so a type handled for content scripts never runs for a page or vice versa. A
 * handler runs synchronously up to its first `await`, which `sidePanel.open` (user gesture)
 * relies on. Unknown types are left for other listeners (no reply), so several surfaces can listen.
 */
export function handle<R extends Routes>(from: SenderContext, handlers: Handlers<R>): () => void {
  const origin = browser.runtime.getURL('');
  // The reply goes through `sendResponse` (return true = "answering later"): every
  // browser supports that, while a listener returning a promise needs Firefox or Chrome 148+.
  const listener = (message: unknown, sender: Runtime.MessageSender, sendResponse: (reply: unknown) => void): true | undefined => {
    if (!isOurs(message)) return undefined;
    if (sender.id !== undefined && sender.id !== browser.runtime.id) return undefined;
    if (!senderIs(from, sender, origin)) return undefined;
    const h = (handlers as Record<string, ((req: unknown, s: Runtime.MessageSender) => unknown) | undefined>)[message.type];
    if (!h) return undefined;
    let out: unknown;
    try {
      out = h(message, sender);
    } catch (e) {
      sendResponse({ ok: false, error: errorMessage(e) });
      return true;
    }
    Promise.resolve(out).then(
      (value) => sendResponse({ ok: true, ...(value as object) }),
      (e: unknown) => sendResponse({ ok: false, error: errorMessage(e) }),
    );
    return true;
  };
  // The typings want `true` always; `undefined` (not ours, let other listeners answer) is what browsers expect too.
  const typed = listener as Runtime.OnMessageListenerCallback;
  browser.runtime.onMessage.addListener(typed);
  return () => browser.runtime.onMessage.removeListener(typed);
}
