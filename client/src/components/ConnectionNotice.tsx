import { useTranslation } from 'react-i18next';
import { useConnectionState } from '../state/connectionStore.ts';

/**
 * A calm line under the heading while offline: the badge in the header says "offline",
 * this says what it means (nothing is lost). Hidden from the accessibility tree because
 * the badge's status region already announces the change.
 */
export function ConnectionNotice() {
  const { t } = useTranslation();
  const state = useConnectionState();
  if (state !== 'offline') return null;
  return (
    <p className="connection-notice" aria-hidden="true">
      {t('connection.hint.offline')}
    </p>
  );
}
