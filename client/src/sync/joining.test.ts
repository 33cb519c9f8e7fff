import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@twinspace/shared/protocol';
// The server's schema, to prove the client's request passes it (tests only: the app ships no zod).
import { joinRequest } from '@twinspace/shared/schemas';
import { buildJoinRequest } from './joining.ts';
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

describe('refusal reasons from the server', () => {
  it('recognises a reason with or without detail, and nothing else', () => {
    expect(parseRefusalReason('not-owner')).toBe('not-owner');
    expect(parseRefusalReason('wrong-phase: cards.create in voting')).toBe('wrong-phase');
    expect(parseRefusalReason('Permission denied')).toBeNull();
  });
});
