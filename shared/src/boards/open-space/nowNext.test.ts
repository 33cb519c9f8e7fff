import { describe, expect, it } from 'vitest';
import type { Slot } from './read.ts';
import { nowAndNext, offTheClock, venueMinute } from './nowNext.ts';

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

  it('finds a session across midnight, now and next', () => {
    const night = [
      slot('late', '22:30', '23:30'),
      slot('midnight', '23:30', '00:30'),
      slot('early', '00:30', '01:30'),
    ];
    // Times in UTC, read in UTC: 23:45, 00:15, 00:45, 23:00, 12:00.
    const utc = (h: number, m: number, day = 3): Date => new Date(Date.UTC(2026, 11, day, h, m));
    expect(nowAndNext(night, utc(23, 45), 'UTC')).toEqual({ now: night[1], next: night[2] });
    expect(nowAndNext(night, utc(0, 15, 4), 'UTC')).toEqual({ now: night[1], next: night[2] });
    expect(nowAndNext(night, utc(0, 45, 4), 'UTC')).toEqual({ now: night[2], next: null });
    expect(nowAndNext(night, utc(23, 0), 'UTC')).toEqual({ now: night[0], next: night[1] });
    // At noon the night's slots lie ahead; the one after midnight is not "next" yet.
    expect(nowAndNext(night, utc(12, 0), 'UTC')).toEqual({ now: null, next: night[0] });
    // A morning programme does not wrap: after the last slot nothing is next.
    expect(nowAndNext(SLOTS, utc(20, 0), 'UTC')).toEqual({ now: null, next: null });
  });

  it('is off the clock after the day’s last slot, with sessions placed, and only then', () => {
    const placed = [{ slot: 'noon' }, { slot: null }];
    const evening = new Date(Date.UTC(2026, 10, 28, 18, 0)); // 20:00 in Kyiv
    expect(offTheClock(nowAndNext(SLOTS, evening, 'Europe/Kyiv'), placed)).toBe(true);
    // Before the first slot, one is next; during one, it runs now.
    const early = new Date(Date.UTC(2026, 10, 28, 5, 0)); // 07:00 in Kyiv
    expect(offTheClock(nowAndNext(SLOTS, early, 'Europe/Kyiv'), placed)).toBe(false);
    expect(offTheClock(nowAndNext(SLOTS, at, 'Europe/Kyiv'), placed)).toBe(false);
    // Nothing placed yet: there is no agenda to show instead.
    expect(offTheClock({ now: null, next: null }, [{ slot: null }])).toBe(false);
  });
});
