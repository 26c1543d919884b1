/**
 * Node-only: reads a text or HTML input for the CLI tools and rejects binary data.
 */
import { readFileSync } from 'node:fs';
import { htmlToText } from './html-text.ts';

/** The text to annotate, with the page title when the input was HTML. */
export interface InputText {
  text: string;
  title?: string;
  html: boolean;
}

/** Thrown for inputs the tools cannot read; the message is meant for the user. */
export class InputError extends Error {}

/** True when the input looks like HTML (by file name, or by a doctype/html/body tag near the start). */
export function looksLikeHtml(name: string, text: string): boolean {
  if (/\.x?html?$/i.test(name)) return true;
  if (/\.(txt|md)$/i.test(name)) return false;
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text.slice(0, 2000));
}

/** Decodes bytes as UTF-8 text (a BOM is kept, so offsets match the file), or throws InputError for binary data. */
export function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes.includes(0)) throw new InputError(`${name}: binary input (contains NUL bytes); expected text or HTML`);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new InputError(`${name}: not valid UTF-8 text; expected text or HTML`);
  }
}

/** Reads FILE, or standard input for "-". */
export function readInput(file: string): InputText {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file === '-' ? 0 : file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${file}: no such file`);
    if (code === 'EISDIR') throw new InputError(`${file}: is a directory, expected a file`);
    throw new InputError(`${file}: cannot read (${code ?? String(e)})`);
  }
  const name = file === '-' ? 'stdin' : file;
  const raw = decodeText(bytes, name);
  if (looksLikeHtml(name, raw)) {
    const { text, title } = htmlToText(raw);
    return { text, title, html: true };
  }
  return { text: raw, html: false };
}
