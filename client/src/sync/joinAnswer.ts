import type { JoinResult } from '@twinspace/shared/protocol';
import type { Role } from '@twinspace/shared/rules/model';
import { connectionActions } from '../state/connectionStore.ts';
import { betterSample, clockSample } from './clock.ts';
import { rememberBoardInfo } from './deviceCopy.ts';
import { forgetFacilitatorToken, saveIdentity } from './identity.ts';
import type { JoinAttempt, JoinDetails } from './joining.ts';
import type { EndStatus } from './sessionEnd.ts';

export type JoinRefusal = Extract<JoinResult, { type: 'join-refused' }>['reason'];
type Joined = Extract<JoinResult, { type: 'joined' }>;

/**
 * The ending a refused join means; null when the person may try again (the join form names
 * the reason). `joinedBefore`: this session had joined, so what failed now was taken away.
 */
export function refusalEnding(
  code: string,
  reason: JoinRefusal,
  joinedBefore: boolean,
): EndStatus | null {
  switch (reason) {
    case 'unknown-board':
      return joinedBefore ? 'deleted' : 'not-found';
    case 'protocol-version':
      return 'outdated';
    case 'bad-facilitator-token':
      forgetFacilitatorToken(code);
      // It worked for this session a moment ago: the team revoked it.
      return joinedBefore ? 'revoked' : 'missing-key';
    case 'removed':
      return 'removed';
    default:
      return null;
  }
}

/**
 * What an accepted join leaves behind, whatever the session does next: the server clock's
 * best sample, the person's identity (to join again without the form) and the board's info
 * (to open it from this device next time).
 */
export function rememberJoin(
  code: string,
  role: Role,
  details: JoinDetails,
  { result, sentAt, receivedAt }: JoinAttempt & { result: Joined },
): void {
  const clock = connectionActions().clock;
  connectionActions().setClock(
    betterSample(clock, clockSample(result.serverTime, sentAt, receivedAt)),
  );
  if (role !== 'projector') {
    saveIdentity(code, role, {
      participantId: result.participantId,
      participantSecret: result.participantSecret,
      ...details,
    });
  }
  rememberBoardInfo(result.board, role);
}
