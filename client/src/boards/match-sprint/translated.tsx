import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MS_ROOT } from '@twinspace/shared/boards/match-sprint/layout';
import type { MsCard } from '@twinspace/shared/boards/match-sprint/read';
import { translationTarget } from '@twinspace/shared/boards/translations';
import { useAnnounceNew } from '../../components/Announcer.tsx';
import { msActions, useMs } from '../../state/matchSprintStore.ts';
import { useParticipantId } from '../../state/sessionStore.ts';
import { useTranslated } from '../common/useTranslated.ts';
import { useAnnounceTimer } from '../timer/Timer.tsx';

/** The `translations` target of a card, and the card as written (title, description). */
export const cardTarget = (card: MsCard): string => translationTarget(MS_ROOT.cards, card.id);
export const cardOriginal = (card: MsCard) =>
  ({
    title: card.title,
    text: card.description || undefined,
    language: card.language || undefined,
  }) as const;

/** A card in this screen's language (or `language`) where someone translated it. */
export function useCardText(card: MsCard, language?: string) {
  return useTranslated(cardTarget(card), cardOriginal(card), language);
}

/** A card's title in this screen's language (or `language`), with its lang attribute. */
export function CardTitle({
  card,
  className,
  language,
}: {
  card: MsCard;
  className?: string | undefined;
  language?: string | undefined;
}) {
  const version = useCardText(card, language);
  return (
    <span className={className} lang={version.language}>
      {version.title}
    </span>
  );
}

/**
 * What a screen reader hears about Match & Sprint beyond phases: new cards by others
 * (phones and the facilitator) and the shared timer running out (every screen with it).
 * Renders nothing; the app's one live region speaks, batched and rate-limited.
 */
export function MsAnnouncements({ cards = true }: { cards?: boolean }) {
  const { t } = useTranslation(['board', 'common']);
  const me = useParticipantId();
  const list = useMs('cards');
  const ids = useMemo(() => (cards ? list.map((c) => c.id) : EMPTY), [list, cards]);
  const mine = useCallback(
    (id: string) => msActions().cards.some((c) => c.id === id && c.owner === me),
    [me],
  );
  useAnnounceNew(ids, 'ms-cards', (count) => t('board:announce.newCards', { count }), mine);
  useAnnounceTimer();
  return null;
}

const EMPTY: readonly string[] = [];
