import type { Actor, BoardKind, RefusalReason } from '@twinspace/shared';

/**
 * One connection to a room, whatever carries it (a ws socket today). The room sends
 * pre-encoded frames and never sees the transport.
 */
export interface Peer {
  readonly id: string;
  readonly actor: Actor;
  send(frame: Uint8Array): void;
  close(code: number, reason: string): void;
}

/**
 * Named lifecycle hooks with typed payloads (after Hocuspocus): metrics, notices and
 * logging subscribe here instead of being woven into the room's code.
 */
export interface RoomHooks {
  onLoad(p: { code: string; kind: BoardKind; ms: number; bytes: number }): void;
  onUnload(p: { code: string }): void;
  onPeerJoin(p: { code: string; peer: Peer; peers: number }): void;
  onPeerLeave(p: { code: string; peer: Peer; peers: number }): void;
  onAccepted(p: { code: string; actor: Actor; bytes: number }): void;
  onRefused(p: {
    code: string;
    actor: Actor;
    reason: RefusalReason;
    detail?: string | undefined;
  }): void;
  /** Receive to relay, measured around the durable append. */
  onRelayed(p: { code: string; ms: number; peers: number }): void;
  onStoreError(p: { code: string; error: unknown }): void;
  onCompacted(p: { code: string; bytes: number; ms: number }): void;
  /** Scale-out: another process removed a participant (`_revoked`), seen in this document. */
  onRemoteRevocation(p: { code: string; participantId: string }): void;
}

export type PartialHooks = { [K in keyof RoomHooks]?: RoomHooks[K] | undefined };

/** Fans one hook call out to every subscriber; a failing subscriber never breaks a room. */
export function combineHooks(list: PartialHooks[], onError: (err: unknown) => void): RoomHooks {
  const call =
    <K extends keyof RoomHooks>(name: K) =>
    (payload: Parameters<RoomHooks[K]>[0]): void => {
      for (const hooks of list) {
        const fn = hooks[name] as ((p: typeof payload) => void) | undefined;
        if (!fn) continue;
        try {
          fn(payload);
        } catch (err) {
          onError(err);
        }
      }
    };
  return {
    onLoad: call('onLoad'),
    onUnload: call('onUnload'),
    onPeerJoin: call('onPeerJoin'),
    onPeerLeave: call('onPeerLeave'),
    onAccepted: call('onAccepted'),
    onRefused: call('onRefused'),
    onRelayed: call('onRelayed'),
    onStoreError: call('onStoreError'),
    onCompacted: call('onCompacted'),
    onRemoteRevocation: call('onRemoteRevocation'),
  };
}
