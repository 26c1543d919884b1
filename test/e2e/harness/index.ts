/**
 * The end-to-end harness (test/e2e/, run by vitest.e2e.config.ts after `npm run build`).
 * One browser per test file; reuse pages. See each module for details:
 * - paths.ts        repo/dist/corpus/browser locations, `requireDist` (dist/, or the
 *                   packages named by BACKSTORY_EXT_CHROME/_FIREFOX), skip messages
 * - server.ts       `startServer`: static pages on 127.0.0.1 (fixtures, demo, corpus)
 * - chromium.ts     `launchChromium`: headless Chromium + extension, offline; `plainPage`
 * - diagnostics.ts  `diagnostics`, `waitForScan`, `waitForDiagnostics`, `tabIdOf`
 * - watch.ts        `watchPage`, `readWatch`: page mutations, errors, text before/after
 * - pages.ts        `openExtensionPage`, `hoverText`, `textRect`
 * - firefox.ts      `launchFirefox`: Firefox ESR over WebDriver BiDi with dist/firefox; BiDi
 *                   input (`pointerMove`, `pointerClick`, `keyPress`, `releaseInput`),
 *                   `shadowRect` (closed roots too), `firefoxDiagnostics`, `firefoxSetSettings`
 * - control.ts      settings via storage, stop/wake the service worker, all frames' diagnostics,
 *                   page lag probe, JS heap, network recorder (pages, extension pages, worker)
 * - png.ts          `decodePng`, `rectDiff`: screenshot pixels without a dependency
 * - axe.ts          `axeViolations` (a page or a part of it), `cardAxeViolations` (the card's
 *                   closed root through CDP, plus colour contrast; Chromium)
 * - card-budget.ts  `tallCards`, `offScriptCards`, `lettersOf`, `scriptShare`
 * - corpus.ts       (not re-exported: import it directly) the corpus oracle shared by the
 *                   Chromium and Firefox corpus tests
 */
export * from './paths.ts';
export * from './server.ts';
export * from './chromium.ts';
export * from './diagnostics.ts';
export * from './watch.ts';
export * from './pages.ts';
export * from './firefox.ts';
export * from './control.ts';
export * from './axe.ts';
export * from './png.ts';
export * from './card-budget.ts';
