/**
 * Content script entry (a standalone IIFE: dist/<browser>/content.js). The page
 * stylesheet (::highlight rules) is emitted as content.css and listed in the manifest.
 * The bundled matcher is not in this file: it comes from extension storage when a page is
 * worth reading (scan/bundled-matcher.ts).
 *
 * The tear-down `startContent` returns runs when the page is unloaded for good (`pagehide`
 * not kept in the back/forward cache); a page restored from that cache keeps its run. The
 * run itself tears down when the extension context is gone (the extension was reloaded).
 */
import { SCRIPT_START } from './clock.ts';
import './paint/page.css';
import { BUNDLED } from './scan/bundled-matcher.ts';
import { startContent } from './app.ts';

const teardown = startContent(document, BUNDLED, SCRIPT_START);
const onPageHide = (e: PageTransitionEvent): void => {
  if (e.persisted) return;
  removeEventListener('pagehide', onPageHide);
  teardown();
};
addEventListener('pagehide', onPageHide);
