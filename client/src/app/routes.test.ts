import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from './routes.ts';

describe('routes', () => {
  it('reads the four routes', () => {
    expect(parseRoute('/')).toEqual({ name: 'landing' });
    expect(parseRoute('/b/K7MPQ2')).toEqual({ name: 'participant', code: 'K7MPQ2' });
    expect(parseRoute('/b/K7MPQ2/projector')).toEqual({ name: 'projector', code: 'K7MPQ2' });
    expect(parseRoute('/b/K7MPQ2/facilitate')).toEqual({ name: 'facilitator', code: 'K7MPQ2' });
  });

  it('accepts codes in any case, with a trailing slash or a dash', () => {
    expect(parseRoute('/b/k7mpq2/')).toEqual({ name: 'participant', code: 'K7MPQ2' });
    expect(parseRoute('/b/k7m-pq2/projector')).toEqual({ name: 'projector', code: 'K7MPQ2' });
  });

  it('sends anything else to "not found"', () => {
    for (const path of [
      '/b/',
      '/b/TOOLONG1',
      '/b/O0O0O0',
      '/b/K7MPQ2/edit',
      '/admin',
      '/b/%E0%A4%A',
    ]) {
      expect(parseRoute(path), path).toEqual({ name: 'not-found' });
    }
  });

  it('gives the canonical path of a route', () => {
    expect(routePath(parseRoute('/b/k7mpq2/'))).toBe('/b/K7MPQ2');
    expect(routePath({ name: 'not-found' })).toBeNull();
  });
});
