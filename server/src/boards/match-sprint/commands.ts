import * as Y from 'yjs';
import {
  commandPowers,
  CREATED_FIELD,
  MS_ROOT,
  OWNER_FIELD,
  newEntityId,
  type CommandResult,
} from '@twinspace/shared';
import {
  readLinks,
  readMsCards,
  readProjects,
  readSettings,
  readTasks,
  reviewId,
  sprintTasks,
} from '@twinspace/shared/boards/match-sprint/read';
import { renameProject } from '@twinspace/shared/boards/match-sprint/write';
import type { BoardCommandContext, BoardCommandHandlers } from '../types.ts';
import { OK, refused } from '../results.ts';

/**
 * The Match & Sprint commands. Who may send each, in which phases, and that the link or
 * project it names exists, is declared in shared match-sprint/commands.ts and checked by
 * the dispatcher first; each `decide` then runs inside the arbitrated path
 * (rooms/commands.ts), on the document caught up with every process's changes, so two
 * concurrent commands see each other: two joins keep both members, a second confirmation
 * or sprint close is refused as 'duplicate'.
 */
type MsCommandType = Exclude<Extract<keyof BoardCommandHandlers, `ms-${string}`>, 'ms-timer'>;

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

const sprintId = (n: number): string => `sprint-${n}`;

/** The owner of the reviews the server opens: no participant. */
const REVIEW_OWNER = 'project-team';

/**
 * A project's review of a sprint, with its three texts, made by the server before anyone
 * writes in it: made by the first phone to type, two phones (the two cities' teams, one
 * offline) each made their own under the one id, and one side's text was lost.
 */
function openReview(doc: Y.Doc, now: number, projectId: string, sprint: number) {
  const reviews = doc.getMap<unknown>(MS_ROOT.reviews);
  const id = reviewId(projectId, sprint);
  if (reviews.has(id)) return;
  const texts = { done: new Y.Text(), worked: new Y.Text(), next: new Y.Text() };
  // The team's, not the facilitator's: nobody's erasure takes it with their own content.
  reviews.set(id, newEntity(REVIEW_OWNER, now, { projectId, sprint, ...texts }));
}

export const matchSprintCommandHandlers: BoardCommandHandlers<MsCommandType> = {
  /** The facilitator confirms a link between two cities' cards: it becomes a joint project. */
  'ms-confirm-link': {
    decides: (ctx, cmd) => ({
      decide(doc) {
        const link = readLinks(doc).find((l) => l.id === cmd.linkId);
        const entity = entityOf(doc, MS_ROOT.links, cmd.linkId);
        if (!link || !entity) return refused('not-found', 'no such link');
        if (link.status === 'confirmed') return refused('duplicate', 'confirmed already');
        const cards = readMsCards(doc);
        const from = cards.find((c) => c.id === link.from);
        const to = cards.find((c) => c.id === link.to);
        // Deleted (or hidden) while the confirmation waited: the facilitator is told it is gone.
        if (!from || !to) return refused('not-found', 'a linked card is gone');
        if (from.city === to.city)
          return refused('bad-value', 'a match joins two different cities');
        // Both delegations may link the same pair (a suggestion taken on two phones at once):
        // a link of a pair that is a project already joins that project, not a second one.
        const projects = new Set(readProjects(doc).map((p) => p.id));
        const twin = readLinks(doc).find(
          (l) =>
            l.status === 'confirmed' &&
            projects.has(l.projectId) &&
            ((l.from === from.id && l.to === to.id) || (l.from === to.id && l.to === from.id)),
        );
        if (twin) {
          entity.set('status', 'confirmed');
          entity.set('projectId', twin.projectId);
          return OK;
        }
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
        const sprint = readSettings(doc).currentSprint;
        openReview(doc, ctx.now, projectId, sprint);
        return OK;
      },
    }),
  },
  'ms-reject-link': {
    decides: (_ctx, cmd) => ({
      decide(doc) {
        const entity = entityOf(doc, MS_ROOT.links, cmd.linkId);
        if (!entity) return refused('not-found', 'no such link');
        // Confirmed (by a co-host) while this rejection waited: said as such, not 'not valid'.
        if (entity.get('status') === 'confirmed')
          return refused('changed', 'confirmed already: delete the project instead');
        if (entity.get('status') !== 'rejected') entity.set('status', 'rejected');
        return OK;
      },
    }),
  },
  /** Team membership is written by the server, with the city the member joined as. */
  'ms-join-team': { decides: (ctx, cmd) => ({ decide: (doc) => team(doc, ctx, cmd, true) }) },
  'ms-leave-team': { decides: (ctx, cmd) => ({ decide: (doc) => team(doc, ctx, cmd, false) }) },
  'ms-rename-project': {
    decides: (ctx, cmd) => ({
      decide(doc) {
        const project = readProjects(doc).find((p) => p.id === cmd.projectId);
        if (!project) return refused('not-found', 'no such project');
        const { participantId } = ctx.session;
        const powers = commandPowers(ctx.room.rules, ctx.session, cmd.type);
        if (!powers && !(participantId in project.team))
          return refused('not-allowed', 'only the project team renames it');
        renameProject(doc, cmd.projectId, cmd.title);
        return OK;
      },
    }),
  },
  /** Closes sprint n (history stays) and copies the open tasks on its board into sprint n + 1. */
  'ms-close-sprint': {
    decides: (ctx, cmd) => ({
      decide(doc) {
        const n = readSettings(doc).currentSprint;
        if (cmd.sprint !== undefined && cmd.sprint !== n)
          return refused('duplicate', `sprint ${cmd.sprint} is closed already`);
        const sprints = doc.getMap<unknown>(MS_ROOT.sprints);
        const closing = entityOf(doc, MS_ROOT.sprints, sprintId(n));
        const by = ctx.session.participantId;
        if (closing) closing.set('closedAt', ctx.now);
        else sprints.set(sprintId(n), newEntity(by, ctx.now, { number: n, closedAt: ctx.now }));
        sprints.set(sprintId(n + 1), newEntity(by, ctx.now, { number: n + 1 }));
        const tasks = doc.getMap<unknown>(MS_ROOT.tasks);
        // The sprint's open tasks, and those of an earlier sprint that arrived after its close
        // (made on a phone offline across it) and were on this sprint's board since.
        for (const task of sprintTasks(readTasks(doc), n)) {
          if (task.status === 'done') continue;
          const { projectId, title, assignee, due, status, order } = task;
          const fields = {
            ...{ projectId, sprint: n + 1, title, assignee, due, status, order },
            carriedFrom: task.id,
          };
          const copy = newEntityId();
          tasks.set(copy, newEntity(task.owner, ctx.now, fields));
          // The original is the closed sprint's record now: the gate keeps it as it is.
          entityOf(doc, MS_ROOT.tasks, task.id)?.set('carriedTo', copy);
        }
        doc.getMap<unknown>(MS_ROOT.settings).set('currentSprint', n + 1);
        for (const project of readProjects(doc)) openReview(doc, ctx.now, project.id, n + 1);
        return OK;
      },
    }),
  },
};

/** Adds or removes the sender; joining twice, or leaving a team one is not in, is a no-op. */
function team(
  doc: Y.Doc,
  ctx: BoardCommandContext,
  cmd: { projectId: string },
  member: boolean,
): CommandResult {
  const entity = entityOf(doc, MS_ROOT.projects, cmd.projectId);
  const project = readProjects(doc).find((p) => p.id === cmd.projectId);
  if (!entity || !project) return refused('not-found', 'no such project');
  const { participantId, city } = ctx.session;
  if (member === participantId in project.team) return OK;
  const next = { ...project.team };
  if (member) next[participantId] = city ?? '';
  else delete next[participantId];
  entity.set('team', next);
  return OK;
}
