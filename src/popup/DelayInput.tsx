/** A delay in milliseconds (0–5000), saved when the reader commits it (Enter or leaving the field). */
import type { JSX } from 'preact';
import { t } from '../ui/i18n.ts';

export interface DelayInputProps {
  id: string;
  label: string;
  value: number;
  onCommit: (ms: number) => void;
}

export function DelayInput({ id, label, value, onCommit }: DelayInputProps): JSX.Element {
  return (
    <div class="pp-field">
      <label for={id}>{label}</label>
      <span class="pp-delay">
        <input
          id={id}
          type="number"
          min={0}
          max={5000}
          step={50}
          value={value}
          aria-describedby={`${id}-unit`}
          onChange={(e) => {
            const n = Math.round(Number(e.currentTarget.value));
            const ms = Number.isFinite(n) ? Math.min(5000, Math.max(0, n)) : value;
            e.currentTarget.value = String(ms);
            if (ms !== value) onCommit(ms);
          }}
        />
        <span id={`${id}-unit`} class="pp-unit">
          {t('milliseconds')}
        </span>
      </span>
    </div>
  );
}
