/**
 * A link to a fact's source: http(s) only, opened in a new tab without opener or
 * referrer, followed by what the source is ("state media · Russia") when given. A source
 * with any other URL is shown as plain text.
 */
import type { JSX } from 'preact';
import type { Source } from '../facts/types.ts';
import { safeHttpUrl } from './safe-url.ts';

export interface SourceLinkProps {
  source: Source | undefined;
  /** The source's kind as a label, shown after the publisher. */
  kind?: string | undefined;
}

export function SourceLink({ source, kind }: SourceLinkProps): JSX.Element | null {
  if (!source) return null;
  const href = safeHttpUrl(source.url);
  const text = source.publisher || source.title;
  const link = href ? (
    <a class="bs-source" href={href} target="_blank" rel="noopener noreferrer" title={source.title}>
      {text}
    </a>
  ) : (
    <span class="bs-source">{text}</span>
  );
  if (!kind) return link;
  return (
    <span class="bs-source-wrap">
      {link}
      <span class="bs-source-kind"> · {kind}</span>
    </span>
  );
}
