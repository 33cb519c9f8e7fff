import type * as Y from 'yjs';
import type { BoardRules } from '@twinspace/shared';
import {
  eraseParticipant,
  markErased,
  type ErasureChoice,
} from '@twinspace/shared/privacy/erasure';
import type { Store } from '../store/types.ts';
import type { RemovalBus } from './removal.ts';
import { NotStoredError, type Room } from './room.ts';

/** A board kind's features' part of an erasure (sealed records: SPEC R29), ready to run. */
export type FeatureErasure = (doc: Y.Doc, participantId: string, choice: ErasureChoice) => void;

interface ErasureDeps {
  store: Store;
  bus: RemovalBus;
  /** The board kind's features' part (their keys fetched first), run in the same write. */
  features?: () => Promise<FeatureErasure>;
  /** The bytes of their photos no longer on the board leave the store. */
  forgetPhotos?: (code: string, participantId: string) => Promise<void>;
  /** The other processes did not hear of it (their room's `_revoked` holds all the same). */
  onUnannounced?: (error: unknown) => void;
}

/** The erasure as the document takes it (the rules as data, then the features' part). */
function eraseIn(
  doc: Y.Doc,
  rules: BoardRules,
  participantId: string,
  choice: ErasureChoice,
  features?: FeatureErasure,
): void {
  eraseParticipant(doc, rules, participantId, choice);
  features?.(doc, participantId, choice);
}

/**
 * A participant deletes their own data (docs/privacy.md), in this order, each step done
 * again harmlessly by a resend:
 * 1. the board's document loses their name, contact details and, as they chose, their
 *    content (`eraseParticipant`, the features' part), and lists them in `_revoked` as
 *    erased, in one arbitrated write: stored, then relayed; every process refuses their
 *    updates and commands once it has it, and one that took some meanwhile sweeps them;
 * 2. their record (name, city, secret) leaves the store: their secret and any ticket stop
 *    opening the board (yws.ts checks the record at connect);
 * 3. the bytes of their photos no longer on the board leave the store;
 * 4. only then are their connections closed, on every process, which tells their phone.
 * If the store fails a step, nothing is announced: the command fails `not-stored` and the
 * phone's outbox sends it again, with its key, until every step is done (R11).
 */
export async function erasePerson(
  deps: ErasureDeps,
  room: Room,
  participantId: string,
  choice: ErasureChoice,
): Promise<void> {
  try {
    const features = await deps.features?.();
    await room.writeArbitrated((doc) => {
      markErased(doc, room.rules, participantId, choice, Date.now());
      eraseIn(doc, room.rules, participantId, choice, features);
    });
    await deps.store.deleteParticipant(room.code, participantId);
    await deps.forgetPhotos?.(room.code, participantId);
  } catch (error) {
    throw error instanceof NotStoredError ? error : new NotStoredError(room.code, { cause: error });
  }
  await deps.bus.publish({ code: room.code, participantId }).catch(deps.onUnannounced);
}

/**
 * Scale-out: an erasure another process wrote reached this one, which may have accepted
 * their updates after it was decided; under the board's mutex, caught up with the log, what
 * they left goes as the erasure chose, and so do their photos' bytes.
 */
export async function sweepErased(
  deps: Pick<ErasureDeps, 'features' | 'forgetPhotos'>,
  room: Room,
  participantId: string,
  choice: ErasureChoice,
): Promise<void> {
  const features = await deps.features?.();
  await room.writeArbitrated((doc) => eraseIn(doc, room.rules, participantId, choice, features));
  await deps.forgetPhotos?.(room.code, participantId);
}
