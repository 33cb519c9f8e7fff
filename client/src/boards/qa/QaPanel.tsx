import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { QA_LIMITS } from '@twinspace/shared/boards/qa/layout';
import type { Question } from '@twinspace/shared/boards/qa/read';
import { useQaMine, useQaSettings, useQuestions } from '../../state/qaStore.ts';
import { useOutboxWaiting } from '../../state/connectionStore.ts';
import { useCommand } from '../common/useCommand.ts';
import { startQaBinding } from './binding.ts';
import { keepQaMine, useQaPrivate } from './hooks.ts';
import './qa.css';

startQaBinding();

/**
 * Questions for the plenary on a phone: ask (optionally without one's name), see one's own
 * questions waiting for approval, upvote the others (once each, taken back with a tap).
 */
export function QaPanel() {
  const { t } = useTranslation('polls');
  useQaPrivate();
  const questions = useQuestions();
  return (
    <details className="qa-panel" data-testid="qa-panel">
      <summary>{t('qa.summary', { count: questions.length })}</summary>
      <AskForm />
      <MyPending />
      {questions.length === 0 ? <p className="field__help">{t('qa.empty')}</p> : null}
      <ol className="qa-list" data-testid="qa-list">
        {questions.map((q) => (
          <QuestionRow key={q.id} question={q} />
        ))}
      </ol>
    </details>
  );
}

function AskForm() {
  const { t } = useTranslation('polls');
  const command = useCommand();
  const { requireApproval } = useQaSettings();
  const mine = useQaMine();
  const id = useId();
  const [text, setText] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [sending, setSending] = useState(false);
  const left = QA_LIMITS.perPerson - (mine?.mine.length ?? 0);
  const ask = (event: FormEvent): void => {
    event.preventDefault();
    setSending(true);
    void command({ type: 'qa-ask', text, anonymous })
      .then((r) => {
        keepQaMine(r);
        if (r?.type === 'ok') setText('');
      })
      .finally(() => setSending(false));
  };
  return (
    <form className="qa-ask" onSubmit={ask} data-testid="qa-ask">
      <label htmlFor={id}>{t('qa.ask')}</label>
      <textarea
        id={id}
        value={text}
        rows={2}
        maxLength={QA_LIMITS.text}
        onChange={(e) => setText(e.target.value)}
        data-testid="qa-text"
      />
      <label className="qa-check">
        <input
          type="checkbox"
          checked={anonymous}
          onChange={(e) => setAnonymous(e.target.checked)}
          data-testid="qa-anonymous"
        />
        {t('qa.anonymous')}
      </label>
      <p className="field__help">
        {requireApproval ? t('qa.approvalHelp') : null} {t('qa.left', { count: Math.max(0, left) })}
      </p>
      <button
        type="submit"
        className="button button--primary"
        disabled={!text.trim() || left <= 0 || sending}
        data-testid="qa-submit"
      >
        {sending ? t('sending') : t('qa.submit')}
      </button>
    </form>
  );
}

function MyPending() {
  const { t } = useTranslation('polls');
  const pending = useQaMine()?.pending.filter((q) => q.mine) ?? [];
  // Asked offline: kept in the outbox, and shown here after a reload too (not asked twice).
  const queued = useOutboxWaiting().flatMap((c) => (c.type === 'qa-ask' ? [c.text] : []));
  if (pending.length === 0 && queued.length === 0) return null;
  return (
    <ul className="qa-pending" data-testid="qa-my-pending">
      {queued.map((text, i) => (
        <li key={`queued-${i}`} data-testid="qa-queued-item">
          <span className="qa-badge">{t('qa.queued')}</span> {text}
        </li>
      ))}
      {pending.map((q) => (
        <li key={q.id} data-testid="qa-pending-item">
          <span className="qa-badge">{t('qa.waiting')}</span> {q.text}
        </li>
      ))}
    </ul>
  );
}

function QuestionRow({ question }: { question: Question }) {
  const { t } = useTranslation('polls');
  const command = useCommand();
  const mine = useQaMine();
  const voted = mine?.voted.includes(question.id) ?? false;
  const own = mine?.mine.includes(question.id) ?? false;
  const [busy, setBusy] = useState(false);
  const run = (cmd: Parameters<typeof command>[0]): void => {
    setBusy(true);
    void command(cmd)
      .then(keepQaMine)
      .finally(() => setBusy(false));
  };
  return (
    <li
      className={`qa-question${question.answered ? ' is-answered' : ''}`}
      data-testid="qa-question"
      data-question={question.id}
      data-votes={question.votes}
    >
      <button
        type="button"
        className={`qa-vote${voted ? ' is-on' : ''}`}
        aria-pressed={voted}
        aria-label={t('qa.upvote', { text: question.text })}
        disabled={busy || question.answered}
        onClick={() => run({ type: 'qa-vote', questionId: question.id, on: !voted })}
        data-testid="qa-vote"
      >
        <span aria-hidden="true">▲</span> {question.votes}
      </button>
      <span className="qa-question__text">{question.text}</span>
      <span className="qa-question__who">
        {question.name || t('qa.anonymousName')}
        {question.answered ? ` · ${t('qa.answered')}` : ''}
      </span>
      {own ? (
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => run({ type: 'qa-withdraw', questionId: question.id })}
          data-testid="qa-withdraw"
        >
          {t('qa.withdraw')}
        </button>
      ) : null}
    </li>
  );
}
