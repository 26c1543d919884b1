/**
 * When this content script began to run: the first module of content.js (index.ts imports
 * it before anything else), so the start-up the diagnostics count as 'boot' includes every
 * module's own set-up, not only `startContent`.
 */
export const SCRIPT_START = performance.now();
