import type { Role } from '@twinspace/shared/rules/model';
import { boardActions } from '../state/boardStore.ts';
import { forgetMine } from '../privacy/myBoards.ts';
import { loadChunk } from './chunks.ts';
import { forgetFacilitatorToken, forgetIdentity } from './identity.ts';

/** How a board session can end (BoardGate shows each as its own screen). */
export type EndStatus =
  'deleted' | 'erased' | 'outdated' | 'not-found' | 'missing-key' | 'removed' | 'revoked';

interface Forgets {
  /** The device copy, outbox, unsent edits and identity: of every role, or of this one. */
  device: 'board' | 'role' | 'none';
  /** The facilitator's key, and the board's entry in their list. */
  key: boolean;
  /** The board's content leaves the screen (nothing of it may stay visible). */
  screen: boolean;
}

/**
 * What the device forgets when a session ends, per status (docs/privacy.md, "On the
 * device"): a board that is gone leaves nothing; a person erased or removed, or a revoked
 * link, leaves this role's copy and identity; an outdated app or a missing key keep all.
 */
const FORGETS: Record<EndStatus, Forgets> = {
  deleted: { device: 'board', key: true, screen: true },
  'not-found': { device: 'board', key: true, screen: true },
  erased: { device: 'role', key: false, screen: false },
  removed: { device: 'role', key: false, screen: false },
  revoked: { device: 'role', key: true, screen: true },
  outdated: { device: 'none', key: false, screen: false },
  'missing-key': { device: 'none', key: false, screen: false },
};

/** The device-side board code (offlineOpen.ts): loaded when a board opens or leaves the device. */
export const loadOfflineOpen = () => loadChunk(() => import('./offlineOpen.ts'));

/** This role's copy, outbox and unsent edits (offlineOpen.ts, loaded only now), and identity. */
export function forgetRoleOnDevice(code: string, role: Role): void {
  forgetIdentity(code, role);
  void loadOfflineOpen().then((m) => m.forgetBoardOnDevice(code, role));
}

export function forgetOnEnd(code: string, role: Role, status: EndStatus): void {
  const forgets = FORGETS[status];
  // The key and the list entry at once (the rest follows with offlineOpen's chunk): a page
  // left right after a deletion lists no deleted board.
  if (forgets.key) forgetFacilitatorToken(code);
  if (forgets.device === 'board') {
    forgetMine(code);
    forgetIdentity(code, role);
    // Every role's copy, with the board's info and its cached pages.
    void loadOfflineOpen().then((m) => m.forgetDeletedBoard(code));
  } else if (forgets.device === 'role') forgetRoleOnDevice(code, role);
  if (forgets.screen) boardActions().reset();
}
