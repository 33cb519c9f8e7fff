import * as Y from 'yjs';
import {
  autoSchedule,
  demandFrom,
  findConflicts,
  interestOf,
  nextTimer,
  OS_ROOT,
  readSettings,
  readSlots,
  readSpaces,
  readTimer,
  readTopics,
  scheduleQuality,
  withPlacements,
  type Command,
  type CommandResult,
} from '@twinspace/shared';
import type { BoardCommandContext, BoardCommandHandler } from '../types.ts';
import { arbitrate, OK, refused } from './arbitrate.ts';
import { myBallot, readAllBallots, readBallot, syncPublic } from './ballots.ts';
import { applySchedule, place } from './place.ts';
import { ballotKey, BALLOT_SECRET } from './seal.ts';
import { vote } from './vote.ts';

type Cmd<T extends Command['type']> = Extract<Command, { type: T }>;
type Handler<T extends Command['type']> = (
  ctx: BoardCommandContext,
  cmd: Cmd<T>,
) => Promise<CommandResult>;

const facilitatorOnly = (ctx: BoardCommandContext): CommandResult | null =>
  ctx.session.role === 'facilitator'
    ? null
    : refused('not-allowed', 'only the facilitator may do this');

const key = async (ctx: BoardCommandContext): Promise<Buffer> =>
  ballotKey(await ctx.secret(BALLOT_SECRET));

const osPlace: Handler<'os-place'> = (ctx, cmd) =>
  arbitrate(ctx.room, (doc) => place(doc, ctx.session, ctx.room.phase, cmd));

const osVote: Handler<'os-vote'> = async (ctx, cmd) => {
  const k = await key(ctx);
  return arbitrate(ctx.room, (doc) => vote(doc, k, ctx.session, ctx.room.phase, cmd, ctx.now));
};

const osMyBallot: Handler<'os-my-ballot'> = async (ctx) => {
  const k = await key(ctx);
  const doc = ctx.room.doc;
  const dots = readBallot(doc, k, ctx.session.participantId).dots;
  return { type: 'ok', data: { type: 'os-ballot', ballot: myBallot(dots, readSettings(doc)) } };
};

const osRevealVotes: Handler<'os-reveal-votes'> = async (ctx) => {
  const denied = facilitatorOnly(ctx);
  if (denied) return denied;
  const k = await key(ctx);
  return arbitrate(ctx.room, (doc) => {
    doc.getMap(OS_ROOT.settings).set('votesRevealed', true);
    syncPublic(doc, k);
    return OK;
  });
};

const osTimer: Handler<'os-timer'> = (ctx, cmd) => {
  const denied = facilitatorOnly(ctx);
  if (denied) return Promise.resolve(denied);
  return arbitrate(ctx.room, (doc) => {
    const next = nextTimer(readTimer(doc), cmd.action, ctx.now, {
      durationMs: cmd.durationMs,
      label: cmd.label,
    });
    if (!next) return refused('bad-value', `cannot ${cmd.action} the timer now`);
    const timer = doc.getMap<unknown>(OS_ROOT.timer);
    timer.set('running', next.running);
    timer.set('label', next.label);
    for (const field of ['endsAt', 'remainingMs'] as const) {
      const value = next[field];
      if (value === null) timer.delete(field);
      else timer.set(field, value);
    }
    return OK;
  });
};

/** Read-only: computed from every ballot, so it also works while votes are hidden. */
const osPreviewSchedule: Handler<'os-preview-schedule'> = async (ctx) => {
  const denied = facilitatorOnly(ctx);
  if (denied) return denied;
  const doc: Y.Doc = ctx.room.doc;
  const demand = demandFrom(readAllBallots(doc, await key(ctx)));
  const topics = readTopics(doc);
  const spaces = readSpaces(doc);
  const input = { topics, slots: readSlots(doc), spaces, demand };
  const { placements, unplaced } = autoSchedule(input);
  const proposed = withPlacements(topics, placements);
  return {
    type: 'ok',
    data: {
      type: 'os-schedule-preview',
      conflicts: findConflicts(topics, spaces, demand),
      current: scheduleQuality(input),
      placements,
      unplaced,
      proposal: scheduleQuality({ ...input, topics: proposed }),
      proposalConflicts: findConflicts(proposed, spaces, demand),
      interest: Object.fromEntries(topics.map((t) => [t.id, interestOf(demand, t.id)])),
    },
  };
};

const osApplySchedule: Handler<'os-apply-schedule'> = (ctx, cmd) => {
  const denied = facilitatorOnly(ctx);
  if (denied) return Promise.resolve(denied);
  return arbitrate(ctx.room, (doc) => applySchedule(doc, cmd.placements));
};

const handlers: { [T in Command['type'] as T extends `os-${string}` ? T : never]: Handler<T> } = {
  'os-place': osPlace,
  'os-vote': osVote,
  'os-my-ballot': osMyBallot,
  'os-reveal-votes': osRevealVotes,
  'os-timer': osTimer,
  'os-preview-schedule': osPreviewSchedule,
  'os-apply-schedule': osApplySchedule,
};

/** The handlers typed loosely for the module table (each checks its own command type). */
export const openSpaceHandlers = handlers as unknown as Record<string, BoardCommandHandler>;
