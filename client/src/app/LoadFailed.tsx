import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function LoadFailedNotice() {
  const { t } = useTranslation();
  return (
    <div className="load-failed" role="alert" data-testid="load-failed">
      <p>{t('status.loadFailed')}</p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t('actions.reload')}
      </button>
    </div>
  );
}

/**
 * Catches a view that could not be downloaded even after its retries (app/lazy.ts), or that
 * threw while rendering: the person reads what happened and can reload (their edits are on
 * the device), instead of a blank page.
 */
export class LoadFailed extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? <LoadFailedNotice /> : this.props.children;
  }
}
