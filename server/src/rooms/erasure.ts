import type * as Y from 'yjs';
import { eraseParticipant, type ErasureChoice } from '@twinspace/shared/privacy/erasure';
import type { Store } from '../store/types.ts';
import type { RemovalBus } from './removal.ts';
import type { Room } from './room.ts';

interface ErasureDeps {
  store: Store;
  bus: RemovalBus;
  /** The board kind's features' part (sealed records: SPEC R29), ready to run in the write. */
  features?: (doc: Y.Doc, participantId: string, choice: ErasureChoice) => void;
}

/**
 * A participant deletes their own data (docs/privacy.md), in this order: their record
 * (name, city, secret) leaves the store, so their secret and any ticket they hold stop
 * opening the board (yws.ts checks the record at connect); their connections on every
 * process are closed, so nothing more comes from them; then the board's document loses
 * their name, contact details and, if they chose, their content (`eraseParticipant`: the
 * rules as data), written by the server like any change: stored, then relayed, so it
 * holds on every device and after a restart.
 */
export async function erasePerson(
  deps: ErasureDeps,
  room: Room,
  participantId: string,
  choice: ErasureChoice,
): Promise<void> {
  await deps.store.deleteParticipant(room.code, participantId);
  await deps.bus.publish({ code: room.code, participantId });
  await room.writeArbitrated((doc) => {
    eraseParticipant(doc, room.rules, participantId, choice);
    deps.features?.(doc, participantId, choice);
  });
}
