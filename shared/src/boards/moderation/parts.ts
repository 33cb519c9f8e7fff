import type { PartRule } from '../../rules/model.ts';
import { MOD_ROOT } from './layout.ts';

const serverOnly = (kind: PartRule['kind']): PartRule => ({
  kind,
  create: 'nobody',
  update: 'nobody',
  delete: 'nobody',
  fields: {},
});

/** Moderation's parts: only the server writes them (its commands), nobody by a Yjs update. */
export const moderationParts: Record<string, PartRule> = {
  [MOD_ROOT.hidden]: serverOnly('collection'),
  [MOD_ROOT.revoked]: serverOnly('collection'),
  [MOD_ROOT.queue]: serverOnly('collection'),
  [MOD_ROOT.settings]: serverOnly('record'),
};
