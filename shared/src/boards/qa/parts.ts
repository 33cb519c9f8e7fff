import { ENTITY_FIELDS, type PartRule } from '../../rules/model.ts';
import { QA_LIMITS, QA_ROOT } from './layout.ts';

const serverOnly = (kind: PartRule['kind'], fields: PartRule['fields']): PartRule => ({
  kind,
  create: 'nobody',
  update: 'nobody',
  delete: 'nobody',
  fields,
});

/** The rules of the Q&A parts, for `checkAccess`: only the server writes them (SPEC R23). */
export const qaParts: Record<string, PartRule> = {
  [QA_ROOT.questions]: serverOnly('collection', {
    createdAt: ENTITY_FIELDS.createdAt,
    text: { type: 'string', max: QA_LIMITS.text },
    /** The asker's name, '' when asked anonymously. */
    name: { type: 'string', max: 60 },
    votes: { type: 'number' },
    answered: { type: 'boolean' },
  }),
  [QA_ROOT.sealed]: serverOnly('collection', {
    createdAt: ENTITY_FIELDS.createdAt,
    sealed: { type: 'string', max: 4000 },
    pending: { type: 'boolean' },
  }),
  [QA_ROOT.votes]: serverOnly('collection', { q: { type: 'string', max: 64 } }),
  [QA_ROOT.settings]: serverOnly('record', {
    requireApproval: { type: 'boolean' },
    wall: { type: 'boolean' },
    shown: { type: 'string', max: 64 },
  }),
};
