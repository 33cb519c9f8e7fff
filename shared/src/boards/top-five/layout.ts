import { ENTITY_FIELDS, type PartRule } from '../../rules/model.ts';

/**
 * Top five (seed 004): a group's points, narrowed by voting to the five most important.
 * Any board kind has it. Each participant picks at most TF_PICKS points per group; the
 * picks are written by the server only (tf-vote), into the point's `voters` list, so a
 * budget cannot be beaten by concurrent edits.
 */
export const TF_ROOT = { points: 'tfPoints' } as const;
export const TF_PICKS = 5;
/** How many points the result shows. */
export const TF_RESULT_SIZE = 5;

export const topFiveParts: Record<string, PartRule> = {
  [TF_ROOT.points]: {
    kind: 'collection',
    create: 'participant',
    update: 'owner',
    delete: 'owner',
    maxPerOwner: 30,
    fields: {
      ...ENTITY_FIELDS,
      text: { type: 'string', max: 300 },
      /** The group (table, team, city) the point belongs to; '' for the whole room. */
      group: { type: 'string', max: 60 },
      language: { type: 'string', max: 12 },
      /** Participant ids who picked this point: server-written. */
      voters: { type: 'string[]', max: 1000, write: 'nobody' },
    },
  },
};
