/**
 * The MV3 manifest, one source for both browsers. Chrome gets `side_panel` and a service
 * worker; Firefox gets `sidebar_action`, `background.scripts` and a gecko id.
 * The content script is a standalone IIFE (built separately, see scripts/build.mjs) and is
 * added after crxjs has run, so no chunk needs to be web-accessible.
 */
import pkg from './package.json' with { type: 'json' };

export type Target = 'chrome' | 'firefox';

export const GECKO_ID = 'backstory@backstory.invalid';

/** The content script entry as it appears in the manifest. */
export function contentScripts() {
  return [
    {
      matches: ['http://*/*', 'https://*/*'],
      js: ['content.js'],
      css: ['content.css'],
      run_at: 'document_idle',
      all_frames: true,
    },
  ];
}

export function makeManifest(target: Target) {
  const common = {
    manifest_version: 3,
    name: '__MSG_extName__',
    short_name: 'Backstory',
    description: '__MSG_extDescription__',
    version: pkg.version,
    default_locale: 'en',
    icons: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png', 48: 'icons/icon-48.png', 128: 'icons/icon-128.png' },
    action: {
      default_popup: 'src/popup/index.html',
      default_title: '__MSG_actionTitle__',
      default_icon: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png' },
    },
    options_ui: { page: 'src/options/index.html', open_in_tab: true },
    permissions: ['storage', 'contextMenus', ...(target === 'chrome' ? ['sidePanel'] : [])],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    },
    commands: {
      'next-mention': { suggested_key: { default: 'Alt+Shift+Period' }, description: '__MSG_cmdNext__' },
      'previous-mention': { suggested_key: { default: 'Alt+Shift+Comma' }, description: '__MSG_cmdPrevious__' },
      ...(target === 'chrome'
        ? { 'open-panel': { suggested_key: { default: 'Alt+Shift+B' }, description: '__MSG_cmdPanel__' } }
        : { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+B' }, description: '__MSG_cmdPanel__' } }),
    },
  };
  if (target === 'chrome') {
    return {
      ...common,
      minimum_chrome_version: '116',
      background: { service_worker: 'src/background/index.ts', type: 'module' as const },
      side_panel: { default_path: 'src/sidepanel/index.html' },
    };
  }
  return {
    ...common,
    background: { scripts: ['src/background/index.ts'], type: 'module' as const },
    sidebar_action: {
      default_panel: 'src/sidepanel/index.html',
      default_title: '__MSG_panelTitle__',
      default_icon: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png' },
      open_at_install: false,
    },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  };
}
