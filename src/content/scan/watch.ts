/**
 * Dynamic pages: a MutationObserver on the document (and on every open shadow root we
 * scanned) hands changed nodes to the scanner's bounded queue, ignoring our own host;
 * SPA route changes (Navigation API `navigatesuccess`, `popstate`, or a changed URL
 * seen with a mutation) ask for a full rescan. Work is debounced and run in idle time.
 */

export interface WatchHooks {
  /** Our host, whose subtree and insertion are ignored. */
  host(): Element | null;
  /** A node changed (text, added or removed children). */
  onNode(node: Node): void;
  /** The page moved to another route without a page load. */
  onRoute(): void;
}

/** What the watcher exposes to the content script. */
export interface Watcher {
  /** Also watch an open shadow root. */
  observe(root: ShadowRoot): void;
}

const OPTIONS: MutationObserverInit = { subtree: true, childList: true, characterData: true };

/** Starts watching; everything stops when `signal` aborts. */
export function watchPage(doc: Document, hooks: WatchHooks, signal: AbortSignal): Watcher {
  const win = doc.defaultView!;
  let url = win.location.href;

  const routeChanged = (): boolean => {
    if (win.location.href === url) return false;
    url = win.location.href;
    return true;
  };

  const observer = new MutationObserver((records) => {
    const host = hooks.host();
    for (const r of records) {
      const target = r.target;
      if (host && (target === host || host.contains(target))) continue;
      if (r.type === 'characterData') {
        hooks.onNode(target);
        continue;
      }
      let relevant = false;
      for (const n of r.addedNodes) {
        if (n === host) continue;
        relevant = true;
        hooks.onNode(n);
      }
      for (const n of r.removedNodes) if (n !== host) relevant = true;
      if (relevant) hooks.onNode(target);
    }
    if (routeChanged()) hooks.onRoute();
  });
  observer.observe(doc, OPTIONS);

  const onNavigate = (): void => {
    if (routeChanged()) hooks.onRoute();
  };
  const nav = (win as Window & { navigation?: EventTarget }).navigation;
  nav?.addEventListener('navigatesuccess', onNavigate, { signal });
  win.addEventListener('popstate', onNavigate, { signal });
  signal.addEventListener('abort', () => observer.disconnect());

  return {
    observe(root: ShadowRoot) {
      if (!signal.aborted) observer.observe(root, OPTIONS);
    },
  };
}
