/** The language everything falls back to, on the server and in the browser. */
export const FALLBACK_LANGUAGE = 'en';

/** "de-AT" and "de" are the same language for choosing a version or an interface. */
export const baseLanguage = (code: string): string => code.toLowerCase().split('-')[0] ?? code;

/**
 * Picks the UI language: an explicit earlier choice wins, then the browser's preferences
 * (matching "de-AT" to "de"), then English. The client picks with it before its first
 * render; the server with the same rule for the board preview it puts into the HTML, so
 * the preview and the app that replaces it speak the same language.
 */
export function pickLanguage(
  stored: string | null,
  browserLanguages: readonly string[],
  supported: readonly string[],
): string {
  const candidates = stored === null ? browserLanguages : [stored, ...browserLanguages];
  for (const candidate of candidates) {
    const base = baseLanguage(candidate);
    if (supported.includes(base)) return base;
  }
  return supported.includes(FALLBACK_LANGUAGE)
    ? FALLBACK_LANGUAGE
    : (supported[0] ?? FALLBACK_LANGUAGE);
}

/** The cookie that tells the server a person's chosen UI language (the client sets it). */
export const LANGUAGE_COOKIE = 'twinspace_lang';

/** Accept-Language in the order of the browser's preference ("de-AT,de;q=0.9,en;q=0.8"). */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((l) => l.tag && l.tag !== '*' && l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((l) => l.tag);
}
