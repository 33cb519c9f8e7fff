import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from './Link.tsx';

/** A full-page message (no such board, board deleted, please reload...). */
export function MessageScreen({
  title,
  body,
  tone = 'neutral',
  children,
}: {
  title: string;
  body: string;
  tone?: 'neutral' | 'warning';
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section className={`message-screen message-screen--${tone}`} aria-labelledby="message-title">
      <h1 id="message-title">{title}</h1>
      <p>{body}</p>
      <div className="message-screen__actions">
        {children}
        <Link href="/" className="button button--quiet">
          {t('actions.home')}
        </Link>
      </div>
    </section>
  );
}
