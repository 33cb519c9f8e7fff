import { describe, expect, it } from 'vitest';
import type { Slot } from '@twinspace/shared/boards/open-space/read';
import { nowAndNext, venueMinute } from './hooks.ts';

const slot = (id: string, start: string, end: string): Slot => ({
  id,
  label: id,
  start,
  end,
  order: 0,
});
const SLOTS = [slot('morning', '09:00', '10:30'), slot('noon', '11:00', '12:30')];

describe('now and next on the venue clock', () => {
  // 08:15 UTC is 10:15 in Kyiv (UTC+2 in November) and 09:15 in Berlin.
  const at = new Date(Date.UTC(2026, 10, 28, 8, 15));

  it('reads the time of day in the board’s zone, whatever the device’s zone', () => {
    expect(venueMinute(at, 'Europe/Kyiv')).toBe(10 * 60 + 15);
    expect(venueMinute(at, 'Europe/Berlin')).toBe(9 * 60 + 15);
  });

  it('gives a remote team the venue’s now and next', () => {
    expect(nowAndNext(SLOTS, at, 'Europe/Kyiv')).toEqual({ now: SLOTS[0], next: SLOTS[1] });
    const later = new Date(Date.UTC(2026, 10, 28, 8, 45)); // 10:45 in Kyiv: between slots
    expect(nowAndNext(SLOTS, later, 'Europe/Kyiv')).toEqual({ now: null, next: SLOTS[1] });
  });

  it('falls back to the device clock without a zone, or with one it does not know', () => {
    const local = at.getHours() * 60 + at.getMinutes();
    expect(venueMinute(at, null)).toBe(local);
    expect(venueMinute(at, 'Mars/Olympus_Mons')).toBe(local);
  });
});
