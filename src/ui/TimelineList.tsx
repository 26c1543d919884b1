/**
 * A dated list of events, oldest first as given. Each row may carry the entity it
 * belongs to (the article's merged timeline) and a source link.
 */
import type { ComponentChildren, JSX } from 'preact';
import type { Source } from '../facts/types.ts';
import { SourceLink } from './SourceLink.tsx';
import { dateLabel } from './date-label.ts';

/** One row of a timeline. */
export interface TimelineRow {
  key: string;
  date: string;
  text: string;
  /** The text's language when it differs from the page's (an English fallback). */
  textLang?: string | undefined;
  source?: Source;
  /** Shown after the text, e.g. a link back to the entity. */
  extra?: ComponentChildren;
}

export interface TimelineListProps {
  rows: TimelineRow[];
  lang: string;
  label: string;
}

export function TimelineList({ rows, lang, label }: TimelineListProps): JSX.Element {
  return (
    <ol class="bs-timeline" aria-label={label}>
      {rows.map((r) => (
        <li class="bs-timeline__row" key={r.key}>
          <time class="bs-timeline__date" dateTime={r.date.split('/')[0]}>
            {dateLabel(r.date, lang)}
          </time>
          <div class="bs-timeline__body">
            <span lang={r.textLang}>{r.text}</span>
            {r.extra || r.source ? (
              <span class="bs-meta">
                {r.extra}
                {r.extra && r.source ? ' · ' : null}
                <SourceLink source={r.source} />
              </span>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
