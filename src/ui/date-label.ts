/**
 * Human dates for the pack's ISO dates, as precise as the source: `2008` → "2008",
 * `2008-08` → "Aug 2008", `2008-08-12` → "12 Aug 2008", `2012/2013` → "2012–2013".
 */
const cache = new Map<string, Intl.DateTimeFormat>();

function fmt(lang: string, withDay: boolean): Intl.DateTimeFormat {
  const key = `${lang}|${withDay}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { timeZone: 'UTC', year: 'numeric', month: 'short', ...(withDay ? { day: 'numeric' } : {}) });
    cache.set(key, f);
  }
  return f;
}

function one(iso: string, lang: string): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso.trim());
  if (!m) return iso;
  const [, y, mo, d] = m;
  if (!mo) return y!;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, d ? Number(d) : 1));
  try {
    return fmt(lang, Boolean(d)).format(date);
  } catch {
    return iso;
  }
}

/** Formats an `IsoDate` (or a `start/end` range) for display in `lang`. */
export function dateLabel(iso: string, lang = 'en'): string {
  return iso.split('/').map((p) => one(p, lang)).join('–');
}

/** A sort key for an `IsoDate`: its start, so that ranges sort by where they begin. */
export function dateSortKey(iso: string): string {
  return iso.split('/')[0]!.trim();
}
