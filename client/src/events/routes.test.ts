import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from '../app/routes.ts';

describe('event routes', () => {
  it('reads the event page, its wall and its console, codes in any case', () => {
    expect(parseRoute('/e/abc234')).toEqual({ name: 'event', code: 'ABC234' });
    expect(parseRoute('/e/ABC234/projector/')).toEqual({ name: 'event-projector', code: 'ABC234' });
    expect(parseRoute('/e/ABC234/facilitate')).toEqual({ name: 'event-console', code: 'ABC234' });
    expect(parseRoute('/events/new')).toEqual({ name: 'event-new' });
    for (const path of ['/e/', '/e/ABC234/other', '/e/%E0%A4%A', '/e/!!'])
      expect(parseRoute(path), path).toEqual({ name: 'not-found' });
  });

  it('has one canonical path per event route', () => {
    expect(routePath({ name: 'event', code: 'ABC234' })).toBe('/e/ABC234');
    expect(routePath({ name: 'event-projector', code: 'ABC234' })).toBe('/e/ABC234/projector');
    expect(routePath({ name: 'event-console', code: 'ABC234' })).toBe('/e/ABC234/facilitate');
  });
});
