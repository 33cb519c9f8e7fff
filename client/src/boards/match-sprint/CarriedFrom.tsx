import { useTranslation } from 'react-i18next';
import type { CarryOrigin } from '@twinspace/shared/events/origin';

/**
 * Where a carried card or task came from (docs/events.md): the workshop (source board) and
 * who wrote it there, written by the server and shown wherever the entity is.
 */
export function CarriedFrom({ origin }: { origin: CarryOrigin | null }) {
  const { t } = useTranslation('matchSprint');
  if (!origin) return null;
  return (
    <p className="ms-carried" data-testid="carried-from">
      {origin.author
        ? t('card.carriedFrom', { board: origin.boardTitle, author: origin.author })
        : t('card.carriedFromBoard', { board: origin.boardTitle })}
    </p>
  );
}
