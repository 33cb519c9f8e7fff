import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConnectionBadge } from '../components/ConnectionBadge.tsx';
import { LanguageSelect } from '../components/LanguageSelect.tsx';
import { Link } from './Link.tsx';
import { useOutboxPending } from '../state/connectionStore.ts';

/** The top bar of every page except the projector: brand, context, connection, language. */
export function AppHeader({ children, wide = false }: { children?: ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  const pending = useOutboxPending();
  return (
    <header className={wide ? 'app-header app-header--wide' : 'app-header'}>
      <div className="app-header__inner">
        <Link href="/" className="brand" aria-label={t('nav.home')}>
          <span className="brand__mark" aria-hidden="true" />
          <span className="brand__name">{t('app.name')}</span>
        </Link>
        <div className="app-header__context">{children}</div>
        <div className="app-header__tools">
          {pending > 0 ? (
            // The outbox: votes and the like made offline, kept until the server answers.
            <span
              className="pending-actions"
              data-testid="outbox-pending"
              title={t('connection.pending', { count: pending })}
              aria-label={t('connection.pending', { count: pending })}
            >
              {pending}
            </span>
          ) : null}
          <ConnectionBadge />
          <LanguageSelect compact />
        </div>
      </div>
    </header>
  );
}

interface PageProps {
  header?: ReactNode;
  children: ReactNode;
  className?: string;
  /** A wide page (the facilitator's two columns); the header lines up with it. */
  wide?: boolean;
}

/** Page frame: skip link, header, the main landmark. */
export function Page({ header, children, className = '', wide = false }: PageProps) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <AppHeader wide={wide}>{header}</AppHeader>
      <main id="main" className={`page ${wide ? 'page--wide' : ''} ${className}`} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
