import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OS_ROOT } from '@twinspace/shared/boards/open-space/layout';
import { currentUiLanguage } from '../../i18n/index.ts';
import { useOs } from '../../state/openSpaceStore.ts';
import { addStory, deleteEntity } from '@twinspace/shared/boards/open-space/write';
import { useEdit, useMay } from './hooks.ts';
import { LazyPhotos } from '../photos/LazyPhotos.tsx';

/** The story-telling wall (seed 002): short stories anyone posts, in any phase. */
export function StoryWall({ readOnly = false }: { readOnly?: boolean }) {
  const { t } = useTranslation('openSpace');
  const stories = useOs('stories');
  const edit = useEdit();
  const may = useMay();
  const id = useId();
  const [text, setText] = useState('');
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    edit((doc, owner) => addStory(doc, owner, text, currentUiLanguage()));
    setText('');
  };
  return (
    <section className="os-stories" aria-labelledby={`${id}-h`} data-testid="story-wall">
      <h3 id={`${id}-h`}>{t('stories.heading')}</h3>
      {!readOnly && may({ part: OS_ROOT.stories, action: 'create' }) ? (
        <form className="os-stories__form" onSubmit={submit}>
          <label htmlFor={`${id}-t`}>{t('stories.label')}</label>
          <textarea
            id={`${id}-t`}
            rows={2}
            maxLength={500}
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="story-text"
          />
          <button
            type="submit"
            className="button button--primary"
            disabled={!text.trim()}
            data-testid="story-add"
          >
            {t('stories.add')}
          </button>
        </form>
      ) : null}
      {stories.length === 0 ? <p className="os-help">{t('stories.none')}</p> : null}
      <ul className="os-stories__list">
        {stories.map((s) => (
          <li key={s.id} lang={s.language || undefined} className="os-story" data-testid="story">
            <p>{s.text}</p>
            <LazyPhotos part={OS_ROOT.stories} refId={s.id} label={s.text} canAdd={!readOnly} />
            {!readOnly && may({ part: OS_ROOT.stories, action: 'delete', owner: s.owner }) ? (
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => edit((doc) => deleteEntity(doc, OS_ROOT.stories, s.id))}
              >
                {t('stories.remove')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
