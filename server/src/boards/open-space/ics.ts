import type { BoardInfo } from '@twinspace/shared';
import type { Proceedings, Session } from './proceedings.ts';
import { minutesOf } from '@twinspace/shared/boards/open-space/nowNext';
import { toIcal, wallClock, type CalendarEvent } from '../../exports/ics.ts';

/**
 * iCalendar: one event per scheduled session. Slot times are wall-clock times of
 * settings.date (default: the day the board was made) in settings.timezone; with a zone
 * they are converted to UTC (no VTIMEZONE needed), without one they stay floating.
 */
export function toIcs(p: Proceedings, info: BoardInfo, now: number): string {
  const date = p.settings.date ?? new Date(info.createdAt).toISOString().slice(0, 10);
  // A programme across midnight (a slot 23:30-00:30): its small hours are the next day.
  const nightOwl = p.sessions.some((s) => crossesMidnight(s.slot));
  const dayOf = (hhmm: string): string =>
    nightOwl && (minutesOf(hhmm) ?? DAY) < SMALL_HOURS ? nextDay(date) : date;
  const events: CalendarEvent[] = [];
  for (const s of p.sessions) {
    const zone = p.settings.timezone;
    const start = wallClock(dayOf(s.slot.start), s.slot.start, zone);
    if (!start) continue;
    const endDay = crossesMidnight(s.slot) ? nextDay(date) : dayOf(s.slot.end);
    events.push({
      // The topic's id: a calendar that imports the file again updates the same session.
      uid: `${s.topic.id}@${info.code}.twinspace`,
      start,
      end: wallClock(endDay, s.slot.end, zone),
      summary: s.topic.title,
      location: s.space.name,
      description: description(p, s),
      url: s.space.videoUrl || null,
    });
  }
  return toIcal({ product: 'Open Space', name: info.title }, events, now);
}

const DAY = 24 * 60;
const SMALL_HOURS = 6 * 60;
const nextDay = (date: string): string =>
  new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
function crossesMidnight(slot: { start: string; end: string }): boolean {
  const [start, end] = [minutesOf(slot.start), minutesOf(slot.end)];
  return start !== null && end !== null && end < start;
}

function description(p: Proceedings, s: Session): string {
  const parts = [s.topic.description];
  if (s.topic.convener) parts.push(p.t('openSpace.convener', { name: s.topic.convener }));
  if (s.space.videoUrl) parts.push(p.t('openSpace.video', { url: s.space.videoUrl }));
  return parts.filter(Boolean).join('\n');
}
