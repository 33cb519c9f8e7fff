import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LINK_ROLES, type LinkRole } from '@twinspace/shared/rules/model';
import type { CreatedFacilitatorLink } from '@twinspace/shared/team';
import { failureOf, type TeamApi, type TeamFailure } from './api.ts';
import { CreatedLink } from './CreatedLink.tsx';

interface CreateLinkProps {
  api: TeamApi;
  onCreated: () => Promise<void>;
  onProblem: (problem: TeamFailure | null) => void;
}

/** A named link for a co-facilitator, with the role that bounds what it may do. */
export function CreateLink({ api, onCreated, onProblem }: CreateLinkProps) {
  const { t } = useTranslation('team');
  const id = useId();
  const [name, setName] = useState('');
  const [role, setRole] = useState<LinkRole>('co-host');
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedFacilitatorLink | null>(null);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!name.trim() || busy) return;
    setBusy(true);
    try {
      setCreated(await api.create(name.trim(), role));
      setName('');
      onProblem(null);
      await onCreated();
    } catch (error) {
      onProblem(failureOf(error));
    }
    setBusy(false);
  };
  return (
    <div className="team__create">
      <h3>{t('create.heading')}</h3>
      <form className="team__form" onSubmit={(e) => void submit(e)} data-testid="team-create">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('create.name')}</label>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={60}
            onChange={(e) => setName(e.target.value)}
            data-testid="team-name"
            required
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('create.role')}</label>
          <select
            id={`${id}-role`}
            value={role}
            onChange={(e) => setRole(e.target.value as LinkRole)}
            aria-describedby={`${id}-role-help`}
            data-testid="team-role"
          >
            {LINK_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
          <p className="field__help" id={`${id}-role-help`}>
            {t(`roleHelp.${role}`)}
          </p>
        </div>
        <button type="submit" className="button" disabled={busy} data-testid="team-submit">
          {t('create.submit')}
        </button>
      </form>
      {created ? <CreatedLink link={created} /> : null}
      {created ? (
        <button type="button" className="button button--quiet" onClick={() => setCreated(null)}>
          {t('created.done')}
        </button>
      ) : null}
    </div>
  );
}
