import { useId } from 'react';
import { CarriedFrom } from './CarriedFrom.tsx';
import { ConfirmDelete } from './ConfirmDelete.tsx';
import { useTranslation } from 'react-i18next';
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import { MS_ROOT } from '@twinspace/shared/boards/match-sprint/layout';
import {
  sprintTasks,
  TASK_STATUSES,
  type MsTask,
  type TaskStatus,
} from '@twinspace/shared/boards/match-sprint/read';
import { moveTask } from '@twinspace/shared/boards/match-sprint/write';
import { usePerson } from '../../state/boardStore.ts';
import { useMs } from '../../state/matchSprintStore.ts';
import { useParticipantId, useRole } from '../../state/sessionStore.ts';
import { useCityColor, useEdit, useIsFacilitator } from './hooks.ts';
import { dndAnnouncements } from '../common/dndAnnouncements.ts';
import { centreFirst, keyboardSteps, neighbour } from '../common/keyboardSteps.ts';

/** Any arrow key moves a task to the next or previous column, in every layout. */
const COLUMN_KEYS = keyboardSteps((from, key) =>
  neighbour(TASK_STATUSES, from, key === 'next' || key === 'down'),
);

/**
 * Tasks across to do / doing / done. Drag a task to another column (mouse, touch, or
 * keyboard: space, arrows, space), or use the status list on each task.
 */
export function TaskBoard({
  projectId,
  sprint,
  readOnly = false,
}: {
  projectId: string;
  sprint: number;
  readOnly?: boolean;
}) {
  const { t } = useTranslation('matchSprint');
  // The sprint's tasks, and any made offline for a sprint closed meanwhile (sprintTasks).
  const tasks = sprintTasks(useMs('tasks'), sprint).filter((task) => task.projectId === projectId);
  const edit = useEdit();
  const role = useRole();
  const canMove = !readOnly && role !== 'projector';
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: COLUMN_KEYS }),
  );
  const move = (taskId: string, status: TaskStatus): void => {
    // Dropped at the end of its new column.
    const order = Math.max(0, ...tasks.filter((x) => x.status === status).map((x) => x.order)) + 1;
    edit((doc) => moveTask(doc, taskId, status, order));
  };
  const announcements = dndAnnouncements(
    (message, title, target) => t(`dnd.${message}`, { title, target }),
    (id) => tasks.find((x) => x.id === id)?.title ?? '',
    (status) => t(`status.${status as TaskStatus}`),
  );
  const onDragEnd = ({ active, over }: DragEndEvent): void => {
    const status = over ? String(over.id) : null;
    const task = tasks.find((x) => x.id === String(active.id));
    if (
      task &&
      status &&
      (TASK_STATUSES as readonly string[]).includes(status) &&
      task.status !== status
    ) {
      move(task.id, status as TaskStatus);
    }
  };
  const columns = TASK_STATUSES.map((status) => (
    <Column
      key={status}
      status={status}
      tasks={tasks.filter((x) => x.status === status)}
      canMove={canMove}
      onMove={move}
    />
  ));
  return (
    <div className="ms-kanban" aria-label={t('sprint.board')} data-testid="ms-kanban">
      {canMove ? (
        <DndContext
          sensors={sensors}
          collisionDetection={centreFirst}
          onDragEnd={onDragEnd}
          accessibility={{
            announcements,
            screenReaderInstructions: { draggable: t('sprint.dragHelp') },
          }}
        >
          {columns}
        </DndContext>
      ) : (
        columns
      )}
    </div>
  );
}

function Column({
  status,
  tasks,
  canMove,
  onMove,
}: {
  status: TaskStatus;
  tasks: MsTask[];
  canMove: boolean;
  onMove: (id: string, s: TaskStatus) => void;
}) {
  const { t } = useTranslation('matchSprint');
  const { isOver, setNodeRef } = useDroppable({ id: status, disabled: !canMove });
  return (
    <section
      ref={setNodeRef}
      className={`ms-column${isOver ? ' is-over' : ''}`}
      data-testid="ms-column"
      data-status={status}
      aria-label={t(`status.${status}`)}
    >
      <h4 className="ms-column__head">
        {t(`status.${status}`)} <span className="ms-count">{tasks.length}</span>
      </h4>
      <ul className="ms-task-list">
        {tasks.map((task) => (
          <TaskItem key={task.id} task={task} canMove={canMove} onMove={onMove} />
        ))}
      </ul>
    </section>
  );
}

function TaskItem({
  task,
  canMove,
  onMove,
}: {
  task: MsTask;
  canMove: boolean;
  onMove: (id: string, s: TaskStatus) => void;
}) {
  const { t } = useTranslation('matchSprint');
  const person = usePerson(task.assignee);
  const color = useCityColor();
  const me = useParticipantId();
  const facilitator = useIsFacilitator();
  const edit = useEdit();
  const statusId = useId();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: task.id,
    disabled: !canMove,
  });
  const style = transform
    ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` }
    : undefined;
  return (
    <li
      ref={setNodeRef}
      style={style}
      className={`ms-task${isDragging ? ' is-dragging' : ''}`}
      data-testid="ms-task"
      data-task-id={task.id}
    >
      <div
        className="ms-task__grip"
        {...attributes}
        {...listeners}
        aria-label={t('sprint.dragTask', { title: task.title })}
        aria-roledescription={t('matches.draggable')}
      >
        <p className="ms-task__title">{task.title}</p>
        <CarriedFrom origin={task.origin} />
        <p className="ms-task__meta">
          {person ? (
            <span>
              <span
                className="ms-dot"
                style={{ background: color(person.city ?? '') }}
                aria-hidden="true"
              />
              {person.city
                ? t('sprint.ownerCity', { name: person.name, city: person.city })
                : person.name}
            </span>
          ) : (
            <span>{t('sprint.noOwner')}</span>
          )}
          {task.due ? <span>{t('sprint.dueOn', { date: task.due })}</span> : null}
          {task.carriedFrom ? <span className="ms-carried">{t('sprint.carried')}</span> : null}
        </p>
      </div>
      {canMove ? (
        <div className="ms-task__controls">
          <label htmlFor={statusId} className="visually-hidden">
            {t('sprint.moveTo', { title: task.title })}
          </label>
          <select
            id={statusId}
            value={task.status}
            onChange={(e) => onMove(task.id, e.target.value as TaskStatus)}
            data-testid="ms-task-status"
          >
            {TASK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
          {task.owner === me || facilitator ? (
            <ConfirmDelete
              label={t('sprint.deleteTask', { title: task.title })}
              onDelete={() => edit((doc) => doc.getMap(MS_ROOT.tasks).delete(task.id))}
              testId="ms-task-delete"
            >
              ×
            </ConfirmDelete>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
