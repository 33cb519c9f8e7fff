import { useMemo, type CSSProperties, type ReactNode } from 'react';
import { DndContext, useDroppable, type DragEndEvent } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import { conflictsOf, type Conflict } from '@twinspace/shared/boards/open-space/conflicts';
import type { Slot, Space, Topic } from '@twinspace/shared/boards/open-space/read';
import { useOs } from '../../state/openSpaceStore.ts';
import { dndAnnouncements } from '../common/dndAnnouncements.ts';
import { useParticipantId } from '../../state/sessionStore.ts';
import { GridTopic } from './GridTopic.tsx';
import {
  GRID_AUTO_SCROLL,
  cellSteps,
  TRAY_ID,
  cellId,
  gridCollision,
  parseCellId,
  useGridSensors,
} from './dnd.ts';
import {
  slotName,
  slotTime,
  useCommand,
  useConflicts,
  useInterest,
  usePhaseName,
} from './hooks.ts';

export type GridMode = 'facilitator' | 'participant' | 'read';

/**
 * The agenda grid: time slots (rows) x spaces (columns). Topics move by drag and drop
 * (pointer, touch, keyboard); every drop is an os-place command that the server decides,
 * so two people dropping on one cell both end up seeing the same winner.
 */
export function Grid({
  mode,
  interest: given,
}: {
  mode: GridMode;
  interest?: Map<string, number> | null;
}) {
  const { t } = useTranslation('openSpace');
  const topics = useOs('topics');
  const slots = useOs('slots');
  const spaces = useOs('spaces');
  const conflicts = useConflicts();
  const visibleInterest = useInterest();
  const interest = given ?? visibleInterest;
  const me = useParticipantId();
  const phase = usePhaseName();
  const command = useCommand();
  const steps = useMemo(() => cellSteps(slots, spaces), [slots, spaces]);
  const sensors = useGridSensors(steps);
  const canMove = (topic: Topic): boolean =>
    mode === 'facilitator' ||
    (mode === 'participant' && topic.owner === me && phase === 'marketplace');
  const at = useMemo(
    () =>
      new Map(topics.filter((x) => x.slot).map((x) => [cellId(x.slot ?? '', x.space ?? ''), x])),
    [topics],
  );
  const cellLabel = (id: string): string => {
    const cell = parseCellId(id);
    if (!cell) return t('grid.tray');
    const slot = slots.find((s) => s.id === cell.slotId);
    const space = spaces.find((s) => s.id === cell.spaceId);
    return `${slot ? slotName(slot) : ''} · ${space?.name ?? ''}`;
  };
  const titleOf = (id: string): string => topics.find((x) => x.id === id)?.title ?? '';
  const announcements = dndAnnouncements(
    (message, title, cell) => t(`dnd.${message}`, { title, cell }),
    titleOf,
    cellLabel,
  );
  const onDragEnd = ({ active, over }: DragEndEvent): void => {
    if (!over) return;
    const cell = parseCellId(String(over.id));
    const topic = topics.find((x) => x.id === active.id);
    if (!topic || (cell && topic.slot === cell.slotId && topic.space === cell.spaceId)) return;
    if (!cell && topic.slot === null) return;
    void command({
      type: 'os-place',
      topicId: topic.id,
      slotId: cell?.slotId ?? null,
      spaceId: cell?.spaceId ?? null,
    });
  };
  const chip = (topic: Topic): ReactNode => (
    <GridTopic
      key={topic.id}
      topic={topic}
      draggable={canMove(topic)}
      conflicts={conflictsFor(conflicts, topic.id)}
      interest={interest ? (interest.get(topic.id) ?? 0) : null}
      mine={topic.owner === me}
    />
  );
  const unplaced = topics.filter((x) => x.slot === null && canMove(x));
  if (slots.length === 0 || spaces.length === 0)
    return (
      <p className="os-empty" data-testid="grid-empty">
        {mode === 'facilitator'
          ? t('grid.emptyFacilitator', { setup: t('console.setup') })
          : t('grid.empty')}
      </p>
    );
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={gridCollision}
      autoScroll={GRID_AUTO_SCROLL}
      onDragEnd={onDragEnd}
      accessibility={{
        announcements,
        screenReaderInstructions: { draggable: t('dnd.instructions') },
      }}
    >
      {mode !== 'read' && topics.some(canMove) ? (
        <Tray label={t('grid.tray')} hint={t('grid.trayHint')}>
          {unplaced.map(chip)}
        </Tray>
      ) : null}
      <div className="os-grid-scroll">
        <div
          className="os-grid"
          style={{ '--os-spaces': spaces.length } as CSSProperties}
          data-rows={Math.min(slots.length, 4)}
          data-testid="os-grid"
        >
          <div className="os-grid__corner" aria-hidden="true" />
          {spaces.map((space) => (
            <SpaceHead key={space.id} space={space} />
          ))}
          {slots.map((slot) => (
            <div className="os-grid__row" key={slot.id}>
              <SlotHead slot={slot} />
              {spaces.map((space) => {
                const topic = at.get(cellId(slot.id, space.id));
                const blocked = mode !== 'facilitator' && topic !== undefined && !canMove(topic);
                return (
                  <Cell
                    key={space.id}
                    slot={slot}
                    space={space}
                    disabled={mode === 'read' || blocked}
                  >
                    {topic ? chip(topic) : null}
                  </Cell>
                );
              })}
            </div>
          ))}
        </div>
      </div>
    </DndContext>
  );
}

const conflictsFor = (all: readonly Conflict[], id: string): Conflict[] => {
  const mine = conflictsOf(all, id);
  return mine.length === 0 ? NONE : mine;
};
const NONE: Conflict[] = [];

/** A row's head: the slot's name above its time, so the column stays narrow on a wall. */
function SlotHead({ slot }: { slot: Slot }) {
  const time = slot.start ? slotTime(slot) : '';
  return (
    <div className="os-grid__slot">
      {slot.label ? <span className="os-grid__slot-name">{slot.label}</span> : null}
      {time ? <span className="os-grid__slot-time">{time}</span> : null}
    </div>
  );
}

function SpaceHead({ space }: { space: Space }) {
  const { t } = useTranslation('openSpace');
  return (
    <div className="os-grid__space">
      <span className="os-grid__space-name">{space.name}</span>
      <span className="os-grid__space-cap">{t('grid.capacity', { count: space.capacity })}</span>
      {space.videoUrl ? (
        <a
          className="os-grid__video"
          href={space.videoUrl}
          target="_blank"
          rel="noreferrer noopener"
        >
          {t('grid.video')}
        </a>
      ) : null}
    </div>
  );
}

function Cell({
  slot,
  space,
  disabled,
  children,
}: {
  slot: Slot;
  space: Space;
  disabled: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation('openSpace');
  const { setNodeRef, isOver } = useDroppable({ id: cellId(slot.id, space.id), disabled });
  return (
    <div
      ref={setNodeRef}
      className={`os-cell${isOver ? ' is-over' : ''}${children ? '' : ' is-free'}`}
      data-testid="grid-cell"
      data-cell={`${slot.id}|${space.id}`}
      data-label={`${slotName(slot)} · ${space.name}`}
    >
      <span className="os-cell__where">{space.name}</span>
      {children ?? <span className="os-cell__free">{t('grid.free')}</span>}
    </div>
  );
}

function Tray({ label, hint, children }: { label: string; hint: string; children: ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: TRAY_ID });
  return (
    <section
      ref={setNodeRef}
      className={`os-tray${isOver ? ' is-over' : ''}`}
      aria-label={label}
      data-testid="grid-tray"
    >
      <h3 className="os-tray__label">{label}</h3>
      <p className="os-tray__hint">{hint}</p>
      <div className="os-tray__list">{children}</div>
    </section>
  );
}
