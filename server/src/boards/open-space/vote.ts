import * as Y from 'yjs';
import { OS_ROOT, readSettings, type CommandData, type CommandResult } from '@twinspace/shared';
import type { Session } from '../../rooms/join.ts';
import { refused } from '../results.ts';
import { myBallot, readBallot, syncPublic, usedDots, writeBallot } from './ballots.ts';

/**
 * One dot added or taken back, against the voter's own ballot (the voter is the session's
 * participant: a command cannot name another). Participants vote in the voting phase
 * only (the command's declared rule; `ballotData` goes with that refusal); the
 * facilitator may vote in any. Refusals carry the ballot, so a phone that lost track
 * corrects itself.
 */
/** The voter's own ballot, as every answer to a vote carries it. */
export function ballotData(doc: Y.Doc, key: Buffer, voter: string): CommandData {
  return {
    type: 'os-ballot',
    ballot: myBallot(readBallot(doc, key, voter).dots, readSettings(doc)),
  };
}

export function vote(
  doc: Y.Doc,
  key: Buffer,
  session: Pick<Session, 'participantId'>,
  cmd: { voteId: string; topicId: string; delta: 1 | -1 },
  now: number,
): CommandResult {
  const settings = readSettings(doc);
  const voter = session.participantId;
  const ballot = readBallot(doc, key, voter);
  const data = { type: 'os-ballot', ballot: myBallot(ballot.dots, settings) } as const;
  if (ballot.nonces.includes(cmd.voteId))
    return refused('duplicate', 'this vote was already counted', data);
  if (!(doc.getMap(OS_ROOT.topics).get(cmd.topicId) instanceof Y.Map) && cmd.delta > 0) {
    return refused('not-found', 'no such topic', data);
  }
  const current = ballot.dots[cmd.topicId] ?? 0;
  const next = current + cmd.delta;
  if (next < 0) return refused('bad-value', 'no dot to take back', data);
  if (next > 1 && !settings.multiDot) return refused('limit-reached', 'one dot per topic', data);
  if (cmd.delta > 0 && usedDots(ballot.dots) + 1 > settings.voteBudget) {
    return refused('over-budget', 'no dots left', data);
  }
  const dots = { ...ballot.dots };
  if (next === 0) delete dots[cmd.topicId];
  else dots[cmd.topicId] = next;
  writeBallot(doc, key, voter, { dots, nonces: [...ballot.nonces, cmd.voteId] }, now);
  syncPublic(doc, key, voter, dots);
  return { type: 'ok', data: { type: 'os-ballot', ballot: myBallot(dots, settings) } };
}
