/**
 * A group of checkboxes, one per topic or type, checked when it is shown, each with the
 * number of mentions on the current page it covers.
 */
import type { JSX } from 'preact';
import { t } from '../ui/i18n.ts';

export interface FilterItem {
  id: string;
  label: string;
  count: number;
}

export interface FilterListProps {
  legend: string;
  items: FilterItem[];
  hidden: readonly string[];
  onToggle: (id: string, shown: boolean) => void;
  /** Prefix for the inputs' ids. */
  name: string;
}

export function FilterList({ legend, items, hidden, onToggle, name }: FilterListProps): JSX.Element {
  return (
    <fieldset class="pp-filters">
      <legend>{legend}</legend>
      <ul>
        {items.map((it) => {
          const id = `${name}-${it.id}`;
          return (
            <li key={it.id}>
              <input id={id} type="checkbox" checked={!hidden.includes(it.id)} onChange={(e) => onToggle(it.id, e.currentTarget.checked)} />
              <label for={id}>
                <span>{it.label}</span>
                <span class="pp-count" title={t('mentionsCount', it.count)}>
                  {it.count}
                  <span class="bs-visually-hidden"> {t('mentionsOnPageShort')}</span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
