/** A small tag naming an entity's type ("Person", "Place"…), coloured per type. */
import type { JSX } from 'preact';
import type { EntityType } from '../facts/types.ts';

export interface EntityTypeTagProps {
  type: EntityType;
  /** The type's name in the UI language. */
  label: string;
}

export function EntityTypeTag({ type, label }: EntityTypeTagProps): JSX.Element {
  return <span class={`bs-type bs-type--${type}`}>{label}</span>;
}
