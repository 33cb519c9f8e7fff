import * as Y from 'yjs';
import { readPoints, TF_PICKS, TF_ROOT, type Command } from '@twinspace/shared';
import { arbitrate, OK, refused } from './open-space/arbitrate.ts';
import type { BoardCommandHandler } from './types.ts';

/**
 * Top five, on every board kind: a participant picks up to TF_PICKS points of one group.
 * The server keeps the point's `voters` list; a pick is set membership, so repeating or
 * replaying one changes nothing.
 */
const tfVote = (async (ctx, cmd: Extract<Command, { type: 'tf-vote' }>) => {
  const voter = ctx.session.participantId;
  return arbitrate(ctx.room, (doc) => {
    const point = doc.getMap<unknown>(TF_ROOT.points).get(cmd.pointId);
    if (!(point instanceof Y.Map)) return refused('not-found', 'no such point');
    const current = readPoints(doc).find((p) => p.id === cmd.pointId)!;
    const has = current.voters.includes(voter);
    if (has === cmd.on) return OK;
    if (cmd.on) {
      const picked = readPoints(doc).filter(
        (p) => p.group === current.group && p.voters.includes(voter),
      ).length;
      if (picked >= TF_PICKS) return refused('over-budget', `at most ${TF_PICKS} picks per group`);
    }
    const voters = cmd.on ? [...current.voters, voter] : current.voters.filter((v) => v !== voter);
    point.set('voters', voters);
    return OK;
  });
}) as BoardCommandHandler;

export const topFiveHandlers: Record<string, BoardCommandHandler> = { 'tf-vote': tfVote };
