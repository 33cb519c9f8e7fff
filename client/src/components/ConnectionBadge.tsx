import { useTranslation } from 'react-i18next';
import { useConnectionState } from '../state/connectionStore.ts';

/**
 * Connection state, on every route: small, in the corner, with a word and not only a
 * colour. ConnectionNotice explains "offline" in a sentence where there is room.
 */
export function ConnectionBadge({ className = '' }: { className?: string }) {
  const { t } = useTranslation();
  const state = useConnectionState();
  return (
    <p
      className={`conn ${className}`}
      data-testid="connection-state"
      data-state={state}
      role="status"
      title={t(`connection.hint.${state}`)}
    >
      <span className="conn__dot" aria-hidden="true" />
      <span className="conn__label">{t(`connection.${state}`)}</span>
    </p>
  );
}
