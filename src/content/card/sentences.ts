/**
 * A summary's sentences, so that the card can show the whole sentences that fit in its lines
 * instead of a sentence cut off mid-word. A sentence ends at `.`, `!`, `?` or `…` followed by
 * a space and the start of the next one (a capital, a Georgian letter, a digit or an opening
 * quote); not after an initial or an abbreviation ("U.S. Senate", "J. Smith"): a word of the
 * stop with fewer than three letters or digits, or with a full stop inside it, does not end a
 * sentence.
 */
const BOUNDARY = /([.!?…])\s+(?=["«„“(]?[\p{Lu}\p{Nd}\u10d0-\u10ff])/gu;

/** The word right before index `end` of `text` (letters and full stops, back to a space). */
function wordBefore(text: string, end: number): string {
  let k = end;
  while (k > 0 && !/\s/.test(text[k - 1]!)) k--;
  return text.slice(k, end);
}

/** The sentences of `text`, each with its closing punctuation, trimmed; [] for an empty text. */
export function sentencesOf(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (const m of text.matchAll(BOUNDARY)) {
    const stop = m.index + 1;
    const word = wordBefore(text, m.index);
    if (m[1] === '.' && (word.includes('.') || word.replace(/[^\p{L}\p{Nd}]/gu, '').length < 3)) continue;
    out.push(text.slice(from, stop).trim());
    from = m.index + m[0].length;
  }
  const rest = text.slice(from).trim();
  if (rest) out.push(rest);
  return out;
}
