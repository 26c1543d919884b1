/**
 * A link to a fact's source: http(s) only, opened in a new tab without opener or
 * referrer. A source with any other URL is shown as plain text.
 */
import type { JSX } from 'preact';
import type { Source } from '../facts/types.ts';
import { safeHttpUrl } from './safe-url.ts';

export interface SourceLinkProps {
  source: Source | undefined;
}

export function SourceLink({ source }: SourceLinkProps): JSX.Element | null {
  if (!source) return null;
  const href = safeHttpUrl(source.url);
  const text = source.publisher || source.title;
  if (!href) return <span class="bs-source">{text}</span>;
  return (
    <a class="bs-source" href={href} target="_blank" rel="noopener noreferrer" title={source.title}>
      {text}
    </a>
  );
}
