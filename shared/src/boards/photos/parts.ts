import { ENTITY_FIELDS, type PartRule } from '../../rules/model.ts';
import { PHOTO_LIMITS, PHOTO_ROOT } from './layout.ts';

/**
 * The photos part. The server creates each entity after storing the image (POST
 * /api/boards/:code/photos), so a client can create none; the uploader may write the
 * caption and take their photo off the board (its bytes go with it: server/src/photos/).
 */
export const photoParts: Record<string, PartRule> = {
  [PHOTO_ROOT.photos]: {
    kind: 'collection',
    create: 'nobody',
    update: 'owner',
    delete: 'owner',
    maxPerOwner: PHOTO_LIMITS.perPerson,
    fields: {
      ...ENTITY_FIELDS,
      part: { type: 'string', max: 32, write: 'nobody' },
      ref: { type: 'string', max: 64, write: 'nobody' },
      type: { type: 'string', max: 16, write: 'nobody' },
      width: { type: 'number', write: 'nobody' },
      height: { type: 'number', write: 'nobody' },
      caption: { type: 'string', max: PHOTO_LIMITS.caption },
    },
  },
};
