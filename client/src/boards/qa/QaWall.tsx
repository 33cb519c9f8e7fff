import { useTranslation } from 'react-i18next';
import { QA_LIMITS } from '@twinspace/shared/boards/qa/layout';
import { useQaSettings, useQuestions } from '../../state/qaStore.ts';
import { startQaBinding } from './binding.ts';
import './qa.css';

startQaBinding();

/**
 * The projector: the question the facilitator put first, in very large type, then the
 * open questions with the most upvotes, live.
 */
export function QaWall() {
  const { t } = useTranslation('polls');
  const { shown } = useQaSettings();
  const questions = useQuestions();
  const first = questions.find((q) => q.id === shown);
  const top = questions.filter((q) => !q.answered && q.id !== shown).slice(0, QA_LIMITS.wall);
  return (
    <section className="qa-wall" data-testid="qa-wall" aria-labelledby="qa-wall-h">
      <h2 id="qa-wall-h" className="qa-wall__title">
        {t('qa.title')}
      </h2>
      {first ? (
        <blockquote className="qa-wall__shown" data-testid="qa-wall-shown">
          <p>{first.text}</p>
          <footer>
            {first.name || t('qa.anonymousName')} · ▲ {first.votes}
          </footer>
        </blockquote>
      ) : null}
      {top.length === 0 && !first ? <p className="qa-wall__empty">{t('qa.wallEmpty')}</p> : null}
      <ol className="qa-wall__list" data-testid="qa-wall-list">
        {top.map((q) => (
          <li key={q.id} data-testid="qa-wall-item" data-votes={q.votes}>
            <span className="qa-wall__votes">▲ {q.votes}</span>
            <span className="qa-wall__text">{q.text}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
