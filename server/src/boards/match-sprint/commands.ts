import * as Y from 'yjs';
import {
  CREATED_FIELD,
  MS_ROOT,
  OWNER_FIELD,
  newEntityId,
  type Command,
  type CommandResult,
} from '@twinspace/shared';
import {
  readLinks,
  readMsCards,
  readProjects,
  readSettings,
  readTasks,
  readTimer,
} from '@twinspace/shared/boards/match-sprint/read';
import { nextTimer, type TimerState } from '@twinspace/shared/boards/match-sprint/timer';
import type { BoardCommandContext, BoardCommandHandler } from '../types.ts';

type MsCommand<T extends Command['type']> = Extract<Command, { type: T }>;
type Refused = Extract<CommandResult, { type: 'refused' }>;

const OK: CommandResult = { type: 'ok' };
const refused = (reason: Refused['reason'], message: string): CommandResult => ({
  type: 'refused',
  reason,
  message,
});
const facilitatorOnly = refused('not-allowed', 'only the facilitator may do this');

/** Runs a read-decide-write step inside the room's queue, so nothing changes in between. */
async function decide(
  ctx: BoardCommandContext,
  step: (doc: Y.Doc) => CommandResult,
): Promise<CommandResult> {
  let result: CommandResult = OK;
  await ctx.room.writeAsServer((doc) => {
    result = step(doc);
  });
  return result;
}

function newEntity(owner: string, now: number, fields: Record<string, unknown>): Y.Map<unknown> {
  const entity = new Y.Map<unknown>();
  entity.set(OWNER_FIELD, owner);
  entity.set(CREATED_FIELD, now);
  for (const [key, value] of Object.entries(fields))
    if (value !== undefined) entity.set(key, value);
  return entity;
}

const entityOf = (doc: Y.Doc, root: string, id: string): Y.Map<unknown> | undefined => {
  const e = doc.getMap<unknown>(root).get(id);
  return e instanceof Y.Map ? (e as Y.Map<unknown>) : undefined;
};

/** The facilitator confirms a link between two cities' cards: it becomes a joint project. */
const confirmLink: BoardCommandHandler<MsCommand<'ms-confirm-link'>> = (ctx, cmd) => {
  if (ctx.session.role !== 'facilitator') return Promise.resolve(facilitatorOnly);
  return decide(ctx, (doc) => {
    const link = readLinks(doc).find((l) => l.id === cmd.linkId);
    const entity = entityOf(doc, MS_ROOT.links, cmd.linkId);
    if (!link || !entity) return refused('bad-value', 'no such link');
    if (link.status === 'confirmed') return OK; // a double click confirms once
    const cards = readMsCards(doc);
    const from = cards.find((c) => c.id === link.from);
    const to = cards.find((c) => c.id === link.to);
    if (!from || !to) return refused('bad-value', 'a linked card is gone');
    if (from.city === to.city) return refused('bad-value', 'a match joins two different cities');
    const projectId = newEntityId();
    const title = cmd.title ?? `${from.title} + ${to.title}`.slice(0, 120);
    doc.getMap<unknown>(MS_ROOT.projects).set(
      projectId,
      newEntity(ctx.session.participantId, ctx.now, {
        title,
        linkId: link.id,
        cards: [from.id, to.id],
        team: {},
      }),
    );
    entity.set('status', 'confirmed');
    entity.set('projectId', projectId);
    return OK;
  });
};

const rejectLink: BoardCommandHandler<MsCommand<'ms-reject-link'>> = (ctx, cmd) => {
  if (ctx.session.role !== 'facilitator') return Promise.resolve(facilitatorOnly);
  return decide(ctx, (doc) => {
    const entity = entityOf(doc, MS_ROOT.links, cmd.linkId);
    if (!entity) return refused('bad-value', 'no such link');
    if (entity.get('status') === 'confirmed')
      return refused('bad-value', 'confirmed already: delete the project instead');
    if (entity.get('status') !== 'rejected') entity.set('status', 'rejected');
    return OK;
  });
};

/** Team membership is written by the server, with the city the member joined as. */
function team(member: boolean): BoardCommandHandler<MsCommand<'ms-join-team' | 'ms-leave-team'>> {
  return (ctx, cmd) =>
    decide(ctx, (doc) => {
      const entity = entityOf(doc, MS_ROOT.projects, cmd.projectId);
      const project = readProjects(doc).find((p) => p.id === cmd.projectId);
      if (!entity || !project) return refused('bad-value', 'no such project');
      const { participantId, city } = ctx.session;
      if (member === participantId in project.team) return OK;
      const next = { ...project.team };
      if (member) next[participantId] = city ?? '';
      else delete next[participantId];
      entity.set('team', next);
      return OK;
    });
}

function writeTimer(doc: Y.Doc, state: TimerState): void {
  const timer = doc.getMap<unknown>(MS_ROOT.timer);
  for (const [key, value] of Object.entries(state)) {
    if (value === null) timer.delete(key);
    else if (timer.get(key) !== value) timer.set(key, value);
  }
}

const timer: BoardCommandHandler<MsCommand<'ms-timer'>> = (ctx, cmd) => {
  if (ctx.session.role !== 'facilitator') return Promise.resolve(facilitatorOnly);
  return decide(ctx, (doc) => {
    const action =
      cmd.action === 'start'
        ? { action: cmd.action, durationMs: cmd.durationMs, label: cmd.label }
        : { action: cmd.action };
    const next = nextTimer(readTimer(doc), action, ctx.now);
    if (next === null) return refused('bad-value', `cannot ${cmd.action} the timer now`);
    writeTimer(doc, next);
    return OK;
  });
};

const sprintId = (n: number): string => `sprint-${n}`;

/** Closes sprint n (history stays) and copies its open tasks into sprint n + 1. */
const closeSprint: BoardCommandHandler<MsCommand<'ms-close-sprint'>> = (ctx) => {
  if (ctx.session.role !== 'facilitator') return Promise.resolve(facilitatorOnly);
  return decide(ctx, (doc) => {
    const n = readSettings(doc).currentSprint;
    const sprints = doc.getMap<unknown>(MS_ROOT.sprints);
    const closing = entityOf(doc, MS_ROOT.sprints, sprintId(n));
    if (closing) closing.set('closedAt', ctx.now);
    else
      sprints.set(
        sprintId(n),
        newEntity(ctx.session.participantId, ctx.now, { number: n, closedAt: ctx.now }),
      );
    sprints.set(sprintId(n + 1), newEntity(ctx.session.participantId, ctx.now, { number: n + 1 }));
    const tasks = doc.getMap<unknown>(MS_ROOT.tasks);
    for (const task of readTasks(doc)) {
      if (task.sprint !== n || task.status === 'done') continue;
      const { projectId, title, assignee, due, status, order } = task;
      const fields = {
        projectId,
        sprint: n + 1,
        title,
        assignee,
        due,
        status,
        order,
        carriedFrom: task.id,
      };
      tasks.set(newEntityId(), newEntity(task.owner, ctx.now, fields));
    }
    doc.getMap<unknown>(MS_ROOT.settings).set('currentSprint', n + 1);
    return OK;
  });
};

export const matchSprintCommandHandlers = {
  'ms-confirm-link': confirmLink,
  'ms-reject-link': rejectLink,
  'ms-join-team': team(true),
  'ms-leave-team': team(false),
  'ms-timer': timer,
  'ms-close-sprint': closeSprint,
} as const;
