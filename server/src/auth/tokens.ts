import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { CODE_ALPHABET, CODE_LENGTH, type TicketClaims, ROLES } from '@twinspace/shared';

/** A room code from a cryptographic source (uniqueness is checked by the store). */
export function newRoomCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** 32 random bytes (256 bits) as base64url: facilitator tokens and participant secrets. */
export const newSecretToken = (): string => randomBytes(32).toString('base64url');

export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

export function tokenMatches(token: string, hash: string): boolean {
  const a = Buffer.from(hashToken(token), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Tickets are the one auth path into the Yjs endpoint (SPEC R8): Socket.IO's join
 * handshake issues one, the WebSocket presents it. Format: base64url(json).base64url(hmac).
 */
export class TicketSigner {
  constructor(private readonly secret: string) {}

  sign(claims: TicketClaims): string {
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  /** Returns the claims, or null for a forged, malformed or expired ticket. */
  verify(ticket: string, now = Date.now()): TicketClaims | null {
    const dot = ticket.indexOf('.');
    if (dot <= 0) return null;
    const body = ticket.slice(0, dot);
    const given = Buffer.from(ticket.slice(dot + 1), 'base64url');
    const expected = Buffer.from(this.mac(body), 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TicketClaims;
      if (typeof claims.exp !== 'number' || claims.exp < now) return null;
      if (!(ROLES as readonly string[]).includes(claims.role)) return null;
      return claims;
    } catch {
      return null;
    }
  }

  private mac(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}
