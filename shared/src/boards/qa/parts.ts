import type { PartRule } from '../../rules/model.ts';
import { QA_ROOT } from './layout.ts';

/**
 * Only the server writes Q&A (SPEC R27): clients act by command, so a Yjs update that
 * touches any of these parts is refused. No fields are declared (see poll/parts.ts); they
 * are listed in layout.ts and the SPEC's layout.
 */
const serverOnly = (kind: PartRule['kind']): PartRule => ({
  kind,
  create: 'nobody',
  update: 'nobody',
  delete: 'nobody',
  fields: {},
});

export const qaParts: Record<string, PartRule> = {
  // The asker's name is declared so that switching anonymous mode on empties it (SPEC R25).
  [QA_ROOT.questions]: {
    ...serverOnly('collection'),
    fields: { name: { type: 'string', max: 60, personName: true } },
  },
  [QA_ROOT.sealed]: serverOnly('collection'),
  [QA_ROOT.votes]: serverOnly('collection'),
  [QA_ROOT.settings]: serverOnly('record'),
};
