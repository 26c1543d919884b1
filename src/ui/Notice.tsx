/** A calm inline message: information, success or a problem (role=status or alert). */
import type { ComponentChildren, JSX } from 'preact';

export interface NoticeProps {
  kind?: 'info' | 'ok' | 'error';
  children: ComponentChildren;
}

export function Notice({ kind = 'info', children }: NoticeProps): JSX.Element {
  return (
    <div class={`bs-notice bs-notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
