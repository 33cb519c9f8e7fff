import { useTranslation } from 'react-i18next';
import { useCardIds } from '../../state/boardStore.ts';
import { AddCardForm } from './AddCardForm.tsx';
import { CardList } from './CardList.tsx';
import { mayAddCard } from './cardOps.ts';
import { useActor } from './useActor.ts';

/**
 * The foundation board every kind has: a shared list of cards. Participants and the
 * facilitator add cards; the open-space and match-sprint boards build on it later.
 */
export function CommonBoard() {
  const { t } = useTranslation('board');
  const actor = useActor();
  const count = useCardIds().length;
  return (
    <section className="board" aria-labelledby="cards-heading">
      <div className="board__head">
        <h2 id="cards-heading">{t('cards.heading')}</h2>
        <span className="board__count">{t('cards.count', { count })}</span>
      </div>
      {actor && mayAddCard(actor) ? <AddCardForm /> : null}
      <CardList order="newest-first" />
    </section>
  );
}
