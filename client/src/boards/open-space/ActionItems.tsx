import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OS_ROOT } from '@twinspace/shared/boards/open-space/layout';
import { useOs } from '../../state/openSpaceStore.ts';
import { addAction, deleteEntity, updateEntity } from '@twinspace/shared/boards/open-space/write';
import { useEdit, useMay } from './hooks.ts';

/** A session's action items: what, who; anyone ticks them off, the writer removes theirs. */
export function ActionItems({ topicId }: { topicId: string }) {
  const { t } = useTranslation('openSpace');
  const actions = useOs('actions').filter((a) => a.topicId === topicId);
  const edit = useEdit();
  const may = useMay();
  const id = useId();
  const [text, setText] = useState('');
  const [assignee, setAssignee] = useState('');
  const mayAdd = may({ part: OS_ROOT.actions, action: 'create' });
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!text.trim()) return;
    edit((doc, owner) => addAction(doc, owner, topicId, text, assignee));
    setText('');
    setAssignee('');
  };
  return (
    <section className="os-actions" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>{t('actions.heading')}</h4>
      {actions.length === 0 ? <p className="os-help">{t('actions.none')}</p> : null}
      <ul className="os-actions__list">
        {actions.map((a) => (
          <li key={a.id} className={a.done ? 'is-done' : ''} data-testid="action-item">
            <label className="os-actions__check">
              <input
                type="checkbox"
                checked={a.done}
                disabled={
                  !may({ part: OS_ROOT.actions, action: 'update', field: 'done', owner: a.owner })
                }
                onChange={(e) =>
                  edit((doc) =>
                    updateEntity(doc, OS_ROOT.actions, a.id, { done: e.target.checked }),
                  )
                }
              />
              <span className="os-actions__text">
                {a.text}
                {a.assignee ? <span className="os-actions__who"> · {a.assignee}</span> : null}
              </span>
            </label>
            {may({ part: OS_ROOT.actions, action: 'delete', owner: a.owner }) ? (
              <button
                type="button"
                className="button button--quiet button--small"
                aria-label={t('actions.remove', { text: a.text })}
                onClick={() => edit((doc) => deleteEntity(doc, OS_ROOT.actions, a.id))}
              >
                ×
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {mayAdd ? (
        <form className="os-actions__form" onSubmit={submit}>
          <label className="visually-hidden" htmlFor={`${id}-text`}>
            {t('actions.text')}
          </label>
          <input
            id={`${id}-text`}
            value={text}
            maxLength={300}
            placeholder={t('actions.text')}
            onChange={(e) => setText(e.target.value)}
            data-testid="action-text"
          />
          <label className="visually-hidden" htmlFor={`${id}-who`}>
            {t('actions.assignee')}
          </label>
          <input
            id={`${id}-who`}
            value={assignee}
            maxLength={60}
            placeholder={t('actions.assignee')}
            onChange={(e) => setAssignee(e.target.value)}
          />
          <button type="submit" className="button button--small" data-testid="action-add">
            {t('actions.add')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
