import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@twinspace/shared/protocol';
// The server's schema, to prove the client's request passes it (tests only: the app ships no zod).
import { joinRequest } from '@twinspace/shared/schemas';
import { deflateRawSync } from 'node:zlib';
import type { JoinRequest, JoinResult } from '@twinspace/shared/protocol';
import { buildJoinRequest, requestJoin } from './joining.ts';
import type { TwinSocket } from './socket.ts';
import { parseRefusalReason } from './refusals.ts';

const identity = { participantId: 'p_123456', participantSecret: 's'.repeat(24) };

describe('join requests', () => {
  it('sends name, city, language and the remembered identity, and passes the server schema', () => {
    const request = buildJoinRequest(
      { code: 'K7MPQ2', role: 'participant', facilitatorToken: null, identity },
      { name: 'Olena', city: 'Lviv', language: 'uk' },
    );
    expect(request).toEqual({
      type: 'join',
      protocolVersion: PROTOCOL_VERSION,
      code: 'K7MPQ2',
      role: 'participant',
      name: 'Olena',
      city: 'Lviv',
      language: 'uk',
      ...identity,
    });
    expect(joinRequest.safeParse(request).success).toBe(true);
  });

  it('leaves out what is not known (no undefined fields) and sends a projector no name', () => {
    const request = buildJoinRequest(
      { code: 'K7MPQ2', role: 'projector', facilitatorToken: 't'.repeat(20), identity: null },
      { name: 'x' },
    );
    expect(request).toEqual({
      type: 'join',
      protocolVersion: PROTOCOL_VERSION,
      code: 'K7MPQ2',
      role: 'projector',
    });
  });

  it('sends the facilitator token only for the facilitator role', () => {
    const token = 't'.repeat(32);
    const request = buildJoinRequest(
      { code: 'K7MPQ2', role: 'facilitator', facilitatorToken: token, identity: null },
      { name: 'Anna' },
    );
    expect(request.facilitatorToken).toBe(token);
    expect(joinRequest.safeParse(request).success).toBe(true);
  });
});

/** A control socket whose join is answered by `answer` (what it was asked is kept). */
function answering(answer: (request: JoinRequest) => JoinResult) {
  const asked: JoinRequest[] = [];
  const emitWithAck = (_event: string, request: JoinRequest) => {
    asked.push(structuredClone(request));
    return Promise.resolve(answer(request));
  };
  return { socket: { timeout: () => ({ emitWithAck }) } as unknown as TwinSocket, asked };
}

describe('the state that comes with a first join (SPEC R14)', () => {
  const update = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  const joined = (extra: Partial<Extract<JoinResult, { type: 'joined' }>>): JoinResult => ({
    type: 'joined',
    board: {
      code: 'K7MPQ2',
      kind: 'open-space',
      title: 'T',
      createdAt: 0,
      askCity: false,
      cities: [],
      languages: [],
    },
    role: 'participant',
    participantId: 'p_123456',
    participantSecret: 's'.repeat(24),
    ticket: 't',
    serverTime: 0,
    ...extra,
  });
  const request = (withState: boolean): JoinRequest => ({
    ...buildJoinRequest(
      { code: 'K7MPQ2', role: 'participant', facilitatorToken: null, identity },
      { name: 'Olena' },
    ),
    ...(withState ? { withState } : {}),
  });

  it('asks for it compressed and inflates it into the same update', async () => {
    const { socket, asked } = answering(() =>
      joined({ state: deflateRawSync(update), stateEncoding: 'deflate-raw' }),
    );
    const { result } = await requestJoin(socket, request(true));
    expect(asked[0]?.stateEncoding).toBe('deflate-raw');
    expect(joinRequest.safeParse(asked[0]).success).toBe(true);
    if (result === 'timeout' || result.type !== 'joined') throw new Error('not joined');
    expect(new Uint8Array(result.state!)).toEqual(update);
    expect(result.stateEncoding).toBeUndefined();
  });

  it('drops a state it cannot inflate (the Yjs sync brings the board) and asks nothing extra on a renewal', async () => {
    const broken = answering(() =>
      joined({ state: new Uint8Array([0xff, 0xff, 0xff]), stateEncoding: 'deflate-raw' }),
    );
    const { result } = await requestJoin(broken.socket, request(true));
    if (result === 'timeout' || result.type !== 'joined') throw new Error('not joined');
    expect(result.state).toBeUndefined();
    expect(result.ticket).toBe('t');

    const renewal = answering(() => joined({}));
    await requestJoin(renewal.socket, request(false));
    expect(renewal.asked[0]?.stateEncoding).toBeUndefined();
  });
});

describe('refusal reasons from the server', () => {
  it('recognises a reason with or without detail, and nothing else', () => {
    expect(parseRefusalReason('not-owner')).toBe('not-owner');
    expect(parseRefusalReason('wrong-phase: cards.create in voting')).toBe('wrong-phase');
    expect(parseRefusalReason('Permission denied')).toBeNull();
  });
});
