/** Options page entry: the pack manager, in the reader's language. */
import { App } from './App.tsx';
import { mountPage } from '../ui/page.tsx';
import './options.css';

mountPage(App, 'optionsTitle');
