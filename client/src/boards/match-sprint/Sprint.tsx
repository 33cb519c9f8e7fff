import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMs } from '../../state/matchSprintStore.ts';
import { useParticipantId, useRole } from '../../state/sessionStore.ts';
import { addTask } from '@twinspace/shared/boards/match-sprint/write';
import { TaskBoard } from './TaskBoard.tsx';
import { useEdit, usePeopleList } from './hooks.ts';

/** The current sprint of one project: its backlog across three columns, and the timer. */
export function Sprint() {
  const { t } = useTranslation('matchSprint');
  const projects = useMs('projects');
  const { currentSprint } = useMs('settings');
  const me = useParticipantId();
  const ids = { project: useId() };
  const role = useRole();
  const mineFirst = projects.find((p) => me !== null && me in p.team) ?? projects[0];
  const [chosen, setChosen] = useState<string | null>(null);
  const project = projects.find((p) => p.id === chosen) ?? mineFirst;
  if (!project) return <p className="ms-empty">{t('projects.none')}</p>;
  return (
    <div className="ms-sprint">
      <div className="ms-sprint__head">
        <h3>{t('sprint.heading', { number: currentSprint })}</h3>
      </div>
      {projects.length > 1 ? (
        <div className="field">
          <label htmlFor={ids.project}>{t('sprint.project')}</label>
          <select
            id={ids.project}
            value={project.id}
            onChange={(e) => setChosen(e.target.value)}
            data-testid="ms-sprint-project"
          >
            {projects.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p className="ms-project__title">{project.title}</p>
      )}
      {role !== 'projector' ? (
        <AddTask projectId={project.id} sprint={currentSprint} team={project.team} />
      ) : null}
      <TaskBoard projectId={project.id} sprint={currentSprint} />
    </div>
  );
}

function AddTask({
  projectId,
  sprint,
  team,
}: {
  projectId: string;
  sprint: number;
  team: Record<string, string>;
}) {
  const { t } = useTranslation('matchSprint');
  const people = usePeopleList();
  const edit = useEdit();
  const ids = { title: useId(), who: useId(), due: useId() };
  const [title, setTitle] = useState('');
  const [assignee, setAssignee] = useState('');
  const [due, setDue] = useState('');
  const members = people.filter((p) => p.id in team);
  const others = people.filter((p) => !(p.id in team) && p.role === 'participant');
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!title.trim()) return;
    edit((doc, owner) => addTask(doc, owner, { projectId, sprint, title, assignee, due }));
    setTitle('');
  };
  return (
    <form className="ms-add-task" onSubmit={submit} data-testid="ms-add-task">
      <div className="field">
        <label htmlFor={ids.title}>{t('sprint.taskTitle')}</label>
        <input
          id={ids.title}
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
          data-testid="ms-task-title"
        />
      </div>
      <div className="field">
        <label htmlFor={ids.who}>{t('sprint.owner')}</label>
        <select
          id={ids.who}
          value={assignee}
          onChange={(e) => setAssignee(e.target.value)}
          data-testid="ms-task-owner"
        >
          <option value="">—</option>
          {[...members, ...others].map((p) => (
            <option key={p.id} value={p.id}>
              {p.city ? `${p.name} (${p.city})` : p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.due}>{t('sprint.due')}</label>
        <input
          id={ids.due}
          type="date"
          value={due}
          onChange={(e) => setDue(e.target.value)}
          data-testid="ms-task-due"
        />
      </div>
      <button type="submit" className="button button--primary" disabled={!title.trim()}>
        {t('sprint.addTask')}
      </button>
    </form>
  );
}
