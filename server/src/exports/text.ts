/**
 * What every format does to a participant's text before its own escaping: a right-to-left
 * override or isolate left open would reverse or swallow what the export writes after it
 * ("convened by ‮Ana · 3 votes" read backwards), so each value closes what it opened.
 */

const EMBEDDINGS = new Set(['\u202a', '\u202b', '\u202d', '\u202e']); // LRE RLE LRO RLO
const ISOLATES = new Set(['\u2066', '\u2067', '\u2068']); // LRI RLI FSI
const POP_EMBEDDING = '\u202c'; // PDF
const POP_ISOLATE = '\u2069'; // PDI

/** The text with every bidirectional embedding, override and isolate it opened closed. */
export function closeBidi(text: string): string {
  if (!/[\u202a-\u202e\u2066-\u2069]/.test(text)) return text;
  const open: string[] = [];
  for (const ch of text) {
    if (EMBEDDINGS.has(ch) || ISOLATES.has(ch)) open.push(ch);
    else if (ch === POP_EMBEDDING && open.length > 0 && EMBEDDINGS.has(open.at(-1)!)) open.pop();
    else if (ch === POP_ISOLATE) {
      // A PDI closes the nearest isolate and every embedding opened inside it (UAX #9).
      const at = open.findLastIndex((c) => ISOLATES.has(c));
      if (at >= 0) open.length = at;
    }
  }
  return (
    text +
    open
      .reverse()
      .map((c) => (ISOLATES.has(c) ? POP_ISOLATE : POP_EMBEDDING))
      .join('')
  );
}
