import { useCallback } from 'react';
import { PHOTO_ROOT } from '@twinspace/shared/boards/photos/layout';
import { photoParts } from '@twinspace/shared/boards/photos/parts';
import { checkAccess, type Touch } from '@twinspace/shared/rules/check';
import type { BoardRules } from '@twinspace/shared/rules/model';
import { useActor } from '../common/useActor.ts';

/** Only the photos part: the whole kind's rules would bring every feature's into this chunk. */
const RULES: BoardRules = { parts: photoParts, commands: {} };

const TOUCHES = {
  caption: { action: 'update', field: 'caption' },
  remove: { action: 'delete' },
} as const satisfies Record<string, Omit<Touch, 'part' | 'owner'>>;

/**
 * Which of a photo's controls to offer: the same rule check the server makes on the update
 * (its owner and the facilitator; a note-taker or table host acts as a participant here).
 */
export function usePhotoAccess(): (owner: string, what: keyof typeof TOUCHES) => boolean {
  const actor = useActor();
  return useCallback(
    (owner, what) => {
      if (!actor || actor.participantId === null) return false;
      const { role, participantId, team, phase } = actor;
      return checkAccess(RULES, { role, participantId, team }, phase, {
        part: PHOTO_ROOT.photos,
        owner,
        ...TOUCHES[what],
      }).ok;
    },
    [actor],
  );
}
