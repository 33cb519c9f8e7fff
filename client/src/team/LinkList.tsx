import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacilitatorLink } from '@twinspace/shared/team';
import { failureOf, type TeamApi, type TeamFailure } from './api.ts';

interface LinkListProps {
  api: TeamApi;
  links: FacilitatorLink[];
  onChange: () => Promise<void>;
  onProblem: (problem: TeamFailure | null) => void;
}

/** The board's named links (never their tokens), each revocable after a confirmation. */
export function LinkList({ api, links, onChange, onProblem }: LinkListProps) {
  const { t } = useTranslation('team');
  const [revoked, setRevoked] = useState<string | null>(null);
  return (
    <div className="team__links">
      <h3>{t('links.heading')}</h3>
      <p className="panel__help" role="status">
        {revoked === null ? '' : t('links.revoked', { name: revoked })}
      </p>
      {links.length === 0 ? <p className="panel__help">{t('links.none')}</p> : null}
      <ul className="team__list" data-testid="team-links">
        {links.map((link) => (
          <LinkRow
            key={link.id}
            api={api}
            link={link}
            onChange={onChange}
            onProblem={onProblem}
            onRevoked={setRevoked}
          />
        ))}
      </ul>
    </div>
  );
}

function LinkRow({
  api,
  link,
  onChange,
  onProblem,
  onRevoked,
}: Omit<LinkListProps, 'links'> & { link: FacilitatorLink; onRevoked: (name: string) => void }) {
  const { t } = useTranslation('team');
  const [confirming, setConfirming] = useState(false);
  const revoke = async (): Promise<void> => {
    try {
      await api.revoke(link.id);
      onRevoked(link.name);
      onProblem(null);
    } catch (error) {
      onProblem(failureOf(error));
    }
    setConfirming(false);
    await onChange();
  };
  return (
    <li className="team__link" data-testid="team-link" data-name={link.name}>
      <span className="team__name">{link.name}</span>
      <span className="badge">{t(`roles.${link.role}`)}</span>
      <span className="team__by">
        {t('links.by', { name: link.createdBy || t('roles.owner') })}
      </span>
      {confirming ? (
        <span
          className="button-row"
          role="group"
          aria-label={t('links.revokeWhat', { name: link.name })}
        >
          <span className="panel__warning">{t('links.confirm', { name: link.name })}</span>
          <button type="button" className="button button--danger" onClick={() => void revoke()}>
            {t('links.yes')}
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setConfirming(false)}
            autoFocus
          >
            {t('links.no')}
          </button>
        </span>
      ) : (
        <button
          type="button"
          className="button button--danger-quiet"
          aria-label={t('links.revokeWhat', { name: link.name })}
          onClick={() => setConfirming(true)}
        >
          {t('links.revoke')}
        </button>
      )}
    </li>
  );
}
