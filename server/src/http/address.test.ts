import { describe, expect, it } from 'vitest';
import { clientAddress } from './address.ts';

describe('clientAddress (the join rate limit key)', () => {
  it('is the socket peer without a proxy, whatever the headers say', () => {
    expect(clientAddress('10.0.0.9', '1.2.3.4', 0)).toBe('10.0.0.9');
  });

  it('behind one proxy, is what that proxy saw: a client-written entry is not believed', () => {
    // nginx appends $remote_addr to whatever the client sent.
    expect(clientAddress('172.18.0.5', '6.6.6.6, 203.0.113.7', 1)).toBe('203.0.113.7');
    expect(clientAddress('172.18.0.5', '203.0.113.7', 1)).toBe('203.0.113.7');
  });

  it('behind two proxies, skips the inner one', () => {
    expect(clientAddress('172.18.0.5', '6.6.6.6, 203.0.113.7, 10.1.1.1', 2)).toBe('203.0.113.7');
  });

  it('falls back to the peer when the proxy sent no header, and copes with repeated headers', () => {
    expect(clientAddress('172.18.0.5', undefined, 1)).toBe('172.18.0.5');
    expect(clientAddress('172.18.0.5', ['6.6.6.6', '203.0.113.7'], 1)).toBe('203.0.113.7');
    expect(clientAddress(undefined, ' , ', 1)).toBe('unknown');
  });
});
