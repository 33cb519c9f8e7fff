import { useTranslation } from 'react-i18next';
import type { RefusalReason } from '@twinspace/shared/rules/model';
import { dismissToast, useToasts, type Toast } from '../state/toastStore.ts';

type ReasonKey =
  RefusalReason | 'not-joined' | 'bad-request' | 'not-stored' | 'timeout' | 'generic';

function ToastItem({ toast }: { toast: Toast }) {
  const { t } = useTranslation();
  const reason = toast.reason as ReasonKey;
  return (
    <li className={`toast toast--${toast.tone}${toast.brief ? ' toast--brief' : ''}`}>
      <div className="toast__body">
        <p className="toast__title">
          {t(toast.kind === 'resynced' ? 'toast.resyncedTitle' : 'toast.commandTitle')}
        </p>
        {toast.subject && <q className="toast__subject">{toast.subject}</q>}
        {toast.brief ? null : (
          <p>
            {t(`refusal.${reason}`, { defaultValue: t('refusal.generic') })}{' '}
            {toast.kind === 'resynced' ? t('toast.resyncedBody') : null}
          </p>
        )}
      </div>
      <button
        type="button"
        className="toast__close"
        aria-label={t('actions.dismiss')}
        title={t('actions.dismiss')}
        onClick={() => dismissToast(toast.id)}
      >
        <span aria-hidden="true">×</span>
      </button>
    </li>
  );
}

/** A polite live region: screen readers hear the message without losing their place. */
export function Toasts() {
  const toasts = useToasts();
  return (
    <div className="toasts" aria-live="polite" aria-atomic="false">
      <ul>
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} />
        ))}
      </ul>
    </div>
  );
}
