/** Side panel entry: sets the page language and renders the app. */
import { render } from 'preact';
import { App } from './App.tsx';
import { t, uiLang } from '../ui/i18n.ts';
import '../ui/base.css';
import './sidepanel.css';

document.documentElement.lang = uiLang();
document.title = t('panelTitle');
render(<App />, document.getElementById('app')!);
