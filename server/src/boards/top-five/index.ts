import * as Y from 'yjs';
import { readPoints, TF_PICKS, TF_ROOT } from '@twinspace/shared';
import { OK, refused } from '../results.ts';
import { defineServerFeature } from '../feature.ts';

/**
 * Top five, on every board kind: a participant picks up to TF_PICKS points of one group.
 * The server keeps the point's `voters` list; a pick is set membership, so repeating or
 * replaying one changes nothing. Who may pick, and that the point exists, is the
 * command's declared rule (shared top-five/commands.ts).
 */
export const topFiveServer = defineServerFeature({
  name: 'top-five',
  commands: {
    'tf-vote': {
      decides: (ctx, cmd) => ({
        decide(doc) {
          const voter = ctx.session.participantId;
          const point = doc.getMap<unknown>(TF_ROOT.points).get(cmd.pointId);
          const points = readPoints(doc);
          const current = points.find((p) => p.id === cmd.pointId);
          if (!(point instanceof Y.Map) || !current) return refused('not-found', 'no such point');
          if (current.voters.includes(voter) === cmd.on) return OK;
          if (cmd.on) {
            const picked = points.filter(
              (p) => p.group === current.group && p.voters.includes(voter),
            ).length;
            if (picked >= TF_PICKS)
              return refused('over-budget', `at most ${TF_PICKS} picks per group`);
          }
          const voters = cmd.on
            ? [...current.voters, voter]
            : current.voters.filter((v) => v !== voter);
          point.set('voters', voters);
          return OK;
        },
      }),
    },
  },
});
