/** Options page entry: renders the pack manager in the reader's language. */
import { App } from './App.tsx';
import { renderPage } from '../ui/render-page.tsx';
import '../ui/base.css';
import './options.css';

void renderPage('optionsTitle', () => <App />);
