/**
 * Every fact of an entity as a description list: label, value, the date it is true as
 * of, and its source link.
 */
import type { JSX } from 'preact';
import type { Entity } from '../facts/types.ts';
import { SourceLink } from './SourceLink.tsx';
import { dateLabel } from './date-label.ts';

export interface FactTableProps {
  entity: Pick<Entity, 'facts' | 'sources'>;
  lang: string;
  /** "as of" in the UI language, with `$1` for the date. */
  asOfText: (date: string) => string;
}

export function FactTable({ entity, lang, asOfText }: FactTableProps): JSX.Element {
  const sources = new Map(entity.sources.map((s) => [s.id, s]));
  return (
    <dl class="bs-facts">
      {entity.facts.map((f, i) => (
        <div class="bs-fact" key={i}>
          <dt>{f.label}</dt>
          <dd>
            <span class="bs-fact__value">{f.value}</span>
            <span class="bs-meta">
              <time dateTime={f.asOf.split('/')[0]}>{asOfText(dateLabel(f.asOf, lang))}</time>
              {' · '}
              <SourceLink source={sources.get(f.source)} />
            </span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
