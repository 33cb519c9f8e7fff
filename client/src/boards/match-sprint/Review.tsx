import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import { MS_ROOT, REVIEW_TEXT_MAX } from '@twinspace/shared/boards/match-sprint/layout';
import { reviewId, type MsProject } from '@twinspace/shared/boards/match-sprint/read';
import { ensureReview } from '@twinspace/shared/boards/match-sprint/write';
import { usePhase } from '../../state/boardStore.ts';
import { useMs } from '../../state/matchSprintStore.ts';
import { useRole } from '../../state/sessionStore.ts';
import { History } from './History.tsx';
import { TeamBadge } from './TeamBadge.tsx';
import { replaceText } from './textDiff.ts';
import { useEdit, useIsFacilitator } from './hooks.ts';

const FIELDS = ['done', 'worked', 'next'] as const;
type Field = (typeof FIELDS)[number];

/** Sprint & Succeed: per project, what was done, what worked, what is next; and the history. */
export function Review() {
  const { t } = useTranslation('matchSprint');
  const projects = useMs('projects');
  const { currentSprint } = useMs('settings');
  if (projects.length === 0) return <p className="ms-empty">{t('projects.none')}</p>;
  return (
    <div className="ms-review">
      <h3>{t('review.heading', { number: currentSprint })}</h3>
      <ul className="ms-projects">
        {projects.map((p) => (
          <ReviewCard key={p.id} project={p} sprint={currentSprint} />
        ))}
      </ul>
      <History />
    </div>
  );
}

function ReviewCard({ project, sprint }: { project: MsProject; sprint: number }) {
  const { t } = useTranslation('matchSprint');
  const tasks = useMs('tasks').filter((x) => x.projectId === project.id && x.sprint === sprint);
  const done = tasks.filter((x) => x.status === 'done').length;
  return (
    <li className="ms-project panel" data-testid="ms-review" data-project-id={project.id}>
      <h4 className="ms-project__title">{project.title}</h4>
      <TeamBadge project={project} />
      <p className="ms-progress">{t('review.progress', { done, count: tasks.length })}</p>
      {FIELDS.map((field) => (
        <ReviewField key={field} project={project} sprint={sprint} field={field} />
      ))}
    </li>
  );
}

function ReviewField({
  project,
  sprint,
  field,
}: {
  project: MsProject;
  sprint: number;
  field: Field;
}) {
  const { t } = useTranslation('matchSprint');
  const id = useId();
  const review = useMs('reviews').find((r) => r.id === reviewId(project.id, sprint));
  const edit = useEdit();
  const phase = usePhase();
  const role = useRole();
  const facilitator = useIsFacilitator();
  const writable = role !== 'projector' && (phase === 'review' || facilitator);
  const write = (value: string): void => {
    edit((doc, owner) => {
      const existing = doc
        .getMap<Y.Map<unknown>>(MS_ROOT.reviews)
        .get(reviewId(project.id, sprint));
      const entity = existing ?? ensureReview(doc, owner, project.id, sprint);
      const text = entity.get(field);
      if (text instanceof Y.Text) replaceText(text, value);
    });
  };
  return (
    <div className="field">
      <label htmlFor={id}>{t(`review.${field}`)}</label>
      <textarea
        id={id}
        rows={2}
        maxLength={REVIEW_TEXT_MAX}
        value={review?.[field] ?? ''}
        readOnly={!writable}
        onChange={(e) => write(e.target.value)}
        data-testid={`ms-review-${field}`}
      />
    </div>
  );
}
