/** How a cross-context call reports its outcome: never thrown across contexts. */
export type Result<T extends object> = ({ ok: true } & T) | { ok: false; error: string };

/** Turns anything thrown into a message a person can read. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'string') return e;
  return 'Unknown error';
}
