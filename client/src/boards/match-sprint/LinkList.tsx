import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MsLink } from '@twinspace/shared/boards/match-sprint/read';
import { MS_ROOT } from '@twinspace/shared/boards/match-sprint/layout';
import { useMs } from '../../state/matchSprintStore.ts';
import { useParticipantId } from '../../state/sessionStore.ts';
import { MsCardTile } from './MsCardTile.tsx';
import { useCardsById, useCommand, useEdit, useIsFacilitator } from './hooks.ts';

/** Every link so far, with its status; the facilitator confirms (a project is born) or rejects. */
export function LinkList() {
  const { t } = useTranslation('matchSprint');
  const links = useMs('links');
  if (links.length === 0) return null;
  return (
    <section className="ms-section" aria-labelledby="ms-links">
      <h3 id="ms-links">{t('matches.links', { count: links.length })}</h3>
      <ul className="ms-links">
        {links.map((link) => (
          <LinkRow key={link.id} link={link} />
        ))}
      </ul>
    </section>
  );
}

function LinkRow({ link }: { link: MsLink }) {
  const { t } = useTranslation('matchSprint');
  const cards = useCardsById();
  const facilitator = useIsFacilitator();
  const me = useParticipantId();
  const command = useCommand();
  const edit = useEdit();
  const titleId = useId();
  const from = cards.get(link.from);
  const to = cards.get(link.to);
  const [title, setTitle] = useState('');
  if (!from || !to) return null;
  const open = link.status === 'proposed';
  return (
    <li
      className={`ms-link ms-link--${link.status}`}
      data-testid="ms-link"
      data-status={link.status}
    >
      <div className="ms-pair">
        <MsCardTile card={from} compact />
        <span className="ms-pair__join" aria-hidden="true">
          ⇄
        </span>
        <MsCardTile card={to} compact />
      </div>
      <p className={`ms-status ms-status--${link.status}`}>{t(`linkStatus.${link.status}`)}</p>
      {facilitator && open ? (
        <div className="ms-decide">
          <label htmlFor={titleId} className="visually-hidden">
            {t('matches.projectTitle')}
          </label>
          <input
            id={titleId}
            placeholder={t('matches.projectTitle')}
            value={title}
            maxLength={120}
            onChange={(e) => setTitle(e.target.value)}
          />
          <button
            type="button"
            className="button button--small button--primary"
            data-testid="ms-confirm"
            onClick={() =>
              void command({
                type: 'ms-confirm-link',
                linkId: link.id,
                ...(title.trim() ? { title: title.trim() } : {}),
              })
            }
          >
            {t('matches.confirm')}
          </button>
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => void command({ type: 'ms-reject-link', linkId: link.id })}
          >
            {t('matches.reject')}
          </button>
        </div>
      ) : null}
      {!facilitator && open && link.owner === me ? (
        <button
          type="button"
          className="button button--small button--danger-quiet"
          onClick={() => edit((doc) => doc.getMap(MS_ROOT.links).delete(link.id))}
        >
          {t('matches.unlink')}
        </button>
      ) : null}
    </li>
  );
}
