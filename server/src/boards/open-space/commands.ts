import * as Y from 'yjs';
import {
  autoSchedule,
  demandFrom,
  findConflicts,
  interestOf,
  OS_ROOT,
  readSettings,
  readSlots,
  readSpaces,
  readTopics,
  scheduleQuality,
  withPlacements,
} from '@twinspace/shared';
import type { BoardCommandContext, BoardCommandHandlers } from '../types.ts';
import { OK } from '../results.ts';
import { myBallot, readAllBallots, readBallot, syncPublic } from './ballots.ts';
import { applySchedule, place } from './place.ts';
import { ballotKey, BALLOT_SECRET } from './seal.ts';
import { ballotData, vote } from './vote.ts';

/**
 * The Open Space commands. Who may send each, and in which phase, is declared in
 * shared open-space/commands.ts and checked by the dispatcher before any of this runs;
 * every `decides` runs inside the arbitrated path (rooms/commands.ts).
 */
type OsCommandType = Exclude<Extract<keyof BoardCommandHandlers, `os-${string}`>, 'os-timer'>;

const key = async (ctx: BoardCommandContext): Promise<Buffer> =>
  ballotKey(await ctx.secret(BALLOT_SECRET));

export const openSpaceHandlers: BoardCommandHandlers<OsCommandType> = {
  'os-place': {
    decides: (ctx, cmd) => ({ decide: (doc) => place(doc, ctx.session, cmd) }),
  },
  'os-vote': {
    decides: async (ctx, cmd) => {
      const k = await key(ctx);
      const voter = ctx.session.participantId;
      return {
        decide: (doc) => vote(doc, k, ctx.session, cmd, ctx.now),
        refusalData: (doc) => ballotData(doc, k, voter),
      };
    },
  },
  /** The sender's own ballot (after a reconnect, while votes are hidden). */
  'os-my-ballot': {
    reads: async (ctx) => {
      const k = await key(ctx);
      const doc = ctx.room.doc;
      const dots = readBallot(doc, k, ctx.session.participantId).dots;
      return { type: 'ok', data: { type: 'os-ballot', ballot: myBallot(dots, readSettings(doc)) } };
    },
  },
  'os-reveal-votes': {
    decides: async (ctx) => {
      const k = await key(ctx);
      return {
        decide: (doc) => {
          doc.getMap(OS_ROOT.settings).set('votesRevealed', true);
          syncPublic(doc, k);
          return OK;
        },
      };
    },
  },
  /** Read-only: computed from every ballot, so it also works while votes are hidden. */
  'os-preview-schedule': {
    reads: async (ctx) => {
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
    },
  },
  /** A (possibly edited) proposal: all of it applies or none. */
  'os-apply-schedule': {
    decides: (_ctx, cmd) => ({ decide: (doc) => applySchedule(doc, cmd.placements) }),
  },
};
