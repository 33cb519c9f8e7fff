import { memo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OS_ROOT } from '@twinspace/shared/boards/open-space/layout';
import type { Topic } from '@twinspace/shared/boards/open-space/read';
import { languageName } from '../../i18n/languages.ts';
import { useOs } from '../../state/openSpaceStore.ts';
import { useParticipantId } from '../../state/sessionStore.ts';
import { AddTranslation } from '../common/AddTranslation.tsx';
import { OriginalMark } from '../common/Translated.tsx';
import { SlotPicker } from './SlotPicker.tsx';
import { TopicForm } from './TopicForm.tsx';
import { slotName, useEdit, useIsFacilitator, useMay, usePhaseName } from './hooks.ts';
import { deleteEntity } from '@twinspace/shared/boards/open-space/write';
import { topicOriginal, topicTarget, useTopicText } from './translated.tsx';

/**
 * One topic in a list: what it is, where it runs, and what this person may do with it
 * (edit and withdraw their own, the facilitator any; place it without dragging).
 */
export const TopicCard = memo(function TopicCard({
  topic,
  children,
}: {
  topic: Topic;
  children?: ReactNode;
}) {
  const { t } = useTranslation('openSpace');
  const may = useMay();
  const edit = useEdit();
  const me = useParticipantId();
  const phase = usePhaseName();
  const facilitator = useIsFacilitator();
  const version = useTopicText(topic);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const touch = { part: OS_ROOT.topics, owner: topic.owner } as const;
  const mayEdit = may({ ...touch, action: 'update', field: 'title' });
  const mayWithdraw = may({ ...touch, action: 'delete' });
  const mayPlace = facilitator || (topic.owner === me && phase === 'marketplace');
  if (editing) return <TopicForm topic={topic} onDone={() => setEditing(false)} />;
  return (
    <article
      className={`os-topic${topic.owner === me ? ' is-mine' : ''}`}
      data-testid="topic"
      data-topic={topic.id}
    >
      <h3 className="os-topic__title" lang={version.language}>
        {version.title}
      </h3>
      <p className="os-topic__meta">
        {t('topic.by', { name: topic.convener || t('topic.anonymous') })}
        {topic.language ? (
          <span lang={topic.language}> · {languageName(topic.language)}</span>
        ) : null}
      </p>
      <Where topic={topic} />
      {version.text ? (
        <p className="os-topic__desc" lang={version.language}>
          {version.text}
        </p>
      ) : null}
      <OriginalMark version={version} />
      {topic.tags.length > 0 ? (
        <ul className="os-tags" aria-label={t('topic.tags')}>
          {topic.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      ) : null}
      {children}
      <div className="os-topic__translate">
        <AddTranslation target={topicTarget(topic)} original={topicOriginal(topic)} />
      </div>
      {mayPlace ? <SlotPicker topic={topic} /> : null}
      {mayEdit || mayWithdraw ? (
        <div className="button-row os-topic__actions">
          {mayEdit ? (
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => setEditing(true)}
            >
              {t('topic.edit')}
            </button>
          ) : null}
          {mayWithdraw && !confirming ? (
            <button
              type="button"
              className="button button--danger-quiet button--small"
              onClick={() => setConfirming(true)}
            >
              {facilitator && topic.owner !== me ? t('topic.remove') : t('topic.withdraw')}
            </button>
          ) : null}
          {confirming ? (
            <>
              <button
                type="button"
                className="button button--danger button--small"
                onClick={() => edit((doc) => deleteEntity(doc, OS_ROOT.topics, topic.id))}
              >
                {t('topic.confirmWithdraw')}
              </button>
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => setConfirming(false)}
              >
                {t('topic.cancel')}
              </button>
            </>
          ) : null}
        </div>
      ) : null}
    </article>
  );
});

/** "Slot 1 (10:00–11:00) · Room A", or nothing while the topic is not on the grid. */
export function Where({ topic }: { topic: Topic }) {
  const { t } = useTranslation('openSpace');
  const slots = useOs('slots');
  const spaces = useOs('spaces');
  const slot = slots.find((s) => s.id === topic.slot);
  const space = spaces.find((s) => s.id === topic.space);
  if (!slot || !space) return <p className="os-topic__where is-unplaced">{t('topic.unplaced')}</p>;
  return (
    <p className="os-topic__where" data-testid="topic-where">
      {slotName(slot)} · {space.name}
    </p>
  );
}
