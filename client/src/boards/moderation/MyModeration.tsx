import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/sessionContext.ts';
import {
  useMySubmissions,
  useQueue,
  useTombstones,
  type OwnSubmission,
} from '../../state/moderationStore.ts';
import { useParticipantId, useRole } from '../../state/sessionStore.ts';
import { dropSubmission, settleSubmissions } from './submissions.ts';
import { PartName, summaryOf } from './labels.tsx';
import './moderation.css';

/**
 * A participant's own side of moderation, on their screen only: what they submitted and
 * waits for approval (kept on the device, so a reload or a night offline keeps it), what a
 * facilitator declined, and which of their entries a facilitator hid or removed.
 */
export function MyModeration() {
  const { t } = useTranslation('moderation');
  const session = useSession();
  const role = useRole();
  const me = useParticipantId();
  const mine = useMySubmissions();
  const queue = useQueue();
  const tombstones = useTombstones().filter((s) => s.owner === me && me !== null);
  // An approved submission is on the board now: the device forgets its copy.
  useEffect(() => {
    if (session.doc) settleSubmissions(session.code, role, session.doc);
  }, [session, role, queue]);
  if (mine.length === 0 && tombstones.length === 0) return null;
  const declined = new Set(queue.filter((q) => q.state === 'declined').map((q) => q.id));
  return (
    <section className="mod-mine" aria-label={t('mine.heading')} data-testid="mod-mine">
      <ul className="mod-list" aria-live="polite">
        {mine.map((s) => (
          <Mine
            key={s.id}
            submission={s}
            declined={declined.has(s.id)}
            onDismiss={() => dropSubmission(session.code, role, s.id)}
          />
        ))}
        {tombstones.map((s) => (
          <li key={s.key} className="mod-item mod-item--hidden" data-testid="mod-hidden-mine">
            {t(s.state === 'removed' ? 'mine.removed' : 'mine.hidden', {
              part: t(`parts.${s.part}` as 'parts.topics', { defaultValue: s.part }),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Mine({
  submission,
  declined,
  onDismiss,
}: {
  submission: OwnSubmission;
  declined: boolean;
  onDismiss: () => void;
}) {
  const { t } = useTranslation('moderation');
  return (
    <li
      className={`mod-item${declined ? ' mod-item--declined' : ' mod-item--waiting'}`}
      data-testid="mod-waiting"
      data-state={declined ? 'declined' : 'waiting'}
    >
      <span className="mod-item__what">
        <PartName part={submission.part} />: {summaryOf(submission.fields)}
      </span>
      <span className="mod-item__state">{declined ? t('mine.declined') : t('mine.waiting')}</span>
      {declined ? (
        <button type="button" className="button button--quiet" onClick={onDismiss}>
          {t('mine.dismiss')}
        </button>
      ) : null}
    </li>
  );
}
