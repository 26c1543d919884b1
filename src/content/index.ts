/**
 * Content script entry (a standalone IIFE: dist/<browser>/content.js). The page
 * stylesheet (::highlight rules) is emitted as content.css and listed in the manifest.
 * The bundled matcher is not in this file: it comes from extension storage when a page is
 * worth reading (scan/bundled-matcher.ts).
 *
 * The tear-down `startContent` returns runs when the page is unloaded for good (`pagehide`
 * not kept in the back/forward cache); a page restored from that cache keeps its run. The
 * run itself tears down when the extension context is gone (the extension was reloaded).
 * The top frame starts after the page's load event; a subframe at an idle moment, and only
 * once it is big enough to read (run/frame.ts `frameWorthIt`).
 */
import { SCRIPT_START } from './clock.ts';
import './paint/page.css';
import { BUNDLED } from './scan/bundled-matcher.ts';
import { startContent } from './app.ts';
import { frameWorthIt, SUBFRAME_IDLE_TIMEOUT_MS, TOP_IDLE_TIMEOUT_MS, TOP_LOAD_WAIT_MS } from './run/frame.ts';
import { whenIdle, whenLoaded, yieldToPage } from './scan/slices.ts';
import { namespaceSteps } from '../shared/browser.ts';

/** The modules' own set-up, counted with the start whenever it comes. */
const initMs = performance.now() - SCRIPT_START;

/** Makes the extension's namespace ready a task at a time, then starts; every task counts as start-up. */
async function begin(): Promise<void> {
  const spent = [initMs];
  for (const step of namespaceSteps()) {
    await yieldToPage();
    const t0 = performance.now();
    step();
    spent.push(performance.now() - t0);
  }
  const teardown = startContent(document, BUNDLED, spent);
  const onPageHide = (e: PageTransitionEvent): void => {
    if (e.persisted) return;
    removeEventListener('pagehide', onPageHide);
    teardown();
  };
  addEventListener('pagehide', onPageHide);
}

// The top frame starts once the page has loaded (at most a second after the script ran), at
// an idle moment: nothing of ours, not even the extension's namespace or the first message
// to the background, competes with the page while it loads.
if (window === window.top) void whenLoaded(document, TOP_LOAD_WAIT_MS).then(() => whenIdle(TOP_IDLE_TIMEOUT_MS).then(begin));
else {
  // A subframe too small to read (a tracking pixel, a hidden ad slot: most frames of a news
  // page) starts nothing, not even the extension's namespace, until it grows. Its size is
  // read at an idle moment: while the page around it loads, reading it would force the
  // parent's layout.
  void whenIdle(SUBFRAME_IDLE_TIMEOUT_MS).then(() => {
    if (frameWorthIt(window)) return begin();
    const onResize = (): void => {
      if (!frameWorthIt(window)) return;
      removeEventListener('resize', onResize);
      void begin();
    };
    addEventListener('resize', onResize);
  });
}
