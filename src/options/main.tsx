/** Options page entry: sets the page language and renders the pack manager. */
import { render } from 'preact';
import { App } from './App.tsx';
import { t, uiLang } from '../ui/i18n.ts';
import '../ui/base.css';
import './options.css';

document.documentElement.lang = uiLang();
document.title = t('optionsTitle');
render(<App />, document.getElementById('app')!);
