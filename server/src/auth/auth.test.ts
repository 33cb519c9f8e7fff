import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET } from '@twinspace/shared';
import { RateLimiter } from './rate-limit.ts';
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

describe('RateLimiter', () => {
  it('lets failures drain the bucket, refills over time, and ignores successes', () => {
    let now = 0;
    const limiter = new RateLimiter(3, 60, () => now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.allowed('ip')).toBe(true);
      limiter.fail('ip');
    }
    expect(limiter.allowed('ip')).toBe(false);
    expect(limiter.allowed('other')).toBe(true);
    now += 1_000; // 60 per minute: one token a second
    expect(limiter.allowed('ip')).toBe(true);
  });
});
