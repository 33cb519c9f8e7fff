import { Suspense, useState } from 'react';
import { lazy } from '../lazy.ts';
import { useTranslation } from 'react-i18next';
import { WallLanguages } from '../../boards/common/WallLanguages.tsx';
import { CopyLink } from '../../components/CopyLink.tsx';
import { PresenceSummary } from '../../components/PresenceSummary.tsx';
import { QrCode } from '../../components/QrCode.tsx';
import { useBoardInfo, useTeamRole } from '../../state/sessionStore.ts';
import { toast } from '../../state/toastStore.ts';
import { facilitatorPath, participantPath, projectorPath } from '../routes.ts';
import { useSession } from '../sessionContext.ts';
import { PhaseSelect } from './PhaseSelect.tsx';
import { LazyPrintPanel } from '../../boards/print/LazyPrintPanel.tsx';

/** When the board is deleted for inactivity, and keeping it (privacy/), with its strings. */
const RetentionPanel = lazy(() =>
  import('../../privacy/RetentionPanel.tsx').then(async (m) => {
    await m.stringsLoaded;
    return { default: m.RetentionPanel };
  }),
);

/** The facilitation team (links, hand-over, activity): its own chunk, with its own strings. */
const TeamPanel = lazy(() => import('../../team/TeamPanel.tsx'));

/** The facilitator's controls beside the board: phase, invitations, who is here, delete. */
export function FacilitatorPanel() {
  const { t } = useTranslation('facilitator');
  const session = useSession();
  const origin = window.location.origin;
  const participantUrl = origin + participantPath(session.code);
  const token = session.facilitatorToken;
  const kind = useBoardInfo()?.kind;
  const team = useTeamRole();
  // The Open Space console has its own wall-language picker (settings.projectorLanguages).
  const ownWallLanguages = kind === 'open-space';

  return (
    <aside className="facilitator-panel" aria-label={t('panel.heading')}>
      <section className="panel">
        <h2>{t('phase.heading')}</h2>
        <PhaseSelect />
      </section>

      <section className="panel">
        <h2>{t('share.heading')}</h2>
        <div className="share">
          <div className="share__code">
            <p className="share__code-label">{t('share.code')}</p>
            <p className="room-code room-code--medium">{session.code}</p>
          </div>
          <QrCode
            url={participantUrl}
            label={t('share.qrAlt', { url: participantUrl })}
            className="share__qr"
          />
        </div>
        <CopyLink label={t('share.participant')} url={participantUrl} testId="participant-url" />
        <CopyLink
          label={t('share.projector')}
          url={origin + projectorPath(session.code)}
          testId="projector-url"
        />
        {token ? (
          <CopyLink
            label={t('share.facilitator')}
            url={`${origin}${facilitatorPath(session.code)}#key=${encodeURIComponent(token)}`}
            testId="facilitator-url"
            secretHint={t('share.facilitatorSecret')}
          />
        ) : null}
      </section>

      <LazyPrintPanel />

      {ownWallLanguages ? null : (
        <section className="panel">
          <h2>{t('languages.heading')}</h2>
          <WallLanguages />
        </section>
      )}

      <section className="panel">
        <h2>{t('presence.heading')}</h2>
        <PresenceSummary />
      </section>

      <Suspense fallback={null}>
        <RetentionPanel />
      </Suspense>
      {token && team && kind ? (
        <Suspense fallback={null}>
          <TeamPanel code={session.code} kind={kind} token={token} {...team} />
        </Suspense>
      ) : null}

      <DeleteBoard />
    </aside>
  );
}

function DeleteBoard() {
  const { t } = useTranslation('facilitator');
  const session = useSession();
  const [confirming, setConfirming] = useState(false);
  const remove = async (): Promise<void> => {
    const result = await session.command({ type: 'delete-board', confirm: true });
    if (result !== 'timeout' && result.type === 'ok') return session.ended('deleted');
    toast({
      kind: 'command',
      reason: result === 'timeout' ? 'timeout' : result.reason,
      tone: 'warning',
    });
    setConfirming(false);
  };
  return (
    <section className="panel panel--danger">
      <h2>{t('delete.heading')}</h2>
      <p className="panel__help">{t('delete.help')}</p>
      {confirming ? (
        <div className="button-row" role="group" aria-label={t('delete.confirm')}>
          <p className="panel__warning">{t('delete.confirm')}</p>
          <button type="button" className="button button--danger" onClick={() => void remove()}>
            {t('delete.yes')}
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setConfirming(false)}
            autoFocus
          >
            {t('delete.no')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="button button--danger-quiet"
          onClick={() => setConfirming(true)}
        >
          {t('delete.start')}
        </button>
      )}
    </section>
  );
}
