import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MS_ROOT } from '@twinspace/shared/boards/match-sprint/layout';
import type { MsProject } from '@twinspace/shared/boards/match-sprint/read';
import { vote } from '@twinspace/shared/boards/match-sprint/write';
import { useMs } from '../../state/matchSprintStore.ts';
import { useParticipantId, useRole } from '../../state/sessionStore.ts';
import { MsCardTile } from './MsCardTile.tsx';
import { TeamBadge } from './TeamBadge.tsx';
import { LazyPhotos } from '../photos/LazyPhotos.tsx';
import { useCardsById, useCommand, useEdit } from './hooks.ts';

/** Joint projects (confirmed matches): who is in each team, per city; join, leave, vote. */
export function Projects() {
  const { t } = useTranslation('matchSprint');
  const projects = useMs('projects');
  if (projects.length === 0) return <p className="ms-empty">{t('projects.none')}</p>;
  return (
    <ul className="ms-projects">
      {projects.map((p) => (
        <ProjectCard key={p.id} project={p} />
      ))}
    </ul>
  );
}

function ProjectCard({ project }: { project: MsProject }) {
  const { t } = useTranslation('matchSprint');
  const cards = useCardsById();
  const me = useParticipantId();
  const role = useRole();
  const command = useCommand();
  const member = me !== null && me in project.team;
  return (
    <li className="ms-project panel" data-testid="ms-project" data-project-id={project.id}>
      <ProjectTitle project={project} mayRename={member || role === 'facilitator'} />
      <div className="ms-pair">
        {project.cards.map((id) => {
          const card = cards.get(id);
          return card ? <MsCardTile key={id} card={card} compact /> : null;
        })}
      </div>
      <TeamBadge project={project} />
      <LazyPhotos part={MS_ROOT.projects} refId={project.id} label={project.title} />
      {role !== 'projector' ? (
        <div className="button-row">
          <button
            type="button"
            className={`button button--small${member ? ' button--quiet' : ' button--primary'}`}
            data-testid={member ? 'ms-leave' : 'ms-join'}
            onClick={() =>
              void command({
                type: member ? 'ms-leave-team' : 'ms-join-team',
                projectId: project.id,
              })
            }
          >
            {t(member ? 'projects.leave' : 'projects.join')}
          </button>
          <VoteButton target={project.id} title={project.title} />
        </div>
      ) : null}
    </li>
  );
}

/** The project's name; its team and the facilitator give it a real one ("A + B" at first). */
function ProjectTitle({ project, mayRename }: { project: MsProject; mayRename: boolean }) {
  const { t } = useTranslation('matchSprint');
  const command = useCommand();
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  if (draft === null)
    return (
      <div className="ms-project__head">
        <h3 className="ms-project__title">{project.title}</h3>
        {mayRename ? (
          <button
            type="button"
            className="button button--small button--quiet"
            aria-label={t('projects.renameAria', { title: project.title })}
            onClick={() => setDraft(project.title)}
            data-testid="ms-rename"
          >
            {t('projects.rename')}
          </button>
        ) : null}
      </div>
    );
  const save = (event: FormEvent): void => {
    event.preventDefault();
    const title = draft.trim();
    if (title) void command({ type: 'ms-rename-project', projectId: project.id, title });
    setDraft(null);
  };
  return (
    <form className="ms-rename" onSubmit={save}>
      <div className="field">
        <label htmlFor={id}>{t('projects.name')}</label>
        <input
          id={id}
          value={draft}
          maxLength={120}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setDraft(null);
          }}
          data-testid="ms-rename-input"
          autoFocus
        />
      </div>
      <button
        type="submit"
        className="button button--small button--primary"
        data-testid="ms-rename-save"
      >
        {t('projects.save')}
      </button>
      <button type="button" className="button button--small" onClick={() => setDraft(null)}>
        {t('projects.cancel')}
      </button>
    </form>
  );
}

/** A dot for a project; a second tap takes it back. Votes feed the fairness panel. */
function VoteButton({ target, title }: { target: string; title: string }) {
  const { t } = useTranslation('matchSprint');
  const votes = useMs('votes');
  const me = useParticipantId();
  const edit = useEdit();
  const mine = votes.find((v) => v.target === target && v.owner === me);
  const count = votes.filter((v) => v.target === target).length;
  return (
    <button
      type="button"
      className="button button--small button--quiet"
      aria-pressed={mine !== undefined}
      aria-label={t(mine ? 'votes.unvoteAria' : 'votes.voteAria', { title })}
      onClick={() =>
        edit((doc, owner) =>
          mine ? doc.getMap(MS_ROOT.votes).delete(mine.id) : void vote(doc, owner, target),
        )
      }
    >
      {t('votes.count', { count })}
    </button>
  );
}
