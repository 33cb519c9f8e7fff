import { MOD_ROOT } from '@twinspace/shared/boards/moderation/layout';
import {
  readModSettings,
  readQueue,
  readTombstones,
} from '@twinspace/shared/boards/moderation/read';
import { modActions, type ModParts } from '../../state/moderationStore.ts';
import { partsBinding, type PartReaders } from '../common/bindParts.ts';

const READERS: PartReaders<ModParts> = {
  settings: { root: MOD_ROOT.settings, read: readModSettings },
  tombstones: { root: MOD_ROOT.hidden, read: readTombstones },
  queue: { root: MOD_ROOT.queue, read: readQueue },
};

/** Mirrors the board's moderation parts; started by every view that shows them. */
export const startModerationBinding = partsBinding(READERS, (key, value) =>
  modActions().setPart(key, value),
);
