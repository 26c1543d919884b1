/** Popup entry: the settings, in the reader's language. */
import { App } from './App.tsx';
import { mountPage } from '../ui/page.tsx';
import './popup.css';

mountPage(App, 'popupTitle');
