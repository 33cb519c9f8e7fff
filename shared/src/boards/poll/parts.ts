import { ENTITY_FIELDS, type PartRule } from '../../rules/model.ts';
import { POLL_LIMITS, POLL_ROOT } from './layout.ts';

/** Only the server writes polls: clients act by command (SPEC R22). */
const serverOnly = (kind: PartRule['kind'], fields: PartRule['fields']): PartRule => ({
  kind,
  create: 'nobody',
  update: 'nobody',
  delete: 'nobody',
  fields,
});

/** The rules of the poll parts, for `checkAccess`: every one is the server's. */
export const pollParts: Record<string, PartRule> = {
  [POLL_ROOT.polls]: serverOnly('collection', {
    ...ENTITY_FIELDS,
    kind: { type: 'string', max: 10 },
    question: { type: 'string', max: POLL_LIMITS.question },
    options: { type: 'string[]', max: POLL_LIMITS.options },
    maxChoices: { type: 'number' },
    state: { type: 'string', max: 10 },
    /** How many people answered. */
    respondents: { type: 'number' },
    /** Answers per option (choice, scale), in option order. */
    counts: { type: 'json', max: 400 },
    /** The same per city (Match & Sprint): city -> counts. */
    byCity: { type: 'json', max: 4000 },
  }),
  [POLL_ROOT.answers]: serverOnly('collection', {
    createdAt: { type: 'number' },
    poll: { type: 'string', max: 64 },
    sealed: { type: 'string', max: 4000 },
  }),
  [POLL_ROOT.words]: serverOnly('collection', {
    poll: { type: 'string', max: 64 },
    /** The normalised word, the form shown (the first given), its count and script. */
    key: { type: 'string', max: POLL_LIMITS.word * 4 },
    text: { type: 'string', max: POLL_LIMITS.word },
    n: { type: 'number' },
    script: { type: 'string', max: 10 },
  }),
  [POLL_ROOT.texts]: serverOnly('collection', {
    ...ENTITY_FIELDS,
    poll: { type: 'string', max: 64 },
    text: { type: 'string', max: POLL_LIMITS.open },
  }),
  [POLL_ROOT.stage]: serverOnly('record', { shown: { type: 'string', max: 64 } }),
};
