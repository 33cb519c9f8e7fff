import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { suggestMatches, type Suggestion } from '@twinspace/shared/boards/match-sprint/suggest';
import type { MsCard, MsTheme } from '@twinspace/shared/boards/match-sprint/read';
import type { Person } from '@twinspace/shared/boards/common';
import { useBoardStore, usePerson, usePhase } from '../../state/boardStore.ts';
import { useMs } from '../../state/matchSprintStore.ts';
import { useJoinedAs, useParticipantId, useRole } from '../../state/sessionStore.ts';

/** The city this person joined as (the server's directory first, then this device's memory). */
export function useMyCity(): string | null {
  const id = useParticipantId();
  const person = usePerson(id ?? '');
  const joined = useJoinedAs();
  return person?.city ?? joined.city ?? null;
}

export const useIsFacilitator = (): boolean => useRole() === 'facilitator';

/** City names in the facilitator's order. */
export function useCityNames(): string[] {
  const cities = useMs('cities');
  return useMemo(() => cities.map((c) => c.name), [cities]);
}

/** A city's colour: its place in the list picks one of the palette's city colours. */
export function useCityColor(): (city: string) => string {
  const names = useCityNames();
  return useCallback(
    (city: string) => {
      const i = names.indexOf(city);
      return i < 0 ? 'var(--ink-2)' : `var(--city-${i % 8})`;
    },
    [names],
  );
}

/** A theme's label in the interface language, else its own label. */
export function themeLabel(theme: MsTheme | undefined, lang: string): string {
  if (!theme) return '';
  return theme.labels[lang] ?? theme.labels[lang.split('-')[0] ?? ''] ?? theme.label;
}

export function useThemeLabels(): (id: string) => string {
  const themes = useMs('themes');
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? i18n.language;
  return useCallback(
    (id: string) =>
      themeLabel(
        themes.find((t) => t.id === id),
        lang,
      ),
    [themes, lang],
  );
}

export function useCardsById(): Map<string, MsCard> {
  const cards = useMs('cards');
  return useMemo(() => new Map(cards.map((c) => [c.id, c])), [cards]);
}

export function useSuggestions(): Suggestion[] {
  const cards = useMs('cards');
  const translations = useMs('translations');
  const links = useMs('links');
  return useMemo(
    () => suggestMatches({ cards, translations, links }),
    [cards, translations, links],
  );
}

export function usePeopleList(): Person[] {
  const people = useBoardStore((s) => s.people);
  return useMemo(
    () => people.ids.flatMap((id) => (people.byId[id] ? [people.byId[id]] : [])),
    [people],
  );
}

/**
 * Whether other cities' sides are hidden from this screen: the facilitator's option,
 * before the match phase, for participants. Hidden from view, not secret (docs/match-sprint.md).
 */
export function useSidesHidden(): boolean {
  const settings = useMs('settings');
  const phase = usePhase();
  const role = useRole();
  return (
    settings.hideSidesUntilMatch &&
    role === 'participant' &&
    (phase === 'welcome' || phase === 'prepare')
  );
}

export { useCommand } from '../common/useCommand.ts';

export { useEdit } from '../common/useEdit.ts';
