/**
 * The start of an extension page (popup, side panel, options): the page's language and
 * title in the reader's language, the shared base styles, and the page's app rendered
 * into one root element. Each page's index.html holds only what the browser and Vite need
 * before this runs: the charset, the viewport and the page's entry script.
 */
import { render, type ComponentType } from 'preact';
import { t, uiLang } from './i18n.ts';
import './base.css';

/** Sets the language and the title (`titleKey`, a catalogue key) and renders `App`. */
export function mountPage(App: ComponentType, titleKey: string): void {
  document.documentElement.lang = uiLang();
  document.title = t(titleKey);
  const root = document.createElement('div');
  root.id = 'app';
  document.body.append(root);
  render(<App />, root);
}
