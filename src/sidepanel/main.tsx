/** Side panel entry: the full background, in the reader's language. */
import { App } from './App.tsx';
import { mountPage } from '../ui/page.tsx';
import './sidepanel.css';

mountPage(App, 'panelTitle');
