import { memo } from 'react';
import { useDraggable } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import type { Conflict } from '@twinspace/shared/boards/open-space/conflicts';
import type { Topic } from '@twinspace/shared/boards/open-space/read';
import { TopicTitle } from './translated.tsx';

export interface GridTopicProps {
  topic: Topic;
  draggable: boolean;
  conflicts: readonly Conflict[];
  /** People interested (visible votes or the facilitator's preview), null when unknown. */
  interest: number | null;
  mine: boolean;
}

/** A topic on the grid or in the tray; the handle picks it up (pointer, touch or keyboard). */
export const GridTopic = memo(function GridTopic(props: GridTopicProps) {
  const { topic, draggable, conflicts, interest, mine } = props;
  const { t } = useTranslation('openSpace');
  const { attributes, listeners, setNodeRef, isDragging, transform } = useDraggable({
    id: topic.id,
    disabled: !draggable,
    data: { title: topic.title },
  });
  const style = transform
    ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` }
    : undefined;
  const classes = ['os-chip'];
  if (isDragging) classes.push('is-dragging');
  if (conflicts.length > 0) classes.push('has-conflict');
  if (mine) classes.push('is-mine');
  return (
    <div
      ref={setNodeRef}
      style={style}
      className={classes.join(' ')}
      data-testid="grid-topic"
      data-topic={topic.id}
    >
      {draggable ? (
        <button
          type="button"
          className="os-chip__handle"
          data-testid="drag-handle"
          aria-label={t('grid.move', { title: topic.title })}
          title={t('grid.move', { title: topic.title })}
          {...attributes}
          {...listeners}
        >
          <span aria-hidden="true">⠿</span>
        </button>
      ) : null}
      <div className="os-chip__body">
        <p className="os-chip__title">
          <TopicTitle topic={topic} />
        </p>
        <p className="os-chip__meta">
          {topic.convener}
          {interest !== null ? (
            <span className="os-chip__interest"> · {t('grid.interest', { count: interest })}</span>
          ) : null}
        </p>
        {conflicts.length > 0 ? <ConflictBadges conflicts={conflicts} /> : null}
      </div>
    </div>
  );
});

export function ConflictBadges({ conflicts }: { conflicts: readonly Conflict[] }) {
  const { t } = useTranslation('openSpace');
  const kinds = [...new Set(conflicts.map((c) => c.kind))];
  return (
    <ul className="os-badges" aria-label={t('conflicts.label')}>
      {kinds.map((kind) => (
        <li
          key={kind}
          className={`os-badge os-badge--${kind}`}
          data-testid="conflict-badge"
          data-kind={kind}
        >
          <span aria-hidden="true">⚠ </span>
          {kind === 'convener-double-booked'
            ? t('conflicts.convener')
            : kind === 'over-capacity'
              ? t('conflicts.capacity')
              : t('conflicts.overlap')}
        </li>
      ))}
    </ul>
  );
}
