import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardKind } from '@twinspace/shared/boards/common';
import type { TeamRole } from '@twinspace/shared/rules/model';
import type { FacilitatorLinkList } from '@twinspace/shared/team';
import { ActivityLog } from './ActivityLog.tsx';
import { failureOf, TeamApi, type TeamFailure } from './api.ts';
import { CreateLink } from './CreateLink.tsx';
import { HandOver } from './HandOver.tsx';
import { LinkList } from './LinkList.tsx';
import { useTeamStrings } from './strings.ts';
import './team.css';

/** What the console tells the panel: the board, its own key, and its link. */
export interface TeamPanelProps {
  code: string;
  kind: BoardKind;
  token: string;
  role: TeamRole;
  linkId: string;
}

/**
 * The facilitation team (docs/team.md), in the console of every board kind: the links (list,
 * create with link and QR code, revoke), handing the board over, and who did what. Its own
 * chunk, loaded by the console only: a participant's phone never downloads it. It takes what
 * it needs as props rather than from the app's stores, so none of them moves into a chunk
 * of its own on the participant's route.
 */
export default function TeamPanel(props: TeamPanelProps) {
  const ready = useTeamStrings();
  return ready ? <Team {...props} /> : null;
}

function Team({ code, kind, token, role, linkId }: TeamPanelProps) {
  const { t } = useTranslation('team');
  const api = useMemo(() => new TeamApi(code, token), [code, token]);
  const manages = role === 'owner' || role === 'co-host';
  const [list, setList] = useState<FacilitatorLinkList | null>(null);
  const [problem, setProblem] = useState<TeamFailure | null>(null);
  // Bumped after every change made here: the list is read again.
  const [version, setVersion] = useState(0);
  const reload = useCallback(async (): Promise<void> => setVersion((v) => v + 1), []);
  useEffect(() => {
    if (!manages) return;
    let live = true;
    api.list().then(
      (next) => {
        if (!live) return;
        setList(next);
        setProblem(null);
      },
      (error: unknown) => {
        if (live) setProblem(failureOf(error));
      },
    );
    return () => {
      live = false;
    };
  }, [api, manages, version]);
  const roleName = t(`roles.${role}`);

  return (
    <section className="panel team" aria-labelledby="team-heading" data-testid="team-panel">
      <h2 id="team-heading">{t('heading')}</h2>
      <p className="panel__help">{t('you', { role: roleName })}</p>
      {problem ? (
        <p className="panel__warning" role="alert">
          {t(`errors.${problem}`)}
        </p>
      ) : null}
      {manages ? (
        <>
          <p className="panel__help">{t('help')}</p>
          <LinkList api={api} links={list?.links ?? []} onChange={reload} onProblem={setProblem} />
          <CreateLink api={api} onCreated={reload} onProblem={setProblem} />
          <HandOver api={api} ownLinkId={linkId} onCreated={reload} onProblem={setProblem} />
        </>
      ) : null}
      <ActivityLog api={api} kind={kind} />
    </section>
  );
}
