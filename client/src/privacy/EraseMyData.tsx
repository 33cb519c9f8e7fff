import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import './privacy.css';
import type { ErasureChoice } from '@twinspace/shared/privacy/erasure';
import { useSession } from '../app/sessionContext.ts';

/**
 * "Delete my data from this board", under a participant's board (docs/privacy.md, "Rights"):
 * their name and contact details always go; they choose whether what they wrote goes too or
 * stays without their name. The server does it (the `erase-my-data` command) and closes this
 * person's connections; the phone then forgets the board and says so (BoardGate, `erased`).
 */
export function EraseMyData() {
  const { t } = useTranslation('privacy');
  const session = useSession();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const erase = async (content: ErasureChoice): Promise<void> => {
    setBusy(true);
    const result = await session.command({ type: 'erase-my-data', content, confirm: true });
    setBusy(false);
    if (result !== 'timeout' && result.type === 'ok') return session.ended('erased');
    setFailed(true);
  };

  if (!asking)
    return (
      <div className="erase-data">
        <button
          type="button"
          className="button button--quiet"
          data-testid="erase-data"
          onClick={() => setAsking(true)}
        >
          {t('erase.button')}
        </button>
      </div>
    );
  return (
    <div className="erase-data erase-data--asking" role="group" aria-label={t('erase.button')}>
      <p>{t('erase.question')}</p>
      <div className="erase-data__actions">
        <button
          type="button"
          className="button button--danger"
          disabled={busy}
          data-testid="erase-data-remove"
          onClick={() => void erase('remove')}
        >
          {t('erase.remove')}
        </button>
        <button
          type="button"
          className="button button--danger-quiet"
          disabled={busy}
          data-testid="erase-data-keep"
          onClick={() => void erase('keep')}
        >
          {t('erase.keep')}
        </button>
        <button type="button" className="button button--quiet" onClick={() => setAsking(false)}>
          {t('erase.cancel')}
        </button>
      </div>
      {failed ? (
        <p className="panel__warning" role="alert">
          {t('erase.failed')}
        </p>
      ) : null}
    </div>
  );
}
