import type { PartRule } from '../../rules/model.ts';
import { POLL_ROOT } from './layout.ts';

/**
 * Only the server writes polls (SPEC R26): clients act by command, so a Yjs update that
 * touches any of these parts is refused, whatever field it names. Like the participant
 * directory, the parts declare no fields: a client writes none, and the rules a phone
 * downloads stay small. Their fields are listed in layout.ts and the SPEC's layout.
 */
const serverOnly = (kind: PartRule['kind']): PartRule => ({
  kind,
  create: 'nobody',
  update: 'nobody',
  delete: 'nobody',
  fields: {},
});

export const pollParts: Record<string, PartRule> = {
  [POLL_ROOT.polls]: serverOnly('collection'),
  [POLL_ROOT.answers]: serverOnly('collection'),
  [POLL_ROOT.words]: serverOnly('collection'),
  [POLL_ROOT.texts]: serverOnly('collection'),
  [POLL_ROOT.stage]: serverOnly('record'),
};
