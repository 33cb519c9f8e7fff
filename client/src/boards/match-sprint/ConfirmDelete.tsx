import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A card's or a task's delete button that asks once, in place ("Delete for everyone?
 * Delete · Keep"): the deletion reaches every screen and has no undo, and on a phone the
 * button sits beside the status list where a thumb lands by mistake. Keep takes the focus.
 */
export function ConfirmDelete({
  children,
  label,
  onDelete,
  testId,
}: {
  children: ReactNode;
  /** What the button deletes, for screen readers ("Delete the card “…”"). */
  label: string;
  onDelete: () => void;
  testId: string;
}) {
  const { t } = useTranslation('matchSprint');
  const [asking, setAsking] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) keep.current?.focus();
  }, [asking]);
  if (!asking)
    return (
      <button
        type="button"
        className="button button--small button--danger-quiet"
        aria-label={label}
        onClick={() => setAsking(true)}
        data-testid={testId}
      >
        {children}
      </button>
    );
  return (
    <span className="ms-confirm-delete" role="group" aria-label={label}>
      <span className="ms-confirm-delete__question">{t('confirmDelete.question')}</span>
      <button
        type="button"
        className="button button--small button--danger"
        onClick={onDelete}
        data-testid={`${testId}-yes`}
      >
        {t('confirmDelete.yes')}
      </button>
      <button
        ref={keep}
        type="button"
        className="button button--small button--quiet"
        onClick={() => setAsking(false)}
        data-testid={`${testId}-keep`}
      >
        {t('confirmDelete.keep')}
      </button>
    </span>
  );
}
