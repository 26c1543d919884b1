/**
 * manifest.json is the one source of the manifest; vite.config.ts derives each browser's
 * version of it. These check the derivation on the real file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chromeManifest, firefoxManifest, readManifest, type Manifest } from '../../../vite.config.ts';

const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
const source = readManifest();

describe('manifest.json', () => {
  it('takes its version from package.json', () => {
    expect(source.version).toBe(pkg.version);
  });

  it('is Chrome’s manifest as written, less the Firefox-only settings', () => {
    const chrome = chromeManifest(source);
    expect(chrome.browser_specific_settings).toBeUndefined();
    expect(chrome.side_panel).toEqual(source.side_panel);
    expect(chrome.background).toEqual({ service_worker: 'src/background/index.ts', type: 'module' });
    expect(chrome.permissions).toContain('sidePanel');
    expect(chrome.minimum_chrome_version).toBe('116');
  });

  it('gives Firefox a sidebar, a background script and its own panel command', () => {
    const ff = firefoxManifest(source);
    expect(ff.side_panel).toBeUndefined();
    expect(ff.minimum_chrome_version).toBeUndefined();
    expect(ff.sidebar_action).toMatchObject({ default_panel: source.side_panel!.default_path, open_at_install: false });
    expect(ff.background).toEqual({ scripts: ['src/background/index.ts'], type: 'module' });
    expect(ff.permissions).not.toContain('sidePanel');
    expect(ff.permissions).toEqual(source.permissions!.filter((p) => p !== 'sidePanel'));
    expect(Object.keys(ff.commands!)).toEqual(['next-mention', 'previous-mention', '_execute_sidebar_action']);
    expect(ff.commands!._execute_sidebar_action).toEqual(source.commands!['open-panel']);
    expect(ff.browser_specific_settings?.gecko?.id).toMatch(/@/);
    // Everything else is shared.
    for (const key of ['name', 'version', 'action', 'options_ui', 'content_scripts', 'icons', 'content_security_policy']) expect(ff[key], key).toEqual(source[key]);
  });

  it('leaves a manifest without a side panel or worker alone in those keys', () => {
    const bare: Manifest = { version: '1.0.0', background: { scripts: ['bg.js'] } };
    expect(firefoxManifest(bare)).toEqual({ version: '1.0.0', background: { scripts: ['bg.js'] }, permissions: [], commands: {} });
  });
});
