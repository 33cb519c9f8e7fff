import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET } from '@twinspace/shared';
import { DEFAULT_LIMITS } from '../config.ts';
import { limitKey } from '../http/address.ts';
import { originAllowed } from '../http/origin.ts';
import { Limits } from './limits.ts';
import { hashToken, newRoomCode, newSecretToken, TicketSigner, tokenMatches } from './tokens.ts';

describe('tokens and tickets', () => {
  it('draws codes from the unambiguous alphabet', () => {
    for (let i = 0; i < 200; i++) for (const c of newRoomCode()) expect(CODE_ALPHABET).toContain(c);
  });

  it('stores tokens only as hashes and compares them in constant time', () => {
    const token = newSecretToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const hash = hashToken(token);
    expect(hash).not.toContain(token);
    expect(tokenMatches(token, hash)).toBe(true);
    expect(tokenMatches(newSecretToken(), hash)).toBe(false);
  });

  it('verifies its own tickets and refuses forged, tampered and expired ones (R8)', () => {
    const signer = new TicketSigner('s'.repeat(32));
    const claims = {
      board: 'ABCDEF',
      role: 'participant' as const,
      participantId: 'p1',
      exp: 2_000,
    };
    const ticket = signer.sign(claims);
    expect(signer.verify(ticket, 1_000)).toEqual(claims);
    expect(signer.verify(ticket, 3_000)).toBeNull();
    expect(new TicketSigner('t'.repeat(32)).verify(ticket, 1_000)).toBeNull();
    const [body, mac] = ticket.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'facilitator' })).toString(
      'base64url',
    );
    expect(signer.verify(`${forged}.${mac}`, 1_000)).toBeNull();
    expect(signer.verify(`${body}.`, 1_000)).toBeNull();
    expect(signer.verify('garbage', 1_000)).toBeNull();
  });
});

describe('Limits (rate-limiter-flexible, in memory)', () => {
  const limits = () =>
    new Limits(
      { ...DEFAULT_LIMITS, lookupFailuresPerMinute: 3, joinsPerHour: 2, socketsPerAddress: 2 },
      { prefix: 'test:' },
    );

  it('lets only failures spend the lookup budget, per address', async () => {
    const l = limits();
    for (let i = 0; i < 3; i++) {
      expect((await l.lookupAllowed('ip')).ok).toBe(true);
      await l.lookupFailed('ip');
    }
    const over = await l.lookupAllowed('ip');
    expect(over.ok).toBe(false);
    expect(!over.ok && over.retryAfterS).toBeGreaterThan(0);
    expect((await l.lookupAllowed('other')).ok).toBe(true);
  });

  it('counts new participants per board and address', async () => {
    const l = limits();
    expect((await l.newParticipant('ABCDEF', 'ip')).ok).toBe(true);
    expect((await l.newParticipant('ABCDEF', 'ip')).ok).toBe(true);
    expect((await l.newParticipant('ABCDEF', 'ip')).ok).toBe(false);
    expect((await l.newParticipant('GHJKLM', 'ip')).ok).toBe(true);
  });

  it('counts open sockets per transport and address, and gives them back', () => {
    const l = limits();
    const one = l.openSocket('yjs', 'ip');
    const two = l.openSocket('yjs', 'ip');
    expect(one && two).toBeTruthy();
    expect(l.openSocket('yjs', 'ip')).toBeNull();
    expect(l.openSocket('socketio', 'ip')).not.toBeNull();
    one?.();
    one?.(); // twice is once
    expect(l.openSocket('yjs', 'ip')).not.toBeNull();
    expect(l.openSocket('yjs', 'ip')).toBeNull();
  });
});

describe('limitKey', () => {
  it('counts IPv4 as is and IPv6 by its /64', () => {
    expect(limitKey('203.0.113.7')).toBe('203.0.113.7');
    expect(limitKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(limitKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(limitKey('2001:0db8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(limitKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(limitKey('::1')).toBe('0:0:0:0::/64');
  });
});

describe('originAllowed', () => {
  const none = { publicUrl: undefined, allowedOrigins: [] };
  it('allows the served host, PUBLIC_URL, ALLOWED_ORIGINS and no Origin at all', () => {
    expect(originAllowed('http://board.example:3000', 'board.example:3000', none)).toBe(true);
    expect(originAllowed('https://evil.example', 'board.example:3000', none)).toBe(false);
    expect(originAllowed('null', 'board.example', none)).toBe(false);
    expect(originAllowed(undefined, 'board.example', none)).toBe(true);
    const pub = { publicUrl: 'https://twin.example', allowedOrigins: ['https://ok.example'] };
    expect(originAllowed('https://twin.example', 'internal:3000', pub)).toBe(true);
    expect(originAllowed('https://ok.example', 'internal:3000', pub)).toBe(true);
    expect(originAllowed('http://internal:3000', 'internal:3000', pub)).toBe(false);
  });
});
