/** Popup entry: renders the settings in the reader's language. */
import { App } from './App.tsx';
import { renderPage } from '../ui/render-page.tsx';
import '../ui/base.css';
import './popup.css';

void renderPage('popupTitle', () => <App />);
