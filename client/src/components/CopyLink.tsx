import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface CopyLinkProps {
  label: string;
  url: string;
  testId: string;
  /** A secret link (the facilitator's) is marked as such and explained. */
  secretHint?: string;
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false; // clipboard needs a secure context; the link stays selectable by hand
  }
}

/** A labelled link with a copy button and a spoken "copied" confirmation. */
export function CopyLink({ label, url, testId, secretHint }: CopyLinkProps) {
  const { t } = useTranslation();
  const labelId = useId();
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (copied === 'idle') return;
    const timer = setTimeout(() => setCopied('idle'), 2_500);
    return () => clearTimeout(timer);
  }, [copied]);

  return (
    <div className={secretHint ? 'link-row link-row--secret' : 'link-row'}>
      <p className="link-row__label" id={labelId}>
        {label}
        {secretHint ? <span className="badge badge--secret">{t('actions.secret')}</span> : null}
      </p>
      <a className="link-row__url" href={url} data-testid={testId} aria-describedby={labelId}>
        {url}
      </a>
      {secretHint ? <p className="link-row__hint">{secretHint}</p> : null}
      <button
        type="button"
        className="button button--quiet link-row__copy"
        aria-label={t('actions.copyWhat', { what: label })}
        onClick={() => void copyText(url).then((ok) => setCopied(ok ? 'copied' : 'failed'))}
      >
        {t('actions.copy')}
      </button>
      <span className="link-row__status" role="status">
        {copied === 'idle' ? '' : t(copied === 'copied' ? 'actions.copied' : 'actions.copyFailed')}
      </span>
    </div>
  );
}
