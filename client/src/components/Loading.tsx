import { useTranslation } from 'react-i18next';

/** A calm placeholder: no spinner storm on slow Wi-Fi, just a word and a pulse. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="loading__pulse" aria-hidden="true" />
      <span>{t('status.loading')}</span>
    </div>
  );
}
