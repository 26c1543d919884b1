/**
 * Content script entry (a standalone IIFE: dist/<browser>/content.js). The page
 * stylesheet (::highlight rules) is emitted as content.css and listed in the manifest.
 */
import './page.css';
import compiled from 'virtual:backstory/matcher';
import { startContent } from './app.ts';

startContent(document, compiled);
