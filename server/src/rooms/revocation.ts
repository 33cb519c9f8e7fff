import type * as Y from 'yjs';
import { MOD_ROOT, readRevocation, WS_CLOSE } from '@twinspace/shared';
import type { Peer } from './types.ts';

/**
 * Closes the Yjs connections of participants a facilitator removed (SPEC R23), whichever
 * process wrote the removal: every process applies the board's log, so each room sees the
 * change of `_revoked` and closes its own peers. A participant who deleted their own data
 * (R29, `erased`) is closed by the erasure once it is complete (rooms/erasure.ts): until
 * then nothing of theirs is accepted, and their phone keeps the request to send it again.
 * Returns the function that stops watching.
 */
export function closeOnRevocation(
  doc: Y.Doc,
  peers: () => Iterable<Peer>,
  drop: (peer: Peer) => void,
  /** Scale-out: a removal another process wrote (`remoteOrigin`) was applied here. */
  onRemote?: { remoteOrigin: unknown; notify: (participantId: string) => void },
): () => void {
  const revoked = doc.getMap<unknown>(MOD_ROOT.revoked);
  const observer = (event: Y.YMapEvent<unknown>): void => {
    for (const key of event.keysChanged) {
      const id = String(key);
      const revocation = readRevocation(doc, id);
      if (!revocation) continue;
      if (onRemote && event.transaction.origin === onRemote.remoteOrigin) onRemote.notify(id);
      if (revocation.erased) continue;
      for (const peer of [...peers()]) {
        if (peer.actor.participantId !== id || peer.actor.role === 'facilitator') continue;
        drop(peer);
        peer.close(WS_CLOSE.removed, 'removed from this board');
      }
    }
  };
  revoked.observe(observer);
  return () => revoked.unobserve(observer);
}
