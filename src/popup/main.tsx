/** Popup entry: sets the page language and renders the settings. */
import { render } from 'preact';
import { App } from './App.tsx';
import { t, uiLang } from '../ui/i18n.ts';
import '../ui/base.css';
import './popup.css';

document.documentElement.lang = uiLang();
document.title = t('popupTitle');
render(<App />, document.getElementById('app')!);
