import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedFacilitatorLink } from '@twinspace/shared/team';
import { failureOf, type TeamApi, type TeamFailure } from './api.ts';
import { CreatedLink } from './CreatedLink.tsx';

interface HandOverProps {
  api: TeamApi;
  /** This console's own link ('owner' for the board's own). */
  ownLinkId: string;
  onCreated: () => Promise<void>;
  onProblem: (problem: TeamFailure | null) => void;
}

/**
 * Handing the board over is one step: a co-host link for the person taking over, shown with
 * its QR code, then the choice to keep one's own link or give it up (it stops at once).
 */
export function HandOver({ api, ownLinkId, onCreated, onProblem }: HandOverProps) {
  const { t } = useTranslation('team');
  const id = useId();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedFacilitatorLink | null>(null);
  const [kept, setKept] = useState(false);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!name.trim()) return;
    try {
      setCreated(await api.create(name.trim(), 'co-host'));
      setKept(false);
      setName('');
      onProblem(null);
      await onCreated();
    } catch (error) {
      onProblem(failureOf(error));
    }
  };
  // Giving up closes this console's sockets: the session ends on the "revoked" screen.
  const giveUp = async (): Promise<void> => {
    try {
      await api.revoke(ownLinkId);
    } catch (error) {
      onProblem(failureOf(error));
    }
  };
  return (
    <div className="team__handover">
      <h3>{t('handover.heading')}</h3>
      <p className="panel__help">{t('handover.help')}</p>
      <form className="team__form" onSubmit={(e) => void submit(e)} data-testid="team-handover">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('handover.name')}</label>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={60}
            onChange={(e) => setName(e.target.value)}
            required
          />
        </div>
        <button type="submit" className="button">
          {t('handover.submit')}
        </button>
      </form>
      {created ? (
        <>
          <CreatedLink link={created} />
          {kept ? (
            <p className="panel__help" role="status">
              {t('handover.kept')}
            </p>
          ) : (
            <div className="button-row">
              <button type="button" className="button button--quiet" onClick={() => setKept(true)}>
                {t('handover.keep')}
              </button>
              <button
                type="button"
                className="button button--danger"
                aria-describedby={`${id}-give-up`}
                onClick={() => void giveUp()}
                data-testid="team-give-up"
              >
                {t('handover.revokeMine')}
              </button>
              <p className="field__help" id={`${id}-give-up`}>
                {t('handover.revokeMineHelp')}
              </p>
            </div>
          )}
        </>
      ) : null}
    </div>
  );
}
