import type { Slot } from './read.ts';

const DAY = 24 * 60;

/** Minutes since midnight of an "HH:MM" string, or null. */
export function minutesOf(hhmm: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/**
 * Minutes since midnight of `date` on the venue's clock: in the board's time zone when the
 * facilitator set one (a remote team in the partner city may be an hour off), else the
 * device's.
 */
export function venueMinute(date: Date, timeZone: string | null): number {
  if (timeZone) {
    try {
      const parts = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).formatToParts(date);
      const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
      const minute = part('hour') * 60 + part('minute');
      if (Number.isFinite(minute)) return minute;
    } catch {
      // an unknown zone: fall back to the device's clock
    }
  }
  return date.getHours() * 60 + date.getMinutes();
}

/** A programme that runs across midnight: its small hours belong to the evening before. */
const MORNING_AFTER = 6 * 60;

const crossesMidnight = (slot: Slot): boolean => {
  const start = minutesOf(slot.start);
  const end = minutesOf(slot.end);
  return start !== null && end !== null && end < start;
};

/**
 * The slot running now and the one after it, by the slots' times (the venue's local times)
 * against the venue's time of day. When a slot runs across midnight (23:30-00:30), the
 * hours up to 06:00 count as the end of the evening before: at 23:45 and at 00:15 that slot
 * runs now, and a slot at 00:30 is next.
 */
export function nowAndNext(
  slots: readonly Slot[],
  date: Date,
  timeZone: string | null = null,
): { now: Slot | null; next: Slot | null } {
  const nightOwl = slots.some(crossesMidnight);
  const onTimeline = (minute: number): number =>
    nightOwl && minute < MORNING_AFTER ? minute + DAY : minute;
  const minute = onTimeline(venueMinute(date, timeZone));
  let now: Slot | null = null;
  let next: Slot | null = null;
  let nextStart = Infinity;
  for (const slot of slots) {
    const startOf = minutesOf(slot.start);
    if (startOf === null) continue;
    const start = onTimeline(startOf);
    const endOf = minutesOf(slot.end);
    let end = endOf === null ? null : onTimeline(endOf);
    if (end !== null && end < start) end += DAY;
    if (start <= minute && (end === null || end === start || minute < end)) now ??= slot;
    else if (start > minute && start < nextStart) {
      next = slot;
      nextStart = start;
    }
  }
  return { now, next };
}

/**
 * Sessions are on the grid, yet by the clock none runs now and none comes next: the day ran
 * late, or its slots were planned for another day or kept from a draft. Screens then show
 * the whole agenda instead of "nothing now, nothing next".
 */
export function offTheClock(
  current: { now: Slot | null; next: Slot | null },
  topics: readonly { slot: string | null }[],
): boolean {
  return current.now === null && current.next === null && topics.some((t) => t.slot !== null);
}
