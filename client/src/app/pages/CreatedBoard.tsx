import { useTranslation } from 'react-i18next';
import type { CreateBoardResponse } from '@twinspace/shared/protocol';
import { CopyLink } from '../../components/CopyLink.tsx';
import { navigate } from '../router.ts';

/** After creating: the three links (the facilitator's marked secret) and the way in. */
export function CreatedBoard({
  board,
  onAnother,
}: {
  board: CreateBoardResponse;
  onAnother: () => void;
}) {
  const { t } = useTranslation(['landing', 'common']);
  return (
    <section className="panel panel--success" aria-labelledby="created-h">
      <p className="eyebrow">{t(`common:kinds.${board.kind}`)}</p>
      <h2 id="created-h">{t('created.heading', { title: board.title })}</h2>
      <p className="created__code">
        {t('created.code')} <span className="room-code room-code--medium">{board.code}</span>
      </p>
      <CopyLink
        label={t('created.participant')}
        url={board.participantUrl}
        testId="participant-url"
      />
      <CopyLink label={t('created.projector')} url={board.projectorUrl} testId="projector-url" />
      <CopyLink
        label={t('created.facilitator')}
        url={board.facilitatorUrl}
        testId="facilitator-url"
        secretHint={t('created.facilitatorSecret')}
      />
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          onClick={() => navigate(board.facilitatorUrl)}
        >
          {t('created.open')}
        </button>
        <button type="button" className="button button--quiet" onClick={onAnother}>
          {t('created.another')}
        </button>
      </div>
    </section>
  );
}
