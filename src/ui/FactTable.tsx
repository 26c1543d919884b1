/**
 * Facts as a description list: label, value, when (the date it happened, or "as of" for
 * a standing statement) and its source, with the source's kind where it matters. Texts are
 * in the reader's language where the pack has them; an English fallback carries `lang`.
 */
import type { JSX } from 'preact';
import type { Entity, Fact } from '../facts/types.ts';
import { localFact } from '../facts/names.ts';
import { SourceLink } from './SourceLink.tsx';
import { dateLabel } from './date-label.ts';
import { sourceKindLabel } from './source-kind.ts';

export interface FactTableProps {
  entity: Pick<Entity, 'facts' | 'sources'>;
  lang: string;
  /** A UI string by key (`asOf` with `$1`, `kind_…`). */
  t: (key: string, ...subs: string[]) => string;
  /** The card names only some source kinds; the panel names all. */
  where: 'card' | 'panel';
}

/** "12 Aug 2008", "2018–2022", or "as of 2024". */
export function factWhen(f: Pick<Fact, 'date' | 'asOf'>, lang: string, t: FactTableProps['t']): { iso: string; text: string } | undefined {
  const iso = f.date ?? f.asOf;
  if (!iso) return undefined;
  const text = dateLabel(iso, lang);
  return { iso: iso.split('/')[0]!, text: f.date !== undefined ? text : t('asOf', text) };
}

export function FactTable({ entity, lang, t, where }: FactTableProps): JSX.Element {
  const sources = new Map(entity.sources.map((s) => [s.id, s]));
  const ui = lang.slice(0, 2);
  return (
    <dl class="bs-facts">
      {entity.facts.map((f, i) => {
        const tx = localFact(f, lang);
        const when = factWhen(f, lang, t);
        const source = sources.get(f.source);
        const kind = sourceKindLabel(source, t, lang, where);
        return (
          <div class="bs-fact" key={i} lang={tx.lang !== ui ? tx.lang : undefined}>
            <dt>{tx.label}</dt>
            <dd>
              <span class="bs-fact__value">{tx.value}</span>
              <span class="bs-meta" lang={tx.lang !== ui ? ui : undefined}>
                {when ? <time dateTime={when.iso}>{when.text}</time> : null}
                {when ? ' · ' : null}
                <SourceLink source={source} kind={kind} />
              </span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
