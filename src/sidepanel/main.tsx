/** Side panel entry: renders the app in the reader's language. */
import { App } from './App.tsx';
import { renderPage } from '../ui/render-page.tsx';
import '../ui/base.css';
import './sidepanel.css';

void renderPage('panelTitle', () => <App />);
