import type { TFunction } from 'i18next';
import type { MsCard } from '@twinspace/shared/boards/match-sprint/read';
import type { Suggestion } from '@twinspace/shared/boards/match-sprint/suggest';

/**
 * The sentence that says why a pair is suggested, from the structured reason: "your need
 * X meets Dresden's potential Y; shared themes: ...", from the reader's point of view.
 */
export function reasonText(
  t: TFunction<'matchSprint'>,
  s: Suggestion,
  cards: Map<string, MsCard>,
  myCity: string | null,
  themeLabel: (id: string) => string,
): string {
  const a = cards.get(s.from)?.title ?? '';
  const b = cards.get(s.to)?.title ?? '';
  const { fromCity, toCity, sharedThemes, sharedWords } = s.reason;
  let head: string;
  if (s.reason.kind === 'need-potential') {
    const who =
      myCity === fromCity ? 'yourNeed' : myCity === toCity ? 'yourPotential' : 'needPotential';
    head = t(`reason.${who}`, { need: a, potential: b, fromCity, toCity });
  } else {
    head = t('reason.shared', { a, b, fromCity, toCity });
  }
  const parts = [head];
  if (sharedThemes.length > 0)
    parts.push(t('reason.themes', { themes: sharedThemes.map(themeLabel).join(', ') }));
  if (sharedWords.length > 0) parts.push(t('reason.words', { words: sharedWords.join(', ') }));
  return parts.join('; ');
}
