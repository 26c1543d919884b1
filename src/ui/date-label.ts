/**
 * Human dates for the pack's ISO dates, as precise as the source: `2008` → "2008",
 * `2008-08` → "Aug 2008", `2008-08-12` → "12 Aug 2008", `2012/2013` → "2012–2013".
 */
const cache = new Map<string, Intl.DateTimeFormat>();

/**
 * Georgian short month names (CLDR's, as Intl writes them: "12 ოქტ. 2008", "ოქტ. 2008"), for
 * a browser whose Intl has no Georgian data: Chromium ships none, and would write "Oct 2008".
 */
const KA_MONTHS = 'იან თებ მარ აპრ მაი ივნ ივლ აგვ სექ ოქტ ნოე დეკ'.split(' ');
let intlKnowsKa: boolean | undefined;
const georgianByHand = (lang: string): boolean => lang.slice(0, 2) === 'ka' && !(intlKnowsKa ??= Intl.DateTimeFormat.supportedLocalesOf('ka').length > 0);

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
  const kaMonth = georgianByHand(lang) ? KA_MONTHS[Number(mo) - 1] : undefined;
  if (kaMonth) return `${d ? `${Number(d)} ` : ''}${kaMonth}. ${y}`;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, d ? Number(d) : 1));
  try {
    return fmt(lang, Boolean(d)).format(date);
  } catch {
    return iso;
  }
}

/** Formats an `IsoDate` (or a `start/end` range) for display in `lang`. */
export function dateLabel(iso: string, lang = 'en'): string {
  return iso
    .split('/')
    .map((p) => one(p, lang))
    .join('–');
}

/** A sort key for an `IsoDate`: its start, so that ranges sort by where they begin. */
export function dateSortKey(iso: string): string {
  return iso.split('/')[0]!.trim();
}
