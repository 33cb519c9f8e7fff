import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../app/sessionContext.ts';
import { downloadExport } from '../sync/download.ts';

interface ExportButtonProps {
  /** `export.md?lang=de`... */
  file: string;
  className?: string;
  testId: string;
  children: ReactNode;
}

/**
 * Downloads one of the board's exports. A button, not a link: exports need a credential in
 * a header (docs/SECURITY.md), so the file is fetched and saved from a blob.
 */
export function ExportButton({ file, className, testId, children }: ExportButtonProps) {
  const { t } = useTranslation();
  const session = useSession();
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  return (
    <>
      <button
        type="button"
        className={className ?? 'button button--quiet'}
        data-testid={testId}
        aria-busy={state === 'busy' || undefined}
        disabled={state === 'busy'}
        onClick={() => {
          setState('busy');
          void downloadExport(session, file).then((ok) => setState(ok ? 'idle' : 'failed'));
        }}
      >
        {children}
      </button>
      <span role="status">{state === 'failed' ? t('actions.downloadFailed') : ''}</span>
    </>
  );
}
