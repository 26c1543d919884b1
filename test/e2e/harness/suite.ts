/**
 * The skip check every Chromium e2e file repeated: whether Chromium is installed, with the
 * reason printed once when it is not (`describe.skipIf(!hasChromium)(…)`). Not re-exported
 * from index.ts, so importing the harness (the benchmarks do, outside vitest) prints nothing.
 * The launch/tear-down blocks stay in the files: they differ (server routes, profiles,
 * viewports, languages) and a shared wrapper would hide what each file starts.
 */
import { CHROMIUM_MISSING, chromiumPath } from './paths.ts';

/** Whether Chromium is installed. */
export const hasChromium = chromiumPath() !== undefined;
if (!hasChromium) console.warn(CHROMIUM_MISSING);
