import type * as Y from 'yjs';
import { actsAsFacilitator, narrowRole, type Actor } from '../../rules/check.ts';
import { ALLOW, refuse, type BoardRules, type PartRule, type Verdict } from '../../rules/model.ts';
import { isTombstoned, readModSettings, readRevocation } from './read.ts';

/**
 * Parts a facilitator moderates (hide, restore, remove): every collection participants
 * create, on every board kind, derived from the rules so a new part is covered by itself.
 */
export const isModerated = (part: PartRule | undefined): boolean =>
  part?.kind === 'collection' && part.create === 'participant';

/**
 * Parts whose entities go with a person removed with their content (SPEC R23): every part
 * a facilitator moderates, and every collection whose owner may delete their own (the photos
 * the server attached for them: `create: 'nobody'`, `delete: 'owner'`), as erasure takes them.
 */
export const goesWithOwner = (part: PartRule | undefined): boolean =>
  isModerated(part) || (part?.kind === 'collection' && part.delete === 'owner');

/** Parts whose approval queue the facilitator may switch on (`PartRule.approval`). */
export const approvalParts = (rules: BoardRules): string[] =>
  Object.entries(rules.parts)
    .filter(([, part]) => part.approval === true && isModerated(part))
    .map(([name]) => name);

/** Fields of a moderated part a facilitator may hide on their own (collaborative texts). */
export const isHideableField = (part: PartRule | undefined, field: string): boolean =>
  isModerated(part) && part?.fields[field]?.type === 'text';

/**
 * What moderation adds to the judgment of a client's update (SPEC R22-R24), read from the
 * server's document: a removed participant changes nothing; nobody re-creates an entity a
 * facilitator hid or removed (replaying the old update); a participant's new entity in a
 * part waiting for approval goes through the queue (`mod-submit`), never straight in.
 */
export interface ModerationGuard {
  /** The sender may change nothing at all. */
  readonly actor: Verdict;
  /** Names stay out of the document: a `personName` field takes '' only (from participants). */
  readonly anonymous: boolean;
  /** The sender creates entity `id` in `part`. */
  create(part: string, id: string): Verdict;
}

export function moderationGuard(doc: Y.Doc, actor: Actor, rules?: BoardRules): ModerationGuard {
  const revoked = actor.role === 'facilitator' ? null : readRevocation(doc, actor.participantId);
  // A note-taker or table host moderates only where the rules grant their role (SPEC R36).
  const narrow = narrowRole(actor) !== null;
  const moderates = (part: string): boolean =>
    actor.role === 'facilitator' &&
    (!narrow ||
      (rules !== undefined && actsAsFacilitator(rules, actor, { part, action: 'create' })));
  return {
    actor: !revoked
      ? ALLOW
      : refuse(
          'not-allowed',
          revoked.erased
            ? 'you deleted your data from this board'
            : 'you were removed from this board',
        ),
    anonymous: (actor.role !== 'facilitator' || narrow) && readModSettings(doc).anonymous,
    create(part, id) {
      if (isTombstoned(doc, part, id))
        return refuse('not-allowed', `${part} ${id} was hidden by a facilitator`);
      if (!moderates(part) && readModSettings(doc).approval.includes(part))
        return refuse('not-allowed', `${part}: new entries wait for approval`);
      return ALLOW;
    },
  };
}
