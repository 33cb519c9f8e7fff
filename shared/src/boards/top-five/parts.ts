import { ENTITY_FIELDS, type PartRule } from '../../rules/model.ts';
import { TF_ROOT } from './layout.ts';

/**
 * The rules of the Top five part, for `checkAccess`.
 */
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
      /**
       * The group (table, team, city) the point belongs to; '' for the whole room. Fixed: a
       * point moved into a group would bring its picks past that group's budget (TF_PICKS).
       */
      group: { type: 'string', max: 60, fixed: true },
      language: { type: 'string', max: 12 },
      /** Participant ids who picked this point: server-written. */
      voters: { type: 'string[]', max: 1000, write: 'nobody' },
    },
  },
};
