import { useTranslation } from 'react-i18next';
import { useMs } from '../../state/matchSprintStore.ts';

/** Earlier sprints stay: each closed sprint with its tasks' outcome and its reviews. */
export function History() {
  const { t } = useTranslation('matchSprint');
  const sprints = useMs('sprints').filter((s) => s.closedAt !== null);
  const tasks = useMs('tasks');
  const projects = useMs('projects');
  const reviews = useMs('reviews');
  if (sprints.length === 0) return null;
  return (
    <section
      className="ms-section ms-history"
      aria-labelledby="ms-history"
      data-testid="ms-history"
    >
      <h3 id="ms-history">{t('history.heading')}</h3>
      {[...sprints].reverse().map((sprint) => (
        <details key={sprint.id} className="ms-history__sprint">
          <summary>{t('history.sprint', { number: sprint.number })}</summary>
          {projects.map((p) => {
            const own = tasks.filter((x) => x.projectId === p.id && x.sprint === sprint.number);
            const review = reviews.find((r) => r.projectId === p.id && r.sprint === sprint.number);
            // A review the server opened and nobody wrote in is no review.
            const written = !!(review?.done || review?.worked || review?.next);
            if (own.length === 0 && !written) return null;
            return (
              <div key={p.id} className="ms-history__project">
                <h4>{p.title}</h4>
                <ul>
                  {own.map((x) => (
                    <li key={x.id}>
                      {x.title}: {t(`status.${x.status}`)}
                      {x.status !== 'done' ? ` (${t('history.carried')})` : ''}
                    </li>
                  ))}
                </ul>
                {review?.done ? (
                  <p>
                    {t('review.done')}: {review.done}
                  </p>
                ) : null}
                {review?.worked ? (
                  <p>
                    {t('review.worked')}: {review.worked}
                  </p>
                ) : null}
                {review?.next ? (
                  <p>
                    {t('review.next')}: {review.next}
                  </p>
                ) : null}
              </div>
            );
          })}
        </details>
      ))}
    </section>
  );
}
