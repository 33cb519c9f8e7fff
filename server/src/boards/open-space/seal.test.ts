import { describe, expect, it } from 'vitest';
import { seal, unseal, ballotKey } from './seal.ts';

describe('ballot seal', () => {
  it('round-trips, and refuses another key or tampered bytes', () => {
    const key = ballotKey('secret-one');
    const sealed = seal(key, '{"d":{"t":1}}');
    expect(sealed).not.toContain('"t"');
    expect(unseal(key, sealed)).toBe('{"d":{"t":1}}');
    expect(unseal(ballotKey('secret-two'), sealed)).toBeNull();
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(unseal(key, tampered)).toBeNull();
    expect(unseal(key, 'short')).toBeNull();
  });
});
