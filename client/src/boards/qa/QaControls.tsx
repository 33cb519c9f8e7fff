import { useTranslation } from 'react-i18next';
import type { PendingQuestion } from '@twinspace/shared/boards/qa/commands';
import type { Question } from '@twinspace/shared/boards/qa/read';
import { useQaMine, useQaSettings, useQuestions } from '../../state/qaStore.ts';
import { useCommand } from '../common/useCommand.ts';
import { usePendingSetting } from '../common/usePendingSetting.ts';
import { startQaBinding } from './binding.ts';
import { useQaPrivate } from './hooks.ts';
import './qa.css';

startQaBinding();

/**
 * The facilitator's Q&A: require approval, put the Q&A on the projector, approve or remove
 * waiting questions, mark questions answered and put one question first on the wall.
 */
export function QaControls() {
  const { t } = useTranslation('polls');
  useQaPrivate();
  const command = useCommand();
  const settings = useQaSettings();
  const pending = useQaMine()?.pending ?? [];
  const questions = useQuestions();
  const [requireApproval, setRequireApproval] = usePendingSetting(settings.requireApproval);
  const [wall, setWall] = usePendingSetting(settings.wall);
  return (
    <div className="qa-controls" data-testid="qa-controls">
      <label className="qa-check">
        <input
          type="checkbox"
          checked={requireApproval}
          onChange={(e) => {
            const next = e.target.checked;
            setRequireApproval(next, () => command({ type: 'qa-settings', requireApproval: next }));
          }}
          data-testid="qa-require-approval"
        />
        {t('qa.requireApproval')}
      </label>
      <label className="qa-check">
        <input
          type="checkbox"
          checked={wall}
          onChange={(e) => {
            const next = e.target.checked;
            setWall(next, () => command({ type: 'qa-settings', wall: next }));
          }}
          data-testid="qa-wall-toggle"
        />
        {t('qa.wallToggle')}
      </label>
      {pending.length > 0 ? (
        <section>
          <h4>{t('qa.pendingHeading', { count: pending.length })}</h4>
          <ul className="qa-list" data-testid="qa-pending">
            {pending.map((q) => (
              <PendingRow key={q.id} question={q} />
            ))}
          </ul>
        </section>
      ) : null}
      <ol className="qa-list" data-testid="qa-admin-list">
        {questions.map((q) => (
          <AdminRow key={q.id} question={q} shown={settings.shown === q.id} />
        ))}
      </ol>
    </div>
  );
}

function PendingRow({ question }: { question: PendingQuestion }) {
  const { t } = useTranslation('polls');
  const command = useCommand();
  return (
    <li className="qa-question" data-testid="qa-pending-row" data-question={question.id}>
      <span className="qa-question__text">{question.text}</span>
      <span className="qa-question__who">{question.name || t('qa.anonymousName')}</span>
      <span className="qa-actions">
        <button
          type="button"
          className="button button--small button--primary"
          onClick={() =>
            void command({ type: 'qa-moderate', questionId: question.id, action: 'approve' })
          }
          data-testid="qa-approve"
        >
          {t('qa.approve')}
        </button>
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() =>
            void command({ type: 'qa-moderate', questionId: question.id, action: 'delete' })
          }
          data-testid="qa-reject"
        >
          {t('qa.reject')}
        </button>
      </span>
    </li>
  );
}

function AdminRow({ question, shown }: { question: Question; shown: boolean }) {
  const { t } = useTranslation('polls');
  const command = useCommand();
  const id = question.id;
  return (
    <li
      className={`qa-question${question.answered ? ' is-answered' : ''}`}
      data-testid="qa-admin-row"
      data-question={id}
    >
      <span className="qa-count">▲ {question.votes}</span>
      <span className="qa-question__text">{question.text}</span>
      <span className="qa-question__who">{question.name || t('qa.anonymousName')}</span>
      <span className="qa-actions">
        <button
          type="button"
          className={`button button--small${shown ? ' is-on' : ''}`}
          aria-pressed={shown}
          onClick={() =>
            void command({ type: 'qa-settings', shown: shown ? null : id, wall: true })
          }
          data-testid="qa-show"
        >
          {shown ? t('hide') : t('show')}
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() =>
            void command({
              type: 'qa-moderate',
              questionId: id,
              action: question.answered ? 'unanswered' : 'answered',
            })
          }
          data-testid="qa-answered"
        >
          {question.answered ? t('qa.reopen') : t('qa.markAnswered')}
        </button>
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => void command({ type: 'qa-moderate', questionId: id, action: 'delete' })}
          data-testid="qa-delete"
        >
          {t('delete')}
        </button>
      </span>
    </li>
  );
}
