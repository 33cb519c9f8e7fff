import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Topic } from '@twinspace/shared/boards/open-space/read';
import { currentUiLanguage } from '../../i18n/index.ts';
import { PLANNED_UI_LANGUAGES, languageName } from '../../i18n/languages.ts';
import { useJoinedAs } from '../../state/sessionStore.ts';
import {
  createTopic,
  parseTags,
  updateTopic,
  type TopicDraft,
} from '@twinspace/shared/boards/open-space/write';
import { useEdit } from './hooks.ts';
import { useModSettings } from '../../state/moderationStore.ts';

/** Proposes a topic, or edits one (its convener or the facilitator). Works offline. */
export function TopicForm({ topic, onDone }: { topic?: Topic; onDone?: () => void }) {
  const { t } = useTranslation('openSpace');
  const edit = useEdit();
  // On an anonymous board no name goes into the document (moderation, SPEC R25).
  const anonymous = useModSettings().anonymous;
  const joinedAs = useJoinedAs().name ?? '';
  const me = anonymous ? '' : joinedAs;
  const id = useId();
  const [title, setTitle] = useState(topic?.title ?? '');
  const [convener, setConvener] = useState(topic?.convener ?? me);
  const [description, setDescription] = useState(topic?.description ?? '');
  const [language, setLanguage] = useState(topic?.language ?? currentUiLanguage());
  const [tags, setTags] = useState(topic?.tags.join(', ') ?? '');
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const draft: TopicDraft = {
      title,
      description,
      language,
      tags: parseTags(tags),
      convener: anonymous ? '' : convener || me,
    };
    if (!draft.title.trim()) return;
    edit((doc, owner) =>
      topic ? updateTopic(doc, topic.id, draft) : void createTopic(doc, owner, draft),
    );
    if (!topic) {
      setTitle('');
      setDescription('');
      setTags('');
    }
    onDone?.();
  };
  return (
    <form
      className="os-form"
      onSubmit={submit}
      data-testid={topic ? 'topic-edit-form' : 'topic-form'}
    >
      {topic ? null : <h3>{t('topic.proposeHeading')}</h3>}
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('topic.title')}</label>
        <input
          id={`${id}-title`}
          value={title}
          maxLength={120}
          required
          onChange={(e) => setTitle(e.target.value)}
          data-testid="topic-title"
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-desc`}>{t('topic.description')}</label>
        <textarea
          id={`${id}-desc`}
          value={description}
          maxLength={1000}
          rows={2}
          onChange={(e) => setDescription(e.target.value)}
          data-testid="topic-description"
        />
      </div>
      <div className="os-form__pair">
        {anonymous ? null : (
          <div className="field">
            <label htmlFor={`${id}-conv`}>{t('topic.convener')}</label>
            <input
              id={`${id}-conv`}
              value={convener}
              maxLength={60}
              onChange={(e) => setConvener(e.target.value)}
            />
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-lang`}>{t('topic.language')}</label>
          <select id={`${id}-lang`} value={language} onChange={(e) => setLanguage(e.target.value)}>
            {PLANNED_UI_LANGUAGES.map((lang) => (
              <option key={lang} value={lang}>
                {languageName(lang)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-tags`}>{t('topic.tags')}</label>
        <input
          id={`${id}-tags`}
          value={tags}
          onChange={(e) => setTags(e.target.value)}
          placeholder={t('topic.tagsHint')}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button button--primary" data-testid="topic-submit">
          {topic ? t('topic.save') : t('topic.propose')}
        </button>
        {topic ? (
          <button type="button" className="button button--quiet" onClick={onDone}>
            {t('topic.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
