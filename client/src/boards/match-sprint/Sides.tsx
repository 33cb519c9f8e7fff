import { useTranslation } from 'react-i18next';
import { CARD_KINDS, MS_ROOT } from '@twinspace/shared/boards/match-sprint/layout';
import type { MsCard } from '@twinspace/shared/boards/match-sprint/read';
import { usePhase } from '../../state/boardStore.ts';
import { useMs } from '../../state/matchSprintStore.ts';
import { useParticipantId } from '../../state/sessionStore.ts';
import { AddMsCard } from './AddMsCard.tsx';
import { ConfirmDelete } from './ConfirmDelete.tsx';
import { MsCardTile } from './MsCardTile.tsx';
import {
  useCityColor,
  useCityNames,
  useEdit,
  useIsFacilitator,
  useMyCity,
  useSidesHidden,
} from './hooks.ts';

/** Each city's side, cards grouped by kind; the own side first, with the add form. */
export function Sides() {
  const { t } = useTranslation('matchSprint');
  const names = useCityNames();
  const myCity = useMyCity();
  const hidden = useSidesHidden();
  const phase = usePhase();
  const facilitator = useIsFacilitator();
  const mayAdd = phase === 'prepare' || phase === 'match' || facilitator;
  const ordered =
    myCity && names.includes(myCity) ? [myCity, ...names.filter((n) => n !== myCity)] : names;
  // The facilitator is the one to name them: tell them where, not that someone else has not.
  if (names.length === 0)
    return <p className="ms-empty">{t(facilitator ? 'sides.noCitiesYours' : 'sides.noCities')}</p>;
  return (
    <div className="ms-sides">
      {myCity && names.includes(myCity) && mayAdd ? <AddMsCard city={myCity} /> : null}
      {/* Before prepare a phone has no form: say when the cards come, not just that none has. */}
      {!mayAdd && (phase === 'welcome' || phase === null) ? (
        <p className="ms-empty" data-testid="ms-add-later">
          {t('sides.addInPrepare')}
        </p>
      ) : null}
      {ordered.map((city) =>
        hidden && city !== myCity ? (
          <section
            key={city}
            className="ms-side ms-side--hidden"
            aria-label={t('sides.side', { city })}
          >
            <h3>{t('sides.side', { city })}</h3>
            <p className="ms-empty">{t('sides.hidden')}</p>
          </section>
        ) : (
          <Side key={city} city={city} mine={city === myCity} />
        ),
      )}
    </div>
  );
}

function Side({ city, mine }: { city: string; mine: boolean }) {
  const { t } = useTranslation('matchSprint');
  const cards = useMs('cards').filter((c) => c.city === city);
  const color = useCityColor()(city);
  return (
    <section
      className="ms-side"
      aria-label={t('sides.side', { city })}
      data-testid="ms-side"
      data-city={city}
    >
      <h3 className="ms-side__head" style={{ color }}>
        {t(mine ? 'sides.mine' : 'sides.side', { city })}
        <span className="ms-count">{t('sides.count', { count: cards.length })}</span>
      </h3>
      {cards.length === 0 ? <p className="ms-empty">{t('sides.empty')}</p> : null}
      {CARD_KINDS.map((kind) => {
        const ofKind = cards.filter((c) => c.kind === kind);
        return ofKind.length === 0 ? null : (
          <div key={kind} className="ms-kind-group">
            <h4 className="ms-kind-group__head">{t(`kindsPlural.${kind}`)}</h4>
            <ul className="ms-card-list">
              {ofKind.map((card) => (
                <li key={card.id}>
                  <MsCardTile card={card} actions={<CardActions card={card} />} translate />
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

function CardActions({ card }: { card: MsCard }) {
  const { t } = useTranslation('matchSprint');
  const me = useParticipantId();
  const facilitator = useIsFacilitator();
  const edit = useEdit();
  if (card.owner !== me && !facilitator) return null;
  return (
    <ConfirmDelete
      label={t('card.deleteAria', { title: card.title })}
      onDelete={() => edit((doc) => doc.getMap(MS_ROOT.cards).delete(card.id))}
      testId="ms-card-delete"
    >
      {t('card.delete')}
    </ConfirmDelete>
  );
}
