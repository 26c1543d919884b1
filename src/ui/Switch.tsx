/**
 * An on/off switch: a button with role="switch" and aria-checked, its visible label as
 * its accessible name. Used for the global switch, the site switch and pack switches.
 */
import type { JSX } from 'preact';

export interface SwitchProps {
  label: string;
  checked: boolean;
  onChange: (next: boolean) => void;
  disabled?: boolean;
  /** Extra line under the label (e.g. what the switch applies to). */
  hint?: string;
  id?: string;
}

export function Switch({ label, checked, onChange, disabled, hint, id }: SwitchProps): JSX.Element {
  return (
    <button type="button" role="switch" id={id} class="bs-switch" aria-checked={checked} disabled={disabled} onClick={() => onChange(!checked)}>
      <span class="bs-switch__text">
        <span class="bs-switch__label">{label}</span>
        {hint ? <span class="bs-switch__hint">{hint}</span> : null}
      </span>
      <span class="bs-switch__track" aria-hidden="true">
        <span class="bs-switch__thumb" />
      </span>
    </button>
  );
}
