/** Search hits over the whole dataset: name, type and, when it differs, the alias that matched. */
import type { JSX } from 'preact';
import type { SearchHit } from '../shared/messages.ts';
import { t } from '../ui/i18n.ts';
import { typeLabel } from '../ui/labels.ts';
import { EntityTypeTag } from '../ui/EntityTypeTag.tsx';

export interface SearchResultsProps {
  query: string;
  hits: SearchHit[];
  onOpen: (id: string) => void;
}

export function SearchResults({ query, hits, onOpen }: SearchResultsProps): JSX.Element {
  return (
    <section class="sp-section" aria-labelledby="sp-results-h">
      <div role="status">
        <h2 id="sp-results-h" class="sp-kicker">
          {hits.length ? t('searchResults', hits.length) : t('searchNone', query)}
        </h2>
      </div>
      <ul class="sp-list">
        {hits.map((h) => (
          <li key={h.id}>
            <button type="button" class="sp-row" onClick={() => onOpen(h.id)}>
              <span class="sp-row__main">
                <span class="sp-row__name">{h.name}</span>
                {h.matched !== h.name ? <span class="sp-row__alias">{h.matched}</span> : null}
              </span>
              <EntityTypeTag type={h.type} label={typeLabel(h.type)} />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
