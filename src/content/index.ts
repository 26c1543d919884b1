/**
 * Content script entry (a standalone IIFE: dist/<browser>/content.js). The page
 * stylesheet (::highlight rules) is emitted as content.css and listed in the manifest.
 * The bundled matcher is not in this file: it comes from extension storage (bundled-matcher.ts).
 */
import './page.css';
import { loadBundledMatcher } from './bundled-matcher.ts';
import { startContent } from './app.ts';

startContent(document, loadBundledMatcher);
