/**
 * Reader preferences: how they are read, saved and watched (their type, defaults and repair
 * are in settings-model.ts, re-exported here). Small preferences live in `storage.sync`; lists that grow (the sites switched
 * off) live in `storage.local`. A stored value that is corrupted or unknown falls back to
 * its default and produces a notice; nothing throws at the reader.
 */
import { browser } from './browser.ts';
import { isStringArray, repairSettings, type LoadedSettings, type Settings } from './settings-model.ts';

export * from './settings-model.ts';

const SETTINGS_KEY = 'settings';
const SITES_KEY = 'disabledSites';

/** Reads the settings (never throws; falls back to defaults with notices). */
export async function loadSettings(): Promise<LoadedSettings> {
  try {
    const got = await browser.storage.sync.get(SETTINGS_KEY);
    return repairSettings(got[SETTINGS_KEY]);
  } catch {
    return { settings: repairSettings(undefined).settings, notices: [{ what: 'unavailable' }] };
  }
}

/**
 * This context's writes, one after another. A change reads the stored value and writes it
 * back with its own part: two changes made at once (a reader clicking two options in a row)
 * would both read the old value, and the second would write the first's part away.
 */
let writes: Promise<unknown> = Promise.resolve();
function inOrder<T>(write: () => Promise<T>): Promise<T> {
  const done = writes.then(write);
  writes = done.catch(() => undefined);
  return done;
}

/** Saves a change to the settings; resolves to the full new settings. */
export function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  return inOrder(async () => {
    const { settings } = await loadSettings();
    const next = { ...settings, ...patch };
    await browser.storage.sync.set({ [SETTINGS_KEY]: next });
    return next;
  });
}

/** Restores every default (sites switched off are kept: they are a separate list). */
export function resetSettings(): Promise<Settings> {
  return inOrder(async () => {
    const settings = repairSettings(undefined).settings;
    await browser.storage.sync.set({ [SETTINGS_KEY]: settings });
    return settings;
  });
}

/** Sites switched off, by `siteKey`. */
export async function loadDisabledSites(): Promise<string[]> {
  try {
    const got = await browser.storage.local.get(SITES_KEY);
    const v = got[SITES_KEY];
    return isStringArray(v) ? v : [];
  } catch {
    return [];
  }
}

/** Switches a site on or off; resolves to the new list. */
export function setSiteEnabled(host: string, enabled: boolean): Promise<string[]> {
  return inOrder(async () => {
    const sites = new Set(await loadDisabledSites());
    if (enabled) sites.delete(host);
    else sites.add(host);
    const list = [...sites].sort();
    await browser.storage.local.set({ [SITES_KEY]: list });
    return list;
  });
}

/** Calls back whenever settings or the site list change, in any context. Returns an unsubscribe. */
export function watchSettings(onChange: (what: { settings?: LoadedSettings; disabledSites?: string[] }) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area === 'sync' && changes[SETTINGS_KEY]) onChange({ settings: repairSettings(changes[SETTINGS_KEY].newValue) });
    if (area === 'local' && changes[SITES_KEY]) {
      const v = changes[SITES_KEY].newValue;
      onChange({ disabledSites: isStringArray(v) ? v : [] });
    }
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
