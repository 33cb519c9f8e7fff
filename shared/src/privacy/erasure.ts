import * as Y from 'yjs';
import { ROOT } from '../boards/common.ts';
import { MOD_ROOT } from '../boards/moderation/layout.ts';
import { OS_ROOT } from '../boards/open-space/layout.ts';
import { OWNER_FIELD, type BoardRules } from '../rules/model.ts';

/** What a participant who deletes their data asks for their content (docs/privacy.md). */
export type ErasureChoice = 'keep' | 'remove';

/**
 * A participant's erasure, as data (the server applies it, `eraseParticipant`):
 * - `personal`: parts that hold who they are (the directory: name, city, language; the
 *   contact book: e-mail, phone, organisation); their entry goes whatever they chose;
 * - `names`: fields of their content that repeat their name (a topic's convener); with
 *   `keep` the content stays and these are emptied, so it reads "anonymous";
 * - with `remove`, every entity they own in a part participants create in, or may delete
 *   their own entities of, goes (topics, cards, stories, action items, translations, their
 *   photos...). Server-written parts (ballots: a participant id and votes, no name) and text
 *   written together (session notes) stay. Sealed parts a feature keeps for them (their Q&A
 *   questions) are the feature's (`ServerFeature.erase`, server side).
 */
export const ERASURE = {
  personal: [ROOT.people, OS_ROOT.contacts] as readonly string[],
  names: { [OS_ROOT.topics]: ['convener'] } as Readonly<Record<string, readonly string[]>>,
};

const ownedBy = (entity: unknown, participantId: string): boolean =>
  entity instanceof Y.Map && entity.get(OWNER_FIELD) === participantId;

/**
 * Applies one participant's erasure to a board document (inside the caller's
 * transaction): a pure function of the rules, so the server and the tests read the same.
 */
export function eraseParticipant(
  doc: Y.Doc,
  rules: BoardRules,
  participantId: string,
  choice: ErasureChoice,
): void {
  for (const [root, part] of Object.entries(rules.parts)) {
    if (part.kind !== 'collection') continue;
    const collection = doc.getMap<unknown>(root);
    const personal = ERASURE.personal.includes(root);
    // What they made, or could take off the board themselves (a photo the server attached).
    const theirsToRemove = part.create !== 'nobody' || part.delete === 'owner';
    const removable = personal || (choice === 'remove' && theirsToRemove);
    for (const [id, entity] of [...collection.entries()]) {
      const theirs = ownedBy(entity, participantId) || (personal && id === participantId);
      if (!theirs) continue;
      if (removable) collection.delete(id);
      else for (const field of ERASURE.names[root] ?? []) (entity as Y.Map<unknown>).set(field, '');
    }
  }
}

/**
 * Puts the erased participant on the board's revocation list (`_revoked`, with `erased` and
 * their choice), in the same change as the erasure: every process refuses their updates and
 * commands from the moment it has the change, and one that accepted some before sweeps them
 * as the erasure chose (server/src/rooms/erasure.ts). A kind without the list has no such
 * check (every kind has moderation).
 */
export function markErased(
  doc: Y.Doc,
  rules: BoardRules,
  participantId: string,
  choice: ErasureChoice,
  now: number,
): void {
  if (!(MOD_ROOT.revoked in rules.parts)) return;
  const entry = new Y.Map<unknown>([
    ['at', now],
    ['content', choice],
    ['erased', true],
  ]);
  doc.getMap<unknown>(MOD_ROOT.revoked).set(participantId, entry);
}
