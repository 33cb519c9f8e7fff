import { CREATED_FIELD, OWNER_FIELD, type PartRule } from '../rules/model.ts';

/**
 * Card translations added by bilingual participants (issue 7): one entity per
 * (target, language), owned by its translator; the original stays untouched.
 */
export const TRANSLATIONS_ROOT = 'translations';

export const translationsPart: PartRule = {
  kind: 'collection',
  create: 'participant',
  update: 'owner',
  delete: 'owner',
  maxPerOwner: 300,
  fields: {
    [OWNER_FIELD]: { type: 'string', max: 64 },
    [CREATED_FIELD]: { type: 'number' },
    /** `${root}/${entityId}` of the translated entity. */
    target: { type: 'string', max: 140 },
    language: { type: 'string', max: 12 },
    title: { type: 'string', max: 200 },
    text: { type: 'string', max: 1000 },
  },
};
