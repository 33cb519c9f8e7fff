import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCard, usePerson } from '../../state/boardStore.ts';
import { useBoardInfo, useParticipantId } from '../../state/sessionStore.ts';
import { useSession } from '../../app/sessionContext.ts';
import { ROOT } from '@twinspace/shared/boards/common';
import { translationTarget } from '@twinspace/shared/boards/translations';
import { useFormat } from '../../i18n/format.ts';
import { AddTranslation } from './AddTranslation.tsx';
import { CardEditor } from './CardEditor.tsx';
import { cardPermissions, deleteCard } from './cardOps.ts';
import { SideBySide, TranslatedText } from './Translated.tsx';
import { useActor } from './useActor.ts';

/** A stable colour per city (its index on the board), so delegations read at a glance. */
function useCityIndex(city: string | undefined): number | null {
  const cities = useBoardInfo()?.cities;
  const index = city === undefined || !cities ? -1 : cities.indexOf(city);
  return index < 0 ? null : index % 8;
}

/**
 * One card tile. Subscribes to its own card only: an edit elsewhere on the board does not
 * re-render it (the store keeps unchanged card objects stable).
 */
export const CardItem = memo(function CardItem({
  id,
  readOnly,
  languages = [],
  isNew = false,
}: {
  id: string;
  readOnly: boolean;
  /** Added while the list was open: it slides in. */
  isNew?: boolean;
  /** The wall's languages: two side by side, or one (see useWallLanguageChoice). */
  languages?: readonly string[];
}) {
  const { t } = useTranslation('board');
  const card = useCard(id);
  const author = usePerson(card?.owner ?? '');
  const me = useParticipantId();
  const actor = useActor();
  const cityIndex = useCityIndex(author?.city);
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm-delete'>('view');
  const format = useFormat();
  if (!card) return null;

  const mine = card.owner === me;
  const can = readOnly || !actor ? { edit: false, remove: false } : cardPermissions(actor, card);
  const authorName = author?.name ?? t('cards.unknownAuthor');
  const target = translationTarget(ROOT.cards, card.id);
  const original = { text: card.text, language: card.language };
  const className = [
    'card',
    mine ? 'card--mine' : '',
    isNew ? 'card--new' : '',
    cityIndex === null ? '' : `card--city-${cityIndex}`,
  ].join(' ');

  return (
    <li className={className} data-testid="card" data-card-id={card.id}>
      {mode === 'edit' ? (
        <CardEditor
          cardId={card.id}
          text={card.text}
          language={card.language}
          onDone={() => setMode('view')}
        />
      ) : languages.length === 2 ? (
        <SideBySide target={target} original={original} languages={languages} />
      ) : (
        <TranslatedText
          target={target}
          original={original}
          className="card__text"
          readOnly={readOnly}
          language={languages[0]}
        />
      )}
      <div className="card__meta">
        <span className="card__author">
          {mine ? t('cards.you') : authorName}
          {author?.city ? <span className="card__city">{author.city}</span> : null}
          {card.createdAt > 0 ? (
            <time
              className="card__time"
              dateTime={new Date(card.createdAt).toISOString()}
              title={t('cards.addedAt', { time: format.dateTime(card.createdAt) })}
            >
              {format.time(card.createdAt)}
            </time>
          ) : null}
        </span>
        {mode === 'view' && (can.edit || can.remove) ? (
          <span className="card__actions">
            {can.edit ? (
              <button
                type="button"
                className="button button--quiet button--small"
                aria-label={t('cards.editAria', { name: authorName })}
                onClick={() => setMode('edit')}
              >
                {t('cards.edit')}
              </button>
            ) : null}
            {can.remove ? (
              <button
                type="button"
                className="button button--quiet button--small"
                aria-label={t('cards.deleteAria', { name: authorName })}
                onClick={() => setMode('confirm-delete')}
              >
                {t('cards.delete')}
              </button>
            ) : null}
          </span>
        ) : null}
      </div>
      {mode === 'view' && !readOnly && actor?.participantId ? (
        <div className="card__translate">
          <AddTranslation target={target} original={original} />
        </div>
      ) : null}
      {mode === 'confirm-delete' ? (
        <ConfirmDelete cardId={card.id} onCancel={() => setMode('view')} />
      ) : null}
    </li>
  );
});

function ConfirmDelete({ cardId, onCancel }: { cardId: string; onCancel: () => void }) {
  const { t } = useTranslation('board');
  const session = useSession();
  return (
    <div className="card__confirm" role="group" aria-label={t('cards.confirmDelete')}>
      <p>{t('cards.confirmDelete')}</p>
      <button
        type="button"
        className="button button--danger button--small"
        onClick={() => session.doc && deleteCard(session.doc, cardId)}
      >
        {t('cards.confirmYes')}
      </button>
      <button
        type="button"
        className="button button--quiet button--small"
        onClick={onCancel}
        autoFocus
      >
        {t('cards.confirmNo')}
      </button>
    </div>
  );
}
